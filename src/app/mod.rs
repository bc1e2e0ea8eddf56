//! Use cases. Each runs its database work in one blocking task (off actix's few worker
//! threads) and, when it writes, in one transaction; the `*_in` functions take an open
//! connection so a larger use case can compose them inside its own transaction.

pub mod billing;
pub mod crm;
pub mod error;
pub mod identity;
pub mod input;
pub mod ledger;
pub mod maintenance;
pub mod organization;
pub mod page;
pub mod receivables;
pub mod record;
pub mod reports;
pub mod unit_of_work;

pub use unit_of_work::{blocking, App, Context, Outcome, Tx};

use std::collections::HashMap;

use crate::auth::Caller;
use error::AppError;

/// Transitional: the entry points of the handlers not yet moved onto use cases that own
/// their unit of work. Each gives the closure a unit of work for `caller`.
impl App {
    pub async fn legacy_read<T, F>(&self, caller: Caller, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        self.read(&Context::new(Some(caller), String::new(), None), f)
            .await
    }

    pub async fn legacy_snapshot<T, F>(&self, caller: Caller, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        self.snapshot(&Context::new(Some(caller), String::new(), None), f)
            .await
    }

    pub async fn legacy_write<T, F>(&self, caller: Caller, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        self.write(&Context::new(Some(caller), String::new(), None), f)
            .await
    }
}

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
