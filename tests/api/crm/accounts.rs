//! Accounts: the derived at-risk status, churn, import, merge, the timeline and archiving.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::TestApp;

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
    // Domain and name together, or the name alone without a website, find the account.
    let csv2 = "name,website,tier\ninitrode,initrode.example,key\numbrella,,key\n";
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
    assert!(export.text.contains("initrode.example"));

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
