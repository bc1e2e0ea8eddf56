//! Bank rules: create, read, change, list in priority order, delete; every refusal names its
//! field.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::Chart;
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

async fn bank_rules_crud_and_refusals(app: TestApp) {
    let owner = app.signup("Rule Makers").await.token;
    let chart = Chart::load(&app, &owner).await;
    let fees = chart.id("6700");
    let bank = app.bank_account(&owner, "Operating", "USD").await;
    let bank_gl = app
        .fetch(&owner, &format!("/api/v1/bank-accounts/{bank}"))
        .await["ledger_account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = app
        .client_account(&owner, json!({"name": "Utility Co", "is_vendor": true}))
        .await;
    let vat = app.tax_rate(&owner, "Rule VAT", "0.2", true).await;

    let created = app
        .create(
            &owner,
            "/api/v1/bank-rules",
            json!({"name": "Bank fees", "bank_account_id": bank, "description_contains": "Monthly fee",
                   "amount_min": "0.01", "amount_max": "50.00", "direction": "out",
                   "ledger_account_id": fees, "account_id": client, "tax_rate_id": vat}),
        )
        .await;
    assert_eq!(created["priority"], 100, "the default priority");
    assert_eq!(created["is_active"], true);
    assert_eq!(created["amount_max"], "50.00");
    assert_eq!(created["direction"], "out");
    assert_eq!(created["bank_account_id"], json!(bank));
    let id = id_of(&created);
    let got = app.fetch(&owner, &format!("/api/v1/bank-rules/{id}")).await;
    assert_eq!(got, created);

    // Refusals, each naming its field.
    let refusals: Vec<(Value, &str, &str)> = vec![
        (
            json!({"ledger_account_id": fees, "counterparty": "x"}),
            "required",
            "name",
        ),
        (
            json!({"name": "No target", "counterparty": "x"}),
            "required",
            "ledger_account_id",
        ),
        (
            json!({"name": "No condition", "ledger_account_id": fees}),
            "condition_required",
            "description_contains",
        ),
        (
            json!({"name": "Backwards", "ledger_account_id": fees, "amount_min": "10", "amount_max": "5"}),
            "amount_range",
            "amount_min",
        ),
        (
            json!({"name": "Negative", "ledger_account_id": fees, "amount_min": "-1"}),
            "negative_amount",
            "amount_min",
        ),
        (
            json!({"name": "Words", "ledger_account_id": fees, "amount_max": "ten"}),
            "invalid_amount",
            "amount_max",
        ),
        (
            json!({"name": "Urgent", "ledger_account_id": fees, "counterparty": "x", "priority": 10001}),
            "range",
            "priority",
        ),
        (
            json!({"name": "Control", "ledger_account_id": chart.role("accounts_receivable"), "counterparty": "x"}),
            "control_account",
            "ledger_account_id",
        ),
        (
            json!({"name": "Own bank", "bank_account_id": bank, "ledger_account_id": bank_gl, "counterparty": "x"}),
            "bank_ledger_account",
            "ledger_account_id",
        ),
        (
            json!({"name": "Any bank", "ledger_account_id": bank_gl, "counterparty": "x"}),
            "bank_ledger_account",
            "ledger_account_id",
        ),
        (
            json!({"name": "Ghost", "ledger_account_id": "00000000-0000-7000-8000-000000000000", "counterparty": "x"}),
            "not_found",
            "ledger_account_id",
        ),
        (
            json!({"name": "Ghost bank", "bank_account_id": "00000000-0000-7000-8000-000000000000", "ledger_account_id": fees, "counterparty": "x"}),
            "not_found",
            "bank_account_id",
        ),
        (
            json!({"name": "Ghost client", "account_id": "00000000-0000-7000-8000-000000000000", "ledger_account_id": fees, "counterparty": "x"}),
            "not_found",
            "account_id",
        ),
        (
            json!({"name": "Ghost tax", "tax_rate_id": "00000000-0000-7000-8000-000000000000", "ledger_account_id": fees, "counterparty": "x"}),
            "not_found",
            "tax_rate_id",
        ),
    ];
    for (body, code, field) in refusals {
        let a = app
            .post("/api/v1/bank-rules")
            .token(&owner)
            .json(&body)
            .send()
            .await;
        assert_field_refused(&a, code, field);
    }
    let a = app
        .post("/api/v1/bank-rules")
        .token(&owner)
        .json(&json!({"name": "Sideways", "ledger_account_id": fees, "counterparty": "x", "direction": "up"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    // An inactive ledger account.
    let spare = app
        .create(
            &owner,
            "/api/v1/ledger/accounts",
            json!({"code": "6990", "name": "Spare", "type": "expense", "is_active": false}),
        )
        .await;
    let a = app
        .post("/api/v1/bank-rules")
        .token(&owner)
        .json(&json!({"name": "Inactive", "ledger_account_id": spare["id"], "counterparty": "x"}))
        .send()
        .await;
    assert_field_refused(&a, "ledger_account_inactive", "ledger_account_id");
    // Another organization's ledger account does not exist here.
    let other = app.signup("Other Rule Org").await.token;
    let a = app
        .post("/api/v1/bank-rules")
        .token(&other)
        .json(&json!({"name": "Theirs", "ledger_account_id": fees, "counterparty": "x"}))
        .send()
        .await;
    assert_field_refused(&a, "not_found", "ledger_account_id");
    let a = app
        .get(&format!("/api/v1/bank-rules/{id}"))
        .token(&other)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");

    // A change: clearing the last condition is refused; a new priority and text are fine.
    let path = format!("/api/v1/bank-rules/{id}");
    let a = app
        .patch(&path)
        .token(&owner)
        .json(&json!({"description_contains": null, "amount_min": null, "amount_max": null}))
        .send()
        .await;
    assert_field_refused(&a, "condition_required", "description_contains");
    let a = app
        .patch(&path)
        .token(&owner)
        .json(&json!({"amount_min": "60"}))
        .send()
        .await;
    assert_field_refused(&a, "amount_range", "amount_min");
    let a = app
        .patch(&path)
        .token(&owner)
        .json(&json!({"priority": 5, "counterparty": "Bank", "direction": null}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["priority"], 5);
    assert!(a.body["direction"].is_null());
    assert_eq!(a.body["version"], 2);

    // The list: by priority, then creation.
    let second = app
        .create(
            &owner,
            "/api/v1/bank-rules",
            json!({"name": "Rent", "counterparty": "Landlord", "ledger_account_id": chart.id("6100")}),
        )
        .await;
    let third = app
        .create(
            &owner,
            "/api/v1/bank-rules",
            json!({"name": "Rent too", "counterparty": "Landlord", "priority": 100, "ledger_account_id": chart.id("6100")}),
        )
        .await;
    let first = app
        .create(
            &owner,
            "/api/v1/bank-rules",
            json!({"name": "Salaries", "description_contains": "salary", "priority": 0, "ledger_account_id": chart.id("6000")}),
        )
        .await;
    let rows = app.walk(&owner, "/api/v1/bank-rules?limit=2").await;
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Salaries", "Bank fees", "Rent", "Rent too"]);
    assert_eq!(rows[0]["id"], first["id"]);
    assert_eq!(rows[2]["id"], second["id"]);
    assert_eq!(rows[3]["id"], third["id"]);

    // A viewer reads but does not write.
    let viewer = app.colleague(&owner, "viewer").await.token;
    let list = app.fetch(&viewer, "/api/v1/bank-rules").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 4);
    let a = app
        .post("/api/v1/bank-rules")
        .token(&viewer)
        .json(&json!({"name": "Nope", "counterparty": "x", "ledger_account_id": fees}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");

    // Delete.
    let a = app.delete(&path).token(&owner).send().await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    let a = app.get(&path).token(&owner).send().await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
}
both_backends!(
    bank_rules_crud_and_refusals_works,
    super::bank_rules_crud_and_refusals
);
