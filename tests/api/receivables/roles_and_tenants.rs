//! Readers cannot write the books; another organization sees nothing and cannot use its ids.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{line, Rp};
use crate::both_backends;
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem, field_code};
use crate::support::TestApp;

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
