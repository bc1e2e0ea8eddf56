//! Refresh tokens rotate and a reused one revokes its family; logout ends one session.

use reqwest::StatusCode;
use serde_json::json;

use super::{login_answer, me, refresh};
use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::{TestApp, PASSWORD};

async fn refresh_rotates_and_reuse_revokes_the_family(app: TestApp) {
    let owner = app.signup("Rotation").await;
    let first = refresh(&app, &owner.refresh_token).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    assert_eq!(first.body["token_type"], "Bearer");
    let new_refresh = first.body["refresh_token"].as_str().unwrap().to_owned();
    let new_access = first.body["access_token"].as_str().unwrap().to_owned();
    assert_ne!(new_refresh, owner.refresh_token, "refresh tokens rotate");
    assert_eq!(me(&app, &new_access).await.status, StatusCode::OK);

    let reused = refresh(&app, &owner.refresh_token).await;
    assert_problem(&reused, StatusCode::UNAUTHORIZED, "refresh_token_reused");
    // The login's access tokens stop working at once, not when they expire: the one issued at
    // sign-up and the one the rotation handed out (someone may hold a stolen one).
    for token in [&owner.token, &new_access] {
        assert_problem(
            &me(&app, token).await,
            StatusCode::UNAUTHORIZED,
            "session_revoked",
        );
    }

    // The reuse revoked the whole family, including the token handed out by the rotation.
    let after = refresh(&app, &new_refresh).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED, "{}", after.text);
    assert!(after.is_problem());

    // Another login (another family) is untouched.
    let other = login_answer(&app, &owner.email, PASSWORD).await;
    let r = refresh(&app, other.body["refresh_token"].as_str().unwrap()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}
both_backends!(
    refresh_rotates_and_reuse_revokes_the_family_works,
    super::refresh_rotates_and_reuse_revokes_the_family
);

async fn unknown_refresh_token_is_401(app: TestApp) {
    let a = refresh(&app, "rt_this-token-was-never-issued").await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_refresh_token");
}
both_backends!(
    unknown_refresh_token_is_401_works,
    super::unknown_refresh_token_is_401
);

async fn logout_revokes_the_session(app: TestApp) {
    let owner = app.signup("Logout").await;
    let other = login_answer(&app, &owner.email, PASSWORD).await;
    let out = app
        .post("/api/v1/auth/logout")
        .json(&json!({"refresh_token": owner.refresh_token}))
        .send()
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{}", out.text);
    let r = refresh(&app, &owner.refresh_token).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text);
    assert!(r.is_problem());
    assert_problem(
        &me(&app, &owner.token).await,
        StatusCode::UNAUTHORIZED,
        "session_revoked",
    );
    // Logging out one session leaves the others.
    let other_access = other.body["access_token"].as_str().unwrap();
    assert_eq!(me(&app, other_access).await.status, StatusCode::OK);
    let r = refresh(&app, other.body["refresh_token"].as_str().unwrap()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Logging out an unknown token is not an error.
    let again = app
        .post("/api/v1/auth/logout")
        .json(&json!({"refresh_token": "rt_unknown"}))
        .send()
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT, "{}", again.text);
}
both_backends!(
    logout_revokes_the_session_works,
    super::logout_revokes_the_session
);
