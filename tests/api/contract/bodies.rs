//! Request bodies: syntax errors are 400, well-formed bodies that break a rule are 422 naming
//! the field, and oversize bodies are 413.

use reqwest::StatusCode;
use serde_json::json;

use super::new_user;
use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{spawn_app_with, TestApp, PASSWORD};

async fn malformed_json_is_400(app: TestApp) {
    let owner = app.signup("Syntax").await;
    for raw in [r#"{"name": "x", "#, "{name: 'x'}", "", "   "] {
        let a = app
            .post("/api/v1/users")
            .token(&owner.token)
            .raw(raw.to_owned(), "application/json")
            .send()
            .await;
        assert_problem(&a, StatusCode::BAD_REQUEST, "malformed_json");
    }
    // Unauthenticated endpoints parse the same way.
    let a = app
        .post("/api/v1/auth/token")
        .raw("{", "application/json")
        .send()
        .await;
    assert_problem(&a, StatusCode::BAD_REQUEST, "malformed_json");
}
both_backends!(malformed_json_is_400_works, super::malformed_json_is_400);

async fn wrong_content_type_is_400(app: TestApp) {
    let owner = app.signup("Content Types").await;
    let body = new_user("Plain").to_string();
    for ct in ["text/plain", "application/x-www-form-urlencoded"] {
        let a = app
            .post("/api/v1/users")
            .token(&owner.token)
            .raw(body.clone(), ct)
            .send()
            .await;
        assert_problem(&a, StatusCode::BAD_REQUEST, "unsupported_content_type");
    }
    // A charset parameter is fine.
    let a = app
        .post("/api/v1/users")
        .token(&owner.token)
        .raw(body, "application/json; charset=utf-8")
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
}
both_backends!(
    wrong_content_type_is_400_works,
    super::wrong_content_type_is_400
);

async fn unknown_field_is_422_naming_it(app: TestApp) {
    let owner = app.signup("Unknown Fields").await;
    let mut body = new_user("Extra");
    body["nickname"] = json!("Ex");
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "nickname").as_deref(),
        Some("unknown_field"),
        "{}",
        a.text
    );
    let mut body = new_user("Extra");
    body["bogus"] = json!(1);
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(a.error_fields(), vec!["bogus".to_owned()], "{}", a.text);
}
both_backends!(
    unknown_field_is_422_naming_it_works,
    super::unknown_field_is_422_naming_it
);

async fn wrong_types_are_422(app: TestApp) {
    let owner = app.signup("Types").await;
    // A string where a string belongs, but a number given.
    let mut body = new_user("Typed");
    body["name"] = json!(5);
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "name").as_deref(),
        Some("invalid_type"),
        "{}",
        a.text
    );
    // A value outside the enum.
    let mut body = new_user("Typed");
    body["role"] = json!("superuser");
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "role").as_deref(),
        Some("invalid_enum"),
        "{}",
        a.text
    );
    // A missing required field.
    let a = app
        .create_user(
            &owner.token,
            &json!({"name": "x", "email": unique_email("x"), "password": PASSWORD}),
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "role").as_deref(),
        Some("required"),
        "{}",
        a.text
    );
    // Not an object at all.
    let a = app.create_user(&owner.token, &json!([1, 2])).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}
both_backends!(wrong_types_are_422_works, super::wrong_types_are_422);

async fn a_number_for_an_enum_is_422(app: TestApp) {
    let owner = app.signup("Enum Numbers").await;
    let mut body = new_user("Numbered");
    body["role"] = json!(5);
    let a = app.create_user(&owner.token, &body).await;
    // Well-formed JSON with a wrong type is a rule break (422), not a syntax error (400).
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(a.error_fields().contains(&"role".to_owned()), "{}", a.text);
}
both_backends!(
    a_number_for_an_enum_is_422_works,
    super::a_number_for_an_enum_is_422
);

/// JSON has one number type: `2.0` is an integer (JSON Schema's `integer` accepts it).
async fn integral_floats_are_integers(app: TestApp) {
    let owner = app.signup("Integral Floats").await;
    let a = app
        .post("/api/v1/auth/signup")
        .json(
            &json!({"organization_name": "Floaty", "name": "F", "email": unique_email("f"),
                      "password": PASSWORD, "fiscal_year_start_month": 4.0}),
        )
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["organization"]["fiscal_year_start_month"], 4);
    // A fraction is still refused, naming the field.
    let mut body =
        json!({"name": "Half", "email": unique_email("h"), "password": PASSWORD, "role": "viewer"});
    body["role"] = json!(1.5);
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}
both_backends!(
    integral_floats_are_integers_works,
    super::integral_floats_are_integers
);

