//! Feedback: CSAT and NPS scores a client account gave, append-only. A plain record (see
//! [`crate::app::record`]) that is created and read, never changed; creating one needs write
//! access to its account.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, FeedbackListParams};
use super::contacts::check_contacts;
use crate::app::error::{AppError, Check};
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::feedback::FeedbackRow;
use crate::db::{self};
use crate::domain::crm::{FeedbackKind, TextEnum};
use crate::domain::ids::{ContactId, FeedbackId};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    pub account_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    #[schema(value_type = Option<FeedbackKind>)]
    pub kind: Option<String>,
    /// CSAT 1-5, NPS 0-10.
    #[schema(minimum = 0, maximum = 10)]
    pub score: Option<i32>,
    #[schema(max_length = 5000)]
    pub comment: Option<String>,
    /// Defaults to today.
    pub received_on: Option<NaiveDate>,
}

crate::create_input!(
    /// A new feedback: the fields of a change, with those a create must name required.
    FeedbackCreate(FeedbackInput) required ["account_id", "kind", "score"]
);

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

pub struct Feedback;

impl Record for Feedback {
    const NAME: &'static str = "feedback";
    const COLLECTION: &'static str = "feedback";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = FeedbackRow;
    type Create = FeedbackCreate;
    type Patch = ();
    type View = FeedbackView;
    type Query = FeedbackListParams;

    fn may_create(tx: &mut Tx, input: &FeedbackCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(
        tx: &mut Tx,
        input: &FeedbackCreate,
        check: &mut Check,
    ) -> Result<FeedbackRow, AppError> {
        let caller = tx.caller()?;
        let account_id = account_records::required_account(check, input.account_id);
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
            check_contacts(tx, account_id, &[c], check)?;
        }
        let received_on = input.received_on.unwrap_or_else(|| Utc::now().date_naive());
        if received_on > Utc::now().date_naive() + Duration::days(1) {
            check.push("received_on", "in_future", "must not be in the future");
        }
        if check.is_clean() {
            account_records::target_account(tx, account_id)?;
        }
        let now = db::now();
        Ok(FeedbackRow {
            organization_id: caller.org,
            id: FeedbackId::new(),
            account_id,
            contact_id: input.contact_id.map(ContactId),
            kind: kind.map(|k| k.as_str()).unwrap_or("csat").into(),
            score: input.score.unwrap_or(0),
            comment,
            received_on,
            created_by: caller.user_id(),
            created_at: now,
            updated_at: now,
        })
    }

    fn may_write(tx: &mut Tx, row: &FeedbackRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn views(_tx: &mut Tx, rows: Vec<FeedbackRow>) -> Result<Vec<FeedbackView>, AppError> {
        Ok(rows.into_iter().map(FeedbackView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &FeedbackListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &FeedbackListParams) -> Option<&str> {
        q.sort()
    }
}
