//! Contacts: the people at a client account. A plain record (see [`crate::app::record`])
//! whose writes need write access to its account; moving a contact to another account needs
//! it on both. Deleting one refreshes the account's derived state.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, ContactListParams};
use super::accounts::custom_fields_json;
use super::refresh_account;
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::contacts::ContactRow;
use crate::db::{self};
use crate::domain::crm::{ContactStatus, Influence, Seniority, TextEnum};
use crate::domain::ids::{ClientAccountId, ContactId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ContactPatch)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    /// Moving a contact to another account needs write access to both accounts.
    pub account_id: Option<Uuid>,
    #[schema(max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Seniority>)]
    pub seniority: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 50)]
    pub phone: Option<Option<String>>,
    pub is_decision_maker: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Influence>)]
    pub influence: Option<Option<String>>,
    #[schema(value_type = Option<ContactStatus>)]
    pub status: Option<String>,
    /// Replaces the contact's custom fields (a JSON object of at most 16 KiB).
    #[schema(value_type = Option<Object>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

crate::create_input!(
    /// A new contact: the fields of a change, with those a create must name required.
    ContactCreate(ContactInput) required ["account_id", "name"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub name: String,
    pub title: Option<String>,
    #[schema(value_type = Option<Seniority>)]
    pub seniority: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub is_decision_maker: bool,
    #[schema(value_type = Option<Influence>)]
    pub influence: Option<String>,
    #[schema(value_type = ContactStatus)]
    pub status: String,
    #[schema(value_type = Object)]
    pub custom_fields: serde_json::Value,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ContactRow> for ContactView {
    fn from(r: ContactRow) -> Self {
        ContactView {
            id: r.id.0,
            account_id: r.account_id.0,
            name: r.name,
            title: r.title,
            seniority: r.seniority,
            email: r.email,
            phone: r.phone,
            is_decision_maker: r.is_decision_maker,
            influence: r.influence,
            status: r.status,
            custom_fields: serde_json::from_str(&r.custom_fields)
                .unwrap_or_else(|_| serde_json::json!({})),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// What a create or a change says about the contact's own fields.
fn apply_fields(input: &ContactInput, row: &mut ContactRow, check: &mut Check) {
    if let Some(n) = &input.name {
        row.name = check.required("name", Some(n), 200);
    }
    if let Some(v) = &input.title {
        row.title = check.text("title", v.as_deref(), 200);
    }
    if let Some(v) = &input.seniority {
        row.seniority = check
            .enum_value::<Seniority>("seniority", v.as_deref())
            .map(|s| s.as_str().to_owned());
    }
    if let Some(v) = &input.email {
        row.email = check.email("email", v.as_deref());
    }
    if let Some(v) = &input.phone {
        row.phone = check.text("phone", v.as_deref(), 50);
    }
    if let Some(v) = input.is_decision_maker {
        row.is_decision_maker = v;
    }
    if let Some(v) = &input.influence {
        row.influence = check
            .enum_value::<Influence>("influence", v.as_deref())
            .map(|s| s.as_str().to_owned());
    }
    if let Some(s) = check.enum_value::<ContactStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().to_owned();
    }
    if let Some(fields) = &input.custom_fields {
        row.custom_fields = custom_fields_json(check, "custom_fields", fields);
    }
}

pub struct Contact;

impl Record for Contact {
    const NAME: &'static str = "contact";
    const COLLECTION: &'static str = "contacts";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = ContactRow;
    type Create = ContactCreate;
    type Patch = ContactInput;
    type View = ContactView;
    type Query = ContactListParams;

    fn may_create(tx: &mut Tx, input: &ContactCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(
        tx: &mut Tx,
        input: &ContactCreate,
        check: &mut Check,
    ) -> Result<ContactRow, AppError> {
        let account_id = account_records::required_account(check, input.account_id);
        if input.name.is_none() {
            check.push("name", "required", "must not be empty");
        }
        let now = db::now();
        let mut row = ContactRow {
            organization_id: tx.caller()?.org,
            id: ContactId::new(),
            account_id,
            name: String::new(),
            title: None,
            seniority: None,
            email: None,
            phone: None,
            is_decision_maker: false,
            influence: None,
            status: ContactStatus::Active.as_str().into(),
            custom_fields: "{}".into(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        apply_fields(input, &mut row, check);
        if check.is_clean() {
            account_records::target_account(tx, account_id)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &ContactInput,
        row: &mut ContactRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        apply_fields(input, row, check);
        if let Some(to) = input.account_id.map(ClientAccountId) {
            if to != row.account_id && check.is_clean() {
                // Both ends: the contact leaves one account and joins another.
                account_records::target_account(tx, to)?;
                row.account_id = to;
            }
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &ContactRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn moved(before: &ContactRow, after: &ContactRow) -> bool {
        before.account_id != after.account_id
    }

    fn delete(tx: &mut Tx, row: &ContactRow) -> Result<(), AppError> {
        Ok(db::crm::contacts::delete(tx, row.organization_id, row.id)?)
    }

    fn deleted(tx: &mut Tx, row: &ContactRow) -> Result<(), AppError> {
        refresh_account(tx, row.organization_id, row.account_id).map(drop)
    }

    fn views(_tx: &mut Tx, rows: Vec<ContactRow>) -> Result<Vec<ContactView>, AppError> {
        Ok(rows.into_iter().map(ContactView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &ContactListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &ContactListParams) -> Option<&str> {
        q.sort()
    }
}

/// The contacts `ids` a record names must exist and belong to its account; each once.
/// Broken rules name `contact_ids[i]`, whichever field named the contacts.
pub fn check_contacts(
    tx: &mut Tx,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<Vec<ContactId>, AppError> {
    let org = tx.caller()?.org;
    let wanted: Vec<ContactId> = ids.iter().map(|i| ContactId(*i)).collect();
    let found: std::collections::HashMap<ContactId, ClientAccountId> =
        db::crm::contacts::contact_ids_by(tx, org, &wanted)?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        let at = format!("contact_ids[{i}]");
        match found.get(id) {
            None => check.push(at, "not_found", "no such contact in your organization"),
            Some(a) if *a != account => check.push(
                at,
                "wrong_account",
                "this contact belongs to another account",
            ),
            Some(_) if out.contains(id) => {}
            Some(_) => out.push(*id),
        }
    }
    Ok(out)
}
