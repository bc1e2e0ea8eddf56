//! Auto-reconcile benchmark: the time to reconcile 10,000 bank lines against 10,000 open
//! payments ÷ the time for 1,000 against 1,000, measured in one run (goal: at most 15, i.e.
//! near-linear). Each size runs in a fresh organization: N payments of distinct amounts are
//! recorded over HTTP, a camt.053 statement with the N matching lines is imported, and
//! `POST /bank-accounts/{id}/auto-reconcile` is timed (a dry run, then the real one).
//!
//! Run with `scripts/bench-reconcile.sh` (or `cargo bench --bench reconcile`); SQLite by
//! default, PostgreSQL too with `BENCH_POSTGRES=1`. `BENCH_SIZES=1000,10000` sets the sizes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::time::Instant;

use accord::config::{Config, Secret};
use accord::db::DbTarget;
use diesel::{Connection, PgConnection, RunQueryDsl};
use futures_util::StreamExt;
use serde_json::{json, Value};

const IBAN: &str = "GB33BUKB20201555555555";

fn start_server(database_url: &str) -> String {
    let mut config = Config::from_env().unwrap();
    config.database = DbTarget::parse(database_url).unwrap();
    config.jwt_secret = Some(Secret::new(
        "bench-secret-that-is-long-enough-0123456789".into(),
    ));
    config.rate_limit = 0;
    config.statement_limit = 64 * 1024 * 1024;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let running = accord::startup::build(config, listener).unwrap();
            tx.send(running.port).unwrap();
            running.server.await.unwrap();
        })
    });
    format!("http://127.0.0.1:{}", rx.recv().unwrap())
}

async fn post(client: &reqwest::Client, url: String, token: &str, body: Value) -> Value {
    let r = client
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let v: Value = r.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{status}: {v}");
    v
}

/// The amount of the i-th payment and line: distinct for every i.
fn amount(i: usize) -> String {
    format!("{}.{:02}", 10 + i / 100, i % 100)
}

fn statement(n: usize) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\
         <BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-04-01T08:00:00</CreDtTm></GrpHdr>\
         <Stmt><Id>BENCH-{n}</Id><Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>USD</Ccy></Acct>"
    );
    for i in 0..n {
        xml.push_str(&format!(
            "<Ntry><Amt Ccy=\"USD\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\
             <BookgDt><Dt>2026-03-10</Dt></BookgDt><AcctSvcrRef>B-{i}</AcctSvcrRef>\
             <NtryDtls><TxDtls><RmtInf><Ustrd>Payment {i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>",
            amount(i)
        ));
    }
    xml.push_str("</Stmt></BkToCstmrStmt></Document>");
    xml
}

/// Seconds for a dry run and for the real auto-reconcile of `n` lines against `n` payments.
async fn run(base: &str, n: usize) -> (f64, f64) {
    let client = reqwest::Client::new();
    let email = format!("bench-{}@example.com", uuid::Uuid::now_v7().simple());
    let s = post(
        &client,
        format!("{base}/api/v1/auth/signup"),
        "",
        json!({"organization_name": format!("Reconcile {n}"), "name": "Bench", "email": email, "password": "bench password 123"}),
    )
    .await;
    let token = s["access_token"].as_str().unwrap().to_owned();
    let customer = post(
        &client,
        format!("{base}/api/v1/accounts"),
        &token,
        json!({"name": "Customer", "is_customer": true, "currency": "USD"}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let bank = post(
        &client,
        format!("{base}/api/v1/bank-accounts"),
        &token,
        json!({"name": "Operating", "currency": "USD", "iban": IBAN}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    futures_util::stream::iter(0..n)
        .map(|i| {
            post(
                &client,
                format!("{base}/api/v1/payments"),
                &token,
                json!({"direction": "received", "account_id": customer, "bank_account_id": bank,
                       "date": "2026-03-09", "amount": amount(i), "allocations": []}),
            )
        })
        .buffer_unordered(16)
        .for_each(|_| async {})
        .await;
    let r = client
        .post(format!("{base}/api/v1/bank-accounts/{bank}/statements"))
        .bearer_auth(&token)
        .header("content-type", "application/xml")
        .body(statement(n))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let auto = |dry: bool| {
        let client = client.clone();
        let (token, bank, base) = (token.clone(), bank.clone(), base.to_owned());
        async move {
            let started = Instant::now();
            let v = post(
                &client,
                format!("{base}/api/v1/bank-accounts/{bank}/auto-reconcile"),
                &token,
                json!({"dry_run": dry, "date_window_days": 7}),
            )
            .await;
            assert_eq!(
                v["matched"].as_array().unwrap().len(),
                n,
                "every line has its one payment"
            );
            started.elapsed().as_secs_f64()
        }
    };
    let dry = auto(true).await;
    let real = auto(false).await;
    (dry, real)
}

fn report(rt: &tokio::runtime::Runtime, base: &str, label: &str, sizes: &[usize]) {
    let times: Vec<(usize, f64, f64)> = sizes
        .iter()
        .map(|&n| {
            let (dry, real) = rt.block_on(run(base, n));
            println!("{label}: {n} lines against {n} payments: dry run {dry:.2} s, auto-reconcile {real:.2} s");
            (n, dry, real)
        })
        .collect();
    if let (Some(small), Some(large)) = (times.first(), times.last()) {
        let scale = large.0 as f64 / small.0 as f64;
        println!(
            "{label}: {}× the lines took {:.1}× the time (dry run {:.1}×); goal at most {:.0}×",
            large.0 / small.0,
            large.2 / small.2,
            large.1 / small.1,
            scale * 1.5
        );
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("accord-reconcile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = start_server(&format!("sqlite://{}", dir.join("bench.db").display()));
    report(&rt, &base, "sqlite", &sizes);
    let _ = std::fs::remove_dir_all(&dir);

    if std::env::var("BENCH_POSTGRES").is_ok_and(|v| v == "1") {
        let admin = std::env::var("TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("accord_reconcile_{}", std::process::id());
        let mut conn = PgConnection::establish(&admin).expect("PostgreSQL reachable");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .unwrap();
        let url = format!(
            "{}/{name}",
            admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
        );
        let base = start_server(&url);
        report(&rt, &base, "postgres", &sizes);
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn);
    }
}
