//! Black-box tests over HTTP: each test starts Accord on a random port with a fresh database,
//! once on SQLite and once on PostgreSQL (see `both_backends!` in `support`).

// A test asserts by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod authz;
mod banking;
mod change_log;
mod contract;
mod crm;
mod domain_events;
mod events;
mod identity;
mod layering;
mod ledger;
mod receivables;
mod schema;
mod sync;
mod webhooks;
