//! The general ledger's endpoints, by noun: `/ledger/accounts` (the chart, balances and
//! activity), `/exchange-rates`, `/ledger/journal-entries`, `/ledger/lock-date` and the
//! books' `/reports/*`. Each handler extracts, calls one use case of `app::ledger`, replies.

pub mod accounts;
pub mod balances;
pub mod entries;
pub mod exchange_rates;
pub mod lock_date;
pub mod reports;
