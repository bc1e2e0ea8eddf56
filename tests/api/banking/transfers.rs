//! Transfers between bank accounts: one entry that moves the balances, an exchange
//! difference to fx_gain_loss across currencies, and every refusal naming its field.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::{d, dv, Chart, ENTRIES};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

const TRANSFERS: &str = "/api/v1/bank-transfers";
const AS_OF: &str = "2026-12-31";

struct Banks<'a> {
    app: &'a TestApp,
    token: String,
}

impl Banks<'_> {
    async fn ledger_of(&self, bank: &str) -> String {
        self.app
            .fetch(&self.token, &format!("/api/v1/bank-accounts/{bank}"))
            .await["ledger_account_id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn balance(&self, bank: &str) -> rust_decimal::Decimal {
        let gl = self.ledger_of(bank).await;
        self.app.balance_as_of(&self.token, &gl, AS_OF).await
    }

    async fn transfer(&self, body: Value) -> Value {
        self.app.create(&self.token, TRANSFERS, body).await
    }

    async fn refused(&self, body: Value, code: &str, field: &str) {
        let a = self
            .app
            .post(TRANSFERS)
            .token(&self.token)
            .json(&body)
            .send()
            .await;
        assert_field_refused(&a, code, field);
    }

    async fn entry(&self, transfer: &Value) -> Value {
        self.app
            .fetch(
                &self.token,
                &format!(
                    "{ENTRIES}/{}",
                    transfer["journal_entry_id"].as_str().unwrap()
                ),
            )
            .await
    }
}

/// The entry's base amounts balance; the line on `ledger` (if any).
fn check_entry(entry: &Value, ledger: &str) -> Option<Value> {
    let lines = entry["lines"].as_array().unwrap();
    let (mut dr, mut cr) = (d("0"), d("0"));
    for l in lines {
        if l["debit"].is_string() {
            dr += dv(&l["base_amount"]);
        } else {
            cr += dv(&l["base_amount"]);
        }
    }
    assert_eq!(dr, cr, "balanced in the base currency: {entry}");
    assert_eq!(entry["source"], "bank");
    lines
        .iter()
        .find(|l| l["ledger_account_id"] == ledger)
        .cloned()
}

