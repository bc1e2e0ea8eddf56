//! Transfers: money moved between two of the organization's bank accounts, as one journal
//! entry (`source: bank`) dated the transfer's date: Cr the from bank's ledger account, Dr the
//! to bank's, each in its own currency at the organization's rate of the date, balanced in
//! the base currency with any difference to the `fx_gain_loss` account. A plain record (see
//! [`crate::app::record`]) that is created, read and listed, never changed: a wrong transfer
//! is undone by reversing its entry.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::result::Error as DieselError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::billing::{check_lock, money, resolve_rate, role_account};
use crate::app::error::{AppError, Check};
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::app::page::CreationSort;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::banking::transfers::{BankTransferRow, TransferFilter};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::documents::{to_base_minor, AmountsAre, Pricing};
use crate::domain::ids::{BankAccountId, BankTransferId, UserId};
use crate::domain::ledger::{Side, SystemRole};
use crate::domain::money::{Currency, Money, Rounding};

#[derive(Debug, Serialize, ToSchema)]
pub struct BankTransferView {
    pub id: Uuid,
    pub from_bank_account_id: Uuid,
    pub to_bank_account_id: Uuid,
    #[schema(example = "2026-09-10")]
    pub date: NaiveDate,
    /// What left the from account, in its currency.
    #[schema(example = "1000.00")]
    pub amount: String,
    #[schema(example = "EUR")]
    pub currency: String,
    /// What reached the to account, in its currency.
    #[schema(example = "1085.00")]
    pub to_amount: String,
    #[schema(example = "USD")]
    pub to_currency: String,
    pub reference: Option<String>,
    /// The entry that moved the money (`source: bank`).
    pub journal_entry_id: Uuid,
    pub created_by: Option<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl BankTransferView {
    fn of(r: BankTransferRow) -> Result<Self, AppError> {
        let currency = currency_of(&r.currency)?;
        let to_currency = currency_of(&r.to_currency)?;
        Ok(BankTransferView {
            id: r.id.0,
            from_bank_account_id: r.from_bank_account_id.0,
            to_bank_account_id: r.to_bank_account_id.0,
            date: r.transfer_date,
            amount: money(r.amount_minor, currency),
            currency: r.currency,
            to_amount: money(r.to_amount_minor, to_currency),
            to_currency: r.to_currency,
            reference: r.reference,
            journal_entry_id: r.journal_entry_id.0,
            created_by: r.created_by.map(|u| u.0),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        })
    }
}

/// The fields of a transfer, all optional so that a missing one is the use case's 422
/// `required`, listed with every other broken rule; the schema of a create is
/// [`BankTransferCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BankTransferRequest {
    pub from_bank_account_id: Option<Uuid>,
    pub to_bank_account_id: Option<Uuid>,
    #[schema(example = "2026-09-10")]
    pub date: Option<NaiveDate>,
    /// What leaves the from account, a decimal string in its currency.
    #[schema(example = "1000.00")]
    pub amount: Option<String>,
    /// What reaches the to account, in its currency: required when the two currencies
    /// differ, else absent or equal to `amount`.
    #[schema(example = "1085.00")]
    pub to_amount: Option<String>,
    #[schema(example = "Top up savings", max_length = 200)]
    pub reference: Option<String>,
}

