//! Reports benchmark: how the CRM and receivables reports scale with the data, and what the
//! server holds in memory meanwhile. Prints ratios measured in one run on this machine.
//!
//! Two organizations in one database, on PostgreSQL and on SQLite: one at 1× (by default 200
//! client accounts with two years of history each: 20 interactions, 4 feedback answers,
//! 3 opportunities, 8 invoices and the payments of those already paid, a risk on every fourth)
//! and one at 100× (the same per account, 100 times the accounts), both held by ten account
//! managers in three teams. For each report the median latency over the large organization
//! ÷ over the small one (target ≤ 10), and the server's peak resident memory over the whole
//! run (target ≤ 128 MiB). The server is the release `accord` binary, run as its own process.
//!
//! Run with `scripts/bench-ledger.sh` (which runs this too) or `cargo bench --bench reports`.
//! `BENCH_REPORT_ACCOUNTS` sets the 1× size (default 200); `BENCH_PG_ONLY` or `BENCH_SQLITE_ONLY`
//! runs one database; `BENCH_KEEP` keeps the PostgreSQL database. Loopback only; stops by itself.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use serde_json::{json, Value};

const MANAGERS: usize = 10;
const TEAMS: usize = 3;
/// The reports read a quarter (and the aging its last day) of two years of history.
const REPORTS: [(&str, &str); 4] = [
    (
        "performance",
        "/api/v1/reports/performance?from=2026-07-01&to=2026-09-30",
    ),
    (
        "sales",
        "/api/v1/reports/sales?from=2026-07-01&to=2026-09-30&group_by=owner",
    ),
    ("ar-aging", "/api/v1/reports/ar-aging?as_of=2026-09-30"),
    ("accounts list", "/api/v1/accounts?limit=100"),
];

