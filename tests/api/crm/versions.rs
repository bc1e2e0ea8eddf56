//! A stale If-Match is 412 on every CRM PATCH and changes nothing.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::TestApp;

async fn stale_if_match_and_expect(app: &TestApp, t: &str, path: &str, body: Value) {
    let g = app.get(path).token(t).send().await;
    assert_eq!(g.status, StatusCode::OK, "{path}: {}", g.text);
    let etag = g
        .header("etag")
        .unwrap_or_else(|| panic!("{path} has no ETag"));
    let ok = app
        .patch(path)
        .token(t)
        .header("If-Match", &etag)
        .json(&body)
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{path}: {}", ok.text);
    let stale = app
        .patch(path)
        .token(t)
        .header("If-Match", &etag)
        .json(&body)
        .send()
        .await;
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{path}: {}",
        stale.text
    );
    assert_eq!(stale.code(), "version_mismatch", "{path}");
    let junk = app
        .patch(path)
        .token(t)
        .header("If-Match", "\"nonsense\"")
        .json(&body)
        .send()
        .await;
    assert_eq!(
        junk.status,
        StatusCode::PRECONDITION_FAILED,
        "{path}: {}",
        junk.text
    );
    let after = app.fetch(t, path).await;
    assert_eq!(
        after["version"], ok.body["version"],
        "{path}: a stale write changed nothing"
    );
}

async fn stale_if_match_is_412_on_crm_patches(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    for (path, body) in [
        (format!("/api/v1/accounts/{a}"), json!({"goals": "grow"})),
        (
            format!("/api/v1/contacts/{}", r.contact),
            json!({"title": "CFO"}),
        ),
        (
            format!("/api/v1/interactions/{}", r.interaction),
            json!({"summary": "went well"}),
        ),
        (
            format!("/api/v1/requests/{}", r.request),
            json!({"status": "answered"}),
        ),
        (
            format!("/api/v1/tasks/{}", r.task),
            json!({"priority": "high"}),
        ),
        (
            format!("/api/v1/opportunities/{}", r.opportunity),
            json!({"probability": 60}),
        ),
        (
            format!("/api/v1/risks/{}", r.risk),
            json!({"description": "slower"}),
        ),
        (
            format!("/api/v1/competitors/{}", r.competitor),
            json!({"notes": "cheap"}),
        ),
    ] {
        stale_if_match_and_expect(&app, t, &path, body).await;
    }
}
both_backends!(
    stale_if_match_is_412_on_crm_patches_works,
    super::stale_if_match_is_412_on_crm_patches
);

async fn stale_if_match_is_412_on_proposals(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    stale_if_match_and_expect(
        &app,
        t,
        &format!("/api/v1/proposals/{}", r.proposal),
        json!({"summary": "v1, revised"}),
    )
    .await;
}
both_backends!(
    stale_if_match_is_412_on_proposals_works,
    super::stale_if_match_is_412_on_proposals
);
