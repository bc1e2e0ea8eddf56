//! Opening the database, migrating it and starting the HTTP server.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::HttpServer;
use diesel::connection::SimpleConnection;

use crate::app::{events, maintenance, webhooks, App, Lifecycle};
use crate::auth::jwt::JwtKeys;
use crate::auth::secrets;
use crate::config::Config;
use crate::db::{self, DbConn, Pool, PoolSettings};
use crate::http;

pub fn open_pool(config: &Config) -> Result<Pool, String> {
    let settings = PoolSettings {
        max_size: config.pool_size,
        connection_timeout: config.pool_timeout,
    };
    db::connect(&config.database, &settings)
}

/// Applies pending migrations. On PostgreSQL an advisory lock keeps nodes that start together
/// from migrating at the same time.
pub fn migrate(pool: &Pool) -> Result<usize, String> {
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let is_pg = matches!(&**conn, DbConn::Pg(_));
    if is_pg {
        conn.batch_execute("SELECT pg_advisory_lock(7426313)")
            .map_err(|e| e.to_string())?;
    }
    let result = db::migrate(&mut conn);
    if is_pg {
        conn.batch_execute("SELECT pg_advisory_unlock(7426313)")
            .map_err(|e| e.to_string())?;
    }
    result.map_err(|e| format!("migration failed: {e}"))
}

/// The signing secret: configured, or generated once and kept in the database so every node
/// and every restart shares it.
fn signing_secret(config: &Config, pool: &Pool) -> Result<String, String> {
    if let Some(secret) = &config.jwt_secret {
        return Ok(secret.expose().to_owned());
    }
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    db::settings::get_or_insert(&mut conn, "jwt_secret", secrets::generate_signing_secret)
        .map_err(|e| e.to_string())
}

/// A SQLite database that cannot take a write refuses to start, naming the path and why,
/// rather than serving reads and failing every write.
fn refuse_unwritable(pool: &Pool, path: &str) -> Result<(), String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    db::storage::probe_write(&mut conn)
        .map_err(|e| format!("cannot write the SQLite database {path}: {e}"))?;
    if let Some(reason) = db::storage::unwritable_reason(path) {
        tracing::warn!(%reason, "the SQLite database is about to run out of space");
    }
    Ok(())
}

pub struct Running {
    pub server: Server,
    pub port: u16,
    pub lifecycle: Lifecycle,
    pub drain: Duration,
}

/// Stops the server on SIGTERM or SIGINT. SIGTERM drains first: for the configured drain time
/// `/readyz` answers 503 `draining` and answers say `Connection: close` while the node still
/// serves every request, so a load balancer checking readiness stops routing to it; then the
/// server stops taking connections and gives in-flight requests up to 30 s to finish. SIGINT
/// (Ctrl-C), or a second signal during the drain, skips what is left of the drain.
pub fn stop_on_signals(running: &Running) {
    use actix_web::rt::signal::unix::{signal, SignalKind};
    let handle = running.server.handle();
    let lifecycle = running.lifecycle.clone();
    let drain = running.drain;
    actix_web::rt::spawn(async move {
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            tracing::error!("cannot listen for SIGTERM and SIGINT; stop the server with SIGKILL");
            return;
        };
        let draining = {
            let term = std::pin::pin!(term.recv());
            let int = std::pin::pin!(int.recv());
            matches!(
                futures_util::future::select(term, int).await,
                futures_util::future::Either::Left(_)
            )
        };
        if draining && !drain.is_zero() {
            lifecycle.start_draining();
            tracing::info!(
                seconds = drain.as_secs(),
                "SIGTERM: draining (readiness answers 503) before stopping"
            );
            let again = std::pin::pin!(async {
                futures_util::future::select(
                    std::pin::pin!(term.recv()),
                    std::pin::pin!(int.recv()),
                )
                .await;
            });
            let waited = std::pin::pin!(actix_web::rt::time::sleep(drain));
            futures_util::future::select(again, waited).await;
        }
        lifecycle.start_draining();
        tracing::info!("stopping: no new connections; finishing the requests in flight");
        handle.stop(true).await;
    });
}

/// The application over a database that is open, migrated and writable: what the server
/// serves and what commands that work on the data (`accord demo`) use.
pub fn prepare(config: Config) -> Result<App, String> {
    let pool = open_pool(&config)?;
    let applied = migrate(&pool)?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    if let db::DbTarget::Sqlite(path) = &config.database {
        refuse_unwritable(&pool, path)?;
    }
    let secret = signing_secret(&config, &pool)?;
    Ok(App {
        backend: config.database.backend(),
        pool,
        jwt: JwtKeys::new(secret.as_bytes()),
        config,
        lifecycle: Lifecycle::default(),
        principals: Default::default(),
    })
}

