//! Balances stay exact and read-your-writes while lines are folded into day rows.

use accord::db::{self, DbTarget, PoolSettings};
use serde_json::Value;

use crate::both_backends;
use crate::support::books::{cr, dr, entry, Chart, ENTRIES};
use crate::support::TestApp;

/// Posts a two-line entry moving `amount` from `credit` to `debit`.
async fn post(app: &TestApp, token: &str, date: &str, debit: &str, credit: &str, amount: &str) {
    app.create(
        token,
        ENTRIES,
        entry(date, vec![dr(debit, amount), cr(credit, amount)]),
    )
    .await;
}

async fn folding_keeps_balances_exact(app: TestApp) {
    let owner = app.signup("Fold Ltd").await;
    let chart = Chart::load(&app, &owner.token).await;
    let (cash, sales) = (chart.id("1000"), chart.id("4000"));
    post(&app, &owner.token, "2026-01-05", &cash, &sales, "100.10").await;
    post(&app, &owner.token, "2026-01-05", &cash, &sales, "0.20").await;
    post(&app, &owner.token, "2026-02-07", &cash, &sales, "50.00").await;
    let tb_before: Value = app
        .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
        .token(&owner.token)
        .send()
        .await
        .body;

    let pool = db::connect(
        &DbTarget::parse(&app.database_url).unwrap(),
        &PoolSettings {
            max_size: 1,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    // The background folder may have folded some already; fold whatever is left.
    db::write_transaction(&mut conn, |c| db::ledger::fold_lines(c, 10_000)).unwrap();
    assert_eq!(
        db::write_transaction(&mut conn, |c| db::ledger::fold_lines(c, 10_000)).unwrap(),
        0
    );

    assert_eq!(
        app.ledger_balance(&owner.token, &cash, "as_of=2026-01-31")
            .await["balance"],
        "100.30"
    );
    assert_eq!(
        app.ledger_balance(&owner.token, &cash, "as_of=2026-02-28")
            .await["balance"],
        "150.30"
    );
    assert_eq!(
        app.ledger_balance(&owner.token, &cash, "as_of=2026-01-04")
            .await["balance"],
        "0.00"
    );
    let tb_after: Value = app
        .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
        .token(&owner.token)
        .send()
        .await
        .body;
    assert_eq!(tb_before["rows"], tb_after["rows"]);

    // A new entry is visible at once, folded or not.
    post(&app, &owner.token, "2026-01-06", &cash, &sales, "1.00").await;
    assert_eq!(
        app.ledger_balance(&owner.token, &cash, "as_of=2026-01-31")
            .await["balance"],
        "101.30"
    );
    let m = app
        .get(&format!(
            "/api/v1/ledger/accounts/{cash}/balance?from=2026-01-06&to=2026-02-28"
        ))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(m.body["balance"], "51.00");
}
both_backends!(
    folding_keeps_balances_exact_works,
    super::folding_keeps_balances_exact
);

/// PostgreSQL: a transaction that wrote its lines before a fold and commits after it (its id
/// below the fold's horizon would lose them; above, they count once). The folder stops at the
/// oldest transaction still running, so the lines are folded by a later round, exactly once.
async fn a_transaction_open_across_folds_counts_once(app: TestApp) {
    if app.backend != crate::support::Backend::Postgres {
        // SQLite admits one writer at a time: no write can be open across a fold.
        return;
    }
    let owner = app.signup("Horizon Ltd").await;
    let chart = Chart::load(&app, &owner.token).await;
    let (cash, sales) = (chart.id("1000"), chart.id("4000"));
    let pool = db::connect(
        &DbTarget::parse(&app.database_url).unwrap(),
        &PoolSettings {
            max_size: 2,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap();
    let (mut held, mut folder) = (pool.get().unwrap(), pool.get().unwrap());
    use diesel::connection::SimpleConnection;
    // Written first, committed last: an entry of 7.00 straight into the tables.
    let entry = uuid::Uuid::now_v7();
    let (org, user) = (&owner.organization_id, &owner.user_id);
    held.batch_execute(&format!(
        "BEGIN; \
         INSERT INTO journal_entries (organization_id, id, entry_date, description, source, metadata, created_by, posted_at, updated_at) \
         VALUES ('{org}', '{entry}', '2026-03-02', 'held', 'manual', '{{}}', '{user}', now(), now()); \
         INSERT INTO journal_lines (organization_id, entry_id, line_no, ledger_account_id, entry_date, currency, debit_minor, credit_minor, base_debit_minor, base_credit_minor) \
         VALUES ('{org}', '{entry}', 0, '{cash}', '2026-03-02', 'USD', 700, 0, 700, 0), \
                ('{org}', '{entry}', 1, '{sales}', '2026-03-02', 'USD', 0, 700, 0, 700);"
    ))
    .unwrap();
    // Written and committed while it is open.
    post(&app, &owner.token, "2026-03-01", &cash, &sales, "10.00").await;
    db::write_transaction(&mut folder, |c| db::ledger::fold_lines(c, 10_000)).unwrap();
    assert_eq!(cash_balance(&app, &owner.token, &cash).await, "10.00");
    held.batch_execute("COMMIT").unwrap();
    assert_eq!(cash_balance(&app, &owner.token, &cash).await, "17.00");
    // Nothing is running now: one round (this one or the server's) folds every line left, the
    // held entry's among them, and the next finds nothing; the day rows alone give the same.
    db::write_transaction(&mut folder, |c| db::ledger::fold_lines(c, 10_000)).unwrap();
    assert_eq!(
        db::write_transaction(&mut folder, |c| db::ledger::fold_lines(c, 10_000)).unwrap(),
        0
    );
    assert_eq!(cash_balance(&app, &owner.token, &cash).await, "17.00");
}

async fn cash_balance(app: &TestApp, token: &str, cash: &str) -> String {
    app.ledger_balance(token, cash, "as_of=2026-03-31").await["balance"]
        .as_str()
        .unwrap()
        .to_owned()
}
both_backends!(
    a_transaction_open_across_folds_counts_once_works,
    super::a_transaction_open_across_folds_counts_once
);
