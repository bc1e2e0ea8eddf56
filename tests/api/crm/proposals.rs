//! Proposals: `number` counts the proposals of an opportunity (the next one by default, and
//! the deprecated `version` still names it on create), `version` is the concurrency token as on
//! every resource, and the terms (amount in a currency, discount, term, validity) round-trip
//! exactly, are refused with the field and the rule when wrong, and show in the change events.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::problem::field_code;
use crate::support::{Answer, TestApp};

/// An organization's owner, a client account and an opportunity in `currency` on it.
async fn opportunity(app: &TestApp, currency: &str) -> (String, String) {
    let owner = app.signup("Proposals Ltd").await;
    let t = owner.token;
    let a = app
        .client_account(&t, json!({"name": "Globex", "currency": "USD"}))
        .await;
    let o = id_of(
        &app.create(
            &t,
            "/api/v1/opportunities",
            json!({"account_id": a, "kind": "upsell", "name": "EU", "amount": "1000.00",
                   "currency": currency, "stage": "proposal", "probability": 40}),
        )
        .await,
    );
    (t, o)
}

async fn post(app: &TestApp, t: &str, body: Value) -> Answer {
    app.call(Method::POST, "/api/v1/proposals", t, Some(&body))
        .await
}

async fn patch(app: &TestApp, t: &str, id: &str, body: Value) -> Answer {
    app.call(
        Method::PATCH,
        &format!("/api/v1/proposals/{id}"),
        t,
        Some(&body),
    )
    .await
}

#[track_caller]
fn refused(a: &Answer, field: &str, code: &str) {
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(a.is_problem(), "{}", a.text);
    assert_eq!(
        field_code(a, field).as_deref(),
        Some(code),
        "{field}: {}",
        a.text
    );
}

async fn numbers_count_the_proposals_of_each_opportunity(app: TestApp) {
    let (t, o) = opportunity(&app, "USD").await;
    let other = id_of(
        &app.create(
            &t,
            "/api/v1/opportunities",
            json!({"account_id": app.fetch(&t, &format!("/api/v1/opportunities/{o}")).await["account_id"],
                   "kind": "renewal", "name": "Renewal", "amount": "10.00"}),
        )
        .await,
    );

    let first = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": o}))
        .await;
    let second = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": o}))
        .await;
    let elsewhere = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": other}))
        .await;
    let fifth = app
        .create(
            &t,
            "/api/v1/proposals",
            json!({"opportunity_id": o, "number": 5}),
        )
        .await;
    let after_fifth = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": o}))
        .await;
    // The deprecated name of `number`, as earlier clients send it.
    let deprecated = post(
        &app,
        &t,
        json!({"opportunity_id": o, "version": 9, "status": "sent", "sent_on": day(0),
               "summary": "Phase 1", "client_input": "wants weekly status"}),
    )
    .await;
    let both_agree = post(
        &app,
        &t,
        json!({"opportunity_id": o, "number": 10, "version": 10}),
    )
    .await;
    let both_differ = post(
        &app,
        &t,
        json!({"opportunity_id": o, "number": 11, "version": 12}),
    )
    .await;
    let taken = post(&app, &t, json!({"opportunity_id": o, "number": 2})).await;
    let zero = post(&app, &t, json!({"opportunity_id": o, "number": 0})).await;

    assert_eq!(first["number"], 1);
    assert_eq!(second["number"], 2);
    assert_eq!(elsewhere["number"], 1, "numbers count per opportunity");
    assert_eq!(fifth["number"], 5);
    assert_eq!(after_fifth["number"], 6, "the next after the highest");
    for p in [&first, &second, &fifth] {
        assert_eq!(p["version"], 1, "a new proposal is at version 1: {p}");
        assert!(p.get("revision").is_none(), "no revision any more: {p}");
    }
    assert_eq!(
        deprecated.status,
        StatusCode::CREATED,
        "{}",
        deprecated.text
    );
    assert_eq!(deprecated.body["number"], 9);
    assert_eq!(deprecated.body["version"], 1);
    assert_eq!(deprecated.body["status"], "sent");
    assert_eq!(
        both_agree.status,
        StatusCode::CREATED,
        "{}",
        both_agree.text
    );
    assert_eq!(both_agree.body["number"], 10);
    refused(&both_differ, "version", "number_conflict");
    assert_eq!(taken.status, StatusCode::CONFLICT, "{}", taken.text);
    assert_eq!(taken.code(), "proposal_number_taken");
    refused(&zero, "number", "range");
}
both_backends!(
    numbers_count_the_proposals_of_each_opportunity_works,
    super::numbers_count_the_proposals_of_each_opportunity
);

