//! What must always hold of the storage: the migrated tables match `schema.rs` on both
//! backends, exact decimals and minor units round-trip, the generated signing secret is kept,
//! and concurrent writers never see "database is locked".

use std::collections::BTreeMap;
use std::net::TcpListener;

use accord::db::{self, DbConn, DbTarget, PoolSettings, SqlDecimal};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use crate::both_backends;
use crate::support::{test_config, Backend, TestApp};

fn pool_for(app: &TestApp) -> db::Pool {
    let target = DbTarget::parse(&app.database_url).unwrap();
    db::connect(
        &target,
        &PoolSettings {
            max_size: 2,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap()
}

/// (table → column → nullable) as `src/db/schema.rs` declares them.
fn declared_schema() -> BTreeMap<String, BTreeMap<String, bool>> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/db/schema.rs")).unwrap();
    let mut tables = BTreeMap::new();
    let mut current: Option<(String, BTreeMap<String, bool>)> = None;
    let mut sql_name: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if let Some(name) = line
            .strip_prefix("#[sql_name = \"")
            .and_then(|r| r.strip_suffix("\"]"))
        {
            sql_name = Some(name.to_owned());
            continue;
        }
        if let Some((name, rest)) = line.split_once(" (") {
            if rest.ends_with(") {") && !name.contains(' ') {
                current = Some((name.to_owned(), BTreeMap::new()));
                continue;
            }
        }
        if let Some((_, cols)) = current.as_mut() {
            if let Some((col, ty)) = line.split_once(" -> ") {
                let col = sql_name.take().unwrap_or_else(|| col.to_owned());
                cols.insert(col, ty.starts_with("Nullable<"));
            } else if line == "}" {
                let (name, cols) = current.take().unwrap();
                tables.insert(name, cols);
            }
        }
    }
    tables
}

