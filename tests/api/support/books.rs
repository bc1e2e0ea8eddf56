//! Bookkeeping helpers: exact decimals from answers, journal lines, the chart of accounts by
//! code and by role, and the checks that reports balance.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::http::id_of;
use super::TestApp;

pub const ENTRIES: &str = "/api/v1/ledger/journal-entries";
pub const LEDGER_ACCOUNTS: &str = "/api/v1/ledger/accounts";

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

/// A decimal string of an answer, exactly.
#[track_caller]
pub fn dv(v: &Value) -> Decimal {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a decimal string, got {v}"))
        .parse()
        .unwrap_or_else(|_| panic!("not a decimal string: {v}"))
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A journal line debiting `amount` to ledger account `id`.
pub fn dr(id: &str, amount: &str) -> Value {
    json!({"ledger_account_id": id, "debit": amount})
}

/// A journal line crediting `amount` to ledger account `id`.
pub fn cr(id: &str, amount: &str) -> Value {
    json!({"ledger_account_id": id, "credit": amount})
}

/// A journal entry body dated `date`.
pub fn entry(date: &str, lines: Vec<Value>) -> Value {
    json!({"date": date, "description": format!("Entry of {date}"), "lines": lines})
}

/// An organization's chart of accounts, by code.
pub struct Chart {
    pub by_code: BTreeMap<String, Value>,
}

impl Chart {
    pub async fn load(app: &TestApp, token: &str) -> Chart {
        let rows = app
            .walk(token, &format!("{LEDGER_ACCOUNTS}?limit=200"))
            .await;
        Chart {
            by_code: rows
                .into_iter()
                .map(|a| (a["code"].as_str().unwrap().to_owned(), a))
                .collect(),
        }
    }

    /// The id of the ledger account with `code`.
    #[track_caller]
    pub fn id(&self, code: &str) -> String {
        id_of(
            self.by_code
                .get(code)
                .unwrap_or_else(|| panic!("no account {code} in the chart")),
        )
    }

    /// The id of the one ledger account with `system_role`.
    #[track_caller]
    pub fn role(&self, role: &str) -> String {
        let found: Vec<&Value> = self
            .by_code
            .values()
            .filter(|a| a["system_role"] == role)
            .collect();
        assert_eq!(found.len(), 1, "one account with role {role}");
        id_of(found[0])
    }

    pub fn insert(&mut self, account: Value) {
        self.by_code
            .insert(account["code"].as_str().unwrap().to_owned(), account);
    }
}

impl TestApp {
    /// GET /ledger/accounts/{id}/balance?{query} (`as_of=` or `from=&to=`), insisting on 200.
    pub async fn ledger_balance(&self, token: &str, id: &str, query: &str) -> Value {
        self.fetch(token, &format!("{LEDGER_ACCOUNTS}/{id}/balance?{query}"))
            .await
    }

    /// A ledger account's balance as of a date, in its currency and normal direction.
    pub async fn balance_as_of(&self, token: &str, id: &str, as_of: &str) -> Decimal {
        dv(&self
            .ledger_balance(token, id, &format!("as_of={as_of}"))
            .await["balance"])
    }
}

/// Debits equal credits, each row has one side zero and none negative, and the totals are the
/// rows' sums.
#[track_caller]
pub fn assert_trial_balance_balances(tb: &Value) {
    let rows = tb["rows"].as_array().unwrap();
    let (mut debit, mut credit) = (Decimal::ZERO, Decimal::ZERO);
    for r in rows {
        let (dr, cr) = (dv(&r["debit"]), dv(&r["credit"]));
        assert!(dr.is_zero() || cr.is_zero(), "a row with both sides: {r}");
        assert!(
            dr >= Decimal::ZERO && cr >= Decimal::ZERO,
            "a negative side: {r}"
        );
        debit += dr;
        credit += cr;
    }
    assert_eq!(dv(&tb["totals"]["debit"]), debit, "{tb}");
    assert_eq!(dv(&tb["totals"]["credit"]), credit, "{tb}");
    assert_eq!(debit, credit, "the trial balance does not balance: {tb}");
}

/// Assets = liabilities + equity, and each section's total is the sum of its rows.
#[track_caller]
pub fn assert_balance_sheet_balances(bs: &Value) {
    let sum = |k: &str| {
        bs[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| dv(&r["balance"]))
            .sum::<Decimal>()
    };
    let t = &bs["totals"];
    assert_eq!(dv(&t["assets"]), sum("assets"), "{bs}");
    assert_eq!(dv(&t["liabilities"]), sum("liabilities"), "{bs}");
    assert_eq!(dv(&t["equity"]), sum("equity"), "{bs}");
    assert_eq!(
        dv(&t["liabilities_and_equity"]),
        dv(&t["liabilities"]) + dv(&t["equity"]),
        "{bs}"
    );
    assert_eq!(
        dv(&t["assets"]),
        dv(&t["liabilities_and_equity"]),
        "the balance sheet does not balance: {bs}"
    );
}

/// The computed equity row with `key` (`retained_earnings`, `current_year_earnings`).
#[track_caller]
pub fn equity_row(bs: &Value, key: &str) -> Decimal {
    let rows: Vec<&Value> = bs["equity"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["key"] == key)
        .collect();
    assert_eq!(rows.len(), 1, "exactly one {key} row expected: {bs}");
    dv(&rows[0]["balance"])
}

/// A trial-balance row's debit − credit, zero when the account has no row.
pub fn tb_net(tb: &Value, id: &str) -> Decimal {
    tb["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == id)
        .map(|r| dv(&r["debit"]) - dv(&r["credit"]))
        .unwrap_or(Decimal::ZERO)
}
