//! Foreign currency: lines convert at an explicit rate or the recorded rate of their date,
//! a residual cent goes to rounding, and balances are kept in both currencies.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{assert_trial_balance_balances, cr, d, dr, dv, LEDGER_ACCOUNTS};
use crate::support::problem::{assert_problem, assert_refused};
use crate::support::TestApp;

async fn foreign_currency_lines_convert_at_the_rate_of_their_date(app: TestApp) {
    let mut b = Books::open(&app, "Fx Inc").await;
    let (sales, travel) = (b.id("4000"), b.id("6400"));
    let rounding = b.role("rounding");
    let eur = b
        .create_account(
            json!({"code": "1020", "name": "Bank EUR", "type": "asset", "currency": "EUR"}),
        )
        .await;
    assert_eq!(b.chart.by_code["1020"]["currency"], "EUR");

    // An explicit rate.
    let e = b
        .posted(
            "2026-02-01",
            vec![
                json!({"ledger_account_id": eur, "debit": "100.00", "exchange_rate": "1.10"}),
                cr(&sales, "110.00"),
            ],
        )
        .await;
    let l0 = &e["lines"][0];
    assert_eq!(l0["currency"], "EUR");
    assert_eq!(dv(&l0["debit"]), d("100.00"));
    assert_eq!(dv(&l0["exchange_rate"]), d("1.10"));
    assert_eq!(dv(&l0["base_amount"]), d("110.00"));
    assert_eq!(e["lines"][1]["currency"], "USD");
    assert_eq!(dv(&e["lines"][1]["base_amount"]), d("110.00"));
    let bal = b.balance(&eur, "as_of=2026-02-28").await;
    assert_eq!(bal["currency"], "EUR");
    assert_eq!(dv(&bal["balance"]), d("100.00"));
    assert_eq!(dv(&bal["base_balance"]), d("110.00"));
    assert_eq!(bal["base_currency"], "USD");

    // Recorded rates: the rate of the date, else the latest before it.
    let rate = |date: &str, rate: &str| {
        app.post("/api/v1/exchange-rates")
            .token(&b.token)
            .json(&json!({"currency": "EUR", "date": date, "rate": rate}))
            .send()
    };
    let a = rate("2026-03-01", "1.20").await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert!(a.header("location").is_some());
    assert_eq!(dv(&a.body["rate"]), d("1.20"));
    let dup = rate("2026-03-01", "1.21").await;
    assert_problem(&dup, StatusCode::CONFLICT, "rate_exists");
    let e = b
        .posted("2026-03-01", vec![dr(&eur, "50.00"), cr(&sales, "60.00")])
        .await;
    assert_eq!(dv(&e["lines"][0]["exchange_rate"]), d("1.2"));
    assert_eq!(dv(&e["lines"][0]["base_amount"]), d("60.00"));
    let e = b
        .posted("2026-03-15", vec![dr(&eur, "10.00"), cr(&sales, "12.00")])
        .await;
    assert_eq!(dv(&e["lines"][0]["base_amount"]), d("12.00"));
    assert_eq!(rate("2026-03-10", "1.25").await.status, StatusCode::CREATED);
    let e = b
        .posted("2026-03-16", vec![dr(&eur, "10.00"), cr(&sales, "12.50")])
        .await;
    assert_eq!(dv(&e["lines"][0]["exchange_rate"]), d("1.25"));
    // A rate recorded after the date is not used.
    let a = b
        .post("2026-01-15", vec![dr(&eur, "10.00"), cr(&sales, "11.00")])
        .await;
    assert_refused(&a, "exchange_rate_missing", "lines[0].exchange_rate");
    // The base currency has no rate; JSON numbers and non-positive rates are refused.
    let a = app
        .post("/api/v1/exchange-rates")
        .token(&b.token)
        .json(&json!({"currency": "USD", "date": "2026-03-01", "rate": "1"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = app
        .post("/api/v1/exchange-rates")
        .token(&b.token)
        .json(&json!({"currency": "EUR", "date": "2026-04-01", "rate": 1.3}))
        .send()
        .await;
    assert!(matches!(a.status.as_u16(), 400 | 422), "{}", a.text);
    let a = rate("2026-04-02", "0").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let rates = app
        .walk(&b.token, "/api/v1/exchange-rates?currency=EUR&limit=1")
        .await;
    assert_eq!(rates.len(), 2);

    // A one-minor-unit residual goes to the rounding account: 10.00 × 1.08335 = 10.8335 → 10.83.
    let e = b
        .posted(
            "2026-04-01",
            vec![
                json!({"ledger_account_id": eur, "debit": "10.00", "exchange_rate": "1.08335"}),
                cr(&sales, "10.84"),
            ],
        )
        .await;
    let lines = e["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3, "{e}");
    assert_eq!(dv(&lines[0]["base_amount"]), d("10.83"));
    let r = lines
        .iter()
        .find(|l| l["ledger_account_id"] == rounding.as_str())
        .expect("a rounding line");
    assert_eq!(dv(&r["debit"]), d("0.01"));
    assert_eq!(b.bal(&rounding, "2026-12-31").await, d("0.01"));
    // More than the conversion can explain is unbalanced.
    let a = b
        .post(
            "2026-04-01",
            vec![
                json!({"ledger_account_id": eur, "debit": "10.00", "exchange_rate": "1.08335"}),
                cr(&sales, "10.90"),
            ],
        )
        .await;
    assert_refused(&a, "journal_unbalanced", "lines");

    // A foreign payment at an explicit rate.
    b.posted(
        "2026-04-05",
        vec![
            dr(&travel, "22.22"),
            json!({"ledger_account_id": eur, "credit": "20.00", "exchange_rate": "1.111"}),
        ],
    )
    .await;

    // The account's own and base balances.
    let bal = b.balance(&eur, "as_of=2026-12-31").await;
    assert_eq!(dv(&bal["balance"]), d("160.00"));
    assert_eq!(dv(&bal["debit_total"]), d("180.00"));
    assert_eq!(dv(&bal["credit_total"]), d("20.00"));
    assert_eq!(
        dv(&bal["base_balance"]),
        d("110.00") + d("60.00") + d("12.00") + d("12.50") + d("10.83") - d("22.22")
    );
    // Base-currency accounts have no base_balance.
    let sbal = b.balance(&sales, "as_of=2026-12-31").await;
    assert!(
        sbal.get("base_balance").is_none() || sbal["base_balance"].is_null(),
        "{sbal}"
    );
    // The trial balance shows the base figure and the own-currency one; it balances.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
        .await;
    assert_trial_balance_balances(&tb);
    let row = tb["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == eur.as_str())
        .unwrap();
    assert_eq!(row["currency"], "EUR");
    assert_eq!(dv(&row["debit"]), dv(&bal["base_balance"]));
    assert_eq!(dv(&row["balance_in_currency"]), d("160.00"));
    // Activity is in the account's own currency.
    let act = b
        .get(&format!(
            "{LEDGER_ACCOUNTS}/{eur}/activity?from=2026-01-01&to=2026-12-31"
        ))
        .await;
    assert_eq!(act["currency"], "EUR");
    assert_eq!(dv(&act["closing_balance"]), d("160.00"));

    // Reversing the rounded entry brings the rounding account back to zero.
    let rounded_id = e["id"].as_str().unwrap();
    let r = b.reverse(rounded_id, "2026-04-30", "Wrong rate").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["lines"].as_array().unwrap().len(), 3);
    assert_eq!(b.bal(&rounding, "2026-12-31").await, Decimal::ZERO);
    let bal = b.balance(&eur, "as_of=2026-12-31").await;
    assert_eq!(dv(&bal["balance"]), d("150.00"));
    assert_eq!(
        dv(&bal["base_balance"]),
        d("110.00") + d("60.00") + d("12.00") + d("12.50") - d("22.22")
    );
}
both_backends!(
    foreign_currency,
    super::foreign_currency_lines_convert_at_the_rate_of_their_date
);
