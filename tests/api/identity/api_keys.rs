//! API keys: shown once, acting with their own role for their creator, never above the
//! creator, revoked at once.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::json;

use super::me;
use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{Answer, Colleague, TestApp, PASSWORD};

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
    let a = app
        .create_user(
            &key,
            &json!({"name": "Nope", "email": unique_email("nope"), "password": PASSWORD, "role": "viewer"}),
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
    let a = app
        .create_user(
            &key,
            &json!({"name": "Ghost", "email": unique_email("ghost"), "password": PASSWORD, "role": "admin"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.text);
}
both_backends!(
    api_key_of_a_deactivated_user_stops_working_works,
    super::api_key_of_a_deactivated_user_stops_working
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
    let a = app
        .create_user(
            &key,
            &json!({"name": "Escalated", "email": unique_email("esc"), "password": PASSWORD, "role": "admin"}),
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
