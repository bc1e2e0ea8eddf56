//! `POST /accounts/batch`, `/contacts/batch`, `/interactions/batch`: 1 to 100 records in one
//! transaction, each in its own savepoint, answered 200 with a result per record (201 and the
//! record, or the status and problem the single create would have answered for it alone); one
//! Idempotency-Key for the batch.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::problem::assert_problem;
use crate::support::{Answer, TestApp};

async fn batch(app: &TestApp, token: &str, what: &str, body: &Value, key: Option<&str>) -> Answer {
    let mut req = app
        .post(&format!("/api/v1/{what}/batch"))
        .token(token)
        .json(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await
}

/// The answer's results, after checking it is 200 with one result per record, indexed in
/// order, and `statuses` are theirs.
fn results(a: &Answer, statuses: &[u64]) -> Vec<Value> {
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let results = a.body["results"].as_array().unwrap().clone();
    let got: Vec<u64> = results
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(got, statuses, "{}", a.text);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["index"], i);
        if r["status"] == 201 {
            assert!(r["data"]["id"].is_string(), "{r}");
            assert!(r.get("problem").is_none(), "{r}");
        } else {
            assert!(r.get("data").is_none(), "{r}");
            assert_eq!(r["problem"]["status"], r["status"], "{r}");
        }
    }
    results
}

