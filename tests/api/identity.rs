//! Identity and access: signup, tokens, refresh rotation, roles, tenant isolation, users,
//! API keys and teams.

use std::collections::BTreeSet;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{spawn_app_with, Answer, Colleague, Signed, TestApp, JWT_SECRET, PASSWORD};

// ---------------------------------------------------------------------------------------------
// Helpers

/// POST /auth/token; the whole answer.
async fn login_answer(app: &TestApp, email: &str, password: &str) -> Answer {
    app.post("/api/v1/auth/token")
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
}

async fn refresh(app: &TestApp, refresh_token: &str) -> Answer {
    app.post("/api/v1/auth/refresh")
        .json(&json!({"refresh_token": refresh_token}))
        .send()
        .await
}

async fn me(app: &TestApp, token: &str) -> Answer {
    app.get("/api/v1/me").token(token).send().await
}

/// Signs `claims` as a JWT with `alg` and `secret` (the `jsonwebtoken` crate is a dependency of accord).
fn mint(secret: &str, alg: jsonwebtoken::Algorithm, claims: Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(alg),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn claims_for(owner: &Signed, iat: i64, exp: i64) -> Value {
    json!({
        "sub": owner.user_id,
        "org": owner.organization_id,
        "role": "owner",
        "iss": "accord",
        "iat": iat,
        "exp": exp,
        "typ": "access",
    })
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

// ---------------------------------------------------------------------------------------------
// Signup and login

async fn signup_token_me(app: TestApp) {
    let owner = app.signup("Acme Ltd").await;
    let token = app.login(&owner.email, PASSWORD).await;
    let me = app.get("/api/v1/me").token(&token).send().await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text);
    assert_eq!(me.body["principal"], "user");
    assert_eq!(me.body["email"], owner.email.as_str());
    assert_eq!(me.body["role"], "owner");
    assert_eq!(me.body["organization"]["base_currency"], "USD");
}
both_backends!(signup_token_me_works, super::signup_token_me);

async fn signup_answers_the_documented_shape(app: TestApp) {
    let email = unique_email("shape");
    let a = app
        .post("/api/v1/auth/signup")
        .json(&json!({
            "organization_name": "Shape GmbH", "name": "Sam", "email": email, "password": PASSWORD,
            "base_currency": "EUR", "fiscal_year_start_month": 4
        }))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["token_type"], "Bearer");
    assert!(a.body["expires_in"].as_i64().unwrap() > 0);
    assert!(a.body["access_token"].is_string() && a.body["refresh_token"].is_string());
    assert_eq!(a.body["organization"]["base_currency"], "EUR");
    assert_eq!(a.body["organization"]["fiscal_year_start_month"], 4);
    assert_eq!(a.body["user"]["role"], "owner");
    assert_eq!(a.body["user"]["email"], email.as_str());
    assert!(a.body["user"].get("password_hash").is_none() && !a.text.contains("argon2"));
}
both_backends!(
    signup_answers_the_documented_shape_works,
    super::signup_answers_the_documented_shape
);

async fn signup_lists_every_bad_field(app: TestApp) {
    let a = app
        .post("/api/v1/auth/signup")
        .json(&json!({
            "organization_name": "",
            "name": "Olivia",
            "email": "not-an-email",
            "password": "short",
            "base_currency": "XYZ",
            "fiscal_year_start_month": 13
        }))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: BTreeSet<String> = a.error_fields().into_iter().collect();
    for f in [
        "organization_name",
        "email",
        "password",
        "base_currency",
        "fiscal_year_start_month",
    ] {
        assert!(
            fields.contains(f),
            "{f} missing from {fields:?}: {}",
            a.text
        );
    }
    assert!(
        !fields.contains("name"),
        "a good field is not an error: {}",
        a.text
    );
}
both_backends!(
    signup_lists_every_bad_field_works,
    super::signup_lists_every_bad_field
);

async fn signup_with_a_taken_email_is_422(app: TestApp) {
    let owner = app.signup("First").await;
    let a = app
        .post("/api/v1/auth/signup")
        .json(&json!({
            "organization_name": "Second", "name": "Copy", "email": owner.email.to_uppercase(), "password": PASSWORD
        }))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
    assert_eq!(
        field_code(&a, "email").as_deref(),
        Some("email_taken"),
        "{}",
        a.text
    );
}
both_backends!(
    signup_with_a_taken_email_is_422_works,
    super::signup_with_a_taken_email_is_422
);

