//! `/accounts/import`: accounts from a CSV file.

use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::app::crm::import::{self, ImportResult};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

/// The body, if it was sent as CSV (or plain text); a 400 otherwise.
fn csv_body(req: &HttpRequest, body: web::Bytes) -> Result<web::Bytes, ApiError> {
    let ctype = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ctype.starts_with("text/csv")
        || ctype.starts_with("text/plain")
        || ctype.starts_with("application/csv")
    {
        Ok(body)
    } else {
        Err(ApiError::bad_request(
            "unsupported_content_type",
            "send the file with `Content-Type: text/csv`",
        ))
    }
}

/// Import accounts from CSV (header row first): upsert on website domain, else name. Each
/// valid row is committed; each bad row is reported by its line number and changes nothing.
#[utoipa::path(
    tag = "accounts",
    params(("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = "name,legal_name,industry,website,tier,status,is_customer,is_vendor,currency,goals,tags"),
    responses((status = 200, description = "What was created and updated, and the rows refused", body = ImportResult))
)]
#[post("/accounts/import")]
pub async fn import_accounts(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body = csv_body(&req, body)?;
    let outcome = import::import(&app, &cx.with_body(&body), body.to_vec()).await?;
    Ok(reply::outcome(outcome))
}
