//! `GET /reports/retention` over a year of invoices across two owners and two tiers (with a
//! credit note, a churned account, a new account, expansion and contraction), checked against
//! this test's own arithmetic; the 365-day window's boundaries; the `retained_accounts` target
//! over its period; and `GET /reports/competitors`.

use reqwest::StatusCode;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

/// `part ÷ whole` to four places, as the report writes ratios.
fn r4(part: i64, whole: i64) -> Value {
    let mut r = (Decimal::from(part) / Decimal::from(whole))
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(4);
    json!(r.to_string())
}

/// An issued invoice of `amount` (no tax) dated `issued` days from today.
async fn invoice(app: &TestApp, t: &str, account: &str, issued: i64, amount: &str) -> String {
    let doc = app
        .issued(
            t,
            "invoices",
            json!({"account_id": account, "issue_date": day(issued), "due_date": day(issued + 30),
                   "currency": "USD", "lines": [{"description": "Service", "quantity": "1", "unit_price": amount}]}),
        )
        .await;
    id_of(&doc)
}

/// Expected figures: (start, end, new, lost, revenue at start, at end, at end capped).
fn figures(f: &Value, want: (i64, i64, i64, i64, i64, i64, i64)) {
    let (start, end, new, lost, rs, re, rc) = want;
    assert_eq!(f["accounts_at_start"], start, "{f}");
    assert_eq!(f["accounts_at_end"], end, "{f}");
    assert_eq!(f["new"], new, "{f}");
    assert_eq!(f["lost"], lost, "{f}");
    assert_eq!(f["logo_retention"], r4(start - lost, start), "{f}");
    assert_eq!(f["revenue_at_start"], format!("{rs}.00"), "{f}");
    assert_eq!(f["revenue_at_end"], format!("{re}.00"), "{f}");
    assert_eq!(f["net_revenue_retention"], r4(re, rs), "{f}");
    assert_eq!(f["gross_revenue_retention"], r4(rc, rs), "{f}");
}

fn group<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == key)
        .unwrap_or_else(|| panic!("no group {key} in {report}"))
}

