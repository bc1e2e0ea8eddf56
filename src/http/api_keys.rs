//! `/api-keys`: long-lived secrets for integrations.

use actix_web::{delete, get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::error::ApiError;
use super::json::ApiJson;
use super::json::ApiQuery;
use super::pagination::{Page, PageParams, PageRequest};
use super::validate;
use super::write::{Idempotency, Reply};
use crate::app::api_keys as use_case;
use crate::app::App;
use crate::auth::Caller;
use crate::db::api_keys::ApiKeyRow;
use crate::domain::identity::Role;
use crate::domain::ids::{ApiKeyId, UserId};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Billing integration")]
    pub name: String,
    /// Defaults to your own role; cannot exceed it.
    pub role: Option<Role>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyView {
    pub id: ApiKeyId,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    #[schema(example = "acc_3kT9xQ2m")]
    pub prefix: String,
    pub role: Role,
    /// The user the key acts for.
    pub created_by: UserId,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<ApiKeyRow> for ApiKeyView {
    fn from(r: ApiKeyRow) -> Self {
        ApiKeyView {
            id: ApiKeyId(r.id.0),
            name: r.name,
            prefix: r.prefix,
            role: r.role.parse().unwrap_or(Role::Viewer),
            created_by: UserId(r.created_by.0),
            last_used_at: r.last_used_at.map(|t| t.and_utc()),
            revoked_at: r.revoked_at.map(|t| t.and_utc()),
            created_at: r.created_at.and_utc(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub api_key: ApiKeyView,
    /// The secret. Shown this once; only its hash is stored, so a replay of this request
    /// (same Idempotency-Key) answers `null` here.
    pub key: Option<String>,
}

/// Create an API key. Its `key` is in this answer only.
#[utoipa::path(
    tag = "api-keys",
    request_body = CreateApiKeyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created; `key` is shown only now", body = CreatedApiKey))
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    validate::finish(validate::collect(&body.value))?;
    let name = body.value.name.trim().to_owned();
    let role = body.value.role.unwrap_or(caller.role);
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let (row, key) = use_case::create_in(conn, &c, name, role)?;
        let location = format!("/api/v1/api-keys/{}", row.id.0);
        let view = ApiKeyView::from(row);
        let replay = serde_json::json!({ "key": null });
        let mut redacted = serde_json::to_value(&view).unwrap_or_default();
        if let (Some(r), Some(k)) = (redacted.as_object_mut(), replay.as_object()) {
            r.extend(k.clone());
        }
        Reply::created(
            location,
            &CreatedApiKey {
                api_key: view,
                key: Some(key),
            },
        )?
        .with_redacted_replay(&redacted)
    })
    .await
}

/// List API keys: all of the organization's for admins, your own otherwise. Never the secrets.
#[utoipa::path(
    tag = "api-keys",
    params(PageParams),
    responses((status = 200, description = "A page of API keys", body = Page<ApiKeyView>))
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::new(&page, "created_at", "")?;
    let (after, fetch) = (page.after.as_ref().map(|a| a.1), page.fetch());
    let rows = state
        .legacy_read(move |conn| use_case::list(conn, &caller, after, fetch))
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |r| (String::new(), r.id.0), ApiKeyView::from)))
}

/// Get an API key (never its secret).
#[utoipa::path(
    tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "API key id")),
    responses((status = 200, description = "The API key", body = ApiKeyView))
)]
#[get("/api-keys/{id}")]
pub async fn get_api_key(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<ApiKeyId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .legacy_read(move |conn| use_case::get(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(ApiKeyView::from(row)))
}

/// Revoke an API key; it stops working at once.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "API key id")),
    responses((status = 204, description = "Revoked"))
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<ApiKeyId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .legacy_write(move |conn| use_case::revoke_in(conn, &caller, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
