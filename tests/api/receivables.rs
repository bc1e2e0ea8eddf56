//! Receivables and payables over HTTP: the document lifecycle and every refusal, exact totals
//! and tax rounding, gapless numbering under concurrency, payments and their allocations,
//! credit notes and refunds, foreign-currency settlement, the aging tied to the control
//! accounts on a realistic book, the tax summary, the statement of account, idempotent
//! replays, roles and tenant isolation.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::{assert_trial_balance_balances, d, date, dv, tb_net, Chart};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem, field_code};
use crate::support::{Answer, TestApp};

// ---------------------------------------------------------------------------------------------
// Helpers

fn line(price: &str, tax: Option<&str>) -> Value {
    let mut l = json!({"description": "Work", "quantity": "1", "unit_price": price});
    if let Some(t) = tax {
        l["tax_rate_id"] = json!(t);
    }
    l
}

fn qline(quantity: &str, price: &str, tax: Option<&str>) -> Value {
    let mut l = line(price, tax);
    l["quantity"] = json!(quantity);
    l
}

/// One organization's books for receivables and payables: its chart by code and role, a
/// customer, a vendor, a bank account and a 10% rate.
struct Rp<'a> {
    app: &'a TestApp,
    token: String,
    chart: Chart,
    customer: String,
    vendor: String,
    bank: String,
    vat10: String,
    /// The default tax rates by name.
    rates: BTreeMap<String, String>,
}

