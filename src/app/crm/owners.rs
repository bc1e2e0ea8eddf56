//! Who an account belongs to: `POST /accounts/{id}/reassign` and
//! `GET /accounts/{id}/owner-history`. Reassigning is for admins and for leads of both the
//! account's team and the team it moves to; every change of owner or team, by reassignment or
//! by a change of the account, leaves a row of history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::access::Reach;
use super::accounts::{load_account, view_one, Account, AccountView};
use super::references::{check_team, check_user};
use crate::app::error::{AppError, Check};
use crate::app::page::Page;
use crate::app::record::Record;
use crate::app::unit_of_work::{Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::{Caller, Permission};
use crate::db::crm::accounts::AccountRow;
use crate::db::crm::owners::OwnerChangeRow;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, OwnerChangeId, TeamId, UserId};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignInput {
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// Hand the previous owner's open tasks on this account to the new owner.
    #[serde(default)]
    pub move_open_tasks: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerChangeView {
    pub id: Uuid,
    pub from_owner_id: Option<Uuid>,
    pub to_owner_id: Option<Uuid>,
    pub from_team_id: Option<Uuid>,
    pub to_team_id: Option<Uuid>,
    pub changed_by: Uuid,
    pub changed_at: DateTime<Utc>,
}

/// Admins, or a team lead who writes the account and leads the team it moves to.
pub fn authorize_reassign(
    tx: &mut Tx,
    caller: &Caller,
    account: &AccountRow,
    to_team: Option<TeamId>,
) -> Result<(), AppError> {
    caller.require(Permission::WriteCrm)?;
    let reach = Reach::of(tx, caller)?;
    let target_ok = match to_team {
        Some(t) => reach.leads_team(t),
        None => reach.everything,
    };
    if reach.can_reassign(account) && target_ok {
        Ok(())
    } else {
        Err(AppError::forbidden("crm:reassign (admins, or the lead of both the account's team and the team it moves to)"))
    }
}

/// Notes that `from` moves to `owner` and `team`.
pub fn record_owner_change(
    tx: &mut Tx,
    from: &AccountRow,
    owner: Option<UserId>,
    team: Option<TeamId>,
) -> Result<(), AppError> {
    let row = OwnerChangeRow {
        organization_id: from.organization_id,
        id: OwnerChangeId::new(),
        account_id: from.id,
        from_owner_id: from.owner_id,
        to_owner_id: owner,
        from_team_id: from.team_id,
        to_team_id: team,
        changed_by: tx.caller()?.user_id(),
        changed_at: db::now(),
    };
    row.insert(tx)?;
    tx.record(Change::created("owner_change", row.id.0, &view(row)));
    Ok(())
}

fn view(r: OwnerChangeRow) -> OwnerChangeView {
    OwnerChangeView {
        id: r.id.0,
        from_owner_id: r.from_owner_id.map(|v| v.0),
        to_owner_id: r.to_owner_id.map(|v| v.0),
        from_team_id: r.from_team_id.map(|v| v.0),
        to_team_id: r.to_team_id.map(|v| v.0),
        changed_by: r.changed_by.0,
        changed_at: r.changed_at.and_utc(),
    }
}

/// `POST /accounts/{id}/reassign`: a new owner and team; the history is kept.
pub async fn reassign(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    input: ReassignInput,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| Outcome::ok(&reassign_in(tx, id, input)?))
        .await
}

pub fn reassign_in(
    tx: &mut Tx,
    id: ClientAccountId,
    input: ReassignInput,
) -> Result<AccountView, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteCrm)?;
    let current = load_account(tx, caller, id)?;
    let org = caller.org;
    let mut check = Check::new();
    let owner = check_user(tx, org, "owner_id", input.owner_id, &mut check)?;
    let team = check_team(tx, org, "team_id", input.team_id, &mut check)?;
    check.finish()?;
    authorize_reassign(tx, caller, &current, team)?;
    let before = view_one(tx, current.clone(), None)?;
    record_owner_change(tx, &current, owner, team)?;
    let now = db::now();
    if input.move_open_tasks {
        if let Some(previous) = current.owner_id {
            move_open_tasks(tx, &current, previous, owner)?;
        }
    }
    let mut row = current.clone();
    row.owner_id = owner;
    row.team_id = team;
    row.version += 1;
    row.updated_at = now;
    if !db::crm::accounts::save(tx, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    let after = view_one(tx, row, None)?;
    tx.record(Change::updated(Account::NAME, id.0, &before, &after).as_event("reassigned"));
    Ok(after)
}

/// Hands `previous`'s open tasks on `account` to `owner`, noting each task it moves.
fn move_open_tasks(
    tx: &mut Tx,
    account: &AccountRow,
    previous: UserId,
    owner: Option<UserId>,
) -> Result<(), AppError> {
    let (org, ids) = (account.organization_id, [account.id]);
    let moving: Vec<_> = db::crm::tasks::tasks_of_accounts(tx, org, &ids)?
        .into_iter()
        .filter(|t| t.assignee_id == Some(previous) && t.status == "open")
        .map(|t| (t.id, t.version))
        .collect();
    db::crm::tasks::move_open_tasks(tx, org, account.id, previous, owner, db::now())?;
    for (task, version) in moving {
        let state = |assignee: Option<UserId>, version: i64| serde_json::json!({ "assignee_id": assignee, "version": version });
        tx.record(Change::updated(
            "task",
            task.0,
            &state(Some(previous), version),
            &state(owner, version + 1),
        ));
    }
    Ok(())
}

/// `GET /accounts/{id}/owner-history`: every reassignment, newest first, as one page.
pub async fn history(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
) -> Result<Page<OwnerChangeView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let account = load_account(tx, caller, id)?;
        let rows = db::crm::owners::history(tx, caller.org, account.id)?;
        Ok(Page {
            data: rows.into_iter().map(view).collect(),
            next_cursor: None,
        })
    })
    .await
}
