//! `/bank-accounts`: where payments go in and out, each with its asset account in the chart.

use actix_web::{delete, get, patch, post};

use crate::app::billing::bank_accounts::{
    BankAccount, BankAccountCreate, BankAccountListParams, BankAccountRequest, BankAccountView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(BankAccount {
    create create_bank_account "/bank-accounts" "Create a bank account, with its own asset account in the chart." (
        tag = "bank-accounts",
        request_body = BankAccountCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = BankAccountView))
    )
    list list_bank_accounts "/bank-accounts" "The bank accounts." (
        tag = "bank-accounts",
        params(PageParams, BankAccountListParams),
        responses((status = 200, description = "A page of bank accounts", body = Page<BankAccountView>))
    )
    get get_bank_account "/bank-accounts/{id}" "A bank account." (
        tag = "bank-accounts",
        params(("id" = Uuid, Path, description = "Bank account id")),
        responses((status = 200, description = "The bank account", body = BankAccountView))
    )
    update update_bank_account "/bank-accounts/{id}" "Rename a bank account, change its numbers or deactivate it." (
        tag = "bank-accounts",
        request_body = BankAccountRequest,
        params(("id" = Uuid, Path, description = "Bank account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
        responses((status = 200, description = "The bank account", body = BankAccountView))
    )
    delete delete_bank_account "/bank-accounts/{id}" "Delete a bank account nothing was paid through (deactivate it otherwise)." (
        tag = "bank-accounts",
        params(("id" = Uuid, Path, description = "Bank account id")),
        responses((status = 204, description = "Deleted"))
    )
});
