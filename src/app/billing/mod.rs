//! Receivables and payables: tax rates and bank accounts (plain records), documents
//! (invoices, credit notes, bills, vendor credits: `drafts` holds what a draft says,
//! `documents` the lifecycle all four share), payments and their `allocations`, and the
//! reports over them (`aging`, `statements`, `tax_summary`). Each public async fn is a use
//! case that opens its own unit of work; the `*_in` functions compose inside one.
//!
//! Every document and payment posts through [`crate::app::ledger::post_entry_for`] inside its
//! own transaction, so the journal and the documents cannot disagree; the aging is computed
//! from the same base-currency amounts the postings used, which is why it ties to the control
//! accounts.

pub mod aging;
pub mod allocations;
pub mod bank_accounts;
pub mod documents;
pub mod drafts;
pub mod overdue;
pub mod payments;
pub mod statements;
pub mod tax_rates;
pub mod tax_summary;

use crate::app::Tx;
use crate::domain::ids::{ClientAccountId, LedgerAccountId, OrganizationId};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::app::error::AppError;
use crate::app::ledger::Org;
use crate::db::{self};
use crate::domain::documents::Ledger;
use crate::domain::ledger::SystemRole;
use crate::domain::money::Currency;

/// A minor-unit amount as the API writes it: a decimal string with the currency's places.
pub fn money(minor: i64, currency: Currency) -> String {
    crate::app::ledger::amount(minor, currency)
}

/// The rate of a document or payment in `currency`: given, else the organization's rate of
/// that date (or the latest before it); 1 in the base currency, where another rate is refused.
pub fn resolve_rate(
    conn: &mut Tx,
    org: &Org,
    currency: Currency,
    given: Option<Decimal>,
    date: NaiveDate,
) -> Result<Decimal, AppError> {
    if currency == org.base {
        return match given {
            Some(r) if r != Decimal::ONE => Err(AppError::field(
                "exchange_rate_not_applicable",
                "exchange_rate",
                format!(
                    "a document in the base currency {} has no exchange rate (or 1)",
                    org.base.code()
                ),
            )),
            _ => Ok(Decimal::ONE),
        };
    }
    if let Some(r) = given {
        if r <= Decimal::ZERO {
            return Err(AppError::field(
                "exchange_rate_not_positive",
                "exchange_rate",
                "must be greater than zero",
            ));
        }
        return Ok(r.normalize());
    }
    match db::ledger::rate_on(conn, org.id, currency.code(), date)? {
        Some(r) => Ok(r.0.normalize()),
        None => Err(AppError::field(
            "exchange_rate_required",
            "exchange_rate",
            format!(
                "no {} rate on or before {date}: give exchange_rate or record one at /exchange-rates",
                currency.code()
            ),
        )),
    }
}

/// The ledger account with a system role, which every organization has from signup.
pub fn role_account(
    conn: &mut Tx,
    org: OrganizationId,
    role: SystemRole,
) -> Result<LedgerAccountId, AppError> {
    db::ledger::account_by_role(conn, org, role.as_str())?
        .map(|a| a.id)
        .ok_or_else(|| {
            AppError::unprocessable(
                "system_account_missing",
                format!(
                    "the chart has no account with system_role {}; restore it first",
                    role.as_str()
                ),
            )
        })
}

pub fn control_account(
    conn: &mut Tx,
    org: OrganizationId,
    ledger: Ledger,
) -> Result<LedgerAccountId, AppError> {
    role_account(
        conn,
        org,
        match ledger {
            Ledger::Receivable => SystemRole::AccountsReceivable,
            Ledger::Payable => SystemRole::AccountsPayable,
        },
    )
}

/// The names of these client accounts, for views and reports.
pub fn account_names(
    conn: &mut Tx,
    org: OrganizationId,
    ids: impl Iterator<Item = ClientAccountId>,
) -> Result<std::collections::HashMap<ClientAccountId, String>, AppError> {
    let mut ids: Vec<ClientAccountId> = ids.collect();
    ids.sort_by_key(|i| i.0);
    ids.dedup();
    Ok(db::crm::accounts::names_of(conn, org, &ids)?
        .into_iter()
        .collect())
}

/// Refuses a date on or before the lock date.
pub fn check_lock(org: &Org, date: NaiveDate, field: &str) -> Result<(), AppError> {
    match org.lock_date {
        Some(lock) if date <= lock => Err(crate::app::ledger::period_locked(date, lock, field)),
        _ => Ok(()),
    }
}
