//! Creating answers 201 with a Location that GETs the same resource.

use reqwest::StatusCode;
use serde_json::json;

use super::new_user;
use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::{TestApp, PASSWORD};

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
