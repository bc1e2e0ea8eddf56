//! The reports over receivables and payables: `/reports/ar-aging`, `/reports/ap-aging`,
//! `/reports/tax-summary` and `/accounts/{id}/statement`.

use actix_web::{get, web, HttpResponse};
use uuid::Uuid;

use crate::app::billing::aging::{
    self, AgingReport, AsOfParams, RangeParams, Statement, StatementParams, TaxSummary,
};
use crate::app::App;
use crate::domain::documents::Ledger;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Receivables by customer and days past due, tying to the receivables account.
#[utoipa::path(
    tag = "reports",
    params(AsOfParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ar-aging")]
pub async fn ar_aging(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let report = aging::aging_report(&app, &cx, Ledger::Receivable, params.into_inner()).await?;
    Ok(reply::json(&report))
}

/// Payables by vendor and days past due, tying to the payables account.
#[utoipa::path(
    tag = "reports",
    params(AsOfParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ap-aging")]
pub async fn ap_aging(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let report = aging::aging_report(&app, &cx, Ledger::Payable, params.into_inner()).await?;
    Ok(reply::json(&report))
}

/// Tax collected on sales and paid on purchases, per tax rate, in the base currency.
#[utoipa::path(
    tag = "reports",
    params(RangeParams),
    responses((status = 200, description = "The tax summary", body = TaxSummary))
)]
#[get("/reports/tax-summary")]
pub async fn tax_summary(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let report = aging::tax_summary_report(&app, &cx, params.into_inner()).await?;
    Ok(reply::json(&report))
}

/// Statement of account: documents and payments with a running balance.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), StatementParams),
    responses((status = 200, description = "The statement", body = Statement))
)]
#[get("/accounts/{id}/statement")]
pub async fn account_statement(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    params: ApiQuery<StatementParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let report = aging::account_statement(&app, &cx, id, params.into_inner()).await?;
    Ok(reply::json(&report))
}
