//! Portfolio views for a manager: accounts sorted and filtered by health, receivables aging by
//! owner and team with each row's open items, a team lead's view of the members' performance,
//! and targets that can be changed.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Billing;
use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::problem::assert_problem;
use crate::support::TestApp;

fn names(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn accounts_sort_and_filter_by_health(app: TestApp) {
    // Arrange: Thriving (just met, happy), Unknown (never contacted), Burning (critical risks).
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let thriving = app.client_account(t, json!({"name": "Thriving"})).await;
    app.client_account(t, json!({"name": "Unknown"})).await;
    let burning = app.client_account(t, json!({"name": "Burning"})).await;
    let c = id_of(
        &app.create(
            t,
            "/api/v1/contacts",
            json!({"account_id": thriving, "name": "Hank"}),
        )
        .await,
    );
    app.create(
        t,
        "/api/v1/interactions",
        json!({"account_id": thriving, "contact_ids": [c],
        "kind": "meeting", "direction": "outbound", "sentiment": 5,
        "occurred_at": format!("{}T10:00:00Z", day(-1))}),
    )
    .await;
    for severity in ["critical", "high"] {
        app.create(
            t,
            "/api/v1/risks",
            json!({"account_id": burning, "kind": "churn_risk",
            "severity": severity, "description": "unhappy"}),
        )
        .await;
    }

    // Act / Assert: sorted by score both ways, filtered by grade and by score.
    let page = app.fetch(t, "/api/v1/accounts?sort=health_score").await;
    assert_eq!(names(&page), ["Burning", "Unknown", "Thriving"], "{page}");
    let scores: Vec<u64> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["health"]["score"].as_u64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    let page = app.fetch(t, "/api/v1/accounts?sort=-health_score").await;
    assert_eq!(names(&page), ["Thriving", "Unknown", "Burning"]);
    let poor = app.fetch(t, "/api/v1/accounts?health_grade=poor").await;
    assert_eq!(names(&poor), ["Burning"]);
    let strong = app
        .fetch(t, "/api/v1/accounts?health_score_min=70&sort=name")
        .await;
    assert_eq!(names(&strong), ["Thriving", "Unknown"]);
    // Pages follow the health order through their cursors.
    let mut seen = Vec::new();
    let mut path = "/api/v1/accounts?sort=health_score&limit=1".to_owned();
    loop {
        let page = app.fetch(t, &path).await;
        seen.extend(names(&page));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/accounts?sort=health_score&limit=1&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["Burning", "Unknown", "Thriving"]);
    // Bad values name the parameter.
    let r = app
        .get("/api/v1/accounts?health_grade=great&health_score_min=101")
        .token(t)
        .send()
        .await;
    assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // Named the way this list names its other query parameters (`query:status`).
    let fields = r.error_fields();
    for p in ["health_grade", "health_score_min"] {
        assert!(fields.iter().any(|f| f.ends_with(p)), "{p}: {}", r.text);
    }
}
both_backends!(
    accounts_sort_and_filter_by_health_works,
    super::accounts_sort_and_filter_by_health
);

async fn receivables_aging_by_owner_and_team_with_items(app: TestApp) {
    // Arrange: Globex (Alice, team North) owes two invoices, Initech (Bob, no team) one.
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let alice = app.account_manager(t, "alice").await.id;
    let bob = app.account_manager(t, "bob").await.id;
    let north = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "North", "lead_id": alice, "member_ids": [alice]}),
        )
        .await,
    );
    let globex = app
        .client_account(
            t,
            json!({"name": "Globex", "is_customer": true, "owner_id": alice, "team_id": north}),
        )
        .await;
    let initech = app
        .client_account(
            t,
            json!({"name": "Initech", "is_customer": true, "owner_id": bob}),
        )
        .await;
    let old = b.invoice(&app, t, &globex, (-60, -45), "1000.00").await;
    let new = b.invoice(&app, t, &globex, (-5, 25), "200.00").await;
    b.invoice(&app, t, &initech, (-10, 20), "50.00").await;

    // Act
    let all = app.fetch(t, "/api/v1/reports/ar-aging").await;
    let mine = app
        .fetch(
            t,
            &format!("/api/v1/reports/ar-aging?owner_id={alice}&include_items=true"),
        )
        .await;
    let team = app
        .fetch(t, &format!("/api/v1/reports/ar-aging?team_id={north}"))
        .await;

    // Assert
    assert_eq!(all["accounts"].as_array().unwrap().len(), 2);
    assert_eq!(all["totals"]["total"], "1375.00");
    let g = &all["accounts"][0];
    assert_eq!(g["name"], "Globex");
    assert_eq!(g["owner_id"], alice.as_str());
    assert_eq!(g["team_id"], north.as_str());
    assert!(g.get("items").is_none(), "items only when asked: {g}");
    assert_eq!(all["accounts"][1]["owner_id"], bob.as_str());
    assert_eq!(all["accounts"][1]["team_id"], Value::Null);
    for filtered in [&mine, &team] {
        let rows = filtered["accounts"].as_array().unwrap();
        assert_eq!(rows.len(), 1, "{filtered}");
        assert_eq!(rows[0]["name"], "Globex");
        assert_eq!(filtered["totals"]["total"], "1320.00");
    }
    let items = mine["accounts"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{mine}");
    assert_eq!(items[0]["id"], old["id"]);
    assert_eq!(items[0]["kind"], "invoice");
    assert_eq!(items[0]["number"], old["number"]);
    assert_eq!(items[0]["aged_from"], day(-45));
    assert_eq!(items[0]["days_past_due"], 45);
    assert_eq!(items[0]["amount"], "1100.00");
    assert_eq!(items[1]["id"], new["id"]);
    assert_eq!(items[1]["days_past_due"], 0);
    assert_eq!(items[1]["amount"], "220.00");
    assert_eq!(mine["accounts"][0]["days_31_60"], "1100.00");
}
both_backends!(
    receivables_aging_by_owner_and_team_with_items_works,
    super::receivables_aging_by_owner_and_team_with_items
);

