//! `/ledger/lock-date`: read and move the date nothing may be posted on or before.

use actix_web::{get, put, web, HttpResponse};

use crate::app::ledger::lock_date::{self, LockDate};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

/// The lock date.
#[utoipa::path(tag = "ledger", responses((status = 200, description = "The lock date", body = LockDate)))]
#[get("/ledger/lock-date")]
pub async fn get_lock_date(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&lock_date::get(&app, &cx).await?))
}

/// Set the lock date (accountants and admins).
#[utoipa::path(tag = "ledger", request_body = LockDate, responses((status = 200, description = "The lock date", body = LockDate)))]
#[put("/ledger/lock-date")]
pub async fn set_lock_date(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<LockDate>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&lock_date::set(&app, &cx, body.value).await?))
}