async fn email_is_case_insensitive_for_login(app: TestApp) {
    let local = uuid::Uuid::now_v7().simple().to_string();
    let mixed = format!("Mixed.Case-{local}@Example.COM");
    let a = app
        .post("/api/v1/auth/signup")
        .json(&json!({"organization_name": "Case Co", "name": "Casey", "email": mixed, "password": PASSWORD}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    for spelling in [
        mixed.to_lowercase(),
        mixed.to_uppercase(),
        format!("  {mixed} "),
    ] {
        let l = login_answer(&app, &spelling, PASSWORD).await;
        assert_eq!(
            l.status,
            StatusCode::OK,
            "login as {spelling:?}: {}",
            l.text
        );
    }
}
both_backends!(
    email_is_case_insensitive_for_login_works,
    super::email_is_case_insensitive_for_login
);

async fn wrong_password_and_unknown_email_answer_alike(app: TestApp) {
    let owner = app.signup("Creds").await;
    let wrong = login_answer(&app, &owner.email, "not the password at all").await;
    assert_problem(&wrong, StatusCode::UNAUTHORIZED, "invalid_credentials");
    let unknown = login_answer(&app, &unique_email("nobody"), PASSWORD).await;
    assert_problem(&unknown, StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(wrong.body["detail"], unknown.body["detail"]);
    assert_eq!(wrong.body["errors"], unknown.body["errors"]);
    assert!(
        !wrong.text.contains(&owner.email),
        "the answer does not echo the email"
    );
}
both_backends!(
    wrong_password_and_unknown_email_answer_alike_works,
    super::wrong_password_and_unknown_email_answer_alike
);

// ---------------------------------------------------------------------------------------------
// Access tokens

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

// ---------------------------------------------------------------------------------------------
// Refresh and logout

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
    // Logging out one session leaves the others.
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

// ---------------------------------------------------------------------------------------------
// Roles

async fn viewer_reads_but_cannot_write_users_or_teams(app: TestApp) {
    let owner = app.signup("Roles").await;
    let viewer = app.colleague(&owner.token, "viewer").await.token;

    let list = app.get("/api/v1/users").token(&viewer).send().await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    assert_eq!(list.body["data"].as_array().unwrap().len(), 2);

    let u = app.create_user(&viewer, &json!({"name": "Nope", "email": unique_email("nope"), "password": PASSWORD, "role": "viewer"}),
    )
    .await;
    assert_problem(&u, StatusCode::FORBIDDEN, "forbidden");
    assert!(
        u.body["detail"].as_str().unwrap().contains("users:write")
            || u.text.contains("\"users:write\""),
        "{}",
        u.text
    );

    let t = app
        .post("/api/v1/teams")
        .token(&viewer)
        .json(&json!({"name": "Nope"}))
        .send()
        .await;
    assert_problem(&t, StatusCode::FORBIDDEN, "forbidden");
    assert!(t.text.contains("teams:write"), "{}", t.text);

    // Nothing was created.
    let list = app.get("/api/v1/users").token(&owner.token).send().await;
    assert_eq!(list.body["data"].as_array().unwrap().len(), 2);
    let teams = app.get("/api/v1/teams").token(&owner.token).send().await;
    assert_eq!(teams.body["data"].as_array().unwrap().len(), 0);
}
both_backends!(
    viewer_reads_but_cannot_write_users_or_teams_works,
    super::viewer_reads_but_cannot_write_users_or_teams
);

async fn admin_cannot_create_an_owner(app: TestApp) {
    let owner = app.signup("Admins").await;
    let admin = app.colleague(&owner.token, "admin").await.token;
    let a = app.create_user(&admin, &json!({"name": "Boss", "email": unique_email("boss"), "password": PASSWORD, "role": "owner"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(a.is_problem());
    assert_eq!(
        field_code(&a, "role").as_deref(),
        Some("role_exceeds_own"),
        "{}",
        a.text
    );
    // An admin may create another admin.
    let ok = app.create_user(&admin, &json!({"name": "Peer", "email": unique_email("peer"), "password": PASSWORD, "role": "admin"}),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
}
both_backends!(
    admin_cannot_create_an_owner_works,
    super::admin_cannot_create_an_owner
);

async fn titles_belong_to_account_managers(app: TestApp) {
    let owner = app.signup("Titles").await;
    let am = app.create_user(&owner.token, &json!({"name": "Amy", "email": unique_email("am"), "password": PASSWORD, "role": "account_manager"}),
    )
    .await;
    assert_eq!(am.status, StatusCode::CREATED, "{}", am.text);
    assert_eq!(am.body["title"], "account_manager");

    let kam = app
        .create_user(
            &owner.token,
            &json!({"name": "Kim", "email": unique_email("kam"), "password": PASSWORD,
               "role": "account_manager", "title": "key_account_manager"}),
        )
        .await;
    assert_eq!(kam.status, StatusCode::CREATED, "{}", kam.text);
    assert_eq!(kam.body["title"], "key_account_manager");

    let viewer = app
        .create_user(
            &owner.token,
            &json!({"name": "Vic", "email": unique_email("vic"), "password": PASSWORD,
               "role": "viewer", "title": "account_executive"}),
        )
        .await;
    assert_eq!(
        viewer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        viewer.text
    );
    assert!(viewer.is_problem());
    assert!(
        viewer.error_fields().contains(&"title".to_owned()),
        "{}",
        viewer.text
    );

    let bad_title = app
        .create_user(
            &owner.token,
            &json!({"name": "Bo", "email": unique_email("bo"), "password": PASSWORD,
               "role": "account_manager", "title": "grand_vizier"}),
        )
        .await;
    assert_eq!(
        bad_title.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        bad_title.text
    );
    assert!(
        bad_title.error_fields().contains(&"title".to_owned()),
        "{}",
        bad_title.text
    );
}
both_backends!(
    titles_belong_to_account_managers_works,
    super::titles_belong_to_account_managers
);

async fn create_user_lists_every_bad_field(app: TestApp) {
    let owner = app.signup("User Validation").await;
    let a = app.create_user(&owner.token, &json!({"name": "", "email": "nope", "password": "short", "role": "viewer", "title": "account_manager"}),
    )
    .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: BTreeSet<String> = a.error_fields().into_iter().collect();
    for f in ["name", "email", "password", "title"] {
        assert!(fields.contains(f), "{f} missing: {}", a.text);
    }
}
both_backends!(
    create_user_lists_every_bad_field_works,
    super::create_user_lists_every_bad_field
);

async fn duplicate_user_email_is_422(app: TestApp) {
    let owner = app.signup("Dup Users").await;
    let email = app.colleague(&owner.token, "viewer").await.email;
    let a = app.create_user(&owner.token, &json!({"name": "Again", "email": email.to_uppercase(), "password": PASSWORD, "role": "viewer"}),
    )
    .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
}
both_backends!(
    duplicate_user_email_is_422_works,
    super::duplicate_user_email_is_422
);

// ---------------------------------------------------------------------------------------------
// Tenant isolation

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

// ---------------------------------------------------------------------------------------------
// Users

async fn owner_renames_a_user(app: TestApp) {
    let owner = app.signup("Renames").await;
    let id = app.colleague(&owner.token, "accountant").await.id;
    let a = app
        .patch(&format!("/api/v1/users/{id}"))
        .token(&owner.token)
        .json(&json!({"name": "  Renamed Person  "}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["name"], "Renamed Person");
    assert_eq!(a.body["version"], 2);
    let get = app
        .get(&format!("/api/v1/users/{id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(get.body["name"], "Renamed Person");
    assert_eq!(get.body["role"], "accountant");
}
both_backends!(owner_renames_a_user_works, super::owner_renames_a_user);

async fn the_last_owner_stays(app: TestApp) {
    let owner = app.signup("Last Owner").await;
    let path = format!("/api/v1/users/{}", owner.user_id);
    let deactivate = app
        .patch(&path)
        .token(&owner.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(
        deactivate.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        deactivate.text
    );
    assert_eq!(
        field_code(&deactivate, "is_active").as_deref(),
        Some("last_owner"),
        "{}",
        deactivate.text
    );

    let demote = app
        .patch(&path)
        .token(&owner.token)
        .json(&json!({"role": "admin"}))
        .send()
        .await;
    assert_eq!(
        demote.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        demote.text
    );
    assert_eq!(
        field_code(&demote, "role").as_deref(),
        Some("last_owner"),
        "{}",
        demote.text
    );

    let get = app.get(&path).token(&owner.token).send().await;
    assert_eq!(get.body["role"], "owner");
    assert_eq!(get.body["is_active"], true);
    assert_eq!(get.body["version"], 1, "refused changes leave no trace");

    // With a second owner, the first may step down.
    app.colleague(&owner.token, "owner").await;
    let demote = app
        .patch(&path)
        .token(&owner.token)
        .json(&json!({"role": "admin"}))
        .send()
        .await;
    assert_eq!(demote.status, StatusCode::OK, "{}", demote.text);
    assert_eq!(demote.body["role"], "admin");
}
both_backends!(the_last_owner_stays_works, super::the_last_owner_stays);

async fn deactivated_user_cannot_log_in(app: TestApp) {
    let owner = app.signup("Deactivation").await;
    let Colleague { id, email, .. } = app.colleague(&owner.token, "viewer").await;
    let session = login_answer(&app, &email, PASSWORD).await;
    assert_eq!(session.status, StatusCode::OK);
    let a = app
        .patch(&format!("/api/v1/users/{id}"))
        .token(&owner.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["is_active"], false);

    let login = login_answer(&app, &email, PASSWORD).await;
    assert_problem(&login, StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = refresh(&app, session.body["refresh_token"].as_str().unwrap()).await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "deactivation ends open sessions: {}",
        r.text
    );
    let m = me(&app, session.body["access_token"].as_str().unwrap()).await;
    assert_eq!(m.status, StatusCode::UNAUTHORIZED, "{}", m.text);

    // Reactivated, they log in again.
    let a = app
        .patch(&format!("/api/v1/users/{id}"))
        .token(&owner.token)
        .json(&json!({"is_active": true}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        login_answer(&app, &email, PASSWORD).await.status,
        StatusCode::OK
    );
}
both_backends!(
    deactivated_user_cannot_log_in_works,
    super::deactivated_user_cannot_log_in
);

async fn users_patch_rules(app: TestApp) {
    let owner = app.signup("Patch Rules").await;
    let Colleague {
        id: viewer_id,
        token: viewer,
        ..
    } = app.colleague(&owner.token, "viewer").await;
    let other_id = app.colleague(&owner.token, "accountant").await.id;
    let admin = app.colleague(&owner.token, "admin").await.token;

    // A viewer renames themself but nobody else, and cannot promote themself.
    let own = app
        .patch(&format!("/api/v1/users/{viewer_id}"))
        .token(&viewer)
        .json(&json!({"name": "Self Named"}))
        .send()
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.text);
    let other = app
        .patch(&format!("/api/v1/users/{other_id}"))
        .token(&viewer)
        .json(&json!({"name": "Nope"}))
        .send()
        .await;
    assert_problem(&other, StatusCode::FORBIDDEN, "forbidden");
    let promote = app
        .patch(&format!("/api/v1/users/{viewer_id}"))
        .token(&viewer)
        .json(&json!({"role": "admin"}))
        .send()
        .await;
    assert_problem(&promote, StatusCode::FORBIDDEN, "forbidden");

    // An admin cannot touch an owner's role or make anyone an owner.
    let a = app
        .patch(&format!("/api/v1/users/{}", owner.user_id))
        .token(&admin)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(
        field_code(&a, "role").as_deref(),
        Some("role_exceeds_own"),
        "{}",
        a.text
    );
    let a = app
        .patch(&format!("/api/v1/users/{other_id}"))
        .token(&admin)
        .json(&json!({"role": "owner"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(
        field_code(&a, "role").as_deref(),
        Some("role_exceeds_own"),
        "{}",
        a.text
    );

    // Becoming an account manager brings the default title; leaving the role drops it.
    let a = app
        .patch(&format!("/api/v1/users/{other_id}"))
        .token(&admin)
        .json(&json!({"role": "account_manager"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["title"], "account_manager");
    let a = app
        .patch(&format!("/api/v1/users/{other_id}"))
        .token(&admin)
        .json(&json!({"role": "viewer"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["title"], Value::Null);

    // Short passwords and empty names are refused, together.
    let a = app
        .patch(&format!("/api/v1/users/{other_id}"))
        .token(&admin)
        .json(&json!({"name": " ", "password": "short"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields = a.error_fields();
    assert!(
        fields.contains(&"name".to_owned()) && fields.contains(&"password".to_owned()),
        "{}",
        a.text
    );
}
both_backends!(users_patch_rules_works, super::users_patch_rules);

async fn password_change_takes_effect(app: TestApp) {
    let owner = app.signup("Passwords").await;
    let Colleague { id, email, .. } = app.colleague(&owner.token, "viewer").await;
    let new_password = "a brand new password 123";
    let a = app
        .patch(&format!("/api/v1/users/{id}"))
        .token(&owner.token)
        .json(&json!({"password": new_password}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        login_answer(&app, &email, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login_answer(&app, &email, new_password).await.status,
        StatusCode::OK
    );
}
both_backends!(
    password_change_takes_effect_works,
    super::password_change_takes_effect
);

// ---------------------------------------------------------------------------------------------
// API keys

async fn api_key_lifecycle(app: TestApp) {
    let owner = app.signup("Keys").await;
    let a = app
        .create_api_key(
            &owner.token,
            &json!({"name": "Billing sync", "role": "accountant"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let id = a.body["id"].as_str().unwrap().to_owned();
    let key = a.body["key"].as_str().unwrap().to_owned();
    let prefix = a.body["prefix"].as_str().unwrap().to_owned();
    assert!(key.starts_with("acc_"), "{key}");
    assert!(
        key.starts_with(&prefix) && prefix.len() < key.len(),
        "{prefix} / {key}"
    );
    assert_eq!(a.body["role"], "accountant");
    assert_eq!(a.body["created_by"], owner.user_id.as_str());
    let location = a.header("location").expect("Location");
    assert!(location.ends_with(&format!("/api-keys/{id}")), "{location}");

    // The key authenticates as itself, with its own role, for its creator.
    let m = me(&app, &key).await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.text);
    assert_eq!(m.body["principal"], "api_key");
    assert_eq!(m.body["id"], id.as_str());
    assert_eq!(m.body["role"], "accountant");
    assert_eq!(m.body["acting_for_user_id"], owner.user_id.as_str());
    assert_eq!(m.body["organization"]["id"], owner.organization_id.as_str());
    assert!(m.body.get("email").is_none());

    // The secret is never listed again.
    let list = app.get("/api/v1/api-keys").token(&owner.token).send().await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.text.contains(&key), "{}", list.text);
    let listed = &list.body["data"][0];
    assert_eq!(listed["id"], id.as_str());
    assert_eq!(listed["prefix"], prefix.as_str());
    assert!(
        listed.get("key").is_none() && listed.get("key_hash").is_none(),
        "{}",
        list.text
    );
    assert!(
        !listed["last_used_at"].is_null(),
        "using the key records it: {}",
        list.text
    );

    // Revoked, it stops working at once.
    let del = app
        .delete(&format!("/api/v1/api-keys/{id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.text);
    assert_problem(
        &me(&app, &key).await,
        StatusCode::UNAUTHORIZED,
        "invalid_api_key",
    );
    let list = app.get("/api/v1/api-keys").token(&owner.token).send().await;
    assert!(
        !list.body["data"][0]["revoked_at"].is_null(),
        "{}",
        list.text
    );
    // A made-up key is refused the same way.
    assert_problem(
        &me(&app, "acc_madeupmadeupmadeup").await,
        StatusCode::UNAUTHORIZED,
        "invalid_api_key",
    );
}
both_backends!(api_key_lifecycle_works, super::api_key_lifecycle);

async fn api_key_role_defaults_to_and_never_exceeds_the_creator(app: TestApp) {
    let owner = app.signup("Key Roles").await;
    let am = app.colleague(&owner.token, "account_manager").await.token;
    let default = app.create_api_key(&am, &json!({"name": "Mine"})).await;
    assert_eq!(default.status, StatusCode::CREATED, "{}", default.text);
    assert_eq!(default.body["role"], "account_manager");

    let admin_key = app
        .create_api_key(&am, &json!({"name": "Too much", "role": "admin"}))
        .await;
    assert_eq!(
        admin_key.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        admin_key.text
    );
    assert!(admin_key.is_problem());
    assert_eq!(
        field_code(&admin_key, "role").as_deref(),
        Some("role_exceeds_own"),
        "{}",
        admin_key.text
    );

    let viewer_key = app
        .create_api_key(&am, &json!({"name": "Read only", "role": "viewer"}))
        .await;
    assert_eq!(
        viewer_key.status,
        StatusCode::CREATED,
        "{}",
        viewer_key.text
    );
}
both_backends!(
    api_key_role_defaults_to_and_never_exceeds_the_creator_works,
    super::api_key_role_defaults_to_and_never_exceeds_the_creator
);

async fn a_viewer_key_cannot_write(app: TestApp) {
    let owner = app.signup("Viewer Key").await;
    let k = app
        .create_api_key(
            &owner.token,
            &json!({"name": "Dashboard", "role": "viewer"}),
        )
        .await;
    let key = k.body["key"].as_str().unwrap().to_owned();
    let a = app.create_user(&key, &json!({"name": "Nope", "email": unique_email("nope"), "password": PASSWORD, "role": "viewer"}),
    )
    .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    assert!(a.text.contains("users:write"), "{}", a.text);
    let t = app
        .post("/api/v1/teams")
        .token(&key)
        .json(&json!({"name": "Nope"}))
        .send()
        .await;
    assert_problem(&t, StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(
        app.get("/api/v1/users").token(&key).send().await.status,
        StatusCode::OK
    );
}
both_backends!(
    a_viewer_key_cannot_write_works,
    super::a_viewer_key_cannot_write
);

async fn admins_see_every_key_others_their_own(app: TestApp) {
    let owner = app.signup("Key Lists").await;
    let admin = app.colleague(&owner.token, "admin").await.token;
    let am = app.colleague(&owner.token, "account_manager").await.token;
    let owner_key = app
        .create_api_key(&owner.token, &json!({"name": "Owner's"}))
        .await;
    let am_key = app.create_api_key(&am, &json!({"name": "AM's"})).await;
    let owner_key_id = owner_key.body["id"].as_str().unwrap().to_owned();
    let am_key_id = am_key.body["id"].as_str().unwrap().to_owned();

    let ids = |a: &Answer| -> BTreeSet<String> {
        a.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let by_admin = app.get("/api/v1/api-keys").token(&admin).send().await;
    assert_eq!(
        ids(&by_admin),
        BTreeSet::from([owner_key_id.clone(), am_key_id.clone()]),
        "{}",
        by_admin.text
    );
    let by_am = app.get("/api/v1/api-keys").token(&am).send().await;
    assert_eq!(
        ids(&by_am),
        BTreeSet::from([am_key_id.clone()]),
        "{}",
        by_am.text
    );

    // Revoking someone else's key needs the admin permission.
    let del = app
        .delete(&format!("/api/v1/api-keys/{owner_key_id}"))
        .token(&am)
        .send()
        .await;
    assert_problem(&del, StatusCode::FORBIDDEN, "forbidden");
    let key = owner_key.body["key"].as_str().unwrap();
    assert_eq!(me(&app, key).await.status, StatusCode::OK);
    let del = app
        .delete(&format!("/api/v1/api-keys/{am_key_id}"))
        .token(&admin)
        .send()
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.text);
    let unknown = app
        .delete(&format!("/api/v1/api-keys/{}", uuid::Uuid::now_v7()))
        .token(&admin)
        .send()
        .await;
    assert_problem(&unknown, StatusCode::NOT_FOUND, "not_found");
}
both_backends!(
    admins_see_every_key_others_their_own_works,
    super::admins_see_every_key_others_their_own
);

async fn api_key_of_a_deactivated_user_stops_working(app: TestApp) {
    let owner = app.signup("Leavers").await;
    let Colleague {
        id: admin_id,
        token: admin,
        ..
    } = app.colleague(&owner.token, "admin").await;
    let k = app
        .create_api_key(&admin, &json!({"name": "Admin's integration"}))
        .await;
    assert_eq!(k.status, StatusCode::CREATED, "{}", k.text);
    let key = k.body["key"].as_str().unwrap().to_owned();
    assert_eq!(me(&app, &key).await.status, StatusCode::OK);

    let off = app
        .patch(&format!("/api/v1/users/{admin_id}"))
        .token(&owner.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    // A key acts on behalf of its creator: a deactivated creator's key must not keep
    // creating users with admin rights.
    let a = app.create_user(&key, &json!({"name": "Ghost", "email": unique_email("ghost"), "password": PASSWORD, "role": "admin"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.text);
}
both_backends!(
    api_key_of_a_deactivated_user_stops_working_works,
    super::api_key_of_a_deactivated_user_stops_working
);

// ---------------------------------------------------------------------------------------------
// Teams

fn id_set(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

async fn team_with_lead_and_members(app: TestApp) {
    let owner = app.signup("Teams").await;
    let lead = app.colleague(&owner.token, "account_manager").await.id;
    let m1 = app.colleague(&owner.token, "account_manager").await.id;
    let m2 = app.colleague(&owner.token, "viewer").await.id;
    let a = app
        .create_team(
            &owner.token,
            &json!({"name": "Enterprise", "lead_id": lead, "member_ids": [m1, m2, m1]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["name"], "Enterprise");
    assert_eq!(a.body["lead_id"], lead.as_str());
    assert_eq!(a.body["parent_team_id"], Value::Null);
    assert_eq!(
        id_set(&a.body["member_ids"]),
        BTreeSet::from([m1.clone(), m2.clone()])
    );
    assert_eq!(
        a.body["member_ids"].as_array().unwrap().len(),
        2,
        "duplicates collapse: {}",
        a.text
    );
    let id = a.body["id"].as_str().unwrap();
    let get = app
        .get(&format!("/api/v1/teams/{id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(
        id_set(&get.body["member_ids"]),
        BTreeSet::from([m1.clone(), m2])
    );

    // member_ids replaces the membership.
    let p = app
        .patch(&format!("/api/v1/teams/{id}"))
        .token(&owner.token)
        .json(&json!({"member_ids": [m1], "lead_id": null}))
        .send()
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.text);
    assert_eq!(id_set(&p.body["member_ids"]), BTreeSet::from([m1]));
    assert_eq!(p.body["lead_id"], Value::Null);
    assert_eq!(p.body["name"], "Enterprise");
}
both_backends!(
    team_with_lead_and_members_works,
    super::team_with_lead_and_members
);

async fn team_references_are_checked(app: TestApp) {
    let owner = app.signup("Team Refs").await;
    let m1 = app.colleague(&owner.token, "viewer").await.id;
    let ghost = uuid::Uuid::now_v7().to_string();
    let a = app
        .create_team(
            &owner.token,
            &json!({"name": "Ghosts", "member_ids": [m1, ghost]}),
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "member_ids[1]").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    assert!(field_code(&a, "member_ids[0]").is_none(), "{}", a.text);

    let ok = app
        .create_team(&owner.token, &json!({"name": "Real"}))
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    let dup = app
        .create_team(&owner.token, &json!({"name": "Real"}))
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", dup.text);
    assert_eq!(
        field_code(&dup, "name").as_deref(),
        Some("name_taken"),
        "{}",
        dup.text
    );

    // Both problems at once.
    let both = app
        .create_team(&owner.token, &json!({"name": "Real", "lead_id": ghost}))
        .await;
    assert_eq!(
        both.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        both.text
    );
    assert_eq!(
        field_code(&both, "name").as_deref(),
        Some("name_taken"),
        "{}",
        both.text
    );
    assert_eq!(
        field_code(&both, "lead_id").as_deref(),
        Some("not_found"),
        "{}",
        both.text
    );
}
both_backends!(
    team_references_are_checked_works,
    super::team_references_are_checked
);

async fn team_parent_cycles_are_refused(app: TestApp) {
    let owner = app.signup("Cycles").await;
    let a = app.create_team(&owner.token, &json!({"name": "A"})).await;
    let a_id = a.body["id"].as_str().unwrap().to_owned();
    let b = app
        .create_team(&owner.token, &json!({"name": "B", "parent_team_id": a_id}))
        .await;
    assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
    assert_eq!(b.body["parent_team_id"], a_id.as_str());
    let b_id = b.body["id"].as_str().unwrap().to_owned();
    let c = app
        .create_team(&owner.token, &json!({"name": "C", "parent_team_id": b_id}))
        .await;
    let c_id = c.body["id"].as_str().unwrap().to_owned();

    for (parent, what) in [(&b_id, "child"), (&c_id, "grandchild"), (&a_id, "itself")] {
        let p = app
            .patch(&format!("/api/v1/teams/{a_id}"))
            .token(&owner.token)
            .json(&json!({"parent_team_id": parent}))
            .send()
            .await;
        assert_eq!(
            p.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            p.text
        );
        assert_eq!(
            field_code(&p, "parent_team_id").as_deref(),
            Some("team_cycle"),
            "{what}: {}",
            p.text
        );
    }
    let get = app
        .get(&format!("/api/v1/teams/{a_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(get.body["parent_team_id"], Value::Null);
}
both_backends!(
    team_parent_cycles_are_refused_works,
    super::team_parent_cycles_are_refused
);

async fn deleting_teams(app: TestApp) {
    let owner = app.signup("Deletes").await;
    let parent = app
        .create_team(&owner.token, &json!({"name": "Parent"}))
        .await;
    let parent_id = parent.body["id"].as_str().unwrap().to_owned();
    let m = app.colleague(&owner.token, "viewer").await.id;
    let child = app
        .create_team(
            &owner.token,
            &json!({"name": "Child", "parent_team_id": parent_id, "member_ids": [m]}),
        )
        .await;
    let child_id = child.body["id"].as_str().unwrap().to_owned();

    let refused = app
        .delete(&format!("/api/v1/teams/{parent_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&refused, StatusCode::CONFLICT, "team_has_sub_teams");

    let viewer = app.colleague(&owner.token, "viewer").await.token;
    let forbidden = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&viewer)
        .send()
        .await;
    assert_problem(&forbidden, StatusCode::FORBIDDEN, "forbidden");

    let leaf = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(leaf.status, StatusCode::NO_CONTENT, "{}", leaf.text);
    assert!(leaf.text.is_empty());
    let gone = app
        .get(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&gone, StatusCode::NOT_FOUND, "not_found");
    let again = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&again, StatusCode::NOT_FOUND, "not_found");

    // Now the parent has no sub-teams.
    let p = app
        .delete(&format!("/api/v1/teams/{parent_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(p.status, StatusCode::NO_CONTENT, "{}", p.text);
}
both_backends!(deleting_teams_works, super::deleting_teams);

// ---------------------------------------------------------------------------------------------
// Races and stale credentials

async fn concurrent_signups_with_one_email(app: TestApp) {
    let email = unique_email("race");
    let body =
        json!({"organization_name": "Racers", "name": "Ray", "email": email, "password": PASSWORD});
    let answers = futures_util::future::join_all(
        (0..6).map(|_| app.post("/api/v1/auth/signup").json(&body).send()),
    )
    .await;
    let created = answers
        .iter()
        .filter(|a| a.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "exactly one signup wins");
    for a in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        // The losers get the same answer as a sequential duplicate.
        assert_problem(a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
    }
}
both_backends!(
    concurrent_signups_with_one_email_works,
    super::concurrent_signups_with_one_email
);

async fn concurrent_teams_with_one_name(app: TestApp) {
    let owner = app.signup("Team Racers").await;
    let body = json!({"name": "Only One"});
    let answers = futures_util::future::join_all((0..6).map(|_| {
        app.post("/api/v1/teams")
            .token(&owner.token)
            .json(&body)
            .send()
    }))
    .await;
    let created = answers
        .iter()
        .filter(|a| a.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "exactly one team is created");
    for a in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
        assert_eq!(
            field_code(a, "name").as_deref(),
            Some("name_taken"),
            "{}",
            a.text
        );
    }
}
both_backends!(
    concurrent_teams_with_one_name_works,
    super::concurrent_teams_with_one_name
);

async fn two_owners_stepping_down_at_once_leave_one(app: TestApp) {
    // Repeated a few times: the window is two transactions that each still count two owners.
    for round in 0..5 {
        let first = app.signup(&format!("Owners {round}")).await;
        let Colleague {
            id: second_id,
            token: second,
            ..
        } = app.colleague(&first.token, "owner").await;
        let off = json!({"is_active": false});
        let p1 = format!("/api/v1/users/{}", first.user_id);
        let p2 = format!("/api/v1/users/{second_id}");
        let (a, b) = tokio::join!(
            app.patch(&p1).token(&first.token).json(&off).send(),
            app.patch(&p2).token(&second).json(&off).send(),
        );
        let ok = [&a, &b]
            .iter()
            .filter(|x| x.status == StatusCode::OK)
            .count();
        assert!(
            ok <= 1,
            "round {round}: both owners were deactivated: {} / {}",
            a.text,
            b.text
        );
        // Ask as whoever is still active (a deactivated owner's token stops working).
        let still = if a.status == StatusCode::OK {
            &second
        } else {
            &first.token
        };
        let users = app
            .get("/api/v1/users?role=owner&is_active=true")
            .token(still)
            .send()
            .await;
        assert!(
            !users.body["data"].as_array().unwrap().is_empty(),
            "round {round}: no active owner left"
        );
    }
}
both_backends!(
    two_owners_stepping_down_at_once_leave_one_works,
    super::two_owners_stepping_down_at_once_leave_one
);

async fn a_deactivated_admin_token_cannot_write(app: TestApp) {
    let owner = app.signup("Stale Tokens").await;
    let Colleague {
        id: admin_id,
        token: admin,
        ..
    } = app.colleague(&owner.token, "admin").await;
    let off = app
        .patch(&format!("/api/v1/users/{admin_id}"))
        .token(&owner.token)
        .json(&json!({"is_active": false}))
        .send()
        .await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    // /me already refuses the token (401 user_inactive); writes must too.
    assert_eq!(me(&app, &admin).await.status, StatusCode::UNAUTHORIZED);
    let a = app.create_user(&admin, &json!({"name": "Backdoor", "email": unique_email("backdoor"), "password": PASSWORD, "role": "admin"}),
    )
    .await;
    assert_eq!(
        a.status,
        StatusCode::UNAUTHORIZED,
        "a deactivated admin created a user: {}",
        a.text
    );
}
both_backends!(
    a_deactivated_admin_token_cannot_write_works,
    super::a_deactivated_admin_token_cannot_write
);

async fn an_api_key_never_outranks_its_creator(app: TestApp) {
    let owner = app.signup("Demotions").await;
    let Colleague {
        id: admin_id,
        token: admin,
        ..
    } = app.colleague(&owner.token, "admin").await;
    let k = app
        .create_api_key(
            &admin,
            &json!({"name": "Admin's integration", "role": "admin"}),
        )
        .await;
    assert_eq!(k.status, StatusCode::CREATED, "{}", k.text);
    let key = k.body["key"].as_str().unwrap().to_owned();
    let demote = app
        .patch(&format!("/api/v1/users/{admin_id}"))
        .token(&owner.token)
        .json(&json!({"role": "viewer"}))
        .send()
        .await;
    assert_eq!(demote.status, StatusCode::OK, "{}", demote.text);
    // The creator is now a viewer; a key acting on their behalf cannot keep admin rights.
    let a = app.create_user(&key, &json!({"name": "Escalated", "email": unique_email("esc"), "password": PASSWORD, "role": "admin"}),
    )
    .await;
    assert!(
        a.status == StatusCode::FORBIDDEN || a.status == StatusCode::UNAUTHORIZED,
        "a demoted admin's key still acts as admin: {} {}",
        a.status,
        a.text
    );
}
both_backends!(
    an_api_key_never_outranks_its_creator_works,
    super::an_api_key_never_outranks_its_creator
);
