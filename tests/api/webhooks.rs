//! `/webhooks`: secrets shown once, deliveries signed per the Standard Webhooks specification
//! (checked here with the published `standardwebhooks` crate, not the server's code),
//! retries on a short schedule, manual retries, rotation with two signatures, the SSRF guard,
//! and who may manage webhooks. A receiver on loopback answers with the status it is told.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use accord::app::webhooks::enqueue;
use accord::db::events::EventRow;
use accord::db::{self, DbTarget, PoolSettings};
use accord::domain::ids::{EventId, OrganizationId};
use actix_web::{web, HttpRequest, HttpResponse, HttpServer};
use base64::Engine;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::http::id_of;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{spawn_app_with, Backend, TestApp};

// ---------------------------------------------------------------------------------------------
// A receiver on loopback

#[derive(Debug, Clone)]
struct Received {
    id: String,
    timestamp: String,
    signature: String,
    content_type: String,
    body: String,
}

#[derive(Clone)]
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
    answer: Arc<AtomicU16>,
}

async fn receive(req: HttpRequest, body: web::Bytes, r: web::Data<Receiver>) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    r.received.lock().unwrap().push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        content_type: header("content-type"),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let status = r.answer.load(Ordering::SeqCst);
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).finish()
}

impl Receiver {
    /// Listens on loopback and answers `status` until told otherwise.
    fn start(status: u16) -> Receiver {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let receiver = Receiver {
            url: format!("http://127.0.0.1:{port}/hooks/accord"),
            received: Arc::new(Mutex::new(Vec::new())),
            answer: Arc::new(AtomicU16::new(status)),
        };
        let data = web::Data::new(receiver.clone());
        let server = HttpServer::new(move || {
            actix_web::App::new()
                .app_data(data.clone())
                .default_service(web::to(receive))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        actix_web::rt::spawn(server);
        receiver
    }

    fn answer(&self, status: u16) {
        self.answer.store(status, Ordering::SeqCst);
    }

    /// What arrived, once at least `n` requests have (or after 20 s, failing).
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            let got = self.received.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "expected {n} deliveries, got {:?}",
            self.received.lock().unwrap()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Standard Webhooks verification, by the published `standardwebhooks` crate

/// 1 when the published `standardwebhooks` library verifies the delivery with `secret`
/// (`whsec_` + base64 key; it checks `id.timestamp.body` and the five-minute tolerance),
/// else 0.
fn verifying(secret: &str, r: &Received) -> usize {
    let mut headers = http::HeaderMap::new();
    for (name, value) in [
        ("webhook-id", &r.id),
        ("webhook-timestamp", &r.timestamp),
        ("webhook-signature", &r.signature),
    ] {
        headers.insert(name, http::HeaderValue::from_str(value).unwrap());
    }
    let hook = standardwebhooks::Webhook::new(secret).unwrap();
    usize::from(hook.verify(r.body.as_bytes(), &headers).is_ok())
}

#[track_caller]
fn assert_fresh(r: &Received) {
    let ts: i64 = r
        .timestamp
        .parse()
        .expect("webhook-timestamp is integer seconds");
    let now = chrono::Utc::now().timestamp();
    assert!((now - ts).abs() < 60, "stale timestamp {ts} (now {now})");
}

// ---------------------------------------------------------------------------------------------
// Helpers

async fn create_webhook(app: &TestApp, token: &str, body: Value) -> Value {
    app.create(token, "/api/v1/webhooks", body).await
}

/// The webhook's deliveries once `done` holds of them (or after 20 s, failing).
async fn deliveries_until(
    app: &TestApp,
    token: &str,
    webhook: &str,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let path = format!("/api/v1/webhooks/{webhook}/deliveries?limit=200");
    let mut last = Vec::new();
    for _ in 0..200 {
        last = app.walk(token, &path).await;
        if done(&last) {
            return last;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("deliveries never got there: {last:#?}");
}

fn pool_of(app: &TestApp) -> db::Pool {
    db::connect(
        &DbTarget::parse(&app.database_url).unwrap(),
        &PoolSettings {
            max_size: 1,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap()
}

async fn spawn(
    backend: Backend,
    adjust: impl FnOnce(&mut accord::config::Config),
) -> Option<TestApp> {
    spawn_app_with(backend, adjust).await
}

/// Like `both_backends!`, for tests that need their own configuration.
macro_rules! both_backends_with {
    ($name:ident, $adjust:expr, $body:path) => {
        mod $name {
            #[actix_web::test]
            async fn sqlite() {
                if let Some(app) = super::spawn($crate::support::Backend::Sqlite, $adjust).await {
                    $body(app).await;
                }
            }

            #[actix_web::test]
            async fn postgres() {
                if let Some(app) = super::spawn($crate::support::Backend::Postgres, $adjust).await {
                    $body(app).await;
                }
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Tests

async fn the_secret_is_shown_once(app: TestApp) {
    // Arrange
    let owner = app.signup("Hooks Ltd").await;

    // Act
    let created = app
        .post("/api/v1/webhooks")
        .token(&owner.token)
        .header("Idempotency-Key", "hook-1")
        .json(&json!({"url": "http://127.0.0.1:9/hook", "events": ["invoice.*", "account.created"], "description": "ERP"}))
        .send()
        .await;
    let replay = app
        .post("/api/v1/webhooks")
        .token(&owner.token)
        .header("Idempotency-Key", "hook-1")
        .json(&json!({"url": "http://127.0.0.1:9/hook", "events": ["invoice.*", "account.created"], "description": "ERP"}))
        .send()
        .await;

    // Assert
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = id_of(&created.body);
    assert_eq!(
        created.header("location").as_deref(),
        Some(format!("/api/v1/webhooks/{id}").as_str())
    );
    let secret = created.body["secret"].as_str().unwrap();
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    assert_eq!(key.len(), 32);
    assert_eq!(created.body["status"], "active");
    assert_eq!(created.body["version"], 1);
    assert_eq!(replay.status, StatusCode::CREATED, "{}", replay.text);
    assert_eq!(
        replay.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert!(replay.body["secret"].is_null(), "{}", replay.text);
    let got = app
        .fetch(&owner.token, &format!("/api/v1/webhooks/{id}"))
        .await;
    assert!(got.get("secret").is_none(), "{got}");
    assert_eq!(got["events"], json!(["account.created", "invoice.*"]));
    let listed = app.walk(&owner.token, "/api/v1/webhooks?limit=10").await;
    assert_eq!(listed.len(), 1);
    assert!(listed[0].get("secret").is_none());
    assert!(!created.text.is_empty() && !got.to_string().contains(secret));
}
both_backends!(
    the_secret_is_shown_once_works,
    super::the_secret_is_shown_once
);

async fn a_test_event_arrives_signed(app: TestApp) {
    // Arrange: subscribed to something that does not happen here (a `*` webhook would also
    // get its own `webhook.created`); the test event goes to it regardless.
    let owner = app.signup("Hooks Ltd").await;
    let receiver = Receiver::start(200);
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["invoice.paid"]}),
    )
    .await;
    let id = id_of(&hook);
    let secret = hook["secret"].as_str().unwrap();

    // Act
    let queued = app
        .act(
            &owner.token,
            &format!("/api/v1/webhooks/{id}/test"),
            json!({}),
        )
        .await;

    // Assert
    assert_eq!(queued["event_type"], "webhook.test");
    assert_eq!(queued["status"], "pending");
    let got = receiver.wait_for(1).await;
    let r = &got[0];
    assert_eq!(verifying(secret, r), 1, "{r:?}");
    assert_fresh(r);
    assert_eq!(r.content_type, "application/json");
    let body: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body["type"], "webhook.test");
    assert!(body["timestamp"].as_str().unwrap().ends_with('Z'), "{body}");
    let data = &body["data"];
    assert!(data.get("type").is_none(), "{data}");
    assert_eq!(data["id"], queued["event_id"]);
    assert_eq!(r.id, queued["event_id"].as_str().unwrap());
    assert_eq!(data["resource"], json!({"type": "webhook", "id": id}));
    assert_eq!(data["actor"], json!({"kind": "user", "id": owner.user_id}));
    assert_eq!(data["object"]["id"], id);
    assert!(data["object"].get("secret").is_none());
    assert_eq!(data["previous"], json!({}));
    let log = deliveries_until(&app, &owner.token, &id, |d| {
        d.first().is_some_and(|d| d["status"] == "succeeded")
    })
    .await;
    assert_eq!(log[0]["attempts"].as_array().unwrap().len(), 1);
    assert_eq!(log[0]["attempts"][0]["response_status"], 200);
    assert!(log[0]["next_attempt_at"].is_null());
}
both_backends!(
    a_test_event_arrives_signed_works,
    super::a_test_event_arrives_signed
);

async fn failures_are_retried_then_failed_and_a_manual_retry_sends_again(app: TestApp) {
    // Arrange: a schedule of two one-second waits (three attempts in all); subscribed to
    // nothing that happens here, so only the test event is sent.
    let owner = app.signup("Hooks Ltd").await;
    let receiver = Receiver::start(500);
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["invoice.paid"]}),
    )
    .await;
    let id = id_of(&hook);
    let secret = hook["secret"].as_str().unwrap().to_owned();

    // Act
    app.act(
        &owner.token,
        &format!("/api/v1/webhooks/{id}/test"),
        json!({}),
    )
    .await;
    let log = deliveries_until(&app, &owner.token, &id, |d| {
        d.first().is_some_and(|d| d["status"] == "failed")
    })
    .await;

    // Assert: three attempts, each a 500, each signed afresh.
    let delivery = &log[0];
    let attempts = delivery["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3, "{delivery:#}");
    for a in attempts {
        assert_eq!(a["response_status"], 500);
        assert!(a["error"].is_null());
        assert!(a["latency_ms"].as_u64().is_some());
    }
    let got = receiver.wait_for(3).await;
    assert!(got.iter().all(|r| verifying(&secret, r) == 1));
    assert!(got.iter().all(|r| r.id == got[0].id), "one event id");

    // Act: the endpoint recovers; a manual retry sends it again.
    receiver.answer(204);
    let delivery_id = id_of(delivery);
    let retried = app
        .act(
            &owner.token,
            &format!("/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry"),
            json!({}),
        )
        .await;
    assert_eq!(retried["status"], "pending");
    let log = deliveries_until(&app, &owner.token, &id, |d| {
        d.first().is_some_and(|d| d["status"] == "succeeded")
    })
    .await;
    let attempts = log[0]["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 4);
    assert_eq!(attempts[3]["response_status"], 204);

    // Another webhook's delivery is not this one's.
    let other = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["*"]}),
    )
    .await;
    let a = app
        .post(&format!(
            "/api/v1/webhooks/{}/deliveries/{delivery_id}/retry",
            id_of(&other)
        ))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
}
both_backends_with!(
    failures_are_retried_works,
    |c: &mut accord::config::Config| c.webhook_retry_schedule = vec![1, 1],
    super::failures_are_retried_then_failed_and_a_manual_retry_sends_again
);

async fn a_rotated_secret_signs_beside_the_new_one(app: TestApp) {
    // Arrange
    let owner = app.signup("Hooks Ltd").await;
    let receiver = Receiver::start(200);
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["webhook.*"]}),
    )
    .await;
    let id = id_of(&hook);
    let old = hook["secret"].as_str().unwrap().to_owned();

    // Act
    let rotated = app
        .act(
            &owner.token,
            &format!("/api/v1/webhooks/{id}/rotate-secret"),
            json!({}),
        )
        .await;
    app.act(
        &owner.token,
        &format!("/api/v1/webhooks/{id}/test"),
        json!({}),
    )
    .await;

    // Assert
    let new = rotated["secret"].as_str().unwrap();
    assert!(new.starts_with("whsec_") && new != old);
    assert_eq!(rotated["version"], 2);
    let got = receiver.wait_for(1).await;
    let r = &got[0];
    assert_eq!(r.signature.split(' ').count(), 2, "{r:?}");
    assert_eq!(verifying(new, r), 1, "{r:?}");
    assert_eq!(verifying(&old, r), 1, "{r:?}");
    let fetched = app
        .fetch(&owner.token, &format!("/api/v1/webhooks/{id}"))
        .await;
    assert!(fetched.get("secret").is_none());
}
both_backends!(
    a_rotated_secret_signs_beside_the_new_one_works,
    super::a_rotated_secret_signs_beside_the_new_one
);

async fn private_targets_are_refused(app: TestApp) {
    // Arrange
    let owner = app.signup("Hooks Ltd").await;
    let forbidden = [
        "http://127.0.0.1/hook",
        "http://[::1]/hook",
        "http://10.0.0.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[::ffff:7f00:1]/hook",
        "http://localhost:8080/hook",
        "http://2130706433/hook",
        "http://0x7f000001/hook",
        "http://0177.0.0.1/hook",
        "http://[64:ff9b::a00:1]/hook",
        "http://[fc00::1]/hook",
        "http://0.0.0.0/hook",
    ];

    // Act + Assert
    for url in forbidden {
        let a = app
            .post("/api/v1/webhooks")
            .token(&owner.token)
            .json(&json!({"url": url, "events": ["*"]}))
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            field_code(&a, "url").as_deref(),
            Some("webhook_url_forbidden"),
            "{url}: {}",
            a.text
        );
    }
    // Every broken rule at once.
    let a = app
        .post("/api/v1/webhooks")
        .token(&owner.token)
        .json(&json!({"url": "ftp://example.com/x", "events": ["Invoice", "*"]}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(field_code(&a, "url").as_deref(), Some("url"), "{}", a.text);
    assert_eq!(
        field_code(&a, "events[0]").as_deref(),
        Some("invalid_event_type"),
        "{}",
        a.text
    );
    // A public literal is saved; changing it to a private one is refused the same way.
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": "http://93.184.216.34/hook", "events": ["*"], "status": "paused"}),
    )
    .await;
    let a = app
        .patch(&format!("/api/v1/webhooks/{}", id_of(&hook)))
        .token(&owner.token)
        .json(&json!({"url": "http://[::ffff:10.0.0.1]/"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        field_code(&a, "url").as_deref(),
        Some("webhook_url_forbidden"),
        "{}",
        a.text
    );
    let a = app
        .post("/api/v1/webhooks")
        .token(&owner.token)
        .json(&json!({"url": "https://no-such-host.invalid/hook", "events": ["*"]}))
        .send()
        .await;
    assert_eq!(
        field_code(&a, "url").as_deref(),
        Some("webhook_url_unresolvable"),
        "{}",
        a.text
    );
}
both_backends_with!(
    private_targets_are_refused_works,
    |c: &mut accord::config::Config| c.webhook_allow_private = false,
    super::private_targets_are_refused
);

async fn only_admins_and_owners_manage_webhooks(app: TestApp) {
    // Arrange
    let owner = app.signup("Hooks Ltd").await;
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": "http://127.0.0.1:9/hook", "events": ["*"]}),
    )
    .await;
    let id = id_of(&hook);
    let admin = app.colleague(&owner.token, "admin").await;
    let key = app
        .create_api_key(&admin.token, &json!({"name": "ops", "role": "admin"}))
        .await;
    let admin_key = key.body["key"].as_str().unwrap().to_owned();

    // Act + Assert
    for role in ["viewer", "accountant", "account_manager"] {
        let c = app.colleague(&owner.token, role).await;
        for (method, path) in [
            (reqwest::Method::GET, "/api/v1/webhooks".to_owned()),
            (reqwest::Method::GET, format!("/api/v1/webhooks/{id}")),
            (
                reqwest::Method::GET,
                format!("/api/v1/webhooks/{id}/deliveries"),
            ),
            (reqwest::Method::POST, format!("/api/v1/webhooks/{id}/test")),
            (
                reqwest::Method::POST,
                format!("/api/v1/webhooks/{id}/rotate-secret"),
            ),
        ] {
            let a = app.call(method.clone(), &path, &c.token, None).await;
            assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
        }
        let a = app
            .post("/api/v1/webhooks")
            .token(&c.token)
            .json(&json!({"url": "http://127.0.0.1:9/hook", "events": ["*"]}))
            .send()
            .await;
        assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    }
    let listed = app.walk(&admin_key, "/api/v1/webhooks?limit=5").await;
    assert_eq!(listed.len(), 1);
    let changed = app
        .patch(&format!("/api/v1/webhooks/{id}"))
        .token(&admin.token)
        .header("If-Match", &format!("\"{id}.1\""))
        .json(&json!({"status": "paused", "description": "later"}))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["status"], "paused");
    let stale = app
        .patch(&format!("/api/v1/webhooks/{id}"))
        .token(&admin.token)
        .header("If-Match", &format!("\"{id}.1\""))
        .json(&json!({"status": "active"}))
        .send()
        .await;
    assert_problem(&stale, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    let disabled = app
        .patch(&format!("/api/v1/webhooks/{id}"))
        .token(&admin.token)
        .json(&json!({"status": "disabled"}))
        .send()
        .await;
    assert_eq!(
        disabled.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        disabled.text
    );
    let deleted = app
        .delete(&format!("/api/v1/webhooks/{id}"))
        .token(&admin_key)
        .send()
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.text);
}
both_backends!(
    only_admins_and_owners_manage_webhooks_works,
    super::only_admins_and_owners_manage_webhooks
);

fn event(org: &str, kind: &str, resource: &str) -> EventRow {
    EventRow {
        id: EventId::new(),
        organization_id: OrganizationId(org.parse().unwrap()),
        seq: Some(1),
        event_type: kind.to_owned(),
        created_at: db::now(),
        actor_kind: "system".to_owned(),
        actor_id: None,
        request_id: None,
        resource_type: resource.to_owned(),
        resource_id: uuid::Uuid::now_v7(),
        object: r#"{"name":"Globex"}"#.to_owned(),
        previous: "{}".to_owned(),
    }
}

async fn sealed_events_go_to_the_matching_active_webhooks(app: TestApp) {
    // Arrange: one webhook per pattern, one of them paused, and another organization's.
    let owner = app.signup("Hooks Ltd").await;
    let other = app.signup("Other Ltd").await;
    let receiver = Receiver::start(200);
    let accounts = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["account.*"]}),
    )
    .await;
    let paused = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["*"], "status": "paused"}),
    )
    .await;
    let invoices = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["invoice.paid"]}),
    )
    .await;
    let elsewhere = create_webhook(
        &app,
        &other.token,
        json!({"url": receiver.url, "events": ["account.*"]}),
    )
    .await;
    let created = event(&owner.organization_id, "account.created", "account");
    let paid = event(&owner.organization_id, "invoice.voided", "invoice");

    // Act: what the sealer does with events it has numbered (twice: nothing is sent twice).
    let pool = pool_of(&app);
    let mut conn = pool.get().unwrap();
    enqueue(&mut conn, &[created.clone(), paid.clone()]).unwrap();
    enqueue(&mut conn, std::slice::from_ref(&created)).unwrap();
    drop(conn);

    // Assert
    let got = receiver.wait_for(1).await;
    let log = deliveries_until(&app, &owner.token, &id_of(&accounts), |d| {
        d.first().is_some_and(|d| d["status"] == "succeeded")
    })
    .await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["event_id"], created.id.to_string());
    assert_eq!(log[0]["event_type"], "account.created");
    for quiet in [&paused, &invoices] {
        let none = app
            .walk(
                &owner.token,
                &format!("/api/v1/webhooks/{}/deliveries?limit=10", id_of(quiet)),
            )
            .await;
        assert!(none.is_empty(), "{none:?}");
    }
    let none = app
        .walk(
            &other.token,
            &format!("/api/v1/webhooks/{}/deliveries?limit=10", id_of(&elsewhere)),
        )
        .await;
    assert!(none.is_empty());
    assert_eq!(got.len(), 1, "{got:?}");
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["type"], "account.created");
    assert_eq!(body["data"]["object"]["name"], "Globex");
    assert_eq!(body["data"]["actor"], json!({"kind": "system", "id": null}));
}
both_backends!(
    sealed_events_go_to_the_matching_active_webhooks_works,
    super::sealed_events_go_to_the_matching_active_webhooks
);

