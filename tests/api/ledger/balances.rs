//! Balances as of a date and over a range (parents roll up their children), and an account's
//! activity with its running balance.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{assert_balance_sheet_balances, cr, d, dr, dv, entry, LEDGER_ACCOUNTS};
use crate::support::TestApp;

async fn balances_as_of_and_over_a_range_roll_up_children(app: TestApp) {
    let mut b = Books::open(&app, "Balance Ltd").await;
    let (bank, sales, loan, fixed, equipment) = (
        b.id("1010"),
        b.id("4000"),
        b.id("2300"),
        b.id("1500"),
        b.id("1510"),
    );
    b.posted(
        "2026-01-10",
        vec![dr(&bank, "1000.00"), cr(&sales, "1000.00")],
    )
    .await;
    b.posted(
        "2026-02-10",
        vec![dr(&bank, "500.00"), cr(&sales, "500.00")],
    )
    .await;
    b.posted(
        "2026-03-10",
        vec![dr(&sales, "200.00"), cr(&bank, "200.00")],
    )
    .await;
    b.posted(
        "2026-03-12",
        vec![dr(&bank, "5000.00"), cr(&loan, "5000.00")],
    )
    .await;

    // As of: cumulative, in the normal direction.
    assert_eq!(b.bal(&sales, "2026-01-09").await, Decimal::ZERO);
    assert_eq!(b.bal(&sales, "2026-01-10").await, d("1000.00"));
    assert_eq!(b.bal(&sales, "2026-02-28").await, d("1500.00"));
    let s = b.balance(&sales, "as_of=2026-12-31").await;
    assert_eq!(s["ledger_account_id"], sales.as_str());
    assert_eq!(s["as_of"], "2026-12-31");
    assert_eq!(s["currency"], "USD");
    assert_eq!(dv(&s["debit_total"]), d("200.00"));
    assert_eq!(dv(&s["credit_total"]), d("1500.00"));
    assert_eq!(
        dv(&s["balance"]),
        d("1300.00"),
        "income is positive when credited"
    );
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("6300.00"));
    assert_eq!(
        b.bal(&loan, "2026-12-31").await,
        d("5000.00"),
        "liabilities are positive when credited"
    );

    // From/to: the movement in the range, inclusive.
    let m = b.balance(&sales, "from=2026-02-10&to=2026-03-10").await;
    assert_eq!(m["from"], "2026-02-10");
    assert_eq!(m["to"], "2026-03-10");
    assert!(m.get("as_of").is_none() || m["as_of"].is_null(), "{m}");
    assert_eq!(dv(&m["balance"]), d("300.00"));
    assert_eq!(dv(&m["credit_total"]), d("500.00"));
    assert_eq!(dv(&m["debit_total"]), d("200.00"));
    let m = b.balance(&bank, "from=2026-03-11&to=2026-03-31").await;
    assert_eq!(dv(&m["balance"]), d("5000.00"));
    // Half a range, or a reversed one, is refused.
    let a = app
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{sales}/balance?from=2026-01-01"
        ))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = app
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{sales}/balance?from=2026-02-01&to=2026-01-01"
        ))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    // Parents roll up their children: a new child under Sales revenue, and Equipment under
    // Fixed assets.
    let online = b
        .create_account(
            json!({"code": "4010", "name": "Online sales", "type": "income", "parent_id": sales}),
        )
        .await;
    b.posted(
        "2026-04-01",
        vec![dr(&bank, "250.00"), cr(&online, "250.00")],
    )
    .await;
    assert_eq!(b.bal(&online, "2026-12-31").await, d("250.00"));
    assert_eq!(b.bal(&sales, "2026-12-31").await, d("1550.00"));
    assert_eq!(b.bal(&sales, "2026-03-31").await, d("1300.00"));
    let m = b.balance(&sales, "from=2026-04-01&to=2026-04-30").await;
    assert_eq!(dv(&m["balance"]), d("250.00"));
    b.posted(
        "2026-04-02",
        vec![dr(&equipment, "2000.00"), cr(&bank, "2000.00")],
    )
    .await;
    b.posted(
        "2026-04-30",
        vec![dr(&b.id("6800"), "50.00"), cr(&b.id("1590"), "50.00")],
    )
    .await;
    assert_eq!(b.bal(&fixed, "2026-12-31").await, d("1950.00"));
    assert_eq!(b.bal(&b.id("1590"), "2026-12-31").await, d("-50.00"));
    // A grandchild rolls up too.
    let laptops = b
        .create_account(
            json!({"code": "1511", "name": "Laptops", "type": "asset", "parent_id": equipment}),
        )
        .await;
    b.posted(
        "2026-05-01",
        vec![dr(&laptops, "1200.00"), cr(&bank, "1200.00")],
    )
    .await;
    assert_eq!(b.bal(&equipment, "2026-12-31").await, d("3200.00"));
    assert_eq!(b.bal(&fixed, "2026-12-31").await, d("3150.00"));
    // The balance sheet totals each parent with its sub-accounts, and still balances.
    let bs = b
        .get("/api/v1/reports/balance-sheet?as_of=2026-12-31")
        .await;
    assert_balance_sheet_balances(&bs);
    let row = bs["assets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == fixed.as_str())
        .unwrap();
    assert_eq!(dv(&row["total"]), d("3150.00"));
}
both_backends!(
    balances,
    super::balances_as_of_and_over_a_range_roll_up_children
);

