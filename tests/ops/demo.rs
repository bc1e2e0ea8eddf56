//! `accord demo` (issue 16, point 8): on SQLite and on PostgreSQL, the command makes a demo
//! organization that a server on the same database serves whole (a team of four titles,
//! accounts across the tiers with their decision makers, weeks of interactions, a pipeline
//! with proposals, a risk with its plan, targets, invoices, bills and payments, a reconciled
//! bank statement, reports that answer and books that balance), prints a sign-in that works,
//! and a second run changes nothing. Bad input ends with a message and a failure status,
//! never a panic.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use crate::support::{accord, client, Api, Node, PgDatabase, SqliteFile};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_on_sqlite_is_whole_and_made_once() {
    let file = SqliteFile::new();
    explore(&file.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_on_postgres_is_whole_and_made_once() {
    let Some(db) = PgDatabase::create() else {
        return;
    };
    explore(&db.url).await;
}

/// `accord demo` on `url` with `args`; status, stdout, stderr.
fn demo(url: &str, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["demo"];
    all.extend_from_slice(args);
    let out = accord(&all, &[("DATABASE_URL", url), ("RUST_LOG", "warn")]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "accord demo panicked: {stderr}"
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

/// The value after `label` on its line of the printed sign-in.
fn printed(out: &str, label: &str) -> String {
    out.lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .map(|v| v.trim().to_owned())
        .unwrap_or_else(|| panic!("no {label} line in:\n{out}"))
}

async fn token(base: &str, email: &str, password: &str) -> String {
    let answer = client()
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(answer.status(), 200, "signing in as {email}");
    let body: Value = answer.json().await.expect("token body");
    body["access_token"].as_str().expect("a token").to_owned()
}

/// How many of each the organization holds.
async fn counts(api: &Api) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for (name, path) in [
        ("users", "/api/v1/users"),
        ("teams", "/api/v1/teams"),
        ("accounts", "/api/v1/accounts"),
        ("contacts", "/api/v1/contacts"),
        ("interactions", "/api/v1/interactions"),
        ("tasks", "/api/v1/tasks"),
        ("feedback", "/api/v1/feedback"),
        ("requests", "/api/v1/requests"),
        ("opportunities", "/api/v1/opportunities"),
        ("proposals", "/api/v1/proposals"),
        ("risks", "/api/v1/risks"),
        ("targets", "/api/v1/targets"),
        ("account plans", "/api/v1/account-plans"),
        ("invoices", "/api/v1/invoices"),
        ("bills", "/api/v1/bills"),
        ("payments", "/api/v1/payments"),
        ("bank accounts", "/api/v1/bank-accounts"),
        ("journal entries", "/api/v1/ledger/journal-entries"),
    ] {
        counts.insert(name, api.walk(path).await.len());
    }
    counts
}

fn field<'a>(rows: &'a [Value], name: &str) -> BTreeSet<&'a str> {
    rows.iter().filter_map(|r| r[name].as_str()).collect()
}

