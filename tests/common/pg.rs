//! A PostgreSQL database made for one test on the shared server, and dropped after it. Shared
//! by the in-process tests (`tests/api`) and the process-level ones (`tests/ops`).

use diesel::{Connection, PgConnection, RunQueryDsl};

pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct PgDatabase {
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    /// `None` when PostgreSQL is unreachable outside CI (said loudly); in CI that fails the test.
    pub fn create() -> Option<PgDatabase> {
        Self::create_on(&admin_url())
    }

    /// A fresh database on the server `admin` (a URL of any database there) points at.
    pub fn create_on(admin: &str) -> Option<PgDatabase> {
        let mut conn = match PgConnection::establish(admin) {
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
            .unwrap_or(admin.to_owned());
        Some(PgDatabase {
            url: format!("{base}/{name}"),
            name,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let base = self.url.rsplit_once('/').map(|(b, _)| b.to_owned());
        let admin = base
            .map(|b| format!("{b}/postgres"))
            .unwrap_or_else(admin_url);
        if let Ok(mut conn) = PgConnection::establish(&admin) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn);
        }
    }
}
