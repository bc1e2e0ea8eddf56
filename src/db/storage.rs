//! Whether a SQLite database can be written: checked before the server starts (so that a
//! read-only file or directory is refused at once, naming the path) and by readiness (so that
//! a node on a full or read-only disk leaves the balancer's rotation instead of failing every
//! write).

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use rustix::fs::{access, statvfs, Access};

use super::DbConn;

/// Below this many free bytes on the database's file system a node says it is not ready: a
/// posting with its change log and audit rows needs a few pages, a checkpoint more.
pub const MIN_FREE_BYTES: u64 = 1024 * 1024;

/// Whether `path` names an on-disk database (not `:memory:` or a URI form).
fn on_disk(path: &str) -> bool {
    !(path == ":memory:" || path.starts_with("file:"))
}

fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Checks, before opening it, that the database at `path` can be written: its directory
/// exists and can be written (SQLite keeps the `-wal` and `-shm` files beside the database),
/// and the file, if it exists, can be written. The error names the path and the reason.
pub fn preflight(path: &str) -> Result<(), String> {
    if !on_disk(path) {
        return Ok(());
    }
    let file = Path::new(path);
    let dir = directory_of(file);
    if !dir.is_dir() {
        return Err(format!(
            "the directory {} of the SQLite database {path} does not exist",
            dir.display()
        ));
    }
    access(&dir, Access::WRITE_OK).map_err(|e| {
        format!(
            "cannot write in {}, the directory of the SQLite database {path} (SQLite keeps its \
             -wal and -shm files there): {e}",
            dir.display()
        )
    })?;
    if file.exists() {
        access(file, Access::READ_OK | Access::WRITE_OK)
            .map_err(|e| format!("the SQLite database file {path} cannot be written: {e}"))?;
    }
    Ok(())
}

/// Why the database at `path` cannot take writes now, judged from the file system alone: a
/// directory that cannot be written, or less than [`MIN_FREE_BYTES`] free.
pub fn unwritable_reason(path: &str) -> Option<String> {
    if !on_disk(path) {
        return None;
    }
    let dir = directory_of(Path::new(path));
    if let Err(e) = access(&dir, Access::WRITE_OK) {
        return Some(format!("cannot write in {}: {e}", dir.display()));
    }
    let free = statvfs(&dir)
        .ok()
        .map(|s| s.f_bavail.saturating_mul(s.f_frsize))?;
    (free < MIN_FREE_BYTES).then(|| {
        format!(
            "only {free} bytes are free on the disk of {} (at least {MIN_FREE_BYTES} needed)",
            dir.display()
        )
    })
}

/// Writes one row and commits it: whether the database takes a write now (a full disk or a
/// read-only file fails here as a request's write would).
pub fn probe_write(conn: &mut DbConn) -> diesel::QueryResult<()> {
    let now = super::now().and_utc().timestamp_micros();
    let sql = format!(
        "INSERT INTO app_settings (key, value) VALUES ('storage_probe', '{now}') \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    );
    super::write_transaction(conn, |conn| conn.batch_execute(&sql))
}