async fn transfers_move_money(app: TestApp) {
    let token = app.signup("Movers").await.token;
    let b = Banks {
        app: &app,
        token: token.clone(),
    };
    let chart = Chart::load(&app, &token).await;
    let fx = chart.role("fx_gain_loss");
    let operating = app.bank_account(&token, "Operating", "USD").await;
    let savings = app.bank_account(&token, "Savings", "USD").await;
    let euro = app.bank_account(&token, "Euro", "EUR").await;
    let card = id_of(
        &app.create(
            &token,
            "/api/v1/bank-accounts",
            json!({"name": "Card", "kind": "credit_card"}),
        )
        .await,
    );
    let a = app
        .post("/api/v1/exchange-rates")
        .token(&token)
        .json(&json!({"currency": "EUR", "date": "2026-03-01", "rate": "1.10"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);

    // Same currency: the balances move, one entry of two lines.
    let t = b
        .transfer(
            json!({"from_bank_account_id": operating, "to_bank_account_id": savings,
                         "date": "2026-03-10", "amount": "250.00", "reference": "Top up"}),
        )
        .await;
    assert_eq!(t["amount"], "250.00");
    assert_eq!(t["currency"], "USD");
    assert_eq!(t["to_amount"], "250.00");
    assert_eq!(t["to_currency"], "USD");
    assert_eq!(t["date"], "2026-03-10");
    assert_eq!(t["reference"], "Top up");
    assert_eq!(b.balance(&operating).await, d("-250.00"));
    assert_eq!(b.balance(&savings).await, d("250.00"));
    let entry = b.entry(&t).await;
    assert_eq!(entry["lines"].as_array().unwrap().len(), 2, "{entry}");
    assert_eq!(entry["date"], "2026-03-10");
    assert_eq!(entry["source_id"], t["id"]);
    assert!(check_entry(&entry, &fx).is_none());
    assert_eq!(
        app.fetch(&token, &format!("{TRANSFERS}/{}", id_of(&t)))
            .await,
        t
    );
    // An equal to_amount is fine; paying the card down lowers the liability.
    b.transfer(
        json!({"from_bank_account_id": operating, "to_bank_account_id": card,
                      "date": "2026-03-11", "amount": "100", "to_amount": "100.00"}),
    )
    .await;
    assert_eq!(b.balance(&operating).await, d("-350.00"));
    assert_eq!(b.balance(&card).await, d("-100.00"));

    // EUR 1,000 out at 1.10 (USD 1,100), USD 1,120 in: a gain of 20 credited to fx_gain_loss.
    let t = b
        .transfer(
            json!({"from_bank_account_id": euro, "to_bank_account_id": operating,
                         "date": "2026-03-20", "amount": "1000.00", "to_amount": "1120.00"}),
        )
        .await;
    assert_eq!(t["currency"], "EUR");
    assert_eq!(t["to_currency"], "USD");
    assert_eq!(t["to_amount"], "1120.00");
    let line = check_entry(&b.entry(&t).await, &fx).expect("an fx line");
    assert_eq!(line["credit"], "20.00", "{line}");
    assert_eq!(b.balance(&operating).await, d("770.00"));
    assert_eq!(b.balance(&euro).await, d("-1000.00"));
    // USD 600 for EUR 500 (USD 550): a loss of 50 debited.
    let t = b
        .transfer(
            json!({"from_bank_account_id": operating, "to_bank_account_id": euro,
                         "date": "2026-03-21", "amount": "600.00", "to_amount": "500.00"}),
        )
        .await;
    let line = check_entry(&b.entry(&t).await, &fx).expect("an fx line");
    assert_eq!(line["debit"], "50.00", "{line}");
    // USD 550 for EUR 500 at the day's rate: no difference, no fx line.
    let t = b
        .transfer(
            json!({"from_bank_account_id": operating, "to_bank_account_id": euro,
                         "date": "2026-03-22", "amount": "550.00", "to_amount": "500.00"}),
        )
        .await;
    let entry = b.entry(&t).await;
    assert!(check_entry(&entry, &fx).is_none(), "{entry}");
    assert_eq!(b.balance(&operating).await, d("-380.00"));
    assert_eq!(b.balance(&euro).await, d("0.00"));

    // The list, and one bank account's transfers.
    let all = app.walk(&token, &format!("{TRANSFERS}?limit=2")).await;
    assert_eq!(all.len(), 5);
    let of_savings = app
        .fetch(&token, &format!("{TRANSFERS}?bank_account_id={savings}"))
        .await;
    assert_eq!(of_savings["data"].as_array().unwrap().len(), 1);
}
both_backends!(transfers_move_money_works, super::transfers_move_money);

async fn transfer_refusals(app: TestApp) {
    let token = app.signup("Refused Movers").await.token;
    let b = Banks {
        app: &app,
        token: token.clone(),
    };
    let operating = app.bank_account(&token, "Operating", "USD").await;
    let savings = app.bank_account(&token, "Savings", "USD").await;
    let euro = app.bank_account(&token, "Euro", "EUR").await;
    let closed = app.bank_account(&token, "Closed", "USD").await;
    let a = app
        .patch(&format!("/api/v1/bank-accounts/{closed}"))
        .token(&token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    // Nothing given: each required field named.
    let a = app
        .post(TRANSFERS)
        .token(&token)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let mut missing = a.error_fields();
    missing.sort();
    assert_eq!(
        missing,
        [
            "amount",
            "date",
            "from_bank_account_id",
            "to_bank_account_id"
        ]
    );
    let base = |from: &str, to: &str| json!({"from_bank_account_id": from, "to_bank_account_id": to, "date": "2026-03-10", "amount": "10.00"});
    b.refused(
        base(&operating, &operating),
        "same_bank_account",
        "to_bank_account_id",
    )
    .await;
    b.refused(
        base(&operating, &closed),
        "bank_account_inactive",
        "to_bank_account_id",
    )
    .await;
    b.refused(
        base("00000000-0000-7000-8000-000000000000", &savings),
        "not_found",
        "from_bank_account_id",
    )
    .await;
    let mut zero = base(&operating, &savings);
    zero["amount"] = json!("0");
    b.refused(zero, "must_be_positive", "amount").await;
    let mut negative = base(&operating, &savings);
    negative["amount"] = json!("-5.00");
    b.refused(negative, "must_be_positive", "amount").await;
    let mut fine = base(&operating, &savings);
    fine["amount"] = json!("1.001");
    let a = app.post(TRANSFERS).token(&token).json(&fine).send().await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(a.error_fields(), ["amount"], "{}", a.text);
    let mut mismatch = base(&operating, &savings);
    mismatch["to_amount"] = json!("11.00");
    b.refused(mismatch, "to_amount_mismatch", "to_amount").await;
    // Across currencies the arriving amount is required, and a rate of the date.
    b.refused(base(&operating, &euro), "required", "to_amount")
        .await;
    let mut no_rate = base(&operating, &euro);
    no_rate["to_amount"] = json!("9.00");
    b.refused(no_rate, "exchange_rate_required", "to_amount")
        .await;
    let mut too_long = base(&operating, &savings);
    too_long["reference"] = json!("r".repeat(201));
    b.refused(too_long, "length", "reference").await;

    // The lock date holds.
    let a = app
        .put("/api/v1/ledger/lock-date")
        .token(&token)
        .json(&json!({"lock_date": "2026-03-31"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    b.refused(base(&operating, &savings), "period_locked", "date")
        .await;

    // A viewer may not move money; another organization sees none of it.
    let viewer = app.colleague(&token, "viewer").await.token;
    let mut later = base(&operating, &savings);
    later["date"] = json!("2026-04-02");
    let a = app.post(TRANSFERS).token(&viewer).json(&later).send().await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let t = b.transfer(later).await;
    let other = app.signup("Other Movers").await.token;
    let a = app
        .get(&format!("{TRANSFERS}/{}", id_of(&t)))
        .token(&other)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
}
both_backends!(transfer_refusals_works, super::transfer_refusals);
