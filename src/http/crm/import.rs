//! `/accounts/import` and `/contacts/import`: records from a CSV file.

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use crate::app::crm::contact_import::{self, ContactImportResult};
use crate::app::crm::import::{self, ImportParams, ImportResult};
use crate::app::crm::import_jobs::{self, ImportJob, ImportKind};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{declared_length, read_limited, ApiQuery};
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

const ACCOUNT_FILE: &str = "A CSV file, header row first (`Content-Type: text/csv`). Columns \
(any order, names case-insensitive): `id` (updates that account), `name` (required without \
`id`), `legal_name`, `industry`, `website`, `tier`, `status`, `is_customer`, `is_vendor` \
(true/false), `currency`, `goals`, `tags` (separated by `;`), `owner_id` (a user's id or \
email), `owner_email`, `team_id` (a team's id or name), `team_name`, and `custom_fields.NAME` \
(fills custom field NAME). An empty cell leaves the field as it is. `GET /accounts/export` \
writes these columns. A file with other column names is read through `mapping`. At most 50 \
tags.";

const CONTACT_FILE: &str = "A CSV file, header row first (`Content-Type: text/csv`). Columns \
(any order, names case-insensitive): `id` (updates that contact), the account as `account_id`, \
`account_domain` (a domain or web address) and/or `account_name` (one is required without \
`id`), `name` (required without `id`), `title`, `seniority`, `email`, `phone`, \
`is_decision_maker` (true/false), `influence`, `status`, and `custom_fields.NAME`. An empty \
cell leaves the field as it is. A file with other column names is read through `mapping`.";

/// The file, if it was sent as CSV (or plain text; else 400) within the import size limit
/// (else 413).
async fn csv_file(
    app: &App,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<web::Bytes, ApiError> {
    let ctype = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !(ctype.starts_with("text/csv")
        || ctype.starts_with("text/plain")
        || ctype.starts_with("application/csv"))
    {
        return Err(ApiError::bad_request(
            "unsupported_content_type",
            "send the file with `Content-Type: text/csv`",
        ));
    }
    read_limited(
        &mut payload.into_inner(),
        declared_length(req),
        app.config.import_limit,
    )
    .await
}

/// Imports `body` of `kind`: at once when small, as a job when over the synchronous limit.
async fn import_file(
    app: &App,
    cx: Cx,
    kind: ImportKind,
    params: ImportParams,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body);
    let body = body.to_vec();
    let outcome = if body.len() > app.config.import_sync_limit {
        import_jobs::start(app, &cx, kind, params, body).await?
    } else {
        match kind {
            ImportKind::Accounts => import::import(app, &cx, params, body).await?,
            ImportKind::Contacts => contact_import::import(app, &cx, params, body).await?,
        }
    };
    Ok(reply::outcome(outcome))
}

/// Import accounts from CSV. A row with an `id` updates that account; otherwise it matches
/// the account with its website's domain and its name (or its name alone when it has no
/// website). Another account on the same domain is a `conflict` and changes nothing. Each
/// valid row is committed; each bad row is reported by its line and changes nothing; a row
/// that repeats what is stored bumps no version.
///
/// Files up to `ACCORD_IMPORT_SYNC_LIMIT` (128 KiB by default, about 1,000 rows) are answered
/// at once (200). Larger ones, up to `ACCORD_IMPORT_LIMIT` (10 MiB by default; larger is 413),
/// are checked now (header and parameters: 422) and imported as a job: 202 with
/// `Location: /api/v1/imports/{id}`, where the rows done so far are answered in this same
/// shape while the job commits them in chunks.
#[utoipa::path(
    tag = "accounts",
    params(ImportParams, ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = ACCOUNT_FILE),
    responses(
        (status = 200, description = "What became of every row", body = ImportResult),
        (status = 202, description = "A file over the synchronous limit: the job importing it (see `Location`)", body = ImportJob),
    )
)]
#[post("/accounts/import")]
pub async fn import_accounts(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<ImportParams>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body = csv_file(&app, &req, payload).await?;
    import_file(&app, cx, ImportKind::Accounts, params.into_inner(), body).await
}

/// Import contacts from CSV, each linked to its account by `account_id`, `account_domain` or
/// `account_name`. A row with an `id` updates that contact; otherwise it matches the
/// account's contact with its email and name (or its name alone when it has no email).
/// Another contact with the same email, or an account named ambiguously, is a `conflict`
/// and changes nothing. Rows are committed and reported as in the account import.
///
/// Files up to `ACCORD_IMPORT_SYNC_LIMIT` (128 KiB by default, about 1,000 rows) are answered
/// at once (200). Larger ones, up to `ACCORD_IMPORT_LIMIT` (10 MiB by default; larger is 413),
/// are checked now (header and parameters: 422) and imported as a job: 202 with
/// `Location: /api/v1/imports/{id}`, where the rows done so far are answered in this same
/// shape while the job commits them in chunks.
#[utoipa::path(
    tag = "contacts",
    params(ImportParams, ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body(content = String, content_type = "text/csv", description = CONTACT_FILE),
    responses(
        (status = 200, description = "What became of every row", body = ContactImportResult),
        (status = 202, description = "A file over the synchronous limit: the job importing it (see `Location`)", body = ImportJob),
    )
)]
#[post("/contacts/import")]
pub async fn import_contacts(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<ImportParams>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body = csv_file(&app, &req, payload).await?;
    import_file(&app, cx, ImportKind::Contacts, params.into_inner(), body).await
}

/// An import running as a job: its progress, and the answers of the rows done so far in the
/// synchronous import's shape (complete once `status` is `succeeded`).
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Import id (from the `Location` of the 202)")),
    responses((status = 200, description = "The import job", body = ImportJob))
)]
#[get("/imports/{id}")]
pub async fn get_import(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let job = import_jobs::get(&app, &cx, id.into_inner()).await?;
    reply::resource(&job)
}
