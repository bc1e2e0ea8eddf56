//! `invoice.overdue`: announced once per invoice, by a background job, the day after its due
//! date in the organization's time zone while an amount is still due.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};

use super::documents::view;
use crate::app::error::AppError;
use crate::app::ledger;
use crate::app::unit_of_work::{Actor, Change};
use crate::app::{App, Context};
use crate::db::{self};
use crate::domain::ids::{DocumentId, OrganizationId};

/// Records `invoice.overdue` for up to `batch` invoices that became overdue, as the system,
/// one write transaction per organization; how many it announced.
pub async fn announce_overdue_invoices(app: &App, batch: i64) -> Result<usize, AppError> {
    // No zone's date is later than tomorrow in UTC; each organization's own today decides.
    let due_before = Utc::now().date_naive() + Duration::days(1);
    let cx = Context::system();
    let candidates = app
        .read(&cx, move |tx| {
            Ok(db::billing::documents::overdue_candidates(
                tx, due_before, batch,
            )?)
        })
        .await?;
    let mut by_org: BTreeMap<OrganizationId, Vec<DocumentId>> = BTreeMap::new();
    for (org, id) in candidates {
        by_org.entry(org).or_default().push(id);
    }
    let mut announced = 0;
    for (org, ids) in by_org {
        announced += app
            .write(&cx, move |tx| {
                tx.act_as(org, Actor::System);
                let settings = ledger::org_by_id(tx, org)?;
                let today = settings.today();
                let now = db::now();
                let mut n = 0;
                for id in ids {
                    let row = db::billing::documents::find_document(tx, org, id)?;
                    let due = row.due_date.is_some_and(|d| d < today)
                        && matches!(row.status.as_str(), "open" | "partially_paid")
                        && row.allocated_minor < row.total_minor;
                    if !due || !db::billing::documents::mark_overdue_notified(tx, org, id, now)? {
                        continue;
                    }
                    let shown = view(tx, &settings, row)?;
                    tx.record(Change::updated("invoice", id.0, &shown, &shown).as_event("overdue"));
                    n += 1;
                }
                Ok(n)
            })
            .await?;
    }
    Ok(announced)
}
