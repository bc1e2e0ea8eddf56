//! `/teams`: who works together, who leads, and the hierarchy.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::error::ApiError;
use super::json::ApiQuery;
use super::json::{double_option, ApiJson};
use super::pagination::{parse_sort, Page, PageParams, PageRequest};
use super::write::{Idempotency, Reply};
use super::{etag, validate};
use crate::app::teams::{self as use_case, Team, TeamInput};
use crate::app::App;
use crate::auth::Caller;
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

impl From<Team> for TeamView {
    fn from(t: Team) -> Self {
        TeamView {
            id: TeamId(t.row.id.0),
            name: t.row.name,
            lead_id: t.row.lead_id.map(|u| UserId(u.0)),
            parent_team_id: t.row.parent_team_id.map(|p| TeamId(p.0)),
            member_ids: t.member_ids,
            version: t.row.version,
            created_at: t.row.created_at.and_utc(),
            updated_at: t.row.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTeamRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Enterprise accounts")]
    pub name: String,
    pub lead_id: Option<UserId>,
    pub parent_team_id: Option<TeamId>,
    #[serde(default)]
    pub member_ids: Vec<UserId>,
}

/// Create a team (admins and owners).
#[utoipa::path(
    tag = "teams",
    request_body = CreateTeamRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = TeamView))
)]
#[post("/teams")]
pub async fn create_team(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateTeamRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(crate::auth::Permission::ManageTeams)?;
    validate::finish(validate::collect(&body.value))?;
    let req = &body.value;
    let name = req.name.trim().to_owned();
    let input = TeamInput {
        name: Some(name.clone()),
        lead_id: Some(req.lead_id),
        parent_team_id: Some(req.parent_team_id),
        member_ids: Some(req.member_ids.clone()),
    };
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let team = use_case::create_in(conn, &c, name, input)?;
        Reply::created(
            format!("/api/v1/teams/{}", team.row.id.0),
            &TeamView::from(team),
        )
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamListParams {
    /// `created_at` (default) or `-created_at`.
    pub sort: Option<String>,
}

/// List teams.
#[utoipa::path(
    tag = "teams",
    params(PageParams, TeamListParams),
    responses((status = 200, description = "A page of teams", body = Page<TeamView>))
)]
#[get("/teams")]
pub async fn list_teams(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<TeamListParams>,
) -> Result<HttpResponse, ApiError> {
    let (_, desc) = parse_sort(params.sort.as_deref(), &["created_at"], "created_at")?;
    let page = PageRequest::new(&page, params.sort.as_deref().unwrap_or("created_at"), "")?;
    let (after, fetch) = (page.after.as_ref().map(|a| a.1), page.fetch());
    let teams = state
        .legacy_read(move |conn| use_case::list(conn, &caller, desc, after, fetch))
        .await?;
    Ok(HttpResponse::Ok().json(page.page(teams, |t| (String::new(), t.row.id.0), TeamView::from)))
}

/// Get a team.
#[utoipa::path(
    tag = "teams",
    params(("id" = TeamId, Path, description = "Team id")),
    responses((status = 200, description = "The team", body = TeamView))
)]
#[get("/teams/{id}")]
pub async fn get_team(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<TeamId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let team = state
        .legacy_read(move |conn| use_case::get(conn, &caller, id))
        .await?;
    Ok(Reply::ok(&TeamView::from(team))?.into_response(false))
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

/// Change a team; `member_ids` replaces the membership.
#[utoipa::path(
    tag = "teams",
    params(
        ("id" = TeamId, Path, description = "Team id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the team changed since")
    ),
    request_body = UpdateTeamRequest,
    responses((status = 200, description = "The updated team", body = TeamView))
)]
#[patch("/teams/{id}")]
pub async fn update_team(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<TeamId>,
    body: ApiJson<UpdateTeamRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let body = body.value;
    if let Some(name) = &body.name {
        if name.trim().is_empty() || name.len() > 200 {
            return Err(ApiError::field(
                "validation_failed",
                "name",
                "must be 1 to 200 characters long",
            ));
        }
    }
    let input = TeamInput {
        name: body.name.map(|n| n.trim().to_owned()),
        lead_id: body.lead_id,
        parent_team_id: body.parent_team_id,
        member_ids: body.member_ids,
    };
    let team = state
        .legacy_write(move |conn| use_case::update_in(conn, &caller, id, &expected, input))
        .await?;
    Ok(Reply::ok(&TeamView::from(team))?.into_response(false))
}

/// Delete a team (not one with sub-teams).
#[utoipa::path(
    tag = "teams",
    params(("id" = TeamId, Path, description = "Team id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/teams/{id}")]
pub async fn delete_team(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<TeamId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .legacy_write(move |conn| use_case::delete_in(conn, &caller, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
