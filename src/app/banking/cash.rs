//! The cash position and the bank reconciliation statement: per bank account, the bank's
//! balance (the latest statement closing on or before the date), the ledger's, and what
//! stands between them — bank lines and ledger lines not reconciled as of the date — with any
//! difference they leave unexplained on its own line, so that
//! statement − unreconciled bank lines + unreconciled ledger lines + unexplained = ledger,
//! for any date, past ones included ("reconciled as of X" means by a reconciliation dated on
//! or before X).

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::reconcile::LedgerItem;
use super::transactions::TransactionView;
use crate::app::error::{AppError, Found};
use crate::app::ledger::{self, currency_of};
use crate::app::{App, Context, Tx};
use crate::auth::Permission;
use crate::db::banking::reconciliations as recs;
use crate::db::banking::statements::{self as store, TransactionRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::record::Stored;
use crate::domain::ids::BankAccountId;
use crate::domain::money::{decimal_string, decimal_string_opt};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CashPositionParams {
    /// The date (default: today in the organization's time zone).
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BankReconciliationParams {
    pub bank_account_id: Uuid,
    /// The date (default: today in the organization's time zone).
    pub as_of: Option<NaiveDate>,
}

/// One bank account's cash position, in its own currency.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CashPositionRow {
    pub bank_account_id: Uuid,
    pub name: String,
    pub currency: String,
    /// The latest statement closing balance on or before the date; `null` when no statement
    /// gives one.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "97.50")]
    pub statement_balance: Option<Decimal>,
    /// The date of that closing balance.
    pub statement_date: Option<NaiveDate>,
    /// The bank's ledger account's balance on the date.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "137.50")]
    pub ledger_balance: Decimal,
    /// Bank lines up to the statement date not reconciled as of the date.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "0.00")]
    pub unreconciled_bank_total: Decimal,
    /// Lines of the bank's ledger account up to the date not reconciled as of the date.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "40.00")]
    pub unreconciled_ledger_total: Decimal,
    /// ledger − (statement − unreconciled bank + unreconciled ledger); `null` without a
    /// statement balance.
    #[serde(with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "0.00")]
    pub unexplained_difference: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CashPosition {
    pub as_of: NaiveDate,
    /// The organization's base currency (each row is in its account's own currency).
    pub currency: String,
    pub accounts: Vec<CashPositionRow>,
}

/// A ledger line not reconciled as of the date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutstandingLedgerLine {
    pub id: Uuid,
    pub journal_entry_id: Uuid,
    pub line_no: i32,
    pub date: NaiveDate,
    /// Signed from the bank's view: positive is money in.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "40.00")]
    pub amount: Decimal,
}

/// The bank reconciliation statement of one account and date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BankReconciliationStatement {
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub position: CashPositionRow,
    /// The bank lines behind `unreconciled_bank_total`.
    pub unreconciled_bank_lines: Vec<TransactionView>,
    /// The ledger lines behind `unreconciled_ledger_total`.
    pub unreconciled_ledger_lines: Vec<OutstandingLedgerLine>,
}

struct Position {
    row: CashPositionRow,
    bank_lines: Vec<TransactionRow>,
    ledger_lines: Vec<LedgerItem>,
}

fn position(tx: &mut Tx, bank: &BankAccountRow, as_of: NaiveDate) -> Result<Position, AppError> {
    let org = bank.organization_id;
    let currency = currency_of(&bank.currency)?;
    let money = |m: i64| Decimal::new(m, currency.exponent());
    let statement = store::closings(tx, org, bank.id, Some(as_of))?
        .into_iter()
        .next();
    let statement_balance = statement
        .as_ref()
        .and_then(|s| s.closing_balance.as_ref())
        .map(|d| d.0);
    let statement_date = statement.as_ref().and_then(|s| s.to_date);
    let lines = recs::lines_on(tx, org, bank.ledger_account_id, Some(as_of))?;
    let ledger_minor: i64 = lines.iter().map(|l| l.debit_minor - l.credit_minor).sum();
    let reconciled: HashSet<_> = recs::reconciled_lines_as_of(tx, org, bank.id, as_of)?
        .into_iter()
        .collect();
    let ledger_lines: Vec<LedgerItem> = lines
        .iter()
        .filter(|l| !reconciled.contains(&(l.entry_id, l.line_no)))
        .map(LedgerItem::of)
        .collect();
    let bank_lines: Vec<TransactionRow> = match statement_date {
        Some(until) => store::unreconciled_as_of(tx, org, bank.id, as_of)?
            .into_iter()
            .filter(|l| l.booked_on <= until)
            .collect(),
        None => Vec::new(),
    };
    let unreconciled_bank: i64 = bank_lines.iter().map(|l| l.amount_minor).sum();
    let unreconciled_ledger: i64 = ledger_lines.iter().map(|l| l.amount_minor).sum();
    let ledger_balance = money(ledger_minor);
    let (bank_total, ledger_total) = (money(unreconciled_bank), money(unreconciled_ledger));
    let unexplained = statement_balance
        .and_then(|s| s.checked_sub(bank_total))
        .and_then(|s| s.checked_add(ledger_total))
        .and_then(|explained| ledger_balance.checked_sub(explained));
    Ok(Position {
        row: CashPositionRow {
            bank_account_id: bank.id.0,
            name: bank.name.clone(),
            currency: bank.currency.clone(),
            statement_balance,
            statement_date,
            ledger_balance,
            unreconciled_bank_total: bank_total,
            unreconciled_ledger_total: ledger_total,
            unexplained_difference: unexplained,
        },
        bank_lines,
        ledger_lines,
    })
}

/// `GET /reports/cash-position`.
pub async fn cash_position(
    app: &App,
    cx: &Context,
    params: CashPositionParams,
) -> Result<CashPosition, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let org = ledger::org(tx, caller)?;
        let as_of = params.as_of.unwrap_or_else(|| org.today());
        let mut accounts = Vec::new();
        for bank in super::all_bank_accounts(tx, org.id)? {
            accounts.push(position(tx, &bank, as_of)?.row);
        }
        Ok(CashPosition {
            as_of,
            currency: org.base.code().to_owned(),
            accounts,
        })
    })
    .await
}

/// `GET /reports/bank-reconciliation`.
pub async fn statement(
    app: &App,
    cx: &Context,
    params: BankReconciliationParams,
) -> Result<BankReconciliationStatement, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let org = ledger::org(tx, caller)?;
        let as_of = params.as_of.unwrap_or_else(|| org.today());
        let bank = BankAccountRow::find(tx, org.id, BankAccountId(params.bank_account_id))
            .found("bank account")?;
        let currency = currency_of(&bank.currency)?;
        let p = position(tx, &bank, as_of)?;
        Ok(BankReconciliationStatement {
            as_of,
            position: p.row,
            unreconciled_bank_lines: p
                .bank_lines
                .into_iter()
                .map(TransactionView::from)
                .collect(),
            unreconciled_ledger_lines: p
                .ledger_lines
                .iter()
                .map(|l| OutstandingLedgerLine {
                    id: l.id(),
                    journal_entry_id: l.entry_id.0,
                    line_no: l.line_no,
                    date: l.date,
                    amount: Decimal::new(l.amount_minor, currency.exponent()),
                })
                .collect(),
        })
    })
    .await
}
