//! Cached SQLite statements are planned once.
//!
//! SQLite marks a prepared statement for re-preparation whenever a value bound to it could
//! change its plan: a `LIMIT ?` (every diesel `.first()`), and range bounds once statistics
//! exist. diesel caches each statement and binds it afresh per use, so without this every
//! such read parsed and planned its SQL again on each execution. The query planner stability
//! guarantee (`SQLITE_DBCONFIG_ENABLE_QPSG`) turns that off: a statement keeps the plan it was
//! prepared with, whatever values are bound. diesel does not expose the connection handle, so
//! the setting is applied by an auto-extension, which SQLite runs for every connection this
//! process opens after it is registered.

use std::ffi::{c_char, c_int};
use std::sync::Once;

use libsqlite3_sys as ffi;

/// Registers the setting for every SQLite connection opened from now on (once per process).
pub fn plan_statements_once() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // SAFETY: `stable_plans` has the entry-point signature SQLite calls auto-extensions
        // with, and lives for the whole process.
        let rc = unsafe { ffi::sqlite3_auto_extension(Some(stable_plans)) };
        if rc != ffi::SQLITE_OK {
            tracing::warn!(rc, "SQLite refused the stable-plans auto-extension");
        }
    });
}

/// Called by SQLite on each new connection, before `sqlite3_open` returns.
unsafe extern "C" fn stable_plans(
    db: *mut ffi::sqlite3,
    _error: *mut *mut c_char,
    _api: *const ffi::sqlite3_api_routines,
) -> c_int {
    // SAFETY: `db` is the connection being opened; this option takes an int and an optional
    // out-pointer, which may be null.
    unsafe {
        ffi::sqlite3_db_config(
            db,
            ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    };
    ffi::SQLITE_OK
}
