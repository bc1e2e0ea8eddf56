//! Use cases. Each runs its database work in one blocking task (off actix's few worker
//! threads) and, when it writes, in one transaction; the `*_in` functions take an open
//! connection so a larger use case can compose them inside its own transaction.

pub mod api_keys;
pub mod crm;
pub mod identity;
pub mod ledger;
pub mod receivables;
pub mod reports;
pub mod teams;
pub mod users;

use std::collections::HashMap;

use actix_web::web;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::db::{self, Backend, DbConn, Pool, SqlUuid};
use crate::http::error::ApiError;

pub struct AppState {
    pub pool: Pool,
    pub backend: Backend,
    pub jwt: JwtKeys,
    pub config: Config,
}

impl AppState {
    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f`'s reads in one consistent snapshot (reports, balances).
    pub async fn snapshot<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        self.read(move |conn| db::snapshot(conn, f)).await
    }

    /// Runs `f` inside one write transaction: all of it commits, or none of it.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        self.read(move |conn| db::write_transaction(conn, f)).await
    }
}

/// A missing row is a 404 naming `what`; any other failure keeps its own mapping.
pub fn not_found(e: diesel::result::Error, what: &str) -> ApiError {
    match e {
        diesel::result::Error::NotFound => ApiError::not_found(what),
        other => other.into(),
    }
}

/// Whether putting `node` under `new_parent` closes a loop in a hierarchy given as
/// child → parent (teams, ledger accounts). The walk is bounded, so a tree that already
/// loops answers true instead of spinning.
pub fn would_cycle(
    parents: &HashMap<SqlUuid, Option<SqlUuid>>,
    node: SqlUuid,
    new_parent: SqlUuid,
) -> bool {
    let mut at = Some(new_parent);
    let mut steps = 0;
    while let Some(a) = at {
        if a == node || steps > parents.len() {
            return true;
        }
        at = parents.get(&a).copied().flatten();
        steps += 1;
    }
    false
}
