//! Tax rates and bank accounts: defaults, refusals, what use freezes, and document lists.

use reqwest::StatusCode;
use serde_json::json;

use super::{line, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

async fn tax_rates_and_bank_accounts_crud(app: TestApp) {
    let rp = Rp::open(&app, "Setup Ltd").await;
    // Defaults at signup.
    for name in ["Standard rate", "Reduced rate", "Zero rated", "Exempt"] {
        assert!(rp.rates.contains_key(name), "{name}: {:?}", rp.rates);
    }
    let vat = rp.get(&format!("/api/v1/tax-rates/{}", rp.vat10)).await;
    assert_eq!(dv(&vat["rate"]), d("0.10"));
    assert_eq!(vat["sales_ledger_account_id"], json!(rp.role("sales_tax")));
    assert_eq!(
        vat["purchase_ledger_account_id"],
        json!(rp.role("tax_recoverable"))
    );
    // Refusals: a rate out of range, too many decimals, a float, a duplicate name, an exempt
    // rate above zero.
    for (body, field) in [
        (json!({"name": "Neg", "rate": "-0.1"}), "rate"),
        (json!({"name": "Big", "rate": "10"}), "rate"),
        (json!({"name": "Fine", "rate": "0.123456789"}), "rate"),
        (json!({"rate": "0.1"}), "name"),
    ] {
        let a = rp.post("/api/v1/tax-rates", &body).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
        assert!(
            a.error_fields().contains(&field.to_owned()),
            "{field}: {}",
            a.text
        );
    }
    let a = rp
        .post("/api/v1/tax-rates", &json!({"name": "Float", "rate": 0.1}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/tax-rates",
            &json!({"name": "VAT 10", "rate": "0.10"}),
        )
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    let a = rp
        .post(
            "/api/v1/tax-rates",
            &json!({"name": "Odd exempt", "rate": "0.05", "kind": "exempt"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/tax-rates",
            &json!({"name": "Wrong account", "rate": "0.05", "sales_ledger_account_id": rp.code("6100")}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    // An unused rate: PATCH, then DELETE; a used one keeps its rate and is not deleted.
    let spare = rp.tax_rate("Spare", "0.07", true).await;
    let a = rp
        .patch(
            &format!("/api/v1/tax-rates/{spare}"),
            &json!({"rate": "0.08"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(dv(&a.body["rate"]), d("0.08"));
    let a = app
        .delete(&format!("/api/v1/tax-rates/{spare}"))
        .token(&rp.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    rp.invoice(&rp.customer, "2026-01-01", "2026-01-31", "1.00")
        .await;
    let used = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-01-02", "lines": [line("10.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("invoices", &id_of(&used)).await;
    let a = rp
        .patch(
            &format!("/api/v1/tax-rates/{}", rp.vat10),
            &json!({"rate": "0.12"}),
        )
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    let a = app
        .delete(&format!("/api/v1/tax-rates/{}", rp.vat10))
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    // Renaming and deactivating a used rate is fine; an inactive rate is refused on lines.
    let a = rp
        .patch(
            &format!("/api/v1/tax-rates/{}", rp.vat10),
            &json!({"name": "VAT ten", "is_active": false}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-01-02", "lines": [line("10.00", Some(&rp.vat10))]}),
        )
        .await;
    assert_field_refused(&a, "tax_rate_inactive", "lines[0].tax_rate_id");

    // Bank accounts: each with its own bank ledger account in its currency.
    let a = rp
        .post(
            "/api/v1/bank-accounts",
            &json!({"name": "Savings", "currency": "GBP", "iban": "GB33 BUKB 2020 1555 5555 55"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert!(a.header("location").is_some());
    assert_eq!(a.body["currency"], "GBP");
    assert_eq!(a.body["iban"], "GB33BUKB20201555555555");
    let savings = id_of(&a.body);
    let gl = rp
        .get(&format!(
            "/api/v1/ledger/accounts/{}",
            a.body["ledger_account_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(gl["system_role"], "bank");
    assert_eq!(gl["currency"], "GBP");
    assert_eq!(gl["type"], "asset");
    let a = rp
        .post(
            "/api/v1/bank-accounts",
            &json!({"name": "Bad", "iban": "GB00BUKB20201555555555", "currency": "XYZ"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(a.error_fields().contains(&"iban".to_owned()), "{}", a.text);
    assert!(
        a.error_fields().contains(&"currency".to_owned()),
        "{}",
        a.text
    );
    let a = rp
        .patch(
            &format!("/api/v1/bank-accounts/{savings}"),
            &json!({"name": "Savings (GBP)", "number": "12345678"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["name"], "Savings (GBP)");
    let a = app
        .delete(&format!("/api/v1/bank-accounts/{savings}"))
        .token(&rp.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    // A bank account that was paid through is not deleted; deactivated, it takes no payment.
    rp.received(&rp.customer, "2026-01-05", "1.00", json!([]))
        .await;
    let a = app
        .delete(&format!("/api/v1/bank-accounts/{}", rp.bank))
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    let a = rp
        .patch(
            &format!("/api/v1/bank-accounts/{}", rp.bank),
            &json!({"is_active": false}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp
        .pay(
            json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-01-06", "amount": "1.00"}),
        )
        .await;
    assert_field_refused(&a, "bank_account_inactive", "bank_account_id");
    let list = rp.get("/api/v1/bank-accounts").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);

    // Lists: status, overdue and account filters.
    let open = rp.get("/api/v1/invoices?status=open").await;
    assert_eq!(open["data"].as_array().unwrap().len(), 2);
    assert!(
        open["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["overdue"] == true),
        "due in January 2026: {open}"
    );
    let overdue = rp.get("/api/v1/invoices?overdue=true").await;
    assert_eq!(overdue["data"].as_array().unwrap().len(), 2);
    let a = app
        .get("/api/v1/invoices?status=unpaid")
        .token(&rp.token)
        .send()
        .await;
    assert_field_refused(&a, "invalid_value", "status");
    let page = rp.get("/api/v1/invoices?limit=1").await;
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    let cursor = page["next_cursor"].as_str().unwrap();
    let next = rp
        .get(&format!("/api/v1/invoices?limit=1&cursor={cursor}"))
        .await;
    assert_ne!(next["data"][0]["id"], page["data"][0]["id"]);
    // An invoice is not a bill: its id is 404 under /bills.
    let a = app
        .get(&format!("/api/v1/bills/{}", id_of(&used)))
        .token(&rp.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
}
both_backends!(setup_crud, super::tax_rates_and_bank_accounts_crud);
