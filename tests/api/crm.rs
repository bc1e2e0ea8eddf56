//! Client relationships: record-level permissions (team reach, both ends of a relationship),
//! cross-organization isolation, the derived at-risk status, check-in cadence, health,
//! targets and attainment, import, merge and reassignment history.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
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

async fn at_risk_is_derived_both_ways(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = app
        .client_account(t, json!({"name": "Globex", "status": "active"}))
        .await;
    let r = app
        .post("/api/v1/accounts")
        .token(t)
        .json(&json!({"name": "X", "status": "at_risk"}))
        .send()
        .await;
    assert_eq!(r.code(), "validation_failed");
    assert_eq!(r.body["errors"][0]["code"], "status_derived");
    let low = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": a, "kind": "complaint", "severity": "low", "description": "slow"}),
        )
        .await;
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["status"],
        "active"
    );
    let high = app.create(t, "/api/v1/risks", json!({"account_id": a, "kind": "competitor_threat", "severity": "high", "description": "rival", "competitor_id": "Initech",
        "action_plan": [{"step": "exec call", "due_on": day(7)}]})).await;
    assert_eq!(high["action_plan"][0]["step"], "exec call");
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["status"],
        "at_risk"
    );
    let r = app
        .patch(&format!("/api/v1/accounts/{a}"))
        .token(t)
        .json(&json!({"status": "active"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["errors"][0]["code"], "status_derived");
    let list = app.fetch(t, "/api/v1/accounts?status=at_risk").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    let hid = high["id"].as_str().unwrap();
    app.patch(&format!("/api/v1/risks/{hid}"))
        .token(t)
        .json(&json!({"status": "mitigating"}))
        .send()
        .await;
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["status"],
        "at_risk"
    );
    let r = app
        .patch(&format!("/api/v1/risks/{hid}"))
        .token(t)
        .json(&json!({"status": "resolved", "resolution": "won back"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["status"],
        "active"
    );
    // A low risk never did it; the account can now be set by hand again.
    assert_eq!(low["status"], "open");
    let r = app
        .patch(&format!("/api/v1/accounts/{a}"))
        .token(t)
        .json(&json!({"status": "prospect"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // A dispute carries an amount (the invoices it names are checked in crm_revenue); an
    // outcome on a non-dispute is refused.
    let d = app.create(t, "/api/v1/risks", json!({"account_id": a, "kind": "dispute", "severity": "medium", "description": "invoice 12", "disputed_amount": "150.50", "invoice_ids": []})).await;
    assert_eq!(d["disputed_amount"], "150.50");
    let r = app.post("/api/v1/risks").token(t).json(&json!({"account_id": a, "kind": "complaint", "severity": "wild", "description": "x", "outcome": "upheld"})).send().await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.error_fields().contains(&"severity".to_owned()),
        "{}",
        r.text
    );
    // Churn is explicit, with the competitor it was lost to (by name, matched case-insensitively).
    let r = app
        .post(&format!("/api/v1/accounts/{a}/churn"))
        .token(t)
        .json(&json!({"reason": "price", "lost_to_competitor_id": "initech"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["status"], "churned");
    assert_eq!(r.body["lost_to_competitor_id"], high["competitor_id"]);
}
both_backends!(
    at_risk_is_derived_both_ways_works,
    super::at_risk_is_derived_both_ways
);

async fn cadence_counts_conversations_not_notes(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = app
        .client_account(t, json!({"name": "Globex", "tier": "key"}))
        .await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert_eq!(acc["check_in_every_days"], 14);
    assert_eq!(acc["days_since_last_interaction"], Value::Null);
    assert_eq!(acc["check_in_overdue"], false);
    let c = app
        .create(
            t,
            "/api/v1/contacts",
            json!({"account_id": a, "name": "Hank", "email": "hank@globex.example"}),
        )
        .await;
    let cid = c["id"].as_str().unwrap();
    app.create(t, "/api/v1/interactions", json!({"account_id": a, "contact_ids": [cid], "kind": "note", "direction": "internal", "occurred_at": format!("{}T10:00:00Z", day(-1))})).await;
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["days_since_last_interaction"],
        Value::Null
    );
    app.create(t, "/api/v1/interactions", json!({"account_id": a, "contact_ids": [cid], "kind": "call", "direction": "outbound", "occurred_at": format!("{}T10:00:00Z", day(-20))})).await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert_eq!(acc["days_since_last_interaction"], 20);
    assert_eq!(acc["check_in_overdue"], true);
    let overdue = app.fetch(t, "/api/v1/accounts?check_in_overdue=true").await;
    assert_eq!(overdue["data"][0]["id"], json!(a));
    app.create(t, "/api/v1/interactions", json!({"account_id": a, "contact_ids": [cid], "kind": "check_in", "direction": "outbound", "occurred_at": format!("{}T09:00:00Z", day(0))})).await;
    let overdue = app.fetch(t, "/api/v1/accounts?check_in_overdue=true").await;
    assert_eq!(overdue["data"].as_array().unwrap().len(), 0);
    // Search by a contact's email, case-insensitively.
    let found = app.fetch(t, "/api/v1/accounts?q=HANK%40GLOBEX").await;
    assert_eq!(found["data"][0]["id"], json!(a));
    // Validation lists every bad field.
    let r = app
        .post("/api/v1/interactions")
        .token(t)
        .json(&json!({"account_id": a, "kind": "gossip", "direction": "sideways", "occurred_at": "2026-01-01T00:00:00Z", "sentiment": 9}))
        .send()
        .await;
    let fields = r.error_fields();
    for f in ["kind", "direction", "sentiment"] {
        assert!(fields.contains(&f.to_owned()), "{f}: {}", r.text);
    }
    let r = app
        .post("/api/v1/feedback")
        .token(t)
        .json(&json!({"account_id": a, "kind": "nps", "score": 11}))
        .send()
        .await;
    assert_eq!(r.error_fields(), vec!["score".to_owned()]);
}
both_backends!(
    cadence_counts_conversations_not_notes_works,
    super::cadence_counts_conversations_not_notes
);

async fn health_explains_itself_with_and_without_data(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = app
        .client_account(t, json!({"name": "Globex", "tier": "strategic"}))
        .await;
    let h = app.fetch(t, &format!("/api/v1/accounts/{a}")).await["health"].clone();
    let factor = |h: &Value, k: &str| {
        h["factors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == k)
            .cloned()
            .unwrap()
    };
    assert_eq!(factor(&h, "check_in_recency")["status"], "no_data");
    assert_eq!(factor(&h, "client_feedback")["status"], "no_data");
    assert_eq!(factor(&h, "overdue_receivables")["status"], "no_data");
    assert_eq!(factor(&h, "client_feedback")["contribution"], 0.0);
    assert_eq!(factor(&h, "open_risks")["status"], "ok");
    assert_eq!(h["score"], 100);
    let c = app
        .create(
            t,
            "/api/v1/contacts",
            json!({"account_id": a, "name": "Hank", "influence": "champion"}),
        )
        .await;
    let cid = c["id"].as_str().unwrap();
    app.create(t, "/api/v1/interactions", json!({"account_id": a, "contact_ids": [cid], "kind": "meeting", "direction": "outbound", "occurred_at": format!("{}T10:00:00Z", day(-3)), "sentiment": 2})).await;
    app.create(t, "/api/v1/feedback", json!({"account_id": a, "contact_id": cid, "kind": "csat", "score": 2, "received_on": day(-2)})).await;
    let h = app.fetch(t, &format!("/api/v1/accounts/{a}")).await["health"].clone();
    for k in [
        "check_in_recency",
        "client_feedback",
        "manager_sentiment",
        "champion_presence",
    ] {
        assert_eq!(factor(&h, k)["status"], "ok", "{k}");
    }
    assert_eq!(factor(&h, "client_feedback")["score"], 25);
    let score = h["score"].as_u64().unwrap();
    assert!(score < 100, "{h}");
    let total: f64 = h["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["contribution"].as_f64().unwrap())
        .sum();
    assert!((total - score as f64).abs() <= 1.0, "{total} vs {score}");
    // As of a day before the feedback and the meeting, they do not count.
    let past = app
        .fetch(t, &format!("/api/v1/accounts/{a}?as_of={}", day(-5)))
        .await["health"]
        .clone();
    assert_eq!(factor(&past, "client_feedback")["status"], "no_data");
    assert_eq!(factor(&past, "check_in_recency")["status"], "no_data");
    // Weights are organization settings.
    let mut s = app.fetch(t, "/api/v1/crm/settings").await;
    s["health_weights"]["client_feedback"] = json!(0);
    let r = app
        .patch("/api/v1/crm/settings")
        .token(t)
        .json(&s)
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let h2 = app.fetch(t, &format!("/api/v1/accounts/{a}")).await["health"].clone();
    assert_eq!(factor(&h2, "client_feedback")["contribution"], 0.0);
    assert!(h2["score"].as_u64().unwrap() > score);
}
both_backends!(
    health_explains_itself_with_and_without_data_works,
    super::health_explains_itself_with_and_without_data
);

async fn targets_and_attainment(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: kam_id,
        token: kam,
        ..
    } = app.account_manager(t, "kam").await;
    let other = app.account_manager(t, "other").await.token;
    let team = app
        .create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "lead_id": kam_id, "member_ids": [kam_id]}),
        )
        .await;
    let team_id = team["id"].as_str().unwrap();
    let a = app
        .client_account(
            t,
            json!({"name": "Globex", "owner_id": kam_id, "team_id": team_id}),
        )
        .await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    app.create(t, "/api/v1/targets", json!({"user_id": kam_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "won_amount", "amount": "1000.00"})).await;
    let r = app.post("/api/v1/targets").token(t).json(&json!({"user_id": kam_id, "period_start": format!("{year}-03-01"), "period_end": format!("{year}-03-31"), "metric": "won_amount", "amount": "5.00"})).send().await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "target_overlaps");
    let r = app.post("/api/v1/targets").token(t).json(&json!({"user_id": kam_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "2.5"})).send().await;
    assert_eq!(r.error_fields(), vec!["amount".to_owned()]);
    // The lead sets the team's target; another manager may not.
    let body = json!({"team_id": team_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "4"});
    assert_eq!(
        app.post("/api/v1/targets")
            .token(&other)
            .json(&body)
            .send()
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.create(&kam, "/api/v1/targets", body).await;
    app.create(&kam, "/api/v1/opportunities", json!({"account_id": a, "kind": "upsell", "name": "EU", "amount": "250.00", "currency": "USD", "stage": "won"})).await;
    app.create(&kam, "/api/v1/opportunities", json!({"account_id": a, "kind": "renewal", "name": "Renewal", "amount": "1000.00", "currency": "USD", "stage": "negotiation", "probability": 50})).await;
    let r = app.post("/api/v1/opportunities").token(&kam).json(&json!({"account_id": a, "kind": "upsell", "name": "Bad", "amount": 12.5, "probability": 101})).send().await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let perf = app
        .fetch(
            &kam,
            &format!("/api/v1/reports/performance?from={year}-01-01&to={year}-12-31"),
        )
        .await;
    let rows = perf["managers"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "an account manager sees only their own row");
    let me = &rows[0];
    assert_eq!(me["accounts_managed"], 1);
    assert_eq!(me["won_amount"], "250.00");
    assert_eq!(me["pipeline_weighted"], "500.00");
    assert_eq!(me["revenue_invoiced"], "0.00");
    assert_eq!(me["targets"][0]["attainment"], "0.25");
    let team_row = &perf["teams"][0];
    assert_eq!(team_row["team_id"], json!(team_id));
    assert_eq!(team_row["targets"][0]["actual"], "1");
    let sales = app
        .fetch(
            t,
            &format!("/api/v1/reports/sales?from={year}-01-01&to={year}-12-31&group_by=account"),
        )
        .await;
    assert_eq!(sales["rows"][0]["won_amount"], "250.00");
    let all = app
        .fetch(
            t,
            &format!("/api/v1/reports/performance?from={year}-01-01&to={year}-12-31"),
        )
        .await;
    assert_eq!(all["managers"].as_array().unwrap().len(), 2);
}
both_backends!(targets_and_attainment_works, super::targets_and_attainment);

async fn import_merge_and_timeline(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let csv = "name,website,tier,status\nInitrode,https://www.initrode.example,standard,prospect\nBroken,,platinum,active\nUmbrella,,strategic,active\n";
    let r = app
        .post("/api/v1/accounts/import")
        .token(t)
        .raw(csv, "text/csv")
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["created"], 2);
    assert_eq!(r.body["errors"][0]["row"], 3);
    assert_eq!(r.body["errors"][0]["field"], "tier");
    let csv2 = "name,website,tier\nInitrode Inc,initrode.example,key\numbrella,,key\n";
    let r = app
        .post("/api/v1/accounts/import")
        .token(t)
        .raw(csv2, "text/csv")
        .send()
        .await;
    assert_eq!(
        (r.body["created"].clone(), r.body["updated"].clone()),
        (json!(0), json!(2)),
        "{}",
        r.text
    );
    let list = app.fetch(t, "/api/v1/accounts?tier=key").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    let export = app.get("/api/v1/accounts/export").token(t).send().await;
    assert!(export
        .header("content-type")
        .unwrap()
        .starts_with("text/csv"));
    assert!(export.text.contains("Initrode Inc"));

    let keep = app.client_account(t, json!({"name": "Globex"})).await;
    let dup = app
        .client_account(t, json!({"name": "Globex Corp (dup)"}))
        .await;
    app.create(
        t,
        "/api/v1/contacts",
        json!({"account_id": dup, "name": "Hank"}),
    )
    .await;
    app.create(t, "/api/v1/risks", json!({"account_id": dup, "kind": "churn_risk", "severity": "critical", "description": "Considering leaving"})).await;
    app.create(
        t,
        "/api/v1/tasks",
        json!({"account_id": dup, "title": "Call back", "due_on": day(2)}),
    )
    .await;
    let r = app
        .post(&format!("/api/v1/accounts/{keep}/merge"))
        .token(t)
        .json(&json!({"duplicate_id": dup}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.body["status"], "at_risk",
        "the moved critical risk counts on the survivor"
    );
    let contacts = app
        .fetch(t, &format!("/api/v1/contacts?account_id={keep}"))
        .await;
    assert_eq!(contacts["data"].as_array().unwrap().len(), 1);
    let gone = app.fetch(t, &format!("/api/v1/accounts/{dup}")).await;
    assert!(gone["archived_at"].is_string());
    assert_eq!(gone["merged_into_id"], json!(keep));
    let tl = app
        .fetch(t, &format!("/api/v1/accounts/{keep}/timeline?limit=1"))
        .await;
    assert_eq!(tl["data"].as_array().unwrap().len(), 1);
    let next = tl["next_cursor"].as_str().unwrap();
    let tl2 = app
        .fetch(
            t,
            &format!("/api/v1/accounts/{keep}/timeline?limit=1&cursor={next}"),
        )
        .await;
    assert_eq!(tl2["data"].as_array().unwrap().len(), 1);
    assert_ne!(tl2["data"][0]["id"], tl["data"][0]["id"]);
    assert!(tl2["next_cursor"].is_null());
    let r = app
        .delete(&format!("/api/v1/accounts/{keep}"))
        .token(t)
        .send()
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let list = app.fetch(t, "/api/v1/accounts?q=globex").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 0);
}
both_backends!(
    import_merge_and_timeline_works,
    super::import_merge_and_timeline
);