async fn version_is_the_concurrency_token(app: TestApp) {
    let (t, o) = opportunity(&app, "USD").await;
    let p = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": o}))
        .await;
    let id = id_of(&p);
    let path = format!("/api/v1/proposals/{id}");

    let read = app.get(&path).token(&t).send().await;
    let etag = read.header("etag").expect("an ETag");
    let changed = app
        .patch(&path)
        .token(&t)
        .header("If-Match", &etag)
        .json(&json!({"discount_percent": "5"}))
        .send()
        .await;
    let stale = app
        .patch(&path)
        .token(&t)
        .header("If-Match", &etag)
        .json(&json!({"discount_percent": "6"}))
        .send()
        .await;
    let fresh = app
        .patch(&path)
        .token(&t)
        .header("If-Match", &format!("\"{id}.2\""))
        .json(&json!({"term_months": 12}))
        .send()
        .await;
    let version_in_body = patch(&app, &t, &id, json!({"version": 3})).await;
    let renumbered = patch(&app, &t, &id, json!({"number": 2})).await;
    let same_number = patch(&app, &t, &id, json!({"number": 1, "summary": "v1"})).await;

    assert_eq!(etag, format!("\"{id}.1\""), "the ETag carries the version");
    assert_eq!(read.body["version"], 1);
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["version"], 2);
    assert_eq!(changed.body["number"], 1, "the number does not move");
    assert_eq!(changed.header("etag"), Some(format!("\"{id}.2\"")));
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        stale.text
    );
    assert_eq!(stale.code(), "version_mismatch");
    assert_eq!(fresh.status, StatusCode::OK, "{}", fresh.text);
    assert_eq!(fresh.body["version"], 3);
    refused(&version_in_body, "version", "unknown_field");
    refused(&renumbered, "number", "immutable_field");
    assert_eq!(same_number.status, StatusCode::OK, "{}", same_number.text);
    let after = app.fetch(&t, &path).await;
    assert_eq!(after["discount_percent"], "5.00");
    assert_eq!(after["term_months"], 12);
    assert_eq!(after["number"], 1);
    assert_eq!(after["version"], 4);
}
both_backends!(
    version_is_the_concurrency_token_works,
    super::version_is_the_concurrency_token
);

async fn terms_round_trip_and_clear(app: TestApp) {
    let (t, o) = opportunity(&app, "EUR").await;
    let created = app
        .create(
            &t,
            "/api/v1/proposals",
            json!({"opportunity_id": o, "status": "sent", "sent_on": day(0),
                   "valid_until": day(30), "amount": "48000.5", "discount_percent": "12.5",
                   "term_months": 24}),
        )
        .await;
    let id = id_of(&created);
    let path = format!("/api/v1/proposals/{id}");
    let bare = app
        .create(&t, "/api/v1/proposals", json!({"opportunity_id": o}))
        .await;

    let read = app.fetch(&t, &path).await;
    let listed = app
        .walk(&t, &format!("/api/v1/proposals?opportunity_id={o}"))
        .await;
    let in_yen = patch(&app, &t, &id, json!({"amount": "1000", "currency": "JPY"})).await;
    let in_dollars = patch(&app, &t, &id, json!({"currency": "USD"})).await;
    let back = patch(&app, &t, &id, json!({"currency": null})).await;
    let cleared = patch(
        &app,
        &t,
        &id,
        json!({"amount": null, "discount_percent": null, "term_months": null, "valid_until": null}),
    )
    .await;

    for p in [&created, &read] {
        assert_eq!(p["amount"], "48000.50", "{p}");
        assert_eq!(p["currency"], "EUR", "the opportunity's currency: {p}");
        assert_eq!(p["discount_percent"], "12.50", "{p}");
        assert_eq!(p["term_months"], 24, "{p}");
        assert_eq!(p["sent_on"], day(0), "{p}");
        assert_eq!(p["valid_until"], day(30), "{p}");
    }
    assert!(listed
        .iter()
        .any(|p| p["id"] == id.as_str() && p["amount"] == "48000.50"));
    assert_eq!(bare["currency"], "EUR");
    for field in ["amount", "discount_percent", "term_months", "valid_until"] {
        assert!(bare[field].is_null(), "{field}: {bare}");
    }
    assert_eq!(in_yen.status, StatusCode::OK, "{}", in_yen.text);
    assert_eq!(in_yen.body["amount"], "1000");
    assert_eq!(in_yen.body["currency"], "JPY");
    assert_eq!(in_dollars.status, StatusCode::OK, "{}", in_dollars.text);
    assert_eq!(in_dollars.body["amount"], "1000.00", "re-read in dollars");
    assert_eq!(back.status, StatusCode::OK, "{}", back.text);
    assert_eq!(
        back.body["currency"], "EUR",
        "null is the opportunity's currency"
    );
    assert_eq!(back.body["amount"], "1000.00");
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    for field in ["amount", "discount_percent", "term_months", "valid_until"] {
        assert!(cleared.body[field].is_null(), "{field}: {}", cleared.text);
    }
    assert_eq!(cleared.body["currency"], "EUR");
    assert_eq!(cleared.body["sent_on"], day(0));
}
both_backends!(
    terms_round_trip_and_clear_works,
    super::terms_round_trip_and_clear
);

