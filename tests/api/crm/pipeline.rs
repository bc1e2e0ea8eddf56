//! One definition of the pipeline in the performance and sales reports (open opportunities
//! expected to close in the period, amount × probability), with opportunities in other
//! currencies converted at the organization's rate on `to` or listed as unconverted.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::TestApp;

fn by<'a>(report: &'a Value, list: &str, key: &str, value: &str) -> &'a Value {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no {list} row {value} in {report}"))
}

async fn both_reports_weigh_the_same_pipeline_in_the_base_currency(app: TestApp) {
    // Arrange: one manager's account with opportunities in and out of the period, in the base
    // currency, in euros (a rate recorded) and in pounds (no rate).
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let kam = app.account_manager(t, "kam").await;
    let a = app
        .client_account(t, json!({"name": "Globex", "owner_id": kam.id}))
        .await;
    let opp =
        |name: &str, amount: &str, currency: &str, stage: &str, probability: i32, close: i64| {
            json!({"account_id": a, "kind": "upsell", "name": name, "amount": amount,
               "currency": currency, "stage": stage, "probability": probability,
               "expected_close_on": day(close)})
        };
    for body in [
        opp("In period", "10000.00", "USD", "negotiation", 50, 10),
        opp("Next year", "18000.00", "USD", "negotiation", 100, 400),
        opp("Euro deal", "1000.00", "EUR", "proposal", 40, 5),
        opp("Pound deal", "500.00", "GBP", "proposal", 50, 5),
    ] {
        app.create(t, "/api/v1/opportunities", body).await;
    }
    let lost = opp("Lost one", "700.00", "USD", "lost", 0, 0);
    app.create(t, "/api/v1/opportunities", lost).await;
    let r = app
        .post("/api/v1/exchange-rates")
        .token(t)
        .json(&json!({"currency": "EUR", "date": day(-1), "rate": "1.10"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let period = format!("from={}&to={}", day(-30), day(30));

    // Act
    let perf = app
        .fetch(t, &format!("/api/v1/reports/performance?{period}"))
        .await;
    let sales = app
        .fetch(t, &format!("/api/v1/reports/sales?{period}&group_by=owner"))
        .await;

    // Assert: 10000 × 0.5 + 1000 × 1.10 × 0.4; the 18,000 closing next year is in neither.
    let mine = by(&perf, "managers", "user_id", &kam.id);
    assert_eq!(mine["pipeline_weighted"], "5440.00", "{mine}");
    let row = by(&sales, "rows", "key", &kam.id);
    assert_eq!(row["pipeline_weighted"], "5440.00", "{row}");
    assert_eq!(row["lost_count"], 1);
    assert_eq!(row["lost_amount"], "700.00");
    for report in [&perf, &sales] {
        let rates = report["exchange_rates"].as_array().unwrap();
        assert_eq!(rates.len(), 1, "{report}");
        assert_eq!(rates[0]["currency"], "EUR");
        assert_eq!(rates[0]["rate"], "1.1");
        assert_eq!(rates[0]["rate_date"], day(-1));
        let left_out = report["unconverted"].as_array().unwrap();
        assert_eq!(left_out.len(), 1, "{report}");
        assert_eq!(left_out[0]["name"], "Pound deal");
        assert_eq!(left_out[0]["currency"], "GBP");
        assert_eq!(left_out[0]["amount"], "500.00");
        assert_eq!(left_out[0]["counted_as"], "pipeline");
    }
}
both_backends!(
    both_reports_weigh_the_same_pipeline_in_the_base_currency_works,
    super::both_reports_weigh_the_same_pipeline_in_the_base_currency
);
