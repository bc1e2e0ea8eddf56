//! Account plans: what a client account and we mean to achieve over a period, with the
//! objectives agreed with the client (co-created with its contacts), the map of its
//! stakeholders and the reviews that record how the plan goes. Each is a plain record (see
//! [`crate::app::record`]); objectives, stakeholders and reviews live under their plan
//! ([`Nested`]). Writing any of them needs write access to the plan's account. A review applies
//! its objective updates and moves the plan's next review in its own unit of work, each of
//! those changes recorded as the objective's or the plan's own.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::access::Reach;
use super::account_records::{self, PlanListParams, PlanPartListParams};
use super::{check_user, settings};
use diesel::OptionalExtension;

use crate::app::error::{AppError, Check};
use crate::app::input::{double_option, IfMatch};
use crate::app::organization;
use crate::app::record::{self, Nested, Record, Under};
use crate::app::{App, Context, Tx};
use crate::auth::Permission;
use crate::db::crm::account_plans::{ObjectiveRow, OfPlan, PlanRow, ReviewRow, StakeholderRow};
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::contacts::ContactRow;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::crm::tasks::TaskRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::crm::{
    ContactStatus, DecisionRole, ObjectiveKind, ObjectiveStatus, PlanStatus, Stance, TextEnum, Tier,
};
use crate::domain::health::PlanSignal;
use crate::domain::identity::Role;
use crate::domain::ids::{
    AccountPlanId, ClientAccountId, ContactId, OpportunityId, OrganizationId, PlanObjectiveId,
    PlanReviewId, PlanStakeholderId, TaskId,
};

const TEXT_MAX: usize = 5000;
const TITLE_MAX: usize = 200;

// ---- plans ----

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = AccountPlanPatch)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    pub account_id: Option<Uuid>,
    #[schema(max_length = 200, pattern = r"\S")]
    pub title: Option<String>,
    pub period_start: Option<NaiveDate>,
    /// On or after `period_start`.
    pub period_end: Option<NaiveDate>,
    /// Default `draft`.
    #[schema(value_type = Option<PlanStatus>)]
    pub status: Option<String>,
    /// Default the account's owner, or the caller.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub summary: Option<Option<String>>,
    /// What the client gains.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub value_for_client: Option<Option<String>>,
    /// What we gain.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub value_for_us: Option<Option<String>>,
    /// Days between reviews (1-3650); default the organization's cadence for the account's
    /// tier (`plan_review_days_by_tier` in the CRM settings).
    #[schema(minimum = 1, maximum = 3650)]
    pub review_every_days: Option<i64>,
    /// Default `period_start` (or today, when the period started already) plus the cadence.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub next_review_on: Option<Option<NaiveDate>>,
}

crate::create_input!(
    /// A new account plan: the fields of a change, with those a create must name required.
    PlanCreate(PlanInput) required ["account_id", "title", "period_start", "period_end"]
);

/// How many of a plan's objectives are in each status.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema, PartialEq, Eq)]
pub struct ObjectivesByStatus {
    pub on_track: i64,
    pub at_risk: i64,
    pub off_track: i64,
    pub achieved: i64,
    pub dropped: i64,
}

impl ObjectivesByStatus {
    pub fn count(&mut self, status: ObjectiveStatus) {
        match status {
            ObjectiveStatus::OnTrack => self.on_track += 1,
            ObjectiveStatus::AtRisk => self.at_risk += 1,
            ObjectiveStatus::OffTrack => self.off_track += 1,
            ObjectiveStatus::Achieved => self.achieved += 1,
            ObjectiveStatus::Dropped => self.dropped += 1,
        }
    }

    pub fn add(&mut self, other: &ObjectivesByStatus) {
        self.on_track += other.on_track;
        self.at_risk += other.at_risk;
        self.off_track += other.off_track;
        self.achieved += other.achieved;
        self.dropped += other.dropped;
    }
}

/// A plan's own health, computed on read.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanHealth {
    /// The plan's score (0-100) as the account-health factor `account_plan` reads it:
    /// objectives on track or achieved full marks, at risk half, off track none (dropped ones
    /// do not count), less points while the review is overdue.
    pub score: u32,
    pub objectives_by_status: ObjectivesByStatus,
    /// Whether the next review was due before today.
    pub review_overdue: bool,
    pub stakeholders: i64,
    /// Stakeholders whose contact has left the client (or was deleted).
    pub stakeholder_gaps: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub title: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(value_type = PlanStatus)]
    pub status: String,
    pub owner_id: Option<Uuid>,
    pub summary: Option<String>,
    pub value_for_client: Option<String>,
    pub value_for_us: Option<String>,
    pub review_every_days: i32,
    pub next_review_on: Option<NaiveDate>,
    pub health: PlanHealth,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn text_field(
    check: &mut Check,
    field: &str,
    value: &Option<Option<String>>,
) -> Option<Option<String>> {
    value
        .as_ref()
        .map(|v| check.text(field, v.as_deref(), TEXT_MAX))
}

