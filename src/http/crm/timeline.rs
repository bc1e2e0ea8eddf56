//! `/accounts/{id}/timeline`: everything about an account, newest first.

use actix_web::{get, web, HttpResponse};
use uuid::Uuid;

use crate::app::crm::timeline::{self, TimelineEntry};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Everything about the account, newest first.
#[utoipa::path(tag = "accounts", params(("id" = Uuid, Path, description = "Account id"), PageParams), responses((status = 200, description = "A page of the timeline", body = Page<TimelineEntry>)))]
#[get("/accounts/{id}/timeline")]
pub async fn account_timeline(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let page = timeline::timeline(&app, &cx, id.into_inner().into(), page.into_inner()).await?;
    Ok(reply::json(&page))
}
