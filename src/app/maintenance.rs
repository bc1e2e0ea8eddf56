//! Work nobody asks for over the API: folding posted lines into daily balances, forgetting
//! old idempotency keys, and telling whether the database answers.

use diesel::connection::SimpleConnection;

use super::error::AppError;
use super::{App, Context};
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

/// Whether the database answers a query.
pub async fn database_ready(app: &App) -> Result<(), AppError> {
    app.read(&Context::system(), |tx| Ok(tx.batch_execute("SELECT 1")?))
        .await
}
