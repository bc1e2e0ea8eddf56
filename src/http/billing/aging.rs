//! `/reports/ar-aging` and `/reports/ap-aging`: what is owed by days past due.

use actix_web::{get, web, HttpResponse};

use crate::app::billing::aging::{self, AgingParams, AgingReport};
use crate::app::App;
use crate::domain::documents::Ledger;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Receivables by customer and days past due, tying to the receivables account.
#[utoipa::path(
    tag = "reports",
    params(AgingParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ar-aging")]
pub async fn ar_aging(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<AgingParams>,
) -> Result<HttpResponse, ApiError> {
    let report = aging::aging_report(&app, &cx, Ledger::Receivable, params.into_inner()).await?;
    Ok(reply::json(&report))
}

/// Payables by vendor and days past due, tying to the payables account.
#[utoipa::path(
    tag = "reports",
    params(AgingParams),
    responses((status = 200, description = "The aging", body = AgingReport))
)]
#[get("/reports/ap-aging")]
pub async fn ap_aging(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<AgingParams>,
) -> Result<HttpResponse, ApiError> {
    let report = aging::aging_report(&app, &cx, Ledger::Payable, params.into_inner()).await?;
    Ok(reply::json(&report))
}
