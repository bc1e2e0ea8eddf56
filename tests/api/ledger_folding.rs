//! Balances stay exact and read-your-writes while lines are folded into day rows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use accord::db::{self, DbTarget, PoolSettings};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::TestApp;

async fn post(app: &TestApp, token: &str, date: &str, debit: &str, credit: &str, amount: &str) {
    let a = app
        .post("/api/v1/ledger/journal-entries")
        .token(token)
        .json(&json!({"date": date, "description": "fold", "lines": [
            {"ledger_account_id": debit, "debit": amount},
            {"ledger_account_id": credit, "credit": amount}]}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
}

async fn account_id(app: &TestApp, token: &str, code: &str) -> String {
    let chart = app
        .get("/api/v1/ledger/accounts?limit=200")
        .token(token)
        .send()
        .await;
    chart.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn balance(app: &TestApp, token: &str, id: &str, as_of: &str) -> String {
    let b = app
        .get(&format!(
            "/api/v1/ledger/accounts/{id}/balance?as_of={as_of}"
        ))
        .token(token)
        .send()
        .await;
    b.body["balance"].as_str().unwrap().to_owned()
}

async fn folding_keeps_balances_exact(app: TestApp) {
    let owner = app.signup("Fold Ltd").await;
    let (cash, sales) = (
        account_id(&app, &owner.token, "1000").await,
        account_id(&app, &owner.token, "4000").await,
    );
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
        balance(&app, &owner.token, &cash, "2026-01-31").await,
        "100.30"
    );
    assert_eq!(
        balance(&app, &owner.token, &cash, "2026-02-28").await,
        "150.30"
    );
    assert_eq!(
        balance(&app, &owner.token, &cash, "2026-01-04").await,
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
        balance(&app, &owner.token, &cash, "2026-01-31").await,
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
