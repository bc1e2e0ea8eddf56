//! `/reports/tax-summary`: tax collected and paid per tax rate.

use actix_web::{get, web, HttpResponse};

use crate::app::billing::tax_summary::{tax_summary_report, RangeParams, TaxSummary};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

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
    let report = tax_summary_report(&app, &cx, params.into_inner()).await?;
    Ok(reply::json(&report))
}
