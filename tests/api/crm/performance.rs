//! Targets and attainment, and revenue credited to the owner and team recorded at issue, in the
//! performance and sales reports.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Billing;
use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::{Colleague, TestApp};

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
    app.create(&kam, "/api/v1/opportunities", json!({"account_id": a, "kind": "renewal", "name": "Renewal", "amount": "1000.00", "currency": "USD", "stage": "negotiation", "probability": 50, "expected_close_on": format!("{year}-12-31")})).await;
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

fn row<'a>(report: &'a Value, list: &str, key: &str, value: &str) -> &'a Value {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no {list} row {value} in {report}"))
}

async fn revenue_follows_the_owner_recorded_at_issue(app: TestApp) {
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
    let east = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "North East", "parent_team_id": north, "member_ids": [bob]}),
        )
        .await,
    );
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true, "owner_id": alice, "team_id": north}),
        )
        .await,
    );
    let initech = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Initech", "is_customer": true, "owner_id": bob, "team_id": east}),
        )
        .await,
    );

    // Outside the period: invoiced and paid long ago.
    let old = b.invoice(&app, t, &globex, (-200, -170), "1000.00").await;
    b.payment(&app, t, &globex, -150, "1100.00", &id_of(&old))
        .await;
    // Alice's: 300.00 invoiced, then Globex moves to Bob; the credit note of 100.00 on her
    // invoice stays hers, the next invoice (50.00) is Bob's.
    let inv_b = b.invoice(&app, t, &globex, (-20, 10), "300.00").await;
    assert_eq!(inv_b["owner_id"], alice.as_str());
    assert_eq!(inv_b["team_id"], north.as_str());
    app.act(
        t,
        &format!("/api/v1/accounts/{globex}/reassign"),
        json!({"owner_id": bob, "team_id": east}),
    )
    .await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&inv_b), -10, "100.00")
        .await;
    assert_eq!(cn["owner_id"], alice.as_str());
    b.payment(&app, t, &globex, -3, "110.00", &id_of(&inv_b))
        .await;
    let inv_d = b.invoice(&app, t, &globex, (-2, 28), "50.00").await;
    assert_eq!(inv_d["owner_id"], bob.as_str());
    // Bob's own account: 2000.00 + 200.00 tax, half paid.
    let inv_c = b.invoice(&app, t, &initech, (-30, 30), "2000.00").await;
    b.payment(&app, t, &initech, -5, "1100.00", &id_of(&inv_c))
        .await;
    // A voided invoice is no revenue.
    let draft = app
        .create(
            t,
            "/api/v1/invoices",
            json!({"account_id": initech, "issue_date": day(-4), "currency": "USD",
               "lines": [b.line("999.00", "1")]}),
        )
        .await;
    app.act(
        t,
        &format!("/api/v1/invoices/{}/issue", id_of(&draft)),
        json!({}),
    )
    .await;
    app.act(
        t,
        &format!("/api/v1/invoices/{}/void", id_of(&draft)),
        json!({}),
    )
    .await;

    for (who, team, metric, amount) in [
        (Some(&alice), None, "revenue_invoiced", "400.00"),
        (Some(&bob), None, "revenue_collected", "4000.00"),
        (None, Some(&north), "revenue_collected", "2200.00"),
        (None, Some(&east), "revenue_invoiced", "0.00"),
    ] {
        app.create(
            t,
            "/api/v1/targets",
            json!({"user_id": who, "team_id": team, "period_start": day(-60),
                   "period_end": day(0), "metric": metric, "amount": amount}),
        )
        .await;
    }

    let report = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/performance?from={}&to={}",
                day(-60),
                day(0)
            ),
        )
        .await;
    // Alice: 300.00 − 100.00 invoiced; 110.00 collected less its tax share (300/330).
    let a = row(&report, "managers", "user_id", &alice);
    assert_eq!(a["revenue_invoiced"], "200.00", "{a}");
    assert_eq!(a["revenue_collected"], "100.00", "{a}");
    assert_eq!(a["accounts_managed"], 0);
    let target = &a["targets"][0];
    assert_eq!(target["metric"], "revenue_invoiced");
    assert_eq!(target["actual"], "200.00");
    assert_eq!(target["attainment"], "0.5");
    // Bob: 2000.00 + 50.00 invoiced; 1100.00 collected of which 1000.00 without tax.
    let bb = row(&report, "managers", "user_id", &bob);
    assert_eq!(bb["revenue_invoiced"], "2050.00", "{bb}");
    assert_eq!(bb["revenue_collected"], "1000.00", "{bb}");
    assert_eq!(bb["targets"][0]["actual"], "1000.00");
    assert_eq!(bb["targets"][0]["attainment"], "0.25");
    // Teams: North includes its sub-team North East.
    let n = row(&report, "teams", "team_id", &north);
    assert_eq!(n["revenue_invoiced"], "2250.00", "{n}");
    assert_eq!(n["revenue_collected"], "1100.00", "{n}");
    assert_eq!(n["targets"][0]["actual"], "1100.00");
    assert_eq!(n["targets"][0]["attainment"], "0.5");
    let e = row(&report, "teams", "team_id", &east);
    assert_eq!(e["revenue_invoiced"], "2050.00", "{e}");
    assert_eq!(e["revenue_collected"], "1000.00", "{e}");
    assert_eq!(e["targets"][0]["actual"], "2050.00");
    assert_eq!(e["targets"][0]["attainment"], Value::Null, "a zero target");

    // The old invoice and its payment count in their own period.
    let then = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/performance?from={}&to={}",
                day(-210),
                day(-140)
            ),
        )
        .await;
    let a = row(&then, "managers", "user_id", &alice);
    assert_eq!(a["revenue_invoiced"], "1000.00");
    assert_eq!(a["revenue_collected"], "1000.00");

    // The sales report's revenue by recorded owner, and by account.
    let sales = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/sales?from={}&to={}&group_by=owner",
                day(-60),
                day(0)
            ),
        )
        .await;
    assert_eq!(
        row(&sales, "rows", "key", &alice)["revenue_invoiced"],
        "200.00"
    );
    assert_eq!(
        row(&sales, "rows", "key", &bob)["revenue_invoiced"],
        "2050.00"
    );
    let sales = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/sales?from={}&to={}&group_by=account",
                day(-60),
                day(0)
            ),
        )
        .await;
    let g = row(&sales, "rows", "key", &globex);
    assert_eq!(g["label"], "Globex");
    assert_eq!(g["revenue_invoiced"], "250.00");
    assert_eq!(
        row(&sales, "rows", "key", &initech)["revenue_invoiced"],
        "2000.00"
    );
}
both_backends!(
    revenue_follows_the_owner_recorded_at_issue_works,
    super::revenue_follows_the_owner_recorded_at_issue
);
