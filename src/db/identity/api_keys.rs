use crate::domain::ids::{ApiKeyId, OrganizationId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::api_keys;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub organization_id: OrganizationId,
    pub id: ApiKeyId,
    pub created_by: UserId,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub role: String,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ApiKeyRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(api_keys::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find_by_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::key_hash.eq(hash))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, org: OrganizationId, id: ApiKeyId) -> QueryResult<ApiKeyRow> {
    api_keys::table
        .filter(api_keys::organization_id.eq(org).and(api_keys::id.eq(id)))
        .select(ApiKeyRow::as_select())
        .first(conn)
}

/// Records use at most once a minute per key, so authenticating is not a write per request.
pub fn touch(conn: &mut DbConn, row: &ApiKeyRow, now: NaiveDateTime) -> QueryResult<()> {
    let stale = now - chrono::Duration::seconds(60);
    diesel::update(
        api_keys::table.filter(
            api_keys::organization_id
                .eq(row.organization_id)
                .and(api_keys::id.eq(row.id))
                .and(
                    api_keys::last_used_at
                        .is_null()
                        .or(api_keys::last_used_at.lt(stale)),
                ),
        ),
    )
    .set(api_keys::last_used_at.eq(now))
    .execute(conn)
    .map(drop)
}

pub fn revoke(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ApiKeyId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        api_keys::table.filter(
            api_keys::organization_id
                .eq(org)
                .and(api_keys::id.eq(id))
                .and(api_keys::revoked_at.is_null()),
        ),
    )
    .set((api_keys::revoked_at.eq(now), api_keys::updated_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// A page of keys in creation order; `only` the keys one user created.
pub fn list(
    conn: &mut DbConn,
    org: OrganizationId,
    only: Option<UserId>,
    updated_since: Option<NaiveDateTime>,
    after: Option<ApiKeyId>,
    limit: i64,
) -> QueryResult<Vec<ApiKeyRow>> {
    let mut q = api_keys::table
        .filter(api_keys::organization_id.eq(org))
        .select(ApiKeyRow::as_select())
        .order(api_keys::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(user) = only {
        q = q.filter(api_keys::created_by.eq(user));
    }
    if let Some(t) = updated_since {
        q = q.filter(api_keys::updated_at.ge(t));
    }
    if let Some(after) = after {
        q = q.filter(api_keys::id.gt(after));
    }
    q.load(conn)
}
