//! API keys: a random secret shown once, stored only as a hash, acting with its own role
//! (never above its creator's) on behalf of its creator.

use crate::app::error::AppError;
use crate::auth::{secrets, Caller, Permission};
use crate::db::api_keys::ApiKeyRow;
use crate::db::schema::api_keys;
use crate::db::{self, DbConn};
use crate::domain::identity::Role;
use crate::domain::ids::{ApiKeyId, UserId};
use diesel::prelude::*;

/// Creates a key; returns its row and the secret, which is never available again.
pub fn create_in(
    conn: &mut DbConn,
    caller: &Caller,
    name: String,
    role: Role,
) -> Result<(ApiKeyRow, String), AppError> {
    caller.require(Permission::ManageOwnApiKeys)?;
    if !caller.role.covers(role) {
        return Err(AppError::validation(vec![
            crate::app::users::role_exceeds_own(caller, role),
        ]));
    }
    let key = secrets::random_token(secrets::API_KEY_PREFIX);
    let row = ApiKeyRow {
        organization_id: caller.org,
        id: ApiKeyId(ApiKeyId::new().0),
        created_by: UserId(caller.user_id().0),
        name,
        prefix: secrets::display_prefix(&key),
        key_hash: secrets::sha256_hex(key.as_bytes()),
        role: role.as_str().to_owned(),
        last_used_at: None,
        revoked_at: None,
        created_at: db::now(),
    };
    row.insert(conn)?;
    Ok((row, key))
}

/// Admins see every key of the organization; everyone else the keys they created.
pub fn list(
    conn: &mut DbConn,
    caller: &Caller,
    after: Option<uuid::Uuid>,
    limit: i64,
) -> Result<Vec<ApiKeyRow>, AppError> {
    caller.require(Permission::Read)?;
    let mut q = api_keys::table
        .filter(api_keys::organization_id.eq(caller.org))
        .select(ApiKeyRow::as_select())
        .order(api_keys::id.asc())
        .limit(limit)
        .into_boxed();
    if !caller.can(Permission::ManageAllApiKeys) {
        q = q.filter(api_keys::created_by.eq(caller.user_id()));
    }
    if let Some(after) = after {
        q = q.filter(api_keys::id.gt(ApiKeyId(after)));
    }
    Ok(q.load(conn)?)
}

/// One key: its creator sees it, admins see every key.
pub fn get(conn: &mut DbConn, caller: &Caller, id: ApiKeyId) -> Result<ApiKeyRow, AppError> {
    caller.require(Permission::Read)?;
    let row = db::api_keys::find(conn, caller.org, ApiKeyId(id.0))
        .map_err(|e| crate::app::not_found(e, "API key"))?;
    if row.created_by.0 != caller.user_id().0 && !caller.can(Permission::ManageAllApiKeys) {
        return Err(AppError::not_found("API key"));
    }
    Ok(row)
}

pub fn revoke_in(conn: &mut DbConn, caller: &Caller, id: ApiKeyId) -> Result<(), AppError> {
    let row = db::api_keys::find(conn, caller.org, ApiKeyId(id.0))
        .map_err(|e| crate::app::not_found(e, "API key"))?;
    if row.created_by.0 != caller.user_id().0 {
        caller.require(Permission::ManageAllApiKeys)?;
    }
    db::api_keys::revoke(conn, caller.org, row.id, db::now())?;
    Ok(())
}
