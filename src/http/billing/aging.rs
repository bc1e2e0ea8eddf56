//! `/reports/ar-aging` and `/reports/ap-aging`: what is owed by days past due.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::app::billing::aging::{self, AgingParams, AgingReport};
use crate::app::App;
use crate::domain::documents::Ledger;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::report;

/// Receivables by customer and days past due, tying to the receivables account.
#[utoipa::path(
    tag = "reports",
    params(AgingParams),
    responses((status = 200, description = "The aging; CSV with `Accept: text/csv`", content((AgingReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/ar-aging")]
pub async fn ar_aging(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<AgingParams>,
) -> Result<HttpResponse, ApiError> {
    let aging = aging::aging_report(&app, &cx, Ledger::Receivable, params.into_inner()).await?;
    report::negotiate(&req, &aging, "ar-aging")
}

/// Payables by vendor and days past due, tying to the payables account.
#[utoipa::path(
    tag = "reports",
    params(AgingParams),
    responses((status = 200, description = "The aging; CSV with `Accept: text/csv`", content((AgingReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/ap-aging")]
pub async fn ap_aging(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<AgingParams>,
) -> Result<HttpResponse, ApiError> {
    let aging = aging::aging_report(&app, &cx, Ledger::Payable, params.into_inner()).await?;
    report::negotiate(&req, &aging, "ap-aging")
}
