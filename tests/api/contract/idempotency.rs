//! Idempotency-Key: replays, reuse with another request, scope per caller, failures not
//! stored, racing duplicates, and secrets never replayed.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{all_user_ids, new_user};
use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::{Answer, TestApp};

async fn post_with_key(app: &TestApp, token: &str, path: &str, key: &str, body: &Value) -> Answer {
    app.post(path)
        .token(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
}

async fn same_key_same_body_replays(app: TestApp) {
    let owner = app.signup("Replays").await;
    let body = new_user("Once");
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(&app, &owner.token, "/api/v1/users", &key, &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert!(first.header("idempotent-replayed").is_none());
    let second = post_with_key(&app, &owner.token, "/api/v1/users", &key, &body).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);
    assert_eq!(
        second.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(second.body, first.body);
    assert_eq!(second.header("location"), first.header("location"));
    assert_eq!(
        all_user_ids(&app, &owner.token).await.len(),
        2,
        "one owner and ONE new user"
    );
}
both_backends!(
    same_key_same_body_replays_works,
    super::same_key_same_body_replays
);

async fn same_key_different_request_is_422(app: TestApp) {
    let owner = app.signup("Reused Keys").await;
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("First"),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    let other_body = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("Second"),
    )
    .await;
    assert_problem(
        &other_body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );

    let other_path = post_with_key(
        &app,
        &owner.token,
        "/api/v1/teams",
        &key,
        &json!({"name": "T"}),
    )
    .await;
    assert_problem(
        &other_path,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );
    let teams = app.get("/api/v1/teams").token(&owner.token).send().await;
    assert_eq!(
        teams.body["data"].as_array().unwrap().len(),
        0,
        "{}",
        teams.text
    );
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 2);
}
both_backends!(
    same_key_different_request_is_422_works,
    super::same_key_different_request_is_422
);

async fn idempotency_keys_are_scoped_per_caller(app: TestApp) {
    let owner = app.signup("Scopes").await;
    let admin = app.colleague(&owner.token, "admin").await.token;
    let key = "shared-key-0001";
    let body = new_user("Owner's");
    let first = post_with_key(&app, &owner.token, "/api/v1/users", key, &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    // Another caller with the same key and another body: not a reuse, it just runs.
    let theirs = post_with_key(&app, &admin, "/api/v1/users", key, &new_user("Admin's")).await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.text);
    assert!(theirs.header("idempotent-replayed").is_none());
    assert_ne!(theirs.body["id"], first.body["id"]);

    // The same body from another caller is not a replay of the owner's answer either.
    let same = post_with_key(&app, &admin, "/api/v1/users", "shared-key-0002", &body).await;
    assert!(same.header("idempotent-replayed").is_none());
    assert_problem(&same, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");

    // Another organization's owner with the same key runs independently too.
    let other_org = app.signup("Other Scope").await;
    let elsewhere = post_with_key(
        &app,
        &other_org.token,
        "/api/v1/users",
        key,
        &new_user("Elsewhere"),
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::CREATED, "{}", elsewhere.text);
    assert!(elsewhere.header("idempotent-replayed").is_none());
}
both_backends!(
    idempotency_keys_are_scoped_per_caller_works,
    super::idempotency_keys_are_scoped_per_caller
);

async fn failed_requests_are_not_stored(app: TestApp) {
    let owner = app.signup("Failures").await;
    // Refused before any work (validation).
    let key = uuid::Uuid::now_v7().to_string();
    let mut bad = new_user("Bad");
    bad["password"] = json!("short");
    let a = post_with_key(&app, &owner.token, "/api/v1/users", &key, &bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let ok = post_with_key(&app, &owner.token, "/api/v1/users", &key, &new_user("Good")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert!(ok.header("idempotent-replayed").is_none());

    // Refused inside the transaction (a taken email).
    let taken = ok.body["email"].as_str().unwrap().to_owned();
    let key = uuid::Uuid::now_v7().to_string();
    let mut dup = new_user("Dup");
    dup["email"] = json!(taken);
    let a = post_with_key(&app, &owner.token, "/api/v1/users", &key, &dup).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
    let ok = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("Fixed"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 3);
}
both_backends!(
    failed_requests_are_not_stored_works,
    super::failed_requests_are_not_stored
);

async fn malformed_idempotency_key_is_422(app: TestApp) {
    let owner = app.signup("Bad Keys").await;
    let long = "k".repeat(256);
    let a = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &long,
        &new_user("Long"),
    )
    .await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_idempotency_key",
    );
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 1);
}
both_backends!(
    malformed_idempotency_key_is_422_works,
    super::malformed_idempotency_key_is_422
);

async fn concurrent_duplicates_create_one(app: TestApp) {
    let owner = app.signup("Races").await;
    let body = new_user("Raced");
    let key = uuid::Uuid::now_v7().to_string();
    let requests = (0..8).map(|_| post_with_key(&app, &owner.token, "/api/v1/users", &key, &body));
    let answers = futures_util::future::join_all(requests).await;
    let mut ids = BTreeSet::new();
    let mut created = 0;
    for a in &answers {
        match a.status {
            StatusCode::CREATED => {
                created += 1;
                ids.insert(a.body["id"].as_str().unwrap().to_owned());
            }
            StatusCode::CONFLICT => {
                assert_problem(a, StatusCode::CONFLICT, "idempotency_in_progress")
            }
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert!(created >= 1);
    assert_eq!(ids.len(), 1, "every 201 names the same user: {ids:?}");
    assert_eq!(
        all_user_ids(&app, &owner.token).await.len(),
        2,
        "exactly one user was created"
    );
    let replayed = answers
        .iter()
        .filter(|a| a.header("idempotent-replayed").is_some())
        .count();
    assert_eq!(replayed, created - 1, "all but the first 201 are replays");
}
both_backends!(
    concurrent_duplicates_create_one_works,
    super::concurrent_duplicates_create_one
);

async fn api_key_secret_is_not_kept_for_replay(app: TestApp) {
    let owner = app.signup("Key Replays").await;
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(
        &app,
        &owner.token,
        "/api/v1/api-keys",
        &key,
        &json!({"name": "Replayed"}),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let secret = first.body["key"].as_str().unwrap().to_owned();
    // The contract: the key is shown once and only its hash is stored. An idempotent replay must
    // therefore not be able to show it again (it would have to be stored in plain text).
    let second = post_with_key(
        &app,
        &owner.token,
        "/api/v1/api-keys",
        &key,
        &json!({"name": "Replayed"}),
    )
    .await;
    assert!(
        second.status.is_success() || second.status.is_client_error(),
        "{}",
        second.text
    );
    assert!(
        !second.text.contains(&secret),
        "the replay shows the secret again: {}",
        second.text
    );
}
both_backends!(
    api_key_secret_is_not_kept_for_replay_works,
    super::api_key_secret_is_not_kept_for_replay
);
