//! The general ledger's use cases, by noun: the chart ([`accounts`]), [`exchange_rates`],
//! journal [`entries`] and their reversal, the [`lock_date`], [`balances`] and the books'
//! [`reports`]. [`posting`] holds the rules every entry passes through, for manual entries
//! and for the documents and payments that post inside their own units of work.

pub mod accounts;
pub mod balances;
pub mod entries;
pub mod exchange_rates;
pub mod lock_date;
pub mod posting;
pub mod reports;

use chrono::{NaiveDate, Utc};

use crate::app::error::AppError;
use crate::app::Tx;
use crate::auth::Caller;
use crate::db::{self, ledger::LedgerAccountRow};
use crate::domain::ids::OrganizationId;
use crate::domain::ledger::{AccountType, SystemRole};
use crate::domain::money::{Currency, Money, Rounding};

// The paths the billing area calls; the functions live by noun.
pub use accounts::{create_default_chart_in, get_account};
pub use balances::subtree;
pub use posting::{
    get_entry, period_locked, post_entry_for, post_entry_in, post_reversal, with_lines, DraftLine,
    Entry, EntryDraft, Source,
};

pub fn currency_of(code: &str) -> Result<Currency, AppError> {
    Currency::parse(code)
        .map_err(|_| AppError::internal(format!("stored currency {code} is unknown")))
}

pub fn type_of(row: &LedgerAccountRow) -> Result<AccountType, AppError> {
    row.account_type
        .parse()
        .map_err(|_| AppError::internal("stored ledger account has an unknown type"))
}

pub fn role_of(row: &LedgerAccountRow) -> Option<SystemRole> {
    row.system_role.as_deref().and_then(|r| r.parse().ok())
}

/// Formats minor units of `currency`.
pub fn amount(minor: i64, currency: Currency) -> String {
    Money::from_minor(minor, currency).to_string()
}

pub struct Org {
    pub id: OrganizationId,
    pub base: Currency,
    pub fiscal_year_start_month: u32,
    pub lock_date: Option<NaiveDate>,
    /// How documents round (an organization setting).
    pub rounding: Rounding,
    /// The zone whose date is the organization's "today".
    pub timezone: chrono_tz::Tz,
}

impl Org {
    /// The organization's date now, in its time zone.
    pub fn today(&self) -> NaiveDate {
        crate::app::organization::today_in(self.timezone)
    }
}

pub fn org(conn: &mut Tx, caller: &Caller) -> Result<Org, AppError> {
    org_by_id(conn, caller.org)
}

/// UTC's date, where a default is taken before the organization is read.
fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The organization `id`, for work with no caller (background jobs).
pub fn org_by_id(conn: &mut Tx, id: OrganizationId) -> Result<Org, AppError> {
    let row = db::identity::organizations::find(conn, id)?;
    Ok(Org {
        timezone: crate::app::organization::zone_of(&row.timezone),
        id: row.id,
        base: currency_of(&row.base_currency)?,
        fiscal_year_start_month: row.fiscal_year_start_month.clamp(1, 12) as u32,
        lock_date: row.lock_date,
        rounding: if row.rounding_mode == "half_even" {
            Rounding::HalfEven
        } else {
            Rounding::HalfUp
        },
    })
}

/// Both ends of a date range, in order.
fn range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate), AppError> {
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::field(
            "validation_failed",
            "from",
            "give both from and to",
        ));
    };
    if from > to {
        return Err(AppError::field(
            "dates_out_of_order",
            "to",
            "must be on or after from",
        ));
    }
    Ok((from, to))
}
