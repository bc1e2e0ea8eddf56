//! Moved: the books' reports are [`crate::app::ledger::reports`]. This path stays for the
//! billing area's `amount` until it names the ledger's.

pub use super::ledger::amount;
