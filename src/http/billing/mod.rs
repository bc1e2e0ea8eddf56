//! Receivables and payables over HTTP: `/tax-rates`, `/bank-accounts`, `/invoices`,
//! `/credit-notes`, `/bills`, `/vendor-credits`, `/payments`, the aging and tax reports and
//! the statement of account. One file per noun; each handler extracts, calls one use case of
//! `app::billing` and replies. The four document kinds share their handlers (`documents`).

pub mod aging;
pub mod bank_accounts;
pub mod bills;
pub mod credit_notes;
pub mod documents;
pub mod invoices;
pub mod payments;
pub mod statements;
pub mod tax_rates;
pub mod tax_summary;
pub mod vendor_credits;
