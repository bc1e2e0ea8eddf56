//! Banking and cash: statements imported from the bank ([`import`]), their lines and
//! reconciliation with the books ([`reconcile`], [`auto`]), bank rules ([`rules`]),
//! transfers between the organization's bank accounts ([`transfers`]) and the cash position
//! ([`cash`]). Each use case opens its own unit of work.

use crate::app::error::AppError;
use crate::app::Tx;
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::record::{Keyset, Stored};
use crate::domain::ids::OrganizationId;

pub mod auto;
pub mod cash;
pub mod reconcile;
pub mod rules;
pub mod statements;
pub mod transactions;
pub mod transfers;

/// Every bank account of the organization, in creation order (statement routing, the cash
/// position).
pub fn all_bank_accounts(
    tx: &mut Tx,
    org: OrganizationId,
) -> Result<Vec<BankAccountRow>, AppError> {
    const PAGE: i64 = 500;
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let keyset = Keyset {
            after,
            descending: false,
            limit: PAGE,
            updated_since: None,
        };
        let rows = BankAccountRow::list(tx, org, &(), keyset)?;
        let done = (rows.len() as i64) < PAGE;
        after = rows.last().map(|r| r.id);
        out.extend(rows);
        if done {
            return Ok(out);
        }
    }
}
