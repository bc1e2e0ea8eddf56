//! Record-level permissions for CRM, in one place.
//!
//! Admins and owners write everything. Account managers write the records of accounts they
//! own or whose team they are in (as a member or its lead); a team lead also writes across
//! the sub-teams of the teams they lead. Everyone with a role reads. Changing a relationship
//! (moving a record to another account, reassigning an owner or team) needs write access on
//! both ends, not just read access on the target.

use crate::app::Tx;
use crate::domain::ids::{ClientAccountId, TeamId, UserId};
use std::collections::{HashMap, HashSet};

use crate::app::error::AppError;
use crate::auth::{Caller, Permission};
use crate::db::crm::accounts::AccountRow;
use crate::db::{self};
use crate::domain::identity::Role;

pub const WRITE_ACCOUNT: &str =
    "crm:write on this account (own it, be in its team, or lead a parent team)";

/// What the caller may write.
#[derive(Debug, Clone)]
pub struct Reach {
    pub everything: bool,
    pub user: UserId,
    /// Teams whose accounts the caller writes: member, lead, or below a team they lead.
    pub teams: HashSet<TeamId>,
    /// Teams the caller leads, with their sub-teams.
    pub led: HashSet<TeamId>,
}

impl Reach {
    pub fn of(conn: &mut Tx, caller: &Caller) -> Result<Reach, AppError> {
        let user = caller.user_id();
        let everything = matches!(caller.role, Role::Owner | Role::Admin);
        if everything || !caller.can(Permission::WriteCrm) {
            return Ok(Reach {
                everything,
                user,
                teams: HashSet::new(),
                led: HashSet::new(),
            });
        }
        let org = caller.org;
        let (member, lead) = db::crm::access::teams_of(conn, org, user)?;
        let parents: HashMap<TeamId, Option<TeamId>> = db::identity::teams::parents(conn, org)?
            .into_iter()
            .collect();
        let led = descendants(&parents, &lead);
        let mut teams: HashSet<TeamId> = member.into_iter().collect();
        teams.extend(led.iter().copied());
        Ok(Reach {
            everything,
            user,
            teams,
            led,
        })
    }

    pub fn can_write(&self, account: &AccountRow) -> bool {
        self.everything
            || account.owner_id == Some(self.user)
            || account.team_id.is_some_and(|t| self.teams.contains(&t))
    }

    /// Reassigning is for admins and team leads over the teams they lead.
    pub fn can_reassign(&self, account: &AccountRow) -> bool {
        self.everything || (!self.led.is_empty() && self.can_write(account))
    }

    pub fn leads_team(&self, team: TeamId) -> bool {
        self.everything || self.led.contains(&team)
    }
}

/// `roots` and every team below them.
fn descendants(parents: &HashMap<TeamId, Option<TeamId>>, roots: &[TeamId]) -> HashSet<TeamId> {
    let mut out: HashSet<TeamId> = roots.iter().copied().collect();
    // Fixed point: a team joins when its parent is in; bounded by the number of teams.
    for _ in 0..parents.len() {
        let before = out.len();
        for (team, parent) in parents {
            if parent.is_some_and(|p| out.contains(&p)) {
                out.insert(*team);
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

/// 403 unless the caller may write the records of `account`.
pub fn require_write(
    conn: &mut Tx,
    caller: &Caller,
    account: &AccountRow,
) -> Result<Reach, AppError> {
    caller.require(Permission::WriteCrm)?;
    let reach = Reach::of(conn, caller)?;
    if reach.can_write(account) {
        Ok(reach)
    } else {
        Err(AppError::forbidden(WRITE_ACCOUNT))
    }
}

/// Loads an account (404 across organizations) and checks write access to it.
pub fn writable_account(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
) -> Result<AccountRow, AppError> {
    let account = super::load_account(conn, caller, id)?;
    require_write(conn, caller, &account)?;
    Ok(account)
}
