//! Bank lines as the API shows them, and their lists.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::error::{AppError, Found};
use crate::app::ledger::currency_of;
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::banking::statements::{self as store, TransactionFilter, TransactionRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::record::Stored;
use crate::domain::ids::{BankAccountId, BankTransactionId};
use crate::domain::money::{decimal_string, decimal_string_opt};

/// One bank line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TransactionView {
    pub id: Uuid,
    pub bank_account_id: Uuid,
    pub statement_id: Uuid,
    pub booked_on: NaiveDate,
    pub value_on: Option<NaiveDate>,
    /// Signed, positive is money in; exactly as the bank wrote it (more decimals than the
    /// currency has are kept).
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "-2.50")]
    pub amount: Decimal,
    /// `amount` rounded half-up to the currency: what is matched and posted.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "-2.50")]
    pub amount_rounded: Decimal,
    #[schema(example = "EUR")]
    pub currency: String,
    /// Remittance information and other text of the line.
    pub description: Option<String>,
    /// Structured remittance: a creditor reference or a document number.
    pub structured_reference: Option<String>,
    pub counterparty_name: Option<String>,
    /// The counterparty's IBAN or account number.
    pub counterparty_account: Option<String>,
    /// The bank's own reference (camt AcctSvcrRef, OFX FITID).
    pub bank_reference: Option<String>,
    pub end_to_end_id: Option<String>,
    pub bank_transaction_code: Option<String>,
    /// `unreconciled` or `reconciled`.
    pub status: String,
    pub reconciliation_id: Option<Uuid>,
    /// The file's transaction details (each camt `TxDtls`), kept for matching; `null` when
    /// the format has none.
    #[schema(value_type = Option<Vec<Object>>)]
    pub details: serde_json::Value,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TransactionRow> for TransactionView {
    fn from(r: TransactionRow) -> Self {
        let exp = currency_of(&r.currency).map(|c| c.exponent()).unwrap_or(2);
        TransactionView {
            id: r.id.0,
            bank_account_id: r.bank_account_id.0,
            statement_id: r.statement_id.0,
            booked_on: r.booked_on,
            value_on: r.value_on,
            amount: r.amount.0,
            amount_rounded: Decimal::new(r.amount_minor, exp),
            currency: r.currency,
            description: r.description,
            structured_reference: r.structured_reference,
            counterparty_name: r.counterparty_name,
            counterparty_account: r.counterparty_account,
            bank_reference: r.bank_reference,
            end_to_end_id: r.end_to_end_id,
            bank_transaction_code: r.bank_transaction_code,
            status: r.status,
            reconciliation_id: r.reconciliation_id.map(|i| i.0),
            details: serde_json::from_str(&r.details).unwrap_or(serde_json::Value::Null),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReconciliationStatus {
    Unreconciled,
    Reconciled,
}

impl ReconciliationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReconciliationStatus::Unreconciled => "unreconciled",
            ReconciliationStatus::Reconciled => "reconciled",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactionListParams {
    #[param(inline)]
    pub status: Option<ReconciliationStatus>,
    /// Booked on or after.
    pub from: Option<NaiveDate>,
    /// Booked on or before.
    pub to: Option<NaiveDate>,
    /// The signed amount, rounded to the currency.
    #[serde(default, with = "decimal_string_opt")]
    #[param(value_type = Option<String>, pattern = r"^-?[0-9]{1,15}(\.[0-9]{1,10})?$", example = "-2.50")]
    pub amount: Option<Decimal>,
    /// Text in the description, counterparty or references (case-insensitive).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only the lines of this statement.
    pub statement_id: Option<Uuid>,
    /// `booked_on` (default) or `-booked_on`.
    #[param(inline)]
    pub sort: Option<TransactionSort>,
}

crate::sort_options!(
    /// Bank lines in booking order: `booked_on` (the default) or `-booked_on`.
    TransactionSort { BookedOn = "booked_on", BookedOnDesc = "-booked_on" }
);

/// `GET /bank-accounts/{id}/transactions`: in booking order.
pub async fn list(
    app: &App,
    cx: &Context,
    bank: BankAccountId,
    page: PageParams,
    query: TransactionListParams,
) -> Result<Page<TransactionView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let account = BankAccountRow::find(tx, caller.org, bank).found("bank account")?;
        let (_, descending) = crate::app::page::parse_sort(
            query.sort.map(TransactionSort::as_str),
            &["booked_on"],
            "booked_on",
        )?;
        let currency = currency_of(&account.currency)?;
        let amount_minor = match query.amount {
            Some(a) => Some(
                super::statements::minor_of(a, currency)
                    .ok_or_else(|| AppError::field("too_large", "amount", "too large"))?,
            ),
            None => None,
        };
        if query.q.as_ref().is_some_and(|q| q.chars().count() > 200) {
            return Err(AppError::field("length", "q", "at most 200 characters"));
        }
        let filter = TransactionFilter {
            bank_account_id: Some(bank),
            statement_id: query.statement_id.map(Into::into),
            status: query.status.map(|s| s.as_str().to_owned()),
            from: query.from,
            to: query.to,
            amount_minor,
            text: query
                .q
                .as_ref()
                .map(|q| q.trim().to_lowercase())
                .filter(|q| !q.is_empty()),
        };
        let req = PageRequest::new(
            &page,
            query.sort.map_or("booked_on", TransactionSort::as_str),
            &format!("{bank:?} {filter:?}"),
        )?;
        let after = match &req.after {
            Some((v, id)) => Some((
                v.parse::<NaiveDate>().map_err(|_| {
                    AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "is not a cursor this list handed out",
                    )
                })?,
                BankTransactionId(*id),
            )),
            None => None,
        };
        let rows =
            store::list_transactions(tx, caller.org, &filter, after, descending, req.fetch())?;
        Ok(req.page(
            rows,
            |r| (r.booked_on.to_string(), r.id.0),
            TransactionView::from,
        ))
    })
    .await
}

/// `GET /bank-transactions/{id}`.
pub async fn get(
    app: &App,
    cx: &Context,
    id: BankTransactionId,
) -> Result<TransactionView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let row = store::find_transaction(tx, caller.org, id).found("bank transaction")?;
        Ok(TransactionView::from(row))
    })
    .await
}
