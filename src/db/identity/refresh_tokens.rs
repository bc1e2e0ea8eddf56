use crate::domain::ids::{OrganizationId, RefreshTokenId, SessionId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::refresh_tokens;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub organization_id: OrganizationId,
    pub id: RefreshTokenId,
    pub user_id: UserId,
    pub family_id: SessionId,
    pub token_hash: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl RefreshTokenRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(refresh_tokens::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find_by_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<RefreshTokenRow>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()
}

/// Marks a token used if nobody else has; false means it was already spent (a reuse).
pub fn mark_used(
    conn: &mut DbConn,
    row: &RefreshTokenRow,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        refresh_tokens::table.filter(
            refresh_tokens::organization_id
                .eq(row.organization_id)
                .and(refresh_tokens::id.eq(row.id))
                .and(refresh_tokens::used_at.is_null())
                .and(refresh_tokens::revoked_at.is_null()),
        ),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_family(
    conn: &mut DbConn,
    org: OrganizationId,
    family: SessionId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table.filter(
            refresh_tokens::organization_id
                .eq(org)
                .and(refresh_tokens::family_id.eq(family))
                .and(refresh_tokens::revoked_at.is_null()),
        ),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

pub fn revoke_all_for_user(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table.filter(
            refresh_tokens::organization_id
                .eq(org)
                .and(refresh_tokens::user_id.eq(user))
                .and(refresh_tokens::revoked_at.is_null()),
        ),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}
