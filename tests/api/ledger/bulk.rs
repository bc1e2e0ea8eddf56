//! `POST /ledger/journal-entries/bulk`: up to 1,000 entries at once, all or nothing (every
//! error named by index, nothing posted) or each on its own (a result per entry); one
//! Idempotency-Key for the batch.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, d, dr, entry, ENTRIES};
use crate::support::problem::assert_problem;
use crate::support::{Answer, TestApp};

const BULK: &str = "/api/v1/ledger/journal-entries/bulk";

async fn bulk(b: &Books<'_>, body: &Value, key: Option<&str>) -> Answer {
    let mut req = b.app.post(BULK).token(&b.token).json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await
}

async fn entry_count(b: &Books<'_>) -> usize {
    b.app
        .walk(&b.token, &format!("{ENTRIES}?limit=200"))
        .await
        .len()
}

async fn atomic_bulk_posts_all_or_nothing(app: TestApp) {
    let b = Books::open(&app, "Bulk Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let entries: Vec<Value> = (0..300)
        .map(|i| {
            let mut e = entry("2026-02-01", vec![dr(&bank, "1.25"), cr(&sales, "1.25")]);
            e["reference"] = json!(format!("B-{i}"));
            e
        })
        .collect();

    let posted = bulk(&b, &json!({"entries": entries}), Some("bulk-1")).await;
    assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.text);
    let data = posted.body["data"].as_array().unwrap();
    assert_eq!(data.len(), 300);
    for (i, e) in data.iter().enumerate() {
        assert_eq!(
            e["reference"],
            format!("B-{i}"),
            "entries answer in the order sent"
        );
        assert_eq!(e["lines"].as_array().unwrap().len(), 2);
    }
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("375.00"));

    // The same key replays the batch; nothing is posted twice.
    let again = bulk(&b, &json!({"entries": entries}), Some("bulk-1")).await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body["data"][299]["id"], data[299]["id"]);
    assert_eq!(entry_count(&b).await, 300);

    // One bad field, one unbalanced entry and one unknown account: 422 naming each by index,
    // and none of the good entries posted.
    let mut bad = vec![
        entry("2026-02-02", vec![dr(&bank, "5.00"), cr(&sales, "5.00")]),
        entry("2026-02-02", vec![dr(&bank, "-5.00"), cr(&sales, "5.00")]),
        entry("2026-02-02", vec![dr(&bank, "5.00"), cr(&sales, "4.00")]),
        entry("2026-02-02", vec![dr(&bank, "5.00"), cr(&sales, "5.00")]),
    ];
    bad.push(entry(
        "2026-02-02",
        vec![
            dr("0190a000-0000-7000-8000-000000000000", "5.00"),
            cr(&sales, "5.00"),
        ],
    ));
    let refused = bulk(&b, &json!({"entries": bad}), None).await;
    assert_problem(
        &refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let fields = refused.error_fields();
    assert!(
        fields.iter().any(|f| f.starts_with("entries[1].lines[0]")),
        "{fields:?}"
    );
    // The request alone shows entry 1's error; the other two are found while posting, and are
    // named as well once the request itself is clean.
    let clean = vec![
        bad[0].clone(),
        bad[2].clone(),
        bad[3].clone(),
        bad[4].clone(),
    ];
    let refused = bulk(&b, &json!({"entries": clean}), None).await;
    assert_problem(
        &refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let fields = refused.error_fields();
    assert!(
        fields.iter().any(|f| f.starts_with("entries[1]")),
        "the unbalanced entry: {fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.starts_with("entries[3]")),
        "the unknown account: {fields:?}"
    );
    assert!(
        !fields
            .iter()
            .any(|f| f.starts_with("entries[0]") || f.starts_with("entries[2]")),
        "good entries are not blamed: {fields:?}"
    );
    assert_eq!(
        entry_count(&b).await,
        300,
        "nothing of a refused batch is posted"
    );

    // Limits: none, or more than 1,000.
    let none = bulk(&b, &json!({"entries": []}), None).await;
    assert_problem(&none, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(none.error_fields(), vec!["entries"]);
    let many: Vec<Value> = (0..1001)
        .map(|_| entry("2026-02-01", vec![dr(&bank, "1"), cr(&sales, "1")]))
        .collect();
    let over = bulk(&b, &json!({"entries": many}), None).await;
    assert_problem(&over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(over.body["errors"][0]["code"], "too_many_items");
}
both_backends!(atomic_bulk_posting, super::atomic_bulk_posts_all_or_nothing);

async fn non_atomic_bulk_answers_each_entry(app: TestApp) {
    let b = Books::open(&app, "Bulk Items Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let body = json!({"atomic": false, "entries": [
        entry("2026-03-01", vec![dr(&bank, "10.00"), cr(&sales, "10.00")]),
        entry("2026-03-01", vec![dr(&bank, "10.00"), cr(&sales, "9.00")]),
        entry("2026-03-01", vec![dr(&bank, "-1"), cr(&sales, "1")]),
        entry("2026-03-02", vec![dr(&bank, "2.50"), cr(&sales, "2.50")]),
    ]});
    let answer = bulk(&b, &body, Some("items-1")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let results = answer.body["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let statuses: Vec<u64> = results
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, vec![201, 422, 422, 201]);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["index"], i);
    }
    assert!(results[0]["data"]["id"].is_string());
    assert_eq!(
        results[1]["problem"]["code"], "journal_unbalanced",
        "{}",
        results[1]
    );
    assert_eq!(results[1]["problem"]["status"], 422);
    // What the entry alone would have been answered.
    assert_eq!(
        results[2]["problem"]["code"], "amount_not_positive",
        "{}",
        results[2]
    );
    assert_eq!(
        results[2]["problem"]["errors"][0]["field"],
        "lines[0].debit"
    );
    assert!(results[2]["data"].is_null());
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("12.50"));

    // Replayed as a whole.
    let again = bulk(&b, &body, Some("items-1")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body, answer.body);
    assert_eq!(entry_count(&b).await, 2);

    // Each posted entry is an event like any other (the feed shows events once sealed).
    let mut seen = 0;
    for _ in 0..100 {
        let events = app
            .fetch(
                &b.token,
                "/api/v1/events?type=journal_entry.posted&limit=50",
            )
            .await;
        seen = events["data"].as_array().unwrap().len();
        if seen >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen, 2);
}
both_backends!(
    non_atomic_bulk_posting,
    super::non_atomic_bulk_answers_each_entry
);

