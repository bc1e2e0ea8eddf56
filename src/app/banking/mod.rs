//! Banking and cash: statements imported from the bank ([`import`]), their lines and
//! reconciliation with the books ([`reconcile`], [`auto`]), bank rules ([`rules`]),
//! transfers between the organization's bank accounts ([`transfers`]) and the cash position
//! ([`cash`]). Each use case opens its own unit of work.

pub mod auto;
pub mod cash;
pub mod reconcile;
pub mod rules;
pub mod statements;
pub mod transactions;
pub mod transfers;
