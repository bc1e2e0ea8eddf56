//! The database layer: one connection type over PostgreSQL and SQLite, the pool, migrations,
//! write transactions, and the translation of database errors.

pub mod banking;
pub mod billing;
pub mod crm;
pub mod events;
pub mod idempotency;
pub mod identity;
pub mod ledger;
pub mod record;
pub mod schema;
pub mod settings;
pub mod types;
pub mod webhooks;

use std::time::Duration;

use chrono::{NaiveDateTime, SubsecRound, Utc};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub use types::{SqlDecimal, SqlUuid};

/// One connection type for both backends; queries written against it run on either.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        }
    }
}

/// Where the database is, decided from the URL's scheme (not by trying each backend in turn,
/// which would hide PostgreSQL's real error behind SQLite's).
#[derive(Debug, Clone)]
pub enum DbTarget {
    Postgres(String),
    Sqlite(String),
}

impl DbTarget {
    pub fn parse(url: &str) -> Result<DbTarget, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbTarget::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || path.contains("://") {
            return Err(format!(
                "DATABASE_URL {url:?} is neither postgres://... nor sqlite://PATH"
            ));
        }
        Ok(DbTarget::Sqlite(path.to_owned()))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbTarget::Postgres(_) => Backend::Postgres,
            DbTarget::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// r2d2 manager that opens the backend named by the URL and prepares each connection.
#[derive(Debug, Clone)]
pub struct Manager {
    target: DbTarget,
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        match &self.target {
            DbTarget::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(diesel::r2d2::Error::ConnectionError)?;
                // A write that waits on another's lock (the same idempotency key, a locked
                // counter row) gives up after a while instead of holding the pool forever.
                conn.batch_execute(
                    "SET lock_timeout = '10s'; SET statement_timeout = '60s'; SET TIME ZONE 'UTC'",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Pg(conn))
            }
            DbTarget::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // busy_timeout first: setting WAL while other connections open needs the lock.
                // synchronous=FULL: an acknowledged posting survives a power cut.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                // SQLite's own lower() folds ASCII only; case-insensitive search must fold
                // "Ärztekammer" as PostgreSQL does, so lower() is Rust's Unicode lowercase here.
                crm::lower_opt_utils::register_impl(&mut conn, |x: Option<String>| {
                    x.map(|s| s.to_lowercase())
                })
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking()
            || <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

pub struct PoolSettings {
    pub max_size: u32,
    pub connection_timeout: Duration,
}

/// Opens the pool. Checkout does not run a test query (it cost a fifth of throughput);
/// broken connections are noticed by their errors and dropped by `has_broken`.
pub fn connect(target: &DbTarget, settings: &PoolSettings) -> Result<Pool, r2d2::Error> {
    r2d2::Pool::builder()
        .max_size(settings.max_size)
        .min_idle(Some(1))
        .connection_timeout(settings.connection_timeout)
        .test_on_check_out(false)
        .build(Manager {
            target: target.clone(),
        })
}

/// Applies the embedded migrations of the connection's backend; returns how many ran.
pub fn migrate(conn: &mut DbConn) -> Result<usize, String> {
    let result = match conn {
        DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    result.map_err(|e| e.to_string())
}

/// Runs `f` in one write transaction. SQLite's opens with `BEGIN IMMEDIATE`: a deferred
/// transaction that reads and then writes can fail on the lock upgrade, where busy_timeout
/// does not help; taking the write lock up front makes concurrent writers queue instead.
pub fn write_transaction<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        DbConn::Pg(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    match f(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) =
                <DbConn as Connection>::TransactionManager::rollback_transaction(conn)
            {
                tracing::warn!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}

/// Runs reads that must agree with each other in one snapshot: REPEATABLE READ on
/// PostgreSQL, a read transaction on SQLite (WAL gives it a snapshot). Inside an open
/// transaction it just runs `f`.
pub fn snapshot<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let depth = <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .map_err(E::from)?;
    if depth.is_some() {
        return f(conn);
    }
    match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN")?,
        DbConn::Pg(c) => AnsiTransactionManager::begin_transaction_sql(
            c,
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        )?,
    }
    let result = f(conn);
    let end = if result.is_ok() {
        <DbConn as Connection>::TransactionManager::commit_transaction(conn)
    } else {
        <DbConn as Connection>::TransactionManager::rollback_transaction(conn)
    };
    let value = result?;
    end?;
    Ok(value)
}

pub fn backend_of(conn: &DbConn) -> Backend {
    match conn {
        DbConn::Pg(_) => Backend::Postgres,
        DbConn::Sqlite(_) => Backend::Sqlite,
    }
}

/// Now, to the microsecond both backends keep, as the naive UTC the columns hold.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// Runs the same typed statement on whichever concrete connection this is. For statements the
/// derived multi-backend cannot express (`ON CONFLICT`, `ILIKE`) but both backends support.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Pg($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}
