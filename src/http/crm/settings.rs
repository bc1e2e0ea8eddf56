//! `/crm/settings`: health weights, grade thresholds and check-in cadence by tier.

use actix_web::{get, patch, web, HttpResponse};

use crate::app::crm::settings::{self, CrmSettings};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

/// The organization's CRM settings: health weights, grade thresholds, check-in cadence by tier.
#[utoipa::path(tag = "accounts", responses((status = 200, description = "The settings", body = CrmSettings)))]
#[get("/crm/settings")]
pub async fn get_crm_settings(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&settings::get(&app, &cx).await?))
}

/// Replace the CRM settings (admins and owners).
#[utoipa::path(tag = "accounts", request_body = CrmSettings, responses((status = 200, description = "The settings", body = CrmSettings)))]
#[patch("/crm/settings")]
pub async fn update_crm_settings(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<CrmSettings>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&settings::update(&app, &cx, body.value).await?))
}
