//! Strong ETags on GET and If-Match on PATCH.

use reqwest::StatusCode;
use serde_json::json;

use super::new_user;
use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::TestApp;

async fn etags_and_if_match(app: TestApp) {
    let owner = app.signup("ETags").await;
    let created = app.create_user(&owner.token, &new_user("Versioned")).await;
    let path = created.header("location").unwrap();
    let get = app.get(&path).token(&owner.token).send().await;
    let etag = get.header("etag").expect("ETag on GET");
    assert!(!etag.starts_with("W/"), "strong ETag: {etag}");
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");

    let p1 = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Second"}))
        .send()
        .await;
    assert_eq!(p1.status, StatusCode::OK, "{}", p1.text);
    let etag2 = p1.header("etag").expect("ETag on PATCH");
    assert_ne!(etag2, etag);
    assert_eq!(
        app.get(&path)
            .token(&owner.token)
            .send()
            .await
            .header("etag")
            .as_deref(),
        Some(etag2.as_str())
    );

    let stale = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Stale"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    // A weak validator never matches If-Match (strong comparison), nor another resource's tag.
    let weak = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &format!("W/{etag2}"))
        .json(&json!({"name": "Weak"}))
        .send()
        .await;
    assert_problem(&weak, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    let owner_tag = app
        .get(&format!("/api/v1/users/{}", owner.user_id))
        .token(&owner.token)
        .send()
        .await;
    let foreign = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &owner_tag.header("etag").unwrap())
        .json(&json!({"name": "Foreign"}))
        .send()
        .await;
    assert_problem(
        &foreign,
        StatusCode::PRECONDITION_FAILED,
        "version_mismatch",
    );
    assert_eq!(
        app.get(&path).token(&owner.token).send().await.body["name"],
        "Second"
    );

    // A list of tags matches when one of them does.
    let listed = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &format!("{etag}, {etag2}"))
        .json(&json!({"name": "Listed"}))
        .send()
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);

    let unconditional = app
        .patch(&path)
        .token(&owner.token)
        .json(&json!({"name": "Third"}))
        .send()
        .await;
    assert_eq!(
        unconditional.status,
        StatusCode::OK,
        "{}",
        unconditional.text
    );
    let star = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", "*")
        .json(&json!({"name": "Fourth"}))
        .send()
        .await;
    assert_eq!(star.status, StatusCode::OK, "{}", star.text);
    assert_eq!(star.body["name"], "Fourth");
    assert_eq!(star.body["version"], 5);
}
both_backends!(etags_and_if_match_works, super::etags_and_if_match);

async fn team_etags_and_if_match(app: TestApp) {
    let owner = app.signup("Team ETags").await;
    let t = app
        .post("/api/v1/teams")
        .token(&owner.token)
        .json(&json!({"name": "Tagged"}))
        .send()
        .await;
    let path = t.header("location").unwrap();
    let etag = app
        .get(&path)
        .token(&owner.token)
        .send()
        .await
        .header("etag")
        .unwrap();
    assert!(!etag.starts_with("W/"));
    let ok = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Retagged"}))
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    let stale = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Stale"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
}
both_backends!(
    team_etags_and_if_match_works,
    super::team_etags_and_if_match
);
