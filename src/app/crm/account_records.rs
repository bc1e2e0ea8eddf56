//! What the records kept about an account share: their lists' queries (each documents and
//! applies its own filters), and write access through the account a record is on (see [`super::access`]).
//! A create checks access to the account its input names before the input's own rules; an
//! account that does not exist is an input rule, answered by each record as it always was.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::access;
use crate::app::error::AppError;
use crate::app::page::{CreationSort, ListQuery};
use crate::app::Tx;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::accounts::AccountRow;
use crate::db::{self};
use crate::domain::crm::{
    ContactStatus, FeedbackKind, Influence, InteractionKind, OpportunityKind, PlanStatus, Priority,
    ProposalStatus, RequestKind, RequestStatus, RiskKind, RiskStatus, Stage, TargetMetric,
    TaskStatus, TextEnum,
};
use crate::domain::ids::ClientAccountId;

/// The filters a record list applies, in the stored form its table reads: the person and the
/// status and kind its records have, the account, the text and the date range. A date range
/// must not end before it starts.
#[allow(clippy::too_many_arguments)]
fn record_filter(
    account_id: Option<Uuid>,
    person: Option<Uuid>,
    status: Option<&'static str>,
    kind: Option<&'static str>,
    q: Option<&String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<RecordFilter, AppError> {
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            return Err(AppError::field(
                "date_order",
                "to",
                "must not be before from",
            ));
        }
    }
    Ok(RecordFilter {
        account_id: account_id.map(ClientAccountId),
        person_id: person,
        status: status.map(str::to_owned),
        kind: kind.map(str::to_owned),
        q: q.filter(|q| !q.trim().is_empty()).cloned(),
        from,
        to,
        follow_up_from: None,
        follow_up_to: None,
    })
}

/// Declares a record list's query: its filters (each documented, each applied) plus
/// `updated_since` and `sort`, which every record list takes, in creation order.
macro_rules! record_list_params {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Deserialize, IntoParams)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: Option<$ty>,)*
            /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
            pub updated_since: Option<DateTime<Utc>>,
            /// `created_at` (default) or `-created_at`.
            #[param(inline)]
            pub sort: Option<CreationSort>,
        }

        impl ListQuery for $name {
            fn updated_since(&self) -> Option<DateTime<Utc>> {
                self.updated_since
            }
        }

        impl $name {
            pub fn sort(&self) -> Option<&'static str> {
                self.sort.map(CreationSort::as_str)
            }
        }
    };
}

record_list_params!(
    /// `GET /contacts`.
    ContactListParams {
        account_id: Uuid,
        #[param(inline)]
        status: ContactStatus,
        #[param(inline)]
        influence: Influence,
        /// Name or email contains (case-insensitive).
        q: String,
    }
);
record_list_params!(
    /// `GET /interactions`.
    InteractionListParams {
        account_id: Uuid,
        /// Who recorded it.
        author_id: Uuid,
        #[param(inline)]
        kind: InteractionKind,
        /// Occurred on or after this day.
        from: NaiveDate,
        /// Occurred on or before this day.
        to: NaiveDate,
        /// With a follow-up (`follow_up_on`) on or after this day.
        follow_up_from: NaiveDate,
        /// With a follow-up (`follow_up_on`) on or before this day.
        follow_up_to: NaiveDate,
    }
);
record_list_params!(
    /// `GET /feedback`.
    FeedbackListParams {
        account_id: Uuid,
        contact_id: Uuid,
        #[param(inline)]
        kind: FeedbackKind,
        /// Received on or after this day.
        from: NaiveDate,
        /// Received on or before this day.
        to: NaiveDate,
    }
);
record_list_params!(
    /// `GET /requests`.
    RequestListParams {
        account_id: Uuid,
        routed_to_team_id: Uuid,
        #[param(inline)]
        status: RequestStatus,
        #[param(inline)]
        kind: RequestKind,
    }
);
record_list_params!(
    /// `GET /tasks`.
    TaskListParams {
        account_id: Uuid,
        assignee_id: Uuid,
        #[param(inline)]
        status: TaskStatus,
        #[param(inline)]
        priority: Priority,
        /// Due on or after this day.
        from: NaiveDate,
        /// Due on or before this day.
        to: NaiveDate,
    }
);
record_list_params!(
    /// `GET /opportunities`.
    OpportunityListParams {
        account_id: Uuid,
        owner_id: Uuid,
        #[param(inline)]
        stage: Stage,
        #[param(inline)]
        kind: OpportunityKind,
        /// Expected to close on or after this day.
        from: NaiveDate,
        /// Expected to close on or before this day.
        to: NaiveDate,
    }
);
record_list_params!(
    /// `GET /proposals`.
    ProposalListParams {
        account_id: Uuid,
        opportunity_id: Uuid,
        #[param(inline)]
        status: ProposalStatus,
    }
);
record_list_params!(
    /// `GET /risks`.
    RiskListParams {
        account_id: Uuid,
        competitor_id: Uuid,
        #[param(inline)]
        status: RiskStatus,
        #[param(inline)]
        kind: RiskKind,
    }
);
record_list_params!(
    /// `GET /account-plans`.
    PlanListParams {
        account_id: Uuid,
        owner_id: Uuid,
        #[param(inline)]
        status: PlanStatus,
    }
);
record_list_params!(
    /// `GET /account-plans/{id}/objectives`, `.../stakeholders` and `.../reviews`: the plan's,
    /// no filters of their own.
    PlanPartListParams {}
);
record_list_params!(
    /// `GET /competitors`: no filters of its own.
    CompetitorListParams {}
);
record_list_params!(
    /// `GET /targets`.
    TargetListParams {
        /// Targets of this user (`team_id` is then not read).
        user_id: Uuid,
        /// Targets of this team.
        team_id: Uuid,
        #[param(inline)]
        metric: TargetMetric,
        /// Periods ending on or after this day.
        from: NaiveDate,
        /// Periods starting on or before this day.
        to: NaiveDate,
    }
);

