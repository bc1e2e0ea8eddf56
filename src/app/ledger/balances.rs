//! Balances: an account's (with its sub-accounts) as of a date or over a range, and its
//! activity, the lines with a running balance. The general ledger report reads the same
//! activity for every account.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{amount, currency_of, org, range, today, type_of, Org};
use crate::app::error::{AppError, Found};
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::{Caller, Permission};
use crate::db::ledger::{self as store, LedgerAccountRow, Totals};
use crate::domain::ids::{JournalEntryId, LedgerAccountId};
use crate::domain::money::Currency;

/// An account with the ids of its descendants (itself first), from the whole chart.
pub fn subtree(chart: &[LedgerAccountRow], root: LedgerAccountId) -> Vec<LedgerAccountId> {
    let mut out = vec![root];
    let mut i = 0;
    while let Some(&at) = out.get(i) {
        out.extend(
            chart
                .iter()
                .filter(|a| a.parent_id == Some(at))
                .map(|a| a.id),
        );
        i += 1;
        if i > chart.len() {
            break;
        }
    }
    out
}

/// The organization and its whole chart, in code order: what every report starts from.
pub struct Book {
    pub org: Org,
    pub chart: Vec<LedgerAccountRow>,
}

pub fn book(conn: &mut Tx, caller: &Caller) -> Result<Book, AppError> {
    caller.require(Permission::Read)?;
    let org = org(conn, caller)?;
    let chart = store::all_accounts(conn, org.id)?;
    Ok(Book { org, chart })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BalanceParams {
    /// Cumulative balance up to and including this date (default today).
    pub as_of: Option<NaiveDate>,
    /// With `to`: the movement over this range instead.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceView {
    pub ledger_account_id: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "1500.00")]
    pub debit_total: String,
    #[schema(example = "250.00")]
    pub credit_total: String,
    /// Signed in the account's normal direction (assets and expenses: debits − credits).
    #[schema(example = "1250.00")]
    pub balance: String,
    /// For foreign-currency accounts: the balance in the base currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_balance: Option<String>,
}

/// `GET /ledger/accounts/{id}/balance`: as of a date (default today), or the movement over
/// `from`..`to`.
pub async fn balance(
    app: &App,
    cx: &Context,
    id: LedgerAccountId,
    params: BalanceParams,
) -> Result<BalanceView, AppError> {
    cx.caller()?.require(Permission::Read)?;
    let (from, to, as_of) = if params.from.is_some() || params.to.is_some() {
        let (f, t) = range(params.from, params.to)?;
        (Some(f), t, None)
    } else {
        let d = params.as_of.unwrap_or_else(today);
        (None, d, Some(d))
    };
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        let account = store::find_account(tx, caller.org, id).found("ledger account")?;
        let org = org(tx, caller)?;
        let chart = store::all_accounts(tx, org.id)?;
        let ids = subtree(&chart, account.id);
        let currency_of_id: HashMap<LedgerAccountId, &str> =
            chart.iter().map(|a| (a.id, a.currency.as_str())).collect();
        // Own-currency totals leave out sub-accounts' lines in other currencies.
        let mut t = Totals::default();
        for (acct, s) in store::totals_by_account(tx, org.id, from, Some(to), Some(&ids))? {
            if currency_of_id.get(&acct).copied() == Some(account.currency.as_str()) {
                t.debit += s.debit;
                t.credit += s.credit;
            }
            t.base_debit += s.base_debit;
            t.base_credit += s.base_credit;
        }
        let currency = currency_of(&account.currency)?;
        let kind = type_of(&account)?;
        let foreign = currency != org.base;
        Ok(BalanceView {
            ledger_account_id: account.id.0,
            as_of,
            from,
            to: as_of.is_none().then_some(to),
            currency: currency.code().to_owned(),
            debit_total: amount(t.debit, currency),
            credit_total: amount(t.credit, currency),
            balance: amount(kind.signed(t.debit, t.credit), currency),
            base_currency: foreign.then(|| org.base.code().to_owned()),
            base_balance: foreign
                .then(|| amount(kind.signed(t.base_debit, t.base_credit), org.base)),
        })
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First day, inclusive (default: the first day of this month).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: today).
    pub to: Option<NaiveDate>,
}