async fn explore(url: &str) {
    let (ok, first, stderr) = demo(url, &[]);
    assert!(ok, "accord demo failed:\n{stderr}\n{first}");
    assert!(first.contains("Created the demo organization"), "{first}");
    let email = printed(&first, "email:");
    let password = printed(&first, "password:");
    assert!(printed(&first, "docs:").ends_with("/docs/"), "{first}");
    assert!(
        printed(&first, "token:").starts_with("curl")
            && first.contains("/api/v1/auth/token")
            && first.contains(&email),
        "{first}"
    );

    let node = Node::start(url, &[]);
    let api = Api::new(&node.base, &token(&node.base, &email, &password).await);
    let me = api.get("/api/v1/me").await;
    assert_eq!(me.body["role"], "owner", "{:?}", me.body);
    assert_eq!(me.body["organization"]["base_currency"], "USD");

    // The team: four account managers with four titles, who sign in with the printed password.
    let users = api.walk("/api/v1/users").await;
    let managers: Vec<&Value> = users.iter().filter(|u| !u["title"].is_null()).collect();
    assert_eq!(managers.len(), 4, "{users:?}");
    let titles: BTreeSet<&str> = managers
        .iter()
        .filter_map(|u| u["title"].as_str())
        .collect();
    assert_eq!(titles.len(), 4, "four different titles: {titles:?}");
    assert!(managers.iter().all(|u| u["role"] == "account_manager"));
    let teams = api.walk("/api/v1/teams").await;
    assert_eq!(teams.len(), 1, "{teams:?}");
    assert_eq!(teams[0]["member_ids"].as_array().map(Vec::len), Some(4));
    assert!(!teams[0]["lead_id"].is_null());
    for u in &managers {
        let email = u["email"].as_str().unwrap();
        assert!(first.contains(email), "{email} is printed");
        token(&node.base, email, &password).await;
    }

    // Accounts across the tiers, one at risk; contacts who decide.
    let accounts = api.walk("/api/v1/accounts").await;
    assert!((8..=14).contains(&accounts.len()), "{}", accounts.len());
    assert_eq!(
        field(&accounts, "tier"),
        BTreeSet::from(["key", "standard", "strategic"])
    );
    assert!(
        field(&accounts, "status").contains("at_risk"),
        "{accounts:?}"
    );
    assert!(accounts.iter().any(|a| a["is_vendor"] == true));
    let overdue = api.walk("/api/v1/accounts?check_in_overdue=true").await;
    assert!(!overdue.is_empty(), "an account is due a check-in");
    let contacts = api.walk("/api/v1/contacts").await;
    assert!(contacts.len() >= 12, "{}", contacts.len());
    assert!(
        contacts
            .iter()
            .filter(|c| c["is_decision_maker"] == true)
            .count()
            >= 8
    );

    // A quarter of interactions, none in the future; follow-ups.
    let interactions = api.walk("/api/v1/interactions").await;
    assert!(interactions.len() >= 30, "{}", interactions.len());
    let when: Vec<DateTime<Utc>> = interactions
        .iter()
        .map(|i| i["occurred_at"].as_str().unwrap().parse().unwrap())
        .collect();
    let (oldest, newest) = (when.iter().min().unwrap(), when.iter().max().unwrap());
    assert!(
        *newest - *oldest >= Duration::weeks(10),
        "{oldest} .. {newest}"
    );
    assert!(*newest <= Utc::now() && Utc::now() - *oldest <= Duration::days(92));
    assert!(interactions.iter().any(|i| !i["follow_up_on"].is_null()));
    assert!(api.walk("/api/v1/tasks").await.len() >= 4);
    // Logged by the account managers themselves, as the change log shows.
    let ids: BTreeSet<&str> = managers.iter().filter_map(|u| u["id"].as_str()).collect();
    // (Events are numbered for the change log shortly after the node starts: wait for them.)
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let logged = loop {
        let logged = api.walk("/api/v1/events?type=interaction.created").await;
        if logged.len() == interactions.len() || std::time::Instant::now() > deadline {
            break logged;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(logged.len(), interactions.len());
    assert!(
        logged
            .iter()
            .all(|e| ids.contains(e["actor"]["id"].as_str().unwrap_or(""))),
        "{logged:?}"
    );

    // The pipeline, proposals, a risk with its action plan, targets, an account plan.
    let opportunities = api.walk("/api/v1/opportunities").await;
    let stages = field(&opportunities, "stage");
    for stage in ["qualification", "negotiation", "won", "lost"] {
        assert!(stages.contains(stage), "{stage} in {stages:?}");
    }
    assert!(api.walk("/api/v1/proposals").await.len() >= 3);
    let risks = api.walk("/api/v1/risks").await;
    let open = risks
        .iter()
        .find(|r| r["status"] == "mitigating" || r["status"] == "open")
        .expect("an open risk");
    let plan = open["action_plan"].as_array().unwrap();
    assert!(plan.len() >= 2 && plan.iter().all(|s| !s["owner_id"].is_null()));
    let targets = api.walk("/api/v1/targets").await;
    assert!(targets.iter().any(|t| !t["user_id"].is_null()));
    assert!(targets.iter().any(|t| !t["team_id"].is_null()));
    assert_eq!(api.walk("/api/v1/account-plans").await.len(), 1);

    // The books: invoices in every state, bills, payments, a reconciled statement.
    let invoices = api.walk("/api/v1/invoices").await;
    assert!(invoices.len() >= 15, "{}", invoices.len());
    for status in ["paid", "open", "partially_paid"] {
        assert!(field(&invoices, "status").contains(status), "{status}");
    }
    assert!(invoices.iter().any(|i| i["overdue"] == true));
    assert!(api.walk("/api/v1/bills").await.len() >= 5);
    assert!(api.walk("/api/v1/payments").await.len() >= 10);
    let banks = api.walk("/api/v1/bank-accounts").await;
    assert_eq!(banks.len(), 1);
    let bank = banks[0]["id"].as_str().unwrap();
    let statements = api
        .walk(&format!("/api/v1/bank-accounts/{bank}/statements"))
        .await;
    assert_eq!(statements.len(), 1, "{statements:?}");
    assert_eq!(
        statements[0]["balance_difference"], "0.00",
        "the statement follows on from the stated opening balance: {:?}",
        statements[0]
    );
    let lines = api
        .walk(&format!("/api/v1/bank-accounts/{bank}/transactions"))
        .await;
    let reconciled = api
        .walk(&format!(
            "/api/v1/bank-accounts/{bank}/transactions?status=reconciled"
        ))
        .await;
    assert!(lines.len() >= 15, "{}", lines.len());
    assert!(
        reconciled.len() >= 10,
        "{} of {}",
        reconciled.len(),
        lines.len()
    );
    assert!(reconciled.len() < lines.len(), "a line is left to do");

    // Reports answer; the books balance.
    let today = Utc::now().date_naive();
    let from = today - Duration::days(90);
    let performance = api
        .get(&format!(
            "/api/v1/reports/performance?from={from}&to={today}"
        ))
        .await;
    assert_eq!(performance.status, 200, "{:?}", performance.body);
    let rows = performance.body["managers"].as_array().unwrap();
    assert!(rows.len() >= 4, "{rows:?}");
    assert!(
        rows.iter().any(|r| r["revenue_invoiced"] != "0.00"),
        "{rows:?}"
    );
    assert!(!performance.body["teams"].as_array().unwrap().is_empty());
    for report in [
        format!("/api/v1/reports/sales?from={from}&to={today}"),
        "/api/v1/reports/ar-aging".to_owned(),
        format!("/api/v1/reports/income-statement?from={from}&to={today}"),
        "/api/v1/me/agenda".to_owned(),
    ] {
        let answer = api.get(&report).await;
        assert_eq!(answer.status, 200, "{report}: {:?}", answer.body);
    }
    let cash = api.get("/api/v1/reports/cash-position").await;
    assert_eq!(
        cash.body["accounts"][0]["unexplained_difference"], "0.00",
        "the statement and the books explain each other: {:?}",
        cash.body
    );
    let entries = api.assert_books_balance().await;
    assert!(entries >= 30, "{entries} journal entries");

    // Again, with the server running: the same sign-in, nothing new.
    let before = counts(&api).await;
    let (ok, second, stderr) = demo(url, &[]);
    assert!(ok, "the second run failed:\n{stderr}");
    assert!(second.contains("already exists"), "{second}");
    assert_eq!(printed(&second, "email:"), email);
    assert_eq!(printed(&second, "password:"), password);
    assert_eq!(
        counts(&api).await,
        before,
        "the second run changed something"
    );

    // Bad situations: a message and a failure status, nothing made.
    let (ok, _, stderr) = demo(url, &["--password", "another password entirely"]);
    assert!(!ok && stderr.contains("already exists"), "{stderr}");
    let (ok, _, stderr) = demo(url, &["--email", "not-an-email"]);
    assert!(!ok && stderr.contains("not an email address"), "{stderr}");
    let (ok, _, stderr) = demo(
        url,
        &["--email", "other@northwind.example", "--password", "short"],
    );
    assert!(!ok && stderr.contains("at least 10 characters"), "{stderr}");
    assert_eq!(counts(&api).await, before);
}

/// An owner with the demo's email and password but no demo behind it (as an interrupted run
/// would leave): the demo says so and fails, rather than claiming it exists or adding to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unfinished_demo_is_reported_not_repeated() {
    let file = SqliteFile::new();
    let url = file.url();
    let node = Node::start(&url, &[]);
    let answer = client()
        .post(node.url("/api/v1/auth/signup"))
        .json(
            &json!({"organization_name": "Half Made Ltd", "name": "Morgan Blake",
                      "email": "demo@northwind.example", "password": "northwind-demo-password"}),
        )
        .send()
        .await
        .expect("signup");
    assert_eq!(answer.status(), 201);
    let body: Value = answer.json().await.expect("signup body");
    let api = Api::new(&node.base, body["access_token"].as_str().unwrap());
    let before = counts(&api).await;
    let (ok, out, stderr) = demo(&url, &[]);
    assert!(!ok, "{out}");
    assert!(stderr.contains("incomplete"), "{stderr}");
    assert_eq!(counts(&api).await, before);
}
