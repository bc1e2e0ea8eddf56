//! Reversing an entry: the mirror entry, its links, the refusals, and racing reversals.

use std::sync::Arc;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, d, dr, dv, entry, ENTRIES, LEDGER_ACCOUNTS};
use crate::support::problem::{assert_problem, assert_refused};
use crate::support::TestApp;

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
both_backends!(
    concurrent_reversals,
    super::concurrent_reversals_post_one_mirror
);

/// ...and the losers are told `entry_already_reversed`, like a later second reversal.
async fn racing_reversals_answer_entry_already_reversed(app: TestApp) {
    racing_reversals(app, true).await;
}
both_backends!(
    racing_reversal_code,
    super::racing_reversals_answer_entry_already_reversed
);

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
