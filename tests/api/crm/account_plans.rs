//! Account plans: a plan with objectives co-created with the client's contacts, a stakeholder
//! map with its gaps, reviews that apply their objective updates all or nothing and move the
//! next review, the plan as an account-health factor, who may write a plan, and the
//! account-planning report.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

fn plan_factor(account: &Value) -> Value {
    account["health"]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "account_plan")
        .cloned()
        .unwrap_or_else(|| panic!("no account_plan factor: {account}"))
}

/// The events of one resource, oldest first, once there are at least `n`.
async fn events_of(app: &TestApp, t: &str, kind: &str, id: &str, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let path = format!("/api/v1/events?resource_type={kind}&resource_id={id}&order=asc");
    loop {
        let a = app.get(&path).token(t).send().await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        let data = a.body["data"].as_array().cloned().unwrap_or_default();
        if data.len() >= n || Instant::now() > deadline {
            return data;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn a_plan_is_built_with_the_client_reviewed_and_moves_health(app: TestApp) {
    // Arrange: a key account owned by an account manager, with three contacts.
    let owner = app.signup("Acme").await;
    let t = owner.token.as_str();
    let kam = app.account_manager(t, "Kim").await;
    let outsider = app.account_manager(t, "Otto").await;
    let k = kam.token.as_str();
    let account = app
        .client_account(
            t,
            json!({"name": "Globex", "tier": "key", "is_customer": true, "owner_id": kam.id}),
        )
        .await;
    let unplanned = app
        .client_account(
            t,
            json!({"name": "Initrode", "tier": "strategic", "owner_id": kam.id}),
        )
        .await;
    let elsewhere = app.client_account(t, json!({"name": "Umbrella"})).await;
    let contact = |name: &str, acc: &str| json!({"account_id": acc, "name": name, "email": format!("{}@client.example", name.to_lowercase())});
    let c1 = id_of(
        &app.create(k, "/api/v1/contacts", contact("Hank", &account))
            .await,
    );
    let c2 = id_of(
        &app.create(k, "/api/v1/contacts", contact("Lisa", &account))
            .await,
    );
    let c3 = id_of(
        &app.create(k, "/api/v1/contacts", contact("Bob", &account))
            .await,
    );
    let stranger = id_of(
        &app.create(t, "/api/v1/contacts", contact("Zed", &elsewhere))
            .await,
    );

    // A plan: defaults from the account and the settings (key: reviewed every 30 days).
    let plan = app
        .create(
            k,
            "/api/v1/account-plans",
            json!({"account_id": account, "title": "Globex FY plan", "period_start": day(0),
                   "period_end": day(364), "status": "active", "summary": "Grow EU",
                   "value_for_client": "fewer stoppages", "value_for_us": "EU revenue"}),
        )
        .await;
    let pid = id_of(&plan);
    assert_eq!(plan["owner_id"], json!(kam.id));
    assert_eq!(plan["review_every_days"], 30);
    assert_eq!(plan["next_review_on"], json!(day(30)));
    assert_eq!(plan["health"]["review_overdue"], false);
    let base = format!("/api/v1/account-plans/{pid}");

    // Bad plans are refused naming each field.
    let a = app
        .post("/api/v1/account-plans")
        .token(k)
        .json(
            &json!({"account_id": account, "title": " ", "period_start": day(10),
                      "period_end": day(0), "status": "open", "review_every_days": 0}),
        )
        .send()
        .await;
    for (code, field) in [
        ("invalid_enum", "status"),
        ("date_order", "period_end"),
        ("required", "title"),
        ("range", "review_every_days"),
    ] {
        assert_field_refused(&a, code, field);
    }

    // Two objectives co-created with two contacts.
    let objective = |title: &str, kind: &str, base: &str, target: &str| {
        json!({"title": title, "kind": kind, "measure": title, "baseline": base, "target": target,
               "current": base, "unit": "USD", "due_on": day(180), "status": "on_track",
               "co_created_with_contact_ids": [c1, c2]})
    };
    let o1 = app
        .create(
            k,
            &format!("{base}/objectives"),
            objective("Grow EU revenue", "revenue", "100000.00", "250000"),
        )
        .await;
    assert_eq!(o1["co_created_with_contact_ids"], json!([c1, c2]));
    assert_eq!(o1["baseline"], "100000.00", "kept as typed");
    assert_eq!(o1["plan_id"], json!(pid));
    let o2 = app
        .create(
            k,
            &format!("{base}/objectives"),
            objective("Raise CSAT", "satisfaction", "3.5", "4.5"),
        )
        .await;
    let (o1, o2) = (id_of(&o1), id_of(&o2));
    let a = app
        .post(&format!("{base}/objectives"))
        .token(k)
        .json(
            &json!({"title": "Bad", "kind": "wizard", "status": "great", "target": "lots",
                      "co_created_with_contact_ids": [stranger]}),
        )
        .send()
        .await;
    assert_field_refused(&a, "invalid_enum", "kind");
    assert_field_refused(&a, "invalid_enum", "status");
    assert_field_refused(&a, "invalid_decimal", "target");
    assert_field_refused(&a, "account_mismatch", "co_created_with_contact_ids[0]");

    // A stakeholder map of three contacts; one contact once.
    let a = app
        .post(&format!("{base}/stakeholders"))
        .token(k)
        .json(&json!({"contact_id": c3, "decision_role": "blocker", "stance": "hostile", "relationship_strength": 7}))
        .send()
        .await;
    assert_field_refused(&a, "invalid_enum", "stance");
    assert_field_refused(&a, "range", "relationship_strength");
    for (c, role, stance, n) in [
        (&c1, "decision_maker", "supporter", 4),
        (&c2, "champion", "supporter", 5),
        (&c3, "blocker", "detractor", 2),
    ] {
        let s = app
            .create(
                k,
                &format!("{base}/stakeholders"),
                json!({"contact_id": c, "decision_role": role, "stance": stance,
                       "relationship_strength": n, "relationship_owner_id": kam.id}),
            )
            .await;
        assert_eq!(s["gap"], false);
    }
    let a = app
        .post(&format!("{base}/stakeholders"))
        .token(k)
        .json(&json!({"contact_id": c1, "decision_role": "user"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::CONFLICT, "duplicate_stakeholder");
    // The champion leaves: a gap in the map.
    app.call(
        reqwest::Method::PATCH,
        &format!("/api/v1/contacts/{c2}"),
        k,
        Some(&json!({"status": "left"})),
    )
    .await;
    let map = app.walk(k, &format!("{base}/stakeholders")).await;
    assert_eq!(map.len(), 3);
    let champion = map.iter().find(|s| s["contact_id"] == json!(c2)).unwrap();
    assert_eq!(champion["gap"], true, "{champion}");
    assert_eq!(champion["contact_status"], "left");
    assert_eq!(app.fetch(k, &base).await["health"]["stakeholder_gaps"], 1);

    // Health before the review: the plan scores its objectives, all on track.
    let before = plan_factor(&app.fetch(k, &format!("/api/v1/accounts/{account}")).await);
    assert_eq!(before["status"], "ok");
    assert_eq!(before["score"], 100);

    // A review with one bad update is refused whole.
    let mut review = json!({"held_on": day(0), "attendee_user_ids": [kam.id],
        "attendee_contact_ids": [c1, c2], "summary": "First review", "decisions": "Adoption first",
        "objective_updates": [{"objective_id": o1, "current": "140000", "status": "at_risk"},
                              {"objective_id": o2, "current": "3.2", "status": "sideways"}],
        "next_review_on": day(7)});
    let a = app
        .post(&format!("{base}/reviews"))
        .token(k)
        .json(&review)
        .send()
        .await;
    assert_field_refused(&a, "invalid_enum", "objective_updates[1].status");
    let bad = json!({"held_on": day(0), "objective_updates": [
        {"objective_id": uuid::Uuid::now_v7(), "status": "at_risk"},
        {"objective_id": o1, "current": "a lot"}]});
    let a = app
        .post(&format!("{base}/reviews"))
        .token(k)
        .json(&bad)
        .send()
        .await;
    assert_field_refused(&a, "not_found", "objective_updates[0].objective_id");
    assert_field_refused(&a, "invalid_decimal", "objective_updates[1].current");
    let untouched = app.fetch(k, &format!("{base}/objectives/{o1}")).await;
    assert_eq!(untouched["status"], "on_track");
    assert_eq!(untouched["version"], 1);
    assert!(app.walk(k, &format!("{base}/reviews")).await.is_empty());

    // A good review applies both updates and moves the next review.
    review["objective_updates"][1]["status"] = json!("off_track");
    let r = app
        .create(k, &format!("{base}/reviews"), review.clone())
        .await;
    assert_eq!(r["objective_updates"][1]["status"], "off_track");
    let objectives = app.walk(k, &format!("{base}/objectives")).await;
    let by_id = |id: &str| objectives.iter().find(|o| o["id"] == json!(id)).unwrap();
    assert_eq!(by_id(&o1)["current"], "140000");
    assert_eq!(by_id(&o1)["status"], "at_risk");
    assert_eq!(by_id(&o2)["current"], "3.2");
    assert_eq!(by_id(&o2)["status"], "off_track");
    let p = app.fetch(k, &base).await;
    assert_eq!(p["next_review_on"], json!(day(7)));
    assert_eq!(p["health"]["objectives_by_status"]["off_track"], 1);
    assert_eq!(p["health"]["objectives_by_status"]["at_risk"], 1);
    // Each objective's change and the plan's are their own events.
    let events = events_of(&app, t, "account_plan_objective", &o2, 2).await;
    let types: Vec<&str> = events.iter().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(
        types,
        [
            "account_plan_objective.created",
            "account_plan_objective.updated"
        ]
    );
    let events = events_of(&app, t, "account_plan", &pid, 2).await;
    assert_eq!(events.len(), 2, "{events:?}");
    // A review without a next date: held_on plus the plan's cadence.
    let r = app
        .create(k, &format!("{base}/reviews"), json!({"held_on": day(1)}))
        .await;
    assert_eq!(r["next_review_on"], json!(day(31)));
    assert_eq!(app.fetch(k, &base).await["next_review_on"], json!(day(31)));

    // Objectives off track lower the account's health.
    let after = plan_factor(&app.fetch(k, &format!("/api/v1/accounts/{account}")).await);
    assert_eq!(after["score"], 25, "{after}");

    // Another manager may read but not write; another organization sees nothing.
    let o = outsider.token.as_str();
    app.fetch(o, &base).await;
    let a = app
        .post(&format!("{base}/objectives"))
        .token(o)
        .json(&objective("Hijack", "custom", "0", "1"))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let a = app
        .patch(&format!("{base}/objectives/{o1}"))
        .token(o)
        .json(&json!({"status": "achieved"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let a = app
        .post("/api/v1/account-plans")
        .token(o)
        .json(&json!({"account_id": account, "title": "Mine", "period_start": day(0), "period_end": day(30)}))
        .send()
        .await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let rival = app.signup("Rival").await;
    for a in [
        app.get(&base).token(&rival.token).send().await,
        app.get(&format!("{base}/objectives"))
            .token(&rival.token)
            .send()
            .await,
        app.post(&format!("{base}/objectives"))
            .token(&rival.token)
            .json(&objective("Steal", "custom", "0", "1"))
            .send()
            .await,
    ] {
        assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    }
    // An objective is found only under its own plan.
    let other_plan = app
        .create(
            k,
            "/api/v1/account-plans",
            json!({"account_id": unplanned, "title": "Draft", "period_start": day(0), "period_end": day(90)}),
        )
        .await;
    assert_eq!(other_plan["status"], "draft");
    assert_eq!(other_plan["review_every_days"], 60, "strategic cadence");
    let a = app
        .get(&format!(
            "/api/v1/account-plans/{}/objectives/{o1}",
            id_of(&other_plan)
        ))
        .token(k)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");

    // The report: the key account planned, the strategic one (a draft plan only) not.
    let rep = app
        .fetch(
            t,
            &format!("/api/v1/reports/account-planning?as_of={}", day(0)),
        )
        .await;
    let row = |id: &str| {
        rep["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["account_id"] == json!(id))
            .cloned()
            .unwrap_or_else(|| panic!("{id} not in {rep}"))
    };
    assert_eq!(row(&account)["plan_id"], json!(pid));
    assert_eq!(row(&account)["objectives_by_status"]["off_track"], 1);
    assert_eq!(row(&unplanned)["plan_id"], Value::Null);
    assert!(
        rep["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["account_id"] != json!(elsewhere)),
        "standard accounts are not in the report"
    );
    assert_eq!(rep["totals"]["accounts"], 2);
    assert_eq!(rep["totals"]["with_plan"], 1);
    assert_eq!(rep["totals"]["without_plan"], 1);
    assert_eq!(rep["owners"][0]["owner_id"], json!(kam.id));
    assert_eq!(rep["owners"][0]["accounts"], 2);
    // Later, the review is overdue.
    let later = app
        .fetch(
            t,
            &format!("/api/v1/reports/account-planning?as_of={}", day(40)),
        )
        .await;
    assert_eq!(later["totals"]["reviews_overdue"], 1, "{later}");
    // The outsider manager sees none of Kim's accounts.
    let theirs = app.fetch(o, "/api/v1/reports/account-planning").await;
    assert_eq!(theirs["totals"]["accounts"], 0, "{theirs}");

    // Lists filter; deleting a plan takes what hangs on it.
    let listed = app
        .walk(
            k,
            &format!("/api/v1/account-plans?account_id={account}&status=active"),
        )
        .await;
    assert_eq!(listed.len(), 1);
    let a = app.delete(&base).token(k).send().await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text);
    let a = app.get(&format!("{base}/objectives")).token(k).send().await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let gone = plan_factor(&app.fetch(k, &format!("/api/v1/accounts/{account}")).await);
    assert_eq!(gone["status"], "no_data");
}
both_backends!(
    plan_scenario,
    super::a_plan_is_built_with_the_client_reviewed_and_moves_health
);
