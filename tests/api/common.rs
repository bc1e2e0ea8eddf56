//! The test harness: `spawn_app` on port 0 with its own database, typed helpers on `TestApp`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::time::Duration;

use accord::config::{Config, Secret};
use accord::db::DbTarget;
use diesel::{Connection, PgConnection, RunQueryDsl};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

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
                if let Some(app) = $crate::common::spawn_app($crate::common::Backend::Sqlite).await
                {
                    $body(app).await;
                }
            }

            #[actix_web::test]
            async fn postgres() {
                if let Some(app) =
                    $crate::common::spawn_app($crate::common::Backend::Postgres).await
                {
                    $body(app).await;
                }
            }
        }
    };
}

pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgDatabase {
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    /// `None` when PostgreSQL is unreachable outside CI (said loudly); in CI that fails the test.
    pub fn create() -> Option<PgDatabase> {
        let admin = admin_url();
        let mut conn = match PgConnection::establish(&admin) {
            Ok(c) => c,
            Err(e) => {
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("PostgreSQL is unreachable at {admin} and CI=true: {e}");
                }
                eprintln!("\n!!! PostgreSQL unreachable at {admin} ({e}): the PostgreSQL half of this test was SKIPPED !!!\n");
                return None;
            }
        };
        let name = format!("accord_test_{}", uuid::Uuid::now_v7().simple());
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .expect("create test database");
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or(admin.clone());
        Some(PgDatabase {
            url: format!("{base}/{name}"),
            name,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&admin_url()) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn);
        }
    }
}

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
        pool_size: 8,
        pool_timeout: Duration::from_secs(5),
        access_token_ttl: Duration::from_secs(900),
        refresh_token_ttl: Duration::from_secs(3600),
        log_json: false,
        workers: Some(2),
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

/// An answer: status, headers and the body as JSON (`Value::Null` when empty or not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    pub fn is_problem(&self) -> bool {
        self.header("content-type")
            .is_some_and(|c| c.starts_with("application/problem+json"))
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// The fields named in a problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub struct Req<'a> {
    app: &'a TestApp,
    builder: reqwest::RequestBuilder,
}

impl<'a> Req<'a> {
    pub fn token(mut self, token: &str) -> Self {
        self.builder = self.builder.bearer_auth(token);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.builder = self.builder.header(name, value);
        self
    }

    pub fn json(mut self, body: &Value) -> Self {
        self.builder = self.builder.json(body);
        self
    }

    pub fn raw(mut self, body: impl Into<reqwest::Body>, content_type: &str) -> Self {
        self.builder = self.builder.header("content-type", content_type).body(body);
        self
    }

    pub async fn send(self) -> Answer {
        let _ = self.app;
        let res = self.builder.send().await.expect("request failed");
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            text,
        }
    }
}

pub struct Signed {
    pub token: String,
    pub refresh_token: String,
    pub user_id: String,
    pub organization_id: String,
    pub email: String,
}

impl TestApp {
    pub fn req(&self, method: Method, path: &str) -> Req<'_> {
        Req {
            app: self,
            builder: self
                .client
                .request(method, format!("{}{}", self.base, path)),
        }
    }

    pub fn get(&self, path: &str) -> Req<'_> {
        self.req(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Req<'_> {
        self.req(Method::POST, path)
    }

    pub fn patch(&self, path: &str) -> Req<'_> {
        self.req(Method::PATCH, path)
    }

    pub fn delete(&self, path: &str) -> Req<'_> {
        self.req(Method::DELETE, path)
    }

    /// Signs up a new organization and returns its owner's session.
    pub async fn signup(&self, org: &str) -> Signed {
        let email = format!("owner-{}@example.com", uuid::Uuid::now_v7().simple());
        let a = self
            .post("/api/v1/auth/signup")
            .json(&json!({"organization_name": org, "name": "Olivia Owner", "email": email, "password": PASSWORD}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        Signed {
            token: a.body["access_token"].as_str().unwrap().to_owned(),
            refresh_token: a.body["refresh_token"].as_str().unwrap().to_owned(),
            user_id: a.body["user"]["id"].as_str().unwrap().to_owned(),
            organization_id: a.body["organization"]["id"].as_str().unwrap().to_owned(),
            email,
        }
    }

    /// Creates a colleague with `role` and logs them in; returns (user id, access token).
    pub async fn user_with_role(&self, admin_token: &str, role: &str) -> (String, String) {
        let email = format!("{role}-{}@example.com", uuid::Uuid::now_v7().simple());
        let a = self
            .post("/api/v1/users")
            .token(admin_token)
            .json(&json!({"name": format!("A {role}"), "email": email, "password": PASSWORD, "role": role}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        let id = a.body["id"].as_str().unwrap().to_owned();
        (id, self.login(&email, PASSWORD).await)
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let a = self
            .post("/api/v1/auth/token")
            .json(&json!({"email": email, "password": password}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        a.body["access_token"].as_str().unwrap().to_owned()
    }
}
