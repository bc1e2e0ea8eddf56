//! Users and roles: who may create and change whom, titles, the last owner, deactivation and
//! passwords.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{login_answer, me, refresh};
use crate::both_backends;
use crate::support::fixtures::unique_email;
use crate::support::problem::{assert_names_fields, assert_problem, field_code};
use crate::support::{Colleague, TestApp, PASSWORD};

async fn viewer_reads_but_cannot_write_users_or_teams(app: TestApp) {
    let owner = app.signup("Roles").await;
    let viewer = app.colleague(&owner.token, "viewer").await.token;

    let list = app.get("/api/v1/users").token(&viewer).send().await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    assert_eq!(list.body["data"].as_array().unwrap().len(), 2);

    let u = app

        .create_user(

            &viewer,

            &json!({"name": "Nope", "email": unique_email("nope"), "password": PASSWORD, "role": "viewer"}),

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
    let a = app
        .create_user(
            &admin,
            &json!({"name": "Boss", "email": unique_email("boss"), "password": PASSWORD, "role": "owner"}),
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
    let ok = app
        .create_user(
            &admin,
            &json!({"name": "Peer", "email": unique_email("peer"), "password": PASSWORD, "role": "admin"}),
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
    let am = app
        .create_user(
            &owner.token,
            &json!({"name": "Amy", "email": unique_email("am"), "password": PASSWORD, "role": "account_manager"}),
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
    let a = app
        .create_user(
            &owner.token,
            &json!({"name": "", "email": "nope", "password": "short", "role": "viewer", "title": "account_manager"}),
        )
        .await;
    assert_names_fields(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        &["name", "email", "password", "title"],
    );
}
both_backends!(
    create_user_lists_every_bad_field_works,
    super::create_user_lists_every_bad_field
);

async fn duplicate_user_email_is_422(app: TestApp) {
    let owner = app.signup("Dup Users").await;
    let email = app.colleague(&owner.token, "viewer").await.email;
    let a = app
        .create_user(
            &owner.token,
            &json!({"name": "Again", "email": email.to_uppercase(), "password": PASSWORD, "role": "viewer"}),
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "email_taken");
}
both_backends!(
    duplicate_user_email_is_422_works,
    super::duplicate_user_email_is_422
);

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
    let a = app
        .create_user(
            &admin,
            &json!({"name": "Backdoor", "email": unique_email("backdoor"), "password": PASSWORD, "role": "admin"}),
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
