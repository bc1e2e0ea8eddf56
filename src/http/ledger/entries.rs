//! `/ledger/journal-entries`: post, list, read and reverse journal entries.

use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;

use crate::app::batch::BatchResults;
use crate::app::ledger::entries::{
    self, BulkJournalEntries, BulkJournalEntriesRequest, CreateJournalEntryRequest,
    JournalEntryListParams, JournalEntryView, ReverseRequest,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::reply;

/// Post a journal entry: balanced, immutable, dated after the lock date.
#[utoipa::path(
    tag = "ledger",
    request_body = CreateJournalEntryRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Posted", body = JournalEntryView))
)]
#[post("/ledger/journal-entries")]
pub async fn create_journal_entry(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<CreateJournalEntryRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = entries::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// Post up to 1,000 journal entries at once: all or nothing (`atomic`, the default: 201 with
/// every entry, or 422 naming every error by index as `entries[3].lines[0].debit`), or each on
/// its own (`atomic: false`: 200 with a result per entry). One `Idempotency-Key` covers the
/// whole batch.
#[utoipa::path(
    tag = "ledger",
    request_body = BulkJournalEntriesRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses(
        (status = 201, description = "Every entry posted (atomic)", body = BulkJournalEntries),
        (status = 200, description = "One result per entry (atomic: false)", body = BatchResults<JournalEntryView>)
    )
)]
#[post("/ledger/journal-entries/bulk")]
pub async fn bulk_create_journal_entries(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<BulkJournalEntriesRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = entries::create_bulk(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// List journal entries by date. Ids are time-ordered, so an entry committed late can sort
/// before a cursor already handed out; filter by `from` to catch up on a date range.
#[utoipa::path(
    tag = "ledger",
    params(PageParams, JournalEntryListParams),
    responses((status = 200, description = "A page of entries", body = Page<JournalEntryView>))
)]
#[get("/ledger/journal-entries")]
pub async fn list_journal_entries(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<JournalEntryListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = entries::list(&app, &cx, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

/// Get a journal entry with its lines.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Journal entry id")),
    responses((status = 200, description = "The entry", body = JournalEntryView))
)]
#[get("/ledger/journal-entries/{id}")]
pub async fn get_journal_entry(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let view = entries::get(&app, &cx, id.into_inner().into()).await?;
    Ok(reply::json(&view))
}

/// Reverse a manual entry: posts its mirror on `date` and links both. Once only.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Journal entry id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    request_body = ReverseRequest,
    responses((status = 201, description = "The reversal entry", body = JournalEntryView))
)]
#[post("/ledger/journal-entries/{id}/reverse")]
pub async fn reverse_journal_entry(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<ReverseRequest>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = entries::reverse(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}
