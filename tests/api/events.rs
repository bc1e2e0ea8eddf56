//! `GET /events` as a change feed (every event once, in commit order, while writers commit
//! concurrently and one holds its transaction open), its filters and cursor rules, and the audit
//! trail with its hash chain.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use accord::db::{self, DbTarget, PoolSettings, PooledConn};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::{Backend, TestApp, PASSWORD};

fn raw_connection(app: &TestApp) -> PooledConn {
    let target = DbTarget::parse(&app.database_url).unwrap();
    let pool = db::connect(
        &target,
        &PoolSettings {
            max_size: 1,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap();
    pool.get().unwrap()
}

/// Follows the feed from `cursor` until a page has nothing more; returns the events and the
/// cursor to resume from.
async fn follow(app: &TestApp, token: &str, mut cursor: Option<String>) -> (Vec<Value>, String) {
    let mut seen = Vec::new();
    loop {
        let mut path = "/api/v1/events?order=asc&limit=7".to_owned();
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page = app.get(&path).token(token).send().await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let next = page.body["next_cursor"].as_str();
        assert!(
            next.is_some(),
            "every ascending page says where to resume: {}",
            page.text
        );
        cursor = next.map(str::to_owned);
        seen.extend(page.body["data"].as_array().unwrap().iter().cloned());
        if page.body["has_more"] != json!(true) {
            return (seen, cursor.unwrap_or_default());
        }
    }
}

async fn create_accounts(base: String, client: reqwest::Client, token: String, writer: usize) {
    for i in 0..6 {
        let r = client
            .post(format!("{base}/api/v1/accounts"))
            .bearer_auth(&token)
            .json(&json!({"name": format!("Writer {writer} account {i}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
    }
}

async fn the_feed_gives_every_event_once_in_commit_order(app: TestApp) {
    // Arrange
    let owner = app.signup("Feed Ltd").await;
    let (_, mut cursor) = follow(&app, &owner.token, None).await;
    // On PostgreSQL a writer holds its transaction open after recording an event stamped
    // earlier than everything the other writers record; SQLite admits one writer at a time,
    // so there the writers only run concurrently.
    let mut held = None;
    let held_id = uuid::Uuid::now_v7().to_string();
    if app.backend == Backend::Postgres {
        let mut conn = raw_connection(&app);
        conn.batch_execute(&format!(
            "BEGIN; INSERT INTO events (id, organization_id, type, created_at, actor_kind, \
             resource_type, resource_id, object, previous) VALUES ('{held_id}', \
             '{org}', 'account.updated', now() - interval '1 minute', 'system', 'account', \
             '{held_id}', '{{}}', '{{}}')",
            org = owner.organization_id
        ))
        .unwrap();
        held = Some(conn);
    }

    // Act: 16 writers commit while the reader pages.
    let writers: Vec<_> = (0..16)
        .map(|w| {
            actix_web::rt::spawn(create_accounts(
                app.base.clone(),
                app.client.clone(),
                owner.token.clone(),
                w,
            ))
        })
        .collect();
    let mut seen: Vec<Value> = Vec::new();
    let mut writers_done = false;
    let mut writers = Some(writers);
    let mut seen_before_commit = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (page, next) = follow(&app, &owner.token, Some(cursor.clone())).await;
        seen.extend(page);
        cursor = next;
        if !writers_done && writers.as_ref().unwrap().iter().all(|w| w.is_finished()) {
            for w in writers.take().unwrap() {
                w.await.unwrap();
            }
            writers_done = true;
            // The held transaction commits only now, after everything else.
            if let Some(mut conn) = held.take() {
                seen_before_commit = seen.len();
                conn.batch_execute("COMMIT").unwrap();
            }
        }
        let created = seen
            .iter()
            .filter(|e| e["type"] == "account.created")
            .count();
        let held_seen =
            app.backend != Backend::Postgres || seen.iter().any(|e| e["id"] == held_id.as_str());
        if writers_done && created >= 96 && held_seen {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the feed fell behind: {created} of 96"
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    // A little later the feed still has nothing new.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let (late, _) = follow(&app, &owner.token, Some(cursor)).await;

    // Assert: each event once, the held one after those that committed before it.
    assert!(late.is_empty(), "nothing more: {late:?}");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for e in &seen {
        *counts
            .entry(e["id"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert!(counts.values().all(|n| *n == 1), "an event came twice");
    let created = seen
        .iter()
        .filter(|e| e["type"] == "account.created")
        .count();
    assert_eq!(created, 96);
    if app.backend == Backend::Postgres {
        // It was stamped before every other event, yet comes after all that the reader had
        // already passed: it is positioned by its commit, not by when it was recorded.
        let at = seen
            .iter()
            .position(|e| e["id"] == held_id.as_str())
            .unwrap();
        assert!(
            seen_before_commit > 0 && at >= seen_before_commit,
            "{at} < {seen_before_commit}"
        );
    }
}
both_backends!(
    the_feed_gives_every_event_once_works,
    super::the_feed_gives_every_event_once_in_commit_order
);

async fn events_filter_and_cursors_expire(app: TestApp) {
    // Arrange
    let owner = app.signup("Filters Ltd").await;
    let account = app
        .create(&owner.token, "/api/v1/accounts", json!({"name": "Hooli"}))
        .await;
    let id = account["id"].as_str().unwrap();
    let renamed = app
        .call(
            reqwest::Method::PATCH,
            &format!("/api/v1/accounts/{id}"),
            &owner.token,
            Some(&json!({"name": "Hooli XYZ"})),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    let viewer = app.colleague(&owner.token, "viewer").await;
    let accountant = app.colleague(&owner.token, "accountant").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let path = format!("/api/v1/events?resource_type=account&resource_id={id}");
    let mine = loop {
        let a = app.get(&path).token(&owner.token).send().await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        if a.body["data"].as_array().unwrap().len() == 2 || Instant::now() > deadline {
            break a;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    };

    // Act
    let by_pattern = app
        .get("/api/v1/events?type=account.*&order=asc")
        .token(&owner.token)
        .send()
        .await;
    let exact = app
        .get("/api/v1/events?type=account.updated")
        .token(&owner.token)
        .send()
        .await;
    let bad_type = app
        .get("/api/v1/events?type=Account%20Created")
        .token(&owner.token)
        .send()
        .await;
    let foreign = URL_SAFE_NO_PAD.encode(br#"{"d":"another-database","s":1,"o":"asc"}"#);
    let foreign = app
        .get(&format!("/api/v1/events?order=asc&cursor={foreign}"))
        .token(&owner.token)
        .send()
        .await;
    let garbage = app
        .get("/api/v1/events?order=asc&cursor=not-a-cursor")
        .token(&owner.token)
        .send()
        .await;
    let as_viewer = app.get("/api/v1/events").token(&viewer.token).send().await;
    let as_accountant = app
        .get("/api/v1/events")
        .token(&accountant.token)
        .send()
        .await;

    // Assert
    let types: Vec<&str> = mine.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["account.updated", "account.created"],
        "newest first"
    );
    let updated = &mine.body["data"][0];
    assert_eq!(updated["previous"]["name"], "Hooli");
    assert_eq!(updated["object"]["name"], "Hooli XYZ");
    assert_eq!(updated["actor"]["kind"], "user");
    assert_eq!(updated["actor"]["id"], owner.user_id.as_str());
    assert_eq!(updated["resource"], json!({"type": "account", "id": id}));
    assert!(updated["request_id"].is_string());
    let all_accounts = by_pattern.body["data"].as_array().unwrap();
    assert!(all_accounts
        .iter()
        .all(|e| e["type"].as_str().unwrap().starts_with("account.")));
    assert!(all_accounts.len() >= 2);
    assert!(exact.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "account.updated"));
    assert_eq!(bad_type.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_type.error_fields(), ["type"]);
    assert_eq!(foreign.status, StatusCode::GONE, "{}", foreign.text);
    assert_eq!(foreign.code(), "cursor_expired");
    assert_eq!(garbage.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(as_viewer.status, StatusCode::FORBIDDEN);
    assert_eq!(as_accountant.status, StatusCode::FORBIDDEN);
}
both_backends!(
    events_filter_and_cursors_expire_works,
    super::events_filter_and_cursors_expire
);

/// Waits until the organization's audit trail is chained and returns `verify`'s answer.
async fn verified(app: &TestApp, token: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let v = app.fetch(token, "/api/v1/audit-events/verify").await;
        if v["unsealed"] == 0 || Instant::now() > deadline {
            return v;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn the_audit_trail_keeps_who_changed_what_and_detects_tampering(app: TestApp) {
    // Arrange
    let owner = app.signup("Audit Ltd").await;
    let account = app
        .create(
            &owner.token,
            "/api/v1/accounts",
            json!({"name": "Pied Piper"}),
        )
        .await;
    let id = account["id"].as_str().unwrap().to_owned();
    let renamed = app
        .call(
            reqwest::Method::PATCH,
            &format!("/api/v1/accounts/{id}"),
            &owner.token,
            Some(&json!({"name": "Pied Piper Inc"})),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    let failed = app
        .post("/api/v1/auth/token")
        .header("X-Forwarded-For", "203.0.113.9")
        .json(&json!({"email": owner.email, "password": "not the password"}))
        .send()
        .await;
    assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
    app.login(&owner.email, PASSWORD).await;

    // Act
    let intact = verified(&app, &owner.token).await;
    let trail = app
        .fetch(
            &owner.token,
            &format!("/api/v1/audit-events?resource_type=account&resource_id={id}"),
        )
        .await;
    let sessions = app
        .fetch(
            &owner.token,
            "/api/v1/audit-events?action=auth.sign_in_failed",
        )
        .await;
    let signed_in = app
        .fetch(&owner.token, "/api/v1/audit-events?action=auth.signed_in")
        .await;
    let mut conn = raw_connection(&app);
    diesel::sql_query(format!(
        "UPDATE audit_events SET after = '{{\"name\":\"Someone Else\"}}' \
         WHERE action = 'account.updated' AND CAST(resource_id AS TEXT) = '{id}'"
    ))
    .execute(&mut **conn)
    .unwrap();
    let tampered = verified(&app, &owner.token).await;

    // Assert
    assert_eq!(intact["ok"], true, "{intact}");
    assert!(intact["checked"].as_i64().unwrap() >= 4, "{intact}");
    assert!(intact["first_broken_id"].is_null());
    let rows = trail["data"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{trail}");
    let edit = &rows[0];
    assert_eq!(edit["action"], "account.updated");
    assert_eq!(edit["before"]["name"], "Pied Piper");
    assert_eq!(edit["after"]["name"], "Pied Piper Inc");
    assert_eq!(edit["actor"]["id"], owner.user_id.as_str());
    assert_eq!(edit["client_ip"], "127.0.0.1");
    assert!(edit["hash"].as_str().unwrap().len() == 64 && edit["seq"].is_i64());
    let failure = &sessions["data"][0];
    assert_eq!(failure["resource"]["id"], owner.user_id.as_str());
    assert_eq!(
        failure["client_ip"], "127.0.0.1",
        "X-Forwarded-For from an untrusted peer is not believed"
    );
    assert!(!signed_in["data"].as_array().unwrap().is_empty());
    assert_eq!(tampered["ok"], false, "{tampered}");
    assert_eq!(tampered["first_broken_id"], edit["id"]);
}
both_backends!(
    the_audit_trail_works,
    super::the_audit_trail_keeps_who_changed_what_and_detects_tampering
);

async fn removing_the_newest_audit_rows_is_detected(app: TestApp) {
    // Arrange
    let owner = app.signup("Truncate Ltd").await;
    app.create(&owner.token, "/api/v1/accounts", json!({"name": "Aviato"}))
        .await;
    let before = verified(&app, &owner.token).await;
    let newest: Value = app
        .fetch(&owner.token, "/api/v1/audit-events?limit=1")
        .await;

    // Act
    let mut conn = raw_connection(&app);
    diesel::sql_query(format!(
        "DELETE FROM audit_events WHERE CAST(id AS TEXT) = '{}'",
        newest["data"][0]["id"].as_str().unwrap()
    ))
    .execute(&mut **conn)
    .unwrap();
    let after = verified(&app, &owner.token).await;

    // Assert
    assert_eq!(before["ok"], true, "{before}");
    assert_eq!(after["ok"], false, "{after}");
    assert!(
        after["reason"].as_str().unwrap().contains("removed"),
        "{after}"
    );
}
both_backends!(
    removing_the_newest_audit_rows_works,
    super::removing_the_newest_audit_rows_is_detected
);
