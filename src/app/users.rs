//! Colleagues: created by admins with an initial password; roles never above the granter's.

pub use super::not_found;
use crate::app::error::{AppError, FieldError, Unique};
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission, Principal};
use crate::db::users::{UserChanges, UserFilter, UserRow, UserSort};
use crate::db::{self, DbConn};
use crate::domain::identity::{Email, Role, Title};
use crate::domain::ids::UserId;

pub struct NewUser {
    pub name: String,
    pub email: Email,
    pub password_hash: String,
    pub role: Role,
    pub title: Option<Title>,
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
        format!("a {} cannot grant the role {}", caller.role, role),
    )
}

pub fn create_in(conn: &mut DbConn, caller: &Caller, input: NewUser) -> Result<UserRow, AppError> {
    caller.require(Permission::ManageUsers)?;
    if db::users::email_taken(conn, input.email.as_str())? {
        return Err(crate::app::identity::email_taken());
    }
    let now = db::now();
    let row = UserRow {
        organization_id: caller.org,
        id: UserId(UserId::new().0),
        name: input.name,
        email: input.email.as_str().to_owned(),
        password_hash: input.password_hash,
        role: input.role.as_str().to_owned(),
        title: input.title.map(|t| t.as_str().to_owned()),
        is_active: true,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    row.insert(conn)
        .unique("email", crate::app::identity::email_taken)?;
    Ok(row)
}

pub fn get(conn: &mut DbConn, caller: &Caller, id: UserId) -> Result<UserRow, AppError> {
    db::users::find(conn, caller.org, UserId(id.0)).map_err(|e| not_found(e, "user"))
}

#[derive(Default)]
pub struct UserPatch {
    pub name: Option<String>,
    pub password_hash: Option<String>,
    pub role: Option<Role>,
    pub title: Option<Option<Title>>,
    pub is_active: Option<bool>,
}

pub fn update_in(
    conn: &mut DbConn,
    caller: &Caller,
    id: UserId,
    expected: &IfMatch,
    patch: UserPatch,
) -> Result<UserRow, AppError> {
    let current = get(conn, caller, id)?;
    expected.check(current.version)?;
    let is_self = matches!(caller.principal, Principal::User(u) if u == id);
    let admin_fields = patch.role.is_some() || patch.title.is_some() || patch.is_active.is_some();
    if admin_fields || !is_self {
        caller.require(Permission::ManageUsers)?;
    }
    let current_role: Role = current
        .role
        .parse()
        .map_err(|_| AppError::internal("stored user has an unknown role"))?;
    let mut errors = Vec::new();
    if admin_fields && !caller.role.covers(current_role) {
        errors.push(role_exceeds_own(caller, current_role));
    }
    let new_role = patch.role.unwrap_or(current_role);
    if !caller.role.covers(new_role) {
        errors.push(role_exceeds_own(caller, new_role));
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
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let deactivating = patch.is_active == Some(false) && current.is_active;
    if current_role == Role::Owner
        && current.is_active
        && (new_role != Role::Owner || deactivating)
        && db::users::count_active_owners(conn, current.organization_id)? <= 1
    {
        errors.push(FieldError::new(
            if deactivating { "is_active" } else { "role" },
            "last_owner",
            "the organization must keep at least one active owner",
        ));
    }
    crate::app::error::Check::from(errors).finish()?;
    let changes = UserChanges {
        name: patch.name,
        password_hash: patch.password_hash.clone(),
        role: patch.role.map(|r| r.as_str().to_owned()),
        title: Some(title.map(|t| t.as_str().to_owned())),
        is_active: patch.is_active,
    };
    let now = db::now();
    if !db::users::update(
        conn,
        current.organization_id,
        current.id,
        current.version,
        &changes,
        now,
    )? {
        return Err(AppError::version_mismatch());
    }
    // A deactivated user, or one whose password was reset, loses every open session.
    if deactivating || patch.password_hash.is_some() && !is_self {
        db::refresh_tokens::revoke_all_for_user(conn, current.organization_id, current.id, now)?;
    }
    get(conn, caller, id)
}

pub fn list(
    conn: &mut DbConn,
    caller: &Caller,
    filter: &UserFilter,
    sort: UserSort,
    descending: bool,
    after: Option<(String, uuid::Uuid)>,
    limit: i64,
) -> Result<Vec<UserRow>, AppError> {
    caller.require(Permission::Read)?;
    let after = after.map(|(v, id)| (v, UserId(id)));
    Ok(db::users::list(
        conn, caller.org, filter, sort, descending, after, limit,
    )?)
}
