//! `/me` and `/users`: the caller, and colleagues in the caller's organization.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use crate::app::identity::users::{
    self, CreateUserRequest, MeView, UpdateUserRequest, UserListParams, UserView,
};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::domain::ids::UserId;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::{etag, reply};

/// Who am I: the user or API key behind the token, and its organization.
#[utoipa::path(tag = "identity", responses((status = 200, description = "The caller", body = MeView)))]
#[get("/me")]
pub async fn me(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(&users::me(&app, &cx).await?))
}

/// Create a colleague (admins and owners), with an initial password.
#[utoipa::path(
    tag = "users",
    request_body = CreateUserRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = UserView))
)]
#[post("/users")]
pub async fn create_user(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = users::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// List the organization's users.
#[utoipa::path(
    tag = "users",
    params(PageParams, UserListParams),
    responses((status = 200, description = "A page of users", body = Page<UserView>))
)]
#[get("/users")]
pub async fn list_users(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
    params: ApiQuery<UserListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = users::list(&app, &cx, page.into_inner(), params.into_inner()).await?;
    Ok(reply::json(&page))
}

/// Get a user.
#[utoipa::path(
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    responses((status = 200, description = "The user, with its ETag", body = UserView))
)]
#[get("/users/{id}")]
pub async fn get_user(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&users::get(&app, &cx, id.into_inner()).await?)
}

/// Change a user. Send `If-Match` with the ETag you read to refuse a stale update (412).
#[utoipa::path(
    tag = "users",
    params(
        ("id" = UserId, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the user changed since")
    ),
    request_body = UpdateUserRequest,
    responses((status = 200, description = "The updated user", body = UserView))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    id: web::Path<UserId>,
    body: ApiJson<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    reply::resource(&users::update(&app, &cx, id, expected, body.value).await?)
}