#[derive(QueryableByName)]
struct Kind {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    actor_kind: String,
}

async fn an_endpoint_failing_for_five_days_is_disabled(app: TestApp) {
    // Arrange: a webhook whose deliveries have failed since long ago.
    let owner = app.signup("Hooks Ltd").await;
    let receiver = Receiver::start(503);
    let hook = create_webhook(
        &app,
        &owner.token,
        json!({"url": receiver.url, "events": ["*"]}),
    )
    .await;
    let id = id_of(&hook);
    let pool = pool_of(&app);
    pool.get()
        .unwrap()
        .batch_execute("UPDATE webhooks SET failing_since = '2020-01-01 00:00:00'")
        .unwrap();

    // Act: one more failure.
    app.act(
        &owner.token,
        &format!("/api/v1/webhooks/{id}/test"),
        json!({}),
    )
    .await;
    receiver.wait_for(1).await;

    // Assert
    let mut fetched = Value::Null;
    for _ in 0..100 {
        fetched = app
            .fetch(&owner.token, &format!("/api/v1/webhooks/{id}"))
            .await;
        if fetched["status"] == "disabled" {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(fetched["status"], "disabled", "{fetched}");
    assert!(fetched["disabled_reason"].as_str().is_some());
    let events: Vec<Kind> = diesel::sql_query(format!(
        "SELECT type AS kind, actor_kind FROM events WHERE CAST(resource_id AS TEXT) = '{id}' ORDER BY created_at, id"
    ))
    .load(&mut **pool.get().unwrap())
    .unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.kind, "webhook.disabled");
    assert_eq!(last.actor_kind, "system");
    // Made active again, it starts afresh.
    let active = app
        .patch(&format!("/api/v1/webhooks/{id}"))
        .token(&owner.token)
        .json(&json!({"status": "active"}))
        .send()
        .await;
    assert_eq!(active.status, StatusCode::OK, "{}", active.text);
    assert!(active.body["disabled_reason"].is_null());
}
both_backends!(
    an_endpoint_failing_for_five_days_is_disabled_works,
    super::an_endpoint_failing_for_five_days_is_disabled
);
