//! The `tasks` table: follow-ups on a client account, assigned to a user.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::tasks;
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, OrganizationId, TaskId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tasks, treat_none_as_null = true)]
pub struct TaskRow {
    pub organization_id: OrganizationId,
    pub id: TaskId,
    pub account_id: ClientAccountId,
    pub assignee_id: Option<UserId>,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub priority: String,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(TaskRow in tasks, id: TaskId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(tasks::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(tasks::assignee_id.eq(UserId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(tasks::status.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(tasks::priority.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(tasks::due_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(tasks::due_on.le(d));
    }
    q
});
crate::stored!(TaskRow in tasks, version: version, updated: updated_at);

pub fn tasks_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<TaskRow>> {
    tasks::table
        .filter(
            tasks::organization_id
                .eq(org)
                .and(tasks::account_id.eq_any(accounts)),
        )
        .order(tasks::id.asc())
        .select(TaskRow::as_select())
        .load(conn)
}

/// Reassigns the open tasks of an account from one assignee to another.
pub fn move_open_tasks(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    from: UserId,
    to: Option<UserId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        tasks::table.filter(
            tasks::organization_id
                .eq(org)
                .and(tasks::account_id.eq(account))
                .and(tasks::assignee_id.eq(from))
                .and(tasks::status.eq("open")),
        ),
    )
    .set((
        tasks::assignee_id.eq(to),
        tasks::version.eq(tasks::version + 1),
        tasks::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Open tasks assigned to `user` that are due on or before `day` (the user's agenda).
pub fn open_tasks_due(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    day: NaiveDate,
) -> QueryResult<Vec<TaskRow>> {
    tasks::table
        .filter(
            tasks::organization_id
                .eq(org)
                .and(tasks::assignee_id.eq(user))
                .and(tasks::status.eq("open"))
                .and(tasks::due_on.le(day)),
        )
        .order((tasks::due_on.asc(), tasks::id.asc()))
        .select(TaskRow::as_select())
        .load(conn)
}
