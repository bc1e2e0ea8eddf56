//! Accord: an account-management back office with a double-entry ledger, as a REST API.
//!
//! Layers (data flows one way): `http` (actix handlers, the spec, error mapping) → `app`
//! (use cases, one transaction each) → `domain` (pure rules) and `db` (diesel on PostgreSQL
//! or SQLite). `startup` wires them for `main` and for the tests.

pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod http;
pub mod startup;
pub mod telemetry;
