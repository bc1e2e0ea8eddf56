//! The database layer: one connection type over PostgreSQL and SQLite, the pool, migrations,
//! write transactions, and the translation of database errors.

pub mod backup;
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
mod sqlite_plans;
pub mod storage;
pub mod types;
pub mod webhooks;

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

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

/// The connection pool, and what its connections have seen of the database. Derefs to the
/// r2d2 pool.
#[derive(Clone)]
pub struct Pool {
    inner: r2d2::Pool<Manager>,
    health: Arc<DbHealth>,
    writers: Option<Arc<tokio::sync::Mutex<()>>>,
}

impl Pool {
    pub fn health(&self) -> &DbHealth {
        &self.health
    }

    /// On SQLite, the node's writers take turns here, first come first served, before they
    /// open a write transaction. SQLite lets one writer in at a time and its busy handler
    /// is not fair: a writer that sleeps in it can lose the lock again and again to one that
    /// writes in a loop (a long import in chunks). `None` on PostgreSQL, whose writers lock
    /// rows, not the database.
    pub fn write_turns(&self) -> Option<Arc<tokio::sync::Mutex<()>>> {
        self.writers.clone()
    }
}

impl Deref for Pool {
    type Target = r2d2::Pool<Manager>;
    fn deref(&self) -> &r2d2::Pool<Manager> {
        &self.inner
    }
}

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

/// A pooled connection and what the pool knows of it. Derefs to the [`DbConn`] queries run on.
pub struct Pooled {
    conn: DbConn,
    /// A query on it failed because the server went away: the pool drops it on return.
    lost: bool,
    /// When it last went back to the pool in good order.
    returned_at: Instant,
    health: Arc<DbHealth>,
}

impl Pooled {
    /// Says that this connection's server went away, so that the pool drops it and tests every
    /// other connection before handing it out again.
    pub fn mark_lost(&mut self) {
        self.lost = true;
        self.health.connection_lost();
    }

    /// What the pool's connections have seen of the database.
    pub fn health(&self) -> &DbHealth {
        &self.health
    }
}

impl Deref for Pooled {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

/// What the nodes' connections have seen of the database: when a connection was last lost
/// (PostgreSQL restarted, the network dropped) and when a write last failed or succeeded for
/// want of storage (SQLite on a full or read-only disk). Readiness and the pool read it.
#[derive(Debug, Default)]
pub struct DbHealth {
    /// Milliseconds since [`origin`] of the last lost connection (0: never).
    lost_at: AtomicU64,
    /// Milliseconds since [`origin`] of the last failed and the last successful attempt to
    /// open a connection, and the last failure's message.
    connect_failed_at: AtomicU64,
    connected_at: AtomicU64,
    connect_error: Mutex<String>,
    /// Milliseconds since [`origin`] of the last write refused for storage, and of the last
    /// write that committed.
    storage_failed_at: AtomicU64,
    wrote_at: AtomicU64,
    /// Why the last storage failure happened, for readiness to say.
    storage_reason: Mutex<String>,
}

/// A monotonic clock's zero for the health marks.
fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn millis_since_origin(at: Instant) -> u64 {
    u64::try_from(at.saturating_duration_since(origin()).as_millis()).unwrap_or(u64::MAX) + 1
}

impl DbHealth {
    pub fn connection_lost(&self) {
        self.lost_at
            .store(millis_since_origin(Instant::now()), Ordering::Relaxed);
    }

    fn connect_failed(&self, error: &str) {
        if let Ok(mut e) = self.connect_error.lock() {
            error.clone_into(&mut e);
        }
        self.connect_failed_at
            .store(millis_since_origin(Instant::now()), Ordering::Relaxed);
    }

    fn connected(&self) {
        self.connected_at
            .store(millis_since_origin(Instant::now()), Ordering::Relaxed);
    }

    /// Why the database is unreachable: the error of the last attempt to connect, when no
    /// attempt has succeeded since.
    pub fn unreachable(&self) -> Option<String> {
        let failed = self.connect_failed_at.load(Ordering::Relaxed);
        if failed == 0 || self.connected_at.load(Ordering::Relaxed) > failed {
            return None;
        }
        Some(
            self.connect_error
                .lock()
                .map(|e| e.clone())
                .unwrap_or_default(),
        )
    }

    pub fn storage_failed(&self, reason: &str) {
        if let Ok(mut r) = self.storage_reason.lock() {
            reason.clone_into(&mut r);
        }
        self.storage_failed_at
            .store(millis_since_origin(Instant::now()), Ordering::Relaxed);
    }

