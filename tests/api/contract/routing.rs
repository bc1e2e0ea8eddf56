//! Routing and query strings: unknown routes, methods and ids, and bad query parameters.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both_backends;
use crate::support::problem::{assert_problem, field_code};
use crate::support::TestApp;

async fn unknown_route_is_404(app: TestApp) {
    for path in [
        "/api/v1/nope",
        "/nope",
        "/api/v2/users",
        "/api/v1/users/x/y",
    ] {
        let a = app.get(path).send().await;
        assert_problem(&a, StatusCode::NOT_FOUND, "route_not_found");
    }
}
both_backends!(unknown_route_is_404_works, super::unknown_route_is_404);

async fn wrong_method_is_405_with_allow(app: TestApp) {
    let owner = app.signup("Methods").await;
    let a = app.delete("/api/v1/users").token(&owner.token).send().await;
    assert_problem(&a, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let allow = a.header("allow").expect("Allow header");
    let methods: BTreeSet<&str> = allow.split(',').map(str::trim).collect();
    assert!(
        methods.contains("GET") && methods.contains("POST"),
        "{allow}"
    );
    assert!(!methods.contains("DELETE"), "{allow}");

    let a = app
        .req(Method::PUT, &format!("/api/v1/users/{}", owner.user_id))
        .token(&owner.token)
        .json(&json!({}))
        .send()
        .await;
    assert_problem(&a, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let allow = a.header("allow").unwrap();
    assert!(allow.contains("GET") && allow.contains("PATCH"), "{allow}");
}
both_backends!(
    wrong_method_is_405_with_allow_works,
    super::wrong_method_is_405_with_allow
);

async fn head_is_answered_where_allow_says_so(app: TestApp) {
    let owner = app.signup("Heads").await;
    let options = app.req(Method::OPTIONS, "/api/v1/users").send().await;
    assert_eq!(options.status, StatusCode::NO_CONTENT, "{}", options.text);
    let allow = options.header("allow").unwrap();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    // Allow lists only what is answered: HEAD is not, so it is not advertised.
    assert!(!allow.contains("HEAD"), "{allow}");
    let head = app
        .req(Method::HEAD, "/api/v1/users")
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(head.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(head.header("allow").as_deref(), Some(allow.as_str()));
}
both_backends!(
    head_is_answered_where_allow_says_so_works,
    super::head_is_answered_where_allow_says_so
);

/// A literal path is not shadowed by its sibling template: `PATCH /accounts/export` is 405
/// (export is GET only), not 404 from `PATCH /accounts/{id}` failing to parse an id.
async fn undeclared_method_on_a_literal_path_is_405(app: TestApp) {
    let owner = app.signup("Literal Paths").await;
    let a = app
        .patch("/api/v1/accounts/export")
        .token(&owner.token)
        .json(&json!({}))
        .send()
        .await;
    assert_problem(&a, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(a.header("allow").as_deref(), Some("GET"));
    // A malformed id under the template is still 404.
    let a = app
        .patch("/api/v1/accounts/not-an-id")
        .token(&owner.token)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.text);
}
both_backends!(
    undeclared_method_on_a_literal_path_is_405_works,
    super::undeclared_method_on_a_literal_path_is_405
);

async fn invalid_uuid_in_path_is_404(app: TestApp) {
    let owner = app.signup("Bad Ids").await;
    for path in [
        "/api/v1/users/not-a-uuid",
        "/api/v1/teams/123",
        "/api/v1/users/01a2",
    ] {
        let a = app.get(path).token(&owner.token).send().await;
        assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    }
    let a = app
        .delete("/api/v1/api-keys/not-a-uuid")
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    // A well-formed id that names nothing is the same answer.
    let a = app
        .get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
}
both_backends!(
    invalid_uuid_in_path_is_404_works,
    super::invalid_uuid_in_path_is_404
);

async fn bad_query_is_422(app: TestApp) {
    let owner = app.signup("Queries").await;
    let a = app
        .get("/api/v1/users?limit=abc")
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    for (query, code) in [
        ("limit=0", "invalid_limit"),
        ("limit=201", "invalid_limit"),
        ("limit=-1", "invalid_limit"),
    ] {
        let a = app
            .get(&format!("/api/v1/users?{query}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, code);
        assert_eq!(field_code(&a, "limit").as_deref(), Some(code), "{}", a.text);
    }
    for ok in ["limit=1", "limit=200"] {
        let a = app
            .get(&format!("/api/v1/users?{ok}"))
            .token(&owner.token)
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{ok}: {}", a.text);
    }
    for garbage in ["garbage", "eyJzIjoiY3JlYXRlZF9hdCJ9", "%%%"] {
        let a = app
            .get(&format!("/api/v1/users?cursor={garbage}"))
            .token(&owner.token)
            .send()
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{garbage}: {}",
            a.text
        );
        assert!(a.is_problem());
    }
    let a = app
        .get("/api/v1/users?cursor=garbage")
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor");
    let a = app
        .get("/api/v1/users?sort=bogus")
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_sort");
    let a = app
        .get("/api/v1/teams?sort=name")
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_sort");
}
both_backends!(bad_query_is_422_works, super::bad_query_is_422);

async fn bad_query_errors_name_the_parameter(app: TestApp) {
    let owner = app.signup("Query Fields").await;
    for (query, param) in [
        ("limit=abc", "limit"),
        ("is_active=maybe", "is_active"),
        ("role=bogus", "role"),
    ] {
        let a = app
            .get(&format!("/api/v1/users?{query}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let fields = a.error_fields();
        assert!(
            fields
                .iter()
                .any(|f| f == param || f == &format!("query:{param}")),
            "?{query} should name `{param}`, named {fields:?}"
        );
    }
}
both_backends!(
    bad_query_errors_name_the_parameter_works,
    super::bad_query_errors_name_the_parameter
);

/// Every answer forbids MIME sniffing and framing; API answers (tokens and secrets among them,
/// problems too) are never stored by a cache.
async fn answers_carry_security_headers(app: TestApp) {
    let owner = app.signup("Acme").await;
    let signup = app
        .post("/api/v1/auth/token")
        .json(&json!({"email": owner.email, "password": crate::support::PASSWORD}))
        .send()
        .await;
    let me = app.get("/api/v1/me").token(&owner.token).send().await;
    let missing = app.get("/api/v1/nope").send().await;
    let docs = app.get("/docs/").send().await;
    for (what, a, stored) in [
        ("token", &signup, false),
        ("me", &me, false),
        ("problem", &missing, false),
        ("docs", &docs, true),
    ] {
        assert_eq!(
            a.header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{what}"
        );
        assert_eq!(
            a.header("x-frame-options").as_deref(),
            Some("DENY"),
            "{what}"
        );
        assert_eq!(
            a.header("content-security-policy").as_deref(),
            Some("frame-ancestors 'none'"),
            "{what}"
        );
        if !stored {
            assert_eq!(
                a.header("cache-control").as_deref(),
                Some("no-store"),
                "{what}"
            );
        }
    }
    assert_eq!(signup.status, StatusCode::OK, "{}", signup.text);
}
both_backends!(
    answers_carry_security_headers_works,
    super::answers_carry_security_headers
);
