//! The statement of account: one account's documents and payments in one currency between
//! two dates, with a running balance, read in one snapshot.

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::money;
use crate::app::error::{AppError, Check};
use crate::app::ledger::{self, currency_of};
use crate::app::{App, Context, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing;
use crate::db::{self};
use crate::domain::documents::{DocumentKind, Ledger};
use crate::domain::ids::ClientAccountId;
use crate::domain::money::Currency;

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementLine {
    #[schema(example = "2026-09-01")]
    pub date: NaiveDate,
    /// `invoice`, `credit_note`, `bill`, `vendor_credit` or `payment`.
    #[schema(example = "invoice")]
    pub kind: String,
    pub id: Uuid,
    /// The document's number (or the bill's reference, or the payment's reference).
    pub number: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// What the line adds to what the account owes (or is owed), signed.
    #[schema(example = "270.00")]
    pub amount: String,
    #[schema(example = "270.00")]
    pub balance: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Statement {
    pub account_id: Uuid,
    pub name: String,
    /// `receivable`: what the customer owes us; `payable`: what we owe the vendor.
    pub ledger: Ledger,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "2026-09-01")]
    pub from: NaiveDate,
    #[schema(example = "2026-09-30")]
    pub to: NaiveDate,
    #[schema(example = "0.00")]
    pub opening_balance: String,
    pub lines: Vec<StatementLine>,
    #[schema(example = "170.00")]
    pub closing_balance: String,
}

/// date, kind, id, number, due date, signed amount.
type Event = (
    NaiveDate,
    String,
    Uuid,
    Option<String>,
    Option<NaiveDate>,
    i64,
);

/// Documents and payments of one account in one currency between two dates, with a running
/// balance in that currency (the customer's own view: no exchange differences).
pub fn statement(
    conn: &mut Tx,
    caller: &Caller,
    account_id: ClientAccountId,
    ledger_kind: Option<Ledger>,
    currency: Option<Currency>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Statement, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let account = db::crm::accounts::find(conn, org.id, account_id)
        .map_err(|e| crate::app::not_found(e, "account"))?;
    let ledger_kind = ledger_kind.unwrap_or(if account.is_vendor && !account.is_customer {
        Ledger::Payable
    } else {
        Ledger::Receivable
    });
    let currency = match currency {
        Some(c) => c,
        None => currency_of(&account.currency)?,
    };
    let kinds: Vec<&str> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.ledger() == ledger_kind)
        .map(DocumentKind::as_str)
        .collect();
    let mut events: Vec<Event> = Vec::new();
    for d in billing::documents::standing_documents(conn, org.id, &kinds, to, Some(account.id))? {
        if d.currency != currency.code() {
            continue;
        }
        let kind = DocumentKind::parse(&d.kind).ok_or_else(|| AppError::internal("kind"))?;
        let normal = kind.debits_control() == (ledger_kind == Ledger::Receivable);
        events.push((
            d.issue_date,
            d.kind.clone(),
            d.id.0,
            d.number.clone().or(d.reference.clone()),
            d.due_date,
            if normal {
                d.total_minor
            } else {
                -d.total_minor
            },
        ));
    }
    for p in billing::payments::standing_payments(
        conn,
        org.id,
        ledger_kind.as_str(),
        to,
        Some(account.id),
    )? {
        if p.currency != currency.code() {
            continue;
        }
        let normal = (p.direction == "sent") == (ledger_kind == Ledger::Receivable);
        events.push((
            p.payment_date,
            "payment".to_owned(),
            p.id.0,
            p.reference.clone(),
            None,
            if normal {
                p.amount_minor
            } else {
                -p.amount_minor
            },
        ));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    let opening: i64 = events.iter().filter(|e| e.0 < from).map(|e| e.5).sum();
    let mut balance = opening;
    let lines = events
        .into_iter()
        .filter(|e| e.0 >= from)
        .map(|(date, kind, id, number, due_date, amount)| {
            balance += amount;
            StatementLine {
                date,
                kind,
                id,
                number,
                due_date,
                amount: money(amount, currency),
                balance: money(balance, currency),
            }
        })
        .collect();
    Ok(Statement {
        account_id: account.id.0,
        name: account.name,
        ledger: ledger_kind,
        currency: currency.code().to_owned(),
        from,
        to,
        opening_balance: money(opening, currency),
        lines,
        closing_balance: money(balance, currency),
    })
}

// ---- the use case ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementParams {
    /// Default: 90 days before `to`.
    #[param(example = "2026-09-01")]
    pub from: Option<NaiveDate>,
    /// Default today.
    #[param(example = "2026-09-30")]
    pub to: Option<NaiveDate>,
    /// `receivable` (default for customers) or `payable`.
    pub ledger: Option<Ledger>,
    /// Default: the account's currency.
    pub currency: Option<String>,
}

pub(super) fn date_order(from: NaiveDate, to: NaiveDate) -> Result<(), AppError> {
    if to < from {
        return Err(AppError::field(
            "date_order",
            "to",
            "must not be before from",
        ));
    }
    Ok(())
}

/// `GET /accounts/{id}/statement`, in one snapshot.
pub async fn account_statement(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    params: StatementParams,
) -> Result<Statement, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let mut check = Check::new();
        let currency = match params.currency.as_deref() {
            Some(code) => check.currency("currency", code),
            None => None,
        };
        check.finish()?;
        let to = params.to.unwrap_or_else(|| Utc::now().date_naive());
        let from = params.from.unwrap_or(to - chrono::Duration::days(90));
        date_order(from, to)?;
        statement(tx, caller, id, params.ledger, currency, from, to)
    })
    .await
}