impl<'a> Rp<'a> {
    async fn open(app: &'a TestApp, org: &str) -> Rp<'a> {
        let token = app.signup(org).await.token;
        let rates = app.fetch(&token, "/api/v1/tax-rates?limit=200").await;
        let rp = Rp {
            app,
            chart: Chart::load(app, &token).await,
            rates: rates["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["name"].as_str().unwrap().to_owned(), id_of(r)))
                .collect(),
            customer: app
                .client_account(&token, party("Soylent Corp", true, false, "USD"))
                .await,
            vendor: app
                .client_account(&token, party("Acme Supplies", false, true, "USD"))
                .await,
            bank: app.bank_account(&token, "Operating", "USD").await,
            vat10: app.tax_rate(&token, "VAT 10", "0.10", true).await,
            token,
        };
        rp
    }

    #[track_caller]
    fn code(&self, code: &str) -> String {
        self.chart.id(code)
    }

    #[track_caller]
    fn role(&self, role: &str) -> String {
        self.chart.role(role)
    }

    fn ar(&self) -> String {
        self.role("accounts_receivable")
    }

    fn ap(&self) -> String {
        self.role("accounts_payable")
    }

    async fn get(&self, path: &str) -> Value {
        self.app.fetch(&self.token, path).await
    }

    async fn post(&self, path: &str, body: &Value) -> Answer {
        self.app
            .post(path)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    async fn patch(&self, path: &str, body: &Value) -> Answer {
        self.app
            .patch(path)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    /// A client account that is a customer, a vendor or both; returns its id.
    async fn account(&self, name: &str, customer: bool, vendor: bool, currency: &str) -> String {
        self.app
            .client_account(&self.token, party(name, customer, vendor, currency))
            .await
    }

    async fn bank_account(&self, name: &str, currency: &str) -> String {
        self.app.bank_account(&self.token, name, currency).await
    }

    async fn tax_rate(&self, name: &str, rate: &str, recoverable: bool) -> String {
        self.app
            .tax_rate(&self.token, name, rate, recoverable)
            .await
    }

    /// A draft of `kind` (`invoices`, `bills`, ...), insisting on 201.
    async fn draft(&self, kind: &str, body: Value) -> Value {
        self.app
            .create(&self.token, &format!("/api/v1/{kind}"), body)
            .await
    }

    /// Posts a draft (`issue`, or `approve` for bills), insisting on 200.
    async fn issue(&self, kind: &str, id: &str) -> Value {
        self.app.issue(&self.token, kind, id).await
    }

    async fn action(&self, kind: &str, id: &str, verb: &str) -> Answer {
        self.app
            .post(&format!("/api/v1/{kind}/{id}/{verb}"))
            .token(&self.token)
            .send()
            .await
    }

    /// An issued invoice to `account` in USD without tax.
    async fn invoice(&self, account: &str, issue: &str, due: &str, amount: &str) -> Value {
        self.app
            .issued(
                &self.token,
                "invoices",
                json!({"account_id": account, "issue_date": issue, "due_date": due,
                       "lines": [line(amount, None)]}),
            )
            .await
    }

    /// An approved bill from `account` in USD without tax.
    async fn bill(
        &self,
        account: &str,
        reference: &str,
        issue: &str,
        due: &str,
        amount: &str,
    ) -> Value {
        self.app
            .issued(
                &self.token,
                "bills",
                json!({"account_id": account, "reference": reference, "issue_date": issue,
                       "due_date": due, "lines": [line(amount, None)]}),
            )
            .await
    }

    async fn pay(&self, body: Value) -> Answer {
        self.post("/api/v1/payments", &body).await
    }

    /// A payment received from `account` through the USD bank, insisting on 201.
    async fn received(&self, account: &str, date: &str, amount: &str, allocations: Value) -> Value {
        let a = self
            .pay(
                json!({"direction": "received", "account_id": account, "bank_account_id": self.bank,
                        "date": date, "amount": amount, "allocations": allocations}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    async fn sent(&self, account: &str, date: &str, amount: &str, allocations: Value) -> Value {
        let a = self
            .pay(
                json!({"direction": "sent", "account_id": account, "bank_account_id": self.bank,
                        "date": date, "amount": amount, "allocations": allocations}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    async fn doc(&self, kind: &str, id: &str) -> Value {
        self.get(&format!("/api/v1/{kind}/{id}")).await
    }

    /// A ledger account's balance as of a date, in its normal direction.
    async fn bal(&self, ledger_id: &str, as_of: &str) -> Decimal {
        self.app.balance_as_of(&self.token, ledger_id, as_of).await
    }

    async fn aging(&self, which: &str, as_of: &str) -> Value {
        self.get(&format!("/api/v1/reports/{which}-aging?as_of={as_of}"))
            .await
    }

    /// The aging's total equals the control account's balance as of `as_of`, its rows add up
    /// to its totals, and each row's buckets to its total; returns the total.
    async fn assert_aging_ties(&self, which: &str, as_of: &str) -> Decimal {
        let ag = self.aging(which, as_of).await;
        let control = if which == "ar" { self.ar() } else { self.ap() };
        assert_eq!(ag["ledger_account_id"], json!(control), "{ag}");
        let keys = [
            "current",
            "days_1_30",
            "days_31_60",
            "days_61_90",
            "days_over_90",
        ];
        let mut sums = [Decimal::ZERO; 5];
        for r in ag["accounts"].as_array().unwrap() {
            let mut row = Decimal::ZERO;
            for (i, k) in keys.iter().enumerate() {
                sums[i] += dv(&r[k]);
                row += dv(&r[k]);
            }
            assert_eq!(row, dv(&r["total"]), "row buckets vs its total: {r}");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(sums[i], dv(&ag["totals"][k]), "{which} {as_of} {k}: {ag}");
        }
        let total = dv(&ag["totals"]["total"]);
        assert_eq!(total, sums.iter().copied().sum::<Decimal>(), "{ag}");
        let balance = self.bal(&control, as_of).await;
        assert_eq!(
            total, balance,
            "{which} aging as of {as_of} does not tie to the control account: {ag}"
        );
        total
    }

    async fn trial_balance(&self, as_of: &str) -> Value {
        let tb = self
            .get(&format!("/api/v1/reports/trial-balance?as_of={as_of}"))
            .await;
        assert_trial_balance_balances(&tb);
        tb
    }

    async fn set_lock_date(&self, lock: Value) {
        let a = self
            .app
            .put("/api/v1/ledger/lock-date")
            .token(&self.token)
            .json(&json!({ "lock_date": lock }))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    }

    async fn lock(&self, lock: &str) {
        self.set_lock_date(json!(lock)).await;
    }

    async fn unlock(&self) {
        self.set_lock_date(Value::Null).await;
    }
}

/// A client account's body: an active standard-tier customer and/or vendor.
fn party(name: &str, customer: bool, vendor: bool, currency: &str) -> Value {
    json!({"name": name, "is_customer": customer, "is_vendor": vendor,
           "status": "active", "tier": "standard", "currency": currency})
}

/// The row of an aging for one account, or zeros.
fn aging_row(ag: &Value, account: &str) -> Option<Value> {
    ag["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["account_id"] == account)
        .cloned()
}

// ---------------------------------------------------------------------------------------------
// 1. Lifecycle

async fn invoice_lifecycle_and_every_refusal(app: TestApp) {
    let rp = Rp::open(&app, "Lifecycle Ltd").await;
    let ar = rp.ar();
    let sales = rp.code("4000");

    // A draft has no number and posts nothing; PATCH changes it and reprices it.
    let draft = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-03-01", "due_date": "2026-03-31",
                   "lines": [line("100.00", Some(&rp.vat10))]}),
        )
        .await;
    let inv = id_of(&draft);
    assert_eq!(draft["status"], "draft");
    assert!(draft["number"].is_null(), "{draft}");
    assert!(draft["journal_entry_id"].is_null());
    assert_eq!(dv(&draft["total"]), d("110.00"));
    assert_eq!(rp.bal(&ar, "2026-12-31").await, Decimal::ZERO);
    let a = rp
        .patch(
            &format!("/api/v1/invoices/{inv}"),
            &json!({"lines": [qline("2", "100.00", Some(&rp.vat10))], "memo": "Two days"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(dv(&a.body["subtotal"]), d("200.00"));
    assert_eq!(dv(&a.body["tax_total"]), d("20.00"));
    assert_eq!(dv(&a.body["total"]), d("220.00"));
    assert_eq!(a.body["memo"], "Two days");
    // A stale If-Match is refused.
    let a = app
        .patch(&format!("/api/v1/invoices/{inv}"))
        .token(&rp.token)
        .header("If-Match", "\"stale\"")
        .json(&json!({"memo": "x"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::PRECONDITION_FAILED, "{}", a.text);

    // Due before issue: refused on create and on PATCH.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-10", "due_date": "2026-03-09",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "due_before_issue", "due_date");
    let a = rp
        .patch(
            &format!("/api/v1/invoices/{inv}"),
            &json!({"due_date": "2026-02-01"}),
        )
        .await;
    assert_field_refused(&a, "due_before_issue", "due_date");

    // Customers only on invoices, vendors only on bills; an unknown account is named.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.vendor, "issue_date": "2026-03-10", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_a_customer", "account_id");
    let a = rp
        .post(
            "/api/v1/bills",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-10", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_a_vendor", "account_id");
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": uuid::Uuid::now_v7(), "issue_date": "2026-03-10", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_found", "account_id");
    // Missing fields, a bad line and an expense account on an invoice are all listed.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"lines": [{"quantity": "0", "unit_price": "1.00"},
                              {"unit_price": "1.00", "ledger_account_id": rp.code("6100")}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let fields = a.error_fields();
    for f in ["account_id", "issue_date"] {
        assert!(fields.contains(&f.to_owned()), "{f} not named: {}", a.text);
    }
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-10",
                    "lines": [{"quantity": "0", "unit_price": "1.00"},
                              {"unit_price": "1.00", "ledger_account_id": rp.code("6100")},
                              {"unit_price": "1.00", "tax_rate_id": uuid::Uuid::now_v7()}]}),
        )
        .await;
    assert_field_refused(&a, "must_be_positive", "lines[0].quantity");
    assert_eq!(
        field_code(&a, "lines[1].ledger_account_id").as_deref(),
        Some("ledger_account_type"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[2].tax_rate_id").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    // A bad decimal and an unknown field are 422 too, never 500.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-10",
                    "lines": [{"unit_price": 1.5}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-10", "colour": "red",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    // Delete a draft: 204, then 404.
    let gone = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-03-02", "lines": [line("5.00", None)]}),
        )
        .await;
    let gone = id_of(&gone);
    let a = app
        .delete(&format!("/api/v1/invoices/{gone}"))
        .token(&rp.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    let a = app
        .get(&format!("/api/v1/invoices/{gone}"))
        .token(&rp.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");

    // Issue: a number, the posting, status open; the default due date is 30 days on.
    let issued = rp.issue("invoices", &inv).await;
    assert_eq!(issued["status"], "open");
    assert_eq!(issued["number"], "INV-0001");
    assert!(issued["journal_entry_id"].is_string());
    assert!(issued["issued_at"].is_string());
    assert_eq!(rp.bal(&ar, "2026-03-01").await, d("220.00"));
    assert_eq!(rp.bal(&ar, "2026-02-28").await, Decimal::ZERO);
    assert_eq!(rp.bal(&sales, "2026-03-01").await, d("200.00"));
    assert_eq!(
        rp.bal(&rp.role("sales_tax"), "2026-03-01").await,
        d("20.00")
    );
    let entry = rp
        .get(&format!(
            "/api/v1/ledger/journal-entries/{}",
            issued["journal_entry_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(entry["date"], "2026-03-01");
    assert_eq!(entry["source"], "invoice");

    // Issue twice, edit, delete after issue: refused, nothing changes.
    let a = rp.action("invoices", &inv, "issue").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");
    let a = rp
        .patch(&format!("/api/v1/invoices/{inv}"), &json!({"memo": "late"}))
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");
    let a = app
        .delete(&format!("/api/v1/invoices/{inv}"))
        .token(&rp.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");
    assert_eq!(rp.bal(&ar, "2026-12-31").await, d("220.00"));
    let org = rp.get("/api/v1/organization").await;
    assert_eq!(org["next_invoice_number"], 2, "{org}");

    // Void a draft: void, no number, no entry.
    let d2 = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-03-05", "lines": [line("7.00", None)]}),
        )
        .await;
    assert_eq!(dv(&d2["total"]), d("7.00"));
    assert_eq!(d2["due_date"], "2026-04-04", "default terms: 30 days");
    let a = rp.action("invoices", &id_of(&d2), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");
    assert!(a.body["number"].is_null());
    assert!(a.body["void_entry_id"].is_null());
    let a = rp.action("invoices", &id_of(&d2), "issue").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");

    // Void with a payment: refused; void the payment, then the invoice voids on its date.
    let p = rp
        .received(
            &rp.customer,
            "2026-03-10",
            "50.00",
            json!([{"invoice_id": inv, "amount": "50.00"}]),
        )
        .await;
    assert_eq!(rp.doc("invoices", &inv).await["status"], "partially_paid");
    let a = rp.action("invoices", &inv, "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );
    let a = rp.action("payments", &id_of(&p), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");
    assert!(a.body["void_entry_id"].is_string());
    let a = rp.action("payments", &id_of(&p), "void").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "payment_void");
    let a = rp
        .post(
            &format!("/api/v1/payments/{}/allocations", id_of(&p)),
            &json!({"allocations": [{"invoice_id": inv, "amount": "1.00"}]}),
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "payment_void");
    let back = rp.doc("invoices", &inv).await;
    assert_eq!(back["status"], "open");
    assert_eq!(dv(&back["amount_due"]), d("220.00"));
    assert_eq!(dv(&back["amount_paid"]), d("0.00"));
    // Payments have no DELETE.
    let a = app
        .delete(&format!("/api/v1/payments/{}", id_of(&p)))
        .token(&rp.token)
        .send()
        .await;
    assert!(
        a.status == StatusCode::METHOD_NOT_ALLOWED || a.status == StatusCode::NOT_FOUND,
        "{}",
        a.text
    );

    // Void in a locked period: period_locked; unlocked, it reverses on the issue date.
    rp.lock("2026-03-31").await;
    let a = rp.action("invoices", &inv, "void").await;
    assert_field_refused(&a, "period_locked", "issue_date");
    assert_eq!(rp.doc("invoices", &inv).await["status"], "open");
    // Issuing a draft dated in the locked period is refused too, and takes no number.
    let locked = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-03-20", "lines": [line("9.00", None)]}),
        )
        .await;
    let a = rp.action("invoices", &id_of(&locked), "issue").await;
    assert_field_refused(&a, "period_locked", "issue_date");
    // So is a payment dated in it.
    let a = rp
        .pay(
            json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-03-15", "amount": "1.00"}),
        )
        .await;
    assert_field_refused(&a, "period_locked", "date");
    rp.unlock().await;
    let a = rp.action("invoices", &inv, "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");
    assert_eq!(
        a.body["number"], "INV-0001",
        "a void invoice keeps its number"
    );
    let reversal = rp
        .get(&format!(
            "/api/v1/ledger/journal-entries/{}",
            a.body["void_entry_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(reversal["date"], "2026-03-01");
    for day in ["2026-03-01", "2026-03-10", "2026-12-31"] {
        assert_eq!(rp.bal(&ar, day).await, Decimal::ZERO, "{day}");
    }
    assert_eq!(rp.bal(&sales, "2026-12-31").await, Decimal::ZERO);
    let a = rp.action("invoices", &inv, "void").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_void");
    // The refused issue took no number: the next one is INV-0002.
    let next = rp.issue("invoices", &id_of(&locked)).await;
    assert_eq!(next["number"], "INV-0002");
    rp.assert_aging_ties("ar", "2026-03-31").await;
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    invoice_lifecycle,
    super::invoice_lifecycle_and_every_refusal
);

async fn bills_approve_and_keep_supplier_references_unique_per_vendor(app: TestApp) {
    let rp = Rp::open(&app, "Bills Ltd").await;
    let other_vendor = rp.account("Globex", false, true, "USD").await;
    let ap = rp.ap();
    let expense = rp.code("5000");
    let recoverable = rp.role("tax_recoverable");

    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "ACME-7781", "issue_date": "2026-05-05",
                   "due_date": "2026-06-04", "lines": [qline("10", "12.50", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(bill["status"], "draft");
    assert_eq!(dv(&bill["total"]), d("137.50"));
    // A bill is approved, not issued; it keeps the supplier's reference and takes no number.
    let a = rp.action("bills", &id_of(&bill), "issue").await;
    assert!(a.status.is_client_error(), "{}", a.text);
    let approved = rp.issue("bills", &id_of(&bill)).await;
    assert_eq!(approved["status"], "open");
    assert_eq!(approved["reference"], "ACME-7781");
    assert!(approved["number"].is_null(), "{approved}");
    assert_eq!(rp.bal(&ap, "2026-05-05").await, d("137.50"));
    assert_eq!(rp.bal(&expense, "2026-05-05").await, d("125.00"));
    assert_eq!(rp.bal(&recoverable, "2026-05-05").await, d("12.50"));
    let a = rp.action("bills", &id_of(&bill), "approve").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");

    // The same reference from the same vendor: refused (create and PATCH), naming the field.
    let a = rp
        .post(
            "/api/v1/bills",
            &json!({"account_id": rp.vendor, "reference": "ACME-7781", "issue_date": "2026-05-06",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert!(
        a.status == StatusCode::CONFLICT || a.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        a.text
    );
    assert!(a.is_problem());
    assert_eq!(a.code(), "duplicate_reference", "{}", a.text);
    assert_eq!(
        field_code(&a, "reference").as_deref(),
        Some("duplicate_reference")
    );
    let other = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "ACME-7782", "issue_date": "2026-05-06",
                   "lines": [line("1.00", None)]}),
        )
        .await;
    let a = rp
        .patch(
            &format!("/api/v1/bills/{}", id_of(&other)),
            &json!({"reference": "ACME-7781"}),
        )
        .await;
    assert_eq!(a.code(), "duplicate_reference", "{}", a.text);
    // Another vendor may use it.
    rp.bill(
        &other_vendor,
        "ACME-7781",
        "2026-05-06",
        "2026-05-20",
        "40.00",
    )
    .await;
    // Bills are listed by reference.
    let found = rp.get("/api/v1/bills?reference=ACME-7781").await;
    assert_eq!(found["data"].as_array().unwrap().len(), 2, "{found}");

    // Paying the bill clears payables; AP aging is empty for that vendor.
    rp.sent(
        &rp.vendor,
        "2026-05-30",
        "137.50",
        json!([{"bill_id": id_of(&bill), "amount": "137.50"}]),
    )
    .await;
    assert_eq!(rp.doc("bills", &id_of(&bill)).await["status"], "paid");
    assert_eq!(rp.bal(&ap, "2026-05-30").await, d("40.00"));
    let ag = rp.aging("ap", "2026-05-30").await;
    assert!(aging_row(&ag, &rp.vendor).is_none(), "{ag}");
    assert_eq!(
        dv(&aging_row(&ag, &other_vendor).unwrap()["days_1_30"]),
        d("40.00"),
        "{ag}"
    );
    rp.assert_aging_ties("ap", "2026-05-30").await;
    // A voided paid bill: refused.
    let a = rp.action("bills", &id_of(&bill), "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    bills,
    super::bills_approve_and_keep_supplier_references_unique_per_vendor
);

// ---------------------------------------------------------------------------------------------
// 2. Totals and rounding

async fn totals_round_per_line_half_up_or_half_even(app: TestApp) {
    let rp = Rp::open(&app, "Rounding Ltd").await;
    let sales = rp.code("4000");
    let sales_tax = rp.role("sales_tax");

    // Half-up by default: 0.25 × 10% = 0.025 → 0.03.
    let org = rp.get("/api/v1/organization").await;
    assert_eq!(org["rounding_mode"], "half_up", "{org}");
    let tiny = |price: &str| {
        json!({"account_id": rp.customer, "issue_date": "2026-04-01",
               "lines": [line(price, Some(&rp.vat10))]})
    };
    let up = rp.draft("invoices", tiny("0.25")).await;
    assert_eq!(up["lines"][0]["tax_amount"], "0.03", "{up}");
    assert_eq!(up["tax_total"], "0.03");
    assert_eq!(up["total"], "0.28");
    let up35 = rp.draft("invoices", tiny("0.35")).await;
    assert_eq!(up35["tax_total"], "0.04");

    // Per line, then summed: three lines of 0.25 at 10% are 3 × 0.03 = 0.09, not 0.08.
    let three = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [line("0.25", Some(&rp.vat10)), line("0.25", Some(&rp.vat10)), line("0.25", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(three["subtotal"], "0.75");
    assert_eq!(three["tax_total"], "0.09");
    assert_eq!(three["total"], "0.84");

    // The line amount itself rounds: 3 × 333.335 = 1000.005 → 1000.01; 0.5 × 0.05 = 0.025 → 0.03.
    let amounts = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [qline("3", "333.335", None), qline("0.5", "0.05", None)]}),
        )
        .await;
    assert_eq!(amounts["lines"][0]["amount"], "1000.01", "{amounts}");
    assert_eq!(amounts["lines"][1]["amount"], "0.03");
    assert_eq!(amounts["total"], "1000.04");

    // Inclusive: 10.00 gross at 20% holds 1.67 tax (1.666…), 8.33 net; 120.00 → 20.00 / 100.00.
    let standard = rp.rates["Standard rate"].clone();
    let inclusive = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01", "amounts_are": "inclusive",
                   "lines": [line("10.00", Some(&standard)), line("120.00", Some(&standard))]}),
        )
        .await;
    assert_eq!(inclusive["amounts_are"], "inclusive");
    assert_eq!(inclusive["lines"][0]["amount"], "8.33", "{inclusive}");
    assert_eq!(inclusive["lines"][0]["tax_amount"], "1.67");
    assert_eq!(inclusive["lines"][1]["amount"], "100.00");
    assert_eq!(inclusive["lines"][1]["tax_amount"], "20.00");
    assert_eq!(inclusive["subtotal"], "108.33");
    assert_eq!(inclusive["tax_total"], "21.67");
    assert_eq!(
        inclusive["total"], "130.00",
        "inclusive totals are the gross entered"
    );
    // Switching the draft to exclusive reprices it.
    let a = rp
        .patch(
            &format!("/api/v1/invoices/{}", id_of(&inclusive)),
            &json!({"amounts_are": "exclusive"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["subtotal"], "130.00");
    assert_eq!(a.body["tax_total"], "26.00");
    assert_eq!(a.body["total"], "156.00");
    // Inclusive at the half: 0.22 gross at 10% → 0.02 tax (0.02), net 0.20.
    let half = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01", "amounts_are": "inclusive",
                   "lines": [line("0.22", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(half["tax_total"], "0.02");
    assert_eq!(half["subtotal"], "0.20");

    // Issued, the posting is the rounded lines exactly.
    rp.issue("invoices", &id_of(&up)).await;
    rp.issue("invoices", &id_of(&three)).await;
    assert_eq!(rp.bal(&sales, "2026-04-01").await, d("1.00"));
    assert_eq!(rp.bal(&sales_tax, "2026-04-01").await, d("0.12"));
    assert_eq!(rp.bal(&rp.ar(), "2026-04-01").await, d("1.12"));

    // Half-even is an organization setting: 0.025 → 0.02, 0.035 → 0.04.
    let a = rp
        .patch(
            "/api/v1/organization",
            &json!({"rounding_mode": "half_even"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["rounding_mode"], "half_even");
    let even = rp.draft("invoices", tiny("0.25")).await;
    assert_eq!(even["tax_total"], "0.02", "{even}");
    assert_eq!(even["total"], "0.27");
    let even35 = rp.draft("invoices", tiny("0.35")).await;
    assert_eq!(even35["tax_total"], "0.04");
    let amounts = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [qline("0.5", "0.05", None), qline("3", "333.335", None)]}),
        )
        .await;
    assert_eq!(amounts["lines"][0]["amount"], "0.02", "{amounts}");
    assert_eq!(amounts["lines"][1]["amount"], "1000.00");
    // An issued invoice keeps what it was issued with.
    let kept = rp.doc("invoices", &id_of(&up)).await;
    assert_eq!(kept["tax_total"], "0.03");
    // A bad mode is refused.
    let a = rp
        .patch("/api/v1/organization", &json!({"rounding_mode": "bankers"}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    // Purchases: recoverable tax goes to tax_recoverable; non-recoverable tax is part of the
    // expense (per line, at the line's own account).
    let non_recoverable = rp.tax_rate("Irrecoverable 20", "0.20", false).await;
    let rent = rp.code("6100");
    let recoverable = rp.role("tax_recoverable");
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "R-1", "issue_date": "2026-04-02",
                   "lines": [
                       {"description": "Rent", "unit_price": "100.00", "tax_rate_id": non_recoverable, "ledger_account_id": rent},
                       {"description": "Paper", "unit_price": "50.00", "tax_rate_id": rp.vat10}
                   ]}),
        )
        .await;
    assert_eq!(bill["subtotal"], "150.00");
    assert_eq!(bill["tax_total"], "25.00");
    assert_eq!(bill["total"], "175.00");
    rp.issue("bills", &id_of(&bill)).await;
    assert_eq!(rp.bal(&rent, "2026-04-02").await, d("120.00"));
    assert_eq!(rp.bal(&rp.code("5000"), "2026-04-02").await, d("50.00"));
    assert_eq!(rp.bal(&recoverable, "2026-04-02").await, d("5.00"));
    assert_eq!(rp.bal(&rp.ap(), "2026-04-02").await, d("175.00"));

    // A zero total is refused; a huge one is a 422, not a 500.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01", "lines": [line("0.001", None)]}),
        )
        .await;
    assert_field_refused(&a, "total_not_positive", "lines");
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                    "lines": [qline("999999999999999", "999999999999999", None)]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                    "lines": [qline("99999999999999", "99999999999999", None)]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let many: Vec<Value> = (0..150)
        .map(|_| qline("9999999", "99999999", None))
        .collect();
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01", "lines": many}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    rp.trial_balance("2026-12-31").await;
}
both_backends!(rounding, super::totals_round_per_line_half_up_or_half_even);

// ---------------------------------------------------------------------------------------------
// 3. Gapless numbering

async fn concurrent_issues_take_consecutive_numbers(app: TestApp) {
    let app = Arc::new(app);
    let rp = Rp::open(&app, "Numbers Ltd").await;
    let a = rp
        .patch(
            "/api/v1/organization",
            &json!({"invoice_prefix": "A/2026-"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp
        .patch(
            "/api/v1/organization",
            &json!({"invoice_prefix": "has space"}),
        )
        .await;
    assert_field_refused(&a, "invalid_prefix", "invoice_prefix");

    let mut drafts = Vec::new();
    for i in 0..20 {
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": rp.customer, "issue_date": "2026-06-01",
                       "lines": [line(&format!("{}.00", 10 + i), None)]}),
            )
            .await;
        drafts.push(id_of(&doc));
    }
    // Each draft issued by two racing requests: one wins, the other is refused.
    let mut tasks = Vec::new();
    for id in drafts.iter().chain(drafts.iter().take(5)) {
        let (app, token, id) = (app.clone(), rp.token.clone(), id.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let a = app
                .post(&format!("/api/v1/invoices/{id}/issue"))
                .token(&token)
                .send()
                .await;
            (id, a)
        }));
    }
    let mut numbers = BTreeMap::new();
    let mut refused = 0;
    for t in tasks {
        let (id, a) = t.await.unwrap();
        match a.status {
            StatusCode::OK => {
                assert_eq!(a.body["status"], "open");
                let n = a.body["number"].as_str().unwrap().to_owned();
                assert!(numbers.insert(n, id).is_none(), "a number given twice");
            }
            StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => {
                assert_eq!(a.code(), "document_not_draft", "{}", a.text);
                refused += 1;
            }
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert_eq!(refused, 5);
    let expected: BTreeSet<String> = (1..=20).map(|n| format!("A/2026-{n:04}")).collect();
    let got: BTreeSet<String> = numbers.keys().cloned().collect();
    assert_eq!(got, expected, "numbers must be exactly 1..20");
    let ids: BTreeSet<&String> = numbers.values().collect();
    assert_eq!(ids.len(), 20, "every draft issued once");
    let org = rp.get("/api/v1/organization").await;
    assert_eq!(org["next_invoice_number"], 21);
    // Every invoice posted once: 20 × 10.00 + (0 + … + 19) = 390.00.
    assert_eq!(rp.bal(&rp.ar(), "2026-06-30").await, d("390.00"));
    let entries = rp
        .get("/api/v1/ledger/journal-entries?source=invoice&limit=200")
        .await;
    assert_eq!(entries["data"].as_array().unwrap().len(), 20);

    // Credit notes have their own sequence and prefix.
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "issue_date": "2026-06-02", "lines": [line("1.00", None)]}),
        )
        .await;
    let cn = rp.issue("credit-notes", &id_of(&cn)).await;
    assert_eq!(cn["number"], "CN-0001");
    // A refused issue (a vendor no longer a customer) takes no number.
    let next = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-06-03", "lines": [line("1.00", None)]}),
        )
        .await;
    let a = rp
        .patch(
            &format!("/api/v1/accounts/{}", rp.customer),
            &json!({"is_customer": false}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp.action("invoices", &id_of(&next), "issue").await;
    assert_field_refused(&a, "not_a_customer", "account_id");
    rp.patch(
        &format!("/api/v1/accounts/{}", rp.customer),
        &json!({"is_customer": true}),
    )
    .await;
    let issued = rp.issue("invoices", &id_of(&next)).await;
    assert_eq!(issued["number"], "A/2026-0021");
}
both_backends!(
    gapless_numbering,
    super::concurrent_issues_take_consecutive_numbers
);

// ---------------------------------------------------------------------------------------------
// 4. Payments and allocations

async fn payments_allocate_partially_across_documents_with_their_own_dates(app: TestApp) {
    let rp = Rp::open(&app, "Allocations Ltd").await;
    let ar = rp.ar();
    let other = rp.account("Initech", true, false, "USD").await;
    let bank_ledger = id_of(&rp.get(&format!("/api/v1/bank-accounts/{}", rp.bank)).await).clone();
    let bank_view = rp
        .get(&format!("/api/v1/bank-accounts/{bank_ledger}"))
        .await;
    let bank_gl = bank_view["ledger_account_id"].as_str().unwrap().to_owned();
    assert_eq!(
        rp.get(&format!("/api/v1/ledger/accounts/{bank_gl}")).await["system_role"],
        "bank"
    );

    let i1 = rp
        .invoice(&rp.customer, "2026-01-10", "2026-02-09", "300.00")
        .await;
    let i2 = rp
        .invoice(&rp.customer, "2026-01-20", "2026-02-19", "200.00")
        .await;
    let i3 = rp
        .invoice(&rp.customer, "2026-02-15", "2026-03-17", "100.00")
        .await;
    let foreign = rp
        .invoice(&other, "2026-01-05", "2026-02-04", "50.00")
        .await;
    let (i1, i2, i3) = (id_of(&i1), id_of(&i2), id_of(&i3));

    // One payment settles two invoices in part, each allocation dated on its own; the rest
    // stays unallocated.
    let p = rp
        .received(
            &rp.customer,
            "2026-02-01",
            "450.00",
            json!([{"invoice_id": i1, "amount": "300.00", "date": "2026-02-01"},
                   {"invoice_id": i2, "amount": "100.00", "date": "2026-02-05"}]),
        )
        .await;
    let pid = id_of(&p);
    assert_eq!(p["allocated_amount"], "400.00");
    assert_eq!(p["unallocated_amount"], "50.00");
    assert_eq!(p["status"], "posted");
    assert_eq!(p["ledger"], "receivable");
    let dates: Vec<&str> = p["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-02-01", "2026-02-05"]);
    let doc1 = rp.doc("invoices", &i1).await;
    assert_eq!(doc1["status"], "paid");
    assert_eq!(doc1["amount_due"], "0.00");
    assert_eq!(doc1["amount_paid"], "300.00");
    let doc2 = rp.doc("invoices", &i2).await;
    assert_eq!(doc2["status"], "partially_paid");
    assert_eq!(doc2["amount_due"], "100.00");
    assert_eq!(doc2["allocations"][0]["payment_id"], json!(pid));
    assert_eq!(rp.bal(&bank_gl, "2026-02-01").await, d("450.00"));
    assert_eq!(
        rp.bal(&ar, "2026-02-01").await,
        d("100.00"),
        "550 + 0 owed, less 450"
    );

    // The allocation dated 02-05 does not count as of 02-03: i2 still owes 200 then, and the
    // unallocated 150 of the payment shows negative.
    let ag = rp.aging("ar", "2026-02-03").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["current"]), d("200.00"), "{ag}");
    assert_eq!(
        dv(&row["days_1_30"]),
        d("-150.00"),
        "the unallocated payment: {ag}"
    );
    assert_eq!(dv(&row["total"]), d("50.00"));
    rp.assert_aging_ties("ar", "2026-02-03").await;
    rp.assert_aging_ties("ar", "2026-02-05").await;
    let ag = rp.aging("ar", "2026-02-10").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("-50.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("100.00"), "{ag}");

    // Refusals, each with its own code and field.
    let pay = |amount: &str, allocations: Value| {
        json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
               "date": "2026-02-20", "amount": amount, "allocations": allocations})
    };
    let a = rp
        .pay(pay("10.00", json!([{"invoice_id": i3, "amount": "20.00"}])))
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let a = rp
        .pay(pay(
            "500.00",
            json!([{"invoice_id": i3, "amount": "100.01"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let a = rp
        .pay(pay(
            "500.00",
            json!([{"invoice_id": i2, "amount": "60.00"}, {"invoice_id": i2, "amount": "60.00"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[1].amount");
    let a = rp
        .pay(pay("500.00", json!([{"invoice_id": i1, "amount": "1.00"}])))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": id_of(&foreign), "amount": "50.00"}]),
        ))
        .await;
    assert_field_refused(
        &a,
        "allocation_account_mismatch",
        "allocations[0].invoice_id",
    );
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": i3, "amount": "50.00", "date": "2026-02-14"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": i3, "amount": "50.00", "date": "2026-02-19"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .pay(pay("50.00", json!([{"invoice_id": i3, "amount": "0"}])))
        .await;
    assert_field_refused(&a, "must_be_positive", "allocations[0].amount");
    let a = rp.pay(pay("50.00", json!([{"amount": "5.00"}]))).await;
    assert_field_refused(
        &a,
        "allocation_target_required",
        "allocations[0].invoice_id",
    );
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": uuid::Uuid::now_v7(), "amount": "5.00"}]),
        ))
        .await;
    assert_field_refused(&a, "not_found", "allocations[0].invoice_id");
    let a = rp.pay(pay("50.001", json!([]))).await;
    assert_field_refused(&a, "too_many_decimals", "amount");
    let a = rp.pay(pay("-5.00", json!([]))).await;
    assert_field_refused(&a, "must_be_positive", "amount");
    // A sent payment does not settle an invoice; a bill does not mix with invoices.
    let bill = rp
        .bill(&rp.vendor, "B-1", "2026-01-10", "2026-02-09", "80.00")
        .await;
    let a = rp
        .pay(json!({"direction": "sent", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-02-20", "amount": "10.00", "allocations": [{"invoice_id": i3, "amount": "10.00"}]}))
        .await;
    assert_field_refused(&a, "allocation_direction", "allocations[0].invoice_id");
    let a = rp
        .pay(pay(
            "10.00",
            json!([{"bill_id": id_of(&bill), "amount": "10.00"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_direction", "allocations[0].bill_id");
    // A EUR payment into the USD bank account: currency_mismatch; an EUR invoice cannot be
    // settled by a USD payment.
    let a = rp
        .pay(json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-02-20", "amount": "10.00", "currency": "EUR", "exchange_rate": "1.1"}))
        .await;
    assert_field_refused(&a, "currency_mismatch", "currency");
    let eur_invoice = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-02-10", "currency": "EUR",
                   "exchange_rate": "1.10", "lines": [line("40.00", None)]}),
        )
        .await;
    rp.issue("invoices", &id_of(&eur_invoice)).await;
    let a = rp
        .pay(pay(
            "40.00",
            json!([{"invoice_id": id_of(&eur_invoice), "amount": "40.00"}]),
        ))
        .await;
    assert_field_refused(
        &a,
        "allocation_currency_mismatch",
        "allocations[0].invoice_id",
    );
    // Missing fields are all named.
    let a = rp.pay(json!({})).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    for f in [
        "direction",
        "account_id",
        "bank_account_id",
        "date",
        "amount",
    ] {
        assert!(a.error_fields().contains(&f.to_owned()), "{f}: {}", a.text);
    }
    // Nothing of the refused payments was posted.
    assert_eq!(rp.bal(&bank_gl, "2026-12-31").await, d("450.00"));

    // The 50.00 left is allocated later, dated on its own.
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "60.00"}]}),
        )
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "50.00", "date": "2026-02-10"}]}),
        )
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "50.00", "date": "2026-02-28"}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["unallocated_amount"], "0.00");
    assert_eq!(a.body["allocations"].as_array().unwrap().len(), 3);
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i2, "amount": "0.01"}]}),
        )
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let doc3 = rp.doc("invoices", &i3).await;
    assert_eq!(doc3["status"], "partially_paid");
    assert_eq!(doc3["amount_due"], "50.00");
    // As of 02-27 the late allocation does not count yet; on 02-28 it does.
    // (i2's 100 due 02-19 less the payment's 50 from 02-01 in 1-30; i3 and the EUR invoice,
    // 100 + 44, current.)
    let ag = rp.aging("ar", "2026-02-27").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("50.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("144.00"), "{ag}");
    let ag = rp.aging("ar", "2026-02-28").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("100.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("94.00"), "{ag}");
    for day in [
        "2026-01-31",
        "2026-02-01",
        "2026-02-27",
        "2026-02-28",
        "2026-03-31",
    ] {
        rp.assert_aging_ties("ar", day).await;
    }

    // Voiding the payment undoes all three allocations; the invoices owe again.
    let a = rp.action("payments", &pid, "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|al| al["voided"] == true));
    for (id, due, status) in [
        (&i1, "300.00", "open"),
        (&i2, "200.00", "open"),
        (&i3, "100.00", "open"),
    ] {
        let doc = rp.doc("invoices", id).await;
        assert_eq!(doc["amount_due"], due, "{doc}");
        assert_eq!(doc["status"], status);
    }
    assert_eq!(rp.bal(&bank_gl, "2026-12-31").await, Decimal::ZERO);
    for day in ["2026-02-01", "2026-02-28", "2026-12-31"] {
        rp.assert_aging_ties("ar", day).await;
    }
    // Lists filter payments by status.
    let void = rp.get("/api/v1/payments?status=void").await;
    assert_eq!(void["data"].as_array().unwrap().len(), 1);
    let a = app
        .get("/api/v1/payments?status=bogus")
        .token(&rp.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    // A payment with no allocations at all sits on the control account as a credit.
    let lone = rp.received(&other, "2026-03-01", "75.00", json!([])).await;
    assert_eq!(lone["unallocated_amount"], "75.00");
    let ag = rp.aging("ar", "2026-03-01").await;
    let row = aging_row(&ag, &other).unwrap();
    assert_eq!(dv(&row["total"]), d("-25.00"), "50 owed less 75 paid: {ag}");
    rp.assert_aging_ties("ar", "2026-03-01").await;
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    allocations,
    super::payments_allocate_partially_across_documents_with_their_own_dates
);

// ---------------------------------------------------------------------------------------------
// 5. Credit notes and refunds

async fn credit_notes_settle_invoices_and_the_rest_is_refunded(app: TestApp) {
    let rp = Rp::open(&app, "Credits Ltd").await;
    let ar = rp.ar();
    let sales = rp.code("4000");
    let sales_tax = rp.role("sales_tax");
    let other = rp.account("Initech", true, false, "USD").await;

    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-07-01", "due_date": "2026-07-31",
                   "lines": [line("200.00", Some(&rp.vat10))]}),
        )
        .await;
    let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
    assert_eq!(rp.bal(&ar, "2026-07-01").await, d("220.00"));

    // Against another customer's invoice, a draft invoice, or a bill: refused.
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": other, "invoice_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "account_mismatch", "invoice_id");
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": rp.customer, "bill_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_applicable", "bill_id");
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_applicable", "invoice_id");

    // A partial credit: Dr income and sales tax / Cr receivables, allocated to the invoice.
    let cn1 = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-05",
                   "lines": [line("50.00", Some(&rp.vat10))]}),
        )
        .await;
    assert!(cn1["due_date"].is_null(), "credits have no due date: {cn1}");
    assert_eq!(cn1["invoice_id"], json!(inv));
    let cn1 = rp.issue("credit-notes", &id_of(&cn1)).await;
    assert_eq!(cn1["number"], "CN-0001");
    assert_eq!(cn1["total"], "55.00");
    assert_eq!(
        cn1["amount_due"], "0.00",
        "all of it used on the invoice: {cn1}"
    );
    assert_eq!(cn1["status"], "paid");
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "partially_paid");
    assert_eq!(doc["amount_credited"], "55.00");
    assert_eq!(doc["amount_paid"], "0.00");
    assert_eq!(doc["amount_due"], "165.00");
    assert_eq!(rp.bal(&ar, "2026-07-05").await, d("165.00"));
    assert_eq!(rp.bal(&sales, "2026-07-05").await, d("150.00"));
    assert_eq!(rp.bal(&sales_tax, "2026-07-05").await, d("15.00"));

    // The customer pays 100; a second credit of 99 exceeds the 65 still due: 65 settles the
    // invoice, 34 stays as the customer's credit (negative in the aging).
    rp.received(
        &rp.customer,
        "2026-07-10",
        "100.00",
        json!([{"invoice_id": inv, "amount": "100.00"}]),
    )
    .await;
    let cn2 = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-15",
                   "lines": [line("99.00", None)]}),
        )
        .await;
    let cn2 = rp.issue("credit-notes", &id_of(&cn2)).await;
    assert_eq!(cn2["number"], "CN-0002");
    assert_eq!(cn2["amount_due"], "34.00", "{cn2}");
    assert_eq!(cn2["status"], "partially_paid");
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "paid");
    assert_eq!(doc["amount_due"], "0.00");
    assert_eq!(doc["amount_credited"], "120.00");
    assert_eq!(doc["amount_paid"], "100.00");
    assert_eq!(rp.bal(&ar, "2026-07-15").await, d("-34.00"));
    let ag = rp.aging("ar", "2026-07-15").await;
    assert_eq!(
        dv(&aging_row(&ag, &rp.customer).unwrap()["total"]),
        d("-34.00"),
        "{ag}"
    );
    rp.assert_aging_ties("ar", "2026-07-15").await;
    // The invoice cannot be voided now; it has payments and credits.
    let a = rp.action("invoices", &inv, "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );

    // A credit note against a paid invoice: refused? No — an issued one is fine, it stays a
    // credit entirely. A credit against a draft is refused.
    let draft = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-07-16", "lines": [line("10.00", None)]}),
        )
        .await;
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": rp.customer, "invoice_id": id_of(&draft), "issue_date": "2026-07-16", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "document_not_open", "invoice_id");

    // Refund: a payment sent to the customer, allocated to the credit note.
    let a = rp
        .pay(
            json!({"direction": "sent", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-07-20", "amount": "40.00",
                    "allocations": [{"credit_note_id": id_of(&cn2), "amount": "40.00"}]}),
        )
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let refund = rp
        .sent(
            &rp.customer,
            "2026-07-20",
            "34.00",
            json!([{"credit_note_id": id_of(&cn2), "amount": "34.00"}]),
        )
        .await;
    assert_eq!(refund["ledger"], "receivable");
    assert_eq!(
        refund["allocations"][0]["credit_note_id"],
        json!(id_of(&cn2))
    );
    let cn2v = rp.doc("credit-notes", &id_of(&cn2)).await;
    assert_eq!(cn2v["amount_due"], "0.00");
    assert_eq!(cn2v["status"], "paid");
    assert_eq!(cn2v["amount_paid"], "34.00");
    assert_eq!(rp.bal(&ar, "2026-07-20").await, Decimal::ZERO);
    let ag = rp.aging("ar", "2026-07-20").await;
    assert!(aging_row(&ag, &rp.customer).is_none(), "{ag}");
    rp.assert_aging_ties("ar", "2026-07-20").await;

    // A credit without an invoice stays credit, used later by... voiding it: allowed while
    // nothing is used.
    let loose = rp
        .draft(
            "credit-notes",
            json!({"account_id": other, "issue_date": "2026-07-21", "lines": [line("15.00", None)]}),
        )
        .await;
    let loose = rp.issue("credit-notes", &id_of(&loose)).await;
    assert_eq!(loose["number"], "CN-0003");
    assert_eq!(loose["amount_due"], "15.00");
    assert_eq!(loose["status"], "open");
    let a = rp.action("credit-notes", &id_of(&loose), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");

    // Voiding a refunded credit note is refused; voiding the refund first, then the credit
    // note (its use on the invoice is undone and the invoice owes again).
    let a = rp.action("credit-notes", &id_of(&cn2), "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );
    assert_eq!(
        rp.doc("invoices", &inv).await["status"],
        "paid",
        "a refused void changes nothing"
    );
    let a = rp.action("payments", &id_of(&refund), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp.action("credit-notes", &id_of(&cn2), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["amount_due"], "65.00");
    assert_eq!(doc["status"], "partially_paid");
    assert_eq!(rp.bal(&ar, "2026-12-31").await, d("65.00"));
    for day in ["2026-07-05", "2026-07-15", "2026-07-20", "2026-12-31"] {
        rp.assert_aging_ties("ar", day).await;
    }

    // Vendor credits: against a bill, Dr payables / Cr expense, own sequence; a vendor refund
    // is a payment received allocated to it.
    let bill = rp
        .bill(&rp.vendor, "V-9", "2026-07-01", "2026-07-31", "100.00")
        .await;
    let vc = rp
        .draft(
            "vendor-credits",
            json!({"account_id": rp.vendor, "bill_id": id_of(&bill), "issue_date": "2026-07-03",
                   "lines": [line("130.00", None)]}),
        )
        .await;
    let vc = rp.issue("vendor-credits", &id_of(&vc)).await;
    assert_eq!(vc["number"], "VC-0001");
    assert_eq!(vc["amount_due"], "30.00");
    assert_eq!(rp.doc("bills", &id_of(&bill)).await["status"], "paid");
    assert_eq!(rp.bal(&rp.ap(), "2026-07-03").await, d("-30.00"));
    rp.received(
        &rp.vendor,
        "2026-07-08",
        "30.00",
        json!([{"vendor_credit_id": id_of(&vc), "amount": "30.00"}]),
    )
    .await;
    assert_eq!(rp.bal(&rp.ap(), "2026-07-08").await, Decimal::ZERO);
    for day in ["2026-07-01", "2026-07-03", "2026-07-08"] {
        rp.assert_aging_ties("ap", day).await;
    }
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    credit_notes,
    super::credit_notes_settle_invoices_and_the_rest_is_refunded
);

// ---------------------------------------------------------------------------------------------
// 6. Foreign currency

async fn foreign_documents_settle_with_a_realised_difference(app: TestApp) {
    let rp = Rp::open(&app, "Fx Settle Inc").await;
    let (ar, ap, fx) = (rp.ar(), rp.ap(), rp.role("fx_gain_loss"));
    let euro_customer = rp.account("Bundesbahn", true, false, "EUR").await;
    let euro_vendor = rp.account("Siemens", false, true, "EUR").await;
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    let eur_bank_gl = rp.get(&format!("/api/v1/bank-accounts/{eur_bank}")).await
        ["ledger_account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (day, rate) in [("2026-03-01", "1.10"), ("2026-04-01", "1.20")] {
        let a = rp
            .post(
                "/api/v1/exchange-rates",
                &json!({"currency": "EUR", "date": day, "rate": rate}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }

    // Without a rate before the first one recorded: exchange_rate_required.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": euro_customer, "issue_date": "2026-02-01", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "exchange_rate_required", "exchange_rate");
    // A rate on a base-currency document: refused.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-01", "exchange_rate": "1.5",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "exchange_rate_not_applicable", "exchange_rate");

    // EUR 1,000 + 10% at the rate of the issue date (1.10): USD 1,210 receivable.
    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-03-05", "due_date": "2026-04-04",
                   "lines": [line("1000.00", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(inv["currency"], "EUR", "the account's currency by default");
    assert_eq!(dv(&inv["exchange_rate"]), d("1.1"));
    assert_eq!(inv["total"], "1100.00");
    assert_eq!(inv["base_currency"], "USD");
    assert_eq!(inv["base_subtotal"], "1100.00");
    assert_eq!(inv["base_total"], "1210.00");
    let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
    assert_eq!(rp.bal(&ar, "2026-03-05").await, d("1210.00"));
    assert_eq!(
        rp.bal(&rp.role("sales_tax"), "2026-03-05").await,
        d("110.00")
    );
    rp.assert_aging_ties("ar", "2026-03-05").await;

    // Paid from the EUR account on 04-10 at 1.20: USD 1,320 in; the 110 gain goes to
    // fx_gain_loss and receivables are back to zero.
    let a = rp
        .pay(
            json!({"direction": "received", "account_id": euro_customer, "bank_account_id": rp.bank,
                    "date": "2026-04-10", "amount": "1100.00", "currency": "EUR",
                    "allocations": [{"invoice_id": inv, "amount": "1100.00"}]}),
        )
        .await;
    assert_field_refused(&a, "currency_mismatch", "currency");
    let p = rp
        .pay(json!({"direction": "received", "account_id": euro_customer, "bank_account_id": eur_bank,
                    "date": "2026-04-10", "amount": "1100.00",
                    "allocations": [{"invoice_id": inv, "amount": "1100.00"}]}))
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    assert_eq!(p.body["currency"], "EUR");
    assert_eq!(dv(&p.body["exchange_rate"]), d("1.2"));
    assert_eq!(p.body["base_amount"], "1320.00");
    assert!(
        p.body["allocations"][0]["fx_entry_id"].is_string(),
        "{}",
        p.text
    );
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "paid");
    assert_eq!(doc["base_amount_due"], "0.00");
    assert_eq!(rp.bal(&ar, "2026-04-10").await, Decimal::ZERO);
    let tb = rp.trial_balance("2026-04-10").await;
    assert_eq!(tb_net(&tb, &fx), d("-110.00"), "a gain is a credit: {tb}");
    let bank = rp
        .get(&format!(
            "/api/v1/ledger/accounts/{eur_bank_gl}/balance?as_of=2026-04-10"
        ))
        .await;
    assert_eq!(dv(&bank["balance"]), d("1100.00"), "{bank}");
    assert_eq!(dv(&bank["base_balance"]), d("1320.00"), "{bank}");
    rp.assert_aging_ties("ar", "2026-04-09").await;
    rp.assert_aging_ties("ar", "2026-04-10").await;

    // A given rate (1.30) and two part payments at 1.25: a loss in two steps, the last one
    // taking exactly what is left so nothing stays on receivables.
    let inv2 = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-04-15", "exchange_rate": "1.30",
                   "lines": [line("333.33", None)]}),
        )
        .await;
    assert_eq!(inv2["base_total"], "433.33", "333.33 × 1.30 = 433.329");
    let inv2 = id_of(&rp.issue("invoices", &id_of(&inv2)).await);
    for (day, amount) in [("2026-04-20", "111.11"), ("2026-05-20", "222.22")] {
        let a = rp
            .pay(json!({"direction": "received", "account_id": euro_customer, "bank_account_id": eur_bank,
                        "date": day, "amount": amount, "exchange_rate": "1.25",
                        "allocations": [{"invoice_id": inv2, "amount": amount}]}))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        rp.assert_aging_ties("ar", day).await;
    }
    assert_eq!(rp.bal(&ar, "2026-05-20").await, Decimal::ZERO);
    // Payments worth 138.89 + 277.78 = 416.67 settled 433.33: a loss of 16.66.
    let tb = rp.trial_balance("2026-05-20").await;
    assert_eq!(tb_net(&tb, &fx), d("-110.00") + d("16.66"), "{tb}");

    // Payables: a EUR 500 bill at 1.10 paid at 1.20 costs 50 more — a loss; payables zero.
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": euro_vendor, "reference": "S-1", "issue_date": "2026-03-10",
                   "exchange_rate": "1.10", "lines": [line("500.00", None)]}),
        )
        .await;
    let bill = id_of(&rp.issue("bills", &id_of(&bill)).await);
    assert_eq!(rp.bal(&ap, "2026-03-10").await, d("550.00"));
    let p = rp
        .pay(
            json!({"direction": "sent", "account_id": euro_vendor, "bank_account_id": eur_bank,
                    "date": "2026-05-25", "amount": "500.00",
                    "allocations": [{"bill_id": bill, "amount": "500.00"}]}),
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    assert_eq!(p.body["base_amount"], "600.00");
    assert_eq!(rp.bal(&ap, "2026-05-25").await, Decimal::ZERO);
    let tb = rp.trial_balance("2026-05-25").await;
    assert_eq!(
        tb_net(&tb, &fx),
        d("-110.00") + d("16.66") + d("50.00"),
        "{tb}"
    );
    for day in ["2026-03-10", "2026-05-24", "2026-05-25"] {
        rp.assert_aging_ties("ap", day).await;
    }

    // A credit note in EUR at another rate settles the invoice it credits with a difference too.
    let inv3 = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-06-01", "exchange_rate": "1.20",
                   "lines": [line("100.00", None)]}),
        )
        .await;
    let inv3 = id_of(&rp.issue("invoices", &id_of(&inv3)).await);
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": euro_customer, "invoice_id": inv3, "issue_date": "2026-06-05",
                   "exchange_rate": "1.25", "lines": [line("100.00", None)]}),
        )
        .await;
    assert_eq!(cn["currency"], "EUR");
    let cn = rp.issue("credit-notes", &id_of(&cn)).await;
    assert_eq!(cn["amount_due"], "0.00");
    assert_eq!(rp.doc("invoices", &inv3).await["status"], "paid");
    assert_eq!(rp.bal(&ar, "2026-06-05").await, Decimal::ZERO);
    rp.assert_aging_ties("ar", "2026-06-01").await;
    rp.assert_aging_ties("ar", "2026-06-05").await;
    // Voiding the credit note reverses its difference too.
    let a = rp.action("credit-notes", &id_of(&cn), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(rp.bal(&ar, "2026-06-05").await, d("120.00"));
    rp.assert_aging_ties("ar", "2026-06-05").await;
    let tb = rp.trial_balance("2026-12-31").await;
    assert_eq!(
        tb_net(&tb, &fx),
        d("-110.00") + d("16.66") + d("50.00"),
        "{tb}"
    );
}
both_backends!(
    fx_settlement,
    super::foreign_documents_settle_with_a_realised_difference
);

