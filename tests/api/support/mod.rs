//! What every black-box test shares: `spawn_app` on port 0 with its own database (a temporary
//! SQLite file, or a PostgreSQL database created for the test and dropped after it), the
//! `both_backends!` macro, and the helpers of the submodules:
//! - `http`: requests and answers, and the few calls every test makes (create, fetch, walk a list);
//! - `fixtures`: typed helpers that create things (an organization, a colleague with a role, CRM
//!   records, the books' fixtures);
//! - `books`: exact decimals, journal lines and the checks that the books balance;
//! - `problem`: problem+json assertions.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod books;
pub mod fixtures;
pub mod http;
#[path = "../../common/pg.rs"]
mod pg;
pub mod problem;

#[allow(unused_imports)]
pub use pg::{admin_url, PgDatabase};

use std::net::TcpListener;
use std::time::Duration;

use accord::config::{Config, Secret};
use accord::db::DbTarget;

pub use fixtures::{Colleague, Signed};
pub use http::Answer;

pub const PASSWORD: &str = "correct horse battery staple";
pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-0123456789";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once per backend: `both_backends!(name, body_fn);` makes `name::sqlite`
/// and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:path) => {
        mod $name {
            #[actix_web::test]
            async fn sqlite() {
                if let Some(app) =
                    $crate::support::spawn_app($crate::support::Backend::Sqlite).await
                {
                    $body(app).await;
                }
            }

            #[actix_web::test]
            async fn postgres() {
                if let Some(app) =
                    $crate::support::spawn_app($crate::support::Backend::Postgres).await
                {
                    $body(app).await;
                }
            }
        }
    };
}

/// A running Accord with its own database; the request helpers are in `http` and `fixtures`.
pub struct TestApp {
    pub base: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    pub database_url: String,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<PgDatabase>,
}

pub fn test_config(database_url: &str) -> Config {
    Config {
        database: DbTarget::parse(database_url).unwrap(),
        addr: "127.0.0.1:0".into(),
        jwt_secret: Some(Secret::new(JWT_SECRET.into())),
        rate_limit: 0,
        body_limit: accord::config::DEFAULT_BODY_LIMIT,
        statement_limit: accord::config::DEFAULT_STATEMENT_LIMIT,
        import_limit: accord::config::DEFAULT_IMPORT_LIMIT,
        import_sync_limit: accord::config::DEFAULT_IMPORT_SYNC_LIMIT,
        pool_size: 8,
        pool_timeout: Duration::from_secs(5),
        drain: Duration::ZERO,
        access_token_ttl: Duration::from_secs(900),
        refresh_token_ttl: Duration::from_secs(3600),
        log_json: false,
        workers: Some(2),
        event_retention: Duration::from_secs(30 * 24 * 3600),
        trusted_proxies: Default::default(),
        // Tests receive deliveries on loopback; the SSRF tests turn this off.
        webhook_allow_private: true,
        webhook_retry_schedule: accord::domain::webhooks::RETRY_SCHEDULE_SECS.to_vec(),
        metrics: accord::config::MetricsAccess::Public,
    }
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

/// Starts Accord with a fresh database and lets the test adjust the configuration first.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let (url, dir, pg) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}", dir.path().join("accord.db").display());
            (url, Some(dir), None)
        }
        Backend::Postgres => {
            let pg = PgDatabase::create()?;
            (pg.url.clone(), None, Some(pg))
        }
    };
    let mut config = test_config(&url);
    adjust(&mut config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let running = accord::startup::build(config, listener).unwrap();
    actix_web::rt::spawn(running.server);
    Some(TestApp {
        base: format!("http://127.0.0.1:{}", running.port),
        backend,
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap(),
        database_url: url,
        _dir: dir,
        _pg: pg,
    })
}
