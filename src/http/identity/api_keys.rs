//! `/api-keys`: long-lived secrets for integrations.

use actix_web::{delete, get, post, web, HttpResponse};

use crate::app::identity::api_keys::{
    self, ApiKeyListParams, ApiKeyView, CreateApiKeyRequest, CreatedApiKey,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::domain::ids::ApiKeyId;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::reply;

/// Create an API key. Its `key` is in this answer only.
#[utoipa::path(
    tag = "api-keys",
    request_body = CreateApiKeyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created; `key` is shown only now", body = CreatedApiKey))
)]
#[post("/api-keys")]
pub async fn create_api_key(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<CreateApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = api_keys::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// List API keys: all of the organization's for admins, your own otherwise. Never the secrets.
#[utoipa::path(
    tag = "api-keys",
    params(PageParams, ApiKeyListParams),
    responses((status = 200, description = "A page of API keys", body = Page<ApiKeyView>))
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<ApiKeyListParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &api_keys::list(&app, &cx, page.into_inner(), params.into_inner()).await?,
    ))
}

/// Get an API key (never its secret).
#[utoipa::path(
    tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "API key id")),
    responses((status = 200, description = "The API key", body = ApiKeyView))
)]
#[get("/api-keys/{id}")]
pub async fn get_api_key(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<ApiKeyId>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &api_keys::get(&app, &cx, id.into_inner()).await?,
    ))
}

/// Revoke an API key; it stops working at once.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "API key id")),
    responses((status = 204, description = "Revoked"))
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<ApiKeyId>,
) -> Result<HttpResponse, ApiError> {
    api_keys::revoke(&app, &cx, id.into_inner()).await?;
    Ok(reply::no_content())
}