async fn retention_over_a_year(app: TestApp) {
    let owner = app.signup("Retention").await;
    let t = &owner.token;
    let alice = app.account_manager(t, "Alice").await;
    let bob = app.account_manager(t, "Bob").await;
    let account = |name: &str, tier: &str, who: &str| json!({"name": name, "tier": tier, "status": "active", "is_customer": true, "owner_id": who, "currency": "USD"});
    // The period: the year ending today. Active at `from` = invoiced in [from − 364, from].
    let (from, to) = (day(-364), day(0));
    // A (Alice, key): 1000 before, 1500 in the year: expansion.
    let a = app
        .client_account(t, account("Acme", "key", &alice.id))
        .await;
    invoice(&app, t, &a, -500, "1000.00").await;
    invoice(&app, t, &a, -200, "1500.00").await;
    // B (Alice, standard): 2000 before, 1200 in the year less a 200 credit note: contraction.
    // Moved to Bob today: it stays in Alice's group (owners as of `from`).
    let b = app
        .client_account(t, account("Bravo", "standard", &alice.id))
        .await;
    invoice(&app, t, &b, -400, "2000.00").await;
    let credited = invoice(&app, t, &b, -100, "1200.00").await;
    app.issued(
        t,
        "credit-notes",
        json!({"account_id": b, "invoice_id": credited, "issue_date": day(-50),
               "lines": [{"description": "Goodwill", "quantity": "1", "unit_price": "200.00"}]}),
    )
    .await;
    app.act(
        t,
        &format!("/api/v1/accounts/{b}/reassign"),
        json!({"owner_id": bob.id, "team_id": null}),
    )
    .await;
    // C (Bob, key): 800 before, 300 in the year, churned today: lost.
    let c = app
        .client_account(t, account("Charlie", "key", &bob.id))
        .await;
    invoice(&app, t, &c, -380, "800.00").await;
    invoice(&app, t, &c, -150, "300.00").await;
    app.act(
        t,
        &format!("/api/v1/accounts/{c}/churn"),
        json!({"reason": "budget cut", "churned_on": to}),
    )
    .await;
    // D (Bob, standard): first invoiced today (the window includes its last day): new.
    let d = app
        .client_account(t, account("Delta", "standard", &bob.id))
        .await;
    invoice(&app, t, &d, 0, "700.00").await;
    // F (Alice, key): invoiced on the window's first day at `from` (from − 364), never since:
    // active at `from`, lost by `to`.
    let f = app
        .client_account(t, account("Foxtrot", "key", &alice.id))
        .await;
    invoice(&app, t, &f, -728, "100.00").await;
    // E: invoiced the day before that window: active at neither.
    let e = app
        .client_account(t, account("Echo", "key", &alice.id))
        .await;
    invoice(&app, t, &e, -729, "50.00").await;

    // Totals: at start A, B, C, F; at end A, B, D; new D; lost C and F.
    // Revenue at start: A 1000 + B 2000 + C 800 + F 100 = 3900.
    // At end over those: A 1500 + B (1200 − 200) + C 300 (invoiced before it churned) + F 0.
    // Capped at the start figure: A 1000 + B 1000 + C 300 + F 0.
    let report = app
        .fetch(
            t,
            &format!("/api/v1/reports/retention?from={from}&to={to}&group_by=owner"),
        )
        .await;
    assert_eq!(
        (report["from"].as_str(), report["to"].as_str()),
        (Some(from.as_str()), Some(to.as_str()))
    );
    assert_eq!(report["currency"], "USD");
    figures(
        &report["totals"],
        (4, 3, 1, 2, 3900, 1500 + 1000 + 300, 1000 + 1000 + 300),
    );
    assert_eq!(report["totals"]["logo_retention"], "0.5000");
    // By owner at `from`: Alice has A, B (moved since) and F; Bob has C and D.
    assert_eq!(report["groups"].as_array().unwrap().len(), 2, "{report}");
    let alices = group(&report, &alice.id);
    assert_eq!(alices["label"], "Alice");
    figures(alices, (3, 2, 0, 1, 3100, 2500, 2000));
    figures(group(&report, &bob.id), (1, 1, 1, 1, 800, 300, 300));
    assert_eq!(group(&report, &bob.id)["logo_retention"], "0.0000");

    // By tier: key has A, C, F; standard B and D.
    let tiers = app
        .fetch(
            t,
            &format!("/api/v1/reports/retention?from={from}&to={to}&group_by=tier"),
        )
        .await;
    figures(group(&tiers, "key"), (3, 1, 0, 2, 1900, 1800, 1300));
    figures(group(&tiers, "standard"), (1, 2, 1, 0, 2000, 1000, 1000));

    // A period nobody was active at the start of: ratios are null.
    let empty = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/retention?from={}&to={}",
                day(-2000),
                day(-1900)
            ),
        )
        .await;
    assert_eq!(empty["totals"]["accounts_at_start"], 0);
    assert_eq!(empty["totals"]["logo_retention"], Value::Null);
    assert_eq!(empty["totals"]["net_revenue_retention"], Value::Null);
    assert_eq!(empty["groups"], json!([]));

    // Refusals name their field.
    let bad = app
        .get(&format!("/api/v1/reports/retention?from={to}&to={from}"))
        .token(t)
        .send()
        .await;
    assert_field_refused(&bad, "date_order", "to");
    let bad = app
        .get("/api/v1/reports/retention?group_by=region")
        .token(t)
        .send()
        .await;
    assert_field_refused(&bad, "invalid_enum", "group_by");

    // The retained_accounts target counts retention over its own period: Alice held A, B and
    // F at its start and kept A and B; Bob kept none (C churned, D is new).
    for (who, amount) in [(&alice.id, "4"), (&bob.id, "2")] {
        app.create(
            t,
            "/api/v1/targets",
            json!({"user_id": who, "period_start": from, "period_end": to, "metric": "retained_accounts", "amount": amount}),
        )
        .await;
    }
    let perf = app
        .fetch(
            t,
            &format!("/api/v1/reports/performance?from={from}&to={to}"),
        )
        .await;
    let target_of = |id: &str| {
        perf["managers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["user_id"] == id)
            .unwrap()["targets"][0]
            .clone()
    };
    let at = target_of(&alice.id);
    assert_eq!(
        (at["metric"].as_str(), at["actual"].as_str()),
        (Some("retained_accounts"), Some("2")),
        "{perf}"
    );
    assert_eq!(at["attainment"], "0.5");
    assert_eq!(target_of(&bob.id)["actual"], "0");
    // The report in CSV: one row per group and the totals.
    let csv = app
        .get(&format!(
            "/api/v1/reports/retention?from={from}&to={to}&group_by=tier"
        ))
        .token(t)
        .header("Accept", "text/csv")
        .send()
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.text.lines().count(), 4, "{}", csv.text);
}
both_backends!(retention_over_a_year_works, super::retention_over_a_year);

