//! Viewers and accountants write no CRM record, and read them all.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{assert_all_refused, import_refused, writes_on};
use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::TestApp;

async fn viewers_and_accountants_write_nothing(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex"}))
            .await,
    );
    let b = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Globex dup"}))
            .await,
    );
    let r = CrmRecords::create(&app, t, &a).await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    let target = id_of(&app.create(t, "/api/v1/targets", json!({"user_id": owner.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"})).await);
    let mut writes = writes_on(&r, &b, true);
    writes.push((
        Method::POST,
        "/api/v1/targets".into(),
        Some(json!({"user_id": owner.user_id, "period_start": format!("{year}-01-01"), "period_end": format!("{year}-12-31"), "metric": "won_amount", "amount": "1.00"})),
    ));
    writes.push((Method::DELETE, format!("/api/v1/targets/{target}"), None));
    let before = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    for role in ["viewer", "accountant"] {
        let tok = app.colleague(t, role).await.token;
        assert_all_refused(&app, &tok, role, &writes, StatusCode::FORBIDDEN).await;
        let imp = import_refused(&app, &tok).await;
        assert_eq!(
            imp.status,
            StatusCode::FORBIDDEN,
            "{role} import: {}",
            imp.text
        );
        // They still read.
        app.fetch(&tok, &format!("/api/v1/accounts/{a}")).await;
        app.fetch(&tok, "/api/v1/crm/settings").await;
    }
    // Nothing changed.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{a}")).await;
    assert!(acc["archived_at"].is_null());
    assert_eq!(acc["version"], before["version"], "{acc}");
    assert_eq!(
        app.fetch(t, &format!("/api/v1/contacts?account_id={a}"))
            .await["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.fetch(t, &format!("/api/v1/tasks/{}", r.task)).await["status"],
        "open"
    );
    assert_eq!(
        app.fetch(t, "/api/v1/accounts?q=sneaky").await["data"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    app.fetch(t, &format!("/api/v1/targets/{target}")).await;
}
both_backends!(
    viewers_and_accountants_write_nothing_works,
    super::viewers_and_accountants_write_nothing
);
