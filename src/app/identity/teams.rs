//! Teams: a lead, an optional parent team, and the members. Membership lives here only.
//! A plain record (see [`crate::app::record`]) with its own rules: referenced users and the
//! parent must exist, names are unique, and the hierarchy has no cycles.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::app::error::{on_unique, AppError, Check};
use crate::app::input::double_option;
use crate::app::page::CreationSort;
use crate::app::record::Record;
use crate::app::unit_of_work::Tx;
use crate::auth::Permission;
use crate::db::identity::teams::TeamRow;
use crate::db::{self};
use crate::domain::ids::{TeamId, UserId};

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamView {
    pub id: TeamId,
    pub name: String,
    pub lead_id: Option<UserId>,
    pub parent_team_id: Option<TeamId>,
    pub member_ids: Vec<UserId>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTeamRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Enterprise accounts", min_length = 1, max_length = 200)]
    pub name: String,
    pub lead_id: Option<UserId>,
    pub parent_team_id: Option<TeamId>,
    #[serde(default)]
    pub member_ids: Vec<UserId>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTeamRequest {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<UserId>)]
    pub lead_id: Option<Option<UserId>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<TeamId>)]
    pub parent_team_id: Option<Option<TeamId>>,
    /// Replaces the membership when sent.
    pub member_ids: Option<Vec<UserId>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamListParams {
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(TeamListParams);

pub struct Team;

/// What a create or a change says about a team's references.
struct References<'a> {
    name: Option<&'a str>,
    lead_id: Option<UserId>,
    parent_team_id: Option<TeamId>,
    member_ids: &'a [UserId],
}

/// Checks that referenced users and the parent team exist, that the name is free and that
/// the parent does not make a cycle.
fn check_references(
    tx: &mut Tx,
    team: Option<TeamId>,
    refs: References,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = tx.caller()?.org;
    let mut wanted: Vec<UserId> = refs.member_ids.to_vec();
    wanted.extend(refs.lead_id);
    let existing: BTreeSet<UserId> = db::identity::users::existing_ids(tx, org, &wanted)?
        .into_iter()
        .collect();
    if refs.lead_id.is_some_and(|lead| !existing.contains(&lead)) {
        check.push("lead_id", "not_found", "no such user in your organization");
    }
    for (i, m) in refs.member_ids.iter().enumerate() {
        if !existing.contains(m) {
            check.push(
                format!("member_ids[{i}]"),
                "not_found",
                "no such user in your organization",
            );
        }
    }
    if let Some(name) = refs.name {
        if db::identity::teams::name_taken(tx, org, name, team)? {
            check.push("name", "name_taken", "another team has this name");
        }
    }
    if let Some(parent) = refs.parent_team_id {
        let parents: HashMap<TeamId, Option<TeamId>> =
            db::identity::teams::parents(tx, org)?.into_iter().collect();
        if !parents.contains_key(&parent) {
            check.push(
                "parent_team_id",
                "not_found",
                "no such team in your organization",
            );
        } else if team.is_some_and(|team| crate::app::would_cycle(&parents, team, parent)) {
            check.push(
                "parent_team_id",
                "team_cycle",
                "a team cannot sit under itself or its own sub-team",
            );
        }
    }
    Ok(())
}

fn set_members(tx: &mut Tx, row: &TeamRow, members: &[UserId]) -> Result<(), AppError> {
    let unique: Vec<UserId> = members
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Ok(db::identity::teams::set_members(
        tx,
        row.organization_id,
        row.id,
        &unique,
    )?)
}

impl Record for Team {
    const NAME: &'static str = "team";
    const COLLECTION: &'static str = "teams";
    const WRITE: Permission = Permission::ManageTeams;

    type Row = TeamRow;
    type Create = CreateTeamRequest;
    type Patch = UpdateTeamRequest;
    type View = TeamView;
    type Query = TeamListParams;

    fn new_row(
        tx: &mut Tx,
        input: &CreateTeamRequest,
        check: &mut Check,
    ) -> Result<TeamRow, AppError> {
        check.validate(input);
        let name = input.name.trim().to_owned();
        let refs = References {
            name: Some(&name),
            lead_id: input.lead_id,
            parent_team_id: input.parent_team_id,
            member_ids: &input.member_ids,
        };
        check_references(tx, None, refs, check)?;
        let now = db::now();
        Ok(TeamRow {
            organization_id: tx.caller()?.org,
            id: TeamId::new(),
            name,
            lead_id: input.lead_id,
            parent_team_id: input.parent_team_id,
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }

    fn apply(
        tx: &mut Tx,
        patch: &UpdateTeamRequest,
        row: &mut TeamRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let name = patch.name.as_deref().map(str::trim);
        if name.is_some_and(|n| n.is_empty() || n.len() > 200) {
            return Err(AppError::field(
                "validation_failed",
                "name",
                "must be 1 to 200 characters long",
            ));
        }
        let refs = References {
            name,
            lead_id: patch.lead_id.flatten(),
            parent_team_id: patch.parent_team_id.flatten(),
            member_ids: patch.member_ids.as_deref().unwrap_or(&[]),
        };
        check_references(tx, Some(row.id), refs, check)?;
        if let Some(n) = name {
            row.name = n.to_owned();
        }
        if let Some(lead) = patch.lead_id {
            row.lead_id = lead;
        }
        if let Some(parent) = patch.parent_team_id {
            row.parent_team_id = parent;
        }
        Ok(())
    }

    fn may_delete(tx: &mut Tx, current: &TeamRow) -> Result<(), AppError> {
        if db::identity::teams::has_children(tx, current.organization_id, current.id)? {
            return Err(AppError::conflict(
                "team_has_sub_teams",
                "move or delete this team's sub-teams first",
            ));
        }
        Ok(())
    }

    fn created(tx: &mut Tx, row: &TeamRow, input: &CreateTeamRequest) -> Result<(), AppError> {
        set_members(tx, row, &input.member_ids)
    }

    fn updated(
        tx: &mut Tx,
        _before: &TeamRow,
        after: &TeamRow,
        patch: &UpdateTeamRequest,
    ) -> Result<(), AppError> {
        match &patch.member_ids {
            Some(members) => set_members(tx, after, members),
            None => Ok(()),
        }
    }

    fn delete(tx: &mut Tx, row: &TeamRow) -> Result<(), AppError> {
        db::identity::teams::delete(tx, row.organization_id, row.id)?;
        Ok(())
    }

    fn views(tx: &mut Tx, rows: Vec<TeamRow>) -> Result<Vec<TeamView>, AppError> {
        let org = tx.caller()?.org;
        let ids: Vec<TeamId> = rows.iter().map(|r| r.id).collect();
        let mut members: HashMap<TeamId, Vec<UserId>> = HashMap::new();
        for (team, user) in db::identity::teams::members(tx, org, &ids)? {
            members.entry(team).or_default().push(user);
        }
        Ok(rows
            .into_iter()
            .map(|r| TeamView {
                member_ids: members.remove(&r.id).unwrap_or_default(),
                id: r.id,
                name: r.name,
                lead_id: r.lead_id,
                parent_team_id: r.parent_team_id,
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, _query: &TeamListParams) -> Result<(), AppError> {
        Ok(())
    }

    fn sort(query: &TeamListParams) -> Option<&str> {
        query.sort.map(CreationSort::as_str)
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        on_unique(e, "name", || {
            AppError::field("name_taken", "name", "another team has this name")
        })
    }
}
