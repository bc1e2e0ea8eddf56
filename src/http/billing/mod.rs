//! Receivables and payables over HTTP: `/tax-rates`, `/bank-accounts`, `/invoices`,
//! `/credit-notes`, `/bills`, `/vendor-credits`, `/payments`, the aging and tax reports and
//! the statement of account. One file per noun; each handler extracts, calls one use case of
//! `app::billing` and replies.

pub mod bank_accounts;
pub mod tax_rates;
