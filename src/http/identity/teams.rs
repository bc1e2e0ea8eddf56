//! `/teams`: who works together, who leads, and the hierarchy.

use actix_web::{delete, get, patch, post};

use crate::app::identity::teams::{
    CreateTeamRequest, Team, TeamListParams, TeamView, UpdateTeamRequest,
};
use crate::app::page::{Page, PageParams};
use crate::domain::ids::TeamId;

crate::record_endpoints!(Team {
    create create_team "/teams" "Create a team (admins and owners)." (
        tag = "teams",
        request_body = CreateTeamRequest,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = TeamView))
    )
    list list_teams "/teams" "List teams." (
        tag = "teams",
        params(PageParams, TeamListParams),
        responses((status = 200, description = "A page of teams", body = Page<TeamView>))
    )
    get get_team "/teams/{id}" "Get a team." (
        tag = "teams",
        params(("id" = TeamId, Path, description = "Team id")),
        responses((status = 200, description = "The team", body = TeamView))
    )
    update update_team "/teams/{id}" "Change a team; `member_ids` replaces the membership." (
        tag = "teams",
        params(
            ("id" = TeamId, Path, description = "Team id"),
            ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the team changed since")
        ),
        request_body = UpdateTeamRequest,
        responses((status = 200, description = "The updated team", body = TeamView))
    )
    delete delete_team "/teams/{id}" "Delete a team (not one with sub-teams)." (
        tag = "teams",
        params(("id" = TeamId, Path, description = "Team id")),
        responses((status = 204, description = "Deleted"))
    )
});
