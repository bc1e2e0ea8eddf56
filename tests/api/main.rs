//! Black-box tests over HTTP: each test starts Accord on a random port with a fresh database,
//! once on SQLite and once on PostgreSQL (see `both_backends!`).

mod common;

mod contract;
mod crm;
mod crm_more;
mod crm_revenue;
mod identity;
mod ledger;
mod ledger_folding;
mod receivables;
mod schema;
mod spec_names;
