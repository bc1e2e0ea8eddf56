//! Use cases name their domain events (`invoice.issued`, `invoice.paid`, `payment.voided`,
//! `journal_entry.posted|reversed`, `ledger.lock_date_changed`, `api_key.revoked`, ...), and
//! every write that changes a document records it. Read straight from the events table, like
//! `change_log.rs`.

use accord::db::{self, DbTarget, PoolSettings};
use diesel::prelude::*;
use diesel::sql_types::Text;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::{cr, dr, entry, Chart};
use crate::support::http::id_of;
use crate::support::TestApp;

#[derive(QueryableByName, Debug)]
struct Event {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    resource_id: String,
    #[diesel(sql_type = Text)]
    actor_kind: String,
}

/// Every event of the database, in the order they were recorded.
pub fn all_events(app: &TestApp) -> Vec<(String, String, String)> {
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
        "SELECT type AS kind, CAST(resource_id AS TEXT) AS resource_id, actor_kind \
         FROM events ORDER BY created_at, id",
    )
    .load(&mut **conn)
    .unwrap();
    rows.into_iter()
        .map(|e| (e.kind, e.resource_id, e.actor_kind))
        .collect()
}

/// The types of the events recorded about `id`, in order.
pub fn kinds_of(app: &TestApp, id: &str) -> Vec<String> {
    all_events(app)
        .into_iter()
        .filter(|(_, r, _)| r == id)
        .map(|(k, _, _)| k)
        .collect()
}

async fn ok(app: &TestApp, token: &str, method: &str, path: &str, body: Value) -> Value {
    let req = match method {
        "POST" => app.post(path),
        "PUT" => app.put(path),
        "PATCH" => app.patch(path),
        _ => app.delete(path),
    };
    let a = req.token(token).json(&body).send().await;
    assert!(a.status.is_success(), "{method} {path}: {}", a.text);
    a.body
}

async fn books_name_their_domain_events(app: TestApp) {
    // Arrange
    let token = app.signup("Domain Events Ltd").await.token;
    let customer = app
        .client_account(
            &token,
            json!({"name": "Soylent", "is_customer": true, "status": "active", "currency": "USD"}),
        )
        .await;
    let bank = app.bank_account(&token, "Operating", "USD").await;
    let chart = Chart::load(&app, &token).await;

    // Act: an invoice issued and paid in full, the payment voided, an entry posted and
    // reversed, the lock date moved.
    let inv = app
        .issued(
            &token,
            "invoices",
            json!({"account_id": customer, "issue_date": "2026-03-01", "due_date": "2026-03-31",
                   "lines": [{"description": "Work", "quantity": "1", "unit_price": "100.00"}]}),
        )
        .await;
    let inv = id_of(&inv);
    let payment = app
        .create(
            &token,
            "/api/v1/payments",
            json!({"direction": "received", "account_id": customer, "bank_account_id": bank,
                   "date": "2026-03-10", "amount": "100.00",
                   "allocations": [{"invoice_id": inv, "amount": "100.00"}]}),
        )
        .await;
    let payment = id_of(&payment);
    let paid = app.fetch(&token, &format!("/api/v1/invoices/{inv}")).await;
    assert_eq!(paid["status"], "paid", "{paid}");
    ok(
        &app,
        &token,
        "POST",
        &format!("/api/v1/payments/{payment}/void"),
        json!({}),
    )
    .await;
    let posted = app
        .create(
            &token,
            "/api/v1/ledger/journal-entries",
            entry(
                "2026-03-05",
                vec![
                    dr(&chart.id("1000"), "10.00"),
                    cr(&chart.id("3000"), "10.00"),
                ],
            ),
        )
        .await;
    let posted = id_of(&posted);
    let reversed = app
        .post(&format!("/api/v1/ledger/journal-entries/{posted}/reverse"))
        .token(&token)
        .json(&json!({"date": "2026-03-06", "reason": "Typo"}))
        .send()
        .await;
    assert_eq!(reversed.status, StatusCode::CREATED, "{}", reversed.text);
    let reversal = id_of(&reversed.body);
    ok(
        &app,
        &token,
        "PUT",
        "/api/v1/ledger/lock-date",
        json!({"lock_date": "2026-01-31"}),
    )
    .await;
    let key = app
        .create(
            &token,
            "/api/v1/api-keys",
            json!({"name": "Sync", "role": "viewer"}),
        )
        .await;
    let key = id_of(&key);
    let revoked = app
        .delete(&format!("/api/v1/api-keys/{key}"))
        .token(&token)
        .send()
        .await;
    assert!(revoked.status.is_success(), "{}", revoked.text);

    // Assert
    assert_eq!(
        kinds_of(&app, &inv),
        [
            "invoice.created",
            "invoice.issued",
            "invoice.paid",
            "invoice.updated"
        ]
    );
    assert_eq!(
        kinds_of(&app, &payment),
        ["payment.created", "payment.voided"]
    );
    assert_eq!(
        kinds_of(&app, &posted),
        ["journal_entry.posted", "journal_entry.reversed"]
    );
    assert_eq!(kinds_of(&app, &reversal), ["journal_entry.posted"]);
    assert_eq!(kinds_of(&app, &key), ["api_key.created", "api_key.revoked"]);
    let kinds: Vec<String> = all_events(&app).into_iter().map(|e| e.0).collect();
    assert!(
        kinds.iter().any(|k| k == "ledger.lock_date_changed"),
        "{kinds:?}"
    );
}
both_backends!(
    books_name_their_domain_events_works,
    super::books_name_their_domain_events
);

