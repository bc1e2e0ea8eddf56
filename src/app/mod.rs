//! Use cases. Each runs its database work in one blocking task (off actix's few worker
//! threads) and, when it writes, in one transaction; the `*_in` functions take an open
//! connection so a larger use case can compose them inside its own transaction.

pub mod api_keys;
pub mod crm;
pub mod identity;
pub mod ledger;
pub mod reports;
pub mod teams;
pub mod users;

use actix_web::web;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::db::{self, Backend, DbConn, Pool};
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
