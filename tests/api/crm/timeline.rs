//! The account timeline tells the story: status changes (a risk resolved, a deal won),
//! interactions by kind, feedback when the client gave it, tasks when they are due; and a
//! competitor threat puts the competitor on the account.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::TestApp;

fn entries<'a>(tl: &'a Value, id: &str) -> Vec<&'a Value> {
    tl["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["id"] == id)
        .collect()
}

async fn the_timeline_shows_what_happened_when(app: TestApp) {
    // Arrange
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = app.client_account(t, json!({"name": "Globex"})).await;
    let call = id_of(&app.create(t, "/api/v1/interactions", json!({"account_id": a, "kind": "call",
        "direction": "outbound", "occurred_at": format!("{}T10:00:00Z", day(-3)), "subject": "Catch-up"}))
        .await);
    let csat = id_of(
        &app.create(
            t,
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "csat",
        "score": 4, "received_on": day(-10)}),
        )
        .await,
    );
    let task = id_of(
        &app.create(
            t,
            "/api/v1/tasks",
            json!({"account_id": a, "title": "Send plan",
        "due_on": day(7)}),
        )
        .await,
    );
    let risk = app
        .create(t, "/api/v1/risks", json!({"account_id": a, "kind": "competitor_threat",
            "severity": "medium", "description": "Initech is calling them", "competitor_id": "Initech"}))
        .await;
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&risk)))
        .token(t)
        .json(&json!({"status": "resolved", "resolution": "renewed early"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Act
    let tl = app
        .fetch(t, &format!("/api/v1/accounts/{a}/timeline?limit=200"))
        .await;
    let account = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;

    // Assert
    let c = entries(&tl, &call);
    assert_eq!(c[0]["kind"], "call");
    assert_eq!(c[0]["event"], "created");
    let f = entries(&tl, &csat);
    assert_eq!(f[0]["at"], format!("{}T00:00:00Z", day(-10)));
    assert_eq!(f[0]["kind"], "csat");
    let k = entries(&tl, &task);
    assert_eq!(k[0]["at"], format!("{}T00:00:00Z", day(7)));
    assert_eq!(k[0]["event"], "due");
    let rs = entries(&tl, risk["id"].as_str().unwrap());
    let events: Vec<&str> = rs.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(events, ["resolved", "created"], "newest first: {tl}");
    assert_eq!(rs[0]["status"], "resolved");
    assert_eq!(rs[0]["kind"], "competitor_threat");
    // Newest first: the due task, then the resolution, ..., the feedback last.
    let data = tl["data"].as_array().unwrap();
    assert_eq!(data[0]["id"], json!(task));
    assert_eq!(data.last().unwrap()["id"], json!(csat));
    // The threat's competitor is now one of the account's.
    let competitors = app.fetch(t, "/api/v1/competitors").await;
    let initech = competitors["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Initech")
        .unwrap()["id"]
        .clone();
    assert_eq!(account["competitor_ids"], json!([initech]));
}
both_backends!(
    the_timeline_shows_what_happened_when_works,
    super::the_timeline_shows_what_happened_when
);
