//! More CRM tests, written the way an attacker or a careless integrator would call the API:
//! permission refusals on every write, cross-organization ids, bad input (never a 500),
//! idempotent replays, stale `If-Match`, pagination under inserts and case-insensitive search.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::{Answer, Colleague, TestApp};

/// Every write on the records of `r` (and on the organization's CRM as a whole when
/// `global`), as (method, path, body).
fn writes_on(
    r: &CrmRecords,
    other_account: &str,
    global: bool,
) -> Vec<(Method, String, Option<Value>)> {
    let a = &r.account;
    let mut w = vec![
        (
            Method::PATCH,
            format!("/api/v1/accounts/{a}"),
            Some(json!({"goals": "hijack"})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/churn"),
            Some(json!({"reason": "price"})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/reassign"),
            Some(json!({"owner_id": null, "team_id": null})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{a}/merge"),
            Some(json!({"duplicate_id": other_account})),
        ),
        (
            Method::POST,
            format!("/api/v1/accounts/{other_account}/merge"),
            Some(json!({"duplicate_id": a})),
        ),
        (
            Method::POST,
            "/api/v1/contacts".into(),
            Some(json!({"account_id": a, "name": "Spy"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/contacts/{}", r.contact),
            Some(json!({"title": "pwned"})),
        ),
        (
            Method::POST,
            "/api/v1/interactions".into(),
            Some(
                json!({"account_id": a, "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"}),
            ),
        ),
        (
            Method::PATCH,
            format!("/api/v1/interactions/{}", r.interaction),
            Some(json!({"summary": "pwned"})),
        ),
        (
            Method::POST,
            "/api/v1/feedback".into(),
            Some(json!({"account_id": a, "kind": "nps", "score": 0})),
        ),
        (
            Method::POST,
            "/api/v1/requests".into(),
            Some(json!({"account_id": a, "kind": "issue", "summary": "s"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/requests/{}", r.request),
            Some(json!({"status": "closed"})),
        ),
        (
            Method::POST,
            "/api/v1/tasks".into(),
            Some(json!({"account_id": a, "title": "t"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/tasks/{}", r.task),
            Some(json!({"status": "done"})),
        ),
        (
            Method::POST,
            "/api/v1/opportunities".into(),
            Some(json!({"account_id": a, "kind": "upsell", "name": "o", "amount": "1.00"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/opportunities/{}", r.opportunity),
            Some(json!({"stage": "lost"})),
        ),
        (
            Method::POST,
            "/api/v1/proposals".into(),
            Some(json!({"opportunity_id": r.opportunity, "summary": "v2"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/proposals/{}", r.proposal),
            Some(json!({"status": "rejected"})),
        ),
        (
            Method::POST,
            "/api/v1/risks".into(),
            Some(
                json!({"account_id": a, "kind": "churn_risk", "severity": "critical", "description": "x"}),
            ),
        ),
        (
            Method::PATCH,
            format!("/api/v1/risks/{}", r.risk),
            Some(json!({"severity": "critical"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/contacts/{}", r.contact),
            None,
        ),
        (Method::DELETE, format!("/api/v1/tasks/{}", r.task), None),
        (Method::DELETE, format!("/api/v1/accounts/{a}"), None),
    ];
    if global {
        w.extend([
            (Method::POST, "/api/v1/accounts".into(), Some(json!({"name": "Mine"}))),
            (Method::POST, "/api/v1/competitors".into(), Some(json!({"name": "NewRival"}))),
            (Method::PATCH, format!("/api/v1/competitors/{}", r.competitor), Some(json!({"notes": "pwned"}))),
            (Method::PATCH, "/api/v1/crm/settings".into(), Some(json!({"health_weights": {}, "healthy_from": 70, "watch_from": 40, "check_in_days_by_tier": {}}))),
        ]);
    }
    w
}

async fn assert_all_refused(
    app: &TestApp,
    token: &str,
    who: &str,
    writes: &[(Method, String, Option<Value>)],
    want: StatusCode,
) {
    for (m, path, body) in writes {
        let r = app.call(m.clone(), path, token, body.as_ref()).await;
        assert_eq!(r.status, want, "{who} {m} {path}: {}", r.text);
        assert!(r.is_problem(), "{who} {m} {path}: {}", r.text);
    }
}

async fn import_refused(app: &TestApp, token: &str) -> Answer {
    app.post("/api/v1/accounts/import")
        .token(token)
        .raw("name,tier\nSneaky,key\n", "text/csv")
        .send()
        .await
}

// ---- permissions ----

async fn viewers_and_accountants_write_nothing(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let b = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex dup"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    let target = id_of(&app.create(t, "/api/v1/targets", json!({"user_id": owner.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"})).await);
    let mut writes = writes_on(&r, &b, true);
    writes.push((
        Method::POST,
        "/api/v1/targets".into(),
        Some(json!({"user_id": owner.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "won_amount", "amount": "1.00"})),
    ));
    writes.push((Method::DELETE, format!("/api/v1/targets/{target}"), None));
    let before = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    for role in ["viewer", "accountant"] {
        let tok = app.colleague(t, role).await.token;
        assert_all_refused(&app, &tok, role, &writes, StatusCode::FORBIDDEN).await;
        let imp = import_refused(&app, &tok).await;
        assert_eq!(
            imp.status,
            StatusCode::FORBIDDEN,
            "{role} import: {}",
            imp.text
        );
        // They still read.
        app.fetch(&tok, &format!("/api/v1/accounts/{a}")).await;
        app.fetch(&tok, "/api/v1/crm/settings").await;
    }
    // Nothing changed.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert!(acc["archived_at"].is_null());
    assert_eq!(acc["version"], before["version"], "{acc}");
    assert_eq!(
        app.fetch(t, &format!("/api/v1/contacts?account_id={a}"))
            .await["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.fetch(t, &format!("/api/v1/tasks/{}", r.task)).await["status"],
        "open"
    );
    assert_eq!(
        app.fetch(t, "/api/v1/accounts?q=sneaky").await["data"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    app.fetch(t, &format!("/api/v1/targets/{target}")).await;
}
both_backends!(
    viewers_and_accountants_write_nothing_works,
    super::viewers_and_accountants_write_nothing
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

async fn moving_a_record_needs_write_on_both_accounts(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: member,
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
    let a = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "team_id": team}),
        )
        .await,
    );
    let a2 = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex 2", "team_id": team}),
        )
        .await,
    );
    let c = id_of(
        &app.create(&outsider, "/api/v1/accounts", json!({"name": "Umbrella"}))
            .await,
    );
    let r = CrmRecords::create(&app, &member, &a).await;
    let foreign = {
        let rival = app.signup("Rival").await;
        id_of(
            &app.create(&rival.token, "/api/v1/accounts", json!({"name": "Theirs"}))
                .await,
        )
    };
    for path in [
        format!("/api/v1/contacts/{}", r.contact),
        format!("/api/v1/tasks/{}", r.task),
        format!("/api/v1/opportunities/{}", r.opportunity),
    ] {
        // To an account the member can only read: refused.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": c})),
            )
            .await;
        assert!(
            x.status == StatusCode::FORBIDDEN
                || (path.contains("opportunities") && x.status == StatusCode::UNPROCESSABLE_ENTITY),
            "{path}: {}",
            x.text
        );
        // To another organization's account: never moved there.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": foreign})),
            )
            .await;
        assert!(
            x.status == StatusCode::NOT_FOUND || x.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {}",
            x.text
        );
        assert_eq!(app.fetch(t, &path).await["account_id"], json!(a), "{path}");
        // The outsider cannot pull it onto their own account either.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &outsider,
                Some(&json!({"account_id": c})),
            )
            .await;
        assert!(
            x.status == StatusCode::FORBIDDEN
                || (path.contains("opportunities") && x.status == StatusCode::UNPROCESSABLE_ENTITY),
            "{path}: {}",
            x.text
        );
        assert_eq!(app.fetch(t, &path).await["account_id"], json!(a), "{path}");
    }
    // Between two accounts the member writes, a contact and a task move.
    for path in [
        format!("/api/v1/contacts/{}", r.contact),
        format!("/api/v1/tasks/{}", r.task),
    ] {
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": a2})),
            )
            .await;
        assert_eq!(x.status, StatusCode::OK, "{path}: {}", x.text);
        assert_eq!(x.body["account_id"], json!(a2));
    }
    // Merging an account the member cannot write into theirs is refused; nothing moves.
    let cc = id_of(
        &app.create(
            &outsider,
            "/api/v1/contacts",
            json!({"account_id": c, "name": "Alice"}),
        )
        .await,
    );
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{a}/merge"),
            &member,
            Some(&json!({"duplicate_id": c})),
        )
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/contacts/{cc}")).await["account_id"],
        json!(c)
    );
    assert!(app.fetch(t, &format!("/api/v1/accounts/{c}")).await["archived_at"].is_null());
}
both_backends!(
    moving_a_record_needs_write_on_both_accounts_works,
    super::moving_a_record_needs_write_on_both_accounts
);

// ---- cross-organization ----

fn allowed_refusal(s: StatusCode) -> bool {
    s == StatusCode::NOT_FOUND || s == StatusCode::UNPROCESSABLE_ENTITY
}

async fn another_organizations_ids_are_invisible(app: TestApp) {
    let acme = app.signup("Acme").await;
    let t = &acme.token;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [acme.user_id]}),
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
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex dup"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    let target = id_of(&app.create(t, "/api/v1/targets", json!({"user_id": acme.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"})).await);

    let before = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    let rival = app.signup("Rival").await;
    let rt = &rival.token;
    let mine = id_of(
        &app.create(rt, "/api/v1/accounts", json!({"name": "Mine"}))
            .await,
    );
    let my_opp = id_of(
        &app.create(
            rt,
            "/api/v1/opportunities",
            json!({"account_id": mine, "kind": "upsell", "name": "o", "amount": "1.00"}),
        )
        .await,
    );

    // Reads.
    for path in [
        format!("/api/v1/accounts/{a}"),
        format!("/api/v1/accounts/{a}/timeline"),
        format!("/api/v1/accounts/{a}/owner-history"),
        format!("/api/v1/contacts/{}", r.contact),
        format!("/api/v1/interactions/{}", r.interaction),
        format!("/api/v1/feedback/{}", r.feedback),
        format!("/api/v1/requests/{}", r.request),
        format!("/api/v1/tasks/{}", r.task),
        format!("/api/v1/opportunities/{}", r.opportunity),
        format!("/api/v1/proposals/{}", r.proposal),
        format!("/api/v1/risks/{}", r.risk),
        format!("/api/v1/competitors/{}", r.competitor),
        format!("/api/v1/targets/{target}"),
    ] {
        let x = app.get(&path).token(rt).send().await;
        assert_eq!(x.status, StatusCode::NOT_FOUND, "GET {path}: {}", x.text);
    }
    // Lists filtered by the other organization's account show nothing (or refuse).
    for path in [
        "contacts",
        "interactions",
        "feedback",
        "requests",
        "tasks",
        "opportunities",
        "risks",
    ] {
        let x = app
            .get(&format!("/api/v1/{path}?account_id={a}"))
            .token(rt)
            .send()
            .await;
        assert!(
            x.status == StatusCode::NOT_FOUND
                || x.status == StatusCode::UNPROCESSABLE_ENTITY
                || (x.status == StatusCode::OK && x.body["data"].as_array().unwrap().is_empty()),
            "{path}: {}",
            x.text
        );
    }
    // Writes on their ids: 404 (never 403, which would confirm the id exists).
    let mut writes = writes_on(&r, &mine, true);
    writes.retain(|(_, p, _)| {
        !p.starts_with("/api/v1/crm/settings")
            && p != "/api/v1/accounts"
            && p != "/api/v1/competitors"
    });
    writes.retain(|(m, p, _)| {
        !(*m == Method::POST && p == &format!("/api/v1/accounts/{mine}/merge"))
    });
    for (m, path, body) in &writes {
        let x = app.call(m.clone(), path, rt, body.as_ref()).await;
        if path.matches('/').count() == 3 {
            // A create naming their account or opportunity in the body.
            assert!(allowed_refusal(x.status), "{m} {path}: {}", x.text);
        } else {
            assert_eq!(x.status, StatusCode::NOT_FOUND, "{m} {path}: {}", x.text);
        }
    }
    let x = app
        .delete(&format!("/api/v1/targets/{target}"))
        .token(rt)
        .send()
        .await;
    assert_eq!(x.status, StatusCode::NOT_FOUND, "{}", x.text);
    // Merging their account into mine, or mine into theirs.
    for (keep, dup) in [(&mine, &a), (&a, &mine)] {
        let x = app
            .call(
                Method::POST,
                &format!("/api/v1/accounts/{keep}/merge"),
                rt,
                Some(&json!({"duplicate_id": dup})),
            )
            .await;
        assert!(
            allowed_refusal(x.status),
            "merge {keep} <- {dup}: {}",
            x.text
        );
    }

    // Creates that reference their ids: 404 or 422, never 201 or 500.
    let creates: Vec<(&str, Value)> = vec![
        (
            "/api/v1/accounts",
            json!({"name": "X", "owner_id": acme.user_id}),
        ),
        ("/api/v1/accounts", json!({"name": "X", "team_id": team})),
        (
            "/api/v1/accounts",
            json!({"name": "X", "competitor_ids": [r.competitor]}),
        ),
        ("/api/v1/contacts", json!({"account_id": a, "name": "Spy"})),
        (
            "/api/v1/interactions",
            json!({"account_id": mine, "contact_ids": [r.contact], "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"}),
        ),
        (
            "/api/v1/interactions",
            json!({"account_id": a, "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"}),
        ),
        (
            "/api/v1/feedback",
            json!({"account_id": mine, "contact_id": r.contact, "kind": "csat", "score": 5}),
        ),
        (
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "csat", "score": 1}),
        ),
        (
            "/api/v1/requests",
            json!({"account_id": mine, "kind": "inquiry", "summary": "s", "routed_to_team_id": team}),
        ),
        (
            "/api/v1/requests",
            json!({"account_id": mine, "kind": "inquiry", "summary": "s", "contact_id": r.contact}),
        ),
        (
            "/api/v1/tasks",
            json!({"account_id": mine, "title": "t", "assignee_id": acme.user_id}),
        ),
        ("/api/v1/tasks", json!({"account_id": a, "title": "t"})),
        (
            "/api/v1/opportunities",
            json!({"account_id": mine, "kind": "upsell", "name": "o", "amount": "1.00", "owner_id": acme.user_id}),
        ),
        (
            "/api/v1/opportunities",
            json!({"account_id": mine, "kind": "upsell", "name": "o", "amount": "1.00", "stage": "lost", "lost_to_competitor_id": r.competitor}),
        ),
        (
            "/api/v1/opportunities",
            json!({"account_id": a, "kind": "upsell", "name": "o", "amount": "1.00"}),
        ),
        (
            "/api/v1/proposals",
            json!({"opportunity_id": r.opportunity, "summary": "s"}),
        ),
        (
            "/api/v1/proposals",
            json!({"opportunity_id": my_opp, "summary": "s", "source_interaction_ids": [r.interaction]}),
        ),
        (
            "/api/v1/risks",
            json!({"account_id": mine, "kind": "competitor_threat", "severity": "low", "description": "d", "competitor_id": r.competitor}),
        ),
        (
            "/api/v1/risks",
            json!({"account_id": mine, "kind": "churn_risk", "severity": "low", "description": "d", "action_plan": [{"step": "s", "owner_id": acme.user_id}]}),
        ),
        (
            "/api/v1/risks",
            json!({"account_id": a, "kind": "churn_risk", "severity": "low", "description": "d"}),
        ),
        (
            "/api/v1/targets",
            json!({"user_id": acme.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"}),
        ),
        (
            "/api/v1/targets",
            json!({"team_id": team, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"}),
        ),
    ];
    for (path, body) in &creates {
        let x = app.post(path).token(rt).json(body).send().await;
        assert!(
            allowed_refusal(x.status),
            "POST {path} {body}: {} {}",
            x.status,
            x.text
        );
    }
    // Their ids in a PATCH and an action of my own records.
    let x = app
        .call(
            Method::PATCH,
            &format!("/api/v1/accounts/{mine}"),
            rt,
            Some(&json!({"competitor_ids": [r.competitor]})),
        )
        .await;
    assert!(allowed_refusal(x.status), "{}", x.text);
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{mine}/churn"),
            rt,
            Some(&json!({"reason": "r", "lost_to_competitor_id": r.competitor})),
        )
        .await;
    assert!(allowed_refusal(x.status), "{}", x.text);
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{mine}/reassign"),
            rt,
            Some(&json!({"owner_id": acme.user_id, "team_id": team})),
        )
        .await;
    assert!(allowed_refusal(x.status), "{}", x.text);
    // Nothing of theirs moved or changed.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert_eq!(acc["version"], before["version"]);
    assert!(acc["archived_at"].is_null());
    let comps = app.fetch(rt, "/api/v1/competitors").await;
    assert!(comps["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["id"] != json!(r.competitor)));
    let list = app.fetch(rt, "/api/v1/contacts").await;
    assert!(list["data"].as_array().unwrap().is_empty());
    let _ = b;
}
both_backends!(
    another_organizations_ids_are_invisible_works,
    super::another_organizations_ids_are_invisible
);

// ---- bad input ----

async fn fields(app: &TestApp, token: &str, m: Method, path: &str, body: Value) -> Vec<String> {
    let x = app.call(m.clone(), path, token, Some(&body)).await;
    assert_eq!(
        x.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{m} {path} {body}: {}",
        x.text
    );
    assert!(x.is_problem());
    x.error_fields()
}

async fn expect_fields(
    app: &TestApp,
    token: &str,
    m: Method,
    path: &str,
    body: Value,
    want: &[&str],
) {
    let got = fields(app, token, m.clone(), path, body.clone()).await;
    for f in want {
        assert!(
            got.iter().any(|g| g == f),
            "{m} {path} {body}: wanted {f} in {got:?}"
        );
    }
}

async fn bad_input_is_422_naming_every_field(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    let p = Method::POST;
    let pa = Method::PATCH;
    expect_fields(&app, t, p.clone(), "/api/v1/accounts", json!({"name": "", "tier": "gold", "status": "sleeping", "website": "ftp://globex.example", "currency": "DOLLARS"}), &["name", "tier", "status", "website", "currency"]).await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/accounts",
        json!({"name": "X", "website": "not a url"}),
        &["website"],
    )
    .await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/accounts/{a}"),
        json!({"tier": "platinum", "website": "http://", "status": "at_risk"}),
        &["tier", "website", "status"],
    )
    .await;
    expect_fields(&app, t, p.clone(), "/api/v1/contacts", json!({"account_id": a, "name": "H", "email": "hank-at-globex", "seniority": "emperor", "influence": "puppet", "status": "gone"}), &["email", "seniority", "influence", "status"]).await;
    for email in ["a@b", "@globex.example", "a b@globex.example", "a@.example"] {
        expect_fields(
            &app,
            t,
            pa.clone(),
            &format!("/api/v1/contacts/{}", r.contact),
            json!({"email": email}),
            &["email"],
        )
        .await;
    }
    for s in [0, 6, -1] {
        expect_fields(&app, t, p.clone(), "/api/v1/interactions", json!({"account_id": a, "kind": "call", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z", "sentiment": s}), &["sentiment"]).await;
    }
    expect_fields(&app, t, p.clone(), "/api/v1/interactions", json!({"account_id": a, "kind": "gossip", "direction": "up", "occurred_at": "2026-03-01T10:00:00Z", "sentiment": 6, "follow_up_on": "2026-02-01"}), &["kind", "direction", "sentiment", "follow_up_on"]).await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/interactions/{}", r.interaction),
        json!({"sentiment": 0}),
        &["sentiment"],
    )
    .await;
    for score in [0, 6] {
        expect_fields(
            &app,
            t,
            p.clone(),
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "csat", "score": score}),
            &["score"],
        )
        .await;
    }
    for score in [-1, 11] {
        expect_fields(
            &app,
            t,
            p.clone(),
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "nps", "score": score}),
            &["score"],
        )
        .await;
    }
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/feedback",
        json!({"account_id": a, "kind": "ces", "score": 3}),
        &["kind"],
    )
    .await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/requests",
        json!({"account_id": a, "kind": "wish", "summary": "s", "status": "pending"}),
        &["kind", "status"],
    )
    .await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/tasks",
        json!({"account_id": a, "title": "", "priority": "asap", "status": "doing"}),
        &["title", "priority", "status"],
    )
    .await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/tasks/{}", r.task),
        json!({"priority": "meh"}),
        &["priority"],
    )
    .await;
    expect_fields(&app, t, p.clone(), "/api/v1/opportunities", json!({"account_id": a, "kind": "steal", "name": "o", "amount": "1.001", "stage": "dreaming", "probability": 101}), &["kind", "amount", "stage", "probability"]).await;
    expect_fields(&app, t, p.clone(), "/api/v1/opportunities", json!({"account_id": a, "kind": "upsell", "name": "o", "amount": "-5.00", "probability": -1, "currency": "ZZZZ"}), &["probability"]).await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/opportunities",
        json!({"account_id": a, "kind": "upsell", "name": "o", "amount": "lots"}),
        &["amount"],
    )
    .await;
    // Money as a JSON number is refused, naming the field.
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/opportunities",
        json!({"account_id": a, "kind": "upsell", "name": "o", "amount": 12.5}),
        &["amount"],
    )
    .await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/opportunities/{}", r.opportunity),
        json!({"amount": 12}),
        &["amount"],
    )
    .await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/opportunities/{}", r.opportunity),
        json!({"probability": 101, "stage": "closed"}),
        &["probability", "stage"],
    )
    .await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/proposals",
        json!({"opportunity_id": r.opportunity, "status": "maybe"}),
        &["status"],
    )
    .await;
    expect_fields(&app, t, p.clone(), "/api/v1/risks", json!({"account_id": a, "kind": "meteor", "severity": "apocalyptic", "description": "d", "status": "panic", "disputed_amount": "1.234"}), &["kind", "severity", "status", "disputed_amount"]).await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/risks/{}", r.risk),
        json!({"severity": "huge"}),
        &["severity"],
    )
    .await;
    expect_fields(&app, t, p.clone(), "/api/v1/risks", json!({"account_id": a, "kind": "dispute", "severity": "low", "description": "d", "disputed_amount": 10}), &["disputed_amount"]).await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/competitors",
        json!({"name": "Z", "website": "javascript:alert(1)"}),
        &["website"],
    )
    .await;
    expect_fields(
        &app,
        t,
        pa.clone(),
        &format!("/api/v1/competitors/{}", r.competitor),
        json!({"website": "http:// spaced.example"}),
        &["website"],
    )
    .await;
    expect_fields(&app, t, p.clone(), "/api/v1/targets", json!({"user_id": owner.user_id, "period_start": "2026-12-31", "period_end": "2026-01-01", "metric": "happiness", "amount": "abc"}), &["period_end", "metric"]).await;
    expect_fields(&app, t, p.clone(), "/api/v1/targets", json!({"user_id": owner.user_id, "period_start": "2026-01-01", "period_end": "2026-12-31", "metric": "won_amount", "amount": "1.001"}), &["amount"]).await;
    expect_fields(
        &app,
        t,
        p.clone(),
        &format!("/api/v1/accounts/{a}/churn"),
        json!({"reason": "r", "churned_on": "1999-01-01"}),
        &["churned_on"],
    )
    .await;
    expect_fields(&app, t, pa.clone(), "/api/v1/crm/settings", json!({"health_weights": {"vibes": 10, "check_in_recency": 101}, "healthy_from": 30, "watch_from": 50, "check_in_days_by_tier": {"gold": 5, "key": 0}}), &["health_weights.vibes", "health_weights.check_in_recency", "watch_from", "check_in_days_by_tier.gold", "check_in_days_by_tier.key"]).await;
    // Unknown fields and wrong types are 422 too, and malformed JSON is 400, never 500.
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/contacts",
        json!({"account_id": a, "name": "H", "is_admin": true}),
        &["is_admin"],
    )
    .await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/feedback",
        json!({"account_id": a, "kind": "csat", "score": "5"}),
        &["score"],
    )
    .await;
    expect_fields(
        &app,
        t,
        p.clone(),
        "/api/v1/contacts",
        json!({"account_id": "not-a-uuid", "name": "H"}),
        &["account_id"],
    )
    .await;
    let x = app
        .post("/api/v1/risks")
        .token(t)
        .raw("{\"account_id\": ", "application/json")
        .send()
        .await;
    assert_eq!(x.status, StatusCode::BAD_REQUEST, "{}", x.text);
    // Query parameters too.
    for q in [
        "/api/v1/tasks?from=2026-05-01&to=2026-04-01",
        "/api/v1/accounts?limit=0",
        "/api/v1/accounts?cursor=garbage",
        "/api/v1/accounts?sort=password",
        "/api/v1/tasks?due=yesterday&from=notadate",
        "/api/v1/accounts?check_in_overdue=maybe",
    ] {
        let x = app.get(q).token(t).send().await;
        assert!(x.status.is_client_error(), "{q}: {} {}", x.status, x.text);
    }
    // A stored record is untouched by all of this.
    let o = app
        .fetch(t, &format!("/api/v1/opportunities/{}", r.opportunity))
        .await;
    assert_eq!(o["amount"], "100.00");
    assert_eq!(o["probability"], 40);
}
both_backends!(
    bad_input_is_422_naming_every_field_works,
    super::bad_input_is_422_naming_every_field
);

