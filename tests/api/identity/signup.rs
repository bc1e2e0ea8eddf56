//! Signing up an organization and signing in.

use reqwest::StatusCode;
use serde_json::json;

use super::login_answer;
use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::problem::{assert_names_fields, assert_problem, field_code};
use crate::support::{TestApp, PASSWORD};

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
    assert_names_fields(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        &[
            "organization_name",
            "email",
            "password",
            "base_currency",
            "fiscal_year_start_month",
        ],
    );
    let fields = a.error_fields();
    assert!(
        !fields.contains(&"name".to_owned()),
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
