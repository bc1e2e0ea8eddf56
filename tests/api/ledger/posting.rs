//! Posting a journal entry: every refusal names its field, all bad lines are listed together,
//! huge amounts never answer 5xx, control accounts refuse manual lines, and opening balances
//! post against opening balance equity.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, d, dr, dv, entry, ENTRIES, LEDGER_ACCOUNTS};
use crate::support::problem::{assert_problem, assert_refused, field_code};
use crate::support::TestApp;

async fn journal_refusals_name_their_fields(app: TestApp) {
    let mut b = Books::open(&app, "Rules Ltd").await;
    let (bank, sales, rent) = (b.id("1010"), b.id("4000"), b.id("6100"));
    let eur = b
        .create_account(
            json!({"code": "1020", "name": "Bank EUR", "type": "asset", "currency": "EUR"}),
        )
        .await;
    let jpy = b
        .create_account(
            json!({"code": "1030", "name": "Bank JPY", "type": "asset", "currency": "JPY"}),
        )
        .await;
    let unknown = uuid::Uuid::now_v7().to_string();

    // journal_too_few_lines: one line, and none.
    let a = b.post("2026-01-10", vec![dr(&bank, "10.00")]).await;
    assert_refused(&a, "journal_too_few_lines", "lines");
    let a = b.post("2026-01-10", vec![]).await;
    assert_refused(&a, "journal_too_few_lines", "lines");

    // ledger_account_not_found
    let a = b
        .post(
            "2026-01-10",
            vec![dr(&bank, "10.00"), cr(&unknown, "10.00")],
        )
        .await;
    assert_refused(&a, "ledger_account_not_found", "lines[1].ledger_account_id");

    // line_amount_required: neither debit nor credit.
    let a = b
        .post(
            "2026-01-10",
            vec![dr(&bank, "10.00"), json!({"ledger_account_id": sales})],
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "line_amount_required");
    assert!(
        a.error_fields().iter().all(|f| f.starts_with("lines[1]")),
        "{}",
        a.text
    );
    let a = b
        .post(
            "2026-01-10",
            vec![
                dr(&bank, "10.00"),
                json!({"ledger_account_id": sales, "debit": null, "credit": null}),
            ],
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "line_amount_required");

    // line_debit_and_credit
    let a = b
        .post(
            "2026-01-10",
            vec![
                dr(&bank, "10.00"),
                json!({"ledger_account_id": sales, "debit": "10.00", "credit": "10.00"}),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(
        a.code() == "line_debit_and_credit" || a.code() == "validation_failed",
        "{}",
        a.text
    );
    let errors = a.body["errors"].as_array().unwrap();
    assert!(!errors.is_empty(), "{}", a.text);
    for e in errors {
        assert_eq!(e["code"], "line_debit_and_credit", "{}", a.text);
        assert!(
            e["field"].as_str().unwrap().starts_with("lines[1]"),
            "{}",
            a.text
        );
    }

    // amount_not_positive: zero and negative.
    let a = b
        .post("2026-01-10", vec![dr(&bank, "0.00"), cr(&sales, "0.00")])
        .await;
    assert_refused(&a, "amount_not_positive", "lines[0].debit");
    assert_eq!(
        field_code(&a, "lines[1].credit").as_deref(),
        Some("amount_not_positive")
    );
    let a = b
        .post("2026-01-10", vec![dr(&bank, "10.00"), cr(&sales, "-10.00")])
        .await;
    assert_refused(&a, "amount_not_positive", "lines[1].credit");

    // too_many_decimals: per the line's currency (USD 2, JPY 0).
    let a = b
        .post(
            "2026-01-10",
            vec![dr(&bank, "10.001"), cr(&sales, "10.001")],
        )
        .await;
    assert_refused(&a, "too_many_decimals", "lines[0].debit");
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": jpy, "debit": "100.5", "exchange_rate": "0.0067"}),
                cr(&sales, "0.67"),
            ],
        )
        .await;
    assert_refused(&a, "too_many_decimals", "lines[0].debit");
    // ...but trailing zeros within the minor unit are fine, and JPY whole units post.
    let ok = b
        .posted(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": jpy, "debit": "1000", "exchange_rate": "0.0067"}),
                cr(&sales, "6.70"),
            ],
        )
        .await;
    assert_eq!(dv(&ok["lines"][0]["base_amount"]), d("6.70"));

    // exchange_rate_missing: a foreign-currency line, no rate given or recorded.
    let a = b
        .post("2026-01-10", vec![dr(&eur, "10.00"), cr(&sales, "11.00")])
        .await;
    assert_refused(&a, "exchange_rate_missing", "lines[0].exchange_rate");

    // journal_unbalanced: in one currency, and in the base currency across currencies.
    let a = b
        .post("2026-01-10", vec![dr(&bank, "10.00"), cr(&sales, "9.99")])
        .await;
    assert_refused(&a, "journal_unbalanced", "lines");
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": eur, "debit": "10.00", "exchange_rate": "1.10"}),
                cr(&sales, "12.00"),
            ],
        )
        .await;
    assert_refused(&a, "journal_unbalanced", "lines");

    // period_locked names the date.
    let a = b.put_lock(&b.token, json!("2025-12-31")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = b
        .post("2025-12-31", vec![dr(&bank, "10.00"), cr(&sales, "10.00")])
        .await;
    assert_refused(&a, "period_locked", "date");
    b.put_lock(&b.token, Value::Null).await;

    // opening_balance_account_required
    let mut body = entry(
        "2026-01-01",
        vec![dr(&bank, "10.00"), cr(&b.id("3000"), "10.00")],
    );
    body["source"] = json!("opening");
    let a = b.send(&body).await;
    assert_refused(&a, "opening_balance_account_required", "lines");

    // Malformed decimals are 422 naming the field.
    for bad in ["abc", "", "1,000.00", "10.00.0"] {
        let a = b
            .post("2026-01-10", vec![dr(&bank, bad), cr(&sales, "10.00")])
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}: {}",
            a.text
        );
        assert!(a.is_problem());
        assert!(
            a.error_fields().contains(&"lines[0].debit".to_owned()),
            "{bad:?}: {}",
            a.text
        );
    }

    // JSON numbers for amounts (and rates) are refused.
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": bank, "debit": 10}),
                cr(&sales, "10.00"),
            ],
        )
        .await;
    assert!(matches!(a.status.as_u16(), 400 | 422), "{}", a.text);
    assert!(a.is_problem());
    assert!(
        a.error_fields().contains(&"lines[0].debit".to_owned()),
        "{}",
        a.text
    );
    let a = b
        .post(
            "2026-01-10",
            vec![
                dr(&bank, "10.00"),
                json!({"ledger_account_id": sales, "credit": 10.0}),
            ],
        )
        .await;
    assert!(matches!(a.status.as_u16(), 400 | 422), "{}", a.text);
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": eur, "debit": "10.00", "exchange_rate": 1.1}),
                cr(&sales, "11.00"),
            ],
        )
        .await;
    assert!(matches!(a.status.as_u16(), 400 | 422), "{}", a.text);

    // Unknown fields are 422.
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": bank, "debit": "1.00", "amount": "1.00"}),
                cr(&sales, "1.00"),
            ],
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    // Several bad lines: every one is listed.
    let a = b
        .post(
            "2026-01-10",
            vec![
                dr(&bank, "-1.00"),
                cr(&sales, "1.001"),
                cr(&unknown, "5.00"),
                dr(&b.role("accounts_receivable"), "5.00"),
                json!({"ledger_account_id": rent}),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(
        field_code(&a, "lines[0].debit").as_deref(),
        Some("amount_not_positive"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[1].credit").as_deref(),
        Some("too_many_decimals"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[2].ledger_account_id").as_deref(),
        Some("ledger_account_not_found"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[3].ledger_account_id").as_deref(),
        Some("control_account"),
        "{}",
        a.text
    );
    assert!(
        a.error_fields().iter().any(|f| f.starts_with("lines[4]")),
        "{}",
        a.text
    );

    // Nothing of all that was posted: only the JPY entry exists.
    let all = app.walk(&b.token, &format!("{ENTRIES}?limit=200")).await;
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(b.bal(&bank, "2026-12-31").await, Decimal::ZERO);
}
both_backends!(journal_refusals, super::journal_refusals_name_their_fields);

/// Errors are listed together: a line with both debit and credit alongside other bad lines
/// must not hide them.
async fn every_bad_line_is_listed_even_with_debit_and_credit(app: TestApp) {
    let b = Books::open(&app, "Many Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let a = b
        .post(
            "2026-01-10",
            vec![
                json!({"ledger_account_id": bank, "debit": "5.00", "credit": "5.00"}),
                cr(&sales, "-5.00"),
                cr(&sales, "1.001"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let fields = a.error_fields();
    assert!(
        fields.iter().any(|f| f.starts_with("lines[0]")),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[1].credit").as_deref(),
        Some("amount_not_positive"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[2].credit").as_deref(),
        Some("too_many_decimals"),
        "{}",
        a.text
    );
}
both_backends!(
    all_line_errors_listed,
    super::every_bad_line_is_listed_even_with_debit_and_credit
);

/// Amounts whose totals exceed the storage's range are refused or summed exactly: never a 5xx.
async fn huge_amounts_never_answer_5xx(app: TestApp) {
    let b = Books::open(&app, "Huge Ltd").await;
    let (bank, obe, owner) = (b.id("1010"), b.role("opening_balance_equity"), b.id("3000"));
    // Each line fits in i64 minor units; together they do not.
    let big = "50000000000000000.00";
    let a = b
        .post(
            "2026-01-10",
            vec![
                dr(&bank, big),
                dr(&bank, big),
                cr(&obe, big),
                cr(&owner, big),
            ],
        )
        .await;
    assert!(
        a.status == StatusCode::CREATED || a.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        a.text
    );
    let a2 = b
        .post("2026-01-11", vec![dr(&bank, big), cr(&owner, big)])
        .await;
    assert!(
        a2.status == StatusCode::CREATED || a2.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        a2.text
    );
    let a3 = b
        .post("2026-01-12", vec![dr(&bank, big), cr(&owner, big)])
        .await;
    assert!(
        a3.status == StatusCode::CREATED || a3.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        a3.text
    );
    for path in [
        format!("{LEDGER_ACCOUNTS}/{bank}/balance?as_of=2026-12-31"),
        format!("{LEDGER_ACCOUNTS}/{bank}/activity?from=2026-01-01&to=2026-12-31"),
        "/api/v1/reports/trial-balance?as_of=2026-12-31".to_owned(),
        "/api/v1/reports/balance-sheet?as_of=2026-12-31".to_owned(),
        "/api/v1/reports/general-ledger?from=2026-01-01&to=2026-12-31".to_owned(),
    ] {
        let r = app.get(&path).token(&b.token).send().await;
        assert!(r.status.as_u16() < 500, "{path}: {} {}", r.status, r.text);
    }
}
both_backends!(huge_amounts, super::huge_amounts_never_answer_5xx);

async fn control_accounts_refuse_manual_lines(app: TestApp) {
    let b = Books::open(&app, "Control Ltd").await;
    let (bank, sales, expense) = (b.id("1010"), b.id("4000"), b.id("6100"));
    let (ar, ap) = (b.role("accounts_receivable"), b.role("accounts_payable"));

    let a = b
        .post("2026-01-10", vec![dr(&ar, "100.00"), cr(&sales, "100.00")])
        .await;
    assert_refused(&a, "control_account", "lines[0].ledger_account_id");
    let a = b
        .post(
            "2026-01-10",
            vec![dr(&expense, "100.00"), cr(&ap, "100.00")],
        )
        .await;
    assert_refused(&a, "control_account", "lines[1].ledger_account_id");

    // Nothing reached the books; the same entry on the bank posts.
    assert_eq!(b.bal(&ar, "2026-12-31").await, Decimal::ZERO);
    assert_eq!(b.bal(&ap, "2026-12-31").await, Decimal::ZERO);
    b.posted(
        "2026-01-10",
        vec![dr(&bank, "100.00"), cr(&sales, "100.00")],
    )
    .await;
}
both_backends!(
    control_accounts,
    super::control_accounts_refuse_manual_lines
);

async fn opening_balances_post_against_opening_balance_equity(app: TestApp) {
    let b = Books::open(&app, "Opening Ltd").await;
    let (bank, cash, owner, loan) = (b.id("1010"), b.id("1000"), b.id("3000"), b.id("2300"));
    let obe = b.role("opening_balance_equity");

    let mut body = entry(
        "2025-12-31",
        vec![
            dr(&bank, "10000.00"),
            dr(&cash, "250.00"),
            cr(&loan, "4000.00"),
            cr(&obe, "6250.00"),
        ],
    );
    body["source"] = json!("opening");
    body["reference"] = json!("OB-2025");
    let a = b.send(&body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["source"], "opening");
    assert_eq!(b.bal(&obe, "2026-01-01").await, d("6250.00"));
    assert_eq!(b.bal(&loan, "2026-01-01").await, d("4000.00"));
    assert_eq!(b.bal(&bank, "2026-01-01").await, d("10000.00"));

    let mut body = entry("2025-12-31", vec![dr(&bank, "10.00"), cr(&owner, "10.00")]);
    body["source"] = json!("opening");
    let a = b.send(&body).await;
    assert_refused(&a, "opening_balance_account_required", "lines");
    // Only manual and opening are chosen by clients.
    body["source"] = json!("invoice");
    let a = b.send(&body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    let opening = app
        .walk(&b.token, &format!("{ENTRIES}?source=opening&limit=200"))
        .await;
    assert_eq!(opening.len(), 1);
    assert_eq!(opening[0]["reference"], "OB-2025");
}
both_backends!(
    opening_balances,
    super::opening_balances_post_against_opening_balance_equity
);