async fn crm_names_its_domain_events(app: TestApp) {
    // Arrange
    let token = app.signup("Crm Events Ltd").await.token;
    let account = app
        .client_account(&token, json!({"name": "Globex", "status": "active"}))
        .await;
    let opp = app
        .create(
            &token,
            "/api/v1/opportunities",
            json!({"account_id": account, "kind": "upsell", "name": "Renewal", "amount": "1000.00"}),
        )
        .await;
    let opp = id_of(&opp);

    // Act
    ok(
        &app,
        &token,
        "PATCH",
        &format!("/api/v1/opportunities/{opp}"),
        json!({"stage": "won"}),
    )
    .await;
    let archived = app
        .delete(&format!("/api/v1/accounts/{account}"))
        .token(&token)
        .send()
        .await;
    assert!(archived.status.is_success(), "{}", archived.text);

    // Assert
    assert_eq!(
        kinds_of(&app, &opp),
        ["opportunity.created", "opportunity.won"]
    );
    assert_eq!(
        kinds_of(&app, &account),
        ["account.created", "account.archived"]
    );
}
both_backends!(
    crm_names_its_domain_events_works,
    super::crm_names_its_domain_events
);

/// The overdue job, run once against the test's database as a node would run it.
async fn run_overdue_job(app: &TestApp) -> usize {
    let config = crate::support::test_config(&app.database_url);
    let pool = accord::startup::open_pool(&config).unwrap();
    let state = accord::app::App {
        backend: config.database.backend(),
        pool,
        jwt: accord::auth::jwt::JwtKeys::new(b"overdue job test secret, long enough"),
        config,
        lifecycle: Default::default(),
        principals: Default::default(),
    };
    accord::app::billing::overdue::announce_overdue_invoices(&state, 500)
        .await
        .unwrap()
}

async fn an_overdue_invoice_is_announced_once(app: TestApp) {
    // Arrange: an organization far ahead of UTC, an invoice past due and one not yet due.
    let token = app.signup("Overdue Ltd").await.token;
    let zone = ok(
        &app,
        &token,
        "PATCH",
        "/api/v1/organization",
        json!({"timezone": "Pacific/Kiritimati"}),
    )
    .await;
    assert_eq!(zone["timezone"], "Pacific/Kiritimati");
    let bad = app
        .patch("/api/v1/organization")
        .token(&token)
        .json(&json!({"timezone": "Mars/Olympus"}))
        .send()
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
    assert!(
        bad.error_fields().iter().any(|f| f == "timezone"),
        "{}",
        bad.text
    );
    let customer = app
        .client_account(
            &token,
            json!({"name": "Soylent", "is_customer": true, "status": "active", "currency": "USD"}),
        )
        .await;
    let invoice = |due: &str| {
        json!({"account_id": customer, "issue_date": "2026-01-01", "due_date": due,
               "lines": [{"description": "Work", "quantity": "1", "unit_price": "100.00"}]})
    };
    let late = id_of(&app.issued(&token, "invoices", invoice("2026-01-31")).await);
    let future = id_of(&app.issued(&token, "invoices", invoice("2999-01-31")).await);

    // Act: the job runs twice.
    run_overdue_job(&app).await;
    run_overdue_job(&app).await;

    // Assert
    let overdue: Vec<(String, String, String)> = all_events(&app)
        .into_iter()
        .filter(|(k, _, _)| k == "invoice.overdue")
        .collect();
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert_eq!(overdue[0].1, late);
    assert_eq!(overdue[0].2, "system");
    assert!(!kinds_of(&app, &future).contains(&"invoice.overdue".to_owned()));
}
both_backends!(
    an_overdue_invoice_is_announced_once_works,
    super::an_overdue_invoice_is_announced_once
);
