//! `GET /me/agenda`: each kind of item for the right user only, oldest first, up to the date
//! asked for (today by default); and the follow-up filter of `/interactions`.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

/// (kind, resource id, due_on) of each item, in the order given.
fn items(agenda: &Value) -> Vec<(String, String, String)> {
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_owned(),
                i["resource"]["id"].as_str().unwrap().to_owned(),
                i["due_on"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn the_agenda_lists_what_is_due_for_its_user(app: TestApp) {
    let owner = app.signup("Agenda").await;
    let t = &owner.token;
    let kam = app.account_manager(t, "Kim").await;
    let am2 = app.account_manager(t, "Ann").await;
    let globex = app
        .client_account(
            t,
            json!({"name": "Globex", "tier": "key", "is_customer": true, "owner_id": kam.id, "check_in_every_days": 14}),
        )
        .await;
    // Another account of Kim's, checked in with recently: no check-in due.
    let recent = app
        .client_account(
            t,
            json!({"name": "Recent Co", "tier": "key", "owner_id": kam.id, "check_in_every_days": 60}),
        )
        .await;
    let contact = id_of(
        &app.create(
            &kam.token,
            "/api/v1/contacts",
            json!({"account_id": globex, "name": "Hank"}),
        )
        .await,
    );
    // Last check-in 40 days ago with a cadence of 14: due 26 days ago.
    let at = |d: i64| format!("{}T10:00:00Z", day(d));
    let early = app
        .create(
            &kam.token,
            "/api/v1/interactions",
            json!({"account_id": globex, "contact_ids": [contact], "kind": "meeting", "direction": "outbound",
                   "occurred_at": at(-40), "subject": "Kick-off", "follow_up_on": day(-30)}),
        )
        .await;
    // A follow-up promised 3 days ago for day +5; nothing after it: pending. The earlier
    // follow-up (day −30) was settled by this later contact.
    let promise = app
        .create(
            &kam.token,
            "/api/v1/interactions",
            json!({"account_id": globex, "kind": "call", "direction": "outbound", "occurred_at": at(-3),
                   "subject": "Pricing", "next_step": "Send the revised quote", "follow_up_on": day(5)}),
        )
        .await;
    // An internal note afterwards settles nothing.
    app.create(
        &kam.token,
        "/api/v1/interactions",
        json!({"account_id": globex, "kind": "note", "direction": "internal", "occurred_at": at(-1), "subject": "Thoughts"}),
    )
    .await;
    // Tasks: Kim's due day +2 (listed for day +7), Kim's due day +30 (not yet), Kim's done one,
    // and one the owner assigned to Ann on Kim's account.
    let task = app
        .create(
            t,
            "/api/v1/tasks",
            json!({"account_id": globex, "assignee_id": kam.id, "title": "Send the QBR deck", "due_on": day(2)}),
        )
        .await;
    app.create(
        t,
        "/api/v1/tasks",
        json!({"account_id": globex, "assignee_id": kam.id, "title": "Later", "due_on": day(30)}),
    )
    .await;
    let done = app
        .create(
            t,
            "/api/v1/tasks",
            json!({"account_id": globex, "assignee_id": kam.id, "title": "Done already", "due_on": day(1)}),
        )
        .await;
    let a = app
        .patch(&format!("/api/v1/tasks/{}", id_of(&done)))
        .token(t)
        .json(&json!({"status": "done"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let anns_task = app
        .create(
            t,
            "/api/v1/tasks",
            json!({"account_id": globex, "assignee_id": am2.id, "title": "Ann's task", "due_on": day(1)}),
        )
        .await;
    // A risk whose action plan has a step for each of them, and one already done.
    let risk = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": globex, "kind": "complaint", "severity": "medium", "description": "Slow support",
                   "action_plan": [
                       {"step": "Exec sponsor dinner", "owner_id": kam.id, "due_on": day(3), "done": false},
                       {"step": "Already did this", "owner_id": kam.id, "due_on": day(1), "done": true},
                       {"step": "Ann's step", "owner_id": am2.id, "due_on": day(4), "done": false}]}),
        )
        .await;
    // A resolved risk's open step is no longer due.
    let settled = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": globex, "kind": "complaint", "severity": "low", "description": "Old",
                   "action_plan": [{"step": "Moot", "owner_id": kam.id, "due_on": day(1), "done": false}]}),
        )
        .await;
    let a = app
        .patch(&format!("/api/v1/risks/{}", id_of(&settled)))
        .token(t)
        .json(&json!({"status": "resolved", "resolution": "went away"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // An invoice issued 40 days ago, due 5 days ago, unpaid.
    let invoice = app
        .issued(
            t,
            "invoices",
            json!({"account_id": globex, "issue_date": day(-40), "due_date": day(-5), "currency": "USD",
                   "lines": [{"description": "Implementation", "quantity": "1", "unit_price": "1000.00"}]}),
        )
        .await;
    // Not yet due: not on the agenda.
    app.issued(
        t,
        "invoices",
        json!({"account_id": globex, "issue_date": day(-1), "due_date": day(29), "currency": "USD",
               "lines": [{"description": "Support", "quantity": "1", "unit_price": "10.00"}]}),
    )
    .await;
    // An active plan whose review is due in four days; a closed one's review is nobody's.
    let plan_of = |status: &str, review: i64| {
        json!({"account_id": globex, "title": format!("FY plan ({status})"), "period_start": day(-30),
               "period_end": day(335), "status": status, "next_review_on": day(review)})
    };
    let plan = app
        .create(&kam.token, "/api/v1/account-plans", plan_of("active", 4))
        .await;
    app.create(&kam.token, "/api/v1/account-plans", plan_of("closed", -10))
        .await;

    let agenda = app
        .fetch(&kam.token, &format!("/api/v1/me/agenda?date={}", day(7)))
        .await;
    assert_eq!(agenda["date"], day(7));
    let got = items(&agenda);
    assert_eq!(
        got,
        vec![
            ("check_in".to_owned(), globex.clone(), day(-26)),
            ("overdue_invoice".to_owned(), id_of(&invoice), day(-5)),
            ("task".to_owned(), id_of(&task), day(2)),
            ("risk_step".to_owned(), id_of(&risk), day(3)),
            ("plan_review".to_owned(), id_of(&plan), day(4)),
            ("follow_up".to_owned(), id_of(&promise), day(5)),
        ],
        "{agenda}"
    );
    assert!(!got
        .iter()
        .any(|(_, id, _)| *id == recent || *id == id_of(&early)));
    let all = agenda["items"].as_array().unwrap();
    assert!(all
        .iter()
        .all(|i| i["account_id"] == globex.as_str() && i["account_name"] == "Globex"));
    let overdue: Vec<bool> = all
        .iter()
        .map(|i| i["overdue"].as_bool().unwrap())
        .collect();
    assert_eq!(overdue, [true, true, true, true, true, true]);
    assert_eq!(all[0]["resource"]["type"], "account");
    assert_eq!(all[1]["resource"]["type"], "invoice");
    assert_eq!(all[2]["title"], "Send the QBR deck");
    assert_eq!(all[3]["resource"]["type"], "risk");
    assert_eq!(all[3]["title"], "Exec sponsor dinner");
    assert_eq!(all[4]["resource"]["type"], "account_plan");
    assert_eq!(all[4]["title"], "Review the plan: FY plan (active)");
    assert_eq!(all[5]["resource"]["type"], "interaction");
    assert_eq!(all[5]["title"], "Send the revised quote");

    // On the day something is due it is not overdue yet.
    let on_the_day = app
        .fetch(&kam.token, &format!("/api/v1/me/agenda?date={}", day(5)))
        .await;
    let last = on_the_day["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["kind"].as_str(), last["overdue"].as_bool()),
        (Some("follow_up"), Some(false))
    );

    // By default: today, so only what is already due.
    let today = app.fetch(&kam.token, "/api/v1/me/agenda").await;
    assert_eq!(today["date"], day(0));
    assert_eq!(
        items(&today),
        vec![
            ("check_in".to_owned(), globex.clone(), day(-26)),
            ("overdue_invoice".to_owned(), id_of(&invoice), day(-5)),
        ]
    );

    // Ann sees her own task and step, nothing of Kim's.
    let anns = app
        .fetch(&am2.token, &format!("/api/v1/me/agenda?date={}", day(7)))
        .await;
    assert_eq!(
        items(&anns),
        vec![
            ("task".to_owned(), id_of(&anns_task), day(1)),
            ("risk_step".to_owned(), id_of(&risk), day(4)),
        ]
    );
    // The owner, who created most of it, has nothing due.
    let owners = app
        .fetch(t, &format!("/api/v1/me/agenda?date={}", day(7)))
        .await;
    assert_eq!(owners["items"], json!([]));

    // Kim's API key acts for Kim: the same agenda.
    let key = app
        .create_api_key(&kam.token, &json!({"name": "calendar sync"}))
        .await;
    assert_eq!(key.status, StatusCode::CREATED, "{}", key.text);
    let by_key = app
        .fetch(
            key.body["key"].as_str().unwrap(),
            &format!("/api/v1/me/agenda?date={}", day(7)),
        )
        .await;
    assert_eq!(items(&by_key), got);

    // Interactions filtered by their follow-up date.
    let listed = app
        .walk(
            t,
            &format!(
                "/api/v1/interactions?follow_up_from={}&follow_up_to={}",
                day(0),
                day(10)
            ),
        )
        .await;
    let ids: Vec<String> = listed.iter().map(id_of).collect();
    assert_eq!(ids, vec![id_of(&promise)]);
    let listed = app
        .walk(t, &format!("/api/v1/interactions?follow_up_to={}", day(0)))
        .await;
    let ids: Vec<String> = listed.iter().map(id_of).collect();
    assert_eq!(ids, vec![id_of(&early)]);
    let a = app
        .get(&format!(
            "/api/v1/interactions?follow_up_from={}&follow_up_to={}",
            day(5),
            day(1)
        ))
        .token(t)
        .send()
        .await;
    assert_field_refused(&a, "date_order", "follow_up_to");
}
both_backends!(
    the_agenda_lists_what_is_due_for_its_user_works,
    super::the_agenda_lists_what_is_due_for_its_user
);
