//! `/bank-transfers`: money moved between the organization's bank accounts.

use actix_web::{get, post};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app::banking::transfers::{
    BankTransfer, BankTransferCreate, BankTransferListParams, BankTransferView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(BankTransfer {
    create create_bank_transfer "/bank-transfers" "Move money between two of your bank accounts: one journal entry, balanced in the base currency with any exchange difference to fx_gain_loss." (
        tag = "bank-transfers",
        request_body = BankTransferCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = BankTransferView))
    )
    list list_bank_transfers "/bank-transfers" "The transfers between your bank accounts." (
        tag = "bank-transfers",
        params(PageParams, BankTransferListParams),
        responses((status = 200, description = "A page of transfers", body = Page<BankTransferView>))
    )
    get get_bank_transfer "/bank-transfers/{id}" "A transfer between your bank accounts." (
        tag = "bank-transfers",
        params(("id" = Uuid, Path, description = "Bank transfer id")),
        responses((status = 200, description = "The transfer", body = BankTransferView))
    )
});

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_bank_transfer)
        .service(list_bank_transfers)
        .service(get_bank_transfer);
}
