//! Gapless numbering: racing issues take consecutive numbers, refused issues take none.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::json;

use super::{line, Rp};
use crate::both_backends;
use crate::support::books::d;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

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
