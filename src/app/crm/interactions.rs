//! Interactions: calls, meetings, emails and visits logged on a client account, with the
//! contacts who took part. A plain record (see [`crate::app::record`]) with its own rules: its
//! author may edit it for a day, after which it is append-only; it stays on its account; and
//! every write refreshes the account's check-in state in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, InteractionListParams};
use super::contacts::check_contacts;
use super::refresh_account;
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::interactions::InteractionRow;
use crate::db::{self};
use crate::domain::crm::{Direction, InteractionKind, TextEnum};
use crate::domain::ids::{ContactId, InteractionId};

/// How long the author may still edit an interaction; after that it is append-only.
pub const INTERACTION_EDIT_WINDOW_HOURS: i64 = 24;

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = InteractionPatch)]
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
    #[schema(value_type = Option<String>, max_length = 500)]
    pub subject: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub summary: Option<Option<String>>,
    /// The manager's reading, 1 (bad) to 5 (good).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 5)]
    pub sentiment: Option<Option<i32>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub next_step: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub follow_up_on: Option<Option<NaiveDate>>,
}

crate::create_input!(
    /// A new interaction: the fields of a change, with those a create must name required.
    InteractionCreate(InteractionInput) required ["account_id", "kind", "direction", "occurred_at"]
);

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

fn view(r: InteractionRow, contact_ids: Vec<Uuid>) -> InteractionView {
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

/// What a create or a change says about the interaction's own fields.
fn apply_fields(input: &InteractionInput, row: &mut InteractionRow, check: &mut Check) {
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

/// The contacts an input names, each once, in the order named (already checked).
fn named_contacts(ids: &[Uuid]) -> Vec<ContactId> {
    let mut out: Vec<ContactId> = Vec::with_capacity(ids.len());
    for id in ids.iter().map(|i| ContactId(*i)) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

pub struct Interaction;

impl Record for Interaction {
    const NAME: &'static str = "interaction";
    const COLLECTION: &'static str = "interactions";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = InteractionRow;
    type Create = InteractionCreate;
    type Patch = InteractionInput;
    type View = InteractionView;
    type Query = InteractionListParams;

    fn may_create(tx: &mut Tx, input: &InteractionCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(
        tx: &mut Tx,
        input: &InteractionCreate,
        check: &mut Check,
    ) -> Result<InteractionRow, AppError> {
        let caller = tx.caller()?;
        let account_id = account_records::required_account(check, input.account_id);
        for (f, missing) in [
            ("kind", input.kind.is_none()),
            ("direction", input.direction.is_none()),
            ("occurred_at", input.occurred_at.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let now = db::now();
        let mut row = InteractionRow {
            organization_id: caller.org,
            id: InteractionId::new(),
            account_id,
            author_id: caller.user_id(),
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
        apply_fields(input, &mut row, check);
        let contacts = input.contact_ids.as_deref().unwrap_or(&[]);
        check_contacts(tx, account_id, contacts, check)?;
        if check.is_clean() {
            account_records::target_account(tx, account_id)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &InteractionInput,
        row: &mut InteractionRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "an interaction stays on its account",
            ));
        }
        apply_fields(input, row, check);
        if let Some(ids) = &input.contact_ids {
            check_contacts(tx, row.account_id, ids, check)?;
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &InteractionRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    /// Only the author edits an interaction, and only within the edit window.
    fn may_change(tx: &mut Tx, current: &InteractionRow) -> Result<(), AppError> {
        if current.author_id != tx.caller()?.user_id() {
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
        Ok(())
    }

    fn created(
        tx: &mut Tx,
        row: &InteractionRow,
        input: &InteractionCreate,
    ) -> Result<(), AppError> {
        let contacts = named_contacts(input.contact_ids.as_deref().unwrap_or(&[]));
        db::crm::interactions::set_interaction_contacts(
            tx,
            row.organization_id,
            row.id,
            &contacts,
        )?;
        refresh_account(tx, row.organization_id, row.account_id).map(drop)
    }

    fn updated(
        tx: &mut Tx,
        _before: &InteractionRow,
        after: &InteractionRow,
        input: &InteractionInput,
    ) -> Result<(), AppError> {
        if let Some(ids) = &input.contact_ids {
            let contacts = named_contacts(ids);
            db::crm::interactions::set_interaction_contacts(
                tx,
                after.organization_id,
                after.id,
                &contacts,
            )?;
        }
        refresh_account(tx, after.organization_id, after.account_id).map(drop)
    }

    fn views(tx: &mut Tx, rows: Vec<InteractionRow>) -> Result<Vec<InteractionView>, AppError> {
        let org = tx.caller()?.org;
        let ids: Vec<InteractionId> = rows.iter().map(|r| r.id).collect();
        let mut contacts: HashMap<InteractionId, Vec<Uuid>> = HashMap::new();
        for (i, c) in db::crm::interactions::interaction_contacts(tx, org, &ids)? {
            contacts.entry(i).or_default().push(c.0);
        }
        Ok(rows
            .into_iter()
            .map(|r| {
                let c = contacts.remove(&r.id).unwrap_or_default();
                view(r, c)
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &InteractionListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &InteractionListParams) -> Option<&str> {
        q.sort()
    }
}
