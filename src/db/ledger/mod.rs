//! Ledger storage, by noun: the chart, exchange rates, journal entries and the balances'
//! sums. The re-exports keep `db::ledger::*` paths working for the billing area.

pub mod accounts;
pub mod balances;
pub mod entries;
pub mod exchange_rates;

pub use accounts::*;
pub use balances::*;
pub use entries::*;
pub use exchange_rates::*;
