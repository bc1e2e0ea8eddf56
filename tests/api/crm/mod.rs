//! Client relationships over HTTP, by theme: accounts (derived at-risk status, import, merge,
//! timeline), health and check-in cadence, targets and revenue in the performance reports,
//! invoices seen from the CRM, record-level permissions (roles, team reach, moving records),
//! tenant isolation, validation, idempotency, versions, and lists. Written the way an attacker
//! or a careless integrator would call the API as much as the way a user would.

mod account_plans;
mod accounts;
mod agenda;
mod batch;
mod csv_reports;
mod health;
mod idempotency;
mod import;
mod invoices;
mod isolation;
mod lists;
mod performance;
mod pipeline;
mod portfolio;
mod proposals;
mod record_rules;
mod retention;
mod roles;
mod team_reach;
mod timeline;
mod validation;
mod versions;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::fixtures::{day, CrmRecords};
use crate::support::http::id_of;
use crate::support::{Answer, TestApp};

/// Every write on the records of `r` (and on the organization's CRM as a whole when
/// `global`), as (method, path, body).
fn writes_on(
    r: &CrmRecords,
    other_account: &str,
    global: bool,
) -> Vec<(Method, String, Option<Value>)> {
    let a = &r.account;
    let mut w = vec![
        (
            Method::PATCH,
            format!("/api/v1/accounts/{a}"),
            Some(json!({"goals": "hijack"})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/churn"),
            Some(json!({"reason": "price"})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/reassign"),
            Some(json!({"owner_id": null, "team_id": null})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/merge"),
            Some(json!({"duplicate_id": other_account})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{other_account}/merge"),
            Some(json!({"duplicate_id": a})),
        ),
        (
            Method::POST,
            "/api/v1/contacts".into(),
            Some(json!({"account_id": a, "name": "Spy"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/contacts/{}", r.contact),
            Some(json!({"title": "pwned"})),
        ),
        (
            Method::POST,
            "/api/v1/interactions".into(),
            Some(
                json!({"account_id": a, "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"}),
            ),
        ),
        (
            Method::PATCH,
            format!("/api/v1/interactions/{}", r.interaction),
            Some(json!({"summary": "pwned"})),
        ),
        (
            Method::POST,
            "/api/v1/feedback".into(),
            Some(json!({"account_id": a, "kind": "nps", "score": 0})),
        ),
        (
            Method::POST,
            "/api/v1/requests".into(),
            Some(json!({"account_id": a, "kind": "issue", "summary": "s"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/requests/{}", r.request),
            Some(json!({"status": "closed"})),
        ),
        (
            Method::POST,
            "/api/v1/tasks".into(),
            Some(json!({"account_id": a, "title": "t"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/tasks/{}", r.task),
            Some(json!({"status": "done"})),
        ),
        (
            Method::POST,
            "/api/v1/opportunities".into(),
            Some(json!({"account_id": a, "kind": "upsell", "name": "o", "amount": "1.00"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/opportunities/{}", r.opportunity),
            Some(json!({"stage": "lost"})),
        ),
        (
            Method::POST,
            "/api/v1/proposals".into(),
            Some(json!({"opportunity_id": r.opportunity, "summary": "v2"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/proposals/{}", r.proposal),
            Some(json!({"status": "rejected"})),
        ),
        (
            Method::POST,
            "/api/v1/risks".into(),
            Some(
                json!({"account_id": a, "kind": "churn_risk", "severity": "critical", "description": "x"}),
            ),
        ),
        (
            Method::PATCH,
            format!("/api/v1/risks/{}", r.risk),
            Some(json!({"severity": "critical"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/contacts/{}", r.contact),
            None,
        ),
        (Method::DELETE, format!("/api/v1/tasks/{}", r.task), None),
        (Method::DELETE, format!("/api/v1/accounts/{a}"), None),
    ];
    if global {
        w.extend([
            (Method::POST, "/api/v1/accounts".into(), Some(json!({"name": "Mine"}))),
            (Method::POST, "/api/v1/competitors".into(), Some(json!({"name": "NewRival"}))),
            (Method::PATCH, format!("/api/v1/competitors/{}", r.competitor), Some(json!({"notes": "pwned"}))),
            (Method::PATCH, "/api/v1/crm/settings".into(), Some(json!({"health_weights": {}, "healthy_from": 70, "watch_from": 40, "check_in_days_by_tier": {}}))),
        ]);
    }
    w
}

async fn assert_all_refused(
    app: &TestApp,
    token: &str,
    who: &str,
    writes: &[(Method, String, Option<Value>)],
    want: StatusCode,
) {
    for (m, path, body) in writes {
        let r = app.call(m.clone(), path, token, body.as_ref()).await;
        assert_eq!(r.status, want, "{who} {m} {path}: {}", r.text);
        assert!(r.is_problem(), "{who} {m} {path}: {}", r.text);
    }
}

async fn import_refused(app: &TestApp, token: &str) -> Answer {
    app.post("/api/v1/accounts/import")
        .token(token)
        .raw("name,tier\nSneaky,key\n", "text/csv")
        .send()
        .await
}

fn allowed_refusal(s: StatusCode) -> bool {
    s == StatusCode::NOT_FOUND || s == StatusCode::UNPROCESSABLE_ENTITY
}

/// What every test here bills with: a 10% tax rate, an income account and a bank account.
struct Billing {
    vat: String,
    income: String,
    bank: String,
}

impl Billing {
    async fn open(app: &TestApp, t: &str) -> Billing {
        let vat = app.tax_rate(t, "VAT 10", "0.10", true).await;
        let income = app
            .create(
                t,
                "/api/v1/ledger/accounts",
                json!({"code": "4150", "name": "Consulting income", "type": "income", "currency": "USD"}),
            )
            .await;
        let bank = app.bank_account(t, "Operating", "USD").await;
        Billing {
            vat,
            income: id_of(&income),
            bank,
        }
    }

    fn line(&self, unit_price: &str, quantity: &str) -> Value {
        json!({"description": "Consulting", "quantity": quantity, "unit_price": unit_price,
               "tax_rate_id": self.vat, "ledger_account_id": self.income})
    }

    /// An issued invoice of `amount` plus 10% tax, issued and due days from today.
    async fn invoice(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        (issued, due): (i64, i64),
        amount: &str,
    ) -> Value {
        app.issued(
            t,
            "invoices",
            json!({"account_id": account, "issue_date": day(issued), "due_date": day(due),
                   "currency": "USD", "lines": [self.line(amount, "1")]}),
        )
        .await
    }

    async fn credit_note(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        invoice: &str,
        issued: i64,
        unit_price: &str,
    ) -> Value {
        app.issued(
            t,
            "credit-notes",
            json!({"account_id": account, "invoice_id": invoice, "issue_date": day(issued),
                   "lines": [self.line(unit_price, "1")]}),
        )
        .await
    }

    /// A payment received by wire, allocated in full to `invoice` on its own date.
    async fn payment(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        on: i64,
        amount: &str,
        invoice: &str,
    ) -> Value {
        app.create(
            t,
            "/api/v1/payments",
            json!({"direction": "received", "account_id": account, "bank_account_id": self.bank,
                   "date": day(on), "amount": amount, "currency": "USD", "reference": "wire",
                   "allocations": [{"invoice_id": invoice, "amount": amount, "date": day(on)}]}),
        )
        .await
    }
}
