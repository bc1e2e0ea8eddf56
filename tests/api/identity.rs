use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{TestApp, PASSWORD};

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
