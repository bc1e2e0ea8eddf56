//! What record-level permissions read: the teams a user is in and the teams they lead.

use diesel::prelude::*;

use crate::db::schema::{team_members, teams};
use crate::db::DbConn;
use crate::domain::ids::{OrganizationId, TeamId, UserId};

/// Teams `user` belongs to and teams `user` leads: what record-level permissions read.
pub fn teams_of(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
) -> QueryResult<(Vec<TeamId>, Vec<TeamId>)> {
    let member: Vec<TeamId> = team_members::table
        .filter(
            team_members::organization_id
                .eq(org)
                .and(team_members::user_id.eq(user)),
        )
        .select(team_members::team_id)
        .load(conn)?;
    let led: Vec<TeamId> = teams::table
        .filter(teams::organization_id.eq(org).and(teams::lead_id.eq(user)))
        .select(teams::id)
        .load(conn)?;
    Ok((member, led))
}
