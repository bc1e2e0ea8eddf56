use crate::domain::ids::{OrganizationId, TeamId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{team_members, teams};
use super::DbConn;
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = teams)]
pub struct TeamRow {
    pub organization_id: OrganizationId,
    pub id: TeamId,
    pub name: String,
    pub lead_id: Option<UserId>,
    pub parent_team_id: Option<TeamId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl TeamRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(teams::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = teams)]
pub struct TeamChanges {
    pub name: Option<String>,
    pub lead_id: Option<Option<UserId>>,
    pub parent_team_id: Option<Option<TeamId>>,
}

pub fn find(conn: &mut DbConn, org: OrganizationId, id: TeamId) -> QueryResult<TeamRow> {
    teams::table
        .filter(teams::organization_id.eq(org).and(teams::id.eq(id)))
        .select(TeamRow::as_select())
        .first(conn)
}

pub fn name_taken(
    conn: &mut DbConn,
    org: OrganizationId,
    name: &str,
    except: Option<TeamId>,
) -> QueryResult<bool> {
    let mut q = teams::table
        .filter(teams::organization_id.eq(org).and(teams::name.eq(name)))
        .select(teams::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(teams::id.ne(id));
    }
    Ok(q.first::<TeamId>(conn).optional()?.is_some())
}

pub fn update(
    conn: &mut DbConn,
    org: OrganizationId,
    id: TeamId,
    version: i64,
    changes: &TeamChanges,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = teams::table.filter(
        teams::organization_id
            .eq(org)
            .and(teams::id.eq(id))
            .and(teams::version.eq(version)),
    );
    let n = diesel::update(target)
        .set((teams::version.eq(version + 1), teams::updated_at.eq(now)))
        .execute(conn)?;
    if n == 1
        && (changes.name.is_some() || changes.lead_id.is_some() || changes.parent_team_id.is_some())
    {
        diesel::update(teams::table.filter(teams::organization_id.eq(org).and(teams::id.eq(id))))
            .set(changes)
            .execute(conn)?;
    }
    Ok(n == 1)
}

pub fn delete(conn: &mut DbConn, org: OrganizationId, id: TeamId) -> QueryResult<bool> {
    diesel::delete(
        team_members::table.filter(
            team_members::organization_id
                .eq(org)
                .and(team_members::team_id.eq(id)),
        ),
    )
    .execute(conn)?;
    let n =
        diesel::delete(teams::table.filter(teams::organization_id.eq(org).and(teams::id.eq(id))))
            .execute(conn)?;
    Ok(n == 1)
}

pub fn has_children(conn: &mut DbConn, org: OrganizationId, id: TeamId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        teams::table.filter(
            teams::organization_id
                .eq(org)
                .and(teams::parent_team_id.eq(id)),
        ),
    ))
    .get_result(conn)
}

/// The parent of every team of the organization, to walk the hierarchy in memory.
pub fn parents(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<(TeamId, Option<TeamId>)>> {
    teams::table
        .filter(teams::organization_id.eq(org))
        .select((teams::id, teams::parent_team_id))
        .load(conn)
}

pub fn members(
    conn: &mut DbConn,
    org: OrganizationId,
    team_ids: &[TeamId],
) -> QueryResult<Vec<(TeamId, UserId)>> {
    if team_ids.is_empty() {
        return Ok(Vec::new());
    }
    team_members::table
        .filter(
            team_members::organization_id
                .eq(org)
                .and(team_members::team_id.eq_any(team_ids)),
        )
        .order((team_members::team_id, team_members::user_id))
        .select((team_members::team_id, team_members::user_id))
        .load(conn)
}

pub fn set_members(
    conn: &mut DbConn,
    org: OrganizationId,
    team: TeamId,
    user_ids: &[UserId],
) -> QueryResult<()> {
    diesel::delete(
        team_members::table.filter(
            team_members::organization_id
                .eq(org)
                .and(team_members::team_id.eq(team)),
        ),
    )
    .execute(conn)?;
    let rows: Vec<_> = user_ids
        .iter()
        .map(|u| {
            (
                team_members::organization_id.eq(org),
                team_members::team_id.eq(team),
                team_members::user_id.eq(*u),
            )
        })
        .collect();
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(team_members::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

pub fn list(
    conn: &mut DbConn,
    org: OrganizationId,
    descending: bool,
    after: Option<TeamId>,
    limit: i64,
) -> QueryResult<Vec<TeamRow>> {
    let mut q = teams::table
        .filter(teams::organization_id.eq(org))
        .select(TeamRow::as_select())
        .into_boxed();
    if let Some(id) = after {
        q = if descending {
            q.filter(teams::id.lt(id))
        } else {
            q.filter(teams::id.gt(id))
        };
    }
    q = if descending {
        q.order(teams::id.desc())
    } else {
        q.order(teams::id.asc())
    };
    q.limit(limit).load(conn)
}