// ---------------------------------------------------------------------------------------------
// 7. The aging ties to the control accounts on a realistic book

/// A small deterministic generator (no dependency on a random crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

async fn aging_ties_to_the_control_accounts_on_a_realistic_book(app: TestApp) {
    let rp = Rp::open(&app, "Realistic Ltd").await;
    let (ar, ap) = (rp.ar(), rp.ap());
    let mut rng = Lcg(42);
    let start = date("2026-01-05");
    let a = rp
        .post(
            "/api/v1/exchange-rates",
            &json!({"currency": "EUR", "date": "2026-01-01", "rate": "1.08"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    let mut customers = vec![rp.customer.clone()];
    for name in ["Initech", "Umbrella", "Hooli"] {
        customers.push(rp.account(name, true, false, "USD").await);
    }
    let euro = rp.account("Bundesbahn", true, false, "EUR").await;
    let mut vendors = vec![rp.vendor.clone()];
    for name in ["Globex", "Stark Industries"] {
        vendors.push(rp.account(name, false, true, "USD").await);
    }
    let standard = rp.rates["Standard rate"].clone();
    let taxes = [None, Some(rp.vat10.clone()), Some(standard)];

    // 36 invoices and 15 bills over nine months, due in 0 to 60 days.
    let mut invoices: Vec<(String, String, NaiveDate, Decimal)> = Vec::new(); // id, account, date, total
    for i in 0..36 {
        let day = start + Duration::days((i * 7 + rng.next(5) as i64) % 260);
        let customer = customers[rng.next(customers.len() as u64) as usize].clone();
        let due = day + Duration::days([0, 14, 30, 45, 60][rng.next(5) as usize]);
        let lines: Vec<Value> = (0..1 + rng.next(3))
            .map(|_| {
                let price = format!("{}.{:02}", 20 + rng.next(900), rng.next(100));
                let qty = (1 + rng.next(4)).to_string();
                let mut l = qline(&qty, &price, taxes[rng.next(3) as usize].as_deref());
                l["description"] = json!("Services");
                l
            })
            .collect();
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": customer, "issue_date": day.to_string(),
                       "due_date": due.to_string(), "lines": lines}),
            )
            .await;
        let doc = rp.issue("invoices", &id_of(&doc)).await;
        invoices.push((id_of(&doc), customer, day, dv(&doc["total"])));
    }
    let mut bills: Vec<(String, String, NaiveDate, Decimal)> = Vec::new();
    for i in 0..15 {
        let day = start + Duration::days((i * 17 + rng.next(5) as i64) % 260);
        let vendor = vendors[rng.next(vendors.len() as u64) as usize].clone();
        let due = day + Duration::days([10, 30, 45][rng.next(3) as usize]);
        let price = format!("{}.{:02}", 50 + rng.next(2000), rng.next(100));
        let doc = rp
            .draft(
                "bills",
                json!({"account_id": vendor, "reference": format!("SUP-{i}"), "issue_date": day.to_string(),
                       "due_date": due.to_string(),
                       "lines": [line(&price, taxes[rng.next(3) as usize].as_deref())]}),
            )
            .await;
        let doc = rp.issue("bills", &id_of(&doc)).await;
        bills.push((id_of(&doc), vendor, day, dv(&doc["total"])));
    }
    // Three EUR invoices at the recorded rate, paid at others.
    let mut euro_invoices = Vec::new();
    for (i, day) in ["2026-02-03", "2026-04-14", "2026-07-01"]
        .iter()
        .enumerate()
    {
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": euro, "issue_date": day,
                       "lines": [line(&format!("{}.45", 700 + i * 130), Some(&rp.vat10))]}),
            )
            .await;
        let doc = rp.issue("invoices", &id_of(&doc)).await;
        euro_invoices.push((id_of(&doc), date(day), dv(&doc["total"])));
    }

    // Payments: most invoices paid, some in full, some in two parts, some left open; some
    // payments overpay and stay partly unallocated; one payment is voided.
    let mut voided = None;
    for (n, (id, customer, day, total)) in invoices.iter().enumerate() {
        match rng.next(5) {
            0 => {} // left open
            1 => {
                let half = (*total / Decimal::TWO).round_dp(2);
                for (k, amount) in [half, *total - half].iter().enumerate() {
                    let pay_day = *day + Duration::days(10 + 25 * k as i64);
                    rp.received(
                        customer,
                        &pay_day.to_string(),
                        &amount.to_string(),
                        json!([{"invoice_id": id, "amount": amount.to_string()}]),
                    )
                    .await;
                }
            }
            2 => {
                // Overpaid by 25.00: the rest is a credit until allocated (or not).
                let pay_day = *day + Duration::days(20);
                let p = rp
                    .received(
                        customer,
                        &pay_day.to_string(),
                        &(*total + d("25.00")).to_string(),
                        json!([{"invoice_id": id, "amount": total.to_string()}]),
                    )
                    .await;
                if voided.is_none() && n > 5 {
                    voided = Some(id_of(&p));
                }
            }
            _ => {
                let pay_day = *day + Duration::days(5 + rng.next(60) as i64);
                rp.received(
                    customer,
                    &pay_day.to_string(),
                    &total.to_string(),
                    json!([{"invoice_id": id, "amount": total.to_string(), "date": (pay_day + Duration::days(1)).to_string()}]),
                )
                .await;
            }
        }
    }
    let voided = voided.expect("one overpayment to void");
    let a = rp.action("payments", &voided, "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // Credit notes against a few invoices (partial and over the amount due).
    for (id, customer, day, total) in invoices.iter().step_by(7) {
        let amount = (*total / d("3")).round_dp(2);
        let cn = rp
            .draft(
                "credit-notes",
                json!({"account_id": customer, "invoice_id": id,
                       "issue_date": (*day + Duration::days(12)).to_string(),
                       "lines": [line(&amount.to_string(), None)]}),
            )
            .await;
        rp.issue("credit-notes", &id_of(&cn)).await;
    }
    // Bills: most paid, one payment sent in advance and allocated later.
    for (id, vendor, day, total) in bills.iter() {
        if rng.next(3) > 0 {
            let pay_day = *day + Duration::days(rng.next(50) as i64);
            rp.sent(
                vendor,
                &pay_day.to_string(),
                &total.to_string(),
                json!([{"bill_id": id, "amount": total.to_string()}]),
            )
            .await;
        }
    }
    let advance = rp
        .sent(&vendors[1], "2026-03-03", "100.00", json!([]))
        .await;
    let vendor_bill = rp
        .bill(&vendors[1], "ADV-1", "2026-04-01", "2026-04-30", "250.00")
        .await;
    let a = rp
        .post(
            &format!("/api/v1/payments/{}/allocations", id_of(&advance)),
            &json!({"allocations": [{"bill_id": id_of(&vendor_bill), "amount": "100.00", "date": "2026-04-15"}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // EUR invoices paid at other rates, one of them in part.
    for (k, (id, day, total)) in euro_invoices.iter().enumerate() {
        let amount = if k == 1 {
            (*total / Decimal::TWO).round_dp(2)
        } else {
            *total
        };
        let rate = ["1.1123", "1.0411", "1.15"][k];
        let a = rp
            .pay(json!({"direction": "received", "account_id": euro, "bank_account_id": eur_bank,
                        "date": (*day + Duration::days(33)).to_string(), "amount": amount.to_string(),
                        "exchange_rate": rate,
                        "allocations": [{"invoice_id": id, "amount": amount.to_string()}]}))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }

    // The aging ties to the control accounts on the first of every month, mid-month, on
    // boundaries of the buckets, and at the end.
    let mut day = date("2026-01-01");
    let mut checked = 0;
    while day <= date("2027-03-31") {
        rp.assert_aging_ties("ar", &day.to_string()).await;
        rp.assert_aging_ties("ap", &day.to_string()).await;
        day += Duration::days(15);
        checked += 1;
    }
    assert!(checked > 25);
    // Every bucket is used at some date and the EUR customer's row is in base currency.
    let ag = rp.aging("ar", "2026-12-31").await;
    assert_eq!(ag["currency"], "USD");
    let totals = &ag["totals"];
    assert!(dv(&totals["days_over_90"]) != Decimal::ZERO, "{ag}");
    let ag_mid = rp.aging("ar", "2026-06-30").await;
    let any_nonzero = ["current", "days_1_30", "days_31_60", "days_61_90"]
        .iter()
        .filter(|k| dv(&ag_mid["totals"][**k]) != Decimal::ZERO)
        .count();
    assert!(any_nonzero >= 2, "{ag_mid}");
    assert!(aging_row(&ag, &euro).is_some(), "{ag}");
    // The payments list shows exactly one void payment.
    let void = rp.get("/api/v1/payments?status=void&limit=200").await;
    assert_eq!(void["data"].as_array().unwrap().len(), 1);
    // The per-account rows tie to each customer's own balance on the control account
    // (activity filtered by account would be the ledger's job; here: the sum of rows).
    let tb = rp.trial_balance("2026-12-31").await;
    assert_eq!(
        tb_net(&tb, &ar),
        dv(&ag["totals"]["total"]),
        "trial balance vs aging: {tb}"
    );
    let ap_ag = rp.aging("ap", "2026-12-31").await;
    assert_eq!(-tb_net(&tb, &ap), dv(&ap_ag["totals"]["total"]));
    rp.trial_balance("2027-03-31").await;
    rp.trial_balance("2026-06-30").await;
}
both_backends!(
    realistic_aging,
    super::aging_ties_to_the_control_accounts_on_a_realistic_book
);

// ---------------------------------------------------------------------------------------------
// 8. Tax summary and the statement of account

async fn tax_summary_and_statement_of_account(app: TestApp) {
    let rp = Rp::open(&app, "Reports Ltd").await;
    let standard = rp.rates["Standard rate"].clone();
    let exempt = rp.rates["Exempt"].clone();
    let irrecoverable = rp.tax_rate("Irrecoverable 20", "0.20", false).await;

    // September: invoices 200 @10% and 50 @20% and 30 exempt; a credit note 40 @10%; bills
    // 125 @10% and 100 @ irrecoverable 20%; a vendor credit 25 @10%. October: one more
    // invoice that is outside the range; a voided invoice does not count.
    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-09-01", "due_date": "2026-09-30",
                   "lines": [qline("2", "100.00", Some(&rp.vat10)), line("50.00", Some(&standard)), line("30.00", Some(&exempt))]}),
        )
        .await;
    let inv = rp.issue("invoices", &id_of(&inv)).await;
    assert_eq!(inv["total"], "310.00");
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": id_of(&inv), "issue_date": "2026-09-10",
                   "lines": [line("40.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("credit-notes", &id_of(&cn)).await;
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "T-1", "issue_date": "2026-09-05",
                   "lines": [qline("10", "12.50", Some(&rp.vat10)), line("100.00", Some(&irrecoverable))]}),
        )
        .await;
    let bill = rp.issue("bills", &id_of(&bill)).await;
    let vc = rp
        .draft(
            "vendor-credits",
            json!({"account_id": rp.vendor, "bill_id": id_of(&bill), "issue_date": "2026-09-06",
                   "lines": [line("25.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("vendor-credits", &id_of(&vc)).await;
    let later = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-10-01", "lines": [line("1000.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("invoices", &id_of(&later)).await;
    let voided = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-09-20", "lines": [line("500.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("invoices", &id_of(&voided)).await;
    let a = rp.action("invoices", &id_of(&voided), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    let sm = rp
        .get("/api/v1/reports/tax-summary?from=2026-09-01&to=2026-09-30")
        .await;
    assert_eq!(sm["currency"], "USD");
    let row = |id: &str| {
        sm["rates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["tax_rate_id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no row for {id}: {sm}"))
    };
    let vat = row(&rp.vat10);
    assert_eq!(vat["sales_net"], "160.00", "{sm}");
    assert_eq!(vat["tax_collected"], "16.00");
    assert_eq!(vat["purchases_net"], "100.00");
    assert_eq!(vat["tax_paid"], "10.00");
    assert_eq!(vat["tax_recoverable"], "10.00");
    let std = row(&standard);
    assert_eq!(std["sales_net"], "50.00");
    assert_eq!(std["tax_collected"], "10.00");
    let ex = row(&exempt);
    assert_eq!(ex["sales_net"], "30.00");
    assert_eq!(ex["tax_collected"], "0.00");
    let irr = row(&irrecoverable);
    assert_eq!(irr["purchases_net"], "100.00");
    assert_eq!(irr["tax_paid"], "20.00");
    assert_eq!(irr["tax_recoverable"], "0.00");
    assert_eq!(sm["totals"]["tax_collected"], "26.00");
    assert_eq!(sm["totals"]["tax_paid"], "30.00");
    assert_eq!(sm["totals"]["tax_recoverable"], "10.00");
    assert_eq!(sm["totals"]["net_tax"], "16.00");
    // The ledger agrees: sales tax 26.00 and recoverable tax 10.00 as of September's end.
    assert_eq!(
        rp.bal(&rp.role("sales_tax"), "2026-09-30").await,
        d("26.00")
    );
    assert_eq!(
        rp.bal(&rp.role("tax_recoverable"), "2026-09-30").await,
        d("10.00")
    );
    // Range refusals.
    let a = app
        .get("/api/v1/reports/tax-summary?from=2026-09-30&to=2026-09-01")
        .token(&rp.token)
        .send()
        .await;
    assert_field_refused(&a, "date_order", "to");
    let a = app
        .get("/api/v1/reports/tax-summary?from=2026-09-01")
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    let a = app
        .get("/api/v1/reports/ar-aging?as_of=2026-02-30")
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);

    // Statement: invoice 310 (09-01), credit 44 (09-10), payment 100 (09-15), invoice
    // 1,100 (10-01); the void invoice is not on it.
    rp.received(
        &rp.customer,
        "2026-09-15",
        "100.00",
        json!([{"invoice_id": id_of(&inv), "amount": "100.00"}]),
    )
    .await;
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-01&to=2026-10-31",
            rp.customer
        ))
        .await;
    assert_eq!(st["ledger"], "receivable");
    assert_eq!(st["currency"], "USD");
    assert_eq!(st["opening_balance"], "0.00");
    let lines: Vec<(String, String, String)> = st["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_owned(),
                l["amount"].as_str().unwrap().to_owned(),
                l["balance"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("invoice", "310.00", "310.00"),
        ("credit_note", "-44.00", "266.00"),
        ("payment", "-100.00", "166.00"),
        ("invoice", "1100.00", "1266.00"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(lines, expected, "{st}");
    assert_eq!(st["closing_balance"], "1266.00");
    assert_eq!(st["lines"][0]["number"], "INV-0001");
    // From a later date the earlier lines fold into the opening balance.
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-12&to=2026-09-30",
            rp.customer
        ))
        .await;
    assert_eq!(st["opening_balance"], "266.00", "{st}");
    assert_eq!(st["lines"].as_array().unwrap().len(), 1);
    assert_eq!(st["closing_balance"], "166.00");
    // The closing balance is what the aging says the customer owes.
    let ag = rp.aging("ar", "2026-10-31").await;
    assert_eq!(
        dv(&aging_row(&ag, &rp.customer).unwrap()["total"]),
        d("1266.00")
    );
    // A vendor's statement is the payables side.
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-01&to=2026-09-30",
            rp.vendor
        ))
        .await;
    assert_eq!(st["ledger"], "payable");
    assert_eq!(st["closing_balance"], "230.00", "{st}");
    // Unknown account: 404; bad range: 422.
    let a = app
        .get(&format!(
            "/api/v1/accounts/{}/statement",
            uuid::Uuid::now_v7()
        ))
        .token(&rp.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let a = app
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-10-01&to=2026-09-01",
            rp.customer
        ))
        .token(&rp.token)
        .send()
        .await;
    assert_field_refused(&a, "date_order", "to");
}
both_backends!(
    tax_summary_and_statement,
    super::tax_summary_and_statement_of_account
);

// ---------------------------------------------------------------------------------------------
// 9. Idempotency, roles and tenants

async fn issue_and_payments_replay_with_an_idempotency_key(app: TestApp) {
    let rp = Rp::open(&app, "Replay Ltd").await;
    let doc = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-02-01", "lines": [line("80.00", None)]}),
        )
        .await;
    let id = id_of(&doc);
    let issue = || {
        app.post(&format!("/api/v1/invoices/{id}/issue"))
            .token(&rp.token)
            .header("Idempotency-Key", "issue-once")
    };
    let first = issue().send().await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let again = issue().send().await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body["number"], first.body["number"]);
    assert_eq!(
        again.body["journal_entry_id"],
        first.body["journal_entry_id"]
    );
    // Without the key, a second issue is refused; with an empty JSON body it is the same
    // request as far as the key goes? No: a different body is a different request.
    let a = rp.action("invoices", &id, "issue").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");
    let a = issue().json(&json!({"x": 1})).send().await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(
        rp.get("/api/v1/organization").await["next_invoice_number"],
        2
    );

    // POST /payments replays: one payment, one allocation.
    let body = json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                      "date": "2026-02-10", "amount": "30.00", "allocations": [{"invoice_id": id, "amount": "30.00"}]});
    let pay = || {
        app.post("/api/v1/payments")
            .token(&rp.token)
            .header("Idempotency-Key", "pay-once")
    };
    let first = pay().json(&body).send().await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = pay().json(&body).send().await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body["id"], first.body["id"]);
    assert_eq!(again.header("location"), first.header("location"));
    let mut other = body.clone();
    other["amount"] = json!("31.00");
    let a = pay().json(&other).send().await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );
    let payments = rp.get("/api/v1/payments").await;
    assert_eq!(payments["data"].as_array().unwrap().len(), 1);
    let inv = rp.doc("invoices", &id).await;
    assert_eq!(inv["amount_due"], "50.00");
    assert_eq!(rp.bal(&rp.ar(), "2026-12-31").await, d("50.00"));
    // Void replays too.
    let void = || {
        app.post(&format!("/api/v1/payments/{}/void", id_of(&first.body)))
            .token(&rp.token)
            .header("Idempotency-Key", "void-once")
    };
    let a = void().send().await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let b = void().send().await;
    assert_eq!(b.status, StatusCode::OK, "{}", b.text);
    assert_eq!(b.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(rp.bal(&rp.ar(), "2026-12-31").await, d("80.00"));
}
both_backends!(
    idempotent_replay,
    super::issue_and_payments_replay_with_an_idempotency_key
);

