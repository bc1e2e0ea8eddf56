//! `/accounts/{id}/profitability`: what a client account earned and cost in a period.

use actix_web::{get, web, HttpResponse};
use uuid::Uuid;

use crate::app::crm::profitability::{self, Profitability, ProfitabilityParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Revenue invoiced, credited and collected, direct costs (expense lines tagged with the
/// account) and the margin, in the base currency.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id"), ProfitabilityParams), responses((status = 200, description = "The account's profitability in the period", body = Profitability)))]
#[get("/accounts/{id}/profitability")]
pub async fn account_profitability(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    params: ApiQuery<ProfitabilityParams>,
) -> Result<HttpResponse, ApiError> {
    let report =
        profitability::profitability(&app, &cx, id.into_inner().into(), params.into_inner())
            .await?;
    Ok(reply::json(&report))
}
