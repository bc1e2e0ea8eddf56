//! API keys: a random secret shown once, stored only as a hash, acting with its own role
//! (never above its creator's) on behalf of its creator.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::users::role_exceeds_own;
use crate::app::error::{AppError, Check, Found};
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::unit_of_work::{Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::{secrets, Permission};
use crate::db::identity::api_keys::ApiKeyRow;
use crate::db::{self};
use crate::domain::identity::Role;
use crate::domain::ids::{ApiKeyId, UserId};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Billing integration", min_length = 1, max_length = 200)]
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
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            role: r.role.parse().unwrap_or(Role::Viewer),
            created_by: r.created_by,
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

/// `POST /api-keys`: a key whose secret is in this answer only (a replay shows `key: null`).
pub async fn create(
    app: &App,
    cx: &Context,
    req: CreateApiKeyRequest,
) -> Result<Outcome, AppError> {
    let mut check = Check::new();
    check.validate(&req);
    check.finish()?;
    let name = req.name.trim().to_owned();
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ManageOwnApiKeys)?;
        let role = req.role.unwrap_or(caller.role);
        if !caller.role.covers(role) {
            return Err(AppError::validation(vec![role_exceeds_own(caller, role)]));
        }
        let key = secrets::random_token(secrets::API_KEY_PREFIX);
        let now = db::now();
        let row = ApiKeyRow {
            organization_id: caller.org,
            id: ApiKeyId::new(),
            created_by: caller.user_id(),
            name,
            prefix: secrets::display_prefix(&key),
            key_hash: secrets::sha256_hex(key.as_bytes()),
            role: role.as_str().to_owned(),
            last_used_at: None,
            revoked_at: None,
            created_at: now,
            updated_at: now,
        };
        row.insert(tx)?;
        let view = ApiKeyView::from(row);
        tx.record(Change::created("api_key", view.id.0, &view));
        let id = view.id;
        let mut redacted = serde_json::to_value(&view).unwrap_or_default();
        if let Some(r) = redacted.as_object_mut() {
            r.insert("key".into(), serde_json::Value::Null);
        }
        Outcome::created(
            "api-keys",
            id,
            &CreatedApiKey {
                api_key: view,
                key: Some(key),
            },
        )?
        .with_redacted_replay(&redacted)
    })
    .await
}

/// One key: its creator sees it, admins see every key.
fn find(tx: &mut Tx, id: ApiKeyId) -> Result<ApiKeyRow, AppError> {
    let caller = tx.caller()?;
    let row = db::identity::api_keys::find(tx, caller.org, id).found("API key")?;
    if row.created_by != caller.user_id() && !caller.can(Permission::ManageAllApiKeys) {
        return Err(AppError::not_found("API key"));
    }
    Ok(row)
}

pub async fn get(app: &App, cx: &Context, id: ApiKeyId) -> Result<ApiKeyView, AppError> {
    app.read(cx, move |tx| {
        tx.caller()?.require(Permission::Read)?;
        Ok(find(tx, id)?.into())
    })
    .await
}

/// Admins see every key of the organization; everyone else the keys they created.
/// Filters of the API key list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiKeyListParams {
    /// Only keys changed (created or revoked) at or after this instant (RFC 3339).
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(ApiKeyListParams);

pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    params: ApiKeyListParams,
) -> Result<Page<ApiKeyView>, AppError> {
    let since = params.updated_since.map(|t| t.naive_utc());
    let page = PageRequest::new(&page, "created_at", &format!("{since:?}"))?;
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let only = (!caller.can(Permission::ManageAllApiKeys)).then(|| caller.user_id());
        let after = page.after.as_ref().map(|a| ApiKeyId(a.1));
        let rows = db::identity::api_keys::list(tx, caller.org, only, since, after, page.fetch())?;
        Ok(page.page(rows, |r| (String::new(), r.id.0), ApiKeyView::from))
    })
    .await
}

/// `DELETE /api-keys/{id}`: the key stops working at once.
pub async fn revoke(app: &App, cx: &Context, id: ApiKeyId) -> Result<(), AppError> {
    app.write(cx, move |tx| {
        let caller = tx.caller()?;
        let row = db::identity::api_keys::find(tx, caller.org, id).found("API key")?;
        if row.created_by != caller.user_id() {
            caller.require(Permission::ManageAllApiKeys)?;
        }
        let before = ApiKeyView::from(row.clone());
        db::identity::api_keys::revoke(tx, caller.org, row.id, db::now())?;
        let after = ApiKeyView::from(db::identity::api_keys::find(tx, caller.org, id)?);
        tx.record(Change::updated("api_key", id.0, &before, &after).as_event("revoked"));
        Ok(())
    })
    .await?;
    app.principals.forget_all();
    Ok(())
}
