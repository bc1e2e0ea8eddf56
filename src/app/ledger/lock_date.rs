//! The lock date: nothing may be posted on or before it. Accountants and admins move it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::org;
use crate::app::error::AppError;
use crate::app::unit_of_work::Change;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LockDate {
    /// Nothing may be dated on or before it; `null` unlocks.
    pub lock_date: Option<NaiveDate>,
}

/// `GET /ledger/lock-date`.
pub async fn get(app: &App, cx: &Context) -> Result<LockDate, AppError> {
    app.read(cx, |tx| {
        let caller = tx.caller()?;
        Ok(LockDate {
            lock_date: org(tx, caller)?.lock_date,
        })
    })
    .await
}

/// `PUT /ledger/lock-date`: sets it, or unlocks with `null`.
pub async fn set(app: &App, cx: &Context, req: LockDate) -> Result<LockDate, AppError> {
    app.write(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = LockDate {
            lock_date: org(tx, caller)?.lock_date,
        };
        db::identity::organizations::set_lock_date(tx, caller.org, req.lock_date, db::now())?;
        tx.record(
            Change::updated("ledger", caller.org.0, &before, &req).as_event("lock_date_changed"),
        );
        Ok(req)
    })
    .await
}
