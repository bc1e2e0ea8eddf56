//! The general ledger over HTTP, by theme: the chart of accounts, posting and its refusals,
//! reversal, the lock date, foreign currency, balances and activity, reports across fiscal
//! years, a realistic two-year book, listing entries, idempotent and concurrent posting,
//! tenant isolation and folding lines into day rows. `Books` is one organization's ledger as
//! its owner sees it.

mod balances;
mod bulk;
mod chart;
mod concurrency;
mod entries;
mod exchange_rates;
mod folding;
mod idempotency;
mod isolation;
mod lock_date;
mod posting;
mod reports;
mod reversal;
mod two_year_book;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::support::books::{entry, Chart, ENTRIES, LEDGER_ACCOUNTS};
use crate::support::http::id_of;
use crate::support::{Answer, TestApp};

/// One organization's books, seen by its owner.
struct Books<'a> {
    app: &'a TestApp,
    token: String,
    user_id: String,
    chart: Chart,
}

impl<'a> Books<'a> {
    async fn open(app: &'a TestApp, org: &str) -> Books<'a> {
        Books::with(app, org, json!({})).await
    }

    async fn with(app: &'a TestApp, org: &str, extra: Value) -> Books<'a> {
        let (s, _) = app.signup_with(org, extra).await;
        Books {
            app,
            chart: Chart::load(app, &s.token).await,
            token: s.token,
            user_id: s.user_id,
        }
    }

    #[track_caller]
    fn id(&self, code: &str) -> String {
        self.chart.id(code)
    }

    #[track_caller]
    fn role(&self, role: &str) -> String {
        self.chart.role(role)
    }

    async fn get(&self, path: &str) -> Value {
        self.app.fetch(&self.token, path).await
    }

    async fn send(&self, body: &Value) -> Answer {
        self.app
            .post(ENTRIES)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    async fn post(&self, date: &str, lines: Vec<Value>) -> Answer {
        self.send(&entry(date, lines)).await
    }

    /// Posts and insists on 201; returns the entry.
    async fn posted(&self, date: &str, lines: Vec<Value>) -> Value {
        let a = self.post(date, lines).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    /// Adds a ledger account to the chart; returns its id.
    async fn create_account(&mut self, body: Value) -> String {
        let account = self.app.create(&self.token, LEDGER_ACCOUNTS, body).await;
        let id = id_of(&account);
        self.chart.insert(account);
        id
    }

    async fn balance(&self, id: &str, query: &str) -> Value {
        self.app.ledger_balance(&self.token, id, query).await
    }

    /// The balance as of a date, in the account's currency and normal direction.
    async fn bal(&self, id: &str, as_of: &str) -> Decimal {
        self.app.balance_as_of(&self.token, id, as_of).await
    }

    async fn reverse(&self, id: &str, date: &str, reason: &str) -> Answer {
        self.app
            .post(&format!("{ENTRIES}/{id}/reverse"))
            .token(&self.token)
            .json(&json!({"date": date, "reason": reason}))
            .send()
            .await
    }

    async fn put_lock(&self, token: &str, lock: Value) -> Answer {
        self.app
            .put("/api/v1/ledger/lock-date")
            .token(token)
            .json(&json!({"lock_date": lock}))
            .send()
            .await
    }
}