impl ContactListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let (status, kind) = (
            self.status.map(TextEnum::as_str),
            self.influence.map(TextEnum::as_str),
        );
        record_filter(
            self.account_id,
            None,
            status,
            kind,
            self.q.as_ref(),
            None,
            None,
        )
    }
}

impl InteractionListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let kind = self.kind.map(TextEnum::as_str);
        if let (Some(a), Some(b)) = (self.follow_up_from, self.follow_up_to) {
            if b < a {
                return Err(AppError::field(
                    "date_order",
                    "follow_up_to",
                    "must not be before follow_up_from",
                ));
            }
        }
        let mut f = record_filter(
            self.account_id,
            self.author_id,
            None,
            kind,
            None,
            self.from,
            self.to,
        )?;
        f.follow_up_from = self.follow_up_from;
        f.follow_up_to = self.follow_up_to;
        Ok(f)
    }
}

impl FeedbackListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let kind = self.kind.map(TextEnum::as_str);
        record_filter(
            self.account_id,
            self.contact_id,
            None,
            kind,
            None,
            self.from,
            self.to,
        )
    }
}

impl RequestListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let (status, kind) = (
            self.status.map(TextEnum::as_str),
            self.kind.map(TextEnum::as_str),
        );
        record_filter(
            self.account_id,
            self.routed_to_team_id,
            status,
            kind,
            None,
            None,
            None,
        )
    }
}

impl TaskListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let (status, kind) = (
            self.status.map(TextEnum::as_str),
            self.priority.map(TextEnum::as_str),
        );
        record_filter(
            self.account_id,
            self.assignee_id,
            status,
            kind,
            None,
            self.from,
            self.to,
        )
    }
}

impl OpportunityListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let (status, kind) = (
            self.stage.map(TextEnum::as_str),
            self.kind.map(TextEnum::as_str),
        );
        record_filter(
            self.account_id,
            self.owner_id,
            status,
            kind,
            None,
            self.from,
            self.to,
        )
    }
}

impl ProposalListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let status = self.status.map(TextEnum::as_str);
        record_filter(
            self.account_id,
            self.opportunity_id,
            status,
            None,
            None,
            None,
            None,
        )
    }
}

impl RiskListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let (status, kind) = (
            self.status.map(TextEnum::as_str),
            self.kind.map(TextEnum::as_str),
        );
        record_filter(
            self.account_id,
            self.competitor_id,
            status,
            kind,
            None,
            None,
            None,
        )
    }
}

impl PlanListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let status = self.status.map(TextEnum::as_str);
        record_filter(
            self.account_id,
            self.owner_id,
            status,
            None,
            None,
            None,
            None,
        )
    }
}

impl CompetitorListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        Ok(RecordFilter::default())
    }
}

impl TargetListParams {
    pub fn filter(&self) -> Result<RecordFilter, AppError> {
        let person = self.user_id.or(self.team_id);
        let kind = self.metric.map(TextEnum::as_str);
        record_filter(None, person, None, kind, None, self.from, self.to)
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
