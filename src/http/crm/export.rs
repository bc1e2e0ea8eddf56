//! `/accounts/export`: the live accounts as a CSV file.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use crate::app::crm::export;
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;

/// Export live accounts as CSV.
#[utoipa::path(tag = "accounts", responses((status = 200, description = "CSV", content_type = "text/csv", body = String)))]
#[get("/accounts/export")]
pub async fn export_accounts(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    let csv = export::export(&app, &cx).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"accounts.csv\"",
        ))
        .body(csv))
}
