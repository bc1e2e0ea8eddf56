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
