//! Tasks: follow-ups on a client account, assigned to a user (the creator unless said
//! otherwise). A plain record (see [`crate::app::record`]) whose writes need write access to
//! its account; moving a task to another account needs it on both.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, TaskListParams};
use super::check_user;
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::tasks::TaskRow;
use crate::db::{self};
use crate::domain::crm::{Priority, TaskStatus, TextEnum};
use crate::domain::ids::{ClientAccountId, TaskId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = TaskPatch)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub assignee_id: Option<Option<Uuid>>,
    #[schema(max_length = 500, pattern = r"\S")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub due_on: Option<Option<NaiveDate>>,
    #[schema(value_type = Option<Priority>)]
    pub priority: Option<String>,
    #[schema(value_type = Option<TaskStatus>)]
    pub status: Option<String>,
}

crate::create_input!(
    /// A new task: the fields of a change, with those a create must name required.
    TaskCreate(TaskInput) required ["account_id", "title"]
);

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

/// What a create or a change says about the task's own fields.
fn apply_fields(
    tx: &mut Tx,
    input: &TaskInput,
    row: &mut TaskRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(a) = input.assignee_id {
        row.assignee_id = check_user(tx, row.organization_id, "assignee_id", a, check)?;
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

pub struct Task;

impl Record for Task {
    const NAME: &'static str = "task";
    const COLLECTION: &'static str = "tasks";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = TaskRow;
    type Create = TaskCreate;
    type Patch = TaskInput;
    type View = TaskView;
    type Query = TaskListParams;

    fn may_create(tx: &mut Tx, input: &TaskCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(tx: &mut Tx, input: &TaskCreate, check: &mut Check) -> Result<TaskRow, AppError> {
        let caller = tx.caller()?;
        let account_id = account_records::required_account(check, input.account_id);
        if input.title.is_none() {
            check.push("title", "required", "is required");
        }
        let now = db::now();
        let mut row = TaskRow {
            organization_id: caller.org,
            id: TaskId::new(),
            account_id,
            assignee_id: Some(caller.user_id()),
            title: String::new(),
            due_on: None,
            priority: Priority::Normal.as_str().into(),
            status: TaskStatus::Open.as_str().into(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        apply_fields(tx, input, &mut row, check)?;
        if check.is_clean() {
            account_records::target_account(tx, account_id)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &TaskInput,
        row: &mut TaskRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        apply_fields(tx, input, row, check)?;
        if let Some(to) = input.account_id.map(ClientAccountId) {
            if to != row.account_id && check.is_clean() {
                account_records::target_account(tx, to)?;
                row.account_id = to;
            }
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &TaskRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn moved(before: &TaskRow, after: &TaskRow) -> bool {
        before.account_id != after.account_id
    }

    fn views(_tx: &mut Tx, rows: Vec<TaskRow>) -> Result<Vec<TaskView>, AppError> {
        Ok(rows.into_iter().map(TaskView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &TaskListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &TaskListParams) -> Option<&str> {
        q.sort()
    }
}
