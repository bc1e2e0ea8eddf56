//! Client relationships: accounts and the records an account manager keeps about them. One
//! file per API noun; record-level access lives in [`access`], and derived account state (the
//! at-risk status, the next check-in) is refreshed in the unit of work of the write that
//! changes it.

pub mod access;
pub mod account_plans;
pub mod account_records;
pub mod accounts;
pub mod agenda;
pub mod competitor_report;
pub mod competitors;
pub mod contact_import;
pub mod contacts;
pub mod export;
pub mod feedback;
pub mod health;
pub mod import;
pub mod import_jobs;
pub mod interactions;
pub mod merge;
pub mod opportunities;
pub mod owners;
pub mod pipeline;
pub mod profitability;
pub mod proposals;
pub mod references;
pub mod reports;
pub mod requests;
pub mod retention;
pub mod risks;
pub mod settings;
pub mod targets;
pub mod tasks;
pub mod timeline;

use crate::domain::money::{Currency, Money};

// What the CRM records' use cases call on their accounts, under the names they use.
pub use crate::app::error::Check;
pub use crate::app::not_found;
pub use accounts::{cadence_days, check_in_due, load_account, refresh_account};
pub use references::{check_team, check_user, resolve_competitor};
pub use settings::{settings, CrmSettings};

/// A money amount for answers: the decimal string of `minor` in `currency`.
pub fn money_string(minor: i64, currency: &str) -> String {
    match Currency::parse(currency) {
        Ok(c) => Money::from_minor(minor, c).amount().to_string(),
        Err(_) => minor.to_string(),
    }
}
