//! `/bank-accounts/{id}/statements`, `/bank-statements` and the bank lines they hold.

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use crate::app::banking::statements::{self, ImportAnswer, StatementView};
use crate::app::banking::transactions::{self, TransactionListParams, TransactionView};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{declared_length, read_limited, ApiQuery};
use crate::http::reply;

const FILE: &str = "The statement file as the bank wrote it. `Content-Type` picks the reader: \
`application/xml` for ISO 20022 camt.053 (BankToCustomerStatement, 001.02 and later), \
`application/x-ofx` for OFX 1.x (SGML) and 2.x (XML), `text/csv` for a CSV export read with \
the bank account's saved mapping (`PUT /bank-accounts/{id}/csv-mapping`). A file with a DTD or \
entities, a line or booked balance in another currency than the account's, a missing or bad \
amount or date, or no statement at all imports nothing: 422 `statement_invalid` with \
`errors[{field, code, message}]`, `field` naming the line (`line 12`) or element. Larger than \
`ACCORD_STATEMENT_LIMIT` (10 MiB by default): 413.";

/// The file, within the statement size limit.
async fn file(
    app: &App,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<(String, Vec<u8>), ApiError> {
    let ctype = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = read_limited(
        &mut payload.into_inner(),
        declared_length(req),
        app.config.statement_limit,
    )
    .await?;
    Ok((ctype, body.to_vec()))
}

/// Import a statement file into this bank account; statements in it for other accounts are
/// skipped and reported. Lines already held are skipped (`duplicates_skipped`): 201 when
/// something was imported, 200 when everything was a duplicate.
#[utoipa::path(
    tag = "bank-statements",
    params(("id" = Uuid, Path, description = "Bank account id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    request_body(content = String, description = FILE, content(
        (String = "application/xml"), (String = "application/x-ofx"), (String = "text/csv")
    )),
    responses(
        (status = 201, description = "Imported", body = ImportAnswer),
        (status = 200, description = "Nothing new: every line was already imported", body = ImportAnswer),
    )
)]
#[post("/bank-accounts/{id}/statements")]
pub async fn import_into_bank_account(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (ctype, body) = file(&app, &req, payload).await?;
    let cx = cx.with_body(&body);
    let outcome = statements::import(&app, &cx, Some(id.into_inner().into()), ctype, body).await?;
    Ok(reply::outcome(outcome))
}

/// Import a statement file, each statement into the bank account whose IBAN or number
/// (OFX: `ACCTID`) it names; statements naming no bank account here are skipped and reported.
#[utoipa::path(
    tag = "bank-statements",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    request_body(content = String, description = FILE, content(
        (String = "application/xml"), (String = "application/x-ofx")
    )),
    responses(
        (status = 201, description = "Imported", body = ImportAnswer),
        (status = 200, description = "Nothing new: every line was already imported", body = ImportAnswer),
    )
)]
#[post("/bank-statements")]
pub async fn import_statements(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (ctype, body) = file(&app, &req, payload).await?;
    let cx = cx.with_body(&body);
    let outcome = statements::import(&app, &cx, None, ctype, body).await?;
    Ok(reply::outcome(outcome))
}

/// The statements imported into a bank account, newest first.
#[utoipa::path(
    tag = "bank-statements",
    params(("id" = Uuid, Path, description = "Bank account id"), PageParams),
    responses((status = 200, description = "A page of statements", body = Page<StatementView>))
)]
#[get("/bank-accounts/{id}/statements")]
pub async fn list_statements(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let page = statements::list(&app, &cx, id.into_inner().into(), page.into_inner()).await?;
    Ok(reply::json(&page))
}

/// A statement: its period, balances and how its lines add up.
#[utoipa::path(
    tag = "bank-statements",
    params(("id" = Uuid, Path, description = "Statement id")),
    responses((status = 200, description = "The statement", body = StatementView))
)]
#[get("/bank-statements/{id}")]
pub async fn get_statement(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&statements::get(&app, &cx, id.into_inner().into()).await?)
}

/// A bank account's lines, in booking order, by reconciliation status, date, amount and text.
#[utoipa::path(
    tag = "bank-transactions",
    params(("id" = Uuid, Path, description = "Bank account id"), PageParams, TransactionListParams),
    responses((status = 200, description = "A page of bank lines", body = Page<TransactionView>))
)]
#[get("/bank-accounts/{id}/transactions")]
pub async fn list_transactions(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    page: ApiQuery<PageParams>,
    params: ApiQuery<TransactionListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = transactions::list(
        &app,
        &cx,
        id.into_inner().into(),
        page.into_inner(),
        params.into_inner(),
    )
    .await?;
    Ok(reply::json(&page))
}

/// A bank line.
#[utoipa::path(
    tag = "bank-transactions",
    params(("id" = Uuid, Path, description = "Bank transaction id")),
    responses((status = 200, description = "The bank line", body = TransactionView))
)]
#[get("/bank-transactions/{id}")]
pub async fn get_transaction(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&transactions::get(&app, &cx, id.into_inner().into()).await?)
}

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(import_into_bank_account)
        .service(import_statements)
        .service(list_statements)
        .service(get_statement)
        .service(list_transactions)
        .service(get_transaction);
}
