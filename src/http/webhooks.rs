//! `/webhooks`: endpoints that receive the change log as signed deliveries (admins and
//! owners, and their API keys).

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use crate::app::page::{Page, PageParams};
use crate::app::webhooks::{
    self, CreateWebhookRequest, DeliveryView, UpdateWebhookRequest, Webhook, WebhookListParams,
    WebhookView, WebhookWithSecret,
};
use crate::app::App;
use crate::domain::ids::{WebhookDeliveryId, WebhookId};
use crate::http::billing::documents::{ActionBody, EmptyRequest};
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::{etag, reply};

/// Create a webhook (admins and owners). Its `secret` is in this answer only; deliveries are
/// signed with it (Standard Webhooks). The URL must be, and resolve to, public addresses only
/// (`webhook_url_forbidden`, `webhook_url_unresolvable`).
#[utoipa::path(
    tag = "webhooks",
    request_body = CreateWebhookRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created; `secret` is shown only now", body = WebhookWithSecret))
)]
#[post("/webhooks")]
pub async fn create_webhook(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<CreateWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = webhooks::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

crate::record_endpoints!(Webhook {
    list list_webhooks "/webhooks" "List webhooks (admins and owners); never their secrets." (
        tag = "webhooks",
        params(PageParams, WebhookListParams),
        responses((status = 200, description = "A page of webhooks", body = Page<WebhookView>))
    )
    get get_webhook "/webhooks/{id}" "Get a webhook (never its secret)." (
        tag = "webhooks",
        params(("id" = WebhookId, Path, description = "Webhook id")),
        responses((status = 200, description = "The webhook", body = WebhookView))
    )
    delete delete_webhook "/webhooks/{id}" "Delete a webhook and its delivery log." (
        tag = "webhooks",
        params(("id" = WebhookId, Path, description = "Webhook id")),
        responses((status = 204, description = "Deleted"))
    )
});

/// Change a webhook. `status` takes `active` or `paused` (a disabled webhook made active again
/// restarts); a new `url` is checked like on create.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = WebhookId, Path, description = "Webhook id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the webhook changed since")
    ),
    request_body = UpdateWebhookRequest,
    responses((status = 200, description = "The updated webhook", body = WebhookView))
)]
#[patch("/webhooks/{id}")]
pub async fn update_webhook(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<UpdateWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let view = webhooks::update(&app, &cx, id.into(), expected, body.value).await?;
    reply::resource(&view)
}

/// Rotate a webhook's secret. The new `secret` is in this answer only; the old one keeps
/// signing beside it for 24 hours (two `v1,` signatures in `webhook-signature`).
#[utoipa::path(
    tag = "webhooks",
    request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
    params(
        ("id" = WebhookId, Path, description = "Webhook id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")
    ),
    responses((status = 200, description = "The webhook with its new secret, shown only now", body = WebhookWithSecret))
)]
#[post("/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<WebhookId>,
    body: ActionBody,
) -> Result<HttpResponse, ApiError> {
    let outcome = webhooks::rotate_secret(&app, &cx.with_body(&body.raw), id.into_inner()).await?;
    Ok(reply::outcome(outcome))
}

/// Send a `webhook.test` event to this webhook now; the answer is its delivery, pending (follow
/// it in the delivery log).
#[utoipa::path(
    tag = "webhooks",
    request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
    params(
        ("id" = WebhookId, Path, description = "Webhook id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")
    ),
    responses((status = 200, description = "The queued delivery", body = DeliveryView))
)]
#[post("/webhooks/{id}/test")]
pub async fn test_webhook(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<WebhookId>,
    body: ActionBody,
) -> Result<HttpResponse, ApiError> {
    let outcome = webhooks::send_test(&app, &cx.with_body(&body.raw), id.into_inner()).await?;
    Ok(reply::outcome(outcome))
}

/// A webhook's delivery log, newest first: one row per event sent to it, with every attempt.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = WebhookId, Path, description = "Webhook id"), PageParams),
    responses((status = 200, description = "A page of deliveries", body = Page<DeliveryView>))
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<WebhookId>,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let page = webhooks::list_deliveries(&app, &cx, id.into_inner(), page.into_inner()).await?;
    Ok(reply::json(&page))
}

/// Send a delivery again now (pending, due now), whatever its status.
#[utoipa::path(
    tag = "webhooks",
    request_body(content = Option<EmptyRequest>, description = "Empty, or {}"),
    params(
        ("id" = WebhookId, Path, description = "Webhook id"),
        ("delivery_id" = WebhookDeliveryId, Path, description = "Delivery id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")
    ),
    responses((status = 200, description = "The delivery, pending", body = DeliveryView))
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/retry")]
pub async fn retry_webhook_delivery(
    app: web::Data<App>,
    cx: Cx,
    path: web::Path<(WebhookId, WebhookDeliveryId)>,
    body: ActionBody,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery_id) = path.into_inner();
    let outcome = webhooks::retry_delivery(&app, &cx.with_body(&body.raw), id, delivery_id).await?;
    Ok(reply::outcome(outcome))
}