fn base_accounts() -> u64 {
    std::env::var("BENCH_REPORT_ACCOUNTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(database_url: &str) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_accord"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("ACCORD_ADDR", format!("127.0.0.1:{port}"))
            .env(
                "ACCORD_JWT_SECRET",
                "bench-secret-that-is-long-enough-0123456789",
            )
            .env("ACCORD_RATE_LIMIT", "0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("accord starts");
        // Owned at once, so that a panic below still stops the process (Drop kills and waits).
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if Http::new()
                .send(
                    reqwest::Method::GET,
                    &format!("{}/readyz", server.base),
                    None,
                    None,
                )
                .0
                == 200
            {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("accord did not become ready");
    }

    /// Peak and current resident memory in MiB (VmHWM, VmRSS).
    fn memory_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
                / 1024.0
        };
        (field("VmHWM:"), field("VmRSS:"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An organization with its managers, teams, a bank account and a posted entry.
struct Org {
    token: String,
    id: String,
    managers: Vec<String>,
    teams: Vec<String>,
    bank_account: String,
    entry: String,
}

/// A client that waits for each answer (the benchmark's calls are sequential).
struct Http {
    rt: tokio::runtime::Runtime,
    client: reqwest::Client,
}

impl Http {
    fn new() -> Http {
        Http {
            rt: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            // Idle connections are dropped before the server's keep-alive (5 s) closes them,
            // so a request after a long seeding never lands on a closing connection.
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(300))
                .pool_idle_timeout(Duration::from_secs(2))
                .build()
                .unwrap(),
        }
    }

    /// (status, body) of a request with an optional bearer token and JSON body.
    fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Vec<u8>) {
        self.rt.block_on(async {
            let mut req = self.client.request(method, url);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if let Some(b) = body {
                req = req.json(b);
            }
            match req.send().await {
                Ok(r) => {
                    let status = r.status().as_u16();
                    (
                        status,
                        r.bytes().await.map(|b| b.to_vec()).unwrap_or_default(),
                    )
                }
                Err(e) => (0, format!("{e:?}").into_bytes()),
            }
        })
    }

    fn get_json(&self, url: &str, token: &str) -> Value {
        let (status, body) = self.send(reqwest::Method::GET, url, Some(token), None);
        assert_eq!(status, 200, "{url}: {}", String::from_utf8_lossy(&body));
        serde_json::from_slice(&body).unwrap()
    }
}

fn post(client: &Http, base: &str, token: &str, path: &str, body: Value) -> Value {
    let (status, bytes) = client.send(
        reqwest::Method::POST,
        &format!("{base}{path}"),
        (!token.is_empty()).then_some(token),
        Some(&body),
    );
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    assert!((200..300).contains(&status), "{path}: {status} {v}");
    v
}

fn open_org(client: &Http, base: &str, name: &str) -> Org {
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let s = post(
        client,
        base,
        "",
        "/api/v1/auth/signup",
        json!({"organization_name": name, "name": "Owner",
               "email": format!("owner-{tag}@example.com"), "password": "bench password 123"}),
    );
    let token = s["access_token"].as_str().unwrap().to_owned();
    let managers: Vec<String> = (0..MANAGERS)
        .map(|i| {
            let u = post(
                client,
                base,
                &token,
                "/api/v1/users",
                json!({
                "name": format!("Manager {i}"), "email": format!("m{i}-{tag}@example.com"),
                "password": "bench password 123", "role": "account_manager"}),
            );
            u["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let teams: Vec<String> = (0..TEAMS)
        .map(|t| {
            let members: Vec<&String> = managers
                .iter()
                .enumerate()
                .filter(|(i, _)| i % TEAMS == t)
                .map(|(_, m)| m)
                .collect();
            let team = post(
                client,
                base,
                &token,
                "/api/v1/teams",
                json!({
                "name": format!("Team {t}"), "lead_id": members[0], "member_ids": members}),
            );
            team["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let bank = post(
        client,
        base,
        &token,
        "/api/v1/bank-accounts",
        json!({"name": "Operating", "currency": "USD"}),
    );
    let chart = client.get_json(&format!("{base}/api/v1/ledger/accounts?limit=200"), &token);
    let code = |c: &str| {
        chart["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == c)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let entry = post(
        client,
        base,
        &token,
        "/api/v1/ledger/journal-entries",
        json!({
        "date": "2024-10-01", "description": "opening", "lines": [
            {"ledger_account_id": code("1000"), "debit": "1.00"},
            {"ledger_account_id": code("3000"), "credit": "1.00"}]}),
    );
    Org {
        token,
        id: s["organization"]["id"].as_str().unwrap().to_owned(),
        managers,
        teams,
        bank_account: bank["id"].as_str().unwrap().to_owned(),
        entry: entry["id"].as_str().unwrap().to_owned(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    Pg,
    Sqlite,
}

impl Dialect {
    /// Rows g = 1..=n.
    fn series(self, n: u64) -> String {
        match self {
            Dialect::Pg => format!("(SELECT g FROM generate_series(1, {n}) AS g) AS gs"),
            Dialect::Sqlite => format!(
                "(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {n}) SELECT g FROM s) AS gs"
            ),
        }
    }

    /// A deterministic id for row `expr` of the table numbered `tag`.
    fn id(self, tag: u32, expr: &str) -> String {
        match self {
            Dialect::Pg => {
                format!("(lpad(to_hex({tag}), 8, '0') || lpad(to_hex({expr}), 24, '0'))::uuid")
            }
            Dialect::Sqlite => format!("printf('%08x-0000-4000-8000-%012x', {tag}, {expr})"),
        }
    }

    fn uuid(self, s: &str) -> String {
        match self {
            Dialect::Pg => format!("'{s}'::uuid"),
            Dialect::Sqlite => format!("'{s}'"),
        }
    }

    /// The day `expr` days after 2024-10-01.
    fn day(self, expr: &str) -> String {
        match self {
            Dialect::Pg => format!("(DATE '2024-10-01' + ({expr})::int)"),
            Dialect::Sqlite => format!("date('2024-10-01', '+' || ({expr}) || ' days')"),
        }
    }

    /// Midday of the day `expr` days after 2024-10-01.
    fn moment(self, expr: &str) -> String {
        match self {
            Dialect::Pg => {
                format!("(TIMESTAMP '2024-10-01 12:00:00' + ({expr})::int * INTERVAL '1 day')")
            }
            Dialect::Sqlite => {
                format!("datetime('2024-10-01 12:00:00', '+' || ({expr}) || ' days')")
            }
        }
    }

    /// One of `values` picked by `index` (0-based).
    fn pick(self, index: &str, values: &[String]) -> String {
        let cases: String = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!(" WHEN {i} THEN {}", self.uuid(v)))
            .collect();
        format!("(CASE ({index}){cases} END)")
    }
}

/// Writes `accounts` client accounts with two years of history each straight into the tables.
fn seed(conn: &mut dyn SimpleConnection, d: Dialect, org: &Org, accounts: u64) {
    let o = d.uuid(&org.id);
    let m = MANAGERS;
    let owner = |acc: &str| d.pick(&format!("({acc}) % {m}"), &org.managers);
    let team = |acc: &str| d.pick(&format!("(({acc}) % {m}) % {TEAMS}"), &org.teams);
    let series = |per: u64| d.series(accounts * per);
    let acc = |per: u64| format!("((g - 1) / {per} + 1)");
    let mut sql = String::new();
    // Accounts: one in ten at risk, created over the two years.
    sql.push_str(&format!(
        "INSERT INTO accounts (organization_id, id, name, tier, own_status, status, is_customer, is_vendor, owner_id, team_id, currency, tags, custom_fields, check_in_due_at, version, created_at, updated_at, bank_accounts, name_key) \
         SELECT {o}, {id}, 'Client ' || g, CASE WHEN g % 10 = 1 THEN 'key' ELSE 'standard' END, 'active', CASE WHEN g % 10 = 0 THEN 'at_risk' ELSE 'active' END, TRUE, FALSE, {owner}, {team}, 'USD', '[]', '{{}}', {due}, 1, {created}, {created}, '[]', 'client ' || g FROM {from};\n",
        id = d.id(1, "g"),
        owner = owner("g"),
        team = team("g"),
        due = d.moment("730"),
        created = d.moment(&format!("(g * 730) / {accounts}")),
        from = d.series(accounts),
    ));
    // 20 interactions per account.
    sql.push_str(&format!(
        "INSERT INTO interactions (organization_id, id, account_id, author_id, kind, direction, occurred_at, version, created_at, updated_at) \
         SELECT {o}, {id}, {account}, {owner}, 'call', 'outbound', {at}, 1, {at}, {at} FROM {from};\n",
        id = d.id(2, "g"),
        account = d.id(1, &acc(20)),
        owner = owner(&acc(20)),
        at = d.moment("(g * 37) % 730"),
        from = series(20),
    ));
    // 4 feedback answers per account, CSAT and NPS in turn.
    sql.push_str(&format!(
        "INSERT INTO feedback (organization_id, id, account_id, kind, score, received_on, created_by, created_at, updated_at) \
         SELECT {o}, {id}, {account}, CASE WHEN g % 2 = 0 THEN 'csat' ELSE 'nps' END, CASE WHEN g % 2 = 0 THEN 1 + g % 5 ELSE g % 11 END, {on}, {owner}, {at}, {at} FROM {from};\n",
        id = d.id(3, "g"),
        account = d.id(1, &acc(4)),
        owner = owner(&acc(4)),
        on = d.day("(g * 53) % 730"),
        at = d.moment("(g * 53) % 730"),
        from = series(4),
    ));
    // A risk on every fourth account, open on every eighth.
    sql.push_str(&format!(
        "INSERT INTO risks (organization_id, id, account_id, kind, severity, description, invoice_ids, status, version, created_at, updated_at, opened_on, resolved_on, credit_note_ids) \
         SELECT {o}, {id}, {id_acc}, 'churn_risk', 'medium', 'Weighing a rival', '[]', CASE WHEN g % 8 = 0 THEN 'open' ELSE 'resolved' END, 1, {at}, {at}, {on}, CASE WHEN g % 8 = 0 THEN NULL ELSE {later} END, '[]' FROM {from} WHERE g % 4 = 0;\n",
        id = d.id(4, "g"),
        id_acc = d.id(1, "g"),
        at = d.moment("(g * 11) % 700"),
        on = d.day("(g * 11) % 700"),
        later = d.day("(g * 11) % 700 + 30"),
        from = d.series(accounts),
    ));
    // 3 opportunities per account: won, lost, and one still in the pipeline.
    sql.push_str(&format!(
        "INSERT INTO opportunities (organization_id, id, account_id, owner_id, kind, name, amount_minor, currency, stage, probability, expected_close_on, closed_on, version, created_at, updated_at) \
         SELECT {o}, {id}, {account}, {owner}, 'upsell', 'Deal ' || g, 100000 + (g % 1000) * 100, 'USD', \
         CASE g % 3 WHEN 0 THEN 'won' WHEN 1 THEN 'lost' ELSE 'proposal' END, CASE g % 3 WHEN 0 THEN 100 WHEN 1 THEN 0 ELSE 50 END, \
         {on}, CASE WHEN g % 3 = 2 THEN NULL ELSE {on} END, 1, {at}, {at} FROM {from};\n",
        id = d.id(5, "g"),
        account = d.id(1, &acc(3)),
        owner = owner(&acc(3)),
        on = d.day("(g * 29) % 730"),
        at = d.moment("(g * 29) % 700"),
        from = series(3),
    ));
    // 8 invoices per account over the two years; those issued before the last two months are
    // paid 20 days after issue, each by its own payment.
    let issue = "((g * 41) % 700)";
    let paid = format!("{issue} < 640");
    sql.push_str(&format!(
        "INSERT INTO documents (organization_id, id, kind, account_id, number, status, issue_date, due_date, currency, exchange_rate, amounts_are, subtotal_minor, tax_total_minor, total_minor, base_subtotal_minor, base_total_minor, allocated_minor, allocated_base_minor, owner_id, team_id, issued_at, created_by, version, created_at, updated_at) \
         SELECT {o}, {id}, 'invoice', {account}, 'INV-' || g, CASE WHEN {paid} THEN 'paid' ELSE 'open' END, {on}, {due}, 'USD', '1', 'exclusive', 100000, 0, 100000, 100000, 100000, \
         CASE WHEN {paid} THEN 100000 ELSE 0 END, CASE WHEN {paid} THEN 100000 ELSE 0 END, {owner}, {team}, {at}, {owner}, 1, {at}, {at} FROM {from};\n",
        id = d.id(6, "g"),
        account = d.id(1, &acc(8)),
        owner = owner(&acc(8)),
        team = team(&acc(8)),
        on = d.day(issue),
        due = d.day(&format!("{issue} + 30")),
        at = d.moment(issue),
        from = series(8),
    ));
    sql.push_str(&format!(
        "INSERT INTO payments (organization_id, id, direction, ledger, account_id, bank_account_id, payment_date, amount_minor, currency, exchange_rate, base_amount_minor, allocated_minor, allocated_base_minor, status, journal_entry_id, created_by, version, created_at, updated_at) \
         SELECT {o}, {id}, 'received', 'receivable', {account}, {bank}, {on}, 100000, 'USD', '1', 100000, 100000, 100000, 'posted', {entry}, {owner}, 1, {at}, {at} FROM {from} WHERE {paid};\n",
        id = d.id(7, "g"),
        account = d.id(1, &acc(8)),
        bank = d.uuid(&org.bank_account),
        entry = d.uuid(&org.entry),
        owner = owner(&acc(8)),
        on = d.day(&format!("{issue} + 20")),
        at = d.moment(&format!("{issue} + 20")),
        from = series(8),
    ));
    sql.push_str(&format!(
        "INSERT INTO allocations (organization_id, id, document_id, payment_id, allocation_date, amount_minor, document_base_minor, source_base_minor, voided, created_by, created_at) \
         SELECT {o}, {id}, {doc}, {payment}, {on}, 100000, 100000, 100000, FALSE, {owner}, {at} FROM {from} WHERE {paid};\n",
        id = d.id(8, "g"),
        doc = d.id(6, "g"),
        payment = d.id(7, "g"),
        owner = owner(&acc(8)),
        on = d.day(&format!("{issue} + 20")),
        at = d.moment(&format!("{issue} + 20")),
        from = series(8),
    ));
    for tag in [6, 7] {
        sql.push_str(&format!(
            "INSERT INTO settlements (organization_id, item_id, settled_on) SELECT {o}, {id}, {on} FROM {from} WHERE {paid};\n",
            id = d.id(tag, "g"),
            on = d.day(&format!("{issue} + 20")),
            from = series(8),
        ));
    }
    let (begin, analyze) = match d {
        // As autovacuum leaves a table after a bulk insert: statistics and the visibility map.
        Dialect::Pg => ("BEGIN;", "VACUUM ANALYZE;"),
        Dialect::Sqlite => ("BEGIN IMMEDIATE;", "ANALYZE;"),
    };
    conn.batch_execute(&format!("{begin}\n{sql}COMMIT;"))
        .unwrap();
    // VACUUM runs on its own, outside any multi-statement string.
    conn.batch_execute(analyze).unwrap();
}

/// Median latency in milliseconds of `path` over 15 requests after 3 to warm up.
fn median_ms(client: &Http, base: &str, token: &str, path: &str) -> f64 {
    let mut times = Vec::new();
    for i in 0..18 {
        let t = Instant::now();
        let (status, body) = client.send(
            reqwest::Method::GET,
            &format!("{base}{path}"),
            Some(token),
            None,
        );
        assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
        if i >= 3 {
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn run(label: &str, database_url: &str, mut conn: Box<dyn SimpleConnection>, d: Dialect) {
    let server = Server::start(database_url);
    let client = Http::new();
    let n = base_accounts();
    let small = open_org(&client, &server.base, "Reports 1x");
    let large = open_org(&client, &server.base, "Reports 100x");
    let t = Instant::now();
    seed(conn.as_mut(), d, &small, n);
    seed(conn.as_mut(), d, &large, n * 100);
    eprintln!(
        "  {label}: seeded {n} and {} accounts with their history in {:.0} s",
        n * 100,
        t.elapsed().as_secs_f64()
    );
    for (name, path) in REPORTS {
        let one = median_ms(&client, &server.base, &small.token, path);
        let hundred = median_ms(&client, &server.base, &large.token, path);
        println!(
            "{label}: {name} median {hundred:.1} ms at 100x vs {one:.1} ms at 1x: ratio {:.1} (target <= 10)",
            hundred / one
        );
    }
    let (peak, now) = server.memory_mib();
    println!(
        "{label}: server peak resident memory {peak:.0} MiB (now {now:.0} MiB) (target <= 128)"
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "Accord reports benchmark on {} cores, {} accounts at 1x",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        base_accounts()
    );
    let admin = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("accord_bench_reports_{}", std::process::id());
    let mut admin_conn = PgConnection::establish(&admin).expect("PostgreSQL reachable");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut admin_conn)
        .unwrap();
    let url = format!(
        "{}/{name}",
        admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin)
    );
    if std::env::var("BENCH_SQLITE_ONLY").is_err() {
        // The server migrates the database as it starts; the seeding connects after that.
        let server_url = url.clone();
        let conn = LazyPg(url.clone(), None);
        run("postgres", &server_url, Box::new(conn), Dialect::Pg);
    }
    if std::env::var("BENCH_KEEP").is_ok() {
        // For looking into a figure afterwards (EXPLAIN); dropped by hand.
        eprintln!("  kept PostgreSQL database {name}");
    } else {
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut admin_conn);
    }
    if std::env::var("BENCH_PG_ONLY").is_ok() {
        std::process::exit(0);
    }

    let dir = std::env::temp_dir().join(format!("accord-bench-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("reports.db").display().to_string();
    run(
        "sqlite",
        &format!("sqlite://{path}"),
        Box::new(LazySqlite(path.clone(), None)),
        Dialect::Sqlite,
    );
    let _ = std::fs::remove_dir_all(&dir);
    std::process::exit(0);
}

/// A PostgreSQL connection made on first use (after the server has migrated the database).
struct LazyPg(String, Option<PgConnection>);

impl SimpleConnection for LazyPg {
    fn batch_execute(&mut self, query: &str) -> diesel::QueryResult<()> {
        if self.1.is_none() {
            self.1 = Some(PgConnection::establish(&self.0).unwrap());
        }
        self.1.as_mut().unwrap().batch_execute(query)
    }
}

/// A SQLite connection made on first use, waiting its turn behind the server's writers.
struct LazySqlite(String, Option<SqliteConnection>);

impl SimpleConnection for LazySqlite {
    fn batch_execute(&mut self, query: &str) -> diesel::QueryResult<()> {
        if self.1.is_none() {
            let mut c = SqliteConnection::establish(&self.0).unwrap();
            c.batch_execute("PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;")
                .unwrap();
            self.1 = Some(c);
        }
        self.1.as_mut().unwrap().batch_execute(query)
    }
}