fn apply_plan(
    tx: &mut Tx,
    input: &PlanInput,
    row: &mut PlanRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(t) = &input.title {
        row.title = check.required("title", Some(t), TITLE_MAX);
    }
    if let Some(d) = input.period_start {
        row.period_start = d;
    }
    if let Some(d) = input.period_end {
        row.period_end = d;
    }
    if row.period_end < row.period_start {
        check.push(
            "period_end",
            "date_order",
            "must not be before period_start",
        );
    }
    if let Some(s) = check.enum_value::<PlanStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
    }
    if let Some(o) = input.owner_id {
        row.owner_id = check_user(tx, row.organization_id, "owner_id", o, check)?;
    }
    if let Some(v) = text_field(check, "summary", &input.summary) {
        row.summary = v;
    }
    if let Some(v) = text_field(check, "value_for_client", &input.value_for_client) {
        row.value_for_client = v;
    }
    if let Some(v) = text_field(check, "value_for_us", &input.value_for_us) {
        row.value_for_us = v;
    }
    if let Some(d) = input.review_every_days {
        check.range("review_every_days", Some(d), 1, 3650);
        row.review_every_days = i32::try_from(d.clamp(1, 3650)).unwrap_or(1);
    }
    if let Some(d) = input.next_review_on {
        row.next_review_on = d;
    }
    Ok(())
}

/// `day` plus `days`, or `day` when that is beyond the calendar.
fn plus_days(day: NaiveDate, days: i32) -> NaiveDate {
    day.checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(day)
}

pub struct AccountPlan;

impl Record for AccountPlan {
    const NAME: &'static str = "account_plan";
    const NOUN: &'static str = "account plan";
    const COLLECTION: &'static str = "account-plans";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = PlanRow;
    type Create = PlanCreate;
    type Patch = PlanInput;
    type View = PlanView;
    type Query = PlanListParams;

