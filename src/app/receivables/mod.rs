//! Receivables and payables: tax rates, bank accounts, documents (invoices, bills, credit
//! notes, vendor credits), payments with allocations, and the reports over them.
//!
//! Every document and payment posts through [`crate::app::ledger::post_entry_for`] inside its
//! own transaction, so the journal and the documents cannot disagree; the aging is computed
//! from the same base-currency amounts the postings used, which is why it ties to the control
//! accounts.

pub mod banks;
pub mod documents;
pub mod payments;
pub mod reports;
pub mod tax_rates;

use crate::domain::ids::{ClientAccountId, LedgerAccountId, OrganizationId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::error::AppError;
use crate::app::ledger::Org;
use crate::auth::{Caller, Permission};
use crate::db::{self, DbConn};
use crate::domain::documents::Ledger;
use crate::domain::ledger::SystemRole;
use crate::domain::money::Currency;

/// A minor-unit amount as the API writes it: a decimal string with the currency's places.
pub fn money(minor: i64, currency: Currency) -> String {
    crate::app::reports::amount(minor, currency)
}

/// The rate of a document or payment in `currency`: given, else the organization's rate of
/// that date (or the latest before it); 1 in the base currency, where another rate is refused.
pub fn resolve_rate(
    conn: &mut DbConn,
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
    conn: &mut DbConn,
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
    conn: &mut DbConn,
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
    conn: &mut DbConn,
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

// ---- organization settings for documents ----

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Ties away from zero (0.025 → 0.03): the usual invoicing convention.
    HalfUp,
    /// Ties to the even digit (0.025 → 0.02).
    HalfEven,
}

impl RoundingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfEven => "half_even",
        }
    }
}

/// The organization and how its documents are numbered and rounded.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationSettings {
    pub id: uuid::Uuid,
    pub name: String,
    #[schema(example = "USD")]
    pub base_currency: String,
    pub fiscal_year_start_month: i16,
    pub lock_date: Option<NaiveDate>,
    pub rounding_mode: RoundingMode,
    #[schema(example = "INV-")]
    pub invoice_prefix: String,
    #[schema(example = "CN-")]
    pub credit_note_prefix: String,
    #[schema(example = "VC-")]
    pub vendor_credit_prefix: String,
    /// The number the next issued invoice takes.
    pub next_invoice_number: i64,
    pub next_credit_note_number: i64,
    pub next_vendor_credit_number: i64,
    pub version: i64,
}

pub fn organization_view(
    conn: &mut DbConn,
    caller: &Caller,
) -> Result<OrganizationSettings, AppError> {
    let row = db::organizations::find(conn, caller.org)?;
    let seqs = db::receivables::sequences(conn, row.id)?;
    let seq = |kind: &str| {
        seqs.iter()
            .find(|s| s.0 == kind)
            .map(|s| (s.1.clone(), s.2))
            .unwrap_or_default()
    };
    let (invoice_prefix, next_invoice_number) = seq("invoice");
    let (credit_note_prefix, next_credit_note_number) = seq("credit_note");
    let (vendor_credit_prefix, next_vendor_credit_number) = seq("vendor_credit");
    Ok(OrganizationSettings {
        id: row.id.0,
        name: row.name,
        base_currency: row.base_currency,
        fiscal_year_start_month: row.fiscal_year_start_month,
        lock_date: row.lock_date,
        rounding_mode: if row.rounding_mode == "half_even" {
            RoundingMode::HalfEven
        } else {
            RoundingMode::HalfUp
        },
        invoice_prefix,
        credit_note_prefix,
        vendor_credit_prefix,
        next_invoice_number,
        next_credit_note_number,
        next_vendor_credit_number,
        version: row.version,
    })
}

pub struct OrganizationChanges {
    pub name: Option<String>,
    pub rounding_mode: Option<RoundingMode>,
    pub invoice_prefix: Option<String>,
    pub credit_note_prefix: Option<String>,
    pub vendor_credit_prefix: Option<String>,
}

pub fn update_organization_in(
    conn: &mut DbConn,
    caller: &Caller,
    expected: &crate::app::input::IfMatch,
    changes: OrganizationChanges,
) -> Result<OrganizationSettings, AppError> {
    caller.require(Permission::ManageOrganization)?;
    let row = db::organizations::find(conn, caller.org)?;
    expected.check(row.version)?;
    db::organizations::update_settings(
        conn,
        row.id,
        changes.name.as_deref().unwrap_or(&row.name),
        changes
            .rounding_mode
            .map(RoundingMode::as_str)
            .unwrap_or(&row.rounding_mode),
    )?;
    for (kind, prefix) in [
        ("invoice", &changes.invoice_prefix),
        ("credit_note", &changes.credit_note_prefix),
        ("vendor_credit", &changes.vendor_credit_prefix),
    ] {
        if let Some(p) = prefix {
            db::receivables::set_prefix(conn, row.id, kind, p)?;
        }
    }
    organization_view(conn, caller)
}