#[derive(QueryableByName)]
struct ColumnInfo {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

fn migrated_schema(conn: &mut DbConn) -> BTreeMap<String, BTreeMap<String, bool>> {
    let rows: Vec<ColumnInfo> = match conn {
        DbConn::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, (is_nullable = 'YES') AS nullable \
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, (p.\"notnull\" = 0 AND p.pk = 0) AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
    };
    let mut tables: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    for r in rows {
        tables
            .entry(r.table_name)
            .or_default()
            .insert(r.column_name, r.nullable);
    }
    tables
}

async fn migrated_tables_match_schema_rs(app: TestApp) {
    let pool = pool_for(&app);
    let mut conn = pool.get().unwrap();
    let mut migrated = migrated_schema(&mut conn);
    if app.backend == Backend::Postgres {
        // The writing transaction's id: its default sets it and only SQL text reads it
        // (folding); SQLite orders lines by rowid instead.
        if let Some(lines) = migrated.get_mut("journal_lines") {
            assert_eq!(lines.remove("txid"), Some(false));
        }
    }
    assert_eq!(
        migrated,
        declared_schema(),
        "the {:?} migrations and src/db/schema.rs disagree (table → column → nullable)",
        app.backend
    );
}
both_backends!(
    migrated_tables_match_schema_rs_works,
    super::migrated_tables_match_schema_rs
);

diesel::table! {
    use diesel::sql_types::*;
    use accord::db::types::ExactDecimal;
    money_roundtrip (id) {
        id -> BigInt,
        minor -> BigInt,
        exact -> Nullable<ExactDecimal>,
    }
}

async fn exact_decimals_and_minor_units_round_trip(app: TestApp) {
    let pool = pool_for(&app);
    let mut conn = pool.get().unwrap();
    let ddl = match **conn {
        DbConn::Pg(_) => "CREATE TEMPORARY TABLE money_roundtrip (id BIGINT PRIMARY KEY, minor BIGINT NOT NULL, exact NUMERIC)",
        DbConn::Sqlite(_) => "CREATE TEMPORARY TABLE money_roundtrip (id BIGINT PRIMARY KEY, minor BIGINT NOT NULL, exact TEXT)",
    };
    conn.batch_execute(ddl).unwrap();
    let decimals = [
        "12345678901234.5678",
        "0.30",
        "-0.0001",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "1234567890123456789012345678",
        "0",
    ];
    let minors = [i64::MAX, i64::MIN, 0, 1, -1, 1_234_567_890_123_456_789];
    for (i, (d, m)) in decimals.iter().zip(minors.iter().cycle()).enumerate() {
        let value: Decimal = d.parse().unwrap();
        diesel::insert_into(money_roundtrip::table)
            .values((
                money_roundtrip::id.eq(i as i64),
                money_roundtrip::minor.eq(*m),
                money_roundtrip::exact.eq(Some(SqlDecimal(value))),
            ))
            .execute(&mut **conn)
            .unwrap();
        let (minor, exact): (i64, Option<SqlDecimal>) = money_roundtrip::table
            .find(i as i64)
            .select((money_roundtrip::minor, money_roundtrip::exact))
            .first(&mut **conn)
            .unwrap();
        assert_eq!(minor, *m, "{:?}: minor units", app.backend);
        let exact = exact.unwrap().0;
        assert_eq!(exact, value, "{:?}: {d} came back as {exact}", app.backend);
        assert_eq!(exact.normalize().to_string(), value.normalize().to_string());
    }
    // Sums of minor units are exact in SQL on both backends (no float on the way).
    let sum = "SELECT CAST(SUM(minor) AS BIGINT) AS total FROM money_roundtrip \
               WHERE minor NOT IN (9223372036854775807, -9223372036854775808)";
    let total = match &mut **conn {
        DbConn::Pg(c) => {
            diesel::sql_query(sum)
                .get_result::<SumRow>(c)
                .unwrap()
                .total
        }
        DbConn::Sqlite(c) => {
            diesel::sql_query(sum)
                .get_result::<SumRow>(c)
                .unwrap()
                .total
        }
    };
    assert_eq!(total, Some(1_234_567_890_123_456_789 + 1 - 1));
}
both_backends!(
    exact_decimals_round_trip,
    super::exact_decimals_and_minor_units_round_trip
);

#[derive(QueryableByName)]
struct SumRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    total: Option<i64>,
}

/// With no ACCORD_JWT_SECRET the secret is generated once and kept in the database, so a
/// token survives a restart (and works on every node sharing the database).
async fn generated_secret_survives_restart(backend: Backend) {
    let Some(first) = crate::support::spawn_app_with(backend, |c| c.jwt_secret = None).await else {
        return;
    };
    let owner = first.signup("Restart Ltd").await;
    let mut config = test_config(&first.database_url);
    config.jwt_secret = None;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let second = accord::startup::build(config, listener).unwrap();
    actix_web::rt::spawn(second.server);
    let me = first
        .client
        .get(format!("http://127.0.0.1:{}/api/v1/me", second.port))
        .bearer_auth(&owner.token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
}

#[actix_web::test]
async fn generated_secret_survives_restart_sqlite() {
    generated_secret_survives_restart(Backend::Sqlite).await;
}

#[actix_web::test]
async fn generated_secret_survives_restart_postgres() {
    generated_secret_survives_restart(Backend::Postgres).await;
}

/// Many writers at once: every one succeeds (SQLite queues them with BEGIN IMMEDIATE and
/// busy_timeout instead of failing with "database is locked").
async fn concurrent_writes_all_succeed(app: TestApp) {
    let owner = app.signup("Busy Ltd").await;
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..40 {
        let app = app.clone();
        let token = owner.token.clone();
        tasks.push(actix_web::rt::spawn(async move {
            app.post("/api/v1/teams")
                .token(&token)
                .json(&json!({"name": format!("Team {i}")}))
                .send()
                .await
                .status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::CREATED);
    }
    let page = app
        .get("/api/v1/teams?limit=200")
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(page.body["data"].as_array().map(Vec::len), Some(40));
}
both_backends!(
    concurrent_writes_succeed,
    super::concurrent_writes_all_succeed
);
