//! `updated_since=` on every list: a past instant gives every row, a future one none, a bad
//! value is a 422 naming it.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::books::{cr, dr, entry, Chart};
use crate::support::TestApp;

async fn updated_since_narrows_every_list(app: TestApp) {
    // Arrange: one row at least in each list.
    let token = app.signup("Sync Ltd").await.token;
    let customer = app
        .client_account(
            &token,
            json!({"name": "Soylent", "is_customer": true, "status": "active", "currency": "USD"}),
        )
        .await;
    let bank = app.bank_account(&token, "Operating", "USD").await;
    app.tax_rate(&token, "VAT 10", "0.10", true).await;
    let chart = Chart::load(&app, &token).await;
    let inv = app
        .issued(
            &token,
            "invoices",
            json!({"account_id": customer, "issue_date": "2026-03-01", "due_date": "2026-03-31",
                   "lines": [{"description": "Work", "quantity": "1", "unit_price": "100.00"}]}),
        )
        .await;
    app.create(
        &token,
        "/api/v1/payments",
        json!({"direction": "received", "account_id": customer, "bank_account_id": bank,
               "date": "2026-03-10", "amount": "40.00",
               "allocations": [{"invoice_id": inv["id"], "amount": "40.00"}]}),
    )
    .await;
    app.create(
        &token,
        "/api/v1/ledger/journal-entries",
        entry(
            "2026-03-05",
            vec![
                dr(&chart.id("1000"), "10.00"),
                cr(&chart.id("3000"), "10.00"),
            ],
        ),
    )
    .await;

    for list in [
        "/api/v1/invoices",
        "/api/v1/payments",
        "/api/v1/ledger/journal-entries",
        "/api/v1/bank-accounts",
        "/api/v1/tax-rates",
        "/api/v1/ledger/accounts",
        "/api/v1/teams",
        "/api/v1/exchange-rates",
        "/api/v1/contacts",
    ] {
        // Act
        let all = app.fetch(&token, &format!("{list}?limit=200")).await;
        let past = app
            .fetch(
                &token,
                &format!("{list}?limit=200&updated_since=2000-01-01T00:00:00Z"),
            )
            .await;
        let future = app
            .fetch(
                &token,
                &format!("{list}?limit=200&updated_since=2999-01-01T00:00:00Z"),
            )
            .await;
        let bad = app
            .get(&format!("{list}?updated_since=yesterday"))
            .token(&token)
            .send()
            .await;

        // Assert
        assert_eq!(past["data"], all["data"], "{list}");
        assert_eq!(future["data"], json!([]), "{list}");
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{list}: {}",
            bad.text
        );
        assert!(
            bad.error_fields()
                .iter()
                .any(|f| f.contains("updated_since")),
            "{list}: {}",
            bad.text
        );
    }
    for list in [
        "/api/v1/invoices",
        "/api/v1/payments",
        "/api/v1/ledger/journal-entries",
        "/api/v1/bank-accounts",
        "/api/v1/tax-rates",
    ] {
        let all = app.fetch(&token, &format!("{list}?limit=200")).await;
        assert!(!all["data"].as_array().unwrap().is_empty(), "{list}");
    }
}
both_backends!(
    updated_since_narrows_every_list_works,
    super::updated_since_narrows_every_list
);
