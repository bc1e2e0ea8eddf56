//! `/events` (the change log and feed) and `/audit-events` (the audit trail).

use actix_web::{get, web, HttpResponse};

use crate::app::events::{self, AuditPage, AuditParams, AuditVerification, EventPage, EventParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::{ApiError, Problem};
use crate::http::json::ApiQuery;
use crate::http::reply;

/// The organization's events, newest first; with `order=asc` the change feed: every event once,
/// in commit order. Keep the last `next_cursor` and ask again to get what happened since.
/// Admins and owners (and their API keys).
#[utoipa::path(
    tag = "events",
    params(EventParams),
    responses(
        (status = 200, description = "A page of events", body = EventPage),
        (status = 410, description = "`cursor_expired`: the cursor points before what is kept, or to another database", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/events")]
pub async fn list_events(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<EventParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &events::list(&app, &cx, params.into_inner()).await?,
    ))
}

/// The audit trail, newest first: every write with before and after, sign-ins and their
/// failures, refresh-token reuse. Never expires; hash-chained per organization. Admins and
/// owners (and their API keys).
#[utoipa::path(
    tag = "audit",
    params(AuditParams),
    responses((status = 200, description = "A page of the audit trail", body = AuditPage))
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &events::audit_list(&app, &cx, params.into_inner()).await?,
    ))
}

/// Recomputes the organization's audit chain from its first row and says whether it holds.
#[utoipa::path(
    tag = "audit",
    responses((status = 200, description = "What the check found", body = AuditVerification))
)]
#[get("/audit-events/verify")]
pub async fn verify_audit_events(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&events::audit_verify(&app, &cx).await?))
}
