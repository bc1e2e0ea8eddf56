//! Another organization's ids are invisible: 404 on every read and write, refused in bodies.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{allowed_refusal, writes_on};
use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::TestApp;

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
