//! Contacts, interactions, feedback, client requests and tasks.

use crate::app::Tx;
use crate::domain::ids::{
    ClientAccountId, ClientRequestId, ContactId, FeedbackId, InteractionId, OrganizationId, TaskId,
    UserId,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{access, check_team, check_user, load_account, refresh_account, Check};
use crate::app::error::AppError;
use crate::app::input::double_option;
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::crm::records::{
    FeedbackRow, InteractionRow, RecordFilter, RequestRow, TaskRow,
};
use crate::db::{self};
use crate::domain::crm::{
    Direction, FeedbackKind, InteractionKind, Priority, RequestKind, RequestStatus, TaskStatus,
    TextEnum,
};

fn required_account(check: &mut Check, account_id: Option<Uuid>) -> ClientAccountId {
    match account_id {
        Some(a) => ClientAccountId(a),
        None => {
            check.push("account_id", "required", "must name the account");
            ClientAccountId(Uuid::nil())
        }
    }
}

/// The account a new record goes on: 422 naming `account_id` when it does not exist, 403 when
/// the caller may not write it.
fn target_account(conn: &mut Tx, caller: &Caller, id: ClientAccountId) -> Result<(), AppError> {
    caller.require(Permission::WriteCrm)?;
    let account = match db::crm::accounts::find(conn, caller.org, id) {
        Ok(a) => a,
        Err(diesel::result::Error::NotFound) => {
            return Err(AppError::field(
                "not_found",
                "account_id",
                "no such account in your organization",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    access::require_write(conn, caller, &account)?;
    Ok(())
}

// ---- interactions ----

/// How long the author may still edit an interaction; after that it is append-only.
pub const INTERACTION_EDIT_WINDOW_HOURS: i64 = 24;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InteractionInput {
    pub account_id: Option<Uuid>,
    pub contact_ids: Option<Vec<Uuid>>,
    #[schema(value_type = Option<InteractionKind>)]
    pub kind: Option<String>,
    #[schema(value_type = Option<Direction>)]
    pub direction: Option<String>,
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub subject: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub summary: Option<Option<String>>,
    /// The manager's reading, 1 (bad) to 5 (good).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>)]
    pub sentiment: Option<Option<i32>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub next_step: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub follow_up_on: Option<Option<NaiveDate>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InteractionView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub author_id: Uuid,
    pub contact_ids: Vec<Uuid>,
    #[schema(value_type = InteractionKind)]
    pub kind: String,
    #[schema(value_type = Direction)]
    pub direction: String,
    pub occurred_at: DateTime<Utc>,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub sentiment: Option<i32>,
    pub next_step: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    /// Until when the author may edit it.
    pub editable_until: DateTime<Utc>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn interaction_view(r: InteractionRow, contact_ids: Vec<Uuid>) -> InteractionView {
    InteractionView {
        id: r.id.0,
        account_id: r.account_id.0,
        author_id: r.author_id.0,
        contact_ids,
        kind: r.kind,
        direction: r.direction,
        occurred_at: r.occurred_at.and_utc(),
        subject: r.subject,
        summary: r.summary,
        sentiment: r.sentiment,
        next_step: r.next_step,
        follow_up_on: r.follow_up_on,
        editable_until: (r.created_at + Duration::hours(INTERACTION_EDIT_WINDOW_HOURS)).and_utc(),
        version: r.version,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    }
}

pub fn interaction_views(
    conn: &mut Tx,
    org: OrganizationId,
    rows: Vec<InteractionRow>,
) -> Result<Vec<InteractionView>, AppError> {
    let ids: Vec<InteractionId> = rows.iter().map(|r| r.id).collect();
    let mut contacts: std::collections::HashMap<InteractionId, Vec<Uuid>> =
        std::collections::HashMap::new();
    for (i, c) in db::crm::records::interaction_contacts(conn, org, &ids)? {
        contacts.entry(i).or_default().push(c.0);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let c = contacts.remove(&r.id).unwrap_or_default();
            interaction_view(r, c)
        })
        .collect())
}

fn apply_interaction(input: &InteractionInput, row: &mut InteractionRow, check: &mut Check) {
    if let Some(k) = check.enum_value::<InteractionKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(d) = check.enum_value::<Direction>("direction", input.direction.as_deref()) {
        row.direction = d.as_str().into();
    }
    if let Some(t) = input.occurred_at {
        row.occurred_at = t.naive_utc();
        if t > Utc::now() + Duration::days(1) {
            check.push("occurred_at", "in_future", "must not be in the future");
        }
    }
    if let Some(v) = &input.subject {
        row.subject = check.text("subject", v.as_deref(), 500);
    }
    if let Some(v) = &input.summary {
        row.summary = check.text("summary", v.as_deref(), 20_000);
    }
    if let Some(v) = input.sentiment {
        check.range("sentiment", v.map(i64::from), 1, 5);
        row.sentiment = v;
    }
    if let Some(v) = &input.next_step {
        row.next_step = check.text("next_step", v.as_deref(), 2000);
    }
    if let Some(v) = input.follow_up_on {
        row.follow_up_on = v;
        if let Some(d) = v {
            if d < row.occurred_at.date() {
                check.push(
                    "follow_up_on",
                    "date_order",
                    "must not be before occurred_at",
                );
            }
        }
    }
}

/// The contacts must exist and belong to the interaction's account.
fn check_contacts(
    conn: &mut Tx,
    org: OrganizationId,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<Vec<ContactId>, AppError> {
    let wanted: Vec<ContactId> = ids.iter().map(|i| ContactId(*i)).collect();
    let found: std::collections::HashMap<ContactId, ClientAccountId> =
        db::crm::records::contact_ids_by(conn, org, &wanted)?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        match found.get(id) {
            None => check.push(
                format!("contact_ids[{i}]"),
                "not_found",
                "no such contact in your organization",
            ),
            Some(a) if *a != account => check.push(
                format!("contact_ids[{i}]"),
                "wrong_account",
                "this contact belongs to another account",
            ),
            Some(_) if out.contains(id) => {}
            Some(_) => out.push(*id),
        }
    }
    Ok(out)
}

pub fn create_interaction_in(
    conn: &mut Tx,
    caller: &Caller,
    input: InteractionInput,
) -> Result<InteractionView, AppError> {
    let org = caller.org;
    let now = db::now();
    let mut check = Check::default();
    let account_id = required_account(&mut check, input.account_id);
    for (f, missing) in [
        ("kind", input.kind.is_none()),
        ("direction", input.direction.is_none()),
        ("occurred_at", input.occurred_at.is_none()),
    ] {
        if missing {
            check.push(f, "required", "is required");
        }
    }
    let mut row = InteractionRow {
        organization_id: org,
        id: InteractionId(Uuid::now_v7()),
        account_id,
        author_id: UserId(caller.user_id().0),
        kind: String::new(),
        direction: String::new(),
        occurred_at: now,
        subject: None,
        summary: None,
        sentiment: None,
        next_step: None,
        follow_up_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    apply_interaction(&input, &mut row, &mut check);
    let contacts = check_contacts(
        conn,
        org,
        account_id,
        input.contact_ids.as_deref().unwrap_or(&[]),
        &mut check,
    )?;
    check.finish()?;
    target_account(conn, caller, account_id)?;
    db::crm::records::insert_interaction(conn, &row)?;
    db::crm::records::set_interaction_contacts(conn, org, row.id, &contacts)?;
    refresh_account(conn, org, account_id)?;
    Ok(interaction_view(
        row,
        contacts.into_iter().map(|c| c.0).collect(),
    ))
}

pub fn get_interaction(
    conn: &mut Tx,
    caller: &Caller,
    id: InteractionId,
) -> Result<InteractionView, AppError> {
    caller.require(Permission::Read)?;
    let row = db::crm::records::find_interaction(conn, caller.org, id)
        .map_err(|e| super::not_found(e, "interaction"))?;
    interaction_views(conn, caller.org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::not_found("interaction"))
}

pub fn update_interaction_in(
    conn: &mut Tx,
    caller: &Caller,
    id: InteractionId,
    expected: &IfMatch,
    input: InteractionInput,
) -> Result<InteractionView, AppError> {
    let org = caller.org;
    let current = db::crm::records::find_interaction(conn, org, id)
        .map_err(|e| super::not_found(e, "interaction"))?;
    access::writable_account(conn, caller, current.account_id)?;
    if current.author_id.0 != caller.user_id().0 {
        return Err(AppError::forbidden(
            "crm:interactions:edit (only the author edits an interaction)",
        ));
    }
    if db::now() > current.created_at + Duration::hours(INTERACTION_EDIT_WINDOW_HOURS) {
        return Err(AppError::conflict(
            "interaction_locked",
            "an interaction can be edited for 24 hours after it was logged; add a new one instead",
        ));
    }
    expected.check(current.version)?;
    if input.account_id.is_some_and(|a| a != current.account_id.0) {
        return Err(AppError::field(
            "immutable_field",
            "account_id",
            "an interaction stays on its account",
        ));
    }
    let mut row = current.clone();
    let mut check = Check::default();
    apply_interaction(&input, &mut row, &mut check);
    let contacts = match &input.contact_ids {
        Some(ids) => Some(check_contacts(conn, org, row.account_id, ids, &mut check)?),
        None => None,
    };
    check.finish()?;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::records::save_interaction(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    if let Some(c) = contacts {
        db::crm::records::set_interaction_contacts(conn, org, row.id, &c)?;
    }
    refresh_account(conn, org, row.account_id)?;
    get_interaction(conn, caller, id)
}

// ---- feedback (append-only) ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    pub account_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    #[schema(value_type = Option<FeedbackKind>)]
    pub kind: Option<String>,
    /// CSAT 1-5, NPS 0-10.
    pub score: Option<i32>,
    pub comment: Option<String>,
    /// Defaults to today.
    pub received_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub contact_id: Option<Uuid>,
    #[schema(value_type = FeedbackKind)]
    pub kind: String,
    pub score: i32,
    pub comment: Option<String>,
    pub received_on: NaiveDate,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl From<FeedbackRow> for FeedbackView {
    fn from(r: FeedbackRow) -> Self {
        FeedbackView {
            id: r.id.0,
            account_id: r.account_id.0,
            contact_id: r.contact_id.map(|c| c.0),
            kind: r.kind,
            score: r.score,
            comment: r.comment,
            received_on: r.received_on,
            created_by: r.created_by.0,
            created_at: r.created_at.and_utc(),
        }
    }
}

pub fn create_feedback_in(
    conn: &mut Tx,
    caller: &Caller,
    input: FeedbackInput,
) -> Result<FeedbackView, AppError> {
    let org = caller.org;
    let mut check = Check::default();
    let account_id = required_account(&mut check, input.account_id);
    let kind = check.enum_value::<FeedbackKind>("kind", input.kind.as_deref());
    if input.kind.is_none() {
        check.push("kind", "required", "csat or nps");
    }
    match (kind, input.score) {
        (_, None) => check.push("score", "required", "is required"),
        (Some(FeedbackKind::Csat), s) => check.range("score", s.map(i64::from), 1, 5),
        (Some(FeedbackKind::Nps), s) => check.range("score", s.map(i64::from), 0, 10),
        (None, _) => {}
    }
    let comment = check.text("comment", input.comment.as_deref(), 5000);
    if let Some(c) = input.contact_id {
        check_contacts(conn, org, account_id, &[c], &mut check)?;
    }
    let received_on = input.received_on.unwrap_or_else(|| Utc::now().date_naive());
    if received_on > Utc::now().date_naive() + Duration::days(1) {
        check.push("received_on", "in_future", "must not be in the future");
    }
    check.finish()?;
    target_account(conn, caller, account_id)?;
    let row = FeedbackRow {
        organization_id: org,
        id: FeedbackId(Uuid::now_v7()),
        account_id,
        contact_id: input.contact_id.map(ContactId),
        kind: kind.map(|k| k.as_str()).unwrap_or("csat").into(),
        score: input.score.unwrap_or(0),
        comment,
        received_on,
        created_by: UserId(caller.user_id().0),
        created_at: db::now(),
    };
    db::crm::records::insert_feedback(conn, &row)?;
    Ok(row.into())
}

pub fn get_feedback(
    conn: &mut Tx,
    caller: &Caller,
    id: FeedbackId,
) -> Result<FeedbackView, AppError> {
    caller.require(Permission::Read)?;
    Ok(db::crm::records::find_feedback(conn, caller.org, id)
        .map_err(|e| super::not_found(e, "feedback"))?
        .into())
}

// ---- requests ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub contact_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<RequestKind>)]
    pub kind: Option<String>,
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub routed_to_team_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<RequestStatus>)]
    pub status: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub contact_id: Option<Uuid>,
    #[schema(value_type = RequestKind)]
    pub kind: String,
    pub summary: String,
    pub routed_to_team_id: Option<Uuid>,
    #[schema(value_type = RequestStatus)]
    pub status: String,
    pub responded_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<RequestRow> for RequestView {
    fn from(r: RequestRow) -> Self {
        RequestView {
            id: r.id.0,
            account_id: r.account_id.0,
            contact_id: r.contact_id.map(|c| c.0),
            kind: r.kind,
            summary: r.summary,
            routed_to_team_id: r.routed_to_team_id.map(|c| c.0),
            status: r.status,
            responded_at: r.responded_at.map(|t| t.and_utc()),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

fn apply_request(
    conn: &mut Tx,
    org: OrganizationId,
    input: &RequestInput,
    row: &mut RequestRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(k) = check.enum_value::<RequestKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(s) = &input.summary {
        row.summary = check.required("summary", Some(s), 5000);
    }
    if let Some(c) = input.contact_id {
        if let Some(c) = c {
            check_contacts(conn, org, row.account_id, &[c], check)?;
        }
        row.contact_id = c.map(ContactId);
    }
    if let Some(t) = input.routed_to_team_id {
        row.routed_to_team_id = check_team(conn, org, "routed_to_team_id", t, check)?;
    }
    if let Some(s) = check.enum_value::<RequestStatus>("status", input.status.as_deref()) {
        if s != RequestStatus::Open && row.responded_at.is_none() {
            row.responded_at = Some(db::now());
        }
        row.status = s.as_str().into();
    }
    Ok(())
}

pub fn create_request_in(
    conn: &mut Tx,
    caller: &Caller,
    input: RequestInput,
) -> Result<RequestView, AppError> {
    let org = caller.org;
    let now = db::now();
    let mut check = Check::default();
    let account_id = required_account(&mut check, input.account_id);
    for (f, missing) in [
        ("kind", input.kind.is_none()),
        ("summary", input.summary.is_none()),
    ] {
        if missing {
            check.push(f, "required", "is required");
        }
    }
    let mut row = RequestRow {
        organization_id: org,
        id: ClientRequestId(Uuid::now_v7()),
        account_id,
        contact_id: None,
        kind: String::new(),
        summary: String::new(),
        routed_to_team_id: None,
        status: RequestStatus::Open.as_str().into(),
        responded_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    apply_request(conn, org, &input, &mut row, &mut check)?;
    check.finish()?;
    target_account(conn, caller, account_id)?;
    db::crm::records::insert_request(conn, &row)?;
    Ok(row.into())
}

pub fn get_request(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientRequestId,
) -> Result<RequestRow, AppError> {
    caller.require(Permission::Read)?;
    db::crm::records::find_request(conn, caller.org, id).map_err(|e| super::not_found(e, "request"))
}

pub fn update_request_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientRequestId,
    expected: &IfMatch,
    input: RequestInput,
) -> Result<RequestView, AppError> {
    let current = get_request(conn, caller, id)?;
    access::writable_account(conn, caller, current.account_id)?;
    expected.check(current.version)?;
    if input.account_id.is_some_and(|a| a != current.account_id.0) {
        return Err(AppError::field(
            "immutable_field",
            "account_id",
            "a request stays on its account",
        ));
    }
    let mut row = current.clone();
    let mut check = Check::default();
    apply_request(conn, caller.org, &input, &mut row, &mut check)?;
    check.finish()?;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::records::save_request(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

// ---- tasks ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub assignee_id: Option<Option<Uuid>>,
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub due_on: Option<Option<NaiveDate>>,
    #[schema(value_type = Option<Priority>)]
    pub priority: Option<String>,
    #[schema(value_type = Option<TaskStatus>)]
    pub status: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaskView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub assignee_id: Option<Uuid>,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    #[schema(value_type = Priority)]
    pub priority: String,
    #[schema(value_type = TaskStatus)]
    pub status: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TaskRow> for TaskView {
    fn from(r: TaskRow) -> Self {
        TaskView {
            id: r.id.0,
            account_id: r.account_id.0,
            assignee_id: r.assignee_id.map(|c| c.0),
            title: r.title,
            due_on: r.due_on,
            priority: r.priority,
            status: r.status,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

fn apply_task(
    conn: &mut Tx,
    org: OrganizationId,
    input: &TaskInput,
    row: &mut TaskRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(a) = input.assignee_id {
        row.assignee_id = check_user(conn, org, "assignee_id", a, check)?;
    }
    if let Some(t) = &input.title {
        row.title = check.required("title", Some(t), 500);
    }
    if let Some(d) = input.due_on {
        row.due_on = d;
    }
    if let Some(p) = check.enum_value::<Priority>("priority", input.priority.as_deref()) {
        row.priority = p.as_str().into();
    }
    if let Some(s) = check.enum_value::<TaskStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
    }
    Ok(())
}

pub fn create_task_in(
    conn: &mut Tx,
    caller: &Caller,
    input: TaskInput,
) -> Result<TaskView, AppError> {
    let org = caller.org;
    let now = db::now();
    let mut check = Check::default();
    let account_id = required_account(&mut check, input.account_id);
    if input.title.is_none() {
        check.push("title", "required", "is required");
    }
    let mut row = TaskRow {
        organization_id: org,
        id: TaskId(Uuid::now_v7()),
        account_id,
        assignee_id: Some(UserId(caller.user_id().0)),
        title: String::new(),
        due_on: None,
        priority: Priority::Normal.as_str().into(),
        status: TaskStatus::Open.as_str().into(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    apply_task(conn, org, &input, &mut row, &mut check)?;
    check.finish()?;
    target_account(conn, caller, account_id)?;
    db::crm::records::insert_task(conn, &row)?;
    Ok(row.into())
}

pub fn get_task(conn: &mut Tx, caller: &Caller, id: TaskId) -> Result<TaskRow, AppError> {
    caller.require(Permission::Read)?;
    db::crm::records::find_task(conn, caller.org, id).map_err(|e| super::not_found(e, "task"))
}

pub fn update_task_in(
    conn: &mut Tx,
    caller: &Caller,
    id: TaskId,
    expected: &IfMatch,
    input: TaskInput,
) -> Result<TaskView, AppError> {
    let current = get_task(conn, caller, id)?;
    access::writable_account(conn, caller, current.account_id)?;
    expected.check(current.version)?;
    let mut row = current.clone();
    let mut check = Check::default();
    apply_task(conn, caller.org, &input, &mut row, &mut check)?;
    check.finish()?;
    if let Some(to) = input.account_id.map(ClientAccountId) {
        if to != current.account_id {
            target_account(conn, caller, to)?;
            row.account_id = to;
        }
    }
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::records::save_task(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

pub fn delete_task_in(conn: &mut Tx, caller: &Caller, id: TaskId) -> Result<(), AppError> {
    let current = get_task(conn, caller, id)?;
    access::writable_account(conn, caller, current.account_id)?;
    db::crm::records::delete_task(conn, current.organization_id, current.id)?;
    Ok(())
}

/// Lists share their filters; reading needs only `read`.
pub fn require_read(caller: &Caller) -> Result<(), AppError> {
    caller.require(Permission::Read)
}

pub fn filter_account(conn: &mut Tx, caller: &Caller, f: &RecordFilter) -> Result<(), AppError> {
    if let Some(a) = f.account_id {
        load_account(conn, caller, a)?;
    }
    Ok(())
}
