//! Requests: what a client account asked for, routed to a team. A plain record (see
//! [`crate::app::record`]) whose writes need write access to its account; a request stays on
//! its account, and answering it (any status past open) stamps when it was answered.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, RequestListParams};
use super::check_team;
use super::contacts::check_contacts;
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::requests::RequestRow;
use crate::db::{self};
use crate::domain::crm::{RequestKind, RequestStatus, TextEnum};
use crate::domain::ids::{ClientRequestId, ContactId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = RequestPatch)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub contact_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<RequestKind>)]
    pub kind: Option<String>,
    #[schema(max_length = 5000, pattern = r"\S")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub routed_to_team_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<RequestStatus>)]
    pub status: Option<String>,
}

crate::create_input!(
    /// A new request: the fields of a change, with those a create must name required.
    RequestCreate(RequestInput) required ["account_id", "kind", "summary"]
);

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

/// What a create or a change says about the request's own fields.
fn apply_fields(
    tx: &mut Tx,
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
            check_contacts(tx, row.account_id, &[c], check)?;
        }
        row.contact_id = c.map(ContactId);
    }
    if let Some(t) = input.routed_to_team_id {
        row.routed_to_team_id = check_team(tx, row.organization_id, "routed_to_team_id", t, check)?;
    }
    if let Some(s) = check.enum_value::<RequestStatus>("status", input.status.as_deref()) {
        if s != RequestStatus::Open && row.responded_at.is_none() {
            row.responded_at = Some(db::now());
        }
        row.status = s.as_str().into();
    }
    Ok(())
}

pub struct Request;

impl Record for Request {
    const NAME: &'static str = "request";
    const COLLECTION: &'static str = "requests";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = RequestRow;
    type Create = RequestCreate;
    type Patch = RequestInput;
    type View = RequestView;
    type Query = RequestListParams;

    fn may_create(tx: &mut Tx, input: &RequestCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(
        tx: &mut Tx,
        input: &RequestCreate,
        check: &mut Check,
    ) -> Result<RequestRow, AppError> {
        let account_id = account_records::required_account(check, input.account_id);
        for (f, missing) in [
            ("kind", input.kind.is_none()),
            ("summary", input.summary.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let now = db::now();
        let mut row = RequestRow {
            organization_id: tx.caller()?.org,
            id: ClientRequestId::new(),
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
        apply_fields(tx, input, &mut row, check)?;
        if check.is_clean() {
            account_records::target_account(tx, account_id)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &RequestInput,
        row: &mut RequestRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "a request stays on its account",
            ));
        }
        apply_fields(tx, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &RequestRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn views(_tx: &mut Tx, rows: Vec<RequestRow>) -> Result<Vec<RequestView>, AppError> {
        Ok(rows.into_iter().map(RequestView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &RequestListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &RequestListParams) -> Option<&str> {
        q.sort()
    }
}