/// The range asked for, this month to date by default.
pub fn default_range(params: &RangeParams) -> Result<(NaiveDate, NaiveDate), AppError> {
    let to = params.to.unwrap_or_else(today);
    let from = params.from.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&to), chrono::Datelike::month(&to), 1)
            .unwrap_or(to)
    });
    range(Some(from), Some(to))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerLineView {
    pub entry_id: Uuid,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    #[schema(example = "100.00")]
    pub debit: String,
    #[schema(example = "0.00")]
    pub credit: String,
    /// Running balance after this line, in the account's normal direction.
    pub balance: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountLedgerView {
    pub ledger_account_id: Uuid,
    pub code: String,
    pub name: String,
    pub currency: String,
    pub opening_balance: String,
    pub debit_total: String,
    pub credit_total: String,
    pub closing_balance: String,
    /// At most 10,000 lines; narrow the range for more.
    pub lines: Vec<LedgerLineView>,
}

impl From<AccountLedger> for AccountLedgerView {
    fn from(l: AccountLedger) -> Self {
        let c = l.currency;
        AccountLedgerView {
            ledger_account_id: l.account.id.0,
            code: l.account.code,
            name: l.account.name,
            currency: c.code().to_owned(),
            opening_balance: amount(l.opening, c),
            debit_total: amount(l.debit_total, c),
            credit_total: amount(l.credit_total, c),
            closing_balance: amount(l.closing, c),
            lines: l
                .lines
                .into_iter()
                .map(|x| LedgerLineView {
                    entry_id: x.entry_id.0,
                    date: x.date,
                    description: x.description,
                    reference: x.reference,
                    debit: amount(x.debit, c),
                    credit: amount(x.credit, c),
                    balance: amount(x.balance, c),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub ledger: AccountLedgerView,
}

/// `GET /ledger/accounts/{id}/activity`: the account's lines over a range with the running
/// balance, in its own currency.
pub async fn activity(
    app: &App,
    cx: &Context,
    id: LedgerAccountId,
    params: RangeParams,
) -> Result<ActivityView, AppError> {
    cx.caller()?.require(Permission::Read)?;
    let (from, to) = default_range(&params)?;
    let mut ledgers = app
        .snapshot(cx, move |tx| {
            let caller = tx.caller()?;
            account_ledgers(tx, caller, from, to, Some(id), true)
        })
        .await?;
    let ledger = ledgers
        .pop()
        .ok_or_else(|| AppError::not_found("ledger account"))?;
    Ok(ActivityView {
        from,
        to,
        ledger: ledger.into(),
    })
}

pub struct LedgerLine {
    pub entry_id: JournalEntryId,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub debit: i64,
    pub credit: i64,
    /// Running balance after this line, in the account's normal direction.
    pub balance: i64,
}

pub struct AccountLedger {
    pub account: LedgerAccountRow,
    pub currency: Currency,
    pub opening: i64,
    pub debit_total: i64,
    pub credit_total: i64,
    pub closing: i64,
    pub lines: Vec<LedgerLine>,
}

pub const MAX_LEDGER_LINES: i64 = 10_000;

pub(super) fn totals_map(rows: Vec<(LedgerAccountId, Totals)>) -> HashMap<LedgerAccountId, Totals> {
    rows.into_iter().collect()
}

/// Lines of each account (or one) in [from, to] with opening, running and closing balances.
/// `own_currency` reads amounts in the account's currency (activity) rather than the base
/// currency (general ledger report).
pub fn account_ledgers(
    conn: &mut Tx,
    caller: &Caller,
    from: NaiveDate,
    to: NaiveDate,
    only: Option<LedgerAccountId>,
    own_currency: bool,
) -> Result<Vec<AccountLedger>, AppError> {
    let b = book(conn, caller)?;
    let accounts: Vec<&LedgerAccountRow> = match only {
        Some(id) => {
            let found: Vec<_> = b.chart.iter().filter(|a| a.id == id).collect();
            if found.is_empty() {
                return Err(AppError::not_found("ledger account"));
            }
            found
        }
        None => b.chart.iter().collect(),
    };
    let ids: Vec<LedgerAccountId> = accounts.iter().map(|a| a.id).collect();
    let opening = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        None,
        from.pred_opt(),
        Some(&ids),
    )?);
    let mut lines: HashMap<LedgerAccountId, Vec<store::ActivityRow>> = HashMap::new();
    for (acct, line) in store::activity(conn, b.org.id, &ids, from, to, MAX_LEDGER_LINES + 1)? {
        lines.entry(acct).or_default().push(line);
    }
    let mut out = Vec::new();
    for a in accounts {
        let t = type_of(a)?;
        let o = opening.get(&a.id).copied().unwrap_or_default();
        let open = if own_currency {
            t.signed(o.debit, o.credit)
        } else {
            t.signed(o.base_debit, o.base_credit)
        };
        let rows = lines.remove(&a.id).unwrap_or_default();
        if only.is_none() && rows.is_empty() && open == 0 {
            continue;
        }
        let mut running = open;
        let (mut dt, mut ct) = (0, 0);
        let lines = rows
            .into_iter()
            .map(|r| {
                let (d, c) = if own_currency {
                    (r.debit_minor, r.credit_minor)
                } else {
                    (r.base_debit_minor, r.base_credit_minor)
                };
                dt += d;
                ct += c;
                running += t.signed(d, c);
                LedgerLine {
                    entry_id: r.entry_id,
                    date: r.entry_date,
                    description: r.line_description.unwrap_or(r.description),
                    reference: r.reference,
                    debit: d,
                    credit: c,
                    balance: running,
                }
            })
            .collect();
        out.push(AccountLedger {
            currency: if own_currency {
                currency_of(&a.currency)?
            } else {
                b.org.base
            },
            account: a.clone(),
            opening: open,
            debit_total: dt,
            credit_total: ct,
            closing: running,
            lines,
        });
    }
    Ok(out)
}
