//! `/ledger/accounts`: the chart of accounts, a plain record served by the generic handlers;
//! its list is in code order.

use actix_web::{delete, get, patch, post, web, HttpResponse};

use crate::app::ledger::accounts::{
    self, CreateLedgerAccountRequest, LedgerAccount, LedgerAccountListParams, LedgerAccountView,
    UpdateLedgerAccountRequest,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

crate::record_endpoints!(LedgerAccount {
    create create_ledger_account "/ledger/accounts" "Add an account to the chart." (
        tag = "ledger",
        request_body = CreateLedgerAccountRequest,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = LedgerAccountView))
    )
});

/// The chart of accounts, in code order.
#[utoipa::path(
    tag = "ledger",
    params(PageParams, LedgerAccountListParams),
    responses((status = 200, description = "A page of ledger accounts", body = Page<LedgerAccountView>))
)]
#[get("/ledger/accounts")]
pub async fn list_ledger_accounts(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<LedgerAccountListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = accounts::list(&app, &cx, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

crate::record_endpoints!(LedgerAccount {
    get get_ledger_account "/ledger/accounts/{id}" "Get a ledger account." (
        tag = "ledger",
        params(("id" = Uuid, Path, description = "Ledger account id")),
        responses((status = 200, description = "The account", body = LedgerAccountView))
    )
    update update_ledger_account "/ledger/accounts/{id}" "Change a ledger account; type and currency only while it has no postings." (
        tag = "ledger",
        params(
            ("id" = Uuid, Path, description = "Ledger account id"),
            ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the account changed since")
        ),
        request_body = UpdateLedgerAccountRequest,
        responses((status = 200, description = "The updated account", body = LedgerAccountView))
    )
    delete delete_ledger_account "/ledger/accounts/{id}" "Delete a ledger account that has never been posted to (otherwise deactivate it)." (
        tag = "ledger",
        params(("id" = Uuid, Path, description = "Ledger account id")),
        responses((status = 204, description = "Deleted"))
    )
});