async fn competitors_won_lost_and_churned(app: TestApp) {
    let owner = app.signup("Rivalry").await;
    let t = &owner.token;
    let contested = app
        .client_account(
            t,
            json!({"name": "Contested", "is_customer": true, "competitor_ids": ["Rival One"]}),
        )
        .await;
    let plain = app
        .client_account(t, json!({"name": "Plain", "is_customer": true}))
        .await;
    let gone = app
        .client_account(t, json!({"name": "Gone", "is_customer": true}))
        .await;
    let opp = |account: &str, stage: &str, amount: &str, extra: Value| {
        let mut body = json!({"account_id": account, "kind": "new_business", "name": format!("{stage} {amount}"),
                              "amount": amount, "currency": "USD", "stage": stage});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    for body in [
        // Won where Rival One was in the running.
        opp(&contested, "won", "1000.00", json!({})),
        // Lost to Rival One, on both accounts.
        opp(
            &contested,
            "lost",
            "500.00",
            json!({"lost_to_competitor_id": "Rival One"}),
        ),
        opp(
            &plain,
            "lost",
            "200.00",
            json!({"lost_to_competitor_id": "rival one"}),
        ),
        // Lost to Hooli.
        opp(
            &contested,
            "lost",
            "250.00",
            json!({"lost_to_competitor_id": "Hooli"}),
        ),
        // Won with no competitor on the account: nobody's.
        opp(&plain, "won", "300.00", json!({})),
        // Lost to Rival One long before the period.
        opp(
            &plain,
            "lost",
            "9000.00",
            json!({"lost_to_competitor_id": "Rival One", "closed_on": day(-400)}),
        ),
        // Still open: not counted.
        opp(&contested, "negotiation", "777.00", json!({})),
    ] {
        app.create(t, "/api/v1/opportunities", body).await;
    }
    app.act(
        t,
        &format!("/api/v1/accounts/{gone}/churn"),
        json!({"reason": "switched", "lost_to_competitor_id": "Hooli", "churned_on": day(0)}),
    )
    .await;
    let report = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/competitors?from={}&to={}",
                day(-30),
                day(0)
            ),
        )
        .await;
    assert_eq!(report["currency"], "USD");
    let rows = report["competitors"].as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Hooli", "Rival One"], "{report}");
    let (hooli, rival) = (&rows[0], &rows[1]);
    assert_eq!(
        (rival["won_count"].as_i64(), rival["won_amount"].as_str()),
        (Some(1), Some("1000.00"))
    );
    assert_eq!(
        (rival["lost_count"].as_i64(), rival["lost_amount"].as_str()),
        (Some(2), Some("700.00"))
    );
    assert_eq!(rival["win_rate"], r4(1, 3));
    assert_eq!(rival["accounts_churned"], 0);
    assert_eq!(
        (
            hooli["won_count"].as_i64(),
            hooli["lost_count"].as_i64(),
            hooli["lost_amount"].as_str()
        ),
        (Some(0), Some(1), Some("250.00"))
    );
    assert_eq!(hooli["win_rate"], "0.0000");
    assert_eq!(hooli["accounts_churned"], 1);
    assert_eq!(hooli["churned_account_ids"], json!([gone]));
    // A period with none of it lists no competitor; a reversed one is refused.
    let quiet = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/competitors?from={}&to={}",
                day(-100),
                day(-60)
            ),
        )
        .await;
    assert_eq!(quiet["competitors"], json!([]));
    let bad = app
        .get(&format!(
            "/api/v1/reports/competitors?from={}&to={}",
            day(0),
            day(-1)
        ))
        .token(t)
        .send()
        .await;
    assert_field_refused(&bad, "date_order", "to");
    // An account manager reads it too.
    let am = app.account_manager(t, "Reader").await;
    let theirs = app
        .fetch(
            &am.token,
            &format!(
                "/api/v1/reports/competitors?from={}&to={}",
                day(-30),
                day(0)
            ),
        )
        .await;
    assert_eq!(theirs["competitors"], report["competitors"]);
}
both_backends!(
    competitors_won_lost_and_churned_works,
    super::competitors_won_lost_and_churned
);
