//! `/reports/*` of the books: trial balance, balance sheet, income statement, general ledger.

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::error::ApiError;
use super::json::ApiQuery;
use super::ledger::{default_range, AccountLedgerView, RangeParams};
use crate::app::reports::{self, amount, StatementRow};
use crate::app::App;
use crate::auth::Caller;
use crate::domain::ids::LedgerAccountId;
use crate::domain::ledger::AccountType;
use crate::domain::money::Currency;

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
#[utoipa::path(tag = "reports", params(AsOfParams), responses((status = 200, description = "Trial balance", body = TrialBalanceView)))]
#[get("/reports/trial-balance")]
pub async fn trial_balance(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let date = as_of(&params);
    let (tb, fy_month) = state
        .legacy_snapshot(caller.clone(), move |conn| {
            let tb = reports::trial_balance(conn, &caller, date)?;
            let m = crate::app::ledger::org(conn, &caller)?.fiscal_year_start_month;
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
    Ok(HttpResponse::Ok().json(TrialBalanceView {
        as_of: date,
        currency: base.code().to_owned(),
        fiscal_year_start: crate::domain::ledger::fiscal_year_start(date, fy_month),
        rows,
        totals: DebitCredit {
            debit: amount(dt, base),
            credit: amount(ct, base),
        },
    }))
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
#[utoipa::path(tag = "reports", params(AsOfParams), responses((status = 200, description = "Balance sheet", body = BalanceSheetView)))]
#[get("/reports/balance-sheet")]
pub async fn balance_sheet(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let date = as_of(&params);
    let bs = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::balance_sheet(conn, &caller, date)
        })
        .await?;
    let base = bs.base;
    let (assets, a) = rows(bs.assets, base);
    let (liabilities, l) = rows(bs.liabilities, base);
    let (equity, e) = rows(bs.equity, base);
    Ok(HttpResponse::Ok().json(BalanceSheetView {
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
    }))
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
#[utoipa::path(tag = "reports", params(RangeParams), responses((status = 200, description = "Income statement", body = IncomeStatementView)))]
#[get("/reports/income-statement")]
pub async fn income_statement(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = default_range(&params)?;
    let is = state
        .legacy_snapshot(caller.clone(), move |conn| {
            reports::income_statement(conn, &caller, from, to)
        })
        .await?;
    let base = is.base;
    let (income, i) = rows(is.income, base);
    let (expenses, e) = rows(is.expenses, base);
    Ok(HttpResponse::Ok().json(IncomeStatementView {
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
    }))
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
#[utoipa::path(tag = "reports", params(GeneralLedgerParams), responses((status = 200, description = "General ledger", body = GeneralLedgerView), (status = 404, description = "No such ledger account in your organization", body = crate::http::error::Problem, content_type = "application/problem+json")))]
#[get("/reports/general-ledger")]
pub async fn general_ledger(
    state: web::Data<App>,
    caller: Caller,
    params: ApiQuery<GeneralLedgerParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = default_range(&RangeParams {
        from: params.from,
        to: params.to,
    })?;
    let only = params.ledger_account_id.map(LedgerAccountId);
    let (ledgers, base) = state
        .legacy_snapshot(caller.clone(), move |conn| {
            let l = reports::account_ledgers(conn, &caller, from, to, only, false)?;
            Ok((l, crate::app::ledger::org(conn, &caller)?.base))
        })
        .await?;
    Ok(HttpResponse::Ok().json(GeneralLedgerView {
        from,
        to,
        currency: base.code().to_owned(),
        accounts: ledgers.into_iter().map(AccountLedgerView::from).collect(),
    }))
}