/// The fields and codes a refused record's problem names.
fn named(r: &Value) -> Vec<(String, String)> {
    r["problem"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn count(app: &TestApp, token: &str, list: &str) -> usize {
    app.walk(token, list).await.len()
}

async fn accounts_batch_answers_each_record(app: TestApp) {
    let owner = app.signup("Batch Accounts Ltd").await;
    let t = &owner.token;
    let body = json!({"records": [
        {"name": "Alpha", "tier": "key"},
        {"tier": "platinum"},
        {"name": "Beta", "industry": "Retail"},
        {"name": "Gamma", "status": "at_risk"},
    ]});
    let answer = batch(&app, t, "accounts", &body, Some("accounts-1")).await;
    let r = results(&answer, &[201, 422, 201, 422]);
    // Each created account reads back as the single create answered it.
    for i in [0, 2] {
        let id = r[i]["data"]["id"].as_str().unwrap();
        let read = app.fetch(t, &format!("/api/v1/accounts/{id}")).await;
        assert_eq!(read["name"], r[i]["data"]["name"]);
        assert_eq!(read["version"], 1);
    }
    assert_eq!(r[0]["data"]["tier"], "key");
    // A refused record names its own fields, as the single create would.
    assert_eq!(r[1]["problem"]["code"], "validation_failed");
    let fields = named(&r[1]);
    assert!(
        fields.contains(&("name".into(), "required".into())),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("tier".into(), "invalid_enum".into())),
        "{fields:?}"
    );
    assert_eq!(
        named(&r[3]),
        vec![("status".into(), "status_derived".into())]
    );
    let single = app
        .post("/api/v1/accounts")
        .token(t)
        .json(&json!({"name": "Gamma", "status": "at_risk"}))
        .send()
        .await;
    assert_eq!(single.body["errors"], r[3]["problem"]["errors"]);
    assert_eq!(count(&app, t, "/api/v1/accounts?limit=200").await, 2);

    // The same key replays the whole answer and creates nothing more.
    let again = batch(&app, t, "accounts", &body, Some("accounts-1")).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body, answer.body);
    assert_eq!(count(&app, t, "/api/v1/accounts?limit=200").await, 2);

    // Each created account is an event like any other (the feed shows events once sealed).
    let mut seen = 0;
    for _ in 0..100 {
        let events = app
            .fetch(t, "/api/v1/events?type=account.created&limit=50")
            .await;
        seen = events["data"].as_array().unwrap().len();
        if seen >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen, 2);

    // Limits: none, or more than 100, refuse the whole request.
    let none = batch(&app, t, "accounts", &json!({"records": []}), None).await;
    assert_problem(&none, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(none.error_fields(), vec!["records"]);
    assert_eq!(none.body["errors"][0]["code"], "required");
    let many: Vec<Value> = (0..101)
        .map(|i| json!({"name": format!("Acct {i}")}))
        .collect();
    let over = batch(&app, t, "accounts", &json!({"records": many}), None).await;
    assert_problem(&over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(over.error_fields(), vec!["records"]);
    assert_eq!(over.body["errors"][0]["code"], "too_many_items");
    // Exactly 100 is fine.
    let hundred: Vec<Value> = (0..100)
        .map(|i| json!({"name": format!("Acct {i}")}))
        .collect();
    let full = batch(&app, t, "accounts", &json!({"records": hundred}), None).await;
    results(&full, &[201; 100]);
    assert_eq!(count(&app, t, "/api/v1/accounts?limit=200").await, 102);

    // A caller who may write no account is refused as a whole.
    let viewer = app.colleague(t, "viewer").await.token;
    let refused = batch(&app, &viewer, "accounts", &body, None).await;
    assert_problem(&refused, StatusCode::FORBIDDEN, "forbidden");
}
both_backends!(accounts_batch, super::accounts_batch_answers_each_record);

/// An account manager and two accounts: one they own, one they may only read.
struct Portfolio {
    owner: String,
    manager: String,
    mine: String,
    theirs: String,
}

async fn portfolio(app: &TestApp, org: &str) -> Portfolio {
    let owner = app.signup(org).await.token;
    let manager = app.account_manager(&owner, "Mia Manager").await.token;
    let mine = app.client_account(&manager, json!({"name": "Mine"})).await;
    let theirs = app.client_account(&owner, json!({"name": "Theirs"})).await;
    Portfolio {
        owner,
        manager,
        mine,
        theirs,
    }
}

async fn contacts_batch_answers_each_record(app: TestApp) {
    let p = portfolio(&app, "Batch Contacts Ltd").await;
    let unknown = "0190a000-0000-7000-8000-000000000000";
    let body = json!({"records": [
        {"account_id": p.mine, "name": "Ann Able", "email": "ann@mine.example"},
        {"account_id": p.theirs, "name": "Bob Other"},
        {"account_id": p.mine},
        {"account_id": unknown, "name": "Nobody"},
        {"account_id": p.mine, "name": "Cy Bad", "email": "not-an-email"},
        {"account_id": p.mine, "name": "Dee Dee", "influence": "champion"},
    ]});
    let answer = batch(&app, &p.manager, "contacts", &body, Some("contacts-1")).await;
    let r = results(&answer, &[201, 403, 422, 422, 422, 201]);
    for i in [0, 5] {
        let id = r[i]["data"]["id"].as_str().unwrap();
        let read = app
            .fetch(&p.manager, &format!("/api/v1/contacts/{id}"))
            .await;
        assert_eq!(read["name"], r[i]["data"]["name"]);
        assert_eq!(read["account_id"], p.mine.as_str());
    }
    assert_eq!(r[5]["data"]["influence"], "champion");
    // The account the manager may not write: 403 for that record only, as the single create.
    assert_eq!(r[1]["problem"]["code"], "forbidden");
    let single = app
        .post("/api/v1/contacts")
        .token(&p.manager)
        .json(&json!({"account_id": p.theirs, "name": "Bob Other"}))
        .send()
        .await;
    assert_eq!(single.status, StatusCode::FORBIDDEN);
    assert_eq!(single.body["code"], r[1]["problem"]["code"]);
    assert_eq!(named(&r[2]), vec![("name".into(), "required".into())]);
    assert_eq!(
        named(&r[3]),
        vec![("account_id".into(), "not_found".into())]
    );
    assert_eq!(named(&r[4]), vec![("email".into(), "email".into())]);
    let on_theirs = format!("/api/v1/contacts?account_id={}", p.theirs);
    assert_eq!(count(&app, &p.owner, &on_theirs).await, 0);
    let on_mine = format!("/api/v1/contacts?account_id={}", p.mine);
    assert_eq!(count(&app, &p.owner, &on_mine).await, 2);

    // Replayed as a whole; nothing created twice.
    let again = batch(&app, &p.manager, "contacts", &body, Some("contacts-1")).await;
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body, answer.body);
    assert_eq!(count(&app, &p.owner, &on_mine).await, 2);
    // The same key with another batch is refused.
    let other = json!({"records": [{"account_id": p.mine, "name": "Eve"}]});
    let reused = batch(&app, &p.manager, "contacts", &other, Some("contacts-1")).await;
    assert_problem(
        &reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    );

    // The owner writes every account.
    let answer = batch(&app, &p.owner, "contacts", &body, None).await;
    results(&answer, &[201, 201, 422, 422, 422, 201]);

    let many: Vec<Value> = (0..101)
        .map(|i| json!({"account_id": p.mine, "name": format!("C {i}")}))
        .collect();
    let over = batch(&app, &p.owner, "contacts", &json!({"records": many}), None).await;
    assert_problem(&over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(over.body["errors"][0]["field"], "records");
    assert_eq!(over.body["errors"][0]["code"], "too_many_items");
}
both_backends!(contacts_batch, super::contacts_batch_answers_each_record);

async fn interactions_batch_answers_each_record(app: TestApp) {
    let p = portfolio(&app, "Batch Interactions Ltd").await;
    let ann = app
        .create(
            &p.manager,
            "/api/v1/contacts",
            json!({"account_id": p.mine, "name": "Ann Able"}),
        )
        .await;
    let elsewhere = app
        .create(
            &p.owner,
            "/api/v1/contacts",
            json!({"account_id": p.theirs, "name": "Bob Other"}),
        )
        .await;
    let at = format!("{}T10:00:00Z", day(-1));
    let call = |account: &str| json!({"account_id": account, "kind": "call", "direction": "outbound", "occurred_at": at});
    let mut with_ann = call(&p.mine);
    with_ann["contact_ids"] = json!([ann["id"]]);
    with_ann["sentiment"] = json!(4);
    let mut wrong_contact = call(&p.mine);
    wrong_contact["contact_ids"] = json!([elsewhere["id"]]);
    let mut bad_sentiment = call(&p.mine);
    bad_sentiment["sentiment"] = json!(9);
    bad_sentiment["kind"] = json!("telepathy");
    let body = json!({"records": [
        with_ann,
        call(&p.theirs),
        wrong_contact,
        bad_sentiment,
        {"account_id": p.mine, "kind": "note", "direction": "internal"},
        call(&p.mine),
    ]});
    let answer = batch(&app, &p.manager, "interactions", &body, Some("calls-1")).await;
    let r = results(&answer, &[201, 403, 422, 422, 422, 201]);
    let first = r[0]["data"]["id"].as_str().unwrap();
    let read = app
        .fetch(&p.manager, &format!("/api/v1/interactions/{first}"))
        .await;
    assert_eq!(read["contact_ids"], json!([ann["id"]]));
    assert_eq!(read["sentiment"], 4);
    assert_eq!(r[1]["problem"]["code"], "forbidden");
    assert_eq!(
        named(&r[2]),
        vec![("contact_ids[0]".into(), "wrong_account".into())]
    );
    let fields = named(&r[3]);
    assert!(
        fields.contains(&("sentiment".into(), "range".into())),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("kind".into(), "invalid_enum".into())),
        "{fields:?}"
    );
    assert_eq!(
        named(&r[4]),
        vec![("occurred_at".into(), "required".into())]
    );
    // Each interaction refreshed its account in the same unit of work, as a single create.
    let mine = app
        .fetch(&p.manager, &format!("/api/v1/accounts/{}", p.mine))
        .await;
    assert_eq!(mine["days_since_last_interaction"], 1, "{mine}");
    let on_mine = format!("/api/v1/interactions?account_id={}", p.mine);
    assert_eq!(count(&app, &p.owner, &on_mine).await, 2);
    let on_theirs = format!("/api/v1/interactions?account_id={}", p.theirs);
    assert_eq!(count(&app, &p.owner, &on_theirs).await, 0);

    let again = batch(&app, &p.manager, "interactions", &body, Some("calls-1")).await;
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body, answer.body);
    assert_eq!(count(&app, &p.owner, &on_mine).await, 2);

    let many: Vec<Value> = (0..101).map(|_| call(&p.mine)).collect();
    let over = batch(
        &app,
        &p.owner,
        "interactions",
        &json!({"records": many}),
        None,
    )
    .await;
    assert_problem(&over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(over.body["errors"][0]["code"], "too_many_items");
    // A record the JSON extractor cannot read refuses the request, naming it by index.
    let mut unknown_field = call(&p.mine);
    unknown_field["mood"] = json!("sunny");
    let unreadable = json!({"records": [call(&p.mine), unknown_field]});
    let refused = batch(&app, &p.owner, "interactions", &unreadable, None).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.text
    );
    assert!(
        refused
            .error_fields()
            .iter()
            .any(|f| f.starts_with("records[1]")),
        "{}",
        refused.text
    );
    assert_eq!(count(&app, &p.owner, &on_mine).await, 2);
}
both_backends!(
    interactions_batch,
    super::interactions_batch_answers_each_record
);
