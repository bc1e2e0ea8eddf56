//! Every problem has the full RFC 9457 shape and carries the request id.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::TestApp;

async fn every_problem_has_the_full_shape(app: TestApp) {
    let owner = app.signup("Problems").await;
    let answers = vec![
        app.get("/api/v1/nope").send().await,
        app.delete("/api/v1/users").send().await,
        app.get("/api/v1/me").send().await,
        app.get("/api/v1/me").token("garbage").send().await,
        app.post("/api/v1/users")
            .token(&owner.token)
            .raw("{", "application/json")
            .send()
            .await,
        app.post("/api/v1/users")
            .token(&owner.token)
            .json(&json!({"name": ""}))
            .send()
            .await,
        app.create_user(
            &owner.token,
            &json!({"name": "", "email": "x", "password": "y", "role": "viewer"}),
        )
        .await,
        app.get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()))
            .token(&owner.token)
            .send()
            .await,
        app.get("/api/v1/users?limit=0")
            .token(&owner.token)
            .send()
            .await,
        app.post("/api/v1/auth/token")
            .json(&json!({"email": owner.email, "password": "wrong password"}))
            .send()
            .await,
    ];
    for a in &answers {
        assert!(a.status.is_client_error(), "{}", a.text);
        assert!(a.is_problem(), "{:?}: {}", a.header("content-type"), a.text);
        let b = &a.body;
        for key in ["type", "title", "detail", "code", "instance"] {
            assert!(
                b[key].as_str().is_some_and(|s| !s.is_empty()),
                "`{key}` missing: {}",
                a.text
            );
        }
        assert_eq!(b["status"], a.status.as_u16(), "{}", a.text);
        assert!(b["errors"].is_array(), "{}", a.text);
        for e in b["errors"].as_array().unwrap() {
            for key in ["field", "code", "message"] {
                assert!(e[key].is_string(), "errors[].{key}: {}", a.text);
            }
        }
        assert!(
            b["type"]
                .as_str()
                .unwrap()
                .ends_with(b["code"].as_str().unwrap()),
            "{}",
            a.text
        );
        let request_id = a
            .header("x-request-id")
            .expect("X-Request-Id on every answer");
        assert!(
            b["instance"].as_str().unwrap().contains(&request_id),
            "{request_id} / {}",
            a.text
        );
    }
    // Request ids differ between requests.
    let ids: BTreeSet<String> = answers
        .iter()
        .map(|a| a.header("x-request-id").unwrap())
        .collect();
    assert_eq!(ids.len(), answers.len());
}
both_backends!(
    every_problem_has_the_full_shape_works,
    super::every_problem_has_the_full_shape
);

async fn client_request_id_is_echoed(app: TestApp) {
    let rid = format!("client-req-{}", uuid::Uuid::now_v7().simple());
    let a = app
        .get("/api/v1/me")
        .header("x-request-id", &rid)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.header("x-request-id").as_deref(), Some(rid.as_str()));
    assert!(
        a.body["instance"].as_str().unwrap().contains(&rid),
        "{}",
        a.text
    );
    // Successful answers carry it too.
    let ok = app
        .get("/healthz")
        .header("x-request-id", &rid)
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.header("x-request-id").as_deref(), Some(rid.as_str()));
    // An unusable id is replaced rather than echoed.
    let bad = app
        .get("/healthz")
        .header("x-request-id", "has spaces in it")
        .send()
        .await;
    let got = bad.header("x-request-id").unwrap();
    assert!(!got.is_empty() && got != "has spaces in it", "{got}");
}
both_backends!(
    client_request_id_is_echoed_works,
    super::client_request_id_is_echoed
);