/// A NUL character in a string is refused on both backends (PostgreSQL text cannot store it;
/// it was a 500 there), naming the field.
async fn nul_characters_are_422(app: TestApp) {
    let owner = app.signup("Nul Characters").await;
    let a = app
        .post("/api/v1/api-keys")
        .token(&owner.token)
        .json(&json!({"name": "bad\u{0}name", "role": "viewer"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(field_code(&a, "name").as_deref(), Some("invalid_character"));
    let a = app
        .post("/api/v1/accounts")
        .token(&owner.token)
        .json(&json!({"name": "Fine", "tags": ["ok", "n\u{0}"]}))
        .send()
        .await;
    assert_eq!(
        field_code(&a, "tags[1]").as_deref(),
        Some("invalid_character")
    );
}
both_backends!(nul_characters_are_422_works, super::nul_characters_are_422);

async fn oversize_body_is_413(app: TestApp) {
    let owner = app.signup("Big Bodies").await;
    let big = format!(r#"{{"name": "{}"}}"#, "x".repeat(2 * 1024 * 1024));
    let a = app
        .post("/api/v1/users")
        .token(&owner.token)
        .raw(big, "application/json")
        .send()
        .await;
    assert_problem(&a, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // The connection is still usable and a normal request still works.
    let ok = app.create_user(&owner.token, &new_user("Small")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
}
both_backends!(oversize_body_is_413_works, super::oversize_body_is_413);

async fn configured_body_limit_applies(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| c.body_limit = 1000).await else {
        return;
    };
    let owner = app.signup("Small Limit").await;
    let mut body = new_user("Padded");
    body["name"] = json!("y".repeat(2048));
    let a = app.create_user(&owner.token, &body).await;
    assert_problem(&a, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert!(
        a.body["detail"].as_str().unwrap().contains("1000"),
        "{}",
        a.text
    );
    let ok = app.create_user(&owner.token, &new_user("Fits")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
}
both_backends!(
    configured_body_limit_applies_works,
    super::configured_body_limit_applies
);

/// Messages state the API's rule, never the Rust type behind it, and a date that does not
/// exist on the calendar has its own code.
async fn messages_speak_the_apis_language(app: TestApp) {
    // Arrange
    let owner = app.signup("Plain Words").await;
    let account = app
        .client_account(&owner.token, json!({"name": "Prospect Ltd"}))
        .await;
    let bodies = [
        (
            "/api/v1/tasks",
            json!({"account_id": account, "title": "Call", "due_on": "2026-02-30"}),
            "due_on",
            "invalid_date",
        ),
        (
            "/api/v1/tasks",
            json!({"account_id": account, "title": "Call", "due_on": "30/02/2026"}),
            "due_on",
            "invalid_date",
        ),
        (
            "/api/v1/contacts",
            json!({"account_id": "not-an-id", "name": "Hank"}),
            "account_id",
            "invalid_id",
        ),
        (
            "/api/v1/interactions",
            json!({"account_id": account, "kind": "call", "direction": "outbound",
                   "occurred_at": "2026-12-01T10:00:00Z", "sentiment": "five"}),
            "sentiment",
            "invalid_type",
        ),
        (
            "/api/v1/interactions",
            json!({"account_id": account, "kind": "call", "direction": "outbound",
                   "occurred_at": "yesterday"}),
            "occurred_at",
            "invalid_datetime",
        ),
    ];

    for (path, body, field, code) in bodies {
        // Act
        let a = app.post(path).token(&owner.token).json(&body).send().await;

        // Assert
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(field_code(&a, field).as_deref(), Some(code), "{}", a.text);
        for rust in [
            "i16",
            "i32",
            "i64",
            "u32",
            "UUID parsing",
            "floating point",
            "struct ",
        ] {
            assert!(!a.text.contains(rust), "{rust} leaked: {}", a.text);
        }
    }
    let a = app
        .post("/api/v1/tasks")
        .token(&owner.token)
        .json(&json!({"account_id": account, "title": "Call", "due_on": "2026-02-30"}))
        .send()
        .await;
    assert!(a.text.contains("not a calendar date"), "{}", a.text);
    // Query parameters are worded the same way.
    for (query, field, code) in [
        ("owner_id=nope", "query:owner_id", "invalid_id"),
        ("is_customer=maybe", "query:is_customer", "invalid_query"),
    ] {
        let a = app
            .get(&format!("/api/v1/accounts?{query}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(field_code(&a, field).as_deref(), Some(code), "{}", a.text);
        assert!(
            !a.text.contains("UUID parsing") && !a.text.contains("provided string"),
            "{}",
            a.text
        );
    }

    // An invoice to an account that is not (yet) a customer says how to fix it in one step.
    let a = app
        .post("/api/v1/invoices")
        .token(&owner.token)
        .json(&json!({"account_id": account, "lines": [{"description": "Work", "unit_price": "10.00"}]}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(
        a.text.contains("an invoice goes to a customer"),
        "{}",
        a.text
    );
    assert!(
        a.text
            .contains(&format!("PATCH /api/v1/accounts/{account}")),
        "{}",
        a.text
    );
    // That one step, and the invoice needs no issue date: it defaults to today.
    let fixed = app
        .patch(&format!("/api/v1/accounts/{account}"))
        .token(&owner.token)
        .json(&json!({"is_customer": true}))
        .send()
        .await;
    assert_eq!(fixed.status, StatusCode::OK, "{}", fixed.text);
    let a = app
        .post("/api/v1/invoices")
        .token(&owner.token)
        .json(&json!({"account_id": account, "lines": [{"description": "Work", "unit_price": "10.00"}]}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["issue_date"], crate::support::fixtures::day(0));
}
both_backends!(
    messages_speak_the_apis_language_works,
    super::messages_speak_the_apis_language
);
