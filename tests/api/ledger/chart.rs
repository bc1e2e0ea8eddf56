//! The chart of accounts: the default chart every organization starts with, and its CRUD
//! rules (codes, parents of one type, postings freezing type and currency, system accounts,
//! roles).

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, dr, LEDGER_ACCOUNTS};
use crate::support::problem::{assert_field_refused, assert_problem, assert_refused};
use crate::support::TestApp;

async fn default_chart_has_every_type_and_role_in_the_base_currency(app: TestApp) {
    // Arrange: an organization keeping its books in euros.
    let (eur, body) = app
        .signup_with("Euro GmbH", json!({"base_currency": "EUR"}))
        .await;
    assert_eq!(body["organization"]["base_currency"], "EUR", "{body}");
    let usd = app.signup("Dollar Inc").await;

    // Act
    let chart = app
        .walk(&eur.token, &format!("{LEDGER_ACCOUNTS}?limit=200"))
        .await;
    let usd_chart = app
        .walk(&usd.token, &format!("{LEDGER_ACCOUNTS}?limit=200"))
        .await;

    // Assert
    let types: BTreeSet<&str> = chart.iter().map(|a| a["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        BTreeSet::from(["asset", "liability", "equity", "income", "expense"])
    );
    for role in [
        "accounts_receivable",
        "accounts_payable",
        "sales_tax",
        "tax_recoverable",
        "retained_earnings",
        "opening_balance_equity",
        "fx_gain_loss",
        "rounding",
        "bank",
    ] {
        let n = chart.iter().filter(|a| a["system_role"] == role).count();
        assert_eq!(n, 1, "role {role} appears {n} times");
    }
    let expected_type = [
        ("accounts_receivable", "asset"),
        ("accounts_payable", "liability"),
        ("sales_tax", "liability"),
        ("retained_earnings", "equity"),
        ("opening_balance_equity", "equity"),
    ];
    for (role, t) in expected_type {
        let a = chart.iter().find(|a| a["system_role"] == role).unwrap();
        assert_eq!(a["type"], t, "{a}");
    }
    assert!(
        chart
            .iter()
            .all(|a| a["currency"] == "EUR" && a["is_active"] == true),
        "{chart:?}"
    );
    let codes: BTreeSet<&str> = chart.iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(codes.len(), chart.len(), "codes are unique");
    // Parents exist in the same organization and share the child's type.
    for a in chart.iter().filter(|a| !a["parent_id"].is_null()) {
        let p = chart
            .iter()
            .find(|p| p["id"] == a["parent_id"])
            .expect("parent in chart");
        assert_eq!(p["type"], a["type"]);
    }
    // The default base currency is USD; the two charts share no id.
    assert!(usd_chart.iter().all(|a| a["currency"] == "USD"));
    let ids: BTreeSet<&str> = chart.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(usd_chart
        .iter()
        .all(|a| !ids.contains(a["id"].as_str().unwrap())));
    // Filters.
    let income = app
        .walk(
            &eur.token,
            &format!("{LEDGER_ACCOUNTS}?type=income&limit=200"),
        )
        .await;
    assert!(!income.is_empty() && income.iter().all(|a| a["type"] == "income"));
    let rounding = app
        .walk(
            &eur.token,
            &format!("{LEDGER_ACCOUNTS}?system_role=rounding&limit=200"),
        )
        .await;
    assert_eq!(rounding.len(), 1);
}
both_backends!(
    default_chart,
    super::default_chart_has_every_type_and_role_in_the_base_currency
);

async fn chart_crud_enforces_codes_parents_postings_and_roles(app: TestApp) {
    let mut b = Books::open(&app, "Chart Ltd").await;
    let (bank, equipment_parent) = (b.id("1010"), b.id("1500"));

    // Create: 201 + Location + the account, in the base currency by default.
    let a = app
        .post(LEDGER_ACCOUNTS)
        .token(&b.token)
        .json(&json!({"code": "6150", "name": "Team offsites", "type": "expense"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let offsites = a.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        a.header("location").as_deref(),
        Some(format!("{LEDGER_ACCOUNTS}/{offsites}").as_str())
    );
    assert_eq!(a.body["currency"], "USD");
    assert_eq!(a.body["is_active"], true);
    assert!(a.body["system_role"].is_null() && a.body["parent_id"].is_null());
    let got = b.get(&format!("{LEDGER_ACCOUNTS}/{offsites}")).await;
    assert_eq!(got["code"], "6150");
    assert_eq!(got["name"], "Team offsites");

    // A stale If-Match is refused; the current ETag applies.
    let etag = app
        .get(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .send()
        .await
        .header("etag")
        .unwrap();
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .header("If-Match", &etag)
        .json(&json!({"description": "Twice a year"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["description"], "Twice a year");
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .header("If-Match", &etag)
        .json(&json!({"description": "Stale"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::PRECONDITION_FAILED, "version_mismatch");

    // Duplicate code.
    let a = app
        .post(LEDGER_ACCOUNTS)
        .token(&b.token)
        .json(&json!({"code": "6150", "name": "Again", "type": "expense"}))
        .send()
        .await;
    assert_field_refused(&a, "code_taken", "code");
    // Renaming another account onto a taken code.
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"code": "6100"}))
        .send()
        .await;
    assert_field_refused(&a, "code_taken", "code");

    // A parent of another type.
    let a = app
        .post(LEDGER_ACCOUNTS)
        .token(&b.token)
        .json(&json!({"code": "6160", "name": "Misplaced", "type": "expense", "parent_id": equipment_parent}))
        .send()
        .await;
    assert_field_refused(&a, "parent_type_mismatch", "parent_id");

    // A cycle: A ← B, then A under B; and A under itself.
    let parent = b
        .create_account(json!({"code": "6170", "name": "Events", "type": "expense"}))
        .await;
    let child = b
        .create_account(json!({"code": "6171", "name": "Event catering", "type": "expense", "parent_id": parent}))
        .await;
    assert_eq!(b.chart.by_code["6171"]["parent_id"], parent.as_str());
    for p in [&child, &parent] {
        let a = app
            .patch(&format!("{LEDGER_ACCOUNTS}/{parent}"))
            .token(&b.token)
            .json(&json!({"parent_id": p}))
            .send()
            .await;
        assert_field_refused(&a, "account_cycle", "parent_id");
    }
    // A parent with a sub-account cannot be deleted.
    let a = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{parent}"))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.text);

    // No postings yet: the type can change; then a posting freezes type and currency.
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"type": "asset"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["type"], "asset");
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"type": "expense"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    b.posted(
        "2026-02-10",
        vec![dr(&offsites, "120.00"), cr(&bank, "120.00")],
    )
    .await;
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"type": "income"}))
        .send()
        .await;
    assert_field_refused(&a, "account_has_postings", "type");
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"currency": "EUR"}))
        .send()
        .await;
    assert_field_refused(&a, "account_has_postings", "currency");
    // Name and code still change.
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"name": "Team offsites and retreats", "code": "6155"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["code"], "6155");

    // Delete: refused with postings, allowed when unused.
    let a = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::CONFLICT, "account_has_postings");
    let a = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{child}"))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    let a = app
        .get(&format!("{LEDGER_ACCOUNTS}/{child}"))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);

    // Deactivate: nothing new posts to it; reactivate: it does again.
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["is_active"], false);
    let a = b
        .post(
            "2026-02-11",
            vec![dr(&offsites, "10.00"), cr(&bank, "10.00")],
        )
        .await;
    assert_refused(&a, "ledger_account_inactive", "lines[0].ledger_account_id");
    let inactive = app
        .walk(
            &b.token,
            &format!("{LEDGER_ACCOUNTS}?is_active=false&limit=200"),
        )
        .await;
    assert_eq!(inactive.len(), 1);
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{offsites}"))
        .token(&b.token)
        .json(&json!({"is_active": true}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    b.posted(
        "2026-02-12",
        vec![dr(&offsites, "10.00"), cr(&bank, "10.00")],
    )
    .await;

    // System accounts: not deleted, not deactivated, type fixed.
    let a = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{bank}"))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::CONFLICT, "system_account");
    let a = app
        .patch(&format!(
            "{LEDGER_ACCOUNTS}/{}",
            b.role("accounts_receivable")
        ))
        .token(&b.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_field_refused(&a, "system_account", "is_active");

    // Roles: a viewer cannot write the chart; an accountant can.
    let viewer = app.colleague(&b.token, "viewer").await.token;
    let accountant = app.colleague(&b.token, "accountant").await.token;
    let body = json!({"code": "6180", "name": "Books", "type": "expense"});
    let a = app
        .post(LEDGER_ACCOUNTS)
        .token(&viewer)
        .json(&body)
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{parent}"))
        .token(&viewer)
        .json(&json!({"name": "Viewer was here"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let a = app
        .delete(&format!("{LEDGER_ACCOUNTS}/{parent}"))
        .token(&viewer)
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let a = app
        .get(&format!("{LEDGER_ACCOUNTS}/{parent}"))
        .token(&viewer)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "viewers read: {}", a.text);
    let a = app
        .post(LEDGER_ACCOUNTS)
        .token(&accountant)
        .json(&body)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
}
both_backends!(
    chart_crud,
    super::chart_crud_enforces_codes_parents_postings_and_roles
);

/// A parent and its sub-accounts share one type. Changing the type of a parent with
/// sub-accounts, or of a sub-account under its parent, must not break that.
async fn type_changes_keep_parent_and_children_of_one_type(app: TestApp) {
    let mut b = Books::open(&app, "Tree Ltd").await;
    let parent = b
        .create_account(json!({"code": "6150", "name": "Events", "type": "expense"}))
        .await;
    let child = b
        .create_account(
            json!({"code": "6151", "name": "Catering", "type": "expense", "parent_id": parent}),
        )
        .await;

    // Act: the parent becomes income while its sub-account stays an expense; the sub-account
    // becomes income under its expense parent.
    let parent_change = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{parent}"))
        .token(&b.token)
        .json(&json!({"type": "income"}))
        .send()
        .await;
    let parent_after = b.get(&format!("{LEDGER_ACCOUNTS}/{parent}")).await;
    let child_change = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{child}"))
        .token(&b.token)
        .json(&json!({"type": "income"}))
        .send()
        .await;
    let child_after = b.get(&format!("{LEDGER_ACCOUNTS}/{child}")).await;

    // Assert: both refused (422 `parent_type_mismatch`), nothing changed.
    let statuses = (parent_change.status.as_u16(), child_change.status.as_u16());
    assert_eq!(
        statuses,
        (422, 422),
        "{} / {}",
        parent_change.text,
        child_change.text
    );
    assert!(
        parent_change.text.contains("parent_type_mismatch"),
        "{}",
        parent_change.text
    );
    assert!(
        child_change.text.contains("parent_type_mismatch"),
        "{}",
        child_change.text
    );
    assert_eq!(
        (&parent_after["type"], &child_after["type"]),
        (&json!("expense"), &json!("expense"))
    );
}
both_backends!(
    type_change_keeps_tree_consistent,
    super::type_changes_keep_parent_and_children_of_one_type
);
