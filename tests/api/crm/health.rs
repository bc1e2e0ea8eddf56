//! Account health: the check-in cadence, every factor explaining itself with and without data,
//! and the factors that come from the books (disputed amounts excluded).

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Billing;
use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::TestApp;

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
    // Never contacted: recency counts from creation (today) at half marks, never no_data.
    assert_eq!(factor(&h, "check_in_recency")["status"], "ok");
    assert_eq!(factor(&h, "check_in_recency")["raw_value"], 0.0);
    assert_eq!(factor(&h, "check_in_recency")["score"], 50);
    assert_eq!(factor(&h, "client_feedback")["status"], "no_data");
    assert_eq!(factor(&h, "overdue_receivables")["status"], "no_data");
    assert_eq!(factor(&h, "client_feedback")["contribution"], 0.0);
    assert_eq!(factor(&h, "open_risks")["status"], "ok");
    assert_eq!(h["score"], 75);
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
    assert_eq!(factor(&past, "check_in_recency")["score"], 50);
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

async fn an_account_nobody_contacted_is_not_healthy(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = app
        .client_account(t, json!({"name": "Forgotten", "tier": "key"}))
        .await;

    // 60 days after its creation, never contacted (a key account's cadence is 14 days).
    let later = app
        .fetch(t, &format!("/api/v1/accounts/{a}?as_of={}", day(60)))
        .await;

    let recency = factor(&later, "check_in_recency");
    assert_eq!(recency["status"], "ok", "{recency}");
    assert_eq!(recency["raw_value"], 60.0);
    assert_eq!(recency["score"], 0);
    assert_eq!(later["health"]["score"], 50, "{}", later["health"]);
    assert_eq!(later["health"]["grade"], "watch");
    // Even on its first day it does not look perfect.
    let today = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert!(today["health"]["score"].as_u64().unwrap() < 100);
}
both_backends!(
    an_account_nobody_contacted_is_not_healthy_works,
    super::an_account_nobody_contacted_is_not_healthy
);

fn factor(account: &Value, key: &str) -> Value {
    account["health"]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .cloned()
        .unwrap_or_else(|| panic!("no factor {key} in {account}"))
}

fn raw(account: &Value, key: &str) -> f64 {
    let f = factor(account, key);
    assert_eq!(f["status"], "ok", "{f}");
    f["raw_value"].as_f64().unwrap()
}

async fn health_comes_from_the_books_less_disputes(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true}),
        )
        .await,
    );
    let quiet = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Quiet", "is_customer": true}),
        )
        .await,
    );
    // 1000.00 + 100.00 tax, long overdue, half paid; 300.00 + 30.00 not yet due, a credit
    // note of 100.00 + 10.00 and 110.00 paid on it.
    let a = b.invoice(&app, t, &globex, (-200, -170), "1000.00").await;
    let inv_b = b.invoice(&app, t, &globex, (-20, 10), "300.00").await;
    b.payment(&app, t, &globex, -150, "550.00", &id_of(&a))
        .await;
    b.credit_note(&app, t, &globex, &id_of(&inv_b), -10, "100.00")
        .await;
    b.payment(&app, t, &globex, -3, "110.00", &id_of(&inv_b))
        .await;

    // Open 550.00 (overdue) + 110.00 (not due) = 660.00; invoiced 1430.00 in the last year.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 83.33, "550 / 660");
    assert_eq!(
        raw(&acc, "days_sales_outstanding"),
        168.46,
        "660 / 1430 × 365"
    );
    assert_eq!(factor(&acc, "overdue_receivables")["score"], 17);
    assert_eq!(factor(&acc, "days_sales_outstanding")["score"], 0);
    // As of a past day: the payment and the later invoice had not happened.
    let past = app
        .fetch(t, &format!("/api/v1/accounts/{globex}?as_of={}", day(-160)))
        .await;
    assert_eq!(raw(&past, "overdue_receivables"), 100.0);
    assert_eq!(raw(&past, "days_sales_outstanding"), 365.0);
    // Before any invoice, and for an account never invoiced: no data.
    let before = app
        .fetch(t, &format!("/api/v1/accounts/{globex}?as_of={}", day(-300)))
        .await;
    assert_eq!(factor(&before, "overdue_receivables")["status"], "no_data");
    let q = app.fetch(t, &format!("/api/v1/accounts/{quiet}")).await;
    assert_eq!(factor(&q, "overdue_receivables")["status"], "no_data");
    assert_eq!(factor(&q, "days_sales_outstanding")["status"], "no_data");
    assert_eq!(
        factor(&q, "days_sales_outstanding")["raw_value"],
        Value::Null
    );

    // 200.00 of the overdue invoice is disputed: (550 − 200) / 660.
    let dispute = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": globex, "kind": "dispute", "severity": "low",
                   "description": "hours billed", "invoice_ids": [id_of(&a)], "disputed_amount": "200.00"}),
        )
        .await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 53.03);
    // Lists compute the same health.
    let list = app.fetch(t, "/api/v1/accounts?limit=50").await;
    let listed = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == globex.as_str())
        .cloned()
        .unwrap();
    assert_eq!(raw(&listed, "overdue_receivables"), 53.03);
    // Mitigating still counts; once resolved the whole amount is overdue again.
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&dispute)))
        .token(t)
        .json(&json!({"status": "mitigating"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 53.03);
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&dispute)))
        .token(t)
        .json(&json!({"status": "resolved", "outcome": "withdrawn"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 83.33);
    // A dispute naming the invoice without an amount takes all of it out.
    app.create(
        t,
        "/api/v1/risks",
        json!({"account_id": globex, "kind": "dispute", "severity": "low",
               "description": "the whole invoice", "invoice_ids": [id_of(&a)]}),
    )
    .await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 0.0);
    assert_eq!(factor(&acc, "overdue_receivables")["score"], 100);
}
both_backends!(
    health_comes_from_the_books_less_disputes_works,
    super::health_comes_from_the_books_less_disputes
);