// ---- idempotency and concurrency ----

async fn idempotent_crm_posts_replay(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let body = json!({"account_id": a, "name": "Hank"});
    let first = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&body)
        .send()
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&body)
        .send()
        .await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body["id"], first.body["id"]);
    let other = app
        .post("/api/v1/contacts")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": a, "name": "Someone else"}))
        .send()
        .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    assert_eq!(other.code(), "idempotency_key_reused");
    let list = app
        .fetch(t, &format!("/api/v1/contacts?account_id={a}"))
        .await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    // The same key on another path is a different request.
    let x = app
        .post("/api/v1/tasks")
        .token(t)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": a, "title": "t"}))
        .send()
        .await;
    assert!(
        x.status == StatusCode::CREATED || x.code() == "idempotency_key_reused",
        "{}",
        x.text
    );
    // An action replays too: churning twice with the same key answers the same.
    let c1 = app
        .post(&format!("/api/v1/accounts/{a}/churn"))
        .token(t)
        .header("Idempotency-Key", "churn-1")
        .json(&json!({"reason": "price"}))
        .send()
        .await;
    assert_eq!(c1.status, StatusCode::OK, "{}", c1.text);
    let c2 = app
        .post(&format!("/api/v1/accounts/{a}/churn"))
        .token(t)
        .header("Idempotency-Key", "churn-1")
        .json(&json!({"reason": "price"}))
        .send()
        .await;
    assert_eq!(c2.status, StatusCode::OK, "{}", c2.text);
    assert_eq!(c2.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(c2.body["version"], c1.body["version"]);
    // Another user of the same organization with the same key is not replayed someone else's answer.
    let m = app.account_manager(t, "m").await.token;
    let own = id_of(
        &app.create(&m, "/api/v1/accounts", json!({"name": "Mine"}))
            .await,
    );
    let x = app
        .post("/api/v1/contacts")
        .token(&m)
        .header("Idempotency-Key", "k-1")
        .json(&json!({"account_id": own, "name": "Hank"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::CREATED, "{}", x.text);
    assert_ne!(x.body["id"], first.body["id"]);
    assert!(x.header("idempotent-replayed").is_none());
}
both_backends!(
    idempotent_crm_posts_replay_works,
    super::idempotent_crm_posts_replay
);

async fn stale_if_match_and_expect(app: &TestApp, t: &str, path: &str, body: Value) {
    let g = app.get(path).token(t).send().await;
    assert_eq!(g.status, StatusCode::OK, "{path}: {}", g.text);
    let etag = g
        .header("etag")
        .unwrap_or_else(|| panic!("{path} has no ETag"));
    let ok = app
        .patch(path)
        .token(t)
        .header("If-Match", &etag)
        .json(&body)
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{path}: {}", ok.text);
    let stale = app
        .patch(path)
        .token(t)
        .header("If-Match", &etag)
        .json(&body)
        .send()
        .await;
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{path}: {}",
        stale.text
    );
    assert_eq!(stale.code(), "version_mismatch", "{path}");
    let junk = app
        .patch(path)
        .token(t)
        .header("If-Match", "\"nonsense\"")
        .json(&body)
        .send()
        .await;
    assert_eq!(
        junk.status,
        StatusCode::PRECONDITION_FAILED,
        "{path}: {}",
        junk.text
    );
    let after = app.fetch(t, path).await;
    assert_eq!(
        after["version"], ok.body["version"],
        "{path}: a stale write changed nothing"
    );
}

async fn stale_if_match_is_412_on_crm_patches(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    for (path, body) in [
        (format!("/api/v1/accounts/{a}"), json!({"goals": "grow"})),
        (
            format!("/api/v1/contacts/{}", r.contact),
            json!({"title": "CFO"}),
        ),
        (
            format!("/api/v1/interactions/{}", r.interaction),
            json!({"summary": "went well"}),
        ),
        (
            format!("/api/v1/requests/{}", r.request),
            json!({"status": "answered"}),
        ),
        (
            format!("/api/v1/tasks/{}", r.task),
            json!({"priority": "high"}),
        ),
        (
            format!("/api/v1/opportunities/{}", r.opportunity),
            json!({"probability": 60}),
        ),
        (
            format!("/api/v1/risks/{}", r.risk),
            json!({"description": "slower"}),
        ),
        (
            format!("/api/v1/competitors/{}", r.competitor),
            json!({"notes": "cheap"}),
        ),
    ] {
        stale_if_match_and_expect(&app, t, &path, body).await;
    }
}
both_backends!(
    stale_if_match_is_412_on_crm_patches_works,
    super::stale_if_match_is_412_on_crm_patches
);

async fn stale_if_match_is_412_on_proposals(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    stale_if_match_and_expect(
        &app,
        t,
        &format!("/api/v1/proposals/{}", r.proposal),
        json!({"summary": "v1, revised"}),
    )
    .await;
}
both_backends!(
    stale_if_match_is_412_on_proposals_works,
    super::stale_if_match_is_412_on_proposals
);

// ---- pagination and search ----

async fn pagination_is_stable_while_inserting(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let mut made = Vec::new();
    for i in 0..5 {
        made.push(id_of(
            &app.create(
                t,
                "/api/v1/accounts",
                json!({"name": format!("Account {i}")}),
            )
            .await,
        ));
    }
    for sort in ["created_at", "-created_at", "name", "-name"] {
        let mut seen: Vec<String> = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let path = match &cursor {
                Some(c) => format!("/api/v1/accounts?limit=2&sort={sort}&cursor={c}"),
                None => format!("/api/v1/accounts?limit=2&sort={sort}"),
            };
            let page = app.fetch(t, &path).await;
            let data = page["data"].as_array().unwrap();
            assert!(data.len() <= 2, "{path}");
            seen.extend(data.iter().map(id_of));
            pages += 1;
            // Insert between pages.
            app.create(
                t,
                "/api/v1/accounts",
                json!({"name": format!("Late {sort} {pages}")}),
            )
            .await;
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
            assert!(pages < 50, "pagination does not end");
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            seen.len(),
            "{sort}: a row came twice: {seen:?}"
        );
        for m in &made {
            assert!(seen.contains(m), "{sort}: {m} was skipped");
        }
        // A cursor does not carry over to a different sort or filter.
        let first = app
            .fetch(t, &format!("/api/v1/accounts?limit=2&sort={sort}"))
            .await;
        let c = first["next_cursor"].as_str().unwrap();
        let other = if sort == "name" { "created_at" } else { "name" };
        let x = app
            .get(&format!("/api/v1/accounts?limit=2&sort={other}&cursor={c}"))
            .token(t)
            .send()
            .await;
        assert!(x.status.is_client_error(), "{}", x.text);
    }
}
both_backends!(
    pagination_is_stable_while_inserting_works,
    super::pagination_is_stable_while_inserting
);

