//! Another organization sees nothing of the books and cannot post to them.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, d, dr, dv, ENTRIES, LEDGER_ACCOUNTS};
use crate::support::problem::field_code;
use crate::support::TestApp;

async fn another_organization_sees_nothing_of_the_books(app: TestApp) {
    let a_books = Books::open(&app, "Alpha Ltd").await;
    let b_books = Books::open(&app, "Beta Ltd").await;
    let (a_bank, a_sales) = (a_books.id("1010"), a_books.id("4000"));
    let (b_bank, b_sales) = (b_books.id("1010"), b_books.id("4000"));
    let e = a_books
        .posted(
            "2026-01-10",
            vec![dr(&a_bank, "777.00"), cr(&a_sales, "777.00")],
        )
        .await;
    let a_entry = e["id"].as_str().unwrap().to_owned();
    let token = &b_books.token;

    for path in [
        format!("{LEDGER_ACCOUNTS}/{a_bank}"),
        format!("{LEDGER_ACCOUNTS}/{a_bank}/balance?as_of=2026-12-31"),
        format!("{LEDGER_ACCOUNTS}/{a_bank}/activity?from=2026-01-01&to=2026-12-31"),
        format!("{ENTRIES}/{a_entry}"),
        format!("/api/v1/reports/general-ledger?from=2026-01-01&to=2026-12-31&ledger_account_id={a_bank}"),
    ] {
        let r = app.get(&path).token(token).send().await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.text);
        assert!(!r.text.contains("777.00"), "{path}: {}", r.text);
    }
    // Posting to A's accounts.
    let r = b_books
        .post(
            "2026-01-10",
            vec![dr(&a_bank, "1.00"), cr(&b_sales, "1.00")],
        )
        .await;
    assert!(
        r.status == StatusCode::NOT_FOUND
            || (r.status == StatusCode::UNPROCESSABLE_ENTITY
                && field_code(&r, "lines[0].ledger_account_id").as_deref()
                    == Some("ledger_account_not_found")),
        "{}",
        r.text
    );
    // Reversing A's entry.
    let r = b_books.reverse(&a_entry, "2026-01-11", "Not mine").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    // Changing or deleting A's account, or hanging an account under it.
    let r = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{a_bank}"))
        .token(token)
        .json(&json!({"name": "Mine now"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{}", a_books.id("6900")))
        .token(token)
        .send()
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r = app
        .post(LEDGER_ACCOUNTS)
        .token(token)
        .json(&json!({"code": "1011", "name": "Sneaky", "type": "asset", "parent_id": a_bank}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);

    // B's lists and reports hold nothing of A's.
    let entries = app.walk(token, &format!("{ENTRIES}?limit=200")).await;
    assert!(entries.is_empty(), "{entries:?}");
    let entries = app
        .walk(
            token,
            &format!("{ENTRIES}?ledger_account_id={a_bank}&limit=200"),
        )
        .await;
    assert!(entries.is_empty(), "{entries:?}");
    let tb = b_books
        .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
        .await;
    assert!(tb["rows"].as_array().unwrap().is_empty(), "{tb}");
    let is = b_books
        .get("/api/v1/reports/income-statement?from=2026-01-01&to=2026-12-31")
        .await;
    assert_eq!(dv(&is["totals"]["income"]), Decimal::ZERO);
    assert_eq!(b_books.bal(&b_bank, "2026-12-31").await, Decimal::ZERO);
    // A's books are intact.
    assert_eq!(a_books.bal(&a_bank, "2026-12-31").await, d("777.00"));
    assert_eq!(
        a_books.get(&format!("{LEDGER_ACCOUNTS}/{a_bank}")).await["name"],
        "Bank"
    );
}
both_backends!(
    isolation,
    super::another_organization_sees_nothing_of_the_books
);
