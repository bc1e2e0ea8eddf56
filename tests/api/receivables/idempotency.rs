//! Issuing, paying and voiding replay with an Idempotency-Key.

use reqwest::StatusCode;
use serde_json::json;

use super::{line, Rp};
use crate::both_backends;
use crate::support::books::d;
use crate::support::http::id_of;
use crate::support::problem::assert_problem;
use crate::support::TestApp;

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
