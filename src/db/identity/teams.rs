use crate::domain::ids::{OrganizationId, TeamId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{team_members, teams};
use crate::db::DbConn;
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = teams, treat_none_as_null = true)]
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

crate::stored!(TeamRow in teams, id: TeamId, filter: () => |q, _f| { q });
crate::stored!(TeamRow in teams, version: version, updated: updated_at);

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
