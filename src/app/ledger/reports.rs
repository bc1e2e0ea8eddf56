//! The books' reports over the journal, in the base currency (foreign-currency accounts also
//! in their own): trial balance, balance sheet, income statement and general ledger. No
//! closing entries are needed: income and expense accounts count from the start of the fiscal
//! year, and earlier years' profit is computed into retained earnings. Each report reads one
//! snapshot.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::balances::{
    account_ledgers, book, default_range, totals_map, AccountLedgerView, RangeParams,
};
use super::{amount, role_of, subtree, type_of};
use crate::app::error::AppError;
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Caller;
use crate::db::ledger::{self as store, LedgerAccountRow, Totals};
use crate::domain::ids::LedgerAccountId;
use crate::domain::ledger::{fiscal_year_start, AccountType, SystemRole};
use crate::domain::money::Currency;

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

pub fn trial_balance_in(
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

pub fn balance_sheet_in(
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

pub fn income_statement_in(
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

// ---- answers ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Default today.
    pub as_of: Option<NaiveDate>,
}

fn as_of(p: &AsOfParams) -> NaiveDate {
    p.as_of.unwrap_or_else(|| chrono::Utc::now().date_naive())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrialBalanceRow {
    pub ledger_account_id: Uuid,
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    /// The account's own currency.
    pub currency: String,
    /// Base currency; one of debit and credit is zero.
    #[schema(example = "1500.00")]
    pub debit: String,
    #[schema(example = "0.00")]
    pub credit: String,
    /// For foreign-currency accounts: the balance in their own currency (debit − credit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_in_currency: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DebitCredit {
    pub debit: String,
    pub credit: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TrialBalanceView {
    pub as_of: NaiveDate,
    pub currency: String,
    /// Income and expense rows cover the fiscal year to date; earlier years' profit is in the
    /// retained earnings row.
    pub fiscal_year_start: NaiveDate,
    pub rows: Vec<TrialBalanceRow>,
    pub totals: DebitCredit,
}

/// Trial balance as of a date, in the base currency; debits equal credits.
pub async fn trial_balance(
    app: &App,
    cx: &Context,
    params: AsOfParams,
) -> Result<TrialBalanceView, AppError> {
    let date = as_of(&params);
    let (tb, fy_month) = app
        .snapshot(cx, move |tx| {
            let caller = tx.caller()?;
            let tb = trial_balance_in(tx, caller, date)?;
            let m = super::org(tx, caller)?.fiscal_year_start_month;
            Ok((tb, m))
        })
        .await?;
    let base = tb.base;
    let (mut dt, mut ct) = (0i64, 0i64);
    let mut rows = Vec::new();
    for r in tb.rows {
        let (d, c) = if r.net >= 0 { (r.net, 0) } else { (0, -r.net) };
        dt += d;
        ct += c;
        let foreign = r.account.currency != base.code();
        let own = Currency::parse(&r.account.currency).unwrap_or(base);
        rows.push(TrialBalanceRow {
            ledger_account_id: r.account.id.0,
            account_type: r.account.account_type.parse().unwrap_or(AccountType::Asset),
            code: r.account.code,
            name: r.account.name,
            balance_in_currency: foreign.then(|| amount(r.own_net, own)),
            currency: r.account.currency,
            debit: amount(d, base),
            credit: amount(c, base),
        });
    }
    Ok(TrialBalanceView {
        as_of: date,
        currency: base.code().to_owned(),
        fiscal_year_start: fiscal_year_start(date, fy_month),
        rows,
        totals: DebitCredit {
            debit: amount(dt, base),
            credit: amount(ct, base),
        },
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementRowView {
    /// `null` for computed rows (current-year earnings).
    pub ledger_account_id: Option<Uuid>,
    pub code: Option<String>,
    pub name: String,
    pub parent_id: Option<Uuid>,
    /// `retained_earnings` or `current_year_earnings` for computed rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The account's own balance, in the section's normal direction.
    #[schema(example = "1250.00")]
    pub balance: String,
    /// With its sub-accounts rolled up.
    #[schema(example = "1250.00")]
    pub total: String,
}

fn rows(list: Vec<StatementRow>, base: Currency) -> (Vec<StatementRowView>, i64) {
    let mut sum = 0;
    let views = list
        .into_iter()
        .map(|r| {
            sum += r.balance;
            let name = match (&r.account, r.key) {
                (_, Some("current_year_earnings")) => "Current year earnings".to_owned(),
                (Some(a), _) => a.name.clone(),
                (None, _) => "Retained earnings".to_owned(),
            };
            StatementRowView {
                ledger_account_id: r.account.as_ref().map(|a| a.id.0),
                code: r.account.as_ref().map(|a| a.code.clone()),
                parent_id: r.account.as_ref().and_then(|a| a.parent_id).map(|p| p.0),
                name,
                key: r.key.map(str::to_owned),
                balance: amount(r.balance, base),
                total: amount(r.total, base),
            }
        })
        .collect();
    (views, sum)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceSheetTotals {
    pub assets: String,
    pub liabilities: String,
    pub equity: String,
    pub liabilities_and_equity: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceSheetView {
    pub as_of: NaiveDate,
    pub currency: String,
    pub assets: Vec<StatementRowView>,
    pub liabilities: Vec<StatementRowView>,
    pub equity: Vec<StatementRowView>,
    pub totals: BalanceSheetTotals,
}

/// Balance sheet as of a date: assets = liabilities + equity, with retained and current-year
/// earnings computed (no closing entries needed).
pub async fn balance_sheet(
    app: &App,
    cx: &Context,
    params: AsOfParams,
) -> Result<BalanceSheetView, AppError> {
    let date = as_of(&params);
    let bs = app
        .snapshot(cx, move |tx| {
            let caller = tx.caller()?;
            balance_sheet_in(tx, caller, date)
        })
        .await?;
    let base = bs.base;
    let (assets, a) = rows(bs.assets, base);
    let (liabilities, l) = rows(bs.liabilities, base);
    let (equity, e) = rows(bs.equity, base);
    Ok(BalanceSheetView {
        as_of: date,
        currency: base.code().to_owned(),
        assets,
        liabilities,
        equity,
        totals: BalanceSheetTotals {
            assets: amount(a, base),
            liabilities: amount(l, base),
            equity: amount(e, base),
            liabilities_and_equity: amount(l + e, base),
        },
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IncomeStatementTotals {
    pub income: String,
    pub expenses: String,
    pub net_income: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IncomeStatementView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub currency: String,
    pub income: Vec<StatementRowView>,
    pub expenses: Vec<StatementRowView>,
    pub totals: IncomeStatementTotals,
}

/// Income statement (profit and loss) over a range.
pub async fn income_statement(
    app: &App,
    cx: &Context,
    params: RangeParams,
) -> Result<IncomeStatementView, AppError> {
    let (from, to) = default_range(&params)?;
    let is = app
        .snapshot(cx, move |tx| {
            let caller = tx.caller()?;
            income_statement_in(tx, caller, from, to)
        })
        .await?;
    let base = is.base;
    let (income, i) = rows(is.income, base);
    let (expenses, e) = rows(is.expenses, base);
    Ok(IncomeStatementView {
        from,
        to,
        currency: base.code().to_owned(),
        income,
        expenses,
        totals: IncomeStatementTotals {
            income: amount(i, base),
            expenses: amount(e, base),
            net_income: amount(i - e, base),
        },
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GeneralLedgerParams {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only this account.
    pub ledger_account_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GeneralLedgerView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub currency: String,
    pub accounts: Vec<AccountLedgerView>,
}

/// General ledger: each account's lines over a range with opening, running and closing
/// balances, in the base currency.
pub async fn general_ledger(
    app: &App,
    cx: &Context,
    params: GeneralLedgerParams,
) -> Result<GeneralLedgerView, AppError> {
    let (from, to) = default_range(&RangeParams {
        from: params.from,
        to: params.to,
    })?;
    let only = params.ledger_account_id.map(LedgerAccountId);
    let (ledgers, base) = app
        .snapshot(cx, move |tx| {
            let caller = tx.caller()?;
            let l = account_ledgers(tx, caller, from, to, only, false)?;
            Ok((l, super::org(tx, caller)?.base))
        })
        .await?;
    Ok(GeneralLedgerView {
        from,
        to,
        currency: base.code().to_owned(),
        accounts: ledgers.into_iter().map(AccountLedgerView::from).collect(),
    })
}
