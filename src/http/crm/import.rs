//! `/accounts/import` and `/contacts/import`: records from a CSV file.

use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::app::crm::contact_import::{self, ContactImportResult};
use crate::app::crm::import::{self, ImportParams, ImportResult};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

const ACCOUNT_FILE: &str = "A CSV file, header row first (`Content-Type: text/csv`). Columns \
(any order, names case-insensitive): `id` (updates that account), `name` (required without \
`id`), `legal_name`, `industry`, `website`, `tier`, `status`, `is_customer`, `is_vendor` \
(true/false), `currency`, `goals`, `tags` (separated by `;`), `owner_id` (a user's id or \
email), `owner_email`, `team_id` (a team's id or name), `team_name`, and `custom_fields.NAME` \
(fills custom field NAME). An empty cell leaves the field as it is. `GET /accounts/export` \
writes these columns. A file with other column names is read through `mapping`.";

const CONTACT_FILE: &str = "A CSV file, header row first (`Content-Type: text/csv`). Columns \
(any order, names case-insensitive): `id` (updates that contact), the account as `account_id`, \
`account_domain` (a domain or web address) and/or `account_name` (one is required without \
`id`), `name` (required without `id`), `title`, `seniority`, `email`, `phone`, \
`is_decision_maker` (true/false), `influence`, `status`, and `custom_fields.NAME`. An empty \
cell leaves the field as it is. A file with other column names is read through `mapping`.";

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

/// Import accounts from CSV. A row with an `id` updates that account; otherwise it matches
/// the account with its website's domain and its name (or its name alone when it has no
/// website). Another account on the same domain is a `conflict` and changes nothing. Each
/// valid row is committed; each bad row is reported by its line and changes nothing; a row
/// that repeats what is stored bumps no version.
#[utoipa::path(
    tag = "accounts",
    params(ImportParams, ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = ACCOUNT_FILE),
    responses((status = 200, description = "What became of every row", body = ImportResult))
)]
#[post("/accounts/import")]
pub async fn import_accounts(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<ImportParams>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body = csv_body(&req, body)?;
    let outcome = import::import(
        &app,
        &cx.with_body(&body),
        params.into_inner(),
        body.to_vec(),
    )
    .await?;
    Ok(reply::outcome(outcome))
}

/// Import contacts from CSV, each linked to its account by `account_id`, `account_domain` or
/// `account_name`. A row with an `id` updates that contact; otherwise it matches the
/// account's contact with its email and name (or its name alone when it has no email).
/// Another contact with the same email, or an account named ambiguously, is a `conflict`
/// and changes nothing. Rows are committed and reported as in the account import.
#[utoipa::path(
    tag = "contacts",
    params(ImportParams, ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = CONTACT_FILE),
    responses((status = 200, description = "What became of every row", body = ContactImportResult))
)]
#[post("/contacts/import")]
pub async fn import_contacts(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<ImportParams>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body = csv_body(&req, body)?;
    let outcome = contact_import::import(
        &app,
        &cx.with_body(&body),
        params.into_inner(),
        body.to_vec(),
    )
    .await?;
    Ok(reply::outcome(outcome))
}