async fn bad_terms_are_422_naming_the_field_and_rule(app: TestApp) {
    let (t, o) = opportunity(&app, "USD").await;
    let p = app
        .create(
            &t,
            "/api/v1/proposals",
            json!({"opportunity_id": o, "amount": "10.50", "sent_on": day(0), "valid_until": day(10)}),
        )
        .await;
    let id = id_of(&p);

    let many = post(
        &app,
        &t,
        json!({"opportunity_id": o, "discount_percent": "100.01", "term_months": 0,
               "amount": "10.123", "sent_on": day(5), "valid_until": day(4)}),
    )
    .await;
    let long_term = post(&app, &t, json!({"opportunity_id": o, "term_months": 601})).await;
    let fine_discount = post(
        &app,
        &t,
        json!({"opportunity_id": o, "discount_percent": "1.234"}),
    )
    .await;
    let word_discount = post(
        &app,
        &t,
        json!({"opportunity_id": o, "discount_percent": "ten"}),
    )
    .await;
    let negative = post(&app, &t, json!({"opportunity_id": o, "amount": "-1"})).await;
    let yen_cents = post(
        &app,
        &t,
        json!({"opportunity_id": o, "amount": "5.5", "currency": "JPY"}),
    )
    .await;
    let lower_currency = post(&app, &t, json!({"opportunity_id": o, "currency": "usd"})).await;
    let term_text = post(&app, &t, json!({"opportunity_id": o, "term_months": "12"})).await;
    let sent_late = patch(&app, &t, &id, json!({"sent_on": day(11)})).await;
    let to_yen = patch(&app, &t, &id, json!({"currency": "JPY"})).await;
    let discount_over = patch(&app, &t, &id, json!({"discount_percent": "101"})).await;

    refused(&many, "discount_percent", "range");
    refused(&many, "term_months", "range");
    refused(&many, "amount", "too_many_decimals");
    refused(&many, "valid_until", "date_order");
    refused(&long_term, "term_months", "range");
    refused(&fine_discount, "discount_percent", "too_many_decimals");
    refused(&word_discount, "discount_percent", "invalid_decimal");
    refused(&negative, "amount", "negative_amount");
    refused(&yen_cents, "amount", "too_many_decimals");
    refused(&lower_currency, "currency", "unknown_currency");
    assert_eq!(
        term_text.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        term_text.text
    );
    assert!(
        term_text.error_fields().iter().any(|f| f == "term_months"),
        "{}",
        term_text.text
    );
    refused(&sent_late, "valid_until", "date_order");
    refused(&to_yen, "amount", "too_many_decimals");
    refused(&discount_over, "discount_percent", "range");
    let after = app.fetch(&t, &format!("/api/v1/proposals/{id}")).await;
    assert_eq!(after["version"], 1, "nothing refused was saved");
    assert_eq!(after["amount"], "10.50");
    assert_eq!(after["currency"], "USD");
}
both_backends!(
    bad_terms_are_422_naming_the_field_and_rule_works,
    super::bad_terms_are_422_naming_the_field_and_rule
);

/// The proposal's events, oldest first, once there are `n` of them.
async fn events_of(app: &TestApp, t: &str, id: &str, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let path = format!("/api/v1/events?resource_type=proposal&resource_id={id}&order=asc");
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

async fn events_show_the_terms_and_what_they_were(app: TestApp) {
    let (t, o) = opportunity(&app, "USD").await;
    let p = app
        .create(
            &t,
            "/api/v1/proposals",
            json!({"opportunity_id": o, "amount": "100.00", "discount_percent": "10",
                   "term_months": 12, "sent_on": day(0), "valid_until": day(14)}),
        )
        .await;
    let id = id_of(&p);
    let changed = patch(
        &app,
        &t,
        &id,
        json!({"amount": "90.00", "discount_percent": null, "valid_until": day(21)}),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);

    let events = events_of(&app, &t, &id, 2).await;

    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["proposal.created", "proposal.updated"]);
    let created = &events[0]["object"];
    assert_eq!(created["number"], 1);
    assert_eq!(created["version"], 1);
    assert_eq!(created["amount"], "100.00");
    assert_eq!(created["currency"], "USD");
    assert_eq!(created["discount_percent"], "10.00");
    assert_eq!(created["term_months"], 12);
    assert_eq!(created["valid_until"], day(14));
    assert!(created.get("revision").is_none(), "{created}");
    let updated = &events[1];
    assert_eq!(updated["object"]["amount"], "90.00");
    assert!(updated["object"]["discount_percent"].is_null());
    assert_eq!(updated["object"]["valid_until"], day(21));
    assert_eq!(updated["object"]["version"], 2);
    let previous = &updated["previous"];
    assert_eq!(previous["amount"], "100.00");
    assert_eq!(previous["discount_percent"], "10.00");
    assert_eq!(previous["valid_until"], day(14));
    assert!(
        previous.get("term_months").is_none() && previous.get("number").is_none(),
        "only what changed: {previous}"
    );
}
both_backends!(
    events_show_the_terms_and_what_they_were_works,
    super::events_show_the_terms_and_what_they_were
);
