//! Access tokens: what is not one (missing, garbage, forged, other algorithms, other secrets,
//! expired) is 401.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{claims_for, me, mint, now, refresh};
use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::{spawn_app_with, TestApp, JWT_SECRET, PASSWORD};

async fn missing_and_garbage_tokens_are_401(app: TestApp) {
    let missing = app.get("/api/v1/me").send().await;
    assert_problem(&missing, StatusCode::UNAUTHORIZED, "unauthenticated");
    assert!(missing
        .header("www-authenticate")
        .is_some_and(|h| h.starts_with("Bearer")));

    for bad in [
        "garbage",
        "a.b.c",
        "eyJhbGciOiJIUzI1NiJ9..",
        "rt_notarealrefreshtoken",
    ] {
        let a = me(&app, bad).await;
        assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    let basic = app
        .get("/api/v1/me")
        .header("authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await;
    assert_problem(&basic, StatusCode::UNAUTHORIZED, "invalid_token");
}
both_backends!(
    missing_and_garbage_tokens_are_401_works,
    super::missing_and_garbage_tokens_are_401
);

async fn a_refresh_token_is_not_an_access_token(app: TestApp) {
    let owner = app.signup("Refresh As Access").await;
    let a = me(&app, &owner.refresh_token).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.text);
}
both_backends!(
    a_refresh_token_is_not_an_access_token_works,
    super::a_refresh_token_is_not_an_access_token
);

async fn forged_signature_is_401(app: TestApp) {
    let owner = app.signup("Forgery").await;
    let (head, sig) = owner.token.rsplit_once('.').unwrap();
    // Change characters in the middle of the signature (the last one may only carry padding bits).
    let mut chars: Vec<char> = sig.chars().collect();
    for i in [3, 10, 20] {
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    }
    let forged = format!("{head}.{}", chars.into_iter().collect::<String>());
    assert_ne!(forged, owner.token);
    assert_problem(
        &me(&app, &forged).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );

    // The same header and signature over tampered claims (owner → admin) fail too.
    let parts: Vec<&str> = owner.token.split('.').collect();
    let mut claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    claims["role"] = json!("admin");
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        parts[2]
    );
    assert_problem(
        &me(&app, &tampered).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // And the original still works.
    assert_eq!(me(&app, &owner.token).await.status, StatusCode::OK);
}
both_backends!(
    forged_signature_is_401_works,
    super::forged_signature_is_401
);

async fn alg_none_and_other_algorithms_are_401(app: TestApp) {
    let owner = app.signup("Alg None").await;
    let claims = claims_for(&owner, now(), now() + 600);
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(claims.to_string());
    for token in [format!("{header}.{body}."), format!("{header}.{body}")] {
        assert_problem(
            &me(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "invalid_token",
        );
    }
    // Signed with the right secret but HS512: the algorithm is pinned to HS256.
    let hs512 = mint(JWT_SECRET, jsonwebtoken::Algorithm::HS512, claims.clone());
    assert_problem(
        &me(&app, &hs512).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // Control: the same claims, HS256 with the right secret, are accepted.
    let good = mint(JWT_SECRET, jsonwebtoken::Algorithm::HS256, claims);
    assert_eq!(me(&app, &good).await.status, StatusCode::OK);
}
both_backends!(
    alg_none_and_other_algorithms_are_401_works,
    super::alg_none_and_other_algorithms_are_401
);

async fn minted_bad_tokens_are_401(app: TestApp) {
    let owner = app.signup("Minted").await;
    let hs = jsonwebtoken::Algorithm::HS256;
    // Expired beyond the leeway.
    let expired = mint(JWT_SECRET, hs, claims_for(&owner, now() - 3600, now() - 60));
    let a = me(&app, &expired).await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_token");
    assert!(
        a.body["detail"].as_str().unwrap().contains("expired"),
        "{}",
        a.text
    );
    // Signed with another secret.
    let other = mint(
        "another-secret-that-is-long-enough-xyz",
        hs,
        claims_for(&owner, now(), now() + 600),
    );
    assert_problem(
        &me(&app, &other).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // Another issuer.
    let mut claims = claims_for(&owner, now(), now() + 600);
    claims["iss"] = json!("someone-else");
    assert_problem(
        &me(&app, &mint(JWT_SECRET, hs, claims)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // Not an access token.
    let mut claims = claims_for(&owner, now(), now() + 600);
    claims["typ"] = json!("refresh");
    assert_problem(
        &me(&app, &mint(JWT_SECRET, hs, claims)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    // The role in a token is not trusted: the user's current role is read on every request.
    let mut claims = claims_for(&owner, now(), now() + 600);
    claims["role"] = json!("superuser");
    let a = me(&app, &mint(JWT_SECRET, hs, claims)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["role"], "owner");
    // Another organization's id beside this user's: no such user there, so the token is
    // invalid (not a deactivated user).
    let other_org = app.signup("Minted Elsewhere").await;
    let mut claims = claims_for(&owner, now(), now() + 600);
    claims["org"] = json!(other_org.organization_id);
    let a = me(&app, &mint(JWT_SECRET, hs, claims)).await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_token");
    assert!(
        a.body["detail"].as_str().unwrap().contains("no user"),
        "{}",
        a.text
    );
    // Without exp.
    let mut claims = claims_for(&owner, now(), now() + 600);
    claims.as_object_mut().unwrap().remove("exp");
    assert_problem(
        &me(&app, &mint(JWT_SECRET, hs, claims)).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
}
both_backends!(
    minted_bad_tokens_are_401_works,
    super::minted_bad_tokens_are_401
);

async fn access_token_expires_after_its_ttl(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| {
        c.access_token_ttl = std::time::Duration::from_secs(1)
    })
    .await
    else {
        return;
    };
    let owner = app.signup("Short Lived").await;
    let token = app.login(&owner.email, PASSWORD).await;
    assert_eq!(me(&app, &token).await.status, StatusCode::OK);
    // 1 s of life plus the server's 5 s of leeway, and a margin.
    actix_web::rt::time::sleep(std::time::Duration::from_secs(7)).await;
    let a = me(&app, &token).await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_token");
    // The refresh token still gets a fresh access token.
    let r = refresh(&app, &owner.refresh_token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        me(&app, r.body["access_token"].as_str().unwrap())
            .await
            .status,
        StatusCode::OK
    );
}
both_backends!(
    access_token_expires_after_its_ttl_works,
    super::access_token_expires_after_its_ttl
);

async fn token_from_a_server_with_another_secret_is_401(app: TestApp) {
    let Some(other) = spawn_app_with(app.backend, |c| {
        c.jwt_secret = Some(accord::config::Secret::new(
            "another-secret-that-is-long-enough-xyz".into(),
        ))
    })
    .await
    else {
        return;
    };
    let on_other = other.signup("Elsewhere").await;
    assert_eq!(me(&other, &on_other.token).await.status, StatusCode::OK);
    assert_problem(
        &me(&app, &on_other.token).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
    let here = app.signup("Here").await;
    assert_problem(
        &me(&other, &here.token).await,
        StatusCode::UNAUTHORIZED,
        "invalid_token",
    );
}
both_backends!(
    token_from_a_server_with_another_secret_is_401_works,
    super::token_from_a_server_with_another_secret_is_401
);
