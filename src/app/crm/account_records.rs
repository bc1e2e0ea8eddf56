//! What the records kept about an account share: the list query every one of their lists
//! takes, and write access through the account a record is on (see [`super::access`]).
//! A create checks access to the account its input names before the input's own rules; an
//! account that does not exist is an input rule, answered by each record as it always was.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::access;
use crate::app::error::AppError;
use crate::app::page::ListQuery;
use crate::app::Tx;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::accounts::AccountRow;
use crate::db::{self};
use crate::domain::ids::ClientAccountId;

/// Filters of the record lists; each list reads those that name its fields.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordListParams {
    pub account_id: Option<Uuid>,
    /// Owner (opportunities), assignee (tasks), author (interactions), contact (feedback),
    /// routed team (requests), opportunity (proposals), competitor (risks), user or team (targets).
    pub owner_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub author_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub routed_to_team_id: Option<Uuid>,
    pub opportunity_id: Option<Uuid>,
    pub competitor_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub status: Option<String>,
    pub stage: Option<String>,
    pub kind: Option<String>,
    pub priority: Option<String>,
    pub influence: Option<String>,
    pub metric: Option<String>,
    /// Name or email contains (contacts).
    pub q: Option<String>,
    /// Date range (occurred, received, due, expected close or period), inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub updated_since: Option<DateTime<Utc>>,
    /// `created_at` (default) or `-created_at`.
    pub sort: Option<String>,
}

impl ListQuery for RecordListParams {
    fn updated_since(&self) -> Option<DateTime<Utc>> {
        self.updated_since
    }
}

impl RecordListParams {
    /// The stored filter of a list: the person, status and kind its records have, with the
    /// filters every list shares. A date range must not end before it starts.
    pub fn filter(
        &self,
        person: Option<Uuid>,
        status: Option<&String>,
        kind: Option<&String>,
    ) -> Result<RecordFilter, AppError> {
        if let (Some(a), Some(b)) = (self.from, self.to) {
            if b < a {
                return Err(AppError::field(
                    "date_order",
                    "to",
                    "must not be before from",
                ));
            }
        }
        Ok(RecordFilter {
            account_id: self.account_id.map(ClientAccountId),
            person_id: person,
            status: status.cloned(),
            kind: kind.cloned(),
            q: self.q.clone().filter(|q| !q.trim().is_empty()),
            from: self.from,
            to: self.to,
        })
    }

    pub fn sort(&self) -> Option<&str> {
        self.sort.as_deref()
    }
}

/// The account `id`, if it exists in the caller's organization.
pub fn existing_account(tx: &mut Tx, id: Uuid) -> Result<Option<AccountRow>, AppError> {
    let org = tx.caller()?.org;
    match db::crm::accounts::find(tx, org, ClientAccountId(id)) {
        Ok(a) => Ok(Some(a)),
        Err(diesel::result::Error::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// 403 unless the caller may write the records of `account`.
pub fn may_write(tx: &mut Tx, account: ClientAccountId) -> Result<AccountRow, AppError> {
    let caller = tx.caller()?;
    access::writable_account(tx, caller, account)
}

/// Access a new record needs: write access to the account its input names, when that
/// account exists (a missing or unknown account is the input's fault, said by its rules).
pub fn may_create_on(tx: &mut Tx, account: Option<Uuid>) -> Result<(), AppError> {
    let Some(id) = account else { return Ok(()) };
    if let Some(account) = existing_account(tx, id)? {
        let caller = tx.caller()?;
        access::require_write(tx, caller, &account)?;
    }
    Ok(())
}

/// The account a record goes on, once its other rules hold: 422 naming `account_id` when it
/// does not exist.
pub fn target_account(tx: &mut Tx, id: ClientAccountId) -> Result<AccountRow, AppError> {
    existing_account(tx, id.0)?.ok_or_else(|| {
        AppError::field(
            "not_found",
            "account_id",
            "no such account in your organization",
        )
    })
}

/// `account_id` of a new record: required.
pub fn required_account(
    check: &mut crate::app::error::Check,
    account_id: Option<Uuid>,
) -> ClientAccountId {
    match account_id {
        Some(a) => ClientAccountId(a),
        None => {
            check.push("account_id", "required", "must name the account");
            ClientAccountId(Uuid::nil())
        }
    }
}

/// The account a new deal goes on: required, and a field error when it does not exist
/// (deals read the account's owner and currency for their defaults).
pub fn account_for_new(
    tx: &mut Tx,
    account_id: Option<Uuid>,
    check: &mut crate::app::error::Check,
) -> Result<Option<AccountRow>, AppError> {
    let Some(a) = account_id else {
        check.push("account_id", "required", "must name the account");
        return Ok(None);
    };
    let account = existing_account(tx, a)?;
    if account.is_none() {
        check.push(
            "account_id",
            "not_found",
            "no such account in your organization",
        );
    }
    Ok(account)
}