fn user_ids(report: &Value) -> Vec<String> {
    let mut ids: Vec<String> = report["managers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user_id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

async fn a_team_lead_sees_each_members_row(app: TestApp) {
    // Arrange: Lena leads Sales with Max; Sub is a sub-team with Sue; Olga is elsewhere.
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let lena = app.account_manager(t, "lena").await;
    let max = app.account_manager(t, "max").await;
    let sue = app.account_manager(t, "sue").await;
    let olga = app.account_manager(t, "olga").await;
    let sales = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Sales", "lead_id": lena.id, "member_ids": [max.id]}),
        )
        .await,
    );
    app.create(
        t,
        "/api/v1/teams",
        json!({"name": "Sub", "parent_team_id": sales, "member_ids": [sue.id]}),
    )
    .await;
    app.create(
        t,
        "/api/v1/teams",
        json!({"name": "Other", "member_ids": [olga.id]}),
    )
    .await;

    // Act
    let lead = app.fetch(&lena.token, "/api/v1/reports/performance").await;
    let member = app.fetch(&max.token, "/api/v1/reports/performance").await;

    // Assert
    let mut expected = vec![lena.id.clone(), max.id.clone(), sue.id.clone()];
    expected.sort();
    assert_eq!(user_ids(&lead), expected, "{lead}");
    assert_eq!(lead["teams"].as_array().unwrap().len(), 2, "Sales and Sub");
    assert_eq!(user_ids(&member), vec![max.id.clone()]);
    assert_eq!(member["teams"], json!([]));
}
both_backends!(
    a_team_lead_sees_each_members_row_works,
    super::a_team_lead_sees_each_members_row
);

async fn targets_can_be_changed(app: TestApp) {
    // Arrange: Lena leads Sales with Max; Olga is in no team of hers.
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let lena = app.account_manager(t, "lena").await;
    let max = app.account_manager(t, "max").await;
    let olga = app.account_manager(t, "olga").await;
    let sales = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Sales", "lead_id": lena.id, "member_ids": [max.id]}),
        )
        .await,
    );
    let target = app
        .create(
            t,
            "/api/v1/targets",
            json!({"team_id": sales, "period_start": "2026-01-01",
            "period_end": "2026-06-30", "metric": "won_amount", "amount": "1000.00"}),
        )
        .await;
    let id = id_of(&target);
    app.create(
        t,
        "/api/v1/targets",
        json!({"team_id": sales, "period_start": "2026-07-01",
        "period_end": "2026-12-31", "metric": "won_amount", "amount": "1000.00"}),
    )
    .await;
    let path = format!("/api/v1/targets/{id}");
    let etag = app.get(&path).token(t).send().await.header("etag").unwrap();

    // Act / Assert: the lead changes the amount with If-Match; a stale one is refused.
    let r = app
        .patch(&path)
        .token(&lena.token)
        .header("If-Match", &etag)
        .json(&json!({"amount": "1500.00"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["amount"], "1500.00");
    assert_eq!(r.body["version"], 2);
    let stale = app
        .patch(&path)
        .token(&lena.token)
        .header("If-Match", &etag)
        .json(&json!({"amount": "1.00"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    // Overlapping the next half-year is a conflict; a bad amount names the field.
    let r = app
        .patch(&path)
        .token(t)
        .json(&json!({"period_end": "2026-08-31"}))
        .send()
        .await;
    assert_problem(&r, StatusCode::CONFLICT, "target_overlaps");
    let r = app
        .patch(&path)
        .token(t)
        .json(&json!({"amount": "12.345"}))
        .send()
        .await;
    assert_eq!(r.error_fields(), vec!["amount".to_owned()], "{}", r.text);
    assert_eq!(app.fetch(t, &path).await["amount"], "1500.00");
    // Who may: not a manager outside the team, and the refusal says who may.
    let r = app
        .patch(&path)
        .token(&olga.token)
        .json(&json!({"amount": "1.00"}))
        .send()
        .await;
    assert_problem(&r, StatusCode::FORBIDDEN, "forbidden");
    assert!(r.text.contains("lead of this team"), "{}", r.text);
    // The lead sets a member's personal target, not an outsider's.
    let personal = |who: &str| {
        json!({"user_id": who, "period_start": "2026-01-01", "period_end": "2026-12-31",
               "metric": "new_accounts", "amount": "3"})
    };
    app.create(&lena.token, "/api/v1/targets", personal(&max.id))
        .await;
    let r = app
        .post("/api/v1/targets")
        .token(&lena.token)
        .json(&personal(&olga.id))
        .send()
        .await;
    assert_problem(&r, StatusCode::FORBIDDEN, "forbidden");
    assert!(
        r.text.contains("a team this user is a member of"),
        "{}",
        r.text
    );
}
both_backends!(targets_can_be_changed_works, super::targets_can_be_changed);
