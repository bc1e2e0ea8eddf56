//! Work nobody asks for over the API: folding posted lines into daily balances, forgetting
//! old idempotency keys, and telling whether the database answers.

use diesel::connection::SimpleConnection;

use super::error::AppError;
use super::{App, Context};
use crate::config::MetricsAccess;
use crate::db;

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

/// Whether the database answers a query.
pub async fn database_ready(app: &App) -> Result<(), AppError> {
    app.read(&Context::system(), |tx| Ok(tx.batch_execute("SELECT 1")?))
        .await
}