async fn activity_runs_a_balance_from_the_opening(app: TestApp) {
    let b = Books::open(&app, "Activity Ltd").await;
    let (bank, sales, rent) = (b.id("1010"), b.id("4000"), b.id("6100"));
    b.posted(
        "2026-01-05",
        vec![dr(&bank, "100.00"), cr(&sales, "100.00")],
    )
    .await;
    b.posted("2026-01-20", vec![dr(&bank, "50.00"), cr(&sales, "50.00")])
        .await;
    let mut body = entry("2026-02-03", vec![dr(&rent, "30.00"), cr(&bank, "30.00")]);
    body["reference"] = json!("RENT-FEB");
    body["description"] = json!("February rent");
    let rent_entry = b.send(&body).await;
    assert_eq!(rent_entry.status, StatusCode::CREATED);
    b.posted("2026-02-15", vec![dr(&bank, "20.00"), cr(&sales, "20.00")])
        .await;
    b.posted("2026-03-01", vec![dr(&bank, "5.00"), cr(&sales, "5.00")])
        .await;

    let act = b
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{bank}/activity?from=2026-02-01&to=2026-02-28"
        ))
        .await;

    assert_eq!(act["ledger_account_id"], bank.as_str());
    assert_eq!(act["from"], "2026-02-01");
    assert_eq!(act["to"], "2026-02-28");
    assert_eq!(act["currency"], "USD");
    assert_eq!(dv(&act["opening_balance"]), d("150.00"));
    assert_eq!(dv(&act["debit_total"]), d("20.00"));
    assert_eq!(dv(&act["credit_total"]), d("30.00"));
    assert_eq!(dv(&act["closing_balance"]), d("140.00"));
    let lines = act["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["date"], "2026-02-03");
    assert_eq!(lines[0]["entry_id"], rent_entry.body["id"]);
    assert_eq!(lines[0]["reference"], "RENT-FEB");
    assert_eq!(lines[0]["description"], "February rent");
    assert_eq!(dv(&lines[0]["credit"]), d("30.00"));
    assert_eq!(dv(&lines[0]["debit"]), Decimal::ZERO);
    assert_eq!(dv(&lines[0]["balance"]), d("120.00"));
    assert_eq!(lines[1]["date"], "2026-02-15");
    assert_eq!(dv(&lines[1]["balance"]), d("140.00"));
    assert_eq!(
        dv(&act["closing_balance"]),
        b.bal(&bank, "2026-02-28").await
    );

    // An income account runs in its normal (credit) direction.
    let act = b
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{sales}/activity?from=2026-01-01&to=2026-03-31"
        ))
        .await;
    let balances: Vec<Decimal> = act["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| dv(&l["balance"]))
        .collect();
    assert_eq!(
        balances,
        vec![d("100.00"), d("150.00"), d("170.00"), d("175.00")]
    );
    assert_eq!(dv(&act["opening_balance"]), Decimal::ZERO);
    // An empty range still answers the opening.
    let act = b
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{bank}/activity?from=2026-04-01&to=2026-04-30"
        ))
        .await;
    assert_eq!(act["lines"].as_array().unwrap().len(), 0);
    assert_eq!(dv(&act["opening_balance"]), d("145.00"));
    assert_eq!(dv(&act["closing_balance"]), d("145.00"));
    // Unknown account: 404.
    let a = app
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{}/activity?from=2026-01-01&to=2026-01-31",
            uuid::Uuid::now_v7()
        ))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.text);
}
both_backends!(activity, super::activity_runs_a_balance_from_the_opening);
