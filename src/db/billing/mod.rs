//! Receivables and payables: tax rates, bank accounts, documents and their lines, payments,
//! allocations and the numbering counters. One file per table family; the rules live in
//! `app::billing`.

pub mod allocations;
pub mod bank_accounts;
pub mod documents;
pub mod numbering;
pub mod payments;
pub mod tax_rates;