/// Opens and migrates the database and binds the server; the caller awaits `server`.
pub fn build(config: Config, listener: TcpListener) -> Result<Running, String> {
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let workers = config.workers;
    let state = prepare(config)?;
    let lifecycle = state.lifecycle.clone();
    let drain = state.config.drain;
    let shared = http::Shared::new(state)?;
    let purge_state = shared.state.clone();
    let mut server = HttpServer::new(move || http::app(&shared))
        .listen(listener)
        .map_err(|e| e.to_string())?
        // Signals are ours (`stop_on_signals`): SIGTERM drains before stopping. In-flight
        // requests get this long to finish once the server stops.
        .disable_signals()
        .shutdown_timeout(30);
    if let Some(n) = workers {
        server = server.workers(n);
    }
    let server = server.run();
    actix_web::rt::spawn(fold_ledger_lines(purge_state.clone()));
    actix_web::rt::spawn(seal_changes(purge_state.clone()));
    actix_web::rt::spawn(purge_expired_events(purge_state.clone()));
    actix_web::rt::spawn(dispatch_webhooks(purge_state.clone()));
    actix_web::rt::spawn(announce_overdue_invoices(purge_state.clone()));
    actix_web::rt::spawn(run_import_jobs(purge_state.clone()));
    actix_web::rt::spawn(purge_idempotency_keys(purge_state));
    Ok(Running {
        server,
        port,
        lifecycle,
        drain,
    })
}

/// Folds posted lines into per-account daily balances, off the posting path, so balances
/// and reports need not scan the journal. Every node runs it; one at a time folds.
async fn fold_ledger_lines(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(FOLD_INTERVAL_MS));
    loop {
        tick.tick().await;
        loop {
            let folded = maintenance::fold_ledger_lines(&state, FOLD_BATCH).await;
            match folded {
                Ok(n) if n as i64 >= FOLD_BATCH / 2 => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "folding ledger lines failed");
                    break;
                }
            }
        }
    }
}

const FOLD_INTERVAL_MS: u64 = 1000;

/// Numbers committed events in commit order (the change feed, webhooks) and chains new audit
/// rows, a few times a second. Every node runs it; one at a time seals.
async fn seal_changes(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(SEAL_INTERVAL_MS));
    loop {
        tick.tick().await;
        // A full batch means more is waiting: go on at once.
        loop {
            match events::seal(&state).await {
                Ok(sealed) if sealed.events >= 500 || sealed.audit_rows >= 500 => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "sealing the change log failed");
                    break;
                }
            }
        }
    }
}

const SEAL_INTERVAL_MS: u64 = 100;

/// Events older than `ACCORD_EVENT_RETENTION_DAYS` are dropped hourly (audit rows never are).
async fn purge_expired_events(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = events::purge_expired_events(&state).await {
            tracing::warn!(error = %e, "purging expired events failed");
        }
    }
}
const FOLD_BATCH: i64 = 5000;

/// Sends due webhook deliveries. Every node runs it; a delivery is leased by one node at a
/// time (see `app::webhooks::dispatch`), so nodes share the work without sending twice.
async fn dispatch_webhooks(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(DISPATCH_INTERVAL_MS));
    loop {
        tick.tick().await;
        loop {
            match webhooks::dispatch_due(&state, DISPATCH_BATCH).await {
                Ok(n) if n as i64 >= DISPATCH_BATCH => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "dispatching webhook deliveries failed");
                    break;
                }
            }
        }
    }
}

const DISPATCH_INTERVAL_MS: u64 = 250;
const DISPATCH_BATCH: i64 = 32;

/// Announces invoices that became overdue (`invoice.overdue`, once each), every minute.
async fn announce_overdue_invoices(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        loop {
            match crate::app::billing::overdue::announce_overdue_invoices(&state, 500).await {
                Ok(n) if n >= 250 => continue,
                Ok(_) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "announcing overdue invoices failed");
                    break;
                }
            }
        }
    }
}

/// Works CSV imports queued as jobs. Every node runs it; a job is leased by one node at a
/// time, and one left by a node that stopped is taken up once its lease runs out.
async fn run_import_jobs(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(500));
    loop {
        tick.tick().await;
        if let Err(e) = crate::app::crm::import_jobs::run_due(&state).await {
            tracing::warn!(error = %e, "running import jobs failed");
        }
    }
}

/// Idempotency keys are kept 24 h at least; older ones are dropped hourly.
async fn purge_idempotency_keys(state: actix_web::web::Data<App>) {
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let before = db::now() - chrono::Duration::hours(48);
        let result = maintenance::purge_idempotency_keys(&state, before).await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "purging old idempotency keys failed");
        }
    }
}
