//! Invoices seen from the CRM: on the account timeline, and named by disputes.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::Billing;
use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::TestApp;

async fn timeline_shows_invoices_credit_notes_and_payments(app: TestApp) {
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
    let other = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Other", "is_customer": true}),
        )
        .await,
    );
    let inv = b.invoice(&app, t, &globex, (-30, 0), "300.00").await;
    let pay = b
        .payment(&app, t, &globex, -5, "100.00", &id_of(&inv))
        .await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&inv), -2, "50.00")
        .await;
    b.invoice(&app, t, &other, (-1, 29), "10.00").await;
    // A draft is not on the timeline.
    app.create(
        t,
        "/api/v1/invoices",
        json!({"account_id": globex, "issue_date": day(-1), "currency": "USD",
               "lines": [b.line("1.00", "1")]}),
    )
    .await;
    app.create(
        t,
        "/api/v1/tasks",
        json!({"account_id": globex, "title": "Chase the remainder"}),
    )
    .await;

    let page = app
        .fetch(t, &format!("/api/v1/accounts/{globex}/timeline"))
        .await;
    let entries = page["data"].as_array().unwrap();
    let types: Vec<&str> = entries
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["task", "credit_note", "payment", "invoice"],
        "{page}"
    );
    let ats: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = ats.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ats, sorted, "newest first");
    let invoice = &entries[3];
    assert_eq!(invoice["id"], inv["id"]);
    assert!(invoice["at"].as_str().unwrap().starts_with(&day(-30)));
    assert_eq!(
        invoice["title"],
        format!("invoice {}", inv["number"].as_str().unwrap())
    );
    assert_eq!(invoice["detail"], format!("330.00 USD due {}", day(0)));
    assert_eq!(invoice["status"], "partially_paid");
    assert_eq!(entries[2]["id"], pay["id"]);
    assert_eq!(entries[2]["title"], "payment received");
    assert_eq!(entries[2]["detail"], "100.00 USD (wire)");
    assert_eq!(entries[2]["status"], "posted");
    assert_eq!(entries[1]["id"], cn["id"]);
    assert_eq!(entries[1]["detail"], "55.00 USD");
    // Pages follow the same order.
    let first = app
        .fetch(t, &format!("/api/v1/accounts/{globex}/timeline?limit=2"))
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .fetch(
            t,
            &format!("/api/v1/accounts/{globex}/timeline?limit=2&cursor={cursor}"),
        )
        .await;
    let ids: Vec<&Value> = first["data"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["data"].as_array().unwrap())
        .map(|e| &e["id"])
        .collect();
    let all: Vec<&Value> = entries.iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, all);
}
both_backends!(
    timeline_shows_invoices_credit_notes_and_payments_works,
    super::timeline_shows_invoices_credit_notes_and_payments
);

async fn a_dispute_names_invoices_of_its_account(app: TestApp) {
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
    let initech = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Initech", "is_customer": true}),
        )
        .await,
    );
    let mine = b.invoice(&app, t, &globex, (-40, -10), "100.00").await;
    let theirs = b.invoice(&app, t, &initech, (-40, -10), "100.00").await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&mine), -5, "10.00")
        .await;
    let stranger = app.signup("Elsewhere").await;
    let sb = Billing::open(&app, &stranger.token).await;
    let far = id_of(
        &app.create(
            &stranger.token,
            "/api/v1/accounts",
            json!({"name": "Far", "is_customer": true}),
        )
        .await,
    );
    let foreign = sb
        .invoice(&app, &stranger.token, &far, (-40, -10), "1.00")
        .await;

    let r = app
        .post("/api/v1/risks")
        .token(t)
        .json(&json!({"account_id": globex, "kind": "dispute", "severity": "medium",
                      "description": "billing", "disputed_amount": "50.00",
                      "invoice_ids": [id_of(&mine), id_of(&theirs), uuid::Uuid::now_v7(), id_of(&cn), id_of(&foreign)]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let errors: Vec<(String, String)> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for expected in [
        ("invoice_ids[1]", "account_mismatch"),
        ("invoice_ids[2]", "not_found"),
        ("invoice_ids[3]", "not_an_invoice"),
        ("invoice_ids[4]", "not_found"),
    ] {
        assert!(
            errors.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {errors:?}"
        );
    }
    assert!(!errors.iter().any(|(f, _)| f == "invoice_ids[0]"));
    // Its own invoice is accepted (once), on create and on PATCH.
    let d = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": globex, "kind": "dispute", "severity": "medium",
               "description": "billing", "invoice_ids": [id_of(&mine), id_of(&mine)]}),
        )
        .await;
    assert_eq!(d["invoice_ids"], json!([id_of(&mine)]));
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&d)))
        .token(t)
        .json(&json!({"invoice_ids": [id_of(&theirs)]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.error_fields(), ["invoice_ids[0]"]);
}
both_backends!(
    a_dispute_names_invoices_of_its_account_works,
    super::a_dispute_names_invoices_of_its_account
);
