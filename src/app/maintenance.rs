//! Work nobody asks for over the API: folding posted lines into daily balances, forgetting
//! old idempotency keys, and telling whether the database answers.

use diesel::connection::SimpleConnection;

use std::time::Duration;

use super::error::{AppError, ErrorKind};
use super::unit_of_work::blocking;
use super::{App, Context};
use crate::config::MetricsAccess;
use crate::db::{self, DbTarget};

/// Folds up to `batch` posted lines into per-account daily balances; how many it folded.
pub async fn fold_ledger_lines(app: &App, batch: i64) -> Result<usize, AppError> {
    app.write(&Context::system(), move |tx| {
        Ok(db::ledger::fold_lines(tx, batch)?)
    })
    .await
}

/// Forgets idempotency keys created before `before`; how many.
pub async fn purge_idempotency_keys(
    app: &App,
    before: chrono::NaiveDateTime,
) -> Result<usize, AppError> {
    app.write(&Context::system(), move |tx| {
        Ok(db::idempotency::purge(tx, before)?)
    })
    .await
}

/// Whether a caller presenting `bearer` (the token of an `Authorization: Bearer` header) may
/// read the metrics: 404 when they are off, 401 when a token is configured and this is not it.
pub fn metrics_access(app: &App, bearer: Option<&str>) -> Result<(), AppError> {
    match &app.config.metrics {
        MetricsAccess::Public => Ok(()),
        MetricsAccess::Off => Err(AppError::not_found("route")),
        MetricsAccess::Token(token) => match bearer {
            Some(b) if same_bytes(b.as_bytes(), token.expose().as_bytes()) => Ok(()),
            _ => Err(AppError::unauthorized(
                "metrics_token_required",
                "the metrics need `Authorization: Bearer` with the configured metrics token",
            )),
        },
    }
}

/// Equality that takes the same time wherever the first difference is.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether this node can serve: the database answers within [`READY_WITHIN`] and, on SQLite,
/// can take a write — its directory can be written, its disk has room, and a write that failed
/// for storage has since been followed by one that committed (or a probe write commits now).
pub async fn database_ready(app: &App) -> Result<(), AppError> {
    if app.lifecycle.is_draining() {
        return Err(AppError::new(
            ErrorKind::Unavailable,
            "draining",
            "this node is shutting down: it finishes the requests it has and takes no new ones",
        )
        .retry_after(1));
    }
    let pool = app.pool.clone();
    let sqlite = match &app.config.database {
        DbTarget::Sqlite(path) => Some(path.clone()),
        DbTarget::Postgres(_) => None,
    };
    blocking(move || {
        let mut conn = pool
            .get_timeout(READY_WITHIN)
            .map_err(|e| super::unit_of_work::no_connection(&pool, e))?;
        if let Err(e) = conn.batch_execute("SELECT 1") {
            let e = AppError::from(e);
            if e.is_database_unavailable() {
                conn.mark_lost();
            }
            return Err(e);
        }
        let Some(path) = sqlite else {
            return Ok(());
        };
        if let Some(reason) = db::storage::unwritable_reason(&path) {
            return Err(not_ready(reason));
        }
        if let Some(reason) = conn.health().storage_failure() {
            match db::storage::probe_write(&mut conn) {
                Ok(()) => conn.health().wrote(),
                Err(e) => {
                    return Err(not_ready(format!(
                        "{reason} (and a probe write failed too: {e})"
                    )))
                }
            }
        }
        Ok(())
    })
    .await
}

/// How long readiness waits for a connection before it answers not ready.
const READY_WITHIN: Duration = Duration::from_secs(1);

fn not_ready(reason: String) -> AppError {
    AppError::new(
        ErrorKind::Unavailable,
        "database_not_writable",
        format!("this node cannot write to its database: {reason}"),
    )
    .retry_after(5)
}
