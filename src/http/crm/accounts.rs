//! `/accounts`: the client accounts: create, list, read with health as of a day, change,
//! archive and churn.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use uuid::Uuid;

use crate::app::batch::{BatchRequest, BatchResults};
use crate::app::crm::accounts::{
    self, Account, AccountCreate, AccountInput, AccountListParams, AccountView, AsOfParams,
    ChurnInput,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

crate::record_endpoints!(Account {
    create create_account "/accounts" "Create an account (account managers: one they will own or in a team they write)." (
        tag = "accounts",
        request_body = AccountCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
        responses((status = 201, description = "Created", body = AccountView))
    )
    create_batch create_accounts_batch "/accounts/batch" "Create 1 to 100 accounts at once, each in its own savepoint of one transaction: 200 with a result per record (`status` 201 and `data`, or the status and `problem` the single create would have answered). One `Idempotency-Key` covers the batch." (
        tag = "accounts",
        request_body = BatchRequest<AccountCreate>,
        params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
        responses((status = 200, description = "One result per record, in the order sent", body = BatchResults<AccountView>))
    )
});

/// List accounts.
#[utoipa::path(tag = "accounts", params(PageParams, AccountListParams), responses((status = 200, description = "A page of accounts", body = Page<AccountView>)))]
#[get("/accounts")]
pub async fn list_accounts(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<AccountListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = accounts::list(&app, &cx, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

/// Get an account with its health as of a day.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id"), AsOfParams), responses((status = 200, description = "The account", body = AccountView)))]
#[get("/accounts/{id}")]
pub async fn get_account(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    q: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&accounts::get(&app, &cx, id.into_inner().into(), q.into_inner()).await?)
}

crate::record_endpoints!(Account {
    update update_account "/accounts/{id}" "Change an account. `status` may move between prospect and active; at_risk is derived (422 `status_derived`)." (
        tag = "accounts",
        params(("id" = Uuid, Path, description = "Account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = AccountInput,
        responses((status = 200, description = "The updated account", body = AccountView))
    )
});

/// Archive an account (it leaves lists; its history stays).
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id")), responses((status = 204, description = "Archived")))]
#[delete("/accounts/{id}")]
pub async fn archive_account(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    accounts::archive(&app, &cx, id.into_inner().into()).await?;
    Ok(reply::no_content())
}

/// Churn an account, with the reason and the competitor it was lost to.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = ChurnInput,
    responses((status = 200, description = "The churned account", body = AccountView))
)]
#[post("/accounts/{id}/churn")]
pub async fn churn_account(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<ChurnInput>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = accounts::churn(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}
