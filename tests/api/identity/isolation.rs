//! Another organization sees nothing of the users, teams and keys, and cannot use their ids.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::problem::{assert_problem, field_code};
use crate::support::TestApp;

async fn another_organization_sees_nothing(app: TestApp) {
    let a = app.signup("Org A").await;
    let b = app.signup("Org B").await;
    let a_user = app.colleague(&a.token, "viewer").await.id;
    let team = app
        .post("/api/v1/teams")
        .token(&a.token)
        .json(&json!({"name": "A team"}))
        .send()
        .await;
    assert_eq!(team.status, StatusCode::CREATED, "{}", team.text);
    let a_team = team.body["id"].as_str().unwrap().to_owned();
    let key = app
        .post("/api/v1/api-keys")
        .token(&a.token)
        .json(&json!({"name": "A key"}))
        .send()
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{}", key.text);
    let a_key = key.body["id"].as_str().unwrap().to_owned();

    for id in [&a_user, &a.user_id] {
        let get = app
            .get(&format!("/api/v1/users/{id}"))
            .token(&b.token)
            .send()
            .await;
        assert_problem(&get, StatusCode::NOT_FOUND, "not_found");
        let patch = app
            .patch(&format!("/api/v1/users/{id}"))
            .token(&b.token)
            .json(&json!({"name": "Hijacked"}))
            .send()
            .await;
        assert_problem(&patch, StatusCode::NOT_FOUND, "not_found");
    }
    let get = app
        .get(&format!("/api/v1/teams/{a_team}"))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&get, StatusCode::NOT_FOUND, "not_found");
    let patch = app
        .patch(&format!("/api/v1/teams/{a_team}"))
        .token(&b.token)
        .json(&json!({"name": "Hijacked"}))
        .send()
        .await;
    assert_problem(&patch, StatusCode::NOT_FOUND, "not_found");
    let del = app
        .delete(&format!("/api/v1/teams/{a_team}"))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&del, StatusCode::NOT_FOUND, "not_found");
    let del = app
        .delete(&format!("/api/v1/api-keys/{a_key}"))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&del, StatusCode::NOT_FOUND, "not_found");

    // B's lists show only B.
    let users = app
        .get("/api/v1/users?limit=200")
        .token(&b.token)
        .send()
        .await;
    assert_eq!(users.status, StatusCode::OK);
    let ids: Vec<&str> = users.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![b.user_id.as_str()], "{}", users.text);
    for u in users.body["data"].as_array().unwrap() {
        assert_eq!(u["organization_id"], b.organization_id.as_str());
    }
    let teams = app.get("/api/v1/teams").token(&b.token).send().await;
    assert_eq!(
        teams.body["data"].as_array().unwrap().len(),
        0,
        "{}",
        teams.text
    );
    let keys = app.get("/api/v1/api-keys").token(&b.token).send().await;
    assert_eq!(
        keys.body["data"].as_array().unwrap().len(),
        0,
        "{}",
        keys.text
    );

    // A's users cannot be put on B's teams.
    let t = app
        .post("/api/v1/teams")
        .token(&b.token)
        .json(&json!({"name": "B team", "lead_id": a_user, "member_ids": [a_user], "parent_team_id": a_team}))
        .send()
        .await;
    assert_eq!(t.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.text);
    assert_eq!(
        field_code(&t, "lead_id").as_deref(),
        Some("not_found"),
        "{}",
        t.text
    );
    assert_eq!(
        field_code(&t, "member_ids[0]").as_deref(),
        Some("not_found"),
        "{}",
        t.text
    );
    assert_eq!(
        field_code(&t, "parent_team_id").as_deref(),
        Some("not_found"),
        "{}",
        t.text
    );

    // And A still has what it had.
    let get = app
        .get(&format!("/api/v1/users/{a_user}"))
        .token(&a.token)
        .send()
        .await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(get.body["name"], "A viewer");
}
both_backends!(
    another_organization_sees_nothing_works,
    super::another_organization_sees_nothing
);