async fn readers_cannot_write_and_other_organizations_see_nothing(app: TestApp) {
    let rp = Rp::open(&app, "Roles Ltd").await;
    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-02-01", "lines": [line("80.00", None)]}),
        )
        .await;
    let draft = id_of(&inv);
    let issued = rp
        .invoice(&rp.customer, "2026-02-01", "2026-03-01", "50.00")
        .await;
    let issued = id_of(&issued);
    let bill = rp
        .bill(&rp.vendor, "X-1", "2026-02-01", "2026-03-01", "20.00")
        .await;
    let p = rp
        .received(
            &rp.customer,
            "2026-02-05",
            "60.00",
            json!([{"invoice_id": issued, "amount": "10.00"}]),
        )
        .await;
    let pid = id_of(&p);
    let viewer = app.colleague(&rp.token, "viewer").await.token;
    let manager = app.colleague(&rp.token, "account_manager").await.token;
    let accountant = app.colleague(&rp.token, "accountant").await.token;
    let new_invoice = json!({"account_id": rp.customer, "issue_date": "2026-02-01", "lines": [line("1.00", None)]});
    let new_payment = json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                             "date": "2026-02-05", "amount": "1.00"});
    for token in [&viewer, &manager] {
        let writes: Vec<(reqwest::Method, String, Option<Value>)> = vec![
            (
                reqwest::Method::POST,
                "/api/v1/invoices".into(),
                Some(new_invoice.clone()),
            ),
            (
                reqwest::Method::PATCH,
                format!("/api/v1/invoices/{draft}"),
                Some(json!({"memo": "x"})),
            ),
            (
                reqwest::Method::DELETE,
                format!("/api/v1/invoices/{draft}"),
                None,
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/invoices/{draft}/issue"),
                None,
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/invoices/{issued}/void"),
                None,
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/bills/{}/void", id_of(&bill)),
                None,
            ),
            (
                reqwest::Method::POST,
                "/api/v1/payments".into(),
                Some(new_payment.clone()),
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/payments/{pid}/allocations"),
                Some(json!({"allocations": [{"invoice_id": issued, "amount": "1.00"}]})),
            ),
            (
                reqwest::Method::POST,
                format!("/api/v1/payments/{pid}/void"),
                None,
            ),
            (
                reqwest::Method::POST,
                "/api/v1/tax-rates".into(),
                Some(json!({"name": "T", "rate": "0.1"})),
            ),
            (
                reqwest::Method::PATCH,
                format!("/api/v1/tax-rates/{}", rp.vat10),
                Some(json!({"name": "T"})),
            ),
            (
                reqwest::Method::DELETE,
                format!("/api/v1/tax-rates/{}", rp.vat10),
                None,
            ),
            (
                reqwest::Method::POST,
                "/api/v1/bank-accounts".into(),
                Some(json!({"name": "B"})),
            ),
            (
                reqwest::Method::PATCH,
                format!("/api/v1/bank-accounts/{}", rp.bank),
                Some(json!({"name": "B"})),
            ),
            (
                reqwest::Method::DELETE,
                format!("/api/v1/bank-accounts/{}", rp.bank),
                None,
            ),
            (
                reqwest::Method::PATCH,
                "/api/v1/organization".into(),
                Some(json!({"rounding_mode": "half_even"})),
            ),
        ];
        for (method, path, body) in writes {
            let mut req = app.req(method.clone(), &path).token(token);
            if let Some(b) = &body {
                req = req.json(b);
            }
            let a = req.send().await;
            assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
            let _ = (method, path);
        }
        // Reading is allowed.
        for path in [
            format!("/api/v1/invoices/{issued}"),
            "/api/v1/invoices".to_owned(),
            format!("/api/v1/payments/{pid}"),
            "/api/v1/reports/ar-aging?as_of=2026-03-01".to_owned(),
            format!("/api/v1/accounts/{}/statement", rp.customer),
        ] {
            let a = app.get(&path).token(token).send().await;
            assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
        }
    }
    // Nothing changed.
    assert_eq!(rp.doc("invoices", &draft).await["status"], "draft");
    assert_eq!(rp.doc("invoices", &issued).await["amount_due"], "40.00");
    assert_eq!(
        rp.get("/api/v1/organization").await["rounding_mode"],
        "half_up"
    );
    // An accountant writes the books, but not the organization's settings.
    let a = app
        .post(&format!("/api/v1/invoices/{draft}/issue"))
        .token(&accountant)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = app
        .patch("/api/v1/organization")
        .token(&accountant)
        .json(&json!({"rounding_mode": "half_even"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");

    // Another organization: every id is 404, and its own ids are refused in our documents.
    let other = Rp::open(&app, "Other Ltd").await;
    for path in [
        format!("/api/v1/invoices/{issued}"),
        format!("/api/v1/bills/{}", id_of(&bill)),
        format!("/api/v1/payments/{pid}"),
        format!("/api/v1/tax-rates/{}", rp.vat10),
        format!("/api/v1/bank-accounts/{}", rp.bank),
        format!("/api/v1/accounts/{}/statement", rp.customer),
    ] {
        let a = app.get(&path).token(&other.token).send().await;
        assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    }
    for (path, body) in [
        (format!("/api/v1/invoices/{issued}/void"), None),
        (format!("/api/v1/invoices/{draft}/issue"), None),
        (format!("/api/v1/payments/{pid}/void"), None),
        (
            format!("/api/v1/payments/{pid}/allocations"),
            Some(json!({"allocations": [{"invoice_id": issued, "amount": "1.00"}]})),
        ),
    ] {
        let mut req = app.post(&path).token(&other.token);
        if let Some(b) = &body {
            req = req.json(b);
        }
        let a = req.send().await;
        assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    }
    let a = app
        .delete(&format!("/api/v1/bills/{}", id_of(&bill)))
        .token(&other.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let a = app
        .patch(&format!("/api/v1/invoices/{draft}"))
        .token(&other.token)
        .json(&json!({"memo": "x"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    // Ids of the first organization inside the other's requests: named, not found.
    let a = other
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-02-01", "lines": [line("1.00", Some(&rp.vat10))]}),
        )
        .await;
    assert_field_refused(&a, "not_found", "account_id");
    let a = other
        .post(
            "/api/v1/invoices",
            &json!({"account_id": other.customer, "issue_date": "2026-02-01",
                    "lines": [{"unit_price": "1.00", "tax_rate_id": rp.vat10, "ledger_account_id": rp.code("4000")}]}),
        )
        .await;
    assert_eq!(
        field_code(&a, "lines[0].tax_rate_id").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "lines[0].ledger_account_id").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    let a = other
        .pay(json!({"direction": "received", "account_id": other.customer, "bank_account_id": rp.bank,
                    "date": "2026-02-05", "amount": "1.00", "allocations": [{"invoice_id": issued, "amount": "1.00"}]}))
        .await;
    assert_eq!(
        field_code(&a, "bank_account_id").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    assert_eq!(
        field_code(&a, "allocations[0].invoice_id").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    let a = other
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": other.customer, "invoice_id": issued, "issue_date": "2026-02-01", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_found", "invoice_id");
    // Lists and reports show nothing of the first organization.
    assert!(other.get("/api/v1/invoices").await["data"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(other.get("/api/v1/payments").await["data"]
        .as_array()
        .unwrap()
        .is_empty());
    let ag = other.aging("ar", "2026-12-31").await;
    assert!(ag["accounts"].as_array().unwrap().is_empty(), "{ag}");
}
both_backends!(
    roles_and_tenants,
    super::readers_cannot_write_and_other_organizations_see_nothing
);

// ---------------------------------------------------------------------------------------------
// 10. Concurrent settlement

/// Racing payments on one foreign-currency invoice: whichever settles it last takes exactly
/// the base amount left, so a paid invoice leaves nothing on receivables.
async fn racing_payments_on_a_foreign_invoice_leave_nothing_behind(app: TestApp) {
    let app = Arc::new(app);
    let rp = Rp::open(&app, "Race Fx Ltd").await;
    let euro = rp.account("Bundesbahn", true, false, "EUR").await;
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    for round in 0..4 {
        // EUR 100.00 at 1.3335 is USD 133.35; parts of 33.33 are worth 44.45 each and 33.34
        // 44.46, so converting every part on its own would leave -0.01 behind.
        let inv = rp
            .draft(
                "invoices",
                json!({"account_id": euro, "issue_date": "2026-03-01", "exchange_rate": "1.3335",
                       "lines": [line("100.00", None)]}),
            )
            .await;
        let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
        let mut tasks = Vec::new();
        for amount in ["33.33", "33.33", "33.34"] {
            let (app, token, inv, euro, bank) = (
                app.clone(),
                rp.token.clone(),
                inv.clone(),
                euro.clone(),
                eur_bank.clone(),
            );
            tasks.push(actix_web::rt::spawn(async move {
                app.post("/api/v1/payments")
                    .token(&token)
                    .json(&json!({"direction": "received", "account_id": euro, "bank_account_id": bank,
                                  "date": "2026-03-10", "amount": amount, "exchange_rate": "1.3335",
                                  "allocations": [{"invoice_id": inv, "amount": amount}]}))
                    .send()
                    .await
            }));
        }
        for t in tasks {
            let a = t.await.unwrap();
            assert_eq!(a.status, StatusCode::CREATED, "round {round}: {}", a.text);
        }
        let doc = rp.doc("invoices", &inv).await;
        assert_eq!(doc["status"], "paid", "{doc}");
        assert_eq!(doc["base_amount_due"], "0.00", "round {round}: {doc}");
        assert_eq!(
            rp.bal(&rp.ar(), "2026-03-10").await,
            Decimal::ZERO,
            "round {round}"
        );
        let ag = rp.aging("ar", "2026-03-10").await;
        assert!(aging_row(&ag, &euro).is_none(), "round {round}: {ag}");
    }
    rp.assert_aging_ties("ar", "2026-03-10").await;
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    racing_fx_payments,
    super::racing_payments_on_a_foreign_invoice_leave_nothing_behind
);

/// An edit racing an issue: either the edit lands first and the issued invoice posts the
/// edited lines, or the issue wins and the edit is refused — the posting always matches the
/// document.
async fn edits_racing_issues_never_post_stale_lines(app: TestApp) {
    let app = Arc::new(app);
    let rp = Rp::open(&app, "Race Edit Ltd").await;
    let mut drafts = Vec::new();
    for _ in 0..12 {
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": rp.customer, "issue_date": "2026-05-01", "lines": [line("10.00", None)]}),
            )
            .await;
        drafts.push(id_of(&doc));
    }
    let mut tasks = Vec::new();
    for id in &drafts {
        for action in ["issue", "edit"] {
            let (app, token, id) = (app.clone(), rp.token.clone(), id.clone());
            tasks.push(actix_web::rt::spawn(async move {
                if action == "issue" {
                    app.post(&format!("/api/v1/invoices/{id}/issue"))
                        .token(&token)
                        .send()
                        .await
                } else {
                    app.patch(&format!("/api/v1/invoices/{id}"))
                        .token(&token)
                        .json(&json!({"lines": [line("25.00", None)]}))
                        .send()
                        .await
                }
            }));
        }
    }
    for t in tasks {
        let a = t.await.unwrap();
        assert!(
            a.status == StatusCode::OK
                || a.status == StatusCode::CONFLICT
                || a.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            a.text
        );
        assert!(a.status == StatusCode::OK || a.is_problem(), "{}", a.text);
    }
    let mut open_total = Decimal::ZERO;
    for id in &drafts {
        let doc = rp.doc("invoices", id).await;
        if doc["status"] == "open" {
            open_total += dv(&doc["total"]);
            let entry = rp
                .get(&format!(
                    "/api/v1/ledger/journal-entries/{}",
                    doc["journal_entry_id"].as_str().unwrap()
                ))
                .await;
            let ar_line = entry["lines"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["ledger_account_id"] == rp.ar())
                .cloned()
                .unwrap();
            assert_eq!(dv(&ar_line["debit"]), dv(&doc["total"]), "{entry} vs {doc}");
        }
    }
    assert_eq!(rp.bal(&rp.ar(), "2026-05-31").await, open_total);
}
both_backends!(
    racing_edit_and_issue,
    super::edits_racing_issues_never_post_stale_lines
);

// ---------------------------------------------------------------------------------------------
// 11. Tax rates, bank accounts, lists

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
