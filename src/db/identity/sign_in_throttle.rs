//! Failed sign-ins per email and per client address (see [`crate::domain::throttle`]).

use diesel::prelude::*;

use crate::db::schema::sign_in_throttle as t;
use crate::db::DbConn;
use crate::domain::throttle::Attempts;
use crate::on_backend;

/// The key's state as committed (a key never seen has no failures).
pub fn read(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<Attempts> {
    let row = t::table
        .filter(t::scope.eq(scope).and(t::key.eq(key)))
        .select((t::failures, t::last_failed_at, t::blocked_until))
        .first::<(i32, _, _)>(conn)
        .optional()?;
    Ok(row.map_or_else(
        Attempts::default,
        |(failures, last_failed_at, blocked_until)| Attempts {
            failures: u32::try_from(failures).unwrap_or(0),
            last_failed_at,
            blocked_until,
        },
    ))
}

/// The key's state, locked for this transaction: on PostgreSQL a concurrent sign-in with the
/// same key waits here until this one commits, so concurrent failures each count.
pub fn lock(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<Attempts> {
    on_backend!(conn, |c| diesel::insert_into(t::table)
        .values((t::scope.eq(scope), t::key.eq(key), t::failures.eq(0)))
        .on_conflict_do_nothing()
        .execute(c))?;
    let q = t::table
        .filter(t::scope.eq(scope).and(t::key.eq(key)))
        .select((t::failures, t::last_failed_at, t::blocked_until));
    let (failures, last_failed_at, blocked_until) = match conn {
        DbConn::Pg(c) => q.for_update().first::<(i32, _, _)>(c)?,
        DbConn::Sqlite(c) => q.first::<(i32, _, _)>(c)?,
    };
    Ok(Attempts {
        failures: u32::try_from(failures).unwrap_or(0),
        last_failed_at,
        blocked_until,
    })
}

pub fn save(conn: &mut DbConn, scope: &str, key: &str, a: &Attempts) -> QueryResult<()> {
    diesel::update(t::table.filter(t::scope.eq(scope).and(t::key.eq(key))))
        .set((
            t::failures.eq(i32::try_from(a.failures).unwrap_or(i32::MAX)),
            t::last_failed_at.eq(a.last_failed_at),
            t::blocked_until.eq(a.blocked_until),
        ))
        .execute(conn)
        .map(drop)
}

/// Forgets the key (a successful sign-in with that email).
pub fn clear(conn: &mut DbConn, scope: &str, key: &str) -> QueryResult<()> {
    diesel::delete(t::table.filter(t::scope.eq(scope).and(t::key.eq(key))))
        .execute(conn)
        .map(drop)
}