/// A batch is checked against the books together (one read of the accounts, the client
/// accounts and each rate a date needs), yet each entry is judged on its own: the lock date,
/// an unknown client account and a missing rate refuse only their entry, and entries on
/// different dates convert at their own date's rate.
async fn a_batch_judges_each_entry_against_the_books(app: TestApp) {
    let mut b = Books::open(&app, "Bulk Books Ltd").await;
    let (bank, sales) = (b.id("1010"), b.id("4000"));
    let eur = b
        .create_account(
            json!({"code": "1020", "name": "Bank EUR", "type": "asset", "currency": "EUR"}),
        )
        .await;
    for (date, rate) in [("2026-04-01", "1.10"), ("2026-05-01", "1.20")] {
        let a = app
            .post("/api/v1/exchange-rates")
            .token(&b.token)
            .json(&json!({"currency": "EUR", "date": date, "rate": rate}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }
    let customer = app
        .client_account(
            &b.token,
            json!({"name": "Tagged Co", "is_customer": true, "status": "active"}),
        )
        .await;
    let locked = b.put_lock(&b.token, json!("2026-03-31")).await;
    assert_eq!(locked.status, StatusCode::OK, "{}", locked.text);
    let mut tagged = entry("2026-04-02", vec![dr(&bank, "7.00"), cr(&sales, "7.00")]);
    tagged["lines"][0]["account_id"] = json!(customer);
    let mut stranger = tagged.clone();
    stranger["lines"][1]["account_id"] = json!("0190a000-0000-7000-8000-000000000001");
    let body = json!({"atomic": false, "entries": [
        entry("2026-04-15", vec![dr(&eur, "10.00"), cr(&sales, "11.00")]),
        entry("2026-03-31", vec![dr(&bank, "1.00"), cr(&sales, "1.00")]),
        entry("2026-05-02", vec![dr(&eur, "10.00"), cr(&sales, "12.00")]),
        stranger,
        entry("2026-03-15", vec![dr(&eur, "10.00"), cr(&sales, "12.00")]),
        tagged,
        entry("2026-04-20", vec![dr(&eur, "1.00"), cr(&sales, "1.10")]),
    ]});
    let answer = bulk(&b, &body, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let results = answer.body["results"].as_array().unwrap();
    let statuses: Vec<u64> = results
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(
        statuses,
        vec![201, 422, 201, 422, 422, 201, 201],
        "{results:?}"
    );
    assert_eq!(results[1]["problem"]["code"], "period_locked");
    assert_eq!(
        results[3]["problem"]["errors"][0]["field"],
        "lines[1].account_id"
    );
    assert_eq!(results[4]["problem"]["code"], "period_locked");
    let rate = |i: usize| results[i]["data"]["lines"][0]["exchange_rate"].clone();
    assert_eq!(rate(0), rate(6), "the same date's rate, read once");
    assert_eq!(
        results[2]["data"]["lines"][0]["base_amount"],
        results[2]["data"]["lines"][1]["base_amount"]
    );
    assert_eq!(results[5]["data"]["lines"][0]["account_id"], customer);
    assert_eq!(b.bal(&bank, "2026-12-31").await, d("7.00"));
    assert_eq!(b.bal(&eur, "2026-12-31").await, d("21.00"));

    // Atomic: the same batch names every refused entry and posts nothing.
    let mut atomic = body.clone();
    atomic["atomic"] = json!(true);
    let refused = bulk(&b, &atomic, None).await;
    assert_problem(
        &refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let fields = refused.error_fields();
    for i in [1, 3, 4] {
        assert!(
            fields
                .iter()
                .any(|f| f.starts_with(&format!("entries[{i}]"))),
            "entry {i}: {fields:?}"
        );
    }
    assert_eq!(entry_count(&b).await, 4);
}
both_backends!(
    batch_judges_each_entry,
    super::a_batch_judges_each_entry_against_the_books
);
