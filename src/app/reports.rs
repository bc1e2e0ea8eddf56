//! Financial reports over the journal, in the base currency (foreign-currency accounts also in
//! their own). No closing entries are needed: income and expense accounts count from the start
//! of the fiscal year, and earlier years' profit is computed into retained earnings.

use crate::app::Tx;
use crate::domain::ids::{JournalEntryId, LedgerAccountId};
use std::collections::HashMap;

use chrono::NaiveDate;

use super::ledger::{currency_of, org, role_of, subtree, type_of, Org};
use crate::app::error::AppError;
use crate::auth::{Caller, Permission};
use crate::db::ledger::{self as store, LedgerAccountRow, Totals};
use crate::domain::ledger::{fiscal_year_start, AccountType, SystemRole};
use crate::domain::money::{Currency, Money};

/// Formats base-currency minor units.
pub fn amount(minor: i64, currency: Currency) -> String {
    Money::from_minor(minor, currency).to_string()
}

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

fn totals_map(rows: Vec<(LedgerAccountId, Totals)>) -> HashMap<LedgerAccountId, Totals> {
    rows.into_iter().collect()
}

/// Income minus expenses in base minor units, from P&L accounts' totals.
fn profit(chart: &[LedgerAccountRow], totals: &HashMap<LedgerAccountId, Totals>) -> i64 {
    chart
        .iter()
        .filter(|a| type_of(a).is_ok_and(AccountType::is_profit_and_loss))
        .filter_map(|a| totals.get(&a.id))
        .map(|t| t.base_credit - t.base_debit)
        .sum()
}

pub struct TrialRow {
    pub account: LedgerAccountRow,
    /// Base minor units, debit minus credit.
    pub net: i64,
    /// Own-currency minor units, debit minus credit (foreign accounts).
    pub own_net: i64,
}

pub struct TrialBalance {
    pub as_of: NaiveDate,
    pub base: Currency,
    pub rows: Vec<TrialRow>,
}

pub fn trial_balance(
    conn: &mut Tx,
    caller: &Caller,
    as_of: NaiveDate,
) -> Result<TrialBalance, AppError> {
    let b = book(conn, caller)?;
    let fy = fiscal_year_start(as_of, b.org.fiscal_year_start_month);
    let cumulative = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        None,
        Some(as_of),
        None,
    )?);
    let before_fy = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        None,
        fy.pred_opt(),
        None,
    )?);
    let prior_profit = profit(&b.chart, &before_fy);
    let mut rows = Vec::new();
    for a in &b.chart {
        let t = cumulative.get(&a.id).copied().unwrap_or_default();
        let pl = type_of(a)?.is_profit_and_loss();
        let earlier = if pl {
            before_fy.get(&a.id).copied().unwrap_or_default()
        } else {
            Totals::default()
        };
        let mut net = (t.base_debit - earlier.base_debit) - (t.base_credit - earlier.base_credit);
        let own_net = (t.debit - earlier.debit) - (t.credit - earlier.credit);
        if role_of(a) == Some(SystemRole::RetainedEarnings) {
            net -= prior_profit;
        }
        if net != 0 || own_net != 0 {
            rows.push(TrialRow {
                account: a.clone(),
                net,
                own_net,
            });
        }
    }
    Ok(TrialBalance {
        as_of,
        base: b.org.base,
        rows,
    })
}

pub struct StatementRow {
    pub account: Option<LedgerAccountRow>,
    /// For computed rows: `retained_earnings` or `current_year_earnings`.
    pub key: Option<&'static str>,
    /// Signed in the section's normal direction, base minor units.
    pub balance: i64,
    /// `balance` plus the sub-accounts'.
    pub total: i64,
}

pub struct BalanceSheet {
    pub as_of: NaiveDate,
    pub base: Currency,
    pub assets: Vec<StatementRow>,
    pub liabilities: Vec<StatementRow>,
    pub equity: Vec<StatementRow>,
}

fn rollup(
    chart: &[LedgerAccountRow],
    own: &HashMap<LedgerAccountId, i64>,
    id: LedgerAccountId,
) -> i64 {
    subtree(chart, id).iter().filter_map(|a| own.get(a)).sum()
}

fn section(
    chart: &[LedgerAccountRow],
    own: &HashMap<LedgerAccountId, i64>,
    t: AccountType,
) -> Vec<StatementRow> {
    chart
        .iter()
        .filter(|a| a.account_type == t.as_str())
        .filter_map(|a| {
            let balance = own.get(&a.id).copied().unwrap_or(0);
            let total = rollup(chart, own, a.id);
            (balance != 0 || total != 0).then(|| StatementRow {
                account: Some(a.clone()),
                key: None,
                balance,
                total,
            })
        })
        .collect()
}

pub fn balance_sheet(
    conn: &mut Tx,
    caller: &Caller,
    as_of: NaiveDate,
) -> Result<BalanceSheet, AppError> {
    let b = book(conn, caller)?;
    let fy = fiscal_year_start(as_of, b.org.fiscal_year_start_month);
    let cumulative = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        None,
        Some(as_of),
        None,
    )?);
    let before_fy = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        None,
        fy.pred_opt(),
        None,
    )?);
    let prior_profit = profit(&b.chart, &before_fy);
    let total_profit = profit(&b.chart, &cumulative);
    let mut own: HashMap<LedgerAccountId, i64> = HashMap::new();
    let mut retained = None;
    for a in &b.chart {
        let t = type_of(a)?;
        let c = cumulative.get(&a.id).copied().unwrap_or_default();
        if role_of(a) == Some(SystemRole::RetainedEarnings) {
            retained = Some(a.clone());
            continue;
        }
        own.insert(a.id, t.signed(c.base_debit, c.base_credit));
    }
    let retained_own = retained
        .as_ref()
        .and_then(|r| cumulative.get(&r.id))
        .map(|c| c.base_credit - c.base_debit)
        .unwrap_or(0);
    let mut equity = section(&b.chart, &own, AccountType::Equity);
    let retained_total = retained_own + prior_profit;
    equity.push(StatementRow {
        account: retained,
        key: Some("retained_earnings"),
        balance: retained_total,
        total: retained_total,
    });
    let current = total_profit - prior_profit;
    equity.push(StatementRow {
        account: None,
        key: Some("current_year_earnings"),
        balance: current,
        total: current,
    });
    Ok(BalanceSheet {
        as_of,
        base: b.org.base,
        assets: section(&b.chart, &own, AccountType::Asset),
        liabilities: section(&b.chart, &own, AccountType::Liability),
        equity,
    })
}

pub struct IncomeStatement {
    pub base: Currency,
    pub income: Vec<StatementRow>,
    pub expenses: Vec<StatementRow>,
}

pub fn income_statement(
    conn: &mut Tx,
    caller: &Caller,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<IncomeStatement, AppError> {
    let b = book(conn, caller)?;
    let range = totals_map(store::totals_by_account(
        conn,
        b.org.id,
        Some(from),
        Some(to),
        None,
    )?);
    let mut own = HashMap::new();
    for a in &b.chart {
        let c = range.get(&a.id).copied().unwrap_or_default();
        own.insert(a.id, type_of(a)?.signed(c.base_debit, c.base_credit));
    }
    Ok(IncomeStatement {
        base: b.org.base,
        income: section(&b.chart, &own, AccountType::Income),
        expenses: section(&b.chart, &own, AccountType::Expense),
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
