//! Receivables and payables over HTTP, by theme: invoices and bills through their lifecycle,
//! totals and tax rounding, gapless numbering, payments and allocations, credit notes and
//! refunds, foreign-currency settlement, the aging tied to the control accounts, the tax
//! summary and statement of account, idempotent replays, roles and tenants, races, and the
//! tax rates and bank accounts documents use. `Rp` is one organization's books with a
//! customer, a vendor, a bank account and a 10% tax rate.

mod aging;
mod bills;
mod concurrency;
mod credit_notes;
mod disputes;
mod foreign_currency;
mod idempotency;
mod invoices;
mod numbering;
mod payments;
mod profitability;
mod reports;
mod roles_and_tenants;
mod rounding;
mod tax_rates_and_bank_accounts;

use std::collections::BTreeMap;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::support::books::{assert_trial_balance_balances, dv, Chart};
use crate::support::http::id_of;
use crate::support::{Answer, TestApp};

/// A document line: one unit at `price`, with a tax rate or none.
fn line(price: &str, tax: Option<&str>) -> Value {
    let mut l = json!({"description": "Work", "quantity": "1", "unit_price": price});
    if let Some(t) = tax {
        l["tax_rate_id"] = json!(t);
    }
    l
}

/// A document line of `quantity` units at `price`.
fn qline(quantity: &str, price: &str, tax: Option<&str>) -> Value {
    let mut l = line(price, tax);
    l["quantity"] = json!(quantity);
    l
}

/// One organization's books for receivables and payables: its chart by code and role, a
/// customer, a vendor, a bank account and a 10% rate.
struct Rp<'a> {
    app: &'a TestApp,
    token: String,
    chart: Chart,
    customer: String,
    vendor: String,
    bank: String,
    vat10: String,
    /// The default tax rates by name.
    rates: BTreeMap<String, String>,
}