crate::create_input!(
    /// A new transfer: the fields it must name required.
    BankTransferCreate(BankTransferRequest) required ["from_bank_account_id", "to_bank_account_id", "date", "amount"]
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BankTransferListParams {
    /// Only transfers in or out of this bank account.
    pub bank_account_id: Option<Uuid>,
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(BankTransferListParams);

/// One of the two bank accounts, checked: it exists in the organization and is active.
fn bank(
    tx: &mut Tx,
    org: &Org,
    field: &str,
    id: Option<Uuid>,
    check: &mut Check,
) -> Result<Option<BankAccountRow>, AppError> {
    let Some(id) = id else {
        check.push(field, "required", "is required");
        return Ok(None);
    };
    match BankAccountRow::find(tx, org.id, BankAccountId(id)) {
        Ok(b) if !b.is_active => {
            check.push(
                field,
                "bank_account_inactive",
                "this bank account is inactive",
            );
            Ok(None)
        }
        Ok(b) => Ok(Some(b)),
        Err(DieselError::NotFound) => {
            check.push(
                field,
                "not_found",
                "no such bank account in your organization",
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// A positive amount in `currency`, as minor units.
fn positive_minor(
    check: &mut Check,
    field: &str,
    amount: &str,
    currency: Option<Currency>,
) -> Option<i64> {
    let currency = currency?;
    match Money::parse(amount, currency).and_then(|m| m.to_minor()) {
        Ok(v) if v > 0 => Some(v),
        Ok(_) => {
            check.push(field, "must_be_positive", "must be greater than zero");
            None
        }
        Err(e) => {
            check.push(field, e.code(), e.to_string());
            None
        }
    }
}

/// The organization's rate of `date` for `currency`, a missing one named on `field`.
fn rate_for(
    tx: &mut Tx,
    org: &Org,
    currency: Currency,
    date: NaiveDate,
    field: &str,
    check: &mut Check,
) -> Result<Decimal, AppError> {
    match resolve_rate(tx, org, currency, None, date) {
        Ok(r) => Ok(r),
        Err(e) if e.is_client_error() => {
            check.push(
                field,
                "exchange_rate_required",
                format!(
                    "no {} rate on or before {date}: record one at /exchange-rates",
                    currency.code()
                ),
            );
            Ok(Decimal::ONE)
        }
        Err(e) => Err(e),
    }
}

fn base_minor(minor: i64, currency: Currency, org: &Org, rate: Decimal) -> Result<i64, AppError> {
    to_base_minor(
        minor,
        &Pricing {
            currency,
            base: org.base,
            exchange_rate: rate,
            amounts_are: AmountsAre::Exclusive,
            rounding: Rounding::HalfUp,
        },
    )
    .map_err(|_| AppError::field("too_large", "amount", "too large"))
}

pub struct BankTransfer;

impl Record for BankTransfer {
    const NAME: &'static str = "bank_transfer";
    const NOUN: &'static str = "bank transfer";
    const COLLECTION: &'static str = "bank-transfers";
    const WRITE: Permission = Permission::WriteBooks;

    type Row = BankTransferRow;
    type Create = BankTransferCreate;
    type Patch = ();
    type View = BankTransferView;
    type Query = BankTransferListParams;

    /// Checks the transfer and posts its entry (before the row that refers to it).
    fn new_row(
        tx: &mut Tx,
        input: &BankTransferCreate,
        _check: &mut Check,
    ) -> Result<BankTransferRow, AppError> {
        let caller = tx.caller()?;
        let org = ledger::org(tx, caller)?;
        let mut check = Check::new();
        let from = bank(
            tx,
            &org,
            "from_bank_account_id",
            input.from_bank_account_id,
            &mut check,
        )?;
        let to = bank(
            tx,
            &org,
            "to_bank_account_id",
            input.to_bank_account_id,
            &mut check,
        )?;
        check.present("date", &input.date);
        check.present("amount", &input.amount);
        check.max_chars("reference", input.reference.as_deref(), 200);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f.id == t.id {
                check.push(
                    "to_bank_account_id",
                    "same_bank_account",
                    "a transfer moves money between two different bank accounts",
                );
            }
        }
        let currency = match &from {
            Some(f) => Some(currency_of(&f.currency)?),
            None => None,
        };
        let to_currency = match &to {
            Some(t) => Some(currency_of(&t.currency)?),
            None => None,
        };
        let amount_minor = match &input.amount {
            Some(a) => positive_minor(&mut check, "amount", a, currency),
            None => None,
        };
        let to_amount_minor = match (currency, to_currency, &input.to_amount) {
            (Some(c), Some(t), None) if c != t => {
                check.push(
                    "to_amount",
                    "required",
                    format!(
                        "the accounts' currencies differ ({} to {}): give the amount that reached the to account",
                        c.code(),
                        t.code()
                    ),
                );
                None
            }
            (Some(c), Some(t), None) if c == t => amount_minor,
            (_, t, Some(a)) => {
                let given = positive_minor(&mut check, "to_amount", a, t);
                if currency.is_some() && currency == t && given.is_some() && given != amount_minor {
                    check.push(
                        "to_amount",
                        "to_amount_mismatch",
                        "both accounts are in the same currency: to_amount is absent or equals amount",
                    );
                }
                given
            }
            _ => None,
        };
        let (Some(from), Some(to), Some(date), Some(amount_minor), Some(to_amount_minor)) =
            (from, to, input.date, amount_minor, to_amount_minor)
        else {
            check.finish()?;
            return Err(AppError::internal(
                "transfer checks passed with a part missing",
            ));
        };
        let (Some(currency), Some(to_currency)) = (currency, to_currency) else {
            return Err(AppError::internal("transfer currencies"));
        };
        let rate = rate_for(tx, &org, currency, date, "amount", &mut check)?;
        let to_rate = rate_for(tx, &org, to_currency, date, "to_amount", &mut check)?;
        check.finish()?;
        check_lock(&org, date, "date")?;
        let out_base = base_minor(amount_minor, currency, &org, rate)?;
        let in_base = base_minor(to_amount_minor, to_currency, &org, to_rate)?;
        let id = BankTransferId::new();
        let line =
            |ledger_account_id, side, minor: i64, currency: Currency, rate: Decimal| DraftLine {
                ledger_account_id,
                both_sides: false,
                side: Some(side),
                amount: Some(Decimal::new(minor, currency.exponent())),
                exchange_rate: (currency != org.base).then_some(rate),
                description: None,
                account_id: None,
            };
        let mut lines = vec![
            line(
                to.ledger_account_id,
                Side::Debit,
                to_amount_minor,
                to_currency,
                to_rate,
            ),
            line(
                from.ledger_account_id,
                Side::Credit,
                amount_minor,
                currency,
                rate,
            ),
        ];
        // What left at its base value against what arrived at its own: the difference is the
        // exchange gain (more arrived) or loss.
        let difference = out_base - in_base;
        if difference != 0 {
            let fx = role_account(tx, org.id, SystemRole::FxGainLoss)?;
            let mut fx_line = line(
                fx,
                if difference > 0 {
                    Side::Debit
                } else {
                    Side::Credit
                },
                difference.abs(),
                org.base,
                Decimal::ONE,
            );
            fx_line.description = Some("Exchange difference on transfer".to_owned());
            lines.push(fx_line);
        }
        let entry = ledger::post_entry_for(
            tx,
            caller,
            &org,
            EntryDraft {
                date,
                description: format!("Transfer from {} to {}", from.name, to.name),
                reference: input.reference.clone(),
                source: Source::Bank,
                source_id: Some(id.into()),
                metadata: "{}".into(),
                lines,
            },
        )?;
        let now = db::now();
        Ok(BankTransferRow {
            organization_id: org.id,
            id,
            from_bank_account_id: from.id,
            to_bank_account_id: to.id,
            transfer_date: date,
            amount_minor,
            currency: currency.code().to_owned(),
            to_amount_minor,
            to_currency: to_currency.code().to_owned(),
            reference: input
                .reference
                .as_deref()
                .map(str::trim)
                .map(str::to_owned)
                .filter(|r| !r.is_empty()),
            journal_entry_id: entry.row.id,
            created_by: Some(UserId(caller.user_id().0)),
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }

    fn views(_tx: &mut Tx, rows: Vec<BankTransferRow>) -> Result<Vec<BankTransferView>, AppError> {
        rows.into_iter().map(BankTransferView::of).collect()
    }

    fn filter(_tx: &mut Tx, query: &BankTransferListParams) -> Result<TransferFilter, AppError> {
        Ok(TransferFilter {
            bank_account_id: query.bank_account_id.map(BankAccountId),
        })
    }

    fn sort(query: &BankTransferListParams) -> Option<&str> {
        query.sort.map(CreationSort::as_str)
    }
}
