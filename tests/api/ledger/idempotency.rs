//! The same Idempotency-Key replays the entry (and a reversal) instead of posting it twice.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, d, dr, entry, ENTRIES};
use crate::support::problem::assert_problem;
use crate::support::TestApp;

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
