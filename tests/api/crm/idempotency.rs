//! CRM creates and actions replay with an Idempotency-Key.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::http::id_of;
use crate::support::TestApp;

async fn idempotent_crm_posts_replay(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let body = json!({"account_id": a, "name": "Hank"});
    let first = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&body)
        .send()
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&body)
        .send()
        .await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body["id"], first.body["id"]);
    let other = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": a, "name": "Someone else"}))
        .send()
        .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    assert_eq!(other.code(), "idempotency_key_reused");
    let list = app
        .fetch(t, &format!("/api/v1/contacts?account_id={a}"))
        .await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    // The same key on another path is a different request.
    let x = app
        .post("/api/v1/tasks")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": a, "title": "t"}))
        .send()
        .await;
    assert!(
        x.status == StatusCode::CREATED || x.code() == "idempotency_key_reused",
        "{}",
        x.text
    );
    // An action replays too: churning twice with the same key answers the same.
    let c1 = app
        .post(&format!("/api/v1/accounts/{a}/churn"))
        .token(t)
        .header("Idempotency-Key", "churn-1")
        .json(&json!({"reason": "price"}))
        .send()
        .await;
    assert_eq!(c1.status, StatusCode::OK, "{}", c1.text);
    let c2 = app
        .post(&format!("/api/v1/accounts/{a}/churn"))
        .token(t)
        .header("Idempotency-Key", "churn-1")
        .json(&json!({"reason": "price"}))
        .send()
        .await;
    assert_eq!(c2.status, StatusCode::OK, "{}", c2.text);
    assert_eq!(c2.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(c2.body["version"], c1.body["version"]);
    // Another user of the same organization with the same key is not replayed someone else's answer.
    let m = app.account_manager(t, "m").await.token;
    let own = id_of(
        &app.create(&m, "/api/v1/accounts", json!({"name": "Mine"}))
            .await,
    );
    let x = app
        .post("/api/v1/contacts")
        .token(&m)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": own, "name": "Hank"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::CREATED, "{}", x.text);
    assert_ne!(x.body["id"], first.body["id"]);
    assert!(x.header("idempotent-replayed").is_none());
}
both_backends!(
    idempotent_crm_posts_replay_works,
    super::idempotent_crm_posts_replay
);
