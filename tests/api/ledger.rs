//! The general ledger over HTTP: the default chart, chart CRUD, every journal refusal, control
//! accounts, reversal, the lock date, foreign currency, opening balances, balances and activity,
//! fiscal-year boundaries in the reports, a realistic two-year book, tenant isolation,
//! concurrent idempotent posting and listing entries.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use reqwest::StatusCode;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::{
    assert_balance_sheet_balances, assert_trial_balance_balances, cr, d, date, dr, dv, entry,
    equity_row, tb_net, Chart, ENTRIES, LEDGER_ACCOUNTS,
};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem, assert_refused, field_code};
use crate::support::{Answer, TestApp};

/// One organization's books, seen by its owner.
struct Books<'a> {
    app: &'a TestApp,
    token: String,
    user_id: String,
    chart: Chart,
}

impl<'a> Books<'a> {
    async fn open(app: &'a TestApp, org: &str) -> Books<'a> {
        Books::with(app, org, json!({})).await
    }

    async fn with(app: &'a TestApp, org: &str, extra: Value) -> Books<'a> {
        let (s, _) = app.signup_with(org, extra).await;
        Books {
            app,
            chart: Chart::load(app, &s.token).await,
            token: s.token,
            user_id: s.user_id,
        }
    }

    #[track_caller]
    fn id(&self, code: &str) -> String {
        self.chart.id(code)
    }

    #[track_caller]
    fn role(&self, role: &str) -> String {
        self.chart.role(role)
    }

    async fn get(&self, path: &str) -> Value {
        self.app.fetch(&self.token, path).await
    }

    async fn send(&self, body: &Value) -> Answer {
        self.app
            .post(ENTRIES)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    async fn post(&self, date: &str, lines: Vec<Value>) -> Answer {
        self.send(&entry(date, lines)).await
    }

    /// Posts and insists on 201; returns the entry.
    async fn posted(&self, date: &str, lines: Vec<Value>) -> Value {
        let a = self.post(date, lines).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    /// Adds a ledger account to the chart; returns its id.
    async fn create_account(&mut self, body: Value) -> String {
        let account = self.app.create(&self.token, LEDGER_ACCOUNTS, body).await;
        let id = id_of(&account);
        self.chart.insert(account);
        id
    }

    async fn balance(&self, id: &str, query: &str) -> Value {
        self.app.ledger_balance(&self.token, id, query).await
    }

    /// The balance as of a date, in the account's currency and normal direction.
    async fn bal(&self, id: &str, as_of: &str) -> Decimal {
        self.app.balance_as_of(&self.token, id, as_of).await
    }

    async fn reverse(&self, id: &str, date: &str, reason: &str) -> Answer {
        self.app
            .post(&format!("{ENTRIES}/{id}/reverse"))
            .token(&self.token)
            .json(&json!({"date": date, "reason": reason}))
            .send()
            .await
    }

    async fn put_lock(&self, token: &str, lock: Value) -> Answer {
        self.app
            .put("/api/v1/ledger/lock-date")
            .token(token)
            .json(&json!({"lock_date": lock}))
            .send()
            .await
    }
}

// ---------------------------------------------------------------------------------------------
// 1. The default chart

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

// ---------------------------------------------------------------------------------------------
// 2. Chart CRUD

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

// ---------------------------------------------------------------------------------------------
// 3. Every journal refusal, naming the offending field

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

// ---------------------------------------------------------------------------------------------
// 4. Control accounts

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

// ---------------------------------------------------------------------------------------------
// 5. Reversal

async fn reversal_mirrors_links_and_refuses_twice(app: TestApp) {
    let b = Books::open(&app, "Reverse Ltd").await;
    let (bank, rent, utilities) = (b.id("1010"), b.id("6100"), b.id("6200"));
    let mut body = entry(
        "2026-01-10",
        vec![
            json!({"ledger_account_id": rent, "debit": "500.00", "description": "January rent"}),
            json!({"ledger_account_id": bank, "credit": "500.00"}),
        ],
    );
    body["reference"] = json!("RENT-01");
    let original = b.send(&body).await;
    assert_eq!(original.status, StatusCode::CREATED, "{}", original.text);
    let oid = original.body["id"].as_str().unwrap().to_owned();

    // Act
    let r = b.reverse(&oid, "2026-01-15", "Posted twice").await;

    // Assert: 201 with Location, the mirror entry, linked both ways.
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let rid = r.body["id"].as_str().unwrap().to_owned();
    assert_ne!(rid, oid);
    assert_eq!(
        r.header("location").as_deref(),
        Some(format!("{ENTRIES}/{rid}").as_str())
    );
    assert_eq!(r.body["date"], "2026-01-15");
    assert_eq!(r.body["source"], "reversal");
    assert_eq!(r.body["reverses_entry_id"], oid.as_str());
    assert_eq!(r.body["reversal_reason"], "Posted twice");
    assert_eq!(r.body["created_by"], b.user_id.as_str());
    let lines = r.body["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    let line_of = |id: &str| {
        lines
            .iter()
            .find(|l| l["ledger_account_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(dv(&line_of(&rent)["credit"]), d("500.00"));
    assert!(line_of(&rent)["debit"].is_null());
    assert_eq!(dv(&line_of(&bank)["debit"]), d("500.00"));
    assert!(line_of(&bank)["credit"].is_null());
    let got = b.get(&format!("{ENTRIES}/{oid}")).await;
    assert_eq!(got["reversed_by_entry_id"], rid.as_str());
    assert!(got["reverses_entry_id"].is_null());
    let got = b.get(&format!("{ENTRIES}/{rid}")).await;
    assert_eq!(got["reverses_entry_id"], oid.as_str());

    // Balances: as before the reversal, then back to zero.
    assert_eq!(b.bal(&rent, "2026-01-14").await, d("500.00"));
    assert_eq!(b.bal(&bank, "2026-01-14").await, d("-500.00"));
    assert_eq!(b.bal(&rent, "2026-01-15").await, Decimal::ZERO);
    assert_eq!(b.bal(&bank, "2026-12-31").await, Decimal::ZERO);
    let mv = b.balance(&rent, "from=2026-01-01&to=2026-01-31").await;
    assert_eq!(
        (dv(&mv["debit_total"]), dv(&mv["credit_total"])),
        (d("500.00"), d("500.00"))
    );

    // Once only; a reversal itself is not reversible.
    let again = b.reverse(&oid, "2026-01-16", "Again").await;
    assert_problem(&again, StatusCode::CONFLICT, "entry_already_reversed");
    let of_reversal = b.reverse(&rid, "2026-01-16", "Undo the undo").await;
    assert_problem(
        &of_reversal,
        StatusCode::UNPROCESSABLE_ENTITY,
        "entry_not_reversible",
    );

    // A reversal cannot be dated before its entry.
    let e2 = b
        .posted(
            "2026-02-10",
            vec![dr(&utilities, "80.00"), cr(&bank, "80.00")],
        )
        .await;
    let e2 = e2["id"].as_str().unwrap();
    let early = b.reverse(e2, "2026-02-09", "Too early").await;
    assert_refused(&early, "reversal_before_entry", "date");
    // Same day is fine, even after the account was deactivated.
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{utilities}"))
        .token(&b.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let same_day = b.reverse(e2, "2026-02-10", "Same day").await;
    assert_eq!(same_day.status, StatusCode::CREATED, "{}", same_day.text);
    assert_eq!(b.bal(&utilities, "2026-12-31").await, Decimal::ZERO);
    let a = app
        .patch(&format!("{LEDGER_ACCOUNTS}/{utilities}"))
        .token(&b.token)
        .json(&json!({"is_active": true}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    // Opening-balance entries are not reversed here.
    let mut opening = entry(
        "2026-01-01",
        vec![
            dr(&bank, "1000.00"),
            cr(&b.role("opening_balance_equity"), "1000.00"),
        ],
    );
    opening["source"] = json!("opening");
    let opening = b.send(&opening).await;
    assert_eq!(opening.status, StatusCode::CREATED, "{}", opening.text);
    let a = b
        .reverse(opening.body["id"].as_str().unwrap(), "2026-01-02", "No")
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "entry_not_reversible");

    // Unknown entry, missing reason, viewer.
    let a = b
        .reverse(&uuid::Uuid::now_v7().to_string(), "2026-01-16", "Nope")
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.text);
    let a = b.reverse(&oid, "2026-01-16", "").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let e3 = b
        .posted(
            "2026-03-10",
            vec![dr(&utilities, "10.00"), cr(&bank, "10.00")],
        )
        .await;
    let e3 = e3["id"].as_str().unwrap().to_owned();
    let viewer = app.colleague(&b.token, "viewer").await.token;
    let a = app
        .post(&format!("{ENTRIES}/{e3}/reverse"))
        .token(&viewer)
        .json(&json!({"date": "2026-03-11", "reason": "Viewer"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");

    // Entries are immutable: no PATCH, no DELETE.
    let a = app
        .patch(&format!("{ENTRIES}/{oid}"))
        .token(&b.token)
        .json(&json!({"description": "edited"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{}", a.text);
    let a = app
        .delete(&format!("{ENTRIES}/{oid}"))
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{}", a.text);
    assert_eq!(
        b.get(&format!("{ENTRIES}/{oid}")).await["description"],
        original.body["description"]
    );
}
both_backends!(reversal, super::reversal_mirrors_links_and_refuses_twice);

/// Racing reversals of one entry: exactly one wins, the others are 409.
async fn concurrent_reversals_post_one_mirror(app: TestApp) {
    racing_reversals(app, false).await;
}

/// ...and the losers are told `entry_already_reversed`, like a later second reversal.
async fn racing_reversals_answer_entry_already_reversed(app: TestApp) {
    racing_reversals(app, true).await;
}

async fn racing_reversals(app: TestApp, exact_code: bool) {
    let app = Arc::new(app);
    let b = Books::open(&app, "Race Ltd").await;
    let (bank, rent) = (b.id("1010"), b.id("6100"));
    let e = b
        .posted("2026-01-10", vec![dr(&rent, "100.00"), cr(&bank, "100.00")])
        .await;
    let eid = e["id"].as_str().unwrap().to_owned();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (app, token, eid) = (app.clone(), b.token.clone(), eid.clone());
        tasks.push(actix_web::rt::spawn(async move {
            app.post(&format!("{ENTRIES}/{eid}/reverse"))
                .token(&token)
                .json(&json!({"date": "2026-01-20", "reason": format!("Racer {i}")}))
                .send()
                .await
        }));
    }
    let mut won = 0;
    for t in tasks {
        let a = t.await.unwrap();
        match a.status {
            StatusCode::CREATED => won += 1,
            StatusCode::CONFLICT if !exact_code => {}
            StatusCode::CONFLICT => assert_eq!(a.code(), "entry_already_reversed", "{}", a.text),
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert_eq!(won, 1);
    let all = app
        .walk(&b.token, &format!("{ENTRIES}?source=reversal&limit=200"))
        .await;
    assert_eq!(all.len(), 1);
    assert_eq!(b.bal(&rent, "2026-12-31").await, Decimal::ZERO);
}
both_backends!(
    concurrent_reversals,
    super::concurrent_reversals_post_one_mirror
);
both_backends!(
    racing_reversal_code,
    super::racing_reversals_answer_entry_already_reversed
);

// ---------------------------------------------------------------------------------------------
// 6. Lock date

async fn lock_date_refuses_postings_on_or_before_it(app: TestApp) {
    let b = Books::open(&app, "Lock Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let march = b
        .posted(
            "2026-03-20",
            vec![dr(&bank, "300.00"), cr(&sales, "300.00")],
        )
        .await;
    let march = march["id"].as_str().unwrap().to_owned();

    // GET: unlocked.
    assert_eq!(
        b.get("/api/v1/ledger/lock-date").await,
        json!({"lock_date": null})
    );

    // PUT, then GET shows it.
    let a = b.put_lock(&b.token, json!("2026-03-31")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["lock_date"], "2026-03-31");
    assert_eq!(
        b.get("/api/v1/ledger/lock-date").await["lock_date"],
        "2026-03-31"
    );

    // On the lock date and before: refused; the day after: posted.
    for day in ["2026-03-31", "2026-03-01", "2020-01-01"] {
        let a = b
            .post(day, vec![dr(&bank, "10.00"), cr(&sales, "10.00")])
            .await;
        assert_refused(&a, "period_locked", "date");
    }
    b.posted("2026-04-01", vec![dr(&bank, "10.00"), cr(&sales, "10.00")])
        .await;

    // A reversal dated in the locked period is refused; dated after it, it posts.
    let a = b.reverse(&march, "2026-03-25", "Locked").await;
    assert_refused(&a, "period_locked", "date");
    let a = b.reverse(&march, "2026-04-02", "After the lock").await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);

    // Roles: a viewer cannot move it; an accountant can.
    let viewer = app.colleague(&b.token, "viewer").await.token;
    let accountant = app.colleague(&b.token, "accountant").await.token;
    let a = b.put_lock(&viewer, json!("2026-12-31")).await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(
        b.get("/api/v1/ledger/lock-date").await["lock_date"],
        "2026-03-31"
    );
    let a = b.put_lock(&accountant, json!("2026-02-28")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    b.posted("2026-03-15", vec![dr(&bank, "1.00"), cr(&sales, "1.00")])
        .await;

    // null unlocks.
    let a = b.put_lock(&accountant, Value::Null).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["lock_date"].is_null());
    assert!(b.get("/api/v1/ledger/lock-date").await["lock_date"].is_null());
    b.posted("2020-01-01", vec![dr(&bank, "1.00"), cr(&sales, "1.00")])
        .await;

    // A malformed date is refused.
    let a = b.put_lock(&b.token, json!("2026-02-30")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
}
both_backends!(lock_date, super::lock_date_refuses_postings_on_or_before_it);

// ---------------------------------------------------------------------------------------------
// 7. Foreign currency

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

// ---------------------------------------------------------------------------------------------
// 8. Opening balances

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

// ---------------------------------------------------------------------------------------------
// 9. Balances

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

// ---------------------------------------------------------------------------------------------
// 10. Fiscal-year boundaries

async fn fiscal_year_boundaries_split_current_and_retained_earnings(app: TestApp) {
    // Arrange: the fiscal year starts in April.
    let b = Books::with(&app, "April Ltd", json!({"fiscal_year_start_month": 4})).await;
    let (bank, sales, rent, salaries) = (b.id("1010"), b.id("4000"), b.id("6100"), b.id("6000"));
    let retained = b.role("retained_earnings");
    b.posted(
        "2025-05-15",
        vec![dr(&bank, "1000.00"), cr(&sales, "1000.00")],
    )
    .await; // FY2025/26
    b.posted("2025-06-15", vec![dr(&rent, "300.00"), cr(&bank, "300.00")])
        .await; // FY2025/26
    b.posted(
        "2026-05-01",
        vec![dr(&retained, "100.00"), cr(&bank, "100.00")],
    )
    .await; // a distribution
    b.posted(
        "2026-05-15",
        vec![dr(&bank, "2000.00"), cr(&sales, "2000.00")],
    )
    .await; // FY2026/27
    b.posted(
        "2026-06-10",
        vec![dr(&salaries, "500.00"), cr(&bank, "500.00")],
    )
    .await; // FY2026/27

    // Act + assert: trial balance as of 2026-06-30.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-06-30")
        .await;
    assert_eq!(tb["fiscal_year_start"], "2026-04-01");
    assert_eq!(tb["as_of"], "2026-06-30");
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &bank), d("2100.00"));
    assert_eq!(
        tb_net(&tb, &sales),
        d("-2000.00"),
        "income only from 2026-04-01"
    );
    assert_eq!(tb_net(&tb, &salaries), d("500.00"));
    assert_eq!(
        tb_net(&tb, &rent),
        Decimal::ZERO,
        "last year's expense is closed"
    );
    assert_eq!(
        tb_net(&tb, &retained),
        d("-600.00"),
        "earlier profit 700 less the 100 distribution"
    );
    assert_eq!(dv(&tb["totals"]["debit"]), d("2600.00"));
    let row = tb["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == sales.as_str())
        .unwrap();
    assert_eq!(row["code"], "4000");
    assert_eq!(row["type"], "income");
    assert_eq!(row["currency"], "USD");
    // Before the new year: last year's P&L is still current; no retained earnings yet.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-03-31")
        .await;
    assert_eq!(tb["fiscal_year_start"], "2025-04-01");
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &sales), d("-1000.00"));
    assert_eq!(tb_net(&tb, &rent), d("300.00"));
    assert_eq!(tb_net(&tb, &retained), Decimal::ZERO);
    // On the first day of the year: everything is retained.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-04-01")
        .await;
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &sales), Decimal::ZERO);
    assert_eq!(tb_net(&tb, &retained), d("-700.00"));

    // Balance sheet as of 2026-06-30.
    let bs = b
        .get("/api/v1/reports/balance-sheet?as_of=2026-06-30")
        .await;
    assert_balance_sheet_balances(&bs);
    assert_eq!(dv(&bs["totals"]["assets"]), d("2100.00"));
    assert_eq!(equity_row(&bs, "retained_earnings"), d("600.00"));
    assert_eq!(equity_row(&bs, "current_year_earnings"), d("1500.00"));
    assert_eq!(dv(&bs["totals"]["equity"]), d("2100.00"));
    let bs = b
        .get("/api/v1/reports/balance-sheet?as_of=2026-03-31")
        .await;
    assert_balance_sheet_balances(&bs);
    assert_eq!(equity_row(&bs, "retained_earnings"), Decimal::ZERO);
    assert_eq!(equity_row(&bs, "current_year_earnings"), d("700.00"));

    // Income statements.
    let is = b
        .get("/api/v1/reports/income-statement?from=2025-04-01&to=2026-03-31")
        .await;
    assert_eq!(is["from"], "2025-04-01");
    assert_eq!(is["to"], "2026-03-31");
    assert_eq!(dv(&is["totals"]["income"]), d("1000.00"));
    assert_eq!(dv(&is["totals"]["expenses"]), d("300.00"));
    assert_eq!(dv(&is["totals"]["net_income"]), d("700.00"));
    let sales_row = is["income"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == sales.as_str())
        .unwrap();
    assert_eq!(dv(&sales_row["balance"]), d("1000.00"));
    let is = b
        .get("/api/v1/reports/income-statement?from=2026-04-01&to=2026-06-30")
        .await;
    assert_eq!(dv(&is["totals"]["net_income"]), d("1500.00"));
    let is = b
        .get("/api/v1/reports/income-statement?from=2025-06-01&to=2026-05-31")
        .await;
    assert_eq!(dv(&is["totals"]["income"]), d("2000.00"));
    assert_eq!(dv(&is["totals"]["expenses"]), d("300.00"));
    assert_eq!(dv(&is["totals"]["net_income"]), d("1700.00"));
    let a = app
        .get("/api/v1/reports/income-statement?from=2026-06-30&to=2026-04-01")
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
}
both_backends!(
    fiscal_year_boundaries,
    super::fiscal_year_boundaries_split_current_and_retained_earnings
);

// ---------------------------------------------------------------------------------------------
// 11. A realistic two-year book

/// One posted line as the test models it: base-currency and own-currency amounts, debit − credit.
#[derive(Clone)]
struct ModelLine {
    date: NaiveDate,
    code: String,
    base: Decimal,
    own: Decimal,
}

struct Model {
    lines: Vec<ModelLine>,
    types: HashMap<String, String>,
    fy_start_month: u32,
}

impl Model {
    fn add(&mut self, date: NaiveDate, code: &str, base: Decimal, own: Decimal) {
        self.lines.push(ModelLine {
            date,
            code: code.to_owned(),
            base,
            own,
        });
    }

    fn fy_start(&self, d: NaiveDate) -> NaiveDate {
        let m = self.fy_start_month;
        let y = if d.month() >= m {
            d.year()
        } else {
            d.year() - 1
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    fn is_pl(&self, code: &str) -> bool {
        matches!(self.types[code].as_str(), "income" | "expense")
    }

    fn debit_normal(&self, code: &str) -> bool {
        matches!(self.types[code].as_str(), "asset" | "expense")
    }

    /// Base debit − credit of `code` over [from, to].
    fn net(&self, code: &str, from: Option<NaiveDate>, to: NaiveDate) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.code == code && l.date <= to && !matches!(from, Some(f) if l.date < f))
            .map(|l| l.base)
            .sum()
    }

    fn own(&self, code: &str, to: NaiveDate) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.code == code && l.date <= to)
            .map(|l| l.own)
            .sum()
    }

    /// Income − expenses in [from, to].
    fn profit(&self, from: Option<NaiveDate>, to: NaiveDate) -> Decimal {
        -self
            .lines
            .iter()
            .filter(|l| {
                self.is_pl(&l.code) && l.date <= to && !matches!(from, Some(f) if l.date < f)
            })
            .map(|l| l.base)
            .sum::<Decimal>()
    }

    fn codes(&self) -> BTreeSet<String> {
        self.lines.iter().map(|l| l.code.clone()).collect()
    }
}

fn round2(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Posts an entry and records its lines in the model (`lines`: code, debit − credit in the
/// account's currency, explicit rate, base figure).
async fn post_modelled(
    b: &Books<'_>,
    m: &mut Model,
    date: NaiveDate,
    source: &str,
    lines: &[(&str, Decimal, Option<Decimal>, Decimal)],
) -> Value {
    let body_lines: Vec<Value> = lines
        .iter()
        .map(|(code, amount, rate, _)| {
            let mut l = if *amount > Decimal::ZERO {
                dr(&b.id(code), &amount.to_string())
            } else {
                cr(&b.id(code), &(-*amount).to_string())
            };
            if let Some(r) = rate {
                l["exchange_rate"] = json!(r.to_string());
            }
            l
        })
        .collect();
    let mut body = entry(&date.to_string(), body_lines);
    body["source"] = json!(source);
    let a = b.send(&body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{body}: {}", a.text);
    for (code, amount, _, base) in lines {
        m.add(date, code, *base, *amount);
    }
    a.body
}

async fn a_two_year_book_balances_at_every_date(app: TestApp) {
    // Arrange: fiscal years from July; 24 months from July 2024.
    let mut b = Books::with(&app, "Two Years Ltd", json!({"fiscal_year_start_month": 7})).await;
    b.create_account(
        json!({"code": "1020", "name": "Bank EUR", "type": "asset", "currency": "EUR"}),
    )
    .await;
    let mut m = Model {
        lines: Vec::new(),
        types: b
            .chart
            .by_code
            .iter()
            .map(|(c, a)| (c.clone(), a["type"].as_str().unwrap().to_owned()))
            .collect(),
        fy_start_month: 7,
    };
    let usd = |code: &'static str, amount: Decimal| (code, amount, None, amount);
    let start = date("2024-07-01");
    let mut mistaken = None;
    for month in 0..24u32 {
        let first = start
            .checked_add_months(chrono::Months::new(month))
            .unwrap();
        let day = |n: u32| first.with_day(n).unwrap();
        let k = Decimal::from(month);
        let b = &b;
        if month == 0 {
            post_modelled(
                b,
                &mut m,
                day(1),
                "opening",
                &[usd("1010", d("50000.00")), usd("3200", d("-50000.00"))],
            )
            .await;
        }
        if month == 1 {
            post_modelled(
                b,
                &mut m,
                day(1),
                "manual",
                &[usd("1010", d("20000.00")), usd("2300", d("-20000.00"))],
            )
            .await;
        }
        if month == 2 {
            post_modelled(
                b,
                &mut m,
                day(15),
                "manual",
                &[usd("1510", d("12000.00")), usd("1010", d("-12000.00"))],
            )
            .await;
        }
        // Rent, sales, services, utilities, salaries.
        post_modelled(
            b,
            &mut m,
            day(1),
            "manual",
            &[usd("6100", d("2500.00")), usd("1010", d("-2500.00"))],
        )
        .await;
        let sales = d("8000.00") + d("137.25") * k;
        post_modelled(
            b,
            &mut m,
            day(5),
            "manual",
            &[usd("1010", sales), usd("4000", -sales)],
        )
        .await;
        let services = d("1500.00") + d("45.10") * Decimal::from(month % 5);
        post_modelled(
            b,
            &mut m,
            day(12),
            "manual",
            &[usd("1000", services), usd("4100", -services)],
        )
        .await;
        let utilities = d("180.35") + k;
        post_modelled(
            b,
            &mut m,
            day(20),
            "manual",
            &[usd("6200", utilities), usd("1000", -utilities)],
        )
        .await;
        let salaries = d("4200.00") + d("10.00") * k;
        post_modelled(
            b,
            &mut m,
            day(28),
            "manual",
            &[usd("6000", salaries), usd("1010", -salaries)],
        )
        .await;
        if month >= 2 {
            // Depreciation and the loan's instalment with interest.
            post_modelled(
                b,
                &mut m,
                day(28),
                "manual",
                &[usd("6800", d("200.00")), usd("1590", d("-200.00"))],
            )
            .await;
            let interest = d("80.00") - k;
            post_modelled(
                b,
                &mut m,
                day(2),
                "manual",
                &[
                    usd("2300", d("500.00")),
                    usd("6700", interest),
                    usd("1010", -(d("500.00") + interest)),
                ],
            )
            .await;
        }
        if month % 3 == 1 {
            // A receipt in euros at the day's recorded rate.
            let rate = d("1.05") + d("0.0123") * k;
            let a = app
                .post("/api/v1/exchange-rates")
                .token(&b.token)
                .json(&json!({"currency": "EUR", "date": day(18).to_string(), "rate": rate.to_string()}))
                .send()
                .await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
            let eur = d("3000.00") + d("250.00") * k;
            let base = round2(eur * rate);
            if month == 7 {
                // Credited one cent more than the conversion: the cent goes to rounding.
                let e = post_modelled(
                    b,
                    &mut m,
                    day(18),
                    "manual",
                    &[("1020", eur, None, base), usd("4100", -(base + d("0.01")))],
                )
                .await;
                assert_eq!(e["lines"].as_array().unwrap().len(), 3, "{e}");
                m.add(day(18), "7100", d("0.01"), d("0.01"));
            } else {
                post_modelled(
                    b,
                    &mut m,
                    day(18),
                    "manual",
                    &[("1020", eur, None, base), usd("4100", -base)],
                )
                .await;
            }
        }
        if month == 10 {
            // Travel paid from the euro account at an explicit rate.
            let rate = d("1.1111");
            post_modelled(
                b,
                &mut m,
                day(22),
                "manual",
                &[
                    ("1020", d("-1000.00"), Some(rate), d("-1111.10")),
                    usd("6400", d("1111.10")),
                ],
            )
            .await;
        }
        if month == 5 {
            // Rent posted twice by mistake; reversed next month.
            let e = post_modelled(
                b,
                &mut m,
                day(9),
                "manual",
                &[usd("6100", d("2500.00")), usd("1010", d("-2500.00"))],
            )
            .await;
            mistaken = Some(e["id"].as_str().unwrap().to_owned());
        }
        if month == 6 {
            let r = b
                .reverse(
                    mistaken.as_deref().unwrap(),
                    &day(3).to_string(),
                    "Posted twice",
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            m.add(day(3), "6100", d("-2500.00"), d("-2500.00"));
            m.add(day(3), "1010", d("2500.00"), d("2500.00"));
        }
        if month == 13 {
            post_modelled(
                b,
                &mut m,
                day(7),
                "manual",
                &[usd("3000", d("1000.00")), usd("1010", d("-1000.00"))],
            )
            .await;
        }
        if month == 15 {
            post_modelled(
                b,
                &mut m,
                day(25),
                "manual",
                &[usd("6600", d("900.00")), usd("2200", d("-900.00"))],
            )
            .await;
        }
        if month == 16 {
            post_modelled(
                b,
                &mut m,
                day(10),
                "manual",
                &[usd("2200", d("900.00")), usd("1010", d("-900.00"))],
            )
            .await;
        }
    }

    let parents: BTreeSet<String> = b
        .chart
        .by_code
        .values()
        .filter_map(|a| a["parent_id"].as_str().map(str::to_owned))
        .collect();
    let id_of: HashMap<String, String> = b
        .chart
        .by_code
        .iter()
        .map(|(c, a)| (c.clone(), a["id"].as_str().unwrap().to_owned()))
        .collect();
    let code_of: HashMap<String, String> =
        id_of.iter().map(|(c, i)| (i.clone(), c.clone())).collect();
    let signed = |code: &str, net: Decimal| if m.debit_normal(code) { net } else { -net };

    for as_of in [
        "2024-09-30",
        "2025-06-30",
        "2025-07-01",
        "2025-12-31",
        "2026-03-15",
        "2026-06-30",
    ] {
        let as_of = date(as_of);
        let fy = m.fy_start(as_of);
        let prior = m.profit(None, fy.pred_opt().unwrap());
        let current = m.profit(Some(fy), as_of);

        // Every modelled account's balance endpoint agrees with the model.
        for code in m.codes() {
            let bal = b.balance(&id_of[&code], &format!("as_of={as_of}")).await;
            if parents.contains(&id_of[&code]) {
                continue;
            }
            assert_eq!(
                dv(&bal["balance"]),
                signed(&code, m.own(&code, as_of)),
                "{code} as of {as_of}: {bal}"
            );
            if code == "1020" {
                assert_eq!(
                    dv(&bal["base_balance"]),
                    m.net(&code, None, as_of),
                    "{code} as of {as_of}: {bal}"
                );
            }
        }
        // Fixed assets = equipment − accumulated depreciation.
        assert_eq!(
            b.bal(&id_of["1500"], &as_of.to_string()).await,
            m.net("1510", None, as_of) + m.net("1590", None, as_of),
            "fixed assets as of {as_of}"
        );

        // Trial balance: balances; each row is the model's figure.
        let tb = b
            .get(&format!("/api/v1/reports/trial-balance?as_of={as_of}"))
            .await;
        assert_trial_balance_balances(&tb);
        assert_eq!(tb["fiscal_year_start"], fy.to_string());
        for (code, id) in &id_of {
            let expected = if m.is_pl(code) {
                m.net(code, Some(fy), as_of)
            } else if code == "3100" {
                m.net(code, None, as_of) - prior
            } else {
                m.net(code, None, as_of)
            };
            assert_eq!(
                tb_net(&tb, id),
                expected,
                "trial balance row {code} as of {as_of}"
            );
        }
        for r in tb["rows"].as_array().unwrap() {
            assert!(
                code_of.contains_key(r["ledger_account_id"].as_str().unwrap()),
                "{r}"
            );
        }

        // Balance sheet: balances, and its computed rows are the model's.
        let bs = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={as_of}"))
            .await;
        assert_balance_sheet_balances(&bs);
        assert_eq!(
            equity_row(&bs, "retained_earnings"),
            prior,
            "retained earnings as of {as_of}"
        );
        assert_eq!(
            equity_row(&bs, "current_year_earnings"),
            current,
            "current year earnings as of {as_of}"
        );
        let assets: Decimal = m
            .codes()
            .iter()
            .filter(|c| m.types[*c] == "asset")
            .map(|c| m.net(c, None, as_of))
            .sum();
        assert_eq!(dv(&bs["totals"]["assets"]), assets, "assets as of {as_of}");

        // The income statement of the year to date is the current year's earnings.
        let is = b
            .get(&format!(
                "/api/v1/reports/income-statement?from={fy}&to={as_of}"
            ))
            .await;
        assert_eq!(
            dv(&is["totals"]["net_income"]),
            current,
            "net income {fy}..{as_of}"
        );
    }

    // Each fiscal year: the months' net incomes add up to the year's earnings at year end, and
    // become retained earnings the day after.
    for (fy_start, fy_end, next_day) in [
        ("2024-07-01", "2025-06-30", "2025-07-01"),
        ("2025-07-01", "2026-06-30", "2026-07-01"),
    ] {
        let mut sum = Decimal::ZERO;
        let mut month = date(fy_start);
        while month <= date(fy_end) {
            let last = month
                .checked_add_months(chrono::Months::new(1))
                .unwrap()
                .pred_opt()
                .unwrap();
            let is = b
                .get(&format!(
                    "/api/v1/reports/income-statement?from={month}&to={last}"
                ))
                .await;
            assert_eq!(
                dv(&is["totals"]["net_income"]),
                m.profit(Some(month), last),
                "{month}..{last}"
            );
            sum += dv(&is["totals"]["net_income"]);
            month = last.succ_opt().unwrap();
        }
        let bs = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={fy_end}"))
            .await;
        assert_eq!(
            equity_row(&bs, "current_year_earnings"),
            sum,
            "FY ending {fy_end}"
        );
        let next = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={next_day}"))
            .await;
        let prior_years = m.profit(None, date(fy_end));
        assert_eq!(equity_row(&next, "retained_earnings"), prior_years);
        assert_balance_sheet_balances(&next);
    }

    // The general ledger report's closing balances are the balance endpoint's (base currency).
    for (from, to) in [("2024-07-01", "2026-06-30"), ("2025-07-01", "2026-03-15")] {
        let gl = b
            .get(&format!(
                "/api/v1/reports/general-ledger?from={from}&to={to}"
            ))
            .await;
        assert_eq!(gl["currency"], "USD");
        let accounts = gl["accounts"].as_array().unwrap();
        let listed: BTreeSet<&str> = accounts
            .iter()
            .map(|a| a["ledger_account_id"].as_str().unwrap())
            .collect();
        for code in m.codes() {
            assert!(
                listed.contains(id_of[&code].as_str()),
                "{code} missing from the general ledger {from}..{to}"
            );
        }
        for a in accounts {
            let id = a["ledger_account_id"].as_str().unwrap();
            if parents.contains(id) {
                continue;
            }
            let code = &code_of[id];
            let bal = b.balance(id, &format!("as_of={to}")).await;
            let base = if bal["base_balance"].is_string() {
                dv(&bal["base_balance"])
            } else {
                dv(&bal["balance"])
            };
            assert_eq!(dv(&a["closing_balance"]), base, "{code} {from}..{to}");
            let opening = b
                .balance(id, &format!("as_of={}", date(from).pred_opt().unwrap()))
                .await;
            let opening = if opening["base_balance"].is_string() {
                dv(&opening["base_balance"])
            } else {
                dv(&opening["balance"])
            };
            assert_eq!(
                dv(&a["opening_balance"]),
                opening,
                "{code} opening at {from}"
            );
            // Running balances step line by line from the opening to the closing.
            let mut running = opening;
            for l in a["lines"].as_array().unwrap() {
                let step = dv(&l["debit"]) - dv(&l["credit"]);
                running += signed(code, step);
                assert_eq!(dv(&l["balance"]), running, "{code}: {l}");
            }
            assert_eq!(running, base, "{code}");
        }
    }
    // One account only.
    let gl = b
        .get(&format!(
            "/api/v1/reports/general-ledger?from=2024-07-01&to=2026-06-30&ledger_account_id={}",
            id_of["1020"]
        ))
        .await;
    assert_eq!(gl["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(
        dv(&gl["accounts"][0]["closing_balance"]),
        m.net("1020", None, date("2026-06-30"))
    );
}
both_backends!(two_year_book, super::a_two_year_book_balances_at_every_date);

// ---------------------------------------------------------------------------------------------
// 12. Activity

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

// ---------------------------------------------------------------------------------------------
// 13. Cross-organization isolation

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

// ---------------------------------------------------------------------------------------------
// 14. Concurrency

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n
    }
}

/// What one client saw of one entry it posted.
struct Posted {
    id: String,
    /// (account index, debit − credit in cents)
    lines: Vec<(usize, i64)>,
}

/// Sends a posting; a racing duplicate that answers 409 `idempotency_in_progress` is retried.
async fn send_posting(app: &TestApp, token: &str, body: &Value, key: Option<&str>) -> Answer {
    for _ in 0..100 {
        let mut req = app.post(ENTRIES).token(token).json(body);
        if let Some(k) = key {
            req = req.header("Idempotency-Key", k);
        }
        let a = req.send().await;
        assert!(
            a.status.as_u16() < 500,
            "5xx under load: {} {}",
            a.status,
            a.text
        );
        if a.status == StatusCode::CONFLICT && a.code() == "idempotency_in_progress" {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
            continue;
        }
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        return a;
    }
    panic!("the idempotent duplicate never finished");
}

async fn concurrent_clients_lose_no_posting(app: TestApp) {
    const CLIENTS: u64 = 16;
    const PER_CLIENT: u64 = 10;
    const HOT: usize = 4;
    let app = Arc::new(app);
    let mut b = Books::open(&app, "Busy Books Ltd").await;
    // Four hot accounts every client posts to, plus one private account per client so that
    // each client can check it reads its own writes while the others post.
    let mut accounts: Vec<String> = ["1010", "1000", "4000", "6100"]
        .iter()
        .map(|c| b.id(c))
        .collect();
    let mut types = vec!["asset", "asset", "income", "expense"];
    for client in 0..CLIENTS {
        let body = json!({"code": format!("8{client:03}"), "name": format!("Client {client} costs"), "type": "expense"});
        accounts.push(b.create_account(body).await);
        types.push("expense");
    }

    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let (app, token, accounts) = (app.clone(), b.token.clone(), accounts.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client + 1) * 0x1234_5678));
            let private = HOT + client as usize;
            let mut own_balance = 0i64;
            let mut posted = Vec::new();
            let mut replays = 0;
            for i in 0..PER_CLIENT {
                // 2 or 3 lines among the hot accounts, balanced, in cents; every other entry
                // also moves an amount from a hot account to the client's private one.
                let n = HOT as u64;
                let (a, c) = (rng.below(n) as usize, rng.below(n) as usize);
                let c = if a == c { (c + 1) % HOT } else { c };
                let x = 1 + rng.below(100_000) as i64;
                let mut lines = vec![(a, x)];
                if rng.below(3) == 0 {
                    let y = 1 + rng.below(50_000) as i64;
                    lines.push((rng.below(n) as usize, y));
                    lines.push((c, -(x + y)));
                } else {
                    lines.push((c, -x));
                }
                if i % 2 == 1 {
                    let z = 1 + rng.below(10_000) as i64;
                    lines.push((private, z));
                    lines.push((rng.below(n) as usize, -z));
                }
                let json_lines: Vec<Value> = lines
                    .iter()
                    .map(|(acct, v)| {
                        let amount = Decimal::new(v.abs(), 2).to_string();
                        if *v > 0 {
                            dr(&accounts[*acct], &amount)
                        } else {
                            cr(&accounts[*acct], &amount)
                        }
                    })
                    .collect();
                let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + Duration::days(rng.below(90) as i64);
                let body = entry(&day.to_string(), json_lines);
                let id = if i % 3 == 0 {
                    let key = format!("client-{client}-entry-{i}-{}", uuid::Uuid::now_v7());
                    let (first, second) = if i % 2 == 0 {
                        // The pair races.
                        futures_util::future::join(
                            send_posting(&app, &token, &body, Some(&key)),
                            send_posting(&app, &token, &body, Some(&key)),
                        )
                        .await
                    } else {
                        let first = send_posting(&app, &token, &body, Some(&key)).await;
                        (first, send_posting(&app, &token, &body, Some(&key)).await)
                    };
                    assert_eq!(
                        first.body["id"], second.body["id"],
                        "a replay answered another entry"
                    );
                    let flags = [&first, &second]
                        .map(|a| a.header("idempotent-replayed").as_deref() == Some("true"));
                    assert_eq!(
                        flags.iter().filter(|f| **f).count(),
                        1,
                        "exactly one of the pair replays: {flags:?}"
                    );
                    replays += 1;
                    first.body["id"].as_str().unwrap().to_owned()
                } else {
                    send_posting(&app, &token, &body, None).await.body["id"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                };
                // Read-your-writes: the private account's balance includes this entry at once.
                own_balance += lines
                    .iter()
                    .filter(|(acct, _)| *acct == private)
                    .map(|(_, v)| v)
                    .sum::<i64>();
                let bal = app
                    .get(&format!(
                        "{LEDGER_ACCOUNTS}/{}/balance?as_of=2026-12-31",
                        accounts[private]
                    ))
                    .token(&token)
                    .send()
                    .await;
                assert_eq!(bal.status, StatusCode::OK, "{}", bal.text);
                assert_eq!(
                    dv(&bal.body["balance"]),
                    Decimal::new(own_balance, 2),
                    "client {client} after entry {i}"
                );
                posted.push(Posted { id, lines });
            }
            (posted, replays)
        }));
    }
    let mut posted = Vec::new();
    let mut replays = 0;
    for t in tasks {
        let (p, r) = t.await.unwrap();
        posted.extend(p);
        replays += r;
    }
    assert!(replays >= CLIENTS * 3);

    // Every 201 exists exactly once.
    let ids: BTreeSet<&str> = posted.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids.len() as u64,
        CLIENTS * PER_CLIENT,
        "two clients were answered the same id"
    );
    let listed = app.walk(&b.token, &format!("{ENTRIES}?limit=37")).await;
    let listed_ids: Vec<&str> = listed.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let unique: BTreeSet<&str> = listed_ids.iter().copied().collect();
    assert_eq!(unique.len(), listed_ids.len(), "the list repeats entries");
    assert_eq!(
        unique, ids,
        "the journal holds other entries than were answered 201"
    );

    // Every account's balance is the sum of the lines the clients sent, and of the lines
    // listed; checked right away and again once the background folding has run.
    let mut expected = vec![0i64; accounts.len()];
    for p in &posted {
        for (acct, v) in &p.lines {
            expected[*acct] += v;
        }
    }
    let mut from_list: HashMap<&str, Decimal> = HashMap::new();
    for e in &listed {
        for l in e["lines"].as_array().unwrap() {
            let v = l["debit"].as_str().map(d).unwrap_or_default()
                - l["credit"].as_str().map(d).unwrap_or_default();
            *from_list
                .entry(l["ledger_account_id"].as_str().unwrap())
                .or_default() += v;
        }
    }
    for round in 0..2 {
        if round == 1 {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(2500)).await;
        }
        for (i, id) in accounts.iter().enumerate() {
            let bal = b.balance(id, "as_of=2026-12-31").await;
            let net = dv(&bal["debit_total"]) - dv(&bal["credit_total"]);
            assert_eq!(
                net,
                Decimal::new(expected[i], 2),
                "account {i}, round {round}: {bal}"
            );
            assert_eq!(
                net,
                from_list.get(id.as_str()).copied().unwrap_or_default(),
                "account {i}"
            );
            let normal = if types[i] == "asset" || types[i] == "expense" {
                net
            } else {
                -net
            };
            assert_eq!(dv(&bal["balance"]), normal);
        }
        let tb = b
            .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
            .await;
        assert_trial_balance_balances(&tb);
        for (i, id) in accounts.iter().enumerate() {
            assert_eq!(
                tb_net(&tb, id),
                Decimal::new(expected[i], 2),
                "trial balance row {i}, round {round}"
            );
        }
        let bs = b
            .get("/api/v1/reports/balance-sheet?as_of=2026-12-31")
            .await;
        assert_balance_sheet_balances(&bs);
    }
}
both_backends!(
    concurrent_posting,
    super::concurrent_clients_lose_no_posting
);

// ---------------------------------------------------------------------------------------------
// 15. Idempotent posting

async fn the_same_idempotency_key_replays_the_entry(app: TestApp) {
    let b = Books::open(&app, "Once Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let mut body = entry("2026-01-10", vec![dr(&bank, "99.95"), cr(&sales, "99.95")]);
    body["metadata"] = json!({"import": "batch-7", "row": 12});
    body["reference"] = json!("INV-1001");
    let send = |key: &str, body: &Value| {
        app.post(ENTRIES)
            .token(&b.token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
    };

    let first = send("post-once-1", &body).await;
    let second = send("post-once-1", &body).await;

    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);
    assert_eq!(first.body["id"], second.body["id"]);
    assert_eq!(
        second.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert!(first.header("idempotent-replayed").is_none());
    assert_eq!(first.header("location"), second.header("location"));
    // The entry as posted.
    let e = &first.body;
    assert_eq!(e["metadata"], json!({"import": "batch-7", "row": 12}));
    assert_eq!(e["reference"], "INV-1001");
    assert_eq!(e["source"], "manual");
    assert_eq!(e["created_by"], b.user_id.as_str());
    assert!(
        e["posted_at"]
            .as_str()
            .is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok()),
        "{e}"
    );
    assert!(e["reversed_by_entry_id"].is_null());
    assert_eq!(e["lines"][0]["line_no"], 0);
    let id = e["id"].as_str().unwrap();
    assert_eq!(
        first.header("location").as_deref(),
        Some(format!("{ENTRIES}/{id}").as_str())
    );
    assert_eq!(
        b.get(&format!("{ENTRIES}/{id}")).await["metadata"],
        e["metadata"]
    );

    // Posted once.
    assert_eq!(
        app.walk(&b.token, &format!("{ENTRIES}?limit=200"))
            .await
            .len(),
        1
    );
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("99.95"));
    // The same key with another body is refused; a new key posts again.
    let mut other = body.clone();
    other["lines"][0]["debit"] = json!("10.00");
    other["lines"][1]["credit"] = json!("10.00");
    let a = send("post-once-1", &other).await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );
    let a = send("post-once-2", &body).await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert_ne!(a.body["id"], first.body["id"]);
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("199.90"));
    // A refused request is refused again under the same key.
    let bad = entry("2026-01-11", vec![dr(&bank, "5.00"), cr(&sales, "4.00")]);
    let a = send("post-once-3", &bad).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "journal_unbalanced");
    let a = send("post-once-3", &bad).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "journal_unbalanced");
    // Reversal replays too.
    let r1 = app
        .post(&format!("{ENTRIES}/{id}/reverse"))
        .token(&b.token)
        .header("Idempotency-Key", "reverse-once")
        .json(&json!({"date": "2026-01-12", "reason": "Duplicate"}))
        .send()
        .await;
    let r2 = app
        .post(&format!("{ENTRIES}/{id}/reverse"))
        .token(&b.token)
        .header("Idempotency-Key", "reverse-once")
        .json(&json!({"date": "2026-01-12", "reason": "Duplicate"}))
        .send()
        .await;
    assert_eq!(r1.status, StatusCode::CREATED, "{}", r1.text);
    assert_eq!(r2.status, StatusCode::CREATED, "{}", r2.text);
    assert_eq!(r1.body["id"], r2.body["id"]);
    assert_eq!(r2.header("idempotent-replayed").as_deref(), Some("true"));
}
both_backends!(
    idempotent_posting,
    super::the_same_idempotency_key_replays_the_entry
);

// ---------------------------------------------------------------------------------------------
// 16. Listing entries

async fn entries_filter_and_page_without_duplicates(app: TestApp) {
    let b = Books::open(&app, "List Ltd").await;
    let (bank, cash, sales) = (b.id("1010"), b.id("1000"), b.id("4000"));
    let obe = b.role("opening_balance_equity");
    let mut opening = entry("2025-12-31", vec![dr(&bank, "100.00"), cr(&obe, "100.00")]);
    opening["source"] = json!("opening");
    assert_eq!(b.send(&opening).await.status, StatusCode::CREATED);
    let mut by_cash = 0;
    let mut ref1 = 0;
    for i in 0..25u32 {
        let on = if i % 5 == 0 { &cash } else { &bank };
        if i % 5 == 0 {
            by_cash += 1;
        }
        if i % 3 == 1 {
            ref1 += 1;
        }
        // Two entries share each date in the second half.
        let day = if i < 12 { i + 1 } else { 13 + (i - 12) / 2 };
        let mut body = entry(
            &format!("2026-01-{day:02}"),
            vec![dr(on, "10.00"), cr(&sales, "10.00")],
        );
        body["reference"] = json!(format!("REF-{}", i % 3));
        assert_eq!(b.send(&body).await.status, StatusCode::CREATED);
    }

    // Paging over more than a page: each entry once, in (date, id) order.
    let all = app.walk(&b.token, &format!("{ENTRIES}?limit=7")).await;
    assert_eq!(all.len(), 26);
    let ids: BTreeSet<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 26, "duplicates across pages");
    let keys: Vec<(String, String)> = all
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "not in date order");
    let desc = app
        .walk(&b.token, &format!("{ENTRIES}?limit=5&sort=-date"))
        .await;
    let desc_keys: Vec<(String, String)> = desc
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    sorted.reverse();
    assert_eq!(desc_keys, sorted, "-date is the reverse order");
    let first = b.get(&format!("{ENTRIES}?limit=7")).await;
    assert_eq!(first["data"].as_array().unwrap().len(), 7);
    assert!(first["next_cursor"].is_string());

    // Filters.
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?ledger_account_id={cash}&limit=3"),
        )
        .await;
    assert_eq!(f.len(), by_cash);
    assert!(f.iter().all(|e| e["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["ledger_account_id"] == cash.as_str())));
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?source=opening&limit=50"))
        .await;
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["source"], "opening");
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?source=manual&limit=50"))
        .await;
    assert_eq!(f.len(), 25);
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?reference=REF-1&limit=2"))
        .await;
    assert_eq!(f.len(), ref1);
    assert!(f.iter().all(|e| e["reference"] == "REF-1"));
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?from=2026-01-10&to=2026-01-13&limit=2"),
        )
        .await;
    let dates: BTreeSet<&str> = f.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        BTreeSet::from(["2026-01-10", "2026-01-11", "2026-01-12", "2026-01-13"])
    );
    assert_eq!(f.len(), 5);
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?from=2026-01-01&reference=REF-0&ledger_account_id={cash}&limit=1"),
        )
        .await;
    assert_eq!(f.len(), 2, "i % 15 == 0: {f:?}");
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?to=2025-12-31&limit=50"))
        .await;
    assert_eq!(f.len(), 1);

    // A cursor belongs to its filters.
    let page = b.get(&format!("{ENTRIES}?limit=2&reference=REF-1")).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let a = app
        .get(&format!(
            "{ENTRIES}?limit=2&reference=REF-2&cursor={cursor}"
        ))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor");
}
both_backends!(
    list_entries,
    super::entries_filter_and_page_without_duplicates
);
