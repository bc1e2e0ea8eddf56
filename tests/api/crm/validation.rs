//! Bad input is 422 naming every offending field, never a 500.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::TestApp;

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