impl<'a> Rp<'a> {
    async fn open(app: &'a TestApp, org: &str) -> Rp<'a> {
        let token = app.signup(org).await.token;
        let rates = app.fetch(&token, "/api/v1/tax-rates?limit=200").await;
        Rp {
            app,
            chart: Chart::load(app, &token).await,
            rates: rates["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["name"].as_str().unwrap().to_owned(), id_of(r)))
                .collect(),
            customer: app
                .client_account(&token, party("Soylent Corp", true, false, "USD"))
                .await,
            vendor: app
                .client_account(&token, party("Acme Supplies", false, true, "USD"))
                .await,
            bank: app.bank_account(&token, "Operating", "USD").await,
            vat10: app.tax_rate(&token, "VAT 10", "0.10", true).await,
            token,
        }
    }

    #[track_caller]
    fn code(&self, code: &str) -> String {
        self.chart.id(code)
    }

    #[track_caller]
    fn role(&self, role: &str) -> String {
        self.chart.role(role)
    }

    fn ar(&self) -> String {
        self.role("accounts_receivable")
    }

    fn ap(&self) -> String {
        self.role("accounts_payable")
    }

    async fn get(&self, path: &str) -> Value {
        self.app.fetch(&self.token, path).await
    }

    async fn post(&self, path: &str, body: &Value) -> Answer {
        self.app
            .post(path)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    async fn patch(&self, path: &str, body: &Value) -> Answer {
        self.app
            .patch(path)
            .token(&self.token)
            .json(body)
            .send()
            .await
    }

    /// A client account that is a customer, a vendor or both; returns its id.
    async fn account(&self, name: &str, customer: bool, vendor: bool, currency: &str) -> String {
        self.app
            .client_account(&self.token, party(name, customer, vendor, currency))
            .await
    }

    async fn bank_account(&self, name: &str, currency: &str) -> String {
        self.app.bank_account(&self.token, name, currency).await
    }

    async fn tax_rate(&self, name: &str, rate: &str, recoverable: bool) -> String {
        self.app
            .tax_rate(&self.token, name, rate, recoverable)
            .await
    }

    /// A draft of `kind` (`invoices`, `bills`, ...), insisting on 201.
    async fn draft(&self, kind: &str, body: Value) -> Value {
        self.app
            .create(&self.token, &format!("/api/v1/{kind}"), body)
            .await
    }

    /// Posts a draft (`issue`, or `approve` for bills), insisting on 200.
    async fn issue(&self, kind: &str, id: &str) -> Value {
        self.app.issue(&self.token, kind, id).await
    }

    async fn action(&self, kind: &str, id: &str, verb: &str) -> Answer {
        self.app
            .post(&format!("/api/v1/{kind}/{id}/{verb}"))
            .token(&self.token)
            .send()
            .await
    }

    /// An issued invoice to `account` in USD without tax.
    async fn invoice(&self, account: &str, issue: &str, due: &str, amount: &str) -> Value {
        self.app
            .issued(
                &self.token,
                "invoices",
                json!({"account_id": account, "issue_date": issue, "due_date": due,
                       "lines": [line(amount, None)]}),
            )
            .await
    }

    /// An approved bill from `account` in USD without tax.
    async fn bill(
        &self,
        account: &str,
        reference: &str,
        issue: &str,
        due: &str,
        amount: &str,
    ) -> Value {
        self.app
            .issued(
                &self.token,
                "bills",
                json!({"account_id": account, "reference": reference, "issue_date": issue,
                       "due_date": due, "lines": [line(amount, None)]}),
            )
            .await
    }

    async fn pay(&self, body: Value) -> Answer {
        self.post("/api/v1/payments", &body).await
    }

    /// A payment received from `account` through the USD bank, insisting on 201.
    async fn received(&self, account: &str, date: &str, amount: &str, allocations: Value) -> Value {
        let a = self
            .pay(
                json!({"direction": "received", "account_id": account, "bank_account_id": self.bank,
                        "date": date, "amount": amount, "allocations": allocations}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    async fn sent(&self, account: &str, date: &str, amount: &str, allocations: Value) -> Value {
        let a = self
            .pay(
                json!({"direction": "sent", "account_id": account, "bank_account_id": self.bank,
                        "date": date, "amount": amount, "allocations": allocations}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        a.body
    }

    async fn doc(&self, kind: &str, id: &str) -> Value {
        self.get(&format!("/api/v1/{kind}/{id}")).await
    }

    /// A ledger account's balance as of a date, in its normal direction.
    async fn bal(&self, ledger_id: &str, as_of: &str) -> Decimal {
        self.app.balance_as_of(&self.token, ledger_id, as_of).await
    }

    async fn aging(&self, which: &str, as_of: &str) -> Value {
        self.get(&format!("/api/v1/reports/{which}-aging?as_of={as_of}"))
            .await
    }

    /// The aging's total equals the control account's balance as of `as_of`, its rows add up
    /// to its totals, and each row's buckets to its total; returns the total.
    async fn assert_aging_ties(&self, which: &str, as_of: &str) -> Decimal {
        let ag = self.aging(which, as_of).await;
        let control = if which == "ar" { self.ar() } else { self.ap() };
        assert_eq!(ag["ledger_account_id"], json!(control), "{ag}");
        let keys = [
            "current",
            "days_1_30",
            "days_31_60",
            "days_61_90",
            "days_over_90",
        ];
        let mut sums = [Decimal::ZERO; 5];
        for r in ag["accounts"].as_array().unwrap() {
            let mut row = Decimal::ZERO;
            for (i, k) in keys.iter().enumerate() {
                sums[i] += dv(&r[k]);
                row += dv(&r[k]);
            }
            assert_eq!(row, dv(&r["total"]), "row buckets vs its total: {r}");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(sums[i], dv(&ag["totals"][k]), "{which} {as_of} {k}: {ag}");
        }
        let total = dv(&ag["totals"]["total"]);
        assert_eq!(total, sums.iter().copied().sum::<Decimal>(), "{ag}");
        let balance = self.bal(&control, as_of).await;
        assert_eq!(
            total, balance,
            "{which} aging as of {as_of} does not tie to the control account: {ag}"
        );
        total
    }

    async fn trial_balance(&self, as_of: &str) -> Value {
        let tb = self
            .get(&format!("/api/v1/reports/trial-balance?as_of={as_of}"))
            .await;
        assert_trial_balance_balances(&tb);
        tb
    }

    async fn set_lock_date(&self, lock: Value) {
        let a = self
            .app
            .put("/api/v1/ledger/lock-date")
            .token(&self.token)
            .json(&json!({ "lock_date": lock }))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    }

    async fn lock(&self, lock: &str) {
        self.set_lock_date(json!(lock)).await;
    }

    async fn unlock(&self) {
        self.set_lock_date(Value::Null).await;
    }
}

/// A client account's body: an active standard-tier customer and/or vendor.
fn party(name: &str, customer: bool, vendor: bool, currency: &str) -> Value {
    json!({"name": name, "is_customer": customer, "is_vendor": vendor,
           "status": "active", "tier": "standard", "currency": currency})
}

/// The row of an aging for one account, or zeros.
fn aging_row(ag: &Value, account: &str) -> Option<Value> {
    ag["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["account_id"] == account)
        .cloned()
}
