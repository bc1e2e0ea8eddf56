//! Stored answers for `Idempotency-Key`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::idempotency_keys;
use uuid::Uuid;

use super::{DbConn, SqlUuid};
use crate::domain::ids::OrganizationId;
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = idempotency_keys)]
pub struct StoredKey {
    pub request_hash: String,
    pub status_code: Option<i32>,
    pub response_body: Option<String>,
    pub location: Option<String>,
}

/// Claims the key for this transaction. `None` means it is ours now; `Some` is what an earlier
/// request stored. On PostgreSQL a concurrent claim of the same key waits here until the other
/// transaction ends, so a racing duplicate replays instead of running twice.
pub fn claim(
    conn: &mut DbConn,
    org: OrganizationId,
    principal: Uuid,
    key: &str,
    request_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<StoredKey>> {
    let principal = SqlUuid(principal);
    let inserted = on_backend!(conn, |c| diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::organization_id.eq(org),
            idempotency_keys::principal_id.eq(principal),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(None);
    }
    idempotency_keys::table
        .filter(
            idempotency_keys::organization_id
                .eq(org)
                .and(idempotency_keys::principal_id.eq(principal))
                .and(idempotency_keys::key.eq(key)),
        )
        .select(StoredKey::as_select())
        .first(conn)
        .map(Some)
}

pub fn store_response(
    conn: &mut DbConn,
    org: OrganizationId,
    principal: Uuid,
    key: &str,
    status: i32,
    body: &str,
    location: Option<&str>,
) -> QueryResult<()> {
    let principal = SqlUuid(principal);
    diesel::update(
        idempotency_keys::table.filter(
            idempotency_keys::organization_id
                .eq(org)
                .and(idempotency_keys::principal_id.eq(principal))
                .and(idempotency_keys::key.eq(key)),
        ),
    )
    .set((
        idempotency_keys::status_code.eq(status),
        idempotency_keys::response_body.eq(body),
        idempotency_keys::location.eq(location),
    ))
    .execute(conn)
    .map(drop)
}

/// Forgets keys older than `before` (they are kept at least 24 h).
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
        .execute(conn)
}
