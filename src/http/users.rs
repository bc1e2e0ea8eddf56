//! `/users`: colleagues in the caller's organization.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::auth::{check_email, hash_password};
use super::error::ApiError;
use super::json::ApiQuery;
use super::json::{double_option, ApiJson};
use super::pagination::{parse_sort, Page, PageParams, PageRequest};
use super::views::UserView;
use super::write::{Idempotency, Reply};
use super::{etag, validate};
use crate::app::error::FieldError;
use crate::app::users::{self as use_case, title_for, NewUser, UserPatch};
use crate::app::App;
use crate::auth::{Caller, Permission};
use crate::db::users::{UserFilter, UserSort};
use crate::domain::identity::{Role, Title};
use crate::domain::ids::UserId;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Aisha Khan")]
    pub name: String,
    #[schema(example = "aisha@acme.example")]
    pub email: String,
    /// Initial password, at least 10 characters.
    #[validate(length(min = 10, max = 512))]
    pub password: String,
    pub role: Role,
    /// Account managers only; defaults to `account_manager` for them.
    pub title: Option<Title>,
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
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ManageUsers)?;
    let req = &body.value;
    let mut errors = validate::collect(req);
    let email = check_email(&req.email, &mut errors);
    if !caller.role.covers(req.role) {
        errors.push(use_case::role_exceeds_own(&caller, req.role));
    }
    let title = title_for(req.role, req.title)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    validate::finish(errors)?;
    let Some(email) = email else {
        return Err(ApiError::internal("validated email missing"));
    };
    let password_hash = hash_password(req.password.clone()).await?;
    let input = NewUser {
        name: req.name.trim().to_owned(),
        email,
        password_hash,
        role: req.role,
        title,
    };
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let row = use_case::create_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/users/{}", row.id.0), &UserView::from(row))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListParams {
    /// Only users with this role.
    pub role: Option<Role>,
    pub is_active: Option<bool>,
    /// Only users changed at or after this time (RFC 3339).
    pub updated_since: Option<DateTime<Utc>>,
    /// `created_at` (default), `name` or `email`; prefix `-` for descending.
    pub sort: Option<String>,
}

/// List the organization's users.
#[utoipa::path(
    tag = "users",
    params(PageParams, UserListParams),
    responses((status = 200, description = "A page of users", body = Page<UserView>))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<UserListParams>,
) -> Result<HttpResponse, ApiError> {
    let (field, desc) = parse_sort(
        params.sort.as_deref(),
        &["created_at", "name", "email"],
        "created_at",
    )?;
    let sort = match field {
        "name" => UserSort::Name,
        "email" => UserSort::Email,
        _ => UserSort::Created,
    };
    let filter = UserFilter {
        role: params.role.map(|r| r.as_str().to_owned()),
        is_active: params.is_active,
        updated_since: params.updated_since.map(|t| t.naive_utc()),
    };
    let filters = format!("{:?}", filter);
    let page = PageRequest::new(
        &page,
        params.sort.as_deref().unwrap_or("created_at"),
        &filters,
    )?;
    let (after, fetch) = (page.after.clone(), page.fetch());
    let rows = state
        .legacy_read(move |conn| use_case::list(conn, &caller, &filter, sort, desc, after, fetch))
        .await?;
    let key = move |r: &crate::db::users::UserRow| {
        let v = match sort {
            UserSort::Name => r.name.clone(),
            UserSort::Email => r.email.clone(),
            UserSort::Created => String::new(),
        };
        (v, r.id.0)
    };
    Ok(HttpResponse::Ok().json(page.page(rows, key, UserView::from)))
}

/// Get a user.
#[utoipa::path(
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    responses((status = 200, description = "The user, with its ETag", body = UserView))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .legacy_read(move |conn| use_case::get(conn, &caller, id))
        .await?;
    Ok(Reply::ok(&UserView::from(row))?.into_response(false))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub name: Option<String>,
    /// A new password (yourself, or an admin resetting it).
    pub password: Option<String>,
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Title>)]
    pub title: Option<Option<Title>>,
    pub is_active: Option<bool>,
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
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<UserId>,
    body: ApiJson<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let body = body.value;
    let mut errors = Vec::new();
    if let Some(name) = &body.name {
        if name.trim().is_empty() || name.len() > 200 {
            errors.push(FieldError::new(
                "name",
                "length",
                "must be 1 to 200 characters long",
            ));
        }
    }
    if let Some(p) = &body.password {
        if p.len() < crate::auth::password::MIN_PASSWORD_LEN
            || p.len() > crate::auth::password::MAX_PASSWORD_LEN
        {
            errors.push(FieldError::new(
                "password",
                "length",
                "must be 10 to 512 characters long",
            ));
        }
    }
    validate::finish(errors)?;
    let password_hash = match body.password {
        Some(p) => Some(hash_password(p).await?),
        None => None,
    };
    let patch = UserPatch {
        name: body.name.map(|n| n.trim().to_owned()),
        password_hash,
        role: body.role,
        title: body.title,
        is_active: body.is_active,
    };
    let row = state
        .legacy_write(move |conn| use_case::update_in(conn, &caller, id, &expected, patch))
        .await?;
    Ok(Reply::ok(&UserView::from(row))?.into_response(false))
}
