//! The conventions every endpoint follows, by theme: request bodies, routing and query
//! strings, problems and request ids, creation, idempotency, ETags, pagination, rate limits,
//! the operations endpoints and the published spec. Most use `/users` as the example.

mod bodies;
mod creation;
mod etags;
mod idempotency;
mod operations;
mod pagination;
mod problems;
mod queries;
mod rate_limits;
mod routing;
mod spec;
mod spec_names;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::fixtures::unique_email;
use crate::support::{TestApp, PASSWORD};

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