    pub fn wrote(&self) {
        self.wrote_at
            .store(millis_since_origin(Instant::now()), Ordering::Relaxed);
    }

    /// The reason of the last storage failure when no write has committed since.
    pub fn storage_failure(&self) -> Option<String> {
        let failed = self.storage_failed_at.load(Ordering::Relaxed);
        if failed == 0 || self.wrote_at.load(Ordering::Relaxed) > failed {
            return None;
        }
        Some(
            self.storage_reason
                .lock()
                .map(|r| r.clone())
                .unwrap_or_default(),
        )
    }

    /// Whether `conn` may be handed out without a test query: it went back to the pool in
    /// good order a moment ago, after the last lost connection.
    fn trusts(&self, conn: &Pooled) -> bool {
        let returned = millis_since_origin(conn.returned_at);
        conn.returned_at.elapsed() < TRUSTED_FOR && returned > self.lost_at.load(Ordering::Relaxed)
    }
}

/// How long after its last good use a PostgreSQL connection is handed out untested. Under load
/// connections come back within milliseconds, so the test query is rarely paid; after a pause
/// (or once any connection was lost) each is tested on checkout, so a connection that died
/// with its server never reaches a handler.
const TRUSTED_FOR: Duration = Duration::from_secs(1);

/// r2d2 manager that opens the backend named by the URL and prepares each connection.
#[derive(Debug, Clone)]
pub struct Manager {
    target: DbTarget,
    health: Arc<DbHealth>,
}

impl Manager {
    fn open(&self) -> Result<DbConn, diesel::r2d2::Error> {
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
                sqlite_plans::plan_statements_once();
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
}

impl r2d2::ManageConnection for Manager {
    type Connection = Pooled;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<Pooled, Self::Error> {
        let conn = self
            .open()
            .inspect(|_| self.health.connected())
            .inspect_err(|e| self.health.connect_failed(&e.to_string()))?;
        Ok(Pooled {
            conn,
            lost: false,
            returned_at: Instant::now(),
            health: self.health.clone(),
        })
    }

    /// Run on checkout: a SQLite file does not go away, and a PostgreSQL connection used a
    /// moment ago is trusted; any other is tested with one round trip.
    fn is_valid(&self, conn: &mut Pooled) -> Result<(), Self::Error> {
        if matches!(conn.conn, DbConn::Sqlite(_)) || self.health.trusts(conn) {
            return Ok(());
        }
        conn.conn.batch_execute("SELECT 1").map_err(|e| {
            self.health.connection_lost();
            diesel::r2d2::Error::QueryError(e)
        })
    }

    fn has_broken(&self, conn: &mut Pooled) -> bool {
        let broken = conn.lost
            || std::thread::panicking()
            || <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(
                &mut conn.conn,
            );
        if !broken {
            conn.returned_at = Instant::now();
        }
        broken
    }
}

pub struct PoolSettings {
    pub max_size: u32,
    pub connection_timeout: Duration,
}

/// Opens the pool. One connection is opened first, so that a database that cannot be opened
/// is reported at once with its own error (not after the pool's timeout as "timed out").
/// Checkout tests a connection only when it may have died (see [`DbHealth::trusts`]).
pub fn connect(target: &DbTarget, settings: &PoolSettings) -> Result<Pool, String> {
    let health = Arc::new(DbHealth::default());
    let manager = Manager {
        target: target.clone(),
        health: health.clone(),
    };
    if let DbTarget::Sqlite(path) = target {
        storage::preflight(path)?;
    }
    let first = manager.open().map_err(|e| match target {
        DbTarget::Sqlite(path) => format!("cannot open the SQLite database {path}: {e}"),
        DbTarget::Postgres(_) => format!("cannot connect to PostgreSQL: {e}"),
    })?;
    drop(first);
    let inner = r2d2::Pool::builder()
        .max_size(settings.max_size)
        .min_idle(Some(1))
        .connection_timeout(settings.connection_timeout)
        // A PostgreSQL connection can die with its server, so each is tested as it leaves the
        // pool; a SQLite connection is a file handle in this process and cannot.
        .test_on_check_out(matches!(target, DbTarget::Postgres(_)))
        .build(manager)
        .map_err(|e| e.to_string())?;
    let writers = matches!(target, DbTarget::Sqlite(_)).then(Arc::default);
    Ok(Pool {
        inner,
        health,
        writers,
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
