//! Use cases, transport-free. Each is one function taking the [`App`] and the request's
//! [`Context`] that opens its own unit of work ([`App::read`], [`App::snapshot`],
//! [`App::write`], [`App::write_once`] with the idempotency claim, replay and store), runs it in
//! one blocking task off actix's few workers, and returns its view or an [`error::AppError`].
//! The `*_in(tx, ..)` functions compose inside a larger use case's unit of work (an invoice's
//! issue posts its journal entry in the same transaction). Plain tenant-owned records are
//! declarations served by [`record`]; areas mirror the API's nouns (`identity`, `crm`,
//! `ledger`, `billing`), as do `db` and `http`.

pub mod banking;
pub mod batch;
pub mod billing;
pub mod crm;
pub mod demo;
pub mod error;
pub mod events;
pub mod identity;
pub mod input;
pub mod ledger;
pub mod maintenance;
pub mod organization;
pub mod page;
pub mod record;
pub mod tabular;
pub mod unit_of_work;
pub mod webhooks;

pub use unit_of_work::{blocking, App, Context, Lifecycle, Outcome, Tx};

use std::collections::HashMap;

use error::AppError;

/// A missing row is a 404 naming `what`; any other failure keeps its own mapping.
pub fn not_found(e: diesel::result::Error, what: &str) -> AppError {
    match e {
        diesel::result::Error::NotFound => AppError::not_found(what),
        other => other.into(),
    }
}

/// Whether putting `node` under `new_parent` closes a loop in a hierarchy given as
/// child → parent (teams, ledger accounts). The walk is bounded, so a tree that already
/// loops answers true instead of spinning.
pub fn would_cycle<Id: Copy + Eq + std::hash::Hash>(
    parents: &HashMap<Id, Option<Id>>,
    node: Id,
    new_parent: Id,
) -> bool {
    let mut at = Some(new_parent);
    let mut steps = 0;
    while let Some(a) = at {
        if a == node || steps > parents.len() {
            return true;
        }
        at = parents.get(&a).copied().flatten();
        steps += 1;
    }
    false
}
