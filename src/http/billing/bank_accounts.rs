//! `/bank-accounts`: where payments go in and out, each with its account in the chart; and
//! how each one's statements are read (its CSV mapping, a balance anchor).

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use crate::app::billing::bank_accounts::{
    self, BalanceAnchor, BankAccount, BankAccountCreate, BankAccountListParams, BankAccountRequest,
    BankAccountView,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::domain::banking::CsvMapping;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::{etag, reply};

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

/// Set how a bank account's CSV exports are read: the date column and format, one signed
/// amount column or a debit and a credit column, the separators and the rows to skip.
#[utoipa::path(
    tag = "bank-accounts",
    request_body = CsvMapping,
    params(("id" = Uuid, Path, description = "Bank account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
    responses((status = 200, description = "The bank account", body = BankAccountView))
)]
#[put("/bank-accounts/{id}/csv-mapping")]
pub async fn set_csv_mapping(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<CsvMapping>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view =
        bank_accounts::set_csv_mapping(&app, &cx, id.into(), expected, Some(body.value)).await?;
    reply::resource(&view)
}

/// Remove a bank account's CSV mapping.
#[utoipa::path(
    tag = "bank-accounts",
    params(("id" = Uuid, Path, description = "Bank account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
    responses((status = 200, description = "The bank account", body = BankAccountView))
)]
#[delete("/bank-accounts/{id}/csv-mapping")]
pub async fn delete_csv_mapping(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view = bank_accounts::set_csv_mapping(&app, &cx, id.into(), expected, None).await?;
    reply::resource(&view)
}

/// State a bank account's balance on a date, where its statements give none (OFX has no
/// opening balance, CSV none at all); `null` clears it.
#[utoipa::path(
    tag = "bank-accounts",
    request_body(content = BalanceAnchor, description = "{date, balance}; `null` (or DELETE) clears it"),
    params(("id" = Uuid, Path, description = "Bank account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
    responses((status = 200, description = "The bank account", body = BankAccountView))
)]
#[put("/bank-accounts/{id}/balance-anchor")]
pub async fn set_balance_anchor(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<Option<BalanceAnchor>>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view =
        bank_accounts::set_balance_anchor(&app, &cx, id.into(), expected, body.value).await?;
    reply::resource(&view)
}

/// Clear a bank account's balance anchor.
#[utoipa::path(
    tag = "bank-accounts",
    params(("id" = Uuid, Path, description = "Bank account id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
    responses((status = 200, description = "The bank account", body = BankAccountView))
)]
#[delete("/bank-accounts/{id}/balance-anchor")]
pub async fn delete_balance_anchor(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view = bank_accounts::set_balance_anchor(&app, &cx, id.into(), expected, None).await?;
    reply::resource(&view)
}
