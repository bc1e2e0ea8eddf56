//! Colleagues: created by admins with an initial password; roles never above the granter's.
//! And `me`: who the caller is.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::sessions::{check_email, email_taken, hash_password, stored_role};
use crate::app::error::{AppError, Check, FieldError, Found, Unique};
use crate::app::input::{double_option, IfMatch};
use crate::app::organization::OrganizationView;
use crate::app::page::{parse_sort, Page, PageParams, PageRequest};
use crate::app::unit_of_work::{Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::{Caller, Permission, Principal};
use crate::db::identity::users::{UserChanges, UserFilter, UserRow, UserSort};
use crate::db::{self};
use crate::domain::identity::{Role, Title};
use crate::domain::ids::{OrganizationId, UserId};

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: UserId,
    pub organization_id: OrganizationId,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Job title; account managers only.
    pub title: Option<Title>,
    pub is_active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UserRow> for UserView {
    fn from(r: UserRow) -> Self {
        UserView {
            id: r.id,
            organization_id: r.organization_id,
            name: r.name,
            email: r.email,
            role: r.role.parse().unwrap_or(Role::Viewer),
            title: r.title.as_deref().and_then(|t| t.parse().ok()),
            is_active: r.is_active,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Aisha Khan", min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(example = "aisha@acme.example")]
    pub email: String,
    /// Initial password, at least 10 characters.
    #[validate(length(min = 10, max = 512))]
    #[schema(min_length = 10, max_length = 512)]
    pub password: String,
    pub role: Role,
    /// Account managers only; defaults to `account_manager` for them.
    pub title: Option<Title>,
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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListParams {
    /// Only users with this role.
    pub role: Option<Role>,
    pub is_active: Option<bool>,
    /// Only users changed at or after this time (RFC 3339).
    pub updated_since: Option<DateTime<Utc>>,
    /// `created_at` (default), `name` or `email`; prefix `-` for descending.
    #[param(inline)]
    pub sort: Option<UserListSort>,
}

/// An account manager has a title (default `account_manager`); nobody else does.
pub fn title_for(role: Role, title: Option<Title>) -> Result<Option<Title>, FieldError> {
    match (role, title) {
        (Role::AccountManager, t) => Ok(Some(t.unwrap_or(Title::AccountManager))),
        (_, None) => Ok(None),
        (_, Some(_)) => Err(FieldError::new(
            "title",
            "title_not_allowed",
            "only account managers have a title",
        )),
    }
}

pub fn role_exceeds_own(caller: &Caller, role: Role) -> FieldError {
    FieldError::new(
        "role",
        "role_exceeds_own",
        format!(
            "{} cannot grant the role {}",
            crate::domain::a(caller.role),
            role
        ),
    )
}

/// `POST /users`: a colleague with an initial password (admins and owners).
pub async fn create(app: &App, cx: &Context, req: CreateUserRequest) -> Result<Outcome, AppError> {
    let caller = cx.caller()?;
    caller.require(Permission::ManageUsers)?;
    let mut check = Check::new();
    check.validate(&req);
    let email = check_email(&req.email, &mut check);
    if !caller.role.covers(req.role) {
        check.add(role_exceeds_own(caller, req.role));
    }
    let title = title_for(req.role, req.title)
        .map_err(|e| check.add(e))
        .ok()
        .flatten();
    check.finish()?;
    let Some(email) = email else {
        return Err(AppError::internal("validated email missing"));
    };
    let password_hash = hash_password(req.password).await?;
    let (name, role) = (req.name.trim().to_owned(), req.role);
    app.write_once(cx, move |tx| {
        if db::identity::users::email_taken(tx, email.as_str())? {
            return Err(email_taken());
        }
        let now = db::now();
        let row = UserRow {
            organization_id: tx.caller()?.org,
            id: UserId::new(),
            name,
            email: email.as_str().to_owned(),
            password_hash,
            role: role.as_str().to_owned(),
            title: title.map(|t| t.as_str().to_owned()),
            is_active: true,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        row.insert(tx).unique("email", email_taken)?;
        let view = UserView::from(row);
        tx.record(Change::created("user", view.id.0, &view));
        Outcome::created("users", view.id, &view)
    })
    .await
}

fn find(tx: &mut Tx, id: UserId) -> Result<UserRow, AppError> {
    let org = tx.caller()?.org;
    db::identity::users::find(tx, org, id).found("user")
}

pub async fn get(app: &App, cx: &Context, id: UserId) -> Result<UserView, AppError> {
    app.read(cx, move |tx| Ok(find(tx, id)?.into())).await
}

/// `PATCH /users/{id}`: yourself (name, password), or anyone as an admin.
pub async fn update(
    app: &App,
    cx: &Context,
    id: UserId,
    expected: IfMatch,
    req: UpdateUserRequest,
) -> Result<UserView, AppError> {
    let mut check = Check::new();
    if let Some(name) = &req.name {
        if name.trim().is_empty() || name.len() > 200 {
            check.push("name", "length", "must be 1 to 200 characters long");
        }
    }
    if let Some(p) = &req.password {
        if p.len() < crate::auth::password::MIN_PASSWORD_LEN
            || p.len() > crate::auth::password::MAX_PASSWORD_LEN
        {
            check.push("password", "length", "must be 10 to 512 characters long");
        }
    }
    check.finish()?;
    let password_hash = match req.password {
        Some(p) => Some(hash_password(p).await?),
        None => None,
    };
    let patch = UserPatch {
        name: req.name.map(|n| n.trim().to_owned()),
        password_hash,
        role: req.role,
        title: req.title,
        is_active: req.is_active,
    };
    let updated = app
        .write(cx, move |tx| update_in(tx, id, &expected, patch))
        .await;
    // A role, an activation or a password may have changed: credentials are read afresh.
    app.principals.forget_all();
    updated
}

struct UserPatch {
    name: Option<String>,
    password_hash: Option<String>,
    role: Option<Role>,
    title: Option<Option<Title>>,
    is_active: Option<bool>,
}

fn update_in(
    tx: &mut Tx,
    id: UserId,
    expected: &IfMatch,
    patch: UserPatch,
) -> Result<UserView, AppError> {
    let caller = tx.caller()?;
    let current = find(tx, id)?;
    let is_self = matches!(caller.principal, Principal::User(u) if u == id);
    let admin_fields = patch.role.is_some() || patch.title.is_some() || patch.is_active.is_some();
    if admin_fields || !is_self {
        caller.require(Permission::ManageUsers)?;
    }
    let current_role = stored_role(&current.role)?;
    let mut check = Check::new();
    if admin_fields && !caller.role.covers(current_role) {
        check.add(role_exceeds_own(caller, current_role));
    }
    let new_role = patch.role.unwrap_or(current_role);
    if !caller.role.covers(new_role) {
        check.add(role_exceeds_own(caller, new_role));
    }
    let current_title = current
        .title
        .as_deref()
        .and_then(|t| t.parse::<Title>().ok());
    let requested_title = match patch.title {
        Some(t) => t,
        None if new_role == Role::AccountManager => current_title,
        None => None,
    };
    let title = title_for(new_role, requested_title)
        .map_err(|e| check.add(e))
        .ok()
        .flatten();
    let deactivating = patch.is_active == Some(false) && current.is_active;
    if current_role == Role::Owner
        && current.is_active
        && (new_role != Role::Owner || deactivating)
        && db::identity::users::count_active_owners(tx, current.organization_id)? <= 1
    {
        check.push(
            if deactivating { "is_active" } else { "role" },
            "last_owner",
            "the organization must keep at least one active owner",
        );
    }
    check.finish()?;
    // The precondition after the content's own rules: a bad body is 422 whatever its ETag.
    expected.check(current.version)?;
    let changes = UserChanges {
        name: patch.name,
        password_hash: patch.password_hash.clone(),
        role: patch.role.map(|r| r.as_str().to_owned()),
        title: Some(title.map(|t| t.as_str().to_owned())),
        is_active: patch.is_active,
    };
    let now = db::now();
    let org = current.organization_id;
    if !db::identity::users::update(tx, org, current.id, current.version, &changes, now)? {
        return Err(AppError::version_mismatch());
    }
    // A deactivated user, or one whose password was reset, loses every open session.
    if deactivating || patch.password_hash.is_some() && !is_self {
        db::identity::refresh_tokens::revoke_all_for_user(tx, org, current.id, now)?;
    }
    let before = UserView::from(current);
    let after = UserView::from(find(tx, id)?);
    tx.record(Change::updated("user", id.0, &before, &after));
    Ok(after)
}

crate::sort_options!(
    /// The orders of `GET /users`.
    UserListSort {
        CreatedAt = "created_at",
        CreatedAtDesc = "-created_at",
        Name = "name",
        NameDesc = "-name",
        Email = "email",
        EmailDesc = "-email",
    }
);

/// `GET /users`: sorted by creation, name or email.
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    params: UserListParams,
) -> Result<Page<UserView>, AppError> {
    let (field, descending) = parse_sort(
        params.sort.map(UserListSort::as_str),
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
    let page = PageRequest::new(
        &page,
        params.sort.map_or("created_at", UserListSort::as_str),
        &format!("{filter:?}"),
    )?;
    app.read(cx, move |tx| {
        tx.caller()?.require(Permission::Read)?;
        let org = tx.caller()?.org;
        let after = page.after.clone().map(|(v, id)| (v, UserId(id)));
        let rows =
            db::identity::users::list(tx, org, &filter, sort, descending, after, page.fetch())?;
        let key = move |r: &UserRow| {
            let v = match sort {
                UserSort::Name => r.name.clone(),
                UserSort::Email => r.email.clone(),
                UserSort::Created => String::new(),
            };
            (v, r.id.0)
        };
        Ok(page.page(rows, key, UserView::from))
    })
    .await
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    User,
    ApiKey,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    pub principal: PrincipalKind,
    /// The user's id, or the API key's.
    pub id: uuid::Uuid,
    pub name: String,
    pub role: Role,
    /// Users only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
    /// For an API key: the user it acts for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acting_for_user_id: Option<uuid::Uuid>,
    pub organization: OrganizationView,
}

/// `GET /me`: the user or API key behind the credential, and its organization.
pub async fn me(app: &App, cx: &Context) -> Result<MeView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        let org = db::identity::organizations::find(tx, caller.org)?;
        Ok(match caller.principal {
            Principal::User(id) => {
                let user = db::identity::users::find(tx, caller.org, id)?;
                if !user.is_active {
                    return Err(AppError::unauthorized(
                        "user_inactive",
                        "this user has been deactivated",
                    ));
                }
                MeView {
                    principal: PrincipalKind::User,
                    id: id.0,
                    name: user.name,
                    role: caller.role,
                    email: Some(user.email),
                    title: user.title.as_deref().and_then(|t| t.parse().ok()),
                    acting_for_user_id: None,
                    organization: org.into(),
                }
            }
            Principal::ApiKey { id, created_by } => {
                let key = db::identity::api_keys::find(tx, caller.org, id)?;
                MeView {
                    principal: PrincipalKind::ApiKey,
                    id: id.0,
                    name: key.name,
                    role: caller.role,
                    email: None,
                    title: None,
                    acting_for_user_id: Some(created_by.0),
                    organization: org.into(),
                }
            }
        })
    })
    .await
}
