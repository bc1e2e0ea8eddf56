use crate::domain::ids::{OrganizationId, SessionId, UserId};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{refresh_tokens, users};
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub organization_id: OrganizationId,
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub title: Option<String>,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl UserRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(users::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

/// Columns a PATCH may change; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub name: Option<String>,
    pub password_hash: Option<String>,
    pub role: Option<String>,
    pub title: Option<Option<String>>,
    pub is_active: Option<bool>,
}

pub fn find(conn: &mut DbConn, org: OrganizationId, id: UserId) -> QueryResult<UserRow> {
    users::table
        .filter(users::organization_id.eq(org).and(users::id.eq(id)))
        .select(UserRow::as_select())
        .first(conn)
}

/// The user, and whether the login `session` (a refresh-token family) was ended: one query,
/// since every request with an access token asks it.
pub fn find_in_session(
    conn: &mut DbConn,
    org: OrganizationId,
    id: UserId,
    session: Option<SessionId>,
) -> QueryResult<Option<(UserRow, bool)>> {
    let user = users::table.filter(users::organization_id.eq(org).and(users::id.eq(id)));
    let Some(session) = session else {
        return Ok(user
            .select(UserRow::as_select())
            .first(conn)
            .optional()?
            .map(|u| (u, false)));
    };
    let ended = diesel::dsl::exists(
        refresh_tokens::table.filter(
            refresh_tokens::organization_id
                .eq(org)
                .and(refresh_tokens::family_id.eq(session))
                .and(refresh_tokens::revoked_at.is_not_null()),
        ),
    );
    user.select((UserRow::as_select(), ended))
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn email_taken(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table.filter(users::email.eq(email)),
    ))
    .get_result(conn)
}

/// Applies `changes` if the row is still at `version`; returns whether it was.
pub fn update(
    conn: &mut DbConn,
    org: OrganizationId,
    id: UserId,
    version: i64,
    changes: &UserChanges,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        users::table.filter(
            users::organization_id
                .eq(org)
                .and(users::id.eq(id))
                .and(users::version.eq(version)),
        ),
    )
    .set((
        changes,
        users::version.eq(version + 1),
        users::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Counts active owners, locking their rows on PostgreSQL so two owners stepping down at once
/// cannot both see the other as the one who stays (SQLite's writers are serialized anyway).
pub fn count_active_owners(conn: &mut DbConn, org: OrganizationId) -> QueryResult<i64> {
    let q = users::table
        .filter(
            users::organization_id
                .eq(org)
                .and(users::role.eq("owner"))
                .and(users::is_active.eq(true)),
        )
        .select(users::id);
    let ids: Vec<UserId> = match conn {
        DbConn::Pg(c) => q.for_update().load(c)?,
        DbConn::Sqlite(c) => q.load(c)?,
    };
    Ok(ids.len() as i64)
}

/// Which of `ids` are users of the organization.
pub fn existing_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[UserId],
) -> QueryResult<Vec<UserId>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    users::table
        .filter(users::organization_id.eq(org).and(users::id.eq_any(ids)))
        .select(users::id)
        .load(conn)
}

/// The orders a user list can come in; each ends on `id` so the order is total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSort {
    Created,
    Name,
    Email,
}

#[derive(Debug, Default)]
pub struct UserFilter {
    pub role: Option<String>,
    pub is_active: Option<bool>,
    pub updated_since: Option<NaiveDateTime>,
}

/// One page in keyset order: rows strictly after `after` (the last row of the previous page).
pub fn list(
    conn: &mut DbConn,
    org: OrganizationId,
    filter: &UserFilter,
    sort: UserSort,
    descending: bool,
    after: Option<(String, UserId)>,
    limit: i64,
) -> QueryResult<Vec<UserRow>> {
    let mut q = users::table
        .filter(users::organization_id.eq(org))
        .select(UserRow::as_select())
        .into_boxed();
    if let Some(role) = &filter.role {
        q = q.filter(users::role.eq(role.clone()));
    }
    if let Some(active) = filter.is_active {
        q = q.filter(users::is_active.eq(active));
    }
    if let Some(since) = filter.updated_since {
        q = q.filter(users::updated_at.ge(since));
    }
    macro_rules! keyset {
        ($col:expr, $value:expr) => {{
            if let Some((value, id)) = after {
                let value = $value(value);
                q = if descending {
                    q.filter(
                        $col.lt(value.clone())
                            .or($col.eq(value).and(users::id.lt(id))),
                    )
                } else {
                    q.filter(
                        $col.gt(value.clone())
                            .or($col.eq(value).and(users::id.gt(id))),
                    )
                };
            }
            q = if descending {
                q.order(($col.desc(), users::id.desc()))
            } else {
                q.order(($col.asc(), users::id.asc()))
            };
        }};
    }
    match sort {
        UserSort::Created => {
            if let Some((_, id)) = after {
                q = if descending {
                    q.filter(users::id.lt(id))
                } else {
                    q.filter(users::id.gt(id))
                };
            }
            q = if descending {
                q.order(users::id.desc())
            } else {
                q.order(users::id.asc())
            };
        }
        UserSort::Name => keyset!(users::name, |v: String| v),
        UserSort::Email => keyset!(users::email, |v: String| v),
    }
    q.limit(limit).load(conn)
}
