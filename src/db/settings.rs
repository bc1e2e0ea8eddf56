//! Process-wide settings kept in the database, shared by every node.

use diesel::prelude::*;

use super::schema::app_settings;
use super::DbConn;
use crate::on_backend;

/// Returns the value stored under `key`, storing `make()` first if there is none. Safe when
/// several nodes start at once: the first insert wins and everybody reads it back.
pub fn get_or_insert(
    conn: &mut DbConn,
    key: &str,
    make: impl FnOnce() -> String,
) -> QueryResult<String> {
    let value = make();
    on_backend!(conn, |c| diesel::insert_into(app_settings::table)
        .values((app_settings::key.eq(key), app_settings::value.eq(&value)))
        .on_conflict_do_nothing()
        .execute(c))?;
    app_settings::table
        .find(key)
        .select(app_settings::value)
        .first(conn)
}
