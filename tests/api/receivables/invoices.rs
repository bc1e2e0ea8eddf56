//! An invoice from draft to void, and every refusal on the way.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::{line, qline, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem, field_code};
use crate::support::TestApp;

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
    // (`issue_date` may be left out: it defaults to today.)
    assert!(fields.contains(&"account_id".to_owned()), "{}", a.text);
    assert!(!fields.contains(&"issue_date".to_owned()), "{}", a.text);
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
