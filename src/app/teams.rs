//! Teams: a lead, an optional parent team, and the members. Membership lives here only.

use std::collections::{BTreeSet, HashMap};

use crate::app::error::{AppError, FieldError, Unique};
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::teams::{TeamChanges, TeamRow};
use crate::db::{self, DbConn};
use crate::domain::ids::{TeamId, UserId};

pub struct Team {
    pub row: TeamRow,
    pub member_ids: Vec<UserId>,
}

pub struct TeamInput {
    pub name: Option<String>,
    pub lead_id: Option<Option<UserId>>,
    pub parent_team_id: Option<Option<TeamId>>,
    pub member_ids: Option<Vec<UserId>>,
}

/// Checks that referenced users and the parent team exist, that the name is free and that the
/// parent does not make a cycle; lists every problem at once.
fn check_references(
    conn: &mut DbConn,
    caller: &Caller,
    team: Option<TeamId>,
    input: &TeamInput,
) -> Result<(), AppError> {
    let org = caller.org;
    let mut errors = Vec::new();
    let mut wanted: Vec<UserId> = input
        .member_ids
        .iter()
        .flatten()
        .map(|u| UserId(u.0))
        .collect();
    if let Some(Some(lead)) = input.lead_id {
        wanted.push(UserId(lead.0));
    }
    let existing: BTreeSet<UserId> = db::users::existing_ids(conn, org, &wanted)?
        .into_iter()
        .collect();
    if let Some(Some(lead)) = input.lead_id {
        if !existing.contains(&UserId(lead.0)) {
            errors.push(FieldError::new(
                "lead_id",
                "not_found",
                "no such user in your organization",
            ));
        }
    }
    for (i, m) in input.member_ids.iter().flatten().enumerate() {
        if !existing.contains(&UserId(m.0)) {
            errors.push(FieldError::new(
                format!("member_ids[{i}]"),
                "not_found",
                "no such user in your organization",
            ));
        }
    }
    if let Some(name) = &input.name {
        if db::teams::name_taken(conn, org, name, team)? {
            errors.push(FieldError::new(
                "name",
                "name_taken",
                "another team has this name",
            ));
        }
    }
    if let Some(Some(parent)) = input.parent_team_id {
        let parents: HashMap<TeamId, Option<TeamId>> =
            db::teams::parents(conn, org)?.into_iter().collect();
        let parent = TeamId(parent.0);
        if !parents.contains_key(&parent) {
            errors.push(FieldError::new(
                "parent_team_id",
                "not_found",
                "no such team in your organization",
            ));
        } else if team.is_some_and(|team| super::would_cycle(&parents, team, parent)) {
            errors.push(FieldError::new(
                "parent_team_id",
                "team_cycle",
                "a team cannot sit under itself or its own sub-team",
            ));
        }
    }
    crate::app::error::Check::from(errors).finish()
}

fn dedup(ids: &[UserId]) -> Vec<UserId> {
    let set: BTreeSet<UserId> = ids.iter().map(|u| UserId(u.0)).collect();
    set.into_iter().collect()
}

pub fn create_in(
    conn: &mut DbConn,
    caller: &Caller,
    name: String,
    input: TeamInput,
) -> Result<Team, AppError> {
    caller.require(Permission::ManageTeams)?;
    check_references(conn, caller, None, &input)?;
    let now = db::now();
    let row = TeamRow {
        organization_id: caller.org,
        id: TeamId(TeamId::new().0),
        name,
        lead_id: input.lead_id.flatten().map(|u| UserId(u.0)),
        parent_team_id: input.parent_team_id.flatten().map(|t| TeamId(t.0)),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn).unique("name", name_taken)?;
    db::teams::set_members(
        conn,
        row.organization_id,
        row.id,
        &dedup(input.member_ids.as_deref().unwrap_or(&[])),
    )?;
    get(conn, caller, TeamId(row.id.0))
}

pub fn get(conn: &mut DbConn, caller: &Caller, id: TeamId) -> Result<Team, AppError> {
    let row = db::teams::find(conn, caller.org, TeamId(id.0))
        .map_err(|e| crate::app::not_found(e, "team"))?;
    let mut teams = with_members(conn, caller, vec![row])?;
    teams.pop().ok_or_else(|| AppError::not_found("team"))
}

pub fn with_members(
    conn: &mut DbConn,
    caller: &Caller,
    rows: Vec<TeamRow>,
) -> Result<Vec<Team>, AppError> {
    let ids: Vec<TeamId> = rows.iter().map(|r| r.id).collect();
    let mut members: HashMap<TeamId, Vec<UserId>> = HashMap::new();
    for (team, user) in db::teams::members(conn, caller.org, &ids)? {
        members.entry(team).or_default().push(UserId(user.0));
    }
    Ok(rows
        .into_iter()
        .map(|row| Team {
            member_ids: members.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

pub fn update_in(
    conn: &mut DbConn,
    caller: &Caller,
    id: TeamId,
    expected: &IfMatch,
    input: TeamInput,
) -> Result<Team, AppError> {
    caller.require(Permission::ManageTeams)?;
    let current = get(conn, caller, id)?;
    expected.check(current.row.version)?;
    check_references(conn, caller, Some(current.row.id), &input)?;
    let changes = TeamChanges {
        name: input.name,
        lead_id: input.lead_id.map(|l| l.map(|u| UserId(u.0))),
        parent_team_id: input.parent_team_id.map(|p| p.map(|t| TeamId(t.0))),
    };
    if !db::teams::update(
        conn,
        current.row.organization_id,
        current.row.id,
        current.row.version,
        &changes,
        db::now(),
    )
    .unique("name", name_taken)?
    {
        return Err(AppError::version_mismatch());
    }
    if let Some(members) = &input.member_ids {
        db::teams::set_members(
            conn,
            current.row.organization_id,
            current.row.id,
            &dedup(members),
        )?;
    }
    get(conn, caller, id)
}

pub fn delete_in(conn: &mut DbConn, caller: &Caller, id: TeamId) -> Result<(), AppError> {
    caller.require(Permission::ManageTeams)?;
    let current = get(conn, caller, id)?;
    if db::teams::has_children(conn, current.row.organization_id, current.row.id)? {
        return Err(AppError::conflict(
            "team_has_sub_teams",
            "move or delete this team's sub-teams first",
        ));
    }
    db::teams::delete(conn, current.row.organization_id, current.row.id)?;
    Ok(())
}

pub fn list(
    conn: &mut DbConn,
    caller: &Caller,
    descending: bool,
    after: Option<uuid::Uuid>,
    limit: i64,
) -> Result<Vec<Team>, AppError> {
    caller.require(Permission::Read)?;
    let rows = db::teams::list(conn, caller.org, descending, after.map(TeamId), limit)?;
    with_members(conn, caller, rows)
}

fn name_taken() -> AppError {
    AppError::field("name_taken", "name", "another team has this name")
}
