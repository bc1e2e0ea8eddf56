//! Teams: lead and members, checked references, no cycles, deleting, unique names.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::id_set;
use crate::both_backends;
use crate::support::problem::{assert_problem, field_code};
use crate::support::TestApp;

async fn team_with_lead_and_members(app: TestApp) {
    let owner = app.signup("Teams").await;
    let lead = app.colleague(&owner.token, "account_manager").await.id;
    let m1 = app.colleague(&owner.token, "account_manager").await.id;
    let m2 = app.colleague(&owner.token, "viewer").await.id;
    let a = app
        .create_team(
            &owner.token,
            &json!({"name": "Enterprise", "lead_id": lead, "member_ids": [m1, m2, m1]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["name"], "Enterprise");
    assert_eq!(a.body["lead_id"], lead.as_str());
    assert_eq!(a.body["parent_team_id"], Value::Null);
    assert_eq!(
        id_set(&a.body["member_ids"]),
        BTreeSet::from([m1.clone(), m2.clone()])
    );
    assert_eq!(
        a.body["member_ids"].as_array().unwrap().len(),
        2,
        "duplicates collapse: {}",
        a.text
    );
    let id = a.body["id"].as_str().unwrap();
    let get = app
        .get(&format!("/api/v1/teams/{id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(
        id_set(&get.body["member_ids"]),
        BTreeSet::from([m1.clone(), m2])
    );

    // member_ids replaces the membership.
    let p = app
        .patch(&format!("/api/v1/teams/{id}"))
        .token(&owner.token)
        .json(&json!({"member_ids": [m1], "lead_id": null}))
        .send()
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.text);
    assert_eq!(id_set(&p.body["member_ids"]), BTreeSet::from([m1]));
    assert_eq!(p.body["lead_id"], Value::Null);
    assert_eq!(p.body["name"], "Enterprise");
}
both_backends!(
    team_with_lead_and_members_works,
    super::team_with_lead_and_members
);

async fn team_references_are_checked(app: TestApp) {
    let owner = app.signup("Team Refs").await;
    let m1 = app.colleague(&owner.token, "viewer").await.id;
    let ghost = uuid::Uuid::now_v7().to_string();
    let a = app
        .create_team(
            &owner.token,
            &json!({"name": "Ghosts", "member_ids": [m1, ghost]}),
        )
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "member_ids[1]").as_deref(),
        Some("not_found"),
        "{}",
        a.text
    );
    assert!(field_code(&a, "member_ids[0]").is_none(), "{}", a.text);

    let ok = app
        .create_team(&owner.token, &json!({"name": "Real"}))
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
    let dup = app
        .create_team(&owner.token, &json!({"name": "Real"}))
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", dup.text);
    assert_eq!(
        field_code(&dup, "name").as_deref(),
        Some("name_taken"),
        "{}",
        dup.text
    );

    // Both problems at once.
    let both = app
        .create_team(&owner.token, &json!({"name": "Real", "lead_id": ghost}))
        .await;
    assert_eq!(
        both.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        both.text
    );
    assert_eq!(
        field_code(&both, "name").as_deref(),
        Some("name_taken"),
        "{}",
        both.text
    );
    assert_eq!(
        field_code(&both, "lead_id").as_deref(),
        Some("not_found"),
        "{}",
        both.text
    );
}
both_backends!(
    team_references_are_checked_works,
    super::team_references_are_checked
);

async fn team_parent_cycles_are_refused(app: TestApp) {
    let owner = app.signup("Cycles").await;
    let a = app.create_team(&owner.token, &json!({"name": "A"})).await;
    let a_id = a.body["id"].as_str().unwrap().to_owned();
    let b = app
        .create_team(&owner.token, &json!({"name": "B", "parent_team_id": a_id}))
        .await;
    assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
    assert_eq!(b.body["parent_team_id"], a_id.as_str());
    let b_id = b.body["id"].as_str().unwrap().to_owned();
    let c = app
        .create_team(&owner.token, &json!({"name": "C", "parent_team_id": b_id}))
        .await;
    let c_id = c.body["id"].as_str().unwrap().to_owned();

    for (parent, what) in [(&b_id, "child"), (&c_id, "grandchild"), (&a_id, "itself")] {
        let p = app
            .patch(&format!("/api/v1/teams/{a_id}"))
            .token(&owner.token)
            .json(&json!({"parent_team_id": parent}))
            .send()
            .await;
        assert_eq!(
            p.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            p.text
        );
        assert_eq!(
            field_code(&p, "parent_team_id").as_deref(),
            Some("team_cycle"),
            "{what}: {}",
            p.text
        );
    }
    let get = app
        .get(&format!("/api/v1/teams/{a_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(get.body["parent_team_id"], Value::Null);
}
both_backends!(
    team_parent_cycles_are_refused_works,
    super::team_parent_cycles_are_refused
);

async fn deleting_teams(app: TestApp) {
    let owner = app.signup("Deletes").await;
    let parent = app
        .create_team(&owner.token, &json!({"name": "Parent"}))
        .await;
    let parent_id = parent.body["id"].as_str().unwrap().to_owned();
    let m = app.colleague(&owner.token, "viewer").await.id;
    let child = app
        .create_team(
            &owner.token,
            &json!({"name": "Child", "parent_team_id": parent_id, "member_ids": [m]}),
        )
        .await;
    let child_id = child.body["id"].as_str().unwrap().to_owned();

    let refused = app
        .delete(&format!("/api/v1/teams/{parent_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&refused, StatusCode::CONFLICT, "team_has_sub_teams");

    let viewer = app.colleague(&owner.token, "viewer").await.token;
    let forbidden = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&viewer)
        .send()
        .await;
    assert_problem(&forbidden, StatusCode::FORBIDDEN, "forbidden");

    let leaf = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(leaf.status, StatusCode::NO_CONTENT, "{}", leaf.text);
    assert!(leaf.text.is_empty());
    let gone = app
        .get(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&gone, StatusCode::NOT_FOUND, "not_found");
    let again = app
        .delete(&format!("/api/v1/teams/{child_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&again, StatusCode::NOT_FOUND, "not_found");

    // Now the parent has no sub-teams.
    let p = app
        .delete(&format!("/api/v1/teams/{parent_id}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(p.status, StatusCode::NO_CONTENT, "{}", p.text);
}
both_backends!(deleting_teams_works, super::deleting_teams);

async fn concurrent_teams_with_one_name(app: TestApp) {
    let owner = app.signup("Team Racers").await;
    let body = json!({"name": "Only One"});
    let answers = futures_util::future::join_all((0..6).map(|_| {
        app.post("/api/v1/teams")
            .token(&owner.token)
            .json(&body)
            .send()
    }))
    .await;
    let created = answers
        .iter()
        .filter(|a| a.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "exactly one team is created");
    for a in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
        assert_eq!(
            field_code(a, "name").as_deref(),
            Some("name_taken"),
            "{}",
            a.text
        );
    }
}
both_backends!(
    concurrent_teams_with_one_name_works,
    super::concurrent_teams_with_one_name
);