    fn may_create(tx: &mut Tx, input: &PlanCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(tx: &mut Tx, input: &PlanCreate, check: &mut Check) -> Result<PlanRow, AppError> {
        let account = account_records::account_for_new(tx, input.account_id, check)?;
        for (f, missing) in [
            ("title", input.title.is_none()),
            ("period_start", input.period_start.is_none()),
            ("period_end", input.period_end.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let caller = tx.caller()?;
        let (org, me) = (caller.org, caller.user_id());
        let s = settings(tx, org)?;
        let today = organization::today(tx)?;
        let start = input.period_start.unwrap_or(today);
        let now = db::now();
        let mut row = PlanRow {
            organization_id: org,
            id: AccountPlanId::new(),
            account_id: account
                .as_ref()
                .map(|a| a.id)
                .unwrap_or(ClientAccountId(Uuid::nil())),
            title: String::new(),
            period_start: start,
            period_end: input.period_end.unwrap_or(start),
            status: PlanStatus::Draft.as_str().into(),
            owner_id: Some(account.as_ref().and_then(|a| a.owner_id).unwrap_or(me)),
            summary: None,
            value_for_client: None,
            value_for_us: None,
            review_every_days: s
                .plan_review_cadence(account.as_ref().map_or("standard", |a| a.tier.as_str())),
            next_review_on: None,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        apply_plan(tx, input, &mut row, check)?;
        if input.next_review_on.is_none() {
            row.next_review_on = Some(plus_days(start.max(today), row.review_every_days));
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &PlanInput,
        row: &mut PlanRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "a plan stays on its account",
            ));
        }
        apply_plan(tx, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &PlanRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn delete(tx: &mut Tx, row: &PlanRow) -> Result<(), AppError> {
        Ok(db::crm::account_plans::delete_plan(
            tx,
            row.organization_id,
            row.id,
        )?)
    }

    fn views(tx: &mut Tx, rows: Vec<PlanRow>) -> Result<Vec<PlanView>, AppError> {
        let org = tx.caller()?.org;
        let today = organization::today(tx)?;
        let ids: Vec<AccountPlanId> = rows.iter().map(|r| r.id).collect();
        let mut objectives: HashMap<AccountPlanId, Vec<ObjectiveStatus>> = HashMap::new();
        for o in db::crm::account_plans::objectives_of_plans(tx, org, &ids)? {
            if let Some(s) = ObjectiveStatus::parse(&o.status) {
                objectives.entry(o.plan_id).or_default().push(s);
            }
        }
        let stakeholders = db::crm::account_plans::stakeholders_of_plans(tx, org, &ids)?;
        let contacts: Vec<ContactId> = stakeholders.iter().map(|s| s.contact_id).collect();
        let statuses = contact_statuses(tx, org, &contacts)?;
        let mut people: HashMap<AccountPlanId, (i64, i64)> = HashMap::new();
        for s in &stakeholders {
            let e = people.entry(s.plan_id).or_default();
            e.0 += 1;
            if is_gap(statuses.get(&s.contact_id).map(String::as_str)) {
                e.1 += 1;
            }
        }
        Ok(rows
            .into_iter()
            .map(|r| {
                let signal = PlanSignal {
                    objectives: objectives.remove(&r.id).unwrap_or_default(),
                    next_review_on: r.next_review_on,
                };
                let (stakeholders, gaps) = people.get(&r.id).copied().unwrap_or_default();
                PlanView {
                    id: r.id.0,
                    account_id: r.account_id.0,
                    title: r.title,
                    period_start: r.period_start,
                    period_end: r.period_end,
                    status: r.status,
                    owner_id: r.owner_id.map(|o| o.0),
                    summary: r.summary,
                    value_for_client: r.value_for_client,
                    value_for_us: r.value_for_us,
                    review_every_days: r.review_every_days,
                    next_review_on: r.next_review_on,
                    health: plan_health(&signal, today, stakeholders, gaps),
                    version: r.version,
                    created_at: r.created_at.and_utc(),
                    updated_at: r.updated_at.and_utc(),
                }
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &PlanListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &PlanListParams) -> Option<&str> {
        q.sort()
    }
}

fn plan_health(signal: &PlanSignal, today: NaiveDate, stakeholders: i64, gaps: i64) -> PlanHealth {
    let mut by_status = ObjectivesByStatus::default();
    for s in &signal.objectives {
        by_status.count(*s);
    }
    let (_, score) = signal.score(today);
    PlanHealth {
        score: score.round().clamp(0.0, 100.0) as u32,
        objectives_by_status: by_status,
        review_overdue: signal.review_overdue(today),
        stakeholders,
        stakeholder_gaps: gaps,
    }
}

/// A stakeholder whose contact has left the client, or is gone: a gap in the map.
fn is_gap(contact_status: Option<&str>) -> bool {
    contact_status.is_none_or(|s| s == ContactStatus::Left.as_str())
}

fn contact_statuses(
    tx: &mut Tx,
    org: OrganizationId,
    ids: &[ContactId],
) -> Result<HashMap<ContactId, String>, AppError> {
    let mut out = HashMap::new();
    for id in ids.iter().collect::<HashSet<_>>() {
        if let Some(c) = ContactRow::find(tx, org, *id).optional()? {
            out.insert(c.id, c.status);
        }
    }
    Ok(out)
}

/// Each account's plan in force on `as_of` (active, its period covering the day; the latest
/// started when there are several), with what the account-health factor reads of it.
pub fn plans_in_force(
    tx: &mut Tx,
    org: OrganizationId,
    accounts: &[ClientAccountId],
    as_of: NaiveDate,
) -> Result<HashMap<ClientAccountId, (PlanRow, PlanSignal)>, AppError> {
    let mut in_force: HashMap<ClientAccountId, PlanRow> = HashMap::new();
    for p in db::crm::account_plans::plans_of_accounts(tx, org, accounts)? {
        let covers = p.status == PlanStatus::Active.as_str()
            && p.period_start <= as_of
            && as_of <= p.period_end;
        if covers
            && in_force
                .get(&p.account_id)
                .is_none_or(|q| q.period_start <= p.period_start)
        {
            in_force.insert(p.account_id, p);
        }
    }
    let ids: Vec<AccountPlanId> = in_force.values().map(|p| p.id).collect();
    let mut objectives: HashMap<AccountPlanId, Vec<ObjectiveStatus>> = HashMap::new();
    for o in db::crm::account_plans::objectives_of_plans(tx, org, &ids)? {
        if let Some(s) = ObjectiveStatus::parse(&o.status) {
            objectives.entry(o.plan_id).or_default().push(s);
        }
    }
    Ok(in_force
        .into_iter()
        .map(|(account, p)| {
            let signal = PlanSignal {
                objectives: objectives.remove(&p.id).unwrap_or_default(),
                next_review_on: p.next_review_on,
            };
            (account, (p, signal))
        })
        .collect())
}

/// The plan `id` (404 naming it).
fn plan(tx: &mut Tx, id: AccountPlanId) -> Result<PlanRow, AppError> {
    record::find::<AccountPlan>(tx, id)
}

/// 403 unless the caller may write the plan's account.
fn may_write_plan(tx: &mut Tx, id: AccountPlanId) -> Result<PlanRow, AppError> {
    let plan = plan(tx, id)?;
    account_records::may_write(tx, plan.account_id)?;
    Ok(plan)
}

// ---- what hangs on a plan: shared rules ----

/// A decimal string, as the client wrote it (trimmed): 422 naming `field` unless it is one.
fn decimal_text(check: &mut Check, field: &str, value: Option<&str>) -> Option<String> {
    let v = value?.trim();
    if v.is_empty() || v.len() > 40 || Decimal::from_str(v).is_err() {
        check.push(
            field,
            "invalid_decimal",
            "must be a decimal number such as \"1250.50\"",
        );
        return None;
    }
    Some(v.to_owned())
}

/// Ids of records that must be on `account`, each checked by `account_of` (`None`: no such
/// record); 422 naming `field[i]`. The ids, each once, in order.
fn ids_on_account(
    check: &mut Check,
    field: &str,
    ids: &[Uuid],
    account: ClientAccountId,
    noun: &str,
    mut account_of: impl FnMut(Uuid) -> Result<Option<ClientAccountId>, AppError>,
) -> Result<Vec<Uuid>, AppError> {
    let mut unique: Vec<Uuid> = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        match account_of(*id)? {
            None => check.push(
                format!("{field}[{i}]"),
                "not_found",
                format!("no such {noun} in your organization"),
            ),
            Some(a) if a != account => check.push(
                format!("{field}[{i}]"),
                "account_mismatch",
                format!("must be a {noun} of the plan's account"),
            ),
            Some(_) => {}
        }
        if !unique.contains(id) {
            unique.push(*id);
        }
    }
    Ok(unique)
}

fn contacts_on_account(
    tx: &mut Tx,
    check: &mut Check,
    field: &str,
    ids: &[Uuid],
    account: ClientAccountId,
) -> Result<Vec<Uuid>, AppError> {
    let org = tx.caller()?.org;
    ids_on_account(check, field, ids, account, "contact", |id| {
        Ok(ContactRow::find(tx, org, ContactId(id))
            .optional()?
            .map(|c| c.account_id))
    })
}

fn json_ids(ids: &[Uuid]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

fn ids_of(text: &str) -> Vec<Uuid> {
    serde_json::from_str(text).unwrap_or_default()
}

// ---- objectives ----

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = PlanObjectivePatch)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveInput {
    #[schema(max_length = 200, pattern = r"\S")]
    pub title: Option<String>,
    #[schema(value_type = Option<ObjectiveKind>)]
    pub kind: Option<String>,
    /// What is measured (`EU revenue`).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub measure: Option<Option<String>>,
    /// A decimal string.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "100000")]
    pub baseline: Option<Option<String>>,
    /// A decimal string.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "250000")]
    pub target: Option<Option<String>>,
    /// A decimal string.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "140000")]
    pub current: Option<Option<String>>,
    /// The unit of the figures (`USD`, `CSAT`, `users`).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 50)]
    pub unit: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub due_on: Option<Option<NaiveDate>>,
    /// Default `on_track`.
    #[schema(value_type = Option<ObjectiveStatus>)]
    pub status: Option<String>,
    /// Contacts of the plan's account the objective was agreed with.
    pub co_created_with_contact_ids: Option<Vec<Uuid>>,
    /// Opportunities of the plan's account that serve it.
    pub opportunity_ids: Option<Vec<Uuid>>,
    /// Tasks of the plan's account that serve it.
    pub task_ids: Option<Vec<Uuid>>,
}

crate::create_input!(
    /// A new objective of a plan.
    ObjectiveCreate(ObjectiveInput) required ["title", "kind"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectiveView {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub title: String,
    #[schema(value_type = ObjectiveKind)]
    pub kind: String,
    pub measure: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub current: Option<String>,
    pub unit: Option<String>,
    pub due_on: Option<NaiveDate>,
    #[schema(value_type = ObjectiveStatus)]
    pub status: String,
    pub co_created_with_contact_ids: Vec<Uuid>,
    pub opportunity_ids: Vec<Uuid>,
    pub task_ids: Vec<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn apply_objective(
    tx: &mut Tx,
    account: ClientAccountId,
    input: &ObjectiveInput,
    row: &mut ObjectiveRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    if let Some(t) = &input.title {
        row.title = check.required("title", Some(t), TITLE_MAX);
    }
    if let Some(k) = check.enum_value::<ObjectiveKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(v) = text_field(check, "measure", &input.measure) {
        row.measure = v;
    }
    for (field, value, slot) in [
        ("baseline", &input.baseline, &mut row.baseline),
        ("target", &input.target, &mut row.target),
        ("current", &input.current, &mut row.current_value),
    ] {
        if let Some(v) = value {
            *slot = v
                .as_deref()
                .and_then(|v| decimal_text(check, field, Some(v)));
        }
    }
    if let Some(u) = &input.unit {
        row.unit = check.text("unit", u.as_deref(), 50);
    }
    if let Some(d) = input.due_on {
        row.due_on = d;
    }
    if let Some(s) = check.enum_value::<ObjectiveStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
    }
    if let Some(ids) = &input.co_created_with_contact_ids {
        let ids = contacts_on_account(tx, check, "co_created_with_contact_ids", ids, account)?;
        row.co_created_with_contact_ids = json_ids(&ids);
    }
    if let Some(ids) = &input.opportunity_ids {
        let ids = ids_on_account(
            check,
            "opportunity_ids",
            ids,
            account,
            "opportunity",
            |id| {
                Ok(OpportunityRow::find(tx, org, OpportunityId(id))
                    .optional()?
                    .map(|o| o.account_id))
            },
        )?;
        row.opportunity_ids = json_ids(&ids);
    }
    if let Some(ids) = &input.task_ids {
        let ids = ids_on_account(check, "task_ids", ids, account, "task", |id| {
            Ok(TaskRow::find(tx, org, TaskId(id))
                .optional()?
                .map(|t| t.account_id))
        })?;
        row.task_ids = json_ids(&ids);
    }
    Ok(())
}

pub struct PlanObjective;

impl Record for PlanObjective {
    const NAME: &'static str = "account_plan_objective";
    const NOUN: &'static str = "objective";
    const COLLECTION: &'static str = "objectives";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = ObjectiveRow;
    type Create = Under<ObjectiveCreate>;
    type Patch = ObjectiveInput;
    type View = ObjectiveView;
    type Query = Under<PlanPartListParams>;

    fn may_create(tx: &mut Tx, input: &Self::Create) -> Result<(), AppError> {
        may_write_plan(tx, AccountPlanId(input.parent)).map(drop)
    }

    fn new_row(
        tx: &mut Tx,
        input: &Self::Create,
        check: &mut Check,
    ) -> Result<ObjectiveRow, AppError> {
        let plan = plan(tx, AccountPlanId(input.parent))?;
        let body = &input.input;
        check.present("title", &body.title);
        check.present("kind", &body.kind);
        let now = db::now();
        let mut row = ObjectiveRow {
            organization_id: plan.organization_id,
            id: PlanObjectiveId::new(),
            plan_id: plan.id,
            title: String::new(),
            kind: String::new(),
            measure: None,
            baseline: None,
            target: None,
            current_value: None,
            unit: None,
            due_on: None,
            status: ObjectiveStatus::OnTrack.as_str().into(),
            co_created_with_contact_ids: "[]".into(),
            opportunity_ids: "[]".into(),
            task_ids: "[]".into(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        apply_objective(tx, plan.account_id, body, &mut row, check)?;
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &ObjectiveInput,
        row: &mut ObjectiveRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let account = plan(tx, row.plan_id)?.account_id;
        apply_objective(tx, account, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &ObjectiveRow) -> Result<(), AppError> {
        may_write_plan(tx, row.plan_id).map(drop)
    }

    fn views(_tx: &mut Tx, rows: Vec<ObjectiveRow>) -> Result<Vec<ObjectiveView>, AppError> {
        Ok(rows
            .into_iter()
            .map(|r| ObjectiveView {
                id: r.id.0,
                plan_id: r.plan_id.0,
                title: r.title,
                kind: r.kind,
                measure: r.measure,
                baseline: r.baseline,
                target: r.target,
                current: r.current_value,
                unit: r.unit,
                due_on: r.due_on,
                status: r.status,
                co_created_with_contact_ids: ids_of(&r.co_created_with_contact_ids),
                opportunity_ids: ids_of(&r.opportunity_ids),
                task_ids: ids_of(&r.task_ids),
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &Self::Query) -> Result<OfPlan, AppError> {
        Ok(OfPlan(AccountPlanId(q.parent)))
    }

    fn sort(q: &Self::Query) -> Option<&str> {
        q.input.sort()
    }
}

impl Nested for PlanObjective {
    type Body = ObjectiveCreate;
    type Params = PlanPartListParams;
    const PARENT: &'static str = AccountPlan::COLLECTION;

    fn parent(tx: &mut Tx, parent: Uuid) -> Result<(), AppError> {
        plan(tx, AccountPlanId(parent)).map(drop)
    }

    fn parent_of(row: &ObjectiveRow) -> Uuid {
        row.plan_id.0
    }
}

// ---- stakeholders ----

#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = PlanStakeholderPatch)]
#[serde(deny_unknown_fields)]
pub struct StakeholderInput {
    /// A contact of the plan's account; once per plan.
    pub contact_id: Option<Uuid>,
    #[schema(value_type = Option<DecisionRole>)]
    pub decision_role: Option<String>,
    /// Default `unknown`.
    #[schema(value_type = Option<Stance>)]
    pub stance: Option<String>,
    /// 1 (weak) to 5 (strong).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 5)]
    pub relationship_strength: Option<Option<i64>>,
    /// The user who holds the relationship.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub relationship_owner_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub notes: Option<Option<String>>,
}

crate::create_input!(
    /// A new stakeholder of a plan.
    StakeholderCreate(StakeholderInput) required ["contact_id", "decision_role"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct StakeholderView {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub contact_id: Uuid,
    /// The contact's name; null when the contact was deleted.
    pub contact_name: Option<String>,
    /// The contact's status (`active`, `left`); null when the contact was deleted.
    #[schema(value_type = Option<ContactStatus>)]
    pub contact_status: Option<String>,
    /// The contact has left the client (or is gone): a gap in the map.
    pub gap: bool,
    #[schema(value_type = DecisionRole)]
    pub decision_role: String,
    #[schema(value_type = Stance)]
    pub stance: String,
    pub relationship_strength: Option<i32>,
    pub relationship_owner_id: Option<Uuid>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn apply_stakeholder(
    tx: &mut Tx,
    account: ClientAccountId,
    input: &StakeholderInput,
    row: &mut StakeholderRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    if let Some(c) = input.contact_id {
        contacts_on_account(tx, check, "contact_id", &[c], account)?;
        // One contact, one field: say `contact_id`, not `contact_id[0]`.
        for e in check.errors.iter_mut() {
            if e.field == "contact_id[0]" {
                e.field = "contact_id".into();
            }
        }
        row.contact_id = ContactId(c);
    }
    if let Some(r) =
        check.enum_value::<DecisionRole>("decision_role", input.decision_role.as_deref())
    {
        row.decision_role = r.as_str().into();
    }
    if let Some(s) = check.enum_value::<Stance>("stance", input.stance.as_deref()) {
        row.stance = s.as_str().into();
    }
    if let Some(n) = input.relationship_strength {
        check.range("relationship_strength", n, 1, 5);
        row.relationship_strength = n.and_then(|n| i32::try_from(n.clamp(1, 5)).ok());
    }
    if let Some(u) = input.relationship_owner_id {
        row.relationship_owner_id = check_user(tx, org, "relationship_owner_id", u, check)?;
    }
    if let Some(v) = text_field(check, "notes", &input.notes) {
        row.notes = v;
    }
    Ok(())
}

/// 409 when the plan already maps `row`'s contact in another row.
fn contact_mapped_once(tx: &mut Tx, row: &StakeholderRow) -> Result<(), AppError> {
    let taken =
        db::crm::account_plans::stakeholders_of_plans(tx, row.organization_id, &[row.plan_id])?
            .into_iter()
            .any(|s| s.contact_id == row.contact_id && s.id != row.id);
    if taken {
        return Err(stakeholder_taken());
    }
    Ok(())
}

fn stakeholder_taken() -> AppError {
    AppError::conflict_on(
        "duplicate_stakeholder",
        "contact_id",
        "this contact is already on the plan's stakeholder map",
    )
}

pub struct PlanStakeholder;

impl Record for PlanStakeholder {
    const NAME: &'static str = "account_plan_stakeholder";
    const NOUN: &'static str = "stakeholder";
    const COLLECTION: &'static str = "stakeholders";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = StakeholderRow;
    type Create = Under<StakeholderCreate>;
    type Patch = StakeholderInput;
    type View = StakeholderView;
    type Query = Under<PlanPartListParams>;

    fn may_create(tx: &mut Tx, input: &Self::Create) -> Result<(), AppError> {
        may_write_plan(tx, AccountPlanId(input.parent)).map(drop)
    }

    fn new_row(
        tx: &mut Tx,
        input: &Self::Create,
        check: &mut Check,
    ) -> Result<StakeholderRow, AppError> {
        let plan = plan(tx, AccountPlanId(input.parent))?;
        let body = &input.input;
        check.present("contact_id", &body.contact_id);
        check.present("decision_role", &body.decision_role);
        let now = db::now();
        let mut row = StakeholderRow {
            organization_id: plan.organization_id,
            id: PlanStakeholderId::new(),
            plan_id: plan.id,
            contact_id: ContactId(Uuid::nil()),
            decision_role: String::new(),
            stance: Stance::Unknown.as_str().into(),
            relationship_strength: None,
            relationship_owner_id: None,
            notes: None,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        apply_stakeholder(tx, plan.account_id, body, &mut row, check)?;
        if check.is_clean() {
            contact_mapped_once(tx, &row)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &StakeholderInput,
        row: &mut StakeholderRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let account = plan(tx, row.plan_id)?.account_id;
        apply_stakeholder(tx, account, input, row, check)?;
        if check.is_clean() {
            contact_mapped_once(tx, row)?;
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &StakeholderRow) -> Result<(), AppError> {
        may_write_plan(tx, row.plan_id).map(drop)
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        crate::app::error::on_unique(e, "contact_id", stakeholder_taken)
    }

    fn views(tx: &mut Tx, rows: Vec<StakeholderRow>) -> Result<Vec<StakeholderView>, AppError> {
        let org = tx.caller()?.org;
        let mut contacts: HashMap<ContactId, (String, String)> = HashMap::new();
        for id in rows.iter().map(|r| r.contact_id).collect::<HashSet<_>>() {
            if let Some(c) = ContactRow::find(tx, org, id).optional()? {
                contacts.insert(id, (c.name, c.status));
            }
        }
        Ok(rows
            .into_iter()
            .map(|r| {
                let contact = contacts.get(&r.contact_id).cloned();
                let status = contact.as_ref().map(|c| c.1.clone());
                StakeholderView {
                    id: r.id.0,
                    plan_id: r.plan_id.0,
                    contact_id: r.contact_id.0,
                    contact_name: contact.map(|c| c.0),
                    gap: is_gap(status.as_deref()),
                    contact_status: status,
                    decision_role: r.decision_role,
                    stance: r.stance,
                    relationship_strength: r.relationship_strength,
                    relationship_owner_id: r.relationship_owner_id.map(|u| u.0),
                    notes: r.notes,
                    version: r.version,
                    created_at: r.created_at.and_utc(),
                    updated_at: r.updated_at.and_utc(),
                }
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &Self::Query) -> Result<OfPlan, AppError> {
        Ok(OfPlan(AccountPlanId(q.parent)))
    }

    fn sort(q: &Self::Query) -> Option<&str> {
        q.input.sort()
    }
}

impl Nested for PlanStakeholder {
    type Body = StakeholderCreate;
    type Params = PlanPartListParams;
    const PARENT: &'static str = AccountPlan::COLLECTION;

    fn parent(tx: &mut Tx, parent: Uuid) -> Result<(), AppError> {
        plan(tx, AccountPlanId(parent)).map(drop)
    }

    fn parent_of(row: &StakeholderRow) -> Uuid {
        row.plan_id.0
    }
}

// ---- reviews ----

/// One objective's new reading, as a review records it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveUpdate {
    /// An objective of the plan.
    pub objective_id: Uuid,
    /// A decimal string; absent leaves the objective's current value as it is.
    #[schema(example = "140000")]
    pub current: Option<String>,
    /// Absent leaves the objective's status as it is.
    #[schema(value_type = Option<ObjectiveStatus>)]
    pub status: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewCreate {
    pub held_on: NaiveDate,
    #[serde(default)]
    pub attendee_user_ids: Vec<Uuid>,
    /// Contacts of the plan's account.
    #[serde(default)]
    pub attendee_contact_ids: Vec<Uuid>,
    #[schema(max_length = 5000)]
    pub summary: Option<String>,
    #[schema(max_length = 5000)]
    pub decisions: Option<String>,
    /// Applied to the objectives with the review, all or none.
    #[serde(default)]
    pub objective_updates: Vec<ObjectiveUpdate>,
    /// The plan's next review; default `held_on` plus the plan's `review_every_days`.
    pub next_review_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewView {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub held_on: NaiveDate,
    pub attendee_user_ids: Vec<Uuid>,
    pub attendee_contact_ids: Vec<Uuid>,
    pub summary: Option<String>,
    pub decisions: Option<String>,
    /// As applied.
    pub objective_updates: Vec<ObjectiveUpdate>,
    pub next_review_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub struct PlanReview;

impl Record for PlanReview {
    const NAME: &'static str = "account_plan_review";
    const NOUN: &'static str = "review";
    const COLLECTION: &'static str = "reviews";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = ReviewRow;
    type Create = Under<ReviewCreate>;
    type Patch = ();
    type View = ReviewView;
    type Query = Under<PlanPartListParams>;

    fn may_create(tx: &mut Tx, input: &Self::Create) -> Result<(), AppError> {
        may_write_plan(tx, AccountPlanId(input.parent)).map(drop)
    }

    /// Every update is checked before anything is written: one bad update refuses the review.
    fn new_row(
        tx: &mut Tx,
        input: &Self::Create,
        check: &mut Check,
    ) -> Result<ReviewRow, AppError> {
        let plan = plan(tx, AccountPlanId(input.parent))?;
        let body = &input.input;
        let org = plan.organization_id;
        let mut users: Vec<Uuid> = Vec::new();
        for (i, u) in body.attendee_user_ids.iter().enumerate() {
            check_user(tx, org, &format!("attendee_user_ids[{i}]"), Some(*u), check)?;
            if !users.contains(u) {
                users.push(*u);
            }
        }
        let contacts = contacts_on_account(
            tx,
            check,
            "attendee_contact_ids",
            &body.attendee_contact_ids,
            plan.account_id,
        )?;
        let summary = check.text("summary", body.summary.as_deref(), TEXT_MAX);
        let decisions = check.text("decisions", body.decisions.as_deref(), TEXT_MAX);
        let mut seen: HashSet<Uuid> = HashSet::new();
        let mut applied: Vec<ObjectiveUpdate> = Vec::with_capacity(body.objective_updates.len());
        for (i, u) in body.objective_updates.iter().enumerate() {
            let field = |f: &str| format!("objective_updates[{i}].{f}");
            match ObjectiveRow::find(tx, org, PlanObjectiveId(u.objective_id)).optional()? {
                Some(o) if o.plan_id == plan.id => {}
                _ => check.push(
                    field("objective_id"),
                    "not_found",
                    "no such objective on this plan",
                ),
            }
            if !seen.insert(u.objective_id) {
                check.push(
                    field("objective_id"),
                    "duplicate",
                    "the review updates this objective already",
                );
            }
            let status = check
                .enum_value::<ObjectiveStatus>(&field("status"), u.status.as_deref())
                .map(|s| s.as_str().to_owned());
            let current = decimal_text(check, &field("current"), u.current.as_deref());
            applied.push(ObjectiveUpdate {
                objective_id: u.objective_id,
                current,
                status,
            });
        }
        let now = db::now();
        Ok(ReviewRow {
            organization_id: org,
            id: PlanReviewId::new(),
            plan_id: plan.id,
            held_on: body.held_on,
            attendee_user_ids: json_ids(&users),
            attendee_contact_ids: json_ids(&contacts),
            summary,
            decisions,
            objective_updates: serde_json::to_string(&applied)
                .map_err(|e| AppError::internal(e.to_string()))?,
            next_review_on: Some(
                body.next_review_on
                    .unwrap_or_else(|| plus_days(body.held_on, plan.review_every_days)),
            ),
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }

    fn may_write(tx: &mut Tx, row: &ReviewRow) -> Result<(), AppError> {
        may_write_plan(tx, row.plan_id).map(drop)
    }

    /// Applies each objective update and moves the plan's next review, each change recorded
    /// as that record's own.
    fn created(tx: &mut Tx, row: &ReviewRow, _input: &Self::Create) -> Result<(), AppError> {
        let updates: Vec<ObjectiveUpdate> =
            serde_json::from_str(&row.objective_updates).unwrap_or_default();
        for u in updates {
            let patch = ObjectiveInput {
                current: u.current.map(Some),
                status: u.status,
                ..ObjectiveInput::default()
            };
            record::update_in::<PlanObjective>(
                tx,
                PlanObjectiveId(u.objective_id),
                &IfMatch::Any,
                patch,
            )?;
        }
        let patch = PlanInput {
            next_review_on: Some(row.next_review_on),
            ..PlanInput::default()
        };
        record::update_in::<AccountPlan>(tx, row.plan_id, &IfMatch::Any, patch)?;
        Ok(())
    }

    fn views(_tx: &mut Tx, rows: Vec<ReviewRow>) -> Result<Vec<ReviewView>, AppError> {
        Ok(rows
            .into_iter()
            .map(|r| ReviewView {
                id: r.id.0,
                plan_id: r.plan_id.0,
                held_on: r.held_on,
                attendee_user_ids: ids_of(&r.attendee_user_ids),
                attendee_contact_ids: ids_of(&r.attendee_contact_ids),
                summary: r.summary,
                decisions: r.decisions,
                objective_updates: serde_json::from_str(&r.objective_updates).unwrap_or_default(),
                next_review_on: r.next_review_on,
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &Self::Query) -> Result<OfPlan, AppError> {
        Ok(OfPlan(AccountPlanId(q.parent)))
    }

    fn sort(q: &Self::Query) -> Option<&str> {
        q.input.sort()
    }
}

impl Nested for PlanReview {
    type Body = ReviewCreate;
    type Params = PlanPartListParams;
    const PARENT: &'static str = AccountPlan::COLLECTION;

    fn parent(tx: &mut Tx, parent: Uuid) -> Result<(), AppError> {
        plan(tx, AccountPlanId(parent)).map(drop)
    }

    fn parent_of(row: &ReviewRow) -> Uuid {
        row.plan_id.0
    }
}

// ---- the account-planning report ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanningParams {
    /// The day the plans in force are read on; default today in the organization's time zone.
    pub as_of: Option<NaiveDate>,
}

/// One key or strategic account and its plan in force.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanningRow {
    pub account_id: Uuid,
    pub name: String,
    #[schema(value_type = Tier)]
    pub tier: String,
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// The plan in force on `as_of` (active, its period covering the day); null when none.
    pub plan_id: Option<Uuid>,
    /// Whether that plan's next review was due before `as_of`.
    pub review_overdue: bool,
    /// Its objectives by status (all zero without a plan).
    pub objectives_by_status: ObjectivesByStatus,
}

/// Counts over a set of accounts.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct PlanningTotals {
    pub accounts: i64,
    pub with_plan: i64,
    pub without_plan: i64,
    pub reviews_overdue: i64,
    pub objectives_by_status: ObjectivesByStatus,
}

impl PlanningTotals {
    fn count(&mut self, row: &PlanningRow) {
        self.accounts += 1;
        if row.plan_id.is_some() {
            self.with_plan += 1;
        } else {
            self.without_plan += 1;
        }
        if row.review_overdue {
            self.reviews_overdue += 1;
        }
        self.objectives_by_status.add(&row.objectives_by_status);
    }
}

/// The counts of one owner's accounts (`owner_id` null: accounts without an owner).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OwnerPlanning {
    pub owner_id: Option<Uuid>,
    #[serde(flatten)]
    pub totals: PlanningTotals,
}

/// The counts of one team's accounts (`team_id` null: accounts without a team).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TeamPlanning {
    pub team_id: Option<Uuid>,
    #[serde(flatten)]
    pub totals: PlanningTotals,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountPlanningReport {
    pub as_of: NaiveDate,
    pub accounts: Vec<PlanningRow>,
    pub totals: PlanningTotals,
    pub owners: Vec<OwnerPlanning>,
    pub teams: Vec<TeamPlanning>,
}

/// `GET /reports/account-planning`: the key and strategic accounts the caller sees (account
/// managers: those they write), each with its plan in force on `as_of`, and counts overall,
/// by owner and by team.
pub async fn planning_report(
    app: &App,
    cx: &Context,
    params: PlanningParams,
) -> Result<AccountPlanningReport, AppError> {
    app.snapshot(cx, move |tx| planning_report_in(tx, params.as_of))
        .await
}

fn planning_report_in(
    tx: &mut Tx,
    as_of: Option<NaiveDate>,
) -> Result<AccountPlanningReport, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    let org = caller.org;
    let restricted = caller.role == Role::AccountManager;
    let reach = Reach::of(tx, caller)?;
    let as_of = match as_of {
        Some(d) => d,
        None => organization::today(tx)?,
    };
    let accounts: Vec<_> = db::crm::accounts::all_live(tx, org)?
        .into_iter()
        .filter(|a| matches!(Tier::parse(&a.tier), Some(Tier::Key | Tier::Strategic)))
        .filter(|a| a.merged_into_id.is_none())
        .filter(|a| !restricted || reach.can_write(a))
        .collect();
    let ids: Vec<ClientAccountId> = accounts.iter().map(|a| a.id).collect();
    let mut plans = plans_in_force(tx, org, &ids, as_of)?;
    let rows: Vec<PlanningRow> = accounts
        .into_iter()
        .map(|a| {
            let plan = plans.remove(&a.id);
            let mut by_status = ObjectivesByStatus::default();
            for s in plan.iter().flat_map(|(_, p)| p.objectives.iter()) {
                by_status.count(*s);
            }
            PlanningRow {
                account_id: a.id.0,
                name: a.name,
                tier: a.tier,
                owner_id: a.owner_id.map(|o| o.0),
                team_id: a.team_id.map(|t| t.0),
                plan_id: plan.as_ref().map(|(p, _)| p.id.0),
                review_overdue: plan.as_ref().is_some_and(|(_, p)| p.review_overdue(as_of)),
                objectives_by_status: by_status,
            }
        })
        .collect();
    let mut totals = PlanningTotals::default();
    let mut owners: BTreeMap<Option<Uuid>, PlanningTotals> = BTreeMap::new();
    let mut teams: BTreeMap<Option<Uuid>, PlanningTotals> = BTreeMap::new();
    for r in &rows {
        totals.count(r);
        owners.entry(r.owner_id).or_default().count(r);
        teams.entry(r.team_id).or_default().count(r);
    }
    Ok(AccountPlanningReport {
        as_of,
        accounts: rows,
        totals,
        owners: owners
            .into_iter()
            .map(|(owner_id, totals)| OwnerPlanning { owner_id, totals })
            .collect(),
        teams: teams
            .into_iter()
            .map(|(team_id, totals)| TeamPlanning { team_id, totals })
            .collect(),
    })
}
