//! Many creations in one request, each answered on its own: `POST /accounts/batch` (and
//! contacts, interactions) and the non-atomic `POST /ledger/journal-entries/bulk`.
//!
//! The whole batch is one unit of work (one transaction, one `Idempotency-Key`); each item runs
//! in its own savepoint, so a refused item leaves nothing behind and the others go on. An item's
//! answer is what the single create would have answered for it alone: 201 and its view, or the
//! status and problem of its failure. A failure the client did not cause (the database) is the
//! whole request's failure, never one item's.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{AppError, Check, Problem};
use super::unit_of_work::Tx;

/// The most records one batch create takes.
pub const MAX_BATCH_RECORDS: usize = 100;

/// `POST /{collection}/batch`: the records, each as the single create takes it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest<T> {
    /// 1 to 100 records, each the body of the collection's single `POST`.
    #[schema(min_items = 1, max_items = 100)]
    pub records: Vec<T>,
}

/// What became of one item of a batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResult<T> {
    /// The item's index in the request's list.
    pub index: usize,
    /// 201 when created; otherwise the status the item alone would have been answered with.
    pub status: u16,
    /// The created resource, when `status` is 201.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    /// Why the item was not created, when `status` is not 201.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// The answer to a batch: one result per item, in the order sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResults<T> {
    pub results: Vec<BatchResult<T>>,
}

impl<T> BatchResults<T> {
    /// The results of `outcomes`, indexed in their order.
    pub fn of(outcomes: Vec<Result<T, AppError>>) -> Self {
        let results = outcomes
            .into_iter()
            .enumerate()
            .map(|(index, outcome)| match outcome {
                Ok(view) => BatchResult {
                    index,
                    status: 201,
                    data: Some(view),
                    problem: None,
                },
                Err(e) => BatchResult {
                    index,
                    status: e.kind.status(),
                    data: None,
                    problem: Some(e.problem()),
                },
            })
            .collect();
        BatchResults { results }
    }
}

/// A batch's list `field` holds 1 to `max` items: `required` when empty, `too_many_items` above.
pub fn check_size(check: &mut Check, field: &str, len: usize, max: usize) {
    if len == 0 {
        check.push(field, "required", "at least one item");
    }
    check.max_items(field, len, max);
}

/// Runs `create` on each item in its own savepoint, in order; an item already refused
/// (`Err`) is kept as it is. Each item's outcome, or the first failure the client did not cause,
/// which fails the whole batch.
pub fn each_in_savepoint<I, T>(
    tx: &mut Tx,
    items: impl IntoIterator<Item = Result<I, AppError>>,
    mut create: impl FnMut(&mut Tx<'_>, I) -> Result<T, AppError>,
) -> Result<Vec<Result<T, AppError>>, AppError> {
    let mut outcomes = Vec::new();
    for item in items {
        let outcome = item.and_then(|item| tx.savepoint(|tx| create(tx, item)));
        if let Err(e) = &outcome {
            if !e.is_client_error() {
                return Err(e.clone());
            }
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}
