//! The change log is written in the transaction of the change: a committed write leaves one
//! event per changed resource (and an audit row), a refused one leaves nothing. Read here
//! straight from the database; `GET /events` (the events issue) will serve them.

use accord::db::{self, DbTarget, PoolSettings};
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::TestApp;

#[derive(QueryableByName, Debug)]
struct Event {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    resource_id: String,
    #[diesel(sql_type = Text)]
    actor_kind: String,
    #[diesel(sql_type = Nullable<Text>)]
    actor_id: Option<String>,
    #[diesel(sql_type = Text)]
    previous: String,
    #[diesel(sql_type = Text)]
    object: String,
}

fn events_of(app: &TestApp, resource_id: &str) -> Vec<Event> {
    let target = DbTarget::parse(&app.database_url).unwrap();
    let pool = db::connect(
        &target,
        &PoolSettings {
            max_size: 1,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    let rows: Vec<Event> = diesel::sql_query(
        "SELECT type AS kind, CAST(resource_id AS TEXT) AS resource_id, actor_kind, \
         CAST(actor_id AS TEXT) AS actor_id, previous, object FROM events ORDER BY created_at, id",
    )
    .load(&mut **conn)
    .unwrap();
    rows.into_iter()
        .filter(|e| e.resource_id == resource_id)
        .collect()
}

fn audit_rows_of(app: &TestApp, resource_id: &str) -> usize {
    let target = DbTarget::parse(&app.database_url).unwrap();
    let pool = db::connect(
        &target,
        &PoolSettings {
            max_size: 1,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = Text)]
        resource_id: String,
    }
    let rows: Vec<Id> = diesel::sql_query(
        "SELECT CAST(resource_id AS TEXT) AS resource_id FROM audit_events WHERE resource_id IS NOT NULL",
    )
    .load(&mut **conn)
    .unwrap();
    rows.iter().filter(|r| r.resource_id == resource_id).count()
}

async fn committed_writes_leave_their_events_and_refused_ones_none(app: TestApp) {
    // Arrange
    let owner = app.signup("Change Log Ltd").await;
    let created = app
        .post("/api/v1/accounts")
        .token(&owner.token)
        .json(&json!({"name": "Globex", "status": "active"}))
        .send()
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.body["id"].as_str().unwrap().to_owned();

    // Act: a change, then a change refused whole (a stale version), then one refused by a rule.
    let changed = app
        .patch(&format!("/api/v1/accounts/{id}"))
        .token(&owner.token)
        .json(&json!({"name": "Globex Corporation"}))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let stale = app
        .patch(&format!("/api/v1/accounts/{id}"))
        .token(&owner.token)
        .header("If-Match", &format!("\"{id}.1\""))
        .json(&json!({"name": "Never"}))
        .send()
        .await;
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        stale.text
    );
    let refused = app
        .patch(&format!("/api/v1/accounts/{id}"))
        .token(&owner.token)
        .json(&json!({"name": ""}))
        .send()
        .await;
    assert!(refused.status.is_client_error(), "{}", refused.text);

    // Assert
    let events = events_of(&app, &id);
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["account.created", "account.updated"], "{events:?}");
    for e in &events {
        assert_eq!(e.actor_kind, "user");
        assert_eq!(e.actor_id.as_deref(), Some(owner.user_id.as_str()));
    }
    let previous: Value = serde_json::from_str(&events[1].previous).unwrap();
    assert_eq!(previous["name"], "Globex");
    assert!(
        previous.get("industry").is_none(),
        "only changed fields: {previous}"
    );
    let object: Value = serde_json::from_str(&events[1].object).unwrap();
    assert_eq!(object["name"], "Globex Corporation");
    assert_eq!(audit_rows_of(&app, &id), 2);
}
both_backends!(
    committed_writes_leave_their_events_works,
    super::committed_writes_leave_their_events_and_refused_ones_none
);