async fn search_is_case_insensitive(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let g = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "GlobEx Corporation", "website": "https://globex.example"}),
        )
        .await,
    );
    let i = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Initech"}))
            .await,
    );
    app.create(t, "/api/v1/accounts", json!({"name": "100% Pure_Juice"}))
        .await;
    app.create(
        t,
        "/api/v1/contacts",
        json!({"account_id": i, "name": "Peter Gibbons", "email": "Peter@Initech.example"}),
    )
    .await;
    for (q, want) in [
        ("globex", &g),
        ("GLOBEX", &g),
        ("gLoBeX%20cOrP", &g),
        ("peter", &i),
        ("PETER%40INITECH", &i),
        ("gibbons", &i),
    ] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        let ids: Vec<String> = list["data"].as_array().unwrap().iter().map(id_of).collect();
        assert_eq!(ids, vec![want.clone()], "q={q}");
    }
    let contacts = app.fetch(t, "/api/v1/contacts?q=GIBBONS").await;
    assert_eq!(contacts["data"].as_array().unwrap().len(), 1);
    // LIKE wildcards are matched literally.
    for (q, n) in [
        ("%25", 1),
        ("_", 1),
        ("pure_", 1),
        ("%25%25", 0),
        ("nobody", 0),
    ] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        assert_eq!(list["data"].as_array().unwrap().len(), n, "q={q}: {list}");
    }
}
both_backends!(
    search_is_case_insensitive_works,
    super::search_is_case_insensitive
);

