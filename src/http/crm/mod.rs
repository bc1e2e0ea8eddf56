//! `/accounts`, `/contacts`, `/interactions`, `/feedback`, `/requests`, `/tasks`,
//! `/opportunities`, `/proposals`, `/risks`, `/competitors`, `/targets`, `/crm/settings` and
//! the CRM reports. Handlers extract, call a use case in `app::crm` and answer.

pub mod accounts;
pub mod competitors;
pub mod contacts;
pub mod export;
pub mod feedback;
pub mod import;
pub mod interactions;
pub mod merge;
pub mod opportunities;
pub mod owners;
pub mod proposals;
pub mod reports;
pub mod requests;
pub mod risks;
pub mod settings;
pub mod targets;
pub mod tasks;
pub mod timeline;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::error::ApiError;
use super::pagination::{PageParams, PageRequest};
use crate::db::crm::records::RecordFilter;
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

impl RecordListParams {
    pub fn filter(
        &self,
        person: Option<Uuid>,
        status: Option<&String>,
        kind: Option<&String>,
    ) -> RecordFilter {
        RecordFilter {
            account_id: self.account_id.map(ClientAccountId),
            person_id: person,
            status: status.cloned(),
            kind: kind.cloned(),
            q: self.q.clone().filter(|q| !q.trim().is_empty()),
            from: self.from,
            to: self.to,
            updated_since: self.updated_since.map(|t| t.naive_utc()),
        }
    }

    /// The page request bound to the filters, and (descending, after id).
    pub fn page<Id: From<Uuid>>(
        &self,
        page: &PageParams,
        f: &RecordFilter,
    ) -> Result<(PageRequest, bool, Option<Id>), ApiError> {
        if let (Some(a), Some(b)) = (self.from, self.to) {
            if b < a {
                return Err(ApiError::field(
                    "date_order",
                    "to",
                    "must not be before from",
                ));
            }
        }
        Ok(super::pagination::by_creation(
            page,
            self.sort.as_deref(),
            &format!("{f:?}"),
        )?)
    }
}
