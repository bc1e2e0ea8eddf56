//! `/payments`: money received or sent through a bank account, allocated to documents.

use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;

use super::documents::{ActionBody, EmptyRequest};
use crate::app::billing::payments::{
    self, AllocateRequest, PaymentCreate, PaymentListParams, PaymentView,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::reply;

/// Record a payment received or sent through a bank account, allocated to documents.
#[utoipa::path(
    tag = "payments",
    request_body = PaymentCreate,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = PaymentView))
)]
#[post("/payments")]
pub async fn create_payment(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<PaymentCreate>,
) -> Result<HttpResponse, ApiError> {
    let outcome = payments::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// The payments.
#[utoipa::path(
    tag = "payments",
    params(PageParams, PaymentListParams),
    responses((status = 200, description = "A page of payments", body = Page<PaymentView>))
)]
#[get("/payments")]
pub async fn list_payments(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<PaymentListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = payments::list(&app, &cx, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

/// A payment, with its allocations.
#[utoipa::path(
    tag = "payments",
    params(("id" = Uuid, Path, description = "Payment id")),
    responses((status = 200, description = "The payment", body = PaymentView))
)]
#[get("/payments/{id}")]
pub async fn get_payment(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&payments::get_one(&app, &cx, id.into_inner().into()).await?)
}

/// Allocate more of a payment's unallocated amount to documents.
#[utoipa::path(
    tag = "payments",
    request_body = AllocateRequest,
    params(("id" = Uuid, Path, description = "Payment id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 200, description = "The payment", body = PaymentView))
)]
#[post("/payments/{id}/allocations")]
pub async fn allocate_payment(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<AllocateRequest>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = payments::allocate(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// Void a payment: its allocations are undone and its entry reversed on its date.
#[utoipa::path(
    tag = "payments",
    request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
    params(("id" = Uuid, Path, description = "Payment id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 200, description = "The void payment", body = PaymentView))
)]
#[post("/payments/{id}/void")]
pub async fn void_payment(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ActionBody,
) -> Result<HttpResponse, ApiError> {
    let outcome = payments::void(&app, &cx.with_body(&body.raw), id.into_inner().into()).await?;
    Ok(reply::outcome(outcome))
}