async fn search_folds_non_ascii_case(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Ärztekammer Zürich"}))
            .await,
    );
    for q in ["%C3%A4rztekammer", "Z%C3%9CRICH", "%C3%84RZTE"] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        let ids: Vec<String> = list["data"].as_array().unwrap().iter().map(id_of).collect();
        assert_eq!(ids, vec![a.clone()], "q={q}");
    }
}
both_backends!(
    search_folds_non_ascii_case_works,
    super::search_folds_non_ascii_case
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

async fn import_and_record_rules_hold_for_a_manager(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: member,
        ..
    } = app.account_manager(t, "member").await;
    let Colleague {
        id: mate_id,
        token: mate,
        ..
    } = app.account_manager(t, "mate").await;
    let Colleague {
        id: outsider_id,
        token: outsider,
        ..
    } = app.account_manager(t, "outsider").await;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [member_id, mate_id]}),
        )
        .await,
    );
    let a = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "tier": "standard", "team_id": team}),
        )
        .await,
    );
    // An import cannot update (upsert by name) an account the manager cannot write; the row is
    // reported by its line, the good row is still committed, and it belongs to the importer.
    let csv = "name,tier\nglobex,key\nUmbrella,strategic\n";
    let x = app
        .post("/api/v1/accounts/import")
        .token(&outsider)
        .raw(csv, "text/csv")
        .send()
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    assert_eq!(x.body["created"], 1, "{}", x.text);
    assert_eq!(x.body["updated"], 0, "{}", x.text);
    assert_eq!(x.body["errors"][0]["row"], 2, "{}", x.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["tier"],
        "standard"
    );
    let umbrella = app.fetch(t, "/api/v1/accounts?q=umbrella").await;
    assert_eq!(umbrella["data"][0]["owner_id"], json!(outsider_id));
    // Only the author edits an interaction, even within the team.
    let i = id_of(&app.create(&member, "/api/v1/interactions", json!({"account_id": a, "kind": "meeting", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"})).await);
    let x = app
        .patch(&format!("/api/v1/interactions/{i}"))
        .token(&mate)
        .json(&json!({"summary": "rewritten"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    let x = app
        .patch(&format!("/api/v1/interactions/{i}"))
        .token(&member)
        .json(&json!({"summary": "mine"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    // Feedback is append-only: no PATCH or DELETE route, and never a 500.
    let f = id_of(
        &app.create(
            &member,
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "nps", "score": 9}),
        )
        .await,
    );
    for m in [Method::PATCH, Method::DELETE] {
        let x = app
            .call(
                m.clone(),
                &format!("/api/v1/feedback/{f}"),
                &member,
                Some(&json!({"score": 0})),
            )
            .await;
        assert!(
            x.status == StatusCode::METHOD_NOT_ALLOWED || x.status == StatusCode::NOT_FOUND,
            "{m}: {}",
            x.text
        );
    }
    assert_eq!(
        app.fetch(t, &format!("/api/v1/feedback/{f}")).await["score"],
        9
    );
    // Merging an account into itself, or an unknown one, is refused without harm.
    let x = app
        .post(&format!("/api/v1/accounts/{a}/merge"))
        .token(t)
        .json(&json!({"duplicate_id": a}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", x.text);
    let x = app
        .post(&format!("/api/v1/accounts/{a}/merge"))
        .token(t)
        .json(&json!({"duplicate_id": uuid::Uuid::now_v7()}))
        .send()
        .await;
    assert!(allowed_refusal(x.status), "{}", x.text);
    assert!(app.fetch(t, &format!("/api/v1/accounts/{a}")).await["archived_at"].is_null());
}
both_backends!(
    import_and_record_rules_hold_for_a_manager_works,
    super::import_and_record_rules_hold_for_a_manager
);
