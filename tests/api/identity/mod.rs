//! Identity and access, by theme: signup and sign-in, access tokens, refresh sessions, users
//! and their roles, API keys, teams, and tenant isolation of all of them.

mod api_keys;
mod isolation;
mod sessions;
mod signup;
mod teams;
mod throttle;
mod tokens;
mod users;

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::support::{Answer, Signed, TestApp};

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

fn id_set(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}
