//! `/accounts/{id}/reassign` and `/accounts/{id}/owner-history`: who an account belongs to.

use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;

use crate::app::crm::accounts::AccountView;
use crate::app::crm::owners::{self, OwnerChangeView, ReassignInput};
use crate::app::page::Page;
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

const IDEMPOTENCY: &str = "Makes a retry of this POST safe";

/// Reassign the owner and team (admins, and team leads over both teams); the history is kept.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), ("Idempotency-Key" = Option<String>, Header, description = IDEMPOTENCY)),
    request_body = ReassignInput,
    responses((status = 200, description = "The reassigned account", body = AccountView))
)]
#[post("/accounts/{id}/reassign")]
pub async fn reassign_account(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<ReassignInput>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = owners::reassign(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// Who owned the account before: every reassignment, newest first.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id")), responses((status = 200, description = "The reassignments (one page)", body = Page<OwnerChangeView>)))]
#[get("/accounts/{id}/owner-history")]
pub async fn account_owner_history(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let page = owners::history(&app, &cx, id.into_inner().into()).await?;
    Ok(reply::json(&page))
}
