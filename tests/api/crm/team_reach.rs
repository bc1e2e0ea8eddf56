//! Account managers write the records of accounts they own or whose team they are in; a team
//! lead also across the sub-teams; reassigning is for leads within their reach.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{assert_all_refused, writes_on};
use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::{Colleague, TestApp};

async fn permissions_follow_ownership_and_teams(app: TestApp) {
    let owner = app.signup("Acme").await;
    let Colleague {
        id: lead_id,
        token: lead,
        ..
    } = app.account_manager(&owner.token, "lead").await;
    let Colleague {
        id: member_id,
        token: member,
        ..
    } = app.account_manager(&owner.token, "member").await;
    let Colleague {
        id: sub_id,
        token: sub,
        ..
    } = app.account_manager(&owner.token, "sub").await;
    let outsider = app.account_manager(&owner.token, "outsider").await.token;
    let viewer = app.colleague(&owner.token, "viewer").await.token;
    let parent = app
        .create(
            &owner.token,
            "/api/v1/teams",
            json!({"name": "Enterprise", "lead_id": lead_id, "member_ids": [lead_id, member_id]}),
        )
        .await;
    let parent_id = parent["id"].as_str().unwrap();
    let child = app
        .create(
            &owner.token,
            "/api/v1/teams",
            json!({"name": "EMEA", "parent_team_id": parent_id, "member_ids": [sub_id]}),
        )
        .await;
    let child_id = child["id"].as_str().unwrap();
    let a = app
        .client_account(
            &owner.token,
            json!({"name": "Globex", "owner_id": lead_id, "team_id": parent_id}),
        )
        .await;
    let b = app
        .client_account(
            &owner.token,
            json!({"name": "Initech", "owner_id": sub_id, "team_id": child_id}),
        )
        .await;
    let c = app
        .client_account(&outsider, json!({"name": "Umbrella"}))
        .await;

    // A member of the account's team writes; a manager outside it reads but cannot write.
    let r = app
        .patch(&format!("/api/v1/accounts/{a}"))
        .token(&member)
        .json(&json!({"goals": "grow"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app
        .patch(&format!("/api/v1/accounts/{a}"))
        .token(&outsider)
        .json(&json!({"goals": "hijack"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "forbidden");
    assert!(r.body["detail"].as_str().unwrap().contains("crm:write"));
    app.fetch(&outsider, &format!("/api/v1/accounts/{a}")).await;
    // The lead reaches the sub-team's accounts; a plain member of the parent does not.
    let r = app
        .patch(&format!("/api/v1/accounts/{b}"))
        .token(&lead)
        .json(&json!({"goals": "led"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app
        .patch(&format!("/api/v1/accounts/{b}"))
        .token(&member)
        .json(&json!({"goals": "no"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Viewers read only.
    let r = app
        .post("/api/v1/contacts")
        .token(&viewer)
        .json(&json!({"account_id": a, "name": "X"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for (path, body) in [
        (
            "/api/v1/interactions",
            json!({"account_id": b, "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"}),
        ),
        (
            "/api/v1/feedback",
            json!({"account_id": b, "kind": "csat", "score": 4}),
        ),
        ("/api/v1/tasks", json!({"account_id": b, "title": "t"})),
        (
            "/api/v1/risks",
            json!({"account_id": b, "kind": "complaint", "severity": "low", "description": "d"}),
        ),
        (
            "/api/v1/opportunities",
            json!({"account_id": b, "kind": "upsell", "name": "o", "amount": "1.00"}),
        ),
        (
            "/api/v1/requests",
            json!({"account_id": b, "kind": "inquiry", "summary": "s"}),
        ),
    ] {
        let r = app.post(path).token(&member).json(&body).send().await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {}", r.text);
    }
    // Moving a contact needs write access on both accounts.
    let contact = app
        .create(
            &member,
            "/api/v1/contacts",
            json!({"account_id": a, "name": "Hank"}),
        )
        .await;
    let r = app
        .patch(&format!(
            "/api/v1/contacts/{}",
            contact["id"].as_str().unwrap()
        ))
        .token(&member)
        .json(&json!({"account_id": c}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    // Reassigning: not for plain members; the lead moves it into their sub-team; history kept.
    let r = app
        .post(&format!("/api/v1/accounts/{a}/reassign"))
        .token(&member)
        .json(&json!({"owner_id": member_id, "team_id": parent_id}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(&format!("/api/v1/accounts/{a}/reassign"))
        .token(&lead)
        .json(&json!({"owner_id": sub_id, "team_id": child_id}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["owner_id"], json!(sub_id));
    let h = app
        .fetch(&owner.token, &format!("/api/v1/accounts/{a}/owner-history"))
        .await;
    assert_eq!(h["data"][0]["from_owner_id"], json!(lead_id));
    assert_eq!(h["data"][0]["to_team_id"], json!(child_id));
    let r = app
        .patch(&format!("/api/v1/accounts/{a}"))
        .token(&sub)
        .json(&json!({"goals": "mine now"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK);

    // Another organization sees nothing and cannot attach records to it.
    let rival = app.signup("Rival").await;
    assert_eq!(
        app.get(&format!("/api/v1/accounts/{a}"))
            .token(&rival.token)
            .send()
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!(
            "/api/v1/contacts/{}",
            contact["id"].as_str().unwrap()
        ))
        .token(&rival.token)
        .send()
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let r = app
        .post("/api/v1/contacts")
        .token(&rival.token)
        .json(&json!({"account_id": a, "name": "Spy"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.error_fields().contains(&"account_id".to_owned()));
    let list = app.fetch(&rival.token, "/api/v1/accounts").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 0);
}
both_backends!(
    permissions_follow_ownership_and_teams_works,
    super::permissions_follow_ownership_and_teams
);

async fn a_manager_outside_the_team_writes_only_their_own(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: member,
        ..
    } = app.account_manager(t, "member").await;
    let Colleague {
        id: outsider_id,
        token: outsider,
        ..
    } = app.account_manager(t, "outsider").await;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [member_id]}),
        )
        .await,
    );
    let a = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "team_id": team}),
        )
        .await,
    );
    let b = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex dup", "team_id": team}),
        )
        .await,
    );
    let r = CrmRecords::create(&app, &member, &a).await;
    // Refused on every write of the team's account (competitors are organization-wide, so
    // `global` writes are not part of this).
    let writes = writes_on(&r, &b, false);
    assert_all_refused(&app, &outsider, "outsider", &writes, StatusCode::FORBIDDEN).await;
    // Creating an account for another owner is refused (planting one in another team: see
    // `an_account_cannot_be_planted_in_another_team`).
    for body in [json!({"name": "Planted", "owner_id": member_id})] {
        let x = app
            .post("/api/v1/accounts")
            .token(&outsider)
            .json(&body)
            .send()
            .await;
        assert_eq!(x.status, StatusCode::FORBIDDEN, "{body}: {}", x.text);
    }
    let x = app.patch("/api/v1/crm/settings").token(&outsider).json(&json!({"health_weights": {}, "healthy_from": 70, "watch_from": 40, "check_in_days_by_tier": {}})).send().await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    // Their own account: everything works, and it is theirs.
    let own = app
        .create(&outsider, "/api/v1/accounts", json!({"name": "Umbrella"}))
        .await;
    assert_eq!(own["owner_id"], json!(outsider_id));
    let own = id_of(&own);
    let mine = CrmRecords::create(&app, &outsider, &own).await;
    let x = app
        .call(
            Method::PATCH,
            &format!("/api/v1/tasks/{}", mine.task),
            &outsider,
            Some(&json!({"status": "done"})),
        )
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    let x = app
        .call(
            Method::PATCH,
            &format!("/api/v1/accounts/{own}"),
            &outsider,
            Some(&json!({"goals": "grow"})),
        )
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{own}/churn"),
            &outsider,
            Some(&json!({"reason": "budget"})),
        )
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    // The team's records are untouched.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert!(acc["archived_at"].is_null());
    assert!(acc["goals"].is_null());
    assert_eq!(
        app.fetch(t, &format!("/api/v1/contacts/{}", r.contact))
            .await["title"],
        Value::Null
    );
    assert_eq!(
        app.fetch(t, &format!("/api/v1/proposals/{}", r.proposal))
            .await["status"],
        "draft"
    );
}
both_backends!(
    a_manager_outside_the_team_writes_only_their_own_works,
    super::a_manager_outside_the_team_writes_only_their_own
);

async fn a_lead_reaches_sub_team_accounts_and_a_member_does_not(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: lead_id,
        token: lead,
        ..
    } = app.account_manager(t, "lead").await;
    let Colleague {
        id: sub_id,
        token: sub,
        ..
    } = app.account_manager(t, "sub").await;
    let parent = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Enterprise", "lead_id": lead_id}),
        )
        .await,
    );
    let child = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "EMEA", "parent_team_id": parent, "member_ids": [sub_id]}),
        )
        .await,
    );
    let grandchild = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "DACH", "parent_team_id": child}),
        )
        .await,
    );
    let a = id_of(
        &app.create(
            &sub,
            "/api/v1/accounts",
            json!({"name": "Initech", "team_id": child}),
        )
        .await,
    );
    let deep = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Deep", "team_id": grandchild}),
        )
        .await,
    );
    // The lead writes every kind of record on the sub-team member's account and two levels down.
    for acc in [&a, &deep] {
        let r = CrmRecords::create(&app, &lead, acc).await;
        let x = app
            .call(
                Method::PATCH,
                &format!("/api/v1/accounts/{acc}"),
                &lead,
                Some(&json!({"goals": "led"})),
            )
            .await;
        assert_eq!(x.status, StatusCode::OK, "{}", x.text);
        let x = app
            .call(
                Method::PATCH,
                &format!("/api/v1/risks/{}", r.risk),
                &lead,
                Some(&json!({"status": "mitigating"})),
            )
            .await;
        assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    }
    // The sub-team member does not reach up, nor down into a team they are not in.
    let top = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Top", "team_id": parent}),
        )
        .await,
    );
    for acc in [&top, &deep] {
        let x = app
            .call(
                Method::POST,
                "/api/v1/tasks",
                &sub,
                Some(&json!({"account_id": acc, "title": "t"})),
            )
            .await;
        assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    }
    // The member cannot reassign; the lead can, within the teams they lead, but not to a
    // team outside their reach.
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{a}/reassign"),
            &sub,
            Some(&json!({"owner_id": sub_id, "team_id": grandchild})),
        )
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    let other = id_of(
        &app.create(t, "/api/v1/teams", json!({"name": "Elsewhere"}))
            .await,
    );
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{a}/reassign"),
            &lead,
            Some(&json!({"owner_id": lead_id, "team_id": other})),
        )
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    let x = app
        .call(
            Method::PATCH,
            &format!("/api/v1/accounts/{a}"),
            &lead,
            Some(&json!({"team_id": other})),
        )
        .await;
    assert_eq!(
        x.status,
        StatusCode::FORBIDDEN,
        "PATCH team_id is a reassignment too: {}",
        x.text
    );
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{a}/reassign"),
            &lead,
            Some(&json!({"owner_id": lead_id, "team_id": grandchild})),
        )
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["team_id"],
        json!(grandchild)
    );
}
both_backends!(
    a_lead_reaches_sub_team_accounts_and_a_member_does_not_works,
    super::a_lead_reaches_sub_team_accounts_and_a_member_does_not
);

async fn an_account_cannot_be_planted_in_another_team(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: _,
        ..
    } = app.account_manager(t, "member").await;
    let outsider = app.account_manager(t, "outsider").await.token;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [member_id]}),
        )
        .await,
    );
    // Moving an existing account into the team is a reassignment, refused to a plain manager...
    let own = id_of(
        &app.create(&outsider, "/api/v1/accounts", json!({"name": "Mine"}))
            .await,
    );
    let x = app
        .patch(&format!("/api/v1/accounts/{own}"))
        .token(&outsider)
        .json(&json!({"team_id": team}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    // ...so creating one straight into a team the manager is not in must be refused as well.
    let x = app
        .post("/api/v1/accounts")
        .token(&outsider)
        .json(&json!({"name": "Planted", "team_id": team}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    let list = app
        .fetch(t, &format!("/api/v1/accounts?team_id={team}"))
        .await;
    assert!(list["data"].as_array().unwrap().is_empty(), "{list}");
}
both_backends!(
    an_account_cannot_be_planted_in_another_team_works,
    super::an_account_cannot_be_planted_in_another_team
);
