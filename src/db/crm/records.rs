//! Contacts, interactions, feedback, client requests and tasks: the records hung on an account.

use crate::domain::ids::{
    ClientAccountId, ClientRequestId, ContactId, FeedbackId, InteractionId, OrganizationId, TaskId,
    TeamId, UserId,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{feedback, interaction_contacts, interactions, requests, tasks};
use crate::db::DbConn;
use crate::on_backend;

pub use super::account_records::RecordFilter;
pub use super::contacts::{contact_ids_by, contacts_of_accounts, ContactRow};

/// Keyset on the id (UUIDv7, so creation order).
macro_rules! page_by_id {
    ($q:ident, $table:ident, $desc:expr, $after:expr, $limit:expr) => {{
        let mut q = $q;
        if let Some(id) = $after {
            q = if $desc {
                q.filter($table::id.lt(id))
            } else {
                q.filter($table::id.gt(id))
            };
        }
        q = if $desc {
            q.order($table::id.desc())
        } else {
            q.order($table::id.asc())
        };
        q.limit($limit)
    }};
}
pub(crate) use page_by_id;

// ---- interactions ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = interactions, treat_none_as_null = true)]
pub struct InteractionRow {
    pub organization_id: OrganizationId,
    pub id: InteractionId,
    pub account_id: ClientAccountId,
    pub author_id: UserId,
    pub kind: String,
    pub direction: String,
    pub occurred_at: NaiveDateTime,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub sentiment: Option<i32>,
    pub next_step: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_interaction(conn: &mut DbConn, row: &InteractionRow) -> QueryResult<()> {
    diesel::insert_into(interactions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_interaction(
    conn: &mut DbConn,
    row: &InteractionRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let target = interactions::table.filter(
        interactions::organization_id
            .eq(row.organization_id)
            .and(interactions::id.eq(row.id))
            .and(interactions::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_interaction(
    conn: &mut DbConn,
    org: OrganizationId,
    id: InteractionId,
) -> QueryResult<InteractionRow> {
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::id.eq(id)),
        )
        .select(InteractionRow::as_select())
        .first(conn)
}

pub fn interactions_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<InteractionRow>> {
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq_any(accounts)),
        )
        .order(interactions::id.asc())
        .select(InteractionRow::as_select())
        .load(conn)
}

pub fn interaction_ids_by(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[InteractionId],
) -> QueryResult<Vec<(InteractionId, ClientAccountId)>> {
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::id.eq_any(ids)),
        )
        .select((interactions::id, interactions::account_id))
        .load(conn)
}

pub fn list_interactions(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<InteractionId>,
    limit: i64,
) -> QueryResult<Vec<InteractionRow>> {
    let mut q = interactions::table
        .filter(interactions::organization_id.eq(org))
        .select(InteractionRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(interactions::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(interactions::author_id.eq(UserId(p)));
    }
    if let Some(k) = &f.kind {
        q = q.filter(interactions::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(interactions::occurred_at.ge(d.and_hms_opt(0, 0, 0).unwrap_or_default()));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        q = q.filter(interactions::occurred_at.lt(d.and_hms_opt(0, 0, 0).unwrap_or_default()));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(interactions::updated_at.ge(t));
    }
    page_by_id!(q, interactions, desc, after, limit).load(conn)
}

pub fn interaction_contacts(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[InteractionId],
) -> QueryResult<Vec<(InteractionId, ContactId)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    interaction_contacts::table
        .filter(
            interaction_contacts::organization_id
                .eq(org)
                .and(interaction_contacts::interaction_id.eq_any(ids)),
        )
        .order((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .select((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .load(conn)
}

pub fn set_interaction_contacts(
    conn: &mut DbConn,
    org: OrganizationId,
    interaction: InteractionId,
    contact_ids: &[ContactId],
) -> QueryResult<()> {
    diesel::delete(
        interaction_contacts::table.filter(
            interaction_contacts::organization_id
                .eq(org)
                .and(interaction_contacts::interaction_id.eq(interaction)),
        ),
    )
    .execute(conn)?;
    let rows: Vec<_> = contact_ids
        .iter()
        .map(|c| {
            (
                interaction_contacts::organization_id.eq(org),
                interaction_contacts::interaction_id.eq(interaction),
                interaction_contacts::contact_id.eq(*c),
            )
        })
        .collect();
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(interaction_contacts::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// The latest interaction of `account` that counts as a check-in: one of `kinds` with at
/// least one contact.
pub fn last_check_in(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    kinds: &[&str],
) -> QueryResult<Option<NaiveDateTime>> {
    let with_contact = interaction_contacts::table
        .filter(interaction_contacts::organization_id.eq(org))
        .select(interaction_contacts::interaction_id);
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq(account))
                .and(
                    interactions::kind
                        .eq_any(kinds.iter().map(|k| k.to_string()).collect::<Vec<_>>()),
                )
                .and(interactions::id.eq_any(with_contact)),
        )
        .select(diesel::dsl::max(interactions::occurred_at))
        .first(conn)
}

// ---- feedback ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = feedback)]
pub struct FeedbackRow {
    pub organization_id: OrganizationId,
    pub id: FeedbackId,
    pub account_id: ClientAccountId,
    pub contact_id: Option<ContactId>,
    pub kind: String,
    pub score: i32,
    pub comment: Option<String>,
    pub received_on: NaiveDate,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
}

pub fn insert_feedback(conn: &mut DbConn, row: &FeedbackRow) -> QueryResult<()> {
    diesel::insert_into(feedback::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn find_feedback(
    conn: &mut DbConn,
    org: OrganizationId,
    id: FeedbackId,
) -> QueryResult<FeedbackRow> {
    feedback::table
        .filter(feedback::organization_id.eq(org).and(feedback::id.eq(id)))
        .select(FeedbackRow::as_select())
        .first(conn)
}

pub fn feedback_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<FeedbackRow>> {
    feedback::table
        .filter(
            feedback::organization_id
                .eq(org)
                .and(feedback::account_id.eq_any(accounts)),
        )
        .order(feedback::id.asc())
        .select(FeedbackRow::as_select())
        .load(conn)
}

pub fn list_feedback(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<FeedbackId>,
    limit: i64,
) -> QueryResult<Vec<FeedbackRow>> {
    let mut q = feedback::table
        .filter(feedback::organization_id.eq(org))
        .select(FeedbackRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(feedback::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(feedback::contact_id.eq(ContactId(p)));
    }
    if let Some(k) = &f.kind {
        q = q.filter(feedback::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(feedback::received_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(feedback::received_on.le(d));
    }
    page_by_id!(q, feedback, desc, after, limit).load(conn)
}

// ---- requests ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = requests, treat_none_as_null = true)]
pub struct RequestRow {
    pub organization_id: OrganizationId,
    pub id: ClientRequestId,
    pub account_id: ClientAccountId,
    pub contact_id: Option<ContactId>,
    pub kind: String,
    pub summary: String,
    pub routed_to_team_id: Option<TeamId>,
    pub status: String,
    pub responded_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_request(conn: &mut DbConn, row: &RequestRow) -> QueryResult<()> {
    diesel::insert_into(requests::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_request(
    conn: &mut DbConn,
    row: &RequestRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let target = requests::table.filter(
        requests::organization_id
            .eq(row.organization_id)
            .and(requests::id.eq(row.id))
            .and(requests::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_request(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ClientRequestId,
) -> QueryResult<RequestRow> {
    requests::table
        .filter(requests::organization_id.eq(org).and(requests::id.eq(id)))
        .select(RequestRow::as_select())
        .first(conn)
}

pub fn requests_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<RequestRow>> {
    requests::table
        .filter(
            requests::organization_id
                .eq(org)
                .and(requests::account_id.eq_any(accounts)),
        )
        .order(requests::id.asc())
        .select(RequestRow::as_select())
        .load(conn)
}

pub fn list_requests(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<ClientRequestId>,
    limit: i64,
) -> QueryResult<Vec<RequestRow>> {
    let mut q = requests::table
        .filter(requests::organization_id.eq(org))
        .select(RequestRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(requests::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(requests::routed_to_team_id.eq(TeamId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(requests::status.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(requests::kind.eq(k.clone()));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(requests::updated_at.ge(t));
    }
    page_by_id!(q, requests, desc, after, limit).load(conn)
}

// ---- tasks ----

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

pub fn insert_task(conn: &mut DbConn, row: &TaskRow) -> QueryResult<()> {
    diesel::insert_into(tasks::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_task(conn: &mut DbConn, row: &TaskRow, expected_version: i64) -> QueryResult<bool> {
    let target = tasks::table.filter(
        tasks::organization_id
            .eq(row.organization_id)
            .and(tasks::id.eq(row.id))
            .and(tasks::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_task(conn: &mut DbConn, org: OrganizationId, id: TaskId) -> QueryResult<TaskRow> {
    tasks::table
        .filter(tasks::organization_id.eq(org).and(tasks::id.eq(id)))
        .select(TaskRow::as_select())
        .first(conn)
}

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

pub fn list_tasks(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<TaskId>,
    limit: i64,
) -> QueryResult<Vec<TaskRow>> {
    let mut q = tasks::table
        .filter(tasks::organization_id.eq(org))
        .select(TaskRow::as_select())
        .into_boxed();
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
    if let Some(t) = f.updated_since {
        q = q.filter(tasks::updated_at.ge(t));
    }
    page_by_id!(q, tasks, desc, after, limit).load(conn)
}

pub fn delete_task(conn: &mut DbConn, org: OrganizationId, id: TaskId) -> QueryResult<()> {
    diesel::delete(tasks::table.filter(tasks::organization_id.eq(org).and(tasks::id.eq(id))))
        .execute(conn)
        .map(drop)
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
