//! The conventions every endpoint follows: errors, routing, creation, idempotency, ETags,
//! pagination, rate limits, operations endpoints and the published spec.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::http::ids_of;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{spawn_app_with, Answer, Backend, TestApp, PASSWORD};

// ---------------------------------------------------------------------------------------------
// Helpers

fn new_user(name: &str) -> Value {
    json!({"name": name, "email": unique_email("u"), "password": PASSWORD, "role": "viewer"})
}

/// Every user id of the caller's organization, in list order.
async fn all_user_ids(app: &TestApp, token: &str) -> Vec<String> {
    let a = app.get("/api/v1/users?limit=200").token(token).send().await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["next_cursor"].is_null());
    a.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Request bodies

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

// ---------------------------------------------------------------------------------------------
// Routing and query strings

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

// ---------------------------------------------------------------------------------------------
// Problems and request ids

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

// ---------------------------------------------------------------------------------------------
// Creation

async fn created_location_gets_the_same_resource(app: TestApp) {
    let owner = app.signup("Locations").await;
    let user = app.create_user(&owner.token, &new_user("Located")).await;
    let team = app
        .post("/api/v1/teams")
        .token(&owner.token)
        .json(&json!({"name": "Located"}))
        .send()
        .await;
    for created in [&user, &team] {
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let location = created.header("location").expect("Location");
        let path = location
            .strip_prefix(&app.base)
            .unwrap_or(&location)
            .to_owned();
        assert!(path.starts_with("/api/v1/"), "{location}");
        let got = app.get(&path).token(&owner.token).send().await;
        assert_eq!(got.status, StatusCode::OK, "GET {location}: {}", got.text);
        assert_eq!(got.body, created.body);
        assert_eq!(got.header("etag"), created.header("etag"));
    }
    // Signup's Location names the new owner.
    let email = unique_email("signup");
    let s = app
        .post("/api/v1/auth/signup")
        .json(&json!({"organization_name": "Loc Org", "name": "Lou", "email": email, "password": PASSWORD}))
        .send()
        .await;
    let location = s.header("location").expect("Location");
    let got = app
        .get(&location)
        .token(s.body["access_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.text);
    assert_eq!(got.body, s.body["user"]);
}
both_backends!(
    created_location_gets_the_same_resource_works,
    super::created_location_gets_the_same_resource
);

async fn api_key_location_gets_the_key(app: TestApp) {
    let owner = app.signup("Key Location").await;
    let k = app
        .post("/api/v1/api-keys")
        .token(&owner.token)
        .json(&json!({"name": "Located"}))
        .send()
        .await;
    assert_eq!(k.status, StatusCode::CREATED, "{}", k.text);
    let location = k.header("location").expect("Location");
    let got = app.get(&location).token(&owner.token).send().await;
    assert_eq!(
        got.status,
        StatusCode::OK,
        "GET {location} (the Location of a created API key): {}",
        got.text
    );
    assert_eq!(got.body["id"], k.body["id"]);
    assert!(got.body.get("key").is_none());
}
both_backends!(
    api_key_location_gets_the_key_works,
    super::api_key_location_gets_the_key
);

// ---------------------------------------------------------------------------------------------
// Idempotency

async fn post_with_key(app: &TestApp, token: &str, path: &str, key: &str, body: &Value) -> Answer {
    app.post(path)
        .token(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
}

async fn same_key_same_body_replays(app: TestApp) {
    let owner = app.signup("Replays").await;
    let body = new_user("Once");
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(&app, &owner.token, "/api/v1/users", &key, &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert!(first.header("idempotent-replayed").is_none());
    let second = post_with_key(&app, &owner.token, "/api/v1/users", &key, &body).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);
    assert_eq!(
        second.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(second.body, first.body);
    assert_eq!(second.header("location"), first.header("location"));
    assert_eq!(
        all_user_ids(&app, &owner.token).await.len(),
        2,
        "one owner and ONE new user"
    );
}
both_backends!(
    same_key_same_body_replays_works,
    super::same_key_same_body_replays
);

async fn same_key_different_request_is_422(app: TestApp) {
    let owner = app.signup("Reused Keys").await;
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("First"),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    let other_body = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("Second"),
    )
    .await;
    assert_problem(
        &other_body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );

    let other_path = post_with_key(
        &app,
        &owner.token,
        "/api/v1/teams",
        &key,
        &json!({"name": "T"}),
    )
    .await;
    assert_problem(
        &other_path,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );
    let teams = app.get("/api/v1/teams").token(&owner.token).send().await;
    assert_eq!(
        teams.body["data"].as_array().unwrap().len(),
        0,
        "{}",
        teams.text
    );
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 2);
}
both_backends!(
    same_key_different_request_is_422_works,
    super::same_key_different_request_is_422
);

async fn idempotency_keys_are_scoped_per_caller(app: TestApp) {
    let owner = app.signup("Scopes").await;
    let admin = app.colleague(&owner.token, "admin").await.token;
    let key = "shared-key-0001";
    let body = new_user("Owner's");
    let first = post_with_key(&app, &owner.token, "/api/v1/users", key, &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    // Another caller with the same key and another body: not a reuse, it just runs.
    let theirs = post_with_key(&app, &admin, "/api/v1/users", key, &new_user("Admin's")).await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.text);
    assert!(theirs.header("idempotent-replayed").is_none());
    assert_ne!(theirs.body["id"], first.body["id"]);

    // The same body from another caller is not a replay of the owner's answer either.
    let same = post_with_key(&app, &admin, "/api/v1/users", "shared-key-0002", &body).await;
    assert!(same.header("idempotent-replayed").is_none());
    assert_problem(&same, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");

    // Another organization's owner with the same key runs independently too.
    let other_org = app.signup("Other Scope").await;
    let elsewhere = post_with_key(
        &app,
        &other_org.token,
        "/api/v1/users",
        key,
        &new_user("Elsewhere"),
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::CREATED, "{}", elsewhere.text);
    assert!(elsewhere.header("idempotent-replayed").is_none());
}
both_backends!(
    idempotency_keys_are_scoped_per_caller_works,
    super::idempotency_keys_are_scoped_per_caller
);

async fn failed_requests_are_not_stored(app: TestApp) {
    let owner = app.signup("Failures").await;
    // Refused before any work (validation).
    let key = uuid::Uuid::now_v7().to_string();
    let mut bad = new_user("Bad");
    bad["password"] = json!("short");
    let a = post_with_key(&app, &owner.token, "/api/v1/users", &key, &bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let ok = post_with_key(&app, &owner.token, "/api/v1/users", &key, &new_user("Good")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert!(ok.header("idempotent-replayed").is_none());

    // Refused inside the transaction (a taken email).
    let taken = ok.body["email"].as_str().unwrap().to_owned();
    let key = uuid::Uuid::now_v7().to_string();
    let mut dup = new_user("Dup");
    dup["email"] = json!(taken);
    let a = post_with_key(&app, &owner.token, "/api/v1/users", &key, &dup).await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
    let ok = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &key,
        &new_user("Fixed"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 3);
}
both_backends!(
    failed_requests_are_not_stored_works,
    super::failed_requests_are_not_stored
);

async fn malformed_idempotency_key_is_422(app: TestApp) {
    let owner = app.signup("Bad Keys").await;
    let long = "k".repeat(256);
    let a = post_with_key(
        &app,
        &owner.token,
        "/api/v1/users",
        &long,
        &new_user("Long"),
    )
    .await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_idempotency_key",
    );
    assert_eq!(all_user_ids(&app, &owner.token).await.len(), 1);
}
both_backends!(
    malformed_idempotency_key_is_422_works,
    super::malformed_idempotency_key_is_422
);

async fn concurrent_duplicates_create_one(app: TestApp) {
    let owner = app.signup("Races").await;
    let body = new_user("Raced");
    let key = uuid::Uuid::now_v7().to_string();
    let requests = (0..8).map(|_| post_with_key(&app, &owner.token, "/api/v1/users", &key, &body));
    let answers = futures_util::future::join_all(requests).await;
    let mut ids = BTreeSet::new();
    let mut created = 0;
    for a in &answers {
        match a.status {
            StatusCode::CREATED => {
                created += 1;
                ids.insert(a.body["id"].as_str().unwrap().to_owned());
            }
            StatusCode::CONFLICT => {
                assert_problem(a, StatusCode::CONFLICT, "idempotency_in_progress")
            }
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert!(created >= 1);
    assert_eq!(ids.len(), 1, "every 201 names the same user: {ids:?}");
    assert_eq!(
        all_user_ids(&app, &owner.token).await.len(),
        2,
        "exactly one user was created"
    );
    let replayed = answers
        .iter()
        .filter(|a| a.header("idempotent-replayed").is_some())
        .count();
    assert_eq!(replayed, created - 1, "all but the first 201 are replays");
}
both_backends!(
    concurrent_duplicates_create_one_works,
    super::concurrent_duplicates_create_one
);

async fn api_key_secret_is_not_kept_for_replay(app: TestApp) {
    let owner = app.signup("Key Replays").await;
    let key = uuid::Uuid::now_v7().to_string();
    let first = post_with_key(
        &app,
        &owner.token,
        "/api/v1/api-keys",
        &key,
        &json!({"name": "Replayed"}),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let secret = first.body["key"].as_str().unwrap().to_owned();
    // The contract: the key is shown once and only its hash is stored. An idempotent replay must
    // therefore not be able to show it again (it would have to be stored in plain text).
    let second = post_with_key(
        &app,
        &owner.token,
        "/api/v1/api-keys",
        &key,
        &json!({"name": "Replayed"}),
    )
    .await;
    assert!(
        second.status.is_success() || second.status.is_client_error(),
        "{}",
        second.text
    );
    assert!(
        !second.text.contains(&secret),
        "the replay shows the secret again: {}",
        second.text
    );
}
both_backends!(
    api_key_secret_is_not_kept_for_replay_works,
    super::api_key_secret_is_not_kept_for_replay
);

// ---------------------------------------------------------------------------------------------
// ETag and If-Match

async fn etags_and_if_match(app: TestApp) {
    let owner = app.signup("ETags").await;
    let created = app.create_user(&owner.token, &new_user("Versioned")).await;
    let path = created.header("location").unwrap();
    let get = app.get(&path).token(&owner.token).send().await;
    let etag = get.header("etag").expect("ETag on GET");
    assert!(!etag.starts_with("W/"), "strong ETag: {etag}");
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");

    let p1 = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Second"}))
        .send()
        .await;
    assert_eq!(p1.status, StatusCode::OK, "{}", p1.text);
    let etag2 = p1.header("etag").expect("ETag on PATCH");
    assert_ne!(etag2, etag);
    assert_eq!(
        app.get(&path)
            .token(&owner.token)
            .send()
            .await
            .header("etag")
            .as_deref(),
        Some(etag2.as_str())
    );

    let stale = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Stale"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    // A weak validator never matches If-Match (strong comparison), nor another resource's tag.
    let weak = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &format!("W/{etag2}"))
        .json(&json!({"name": "Weak"}))
        .send()
        .await;
    assert_problem(&weak, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    let owner_tag = app
        .get(&format!("/api/v1/users/{}", owner.user_id))
        .token(&owner.token)
        .send()
        .await;
    let foreign = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &owner_tag.header("etag").unwrap())
        .json(&json!({"name": "Foreign"}))
        .send()
        .await;
    assert_problem(
        &foreign,
        StatusCode::PRECONDITION_FAILED,
        "version_mismatch",
    );
    assert_eq!(
        app.get(&path).token(&owner.token).send().await.body["name"],
        "Second"
    );

    // A list of tags matches when one of them does.
    let listed = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &format!("{etag}, {etag2}"))
        .json(&json!({"name": "Listed"}))
        .send()
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);

    let unconditional = app
        .patch(&path)
        .token(&owner.token)
        .json(&json!({"name": "Third"}))
        .send()
        .await;
    assert_eq!(
        unconditional.status,
        StatusCode::OK,
        "{}",
        unconditional.text
    );
    let star = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", "*")
        .json(&json!({"name": "Fourth"}))
        .send()
        .await;
    assert_eq!(star.status, StatusCode::OK, "{}", star.text);
    assert_eq!(star.body["name"], "Fourth");
    assert_eq!(star.body["version"], 5);
}
both_backends!(etags_and_if_match_works, super::etags_and_if_match);

async fn team_etags_and_if_match(app: TestApp) {
    let owner = app.signup("Team ETags").await;
    let t = app
        .post("/api/v1/teams")
        .token(&owner.token)
        .json(&json!({"name": "Tagged"}))
        .send()
        .await;
    let path = t.header("location").unwrap();
    let etag = app
        .get(&path)
        .token(&owner.token)
        .send()
        .await
        .header("etag")
        .unwrap();
    assert!(!etag.starts_with("W/"));
    let ok = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Retagged"}))
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    let stale = app
        .patch(&path)
        .token(&owner.token)
        .header("if-match", &etag)
        .json(&json!({"name": "Stale"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
}
both_backends!(
    team_etags_and_if_match_works,
    super::team_etags_and_if_match
);

// ---------------------------------------------------------------------------------------------
// Pagination

async fn pages_cover_the_list_once(app: TestApp) {
    let owner = app.signup("Pages").await;
    for i in 0..7 {
        let a = app
            .create_user(&owner.token, &new_user(&format!("Member {i}")))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let first = app
        .get("/api/v1/users?limit=3")
        .token(&owner.token)
        .send()
        .await;
    let mut page = first;
    loop {
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let data = page.body["data"].as_array().unwrap().clone();
        sizes.push(data.len());
        seen.extend(ids_of(&data));
        let Some(cursor) = page.body["next_cursor"].as_str().map(str::to_owned) else {
            break;
        };
        page = app
            .get(&format!("/api/v1/users?limit=3&cursor={cursor}"))
            .token(&owner.token)
            .send()
            .await;
    }
    assert_eq!(sizes, vec![3, 3, 2]);
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), 8, "no duplicates: {seen:?}");
    assert_eq!(
        seen,
        all_user_ids(&app, &owner.token).await,
        "the same order as one big page"
    );

    // Exactly a page's worth: the last full page says there is no more.
    let (rows, pages) = app
        .walk_pages(&owner.token, "/api/v1/users?limit=4", None)
        .await;
    assert_eq!((rows.len(), pages), (8, 2));
    // Descending is the reverse.
    let desc = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=-created_at")
        .await;
    let mut reversed = ids_of(&desc);
    reversed.reverse();
    assert_eq!(reversed, seen);
}
both_backends!(
    pages_cover_the_list_once_works,
    super::pages_cover_the_list_once
);

async fn pages_are_stable_under_inserts(app: TestApp) {
    let owner = app.signup("Stable Pages").await;
    for i in 0..7 {
        app.create_user(&owner.token, &new_user(&format!("Original {i}")))
            .await;
    }
    let originals = all_user_ids(&app, &owner.token).await;
    assert_eq!(originals.len(), 8);

    for sort in ["created_at", "-created_at", "name", "-name"] {
        let first = app
            .get(&format!("/api/v1/users?limit=3&sort={sort}"))
            .token(&owner.token)
            .send()
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text);
        let mut seen = ids_of(first.body["data"].as_array().unwrap());
        // Two more arrive between page 1 and page 2 (named to sort at both ends).
        for name in ["Aaron Added", "Zed Added"] {
            let a = app.create_user(&owner.token, &new_user(name)).await;
            assert_eq!(a.status, StatusCode::CREATED);
        }
        let cursor = first.body["next_cursor"].as_str().unwrap().to_owned();
        let (rest, _) = app
            .walk_pages(
                &owner.token,
                &format!("/api/v1/users?limit=3&sort={sort}"),
                Some(cursor),
            )
            .await;
        seen.extend(ids_of(&rest));
        let unique: BTreeSet<&String> = seen.iter().collect();
        assert_eq!(
            unique.len(),
            seen.len(),
            "sort={sort}: a row was seen twice: {seen:?}"
        );
        for id in &originals {
            assert!(
                seen.contains(id),
                "sort={sort}: original row {id} was skipped"
            );
        }
    }
}
both_backends!(
    pages_are_stable_under_inserts_works,
    super::pages_are_stable_under_inserts
);

async fn sorted_pages(app: TestApp) {
    let owner = app.signup("Sorted").await;
    // Names whose order is the same under byte order and any locale collation.
    for name in [
        "Member Delta",
        "Member Alpha",
        "Member Echo",
        "Member Bravo",
        "Member Alpha",
        "Member Charlie",
        "Member Golf",
    ] {
        let a = app.create_user(&owner.token, &new_user(name)).await;
        assert_eq!(a.status, StatusCode::CREATED);
    }
    let asc = app
        .walk(&owner.token, "/api/v1/users?limit=2&sort=name")
        .await;
    let names: Vec<&str> = asc.iter().map(|u| u["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 8);
    assert_eq!(names.first(), Some(&"Member Alpha"));
    assert_eq!(names.last(), Some(&"Olivia Owner"));
    let unique: BTreeSet<String> = ids_of(&asc).into_iter().collect();
    assert_eq!(unique.len(), 8, "ties on name are split by id, once each");

    let desc = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=-name")
        .await;
    let mut desc_ids = ids_of(&desc);
    desc_ids.reverse();
    assert_eq!(
        desc_ids,
        ids_of(&asc),
        "-name is exactly the reverse of name"
    );

    let by_email = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=email")
        .await;
    let emails: Vec<&str> = by_email
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted);
}
both_backends!(sorted_pages_works, super::sorted_pages);

async fn cursors_are_bound_to_sort_and_filters(app: TestApp) {
    let owner = app.signup("Cursor Binding").await;
    for i in 0..3 {
        app.create_user(&owner.token, &new_user(&format!("Bound {i}")))
            .await;
    }
    let page = app
        .get("/api/v1/users?limit=1&sort=name")
        .token(&owner.token)
        .send()
        .await;
    let cursor = page.body["next_cursor"].as_str().unwrap().to_owned();
    for other in [
        "sort=-name",
        "sort=email",
        "sort=created_at",
        "sort=name&role=viewer",
    ] {
        let a = app
            .get(&format!("/api/v1/users?limit=1&{other}&cursor={cursor}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor");
    }
    // The right sort takes it, with another limit too.
    let a = app
        .get(&format!("/api/v1/users?limit=2&sort=name&cursor={cursor}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
}
both_backends!(
    cursors_are_bound_to_sort_and_filters_works,
    super::cursors_are_bound_to_sort_and_filters
);

// ---------------------------------------------------------------------------------------------
// Rate limits

async fn rate_limits_per_caller(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| c.rate_limit = 5).await else {
        return;
    };
    let owner = app.signup("Limited").await;
    let viewer = app.colleague(&owner.token, "viewer").await.token;
    let mut limited = Vec::new();
    let mut allowed = Vec::new();
    for _ in 0..30 {
        let a = app.get("/api/v1/me").token(&owner.token).send().await;
        match a.status {
            StatusCode::OK => allowed.push(a),
            StatusCode::TOO_MANY_REQUESTS => limited.push(a),
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert!(
        !limited.is_empty(),
        "30 quick requests at 5/s must be limited"
    );
    assert!(!allowed.is_empty());
    for a in &limited {
        assert_problem(a, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        let retry: u64 = a
            .header("retry-after")
            .expect("Retry-After")
            .parse()
            .unwrap();
        assert!(retry >= 1);
        assert_eq!(a.header("ratelimit-limit").as_deref(), Some("5"));
        assert_eq!(a.header("ratelimit-remaining").as_deref(), Some("0"));
    }
    for a in &allowed {
        let remaining: u32 = a
            .header("ratelimit-remaining")
            .expect("RateLimit-Remaining")
            .parse()
            .unwrap();
        assert!(remaining < 5);
        assert_eq!(a.header("ratelimit-limit").as_deref(), Some("5"));
    }
    // Another caller is counted apart.
    let other = app.get("/api/v1/me").token(&viewer).send().await;
    assert_eq!(other.status, StatusCode::OK, "{}", other.text);
    // Operations endpoints are not limited.
    for _ in 0..10 {
        assert_eq!(app.get("/healthz").send().await.status, StatusCode::OK);
    }
}
both_backends!(rate_limits_per_caller_works, super::rate_limits_per_caller);

// ---------------------------------------------------------------------------------------------
// Operations and the spec

async fn health_and_readiness(app: TestApp) {
    let h = app.get("/healthz").send().await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.body["status"], "ok");
    let r = app.get("/readyz").send().await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["status"], "ok");
    let expected = match app.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(r.body["database"], expected);
}
both_backends!(health_and_readiness_works, super::health_and_readiness);

async fn metrics_are_prometheus_text(app: TestApp) {
    assert_eq!(app.get("/healthz").send().await.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/nope").send().await.status,
        StatusCode::NOT_FOUND
    );
    let m = app.get("/metrics").send().await;
    assert_eq!(m.status, StatusCode::OK);
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
    for needle in [
        "http_requests_total",
        "http_request_duration_seconds",
        "db_pool_connections",
    ] {
        assert!(m.text.contains(needle), "{needle} missing:\n{}", m.text);
    }
    assert!(m.text.contains("route=\"/healthz\""), "{}", m.text);
    // Unmatched paths are one label, not one per path (bounded cardinality).
    assert!(!m.text.contains("/api/v1/nope"), "{}", m.text);
}
both_backends!(
    metrics_are_prometheus_text_works,
    super::metrics_are_prometheus_text
);

async fn docs_are_served_without_a_cdn(app: TestApp) {
    let d = app.get("/docs/").send().await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(d.header("content-type").unwrap().starts_with("text/html"));
    assert!(d.text.to_lowercase().contains("<html"), "{}", d.text);
    for cdn in ["unpkg", "jsdelivr", "cdnjs", "googleapis"] {
        assert!(!d.text.contains(cdn), "{cdn} in /docs/");
    }
    let redirect = app.get("/docs").send().await;
    assert_eq!(redirect.status, StatusCode::OK, "/docs leads to the docs");
}
both_backends!(
    docs_are_served_without_a_cdn_works,
    super::docs_are_served_without_a_cdn
);

async fn served_spec_matches_the_committed_one(app: TestApp) {
    let served = app.get("/api/v1/openapi.json").send().await;
    assert_eq!(served.status, StatusCode::OK);
    assert!(served
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
    let committed: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let generated: Value = serde_json::from_str(&accord::http::spec_json()).unwrap();
    let hint = "the OpenAPI document drifted: run `cargo run -- openapi > openapi/openapi.json` and commit it";
    assert!(
        served.body == generated,
        "served spec differs from spec_json(); {hint}"
    );
    assert!(
        committed == generated,
        "openapi/openapi.json differs from the code; {hint}"
    );
    assert!(served.body["openapi"].as_str().unwrap().starts_with("3.1"));
}
both_backends!(
    served_spec_matches_the_committed_one_works,
    super::served_spec_matches_the_committed_one
);

// ---------------------------------------------------------------------------------------------
// Found by schemathesis (clients/schemathesis.sh) and by the generated clients

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

/// What the spec says about shared parameters and answers matches what the server does.
async fn spec_states_the_shared_rules(app: TestApp) {
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let ops = |path: &str, method: &str| spec["paths"][path][method].clone();
    let param = |op: &Value, name: &str| {
        op["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == name).cloned())
            .unwrap_or(Value::Null)
    };
    // Parameters are never JSON null on the wire.
    let key = param(&ops("/api/v1/accounts", "post"), "Idempotency-Key");
    assert_eq!(key["schema"]["type"], "string");
    assert_eq!(key["schema"]["maxLength"], 255);
    let if_match = param(&ops("/api/v1/accounts/{id}", "patch"), "If-Match");
    assert_eq!(if_match["schema"]["type"], "string");
    // limit is 1..=200, as the extractor enforces.
    let limit = param(&ops("/api/v1/accounts", "get"), "limit");
    assert_eq!(limit["schema"]["minimum"], 1);
    assert_eq!(limit["schema"]["maximum"], 200);
    // List pages reference their item schema instead of copying it.
    assert_eq!(
        spec["components"]["schemas"]["Page_AccountView"]["properties"]["data"]["items"]["$ref"],
        "#/components/schemas/AccountView"
    );
    // Credential exchanges document their 401; owner history documents a page.
    assert!(ops("/api/v1/auth/token", "post")["responses"]["401"].is_object());
    assert!(ops("/api/v1/auth/refresh", "post")["responses"]["401"].is_object());
    assert!(ops("/api/v1/reports/general-ledger", "get")["responses"]["404"].is_object());
    // Actions on a resource compare versions like PATCH does.
    assert!(ops("/api/v1/accounts/{id}/reassign", "post")["responses"]["412"].is_object());
    let history = &ops("/api/v1/accounts/{id}/owner-history", "get")["responses"]["200"];
    assert_eq!(
        history["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Page_OwnerChangeView"
    );
}
both_backends!(
    spec_states_the_shared_rules_works,
    super::spec_states_the_shared_rules
);

/// What the spec promises for the answers it documents: a wrong password is 401 on
/// /auth/token, an unknown ledger account is 404 on the general ledger, and owner history
/// answers a page.
async fn documented_answers_happen(app: TestApp) {
    let owner = app.signup("Documented Answers").await;
    let a = app
        .post("/api/v1/auth/token")
        .json(&json!({"email": owner.email, "password": "not the password at all"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_credentials");
    let a = app
        .get(&format!(
            "/api/v1/reports/general-ledger?from=2026-01-01&to=2026-12-31&ledger_account_id={}",
            uuid::Uuid::now_v7()
        ))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let account = app
        .post("/api/v1/accounts")
        .token(&owner.token)
        .json(&json!({"name": "Hist Co"}))
        .send()
        .await;
    let id = account.body["id"].as_str().unwrap();
    let a = app
        .get(&format!("/api/v1/accounts/{id}/owner-history"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["data"].is_array());
    assert!(a.body["next_cursor"].is_null());
}
both_backends!(
    documented_answers_happen_works,
    super::documented_answers_happen
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
