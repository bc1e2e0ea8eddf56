//! `POST /accounts/{id}/merge`: a duplicate's records move onto the surviving account and the
//! duplicate is archived, pointing at the survivor. Both accounts must be writable by the
//! caller; the derived state of both is recomputed in the same unit of work.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::access;
use super::accounts::{load_account, refresh_account, view_one, Account, AccountView};
use crate::app::error::{AppError, ErrorKind};
use crate::app::record::Record;
use crate::app::unit_of_work::{Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::{self};
use crate::domain::ids::ClientAccountId;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    pub duplicate_id: Uuid,
}

/// `POST /accounts/{id}/merge`.
pub async fn merge(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    input: MergeInput,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| Outcome::ok(&merge_in(tx, id, input)?))
        .await
}

/// Moves the duplicate's records onto account `id` and archives the duplicate.
pub fn merge_in(
    tx: &mut Tx,
    id: ClientAccountId,
    input: MergeInput,
) -> Result<AccountView, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteCrm)?;
    let survivor = access::writable_account(tx, caller, id)?;
    let duplicate = load_account(tx, caller, ClientAccountId(input.duplicate_id)).map_err(|e| {
        if e.kind == ErrorKind::NotFound {
            AppError::field(
                "not_found",
                "duplicate_id",
                "no such account in your organization",
            )
        } else {
            e
        }
    })?;
    access::require_write(tx, caller, &duplicate)?;
    if duplicate.id == survivor.id {
        return Err(AppError::field(
            "merge_into_self",
            "duplicate_id",
            "an account cannot be merged into itself",
        ));
    }
    if duplicate.archived_at.is_some() {
        return Err(AppError::field(
            "account_archived",
            "duplicate_id",
            "the duplicate is already archived",
        ));
    }
    let org = caller.org;
    let survivor_before = view_one(tx, survivor.clone(), None)?;
    let duplicate_before = view_one(tx, duplicate.clone(), None)?;
    db::crm::account_records::move_account_records(tx, org, duplicate.id, survivor.id)?;
    let mut dup = duplicate.clone();
    dup.archived_at = Some(db::now());
    dup.merged_into_id = Some(survivor.id);
    dup.version += 1;
    dup.updated_at = db::now();
    db::crm::accounts::save(tx, &dup, duplicate.version)?;
    let dup = refresh_account(tx, org, dup.id)?;
    let duplicate_after = view_one(tx, dup, None)?;
    tx.record(
        Change::updated(
            Account::NAME,
            duplicate.id.0,
            &duplicate_before,
            &duplicate_after,
        )
        .as_event("merged"),
    );
    let row = refresh_account(tx, org, survivor.id)?;
    let after = view_one(tx, row, None)?;
    tx.record(
        Change::updated(Account::NAME, survivor.id.0, &survivor_before, &after).as_event("merged"),
    );
    Ok(after)
}
