//! The lock date: nothing posts on or before it; who may move it.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, dr};
use crate::support::problem::{assert_problem, assert_refused};
use crate::support::TestApp;

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
