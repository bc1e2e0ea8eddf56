//! Accounts: create, change, archive, churn, reassign, merge; health and the timeline on read.

use crate::app::Tx;
use crate::domain::ids::{
    ClientAccountId, CompetitorId, DocumentId, InteractionId, OrganizationId, OwnerChangeId,
    TeamId, UserId,
};
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::access::{self, Reach};
use super::{
    cadence_days, check_in_due, check_team, check_user, load_account, resolve_competitor, settings,
    Check, CrmSettings,
};
use crate::app::error::AppError;
use crate::app::input::double_option;
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::crm::accounts::{AccountFilter, AccountRow, AccountSort, OwnerChangeRow};
use crate::db::{self};
use crate::domain::crm::{
    AccountStatus, ContactStatus, FeedbackKind, Influence, RiskKind, RiskStatus, Severity, Stage,
    TextEnum, Tier,
};
use crate::domain::health::{
    self, ChampionSignal, DisputeSignal, FeedbackSignal, Health, HealthInputs, InvoiceStanding,
    OpportunitySignal, ReceivablesSignal,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountInput {
    #[schema(example = "Globex Corporation")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub legal_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub industry: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "https://globex.example")]
    pub website: Option<Option<String>>,
    #[schema(value_type = Option<Tier>)]
    pub tier: Option<String>,
    /// `prospect`, `active` or `churned` (use `/churn`); `at_risk` is derived and refused.
    #[schema(value_type = Option<AccountStatus>)]
    pub status: Option<String>,
    pub is_customer: Option<bool>,
    pub is_vendor: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub team_id: Option<Option<Uuid>>,
    /// ISO 4217; defaults to the organization's base currency.
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub goals: Option<Option<String>>,
    /// Competitor ids or names (a new name creates the competitor).
    pub competitor_ids: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    #[schema(value_type = Option<Object>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
    /// Days between check-ins; `null` returns to the tier's default.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>)]
    pub check_in_every_days: Option<Option<i32>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HealthView {
    pub score: Option<u32>,
    pub grade: Option<health::Grade>,
    pub factors: Vec<health::Factor>,
    pub as_of: NaiveDate,
    pub computed_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    pub id: Uuid,
    pub name: String,
    pub legal_name: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    #[schema(value_type = Tier)]
    pub tier: String,
    #[schema(value_type = AccountStatus)]
    pub status: String,
    pub is_customer: bool,
    pub is_vendor: bool,
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub currency: String,
    pub goals: Option<String>,
    pub competitor_ids: Vec<Uuid>,
    pub tags: Vec<String>,
    #[schema(value_type = Object)]
    pub custom_fields: serde_json::Value,
    /// The cadence in force: the account's own, else its tier's default.
    pub check_in_every_days: i32,
    pub last_check_in_at: Option<DateTime<Utc>>,
    pub next_check_in_due_at: DateTime<Utc>,
    pub check_in_overdue: bool,
    /// Days since the last interaction that counts as a check-in; null if none yet.
    pub days_since_last_interaction: Option<i64>,
    pub health: HealthView,
    pub churn_reason: Option<String>,
    pub churned_on: Option<NaiveDate>,
    pub lost_to_competitor_id: Option<Uuid>,
    pub merged_into_id: Option<Uuid>,
    pub archived_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn validate_fields(
    conn: &mut Tx,
    caller: &Caller,
    input: &AccountInput,
    row: &mut AccountRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = caller.org;
    if let Some(name) = &input.name {
        row.name = check.required("name", Some(name), 200);
    }
    if let Some(v) = &input.legal_name {
        row.legal_name = check.text("legal_name", v.as_deref(), 200);
    }
    if let Some(v) = &input.industry {
        row.industry = check.text("industry", v.as_deref(), 200);
    }
    if let Some(v) = &input.website {
        row.website = check.url("website", v.as_deref());
        row.website_domain = row
            .website
            .as_deref()
            .and_then(crate::domain::crm::website_domain);
    }
    if let Some(t) = check.enum_value::<Tier>("tier", input.tier.as_deref()) {
        row.tier = t.as_str().to_owned();
    }
    if let Some(v) = input.is_customer {
        row.is_customer = v;
    }
    if let Some(v) = input.is_vendor {
        row.is_vendor = v;
    }
    if let Some(c) = &input.currency {
        if let Some(c) = check.currency("currency", c) {
            row.currency = c.code().to_owned();
        }
    }
    if let Some(v) = &input.goals {
        row.goals = check.text("goals", v.as_deref(), 5000);
    }
    if let Some(tags) = &input.tags {
        let mut clean: Vec<String> = Vec::new();
        for (i, t) in tags.iter().enumerate() {
            let t = t.trim();
            if t.is_empty() || t.chars().count() > 50 {
                check.push(
                    format!("tags[{i}]"),
                    "length",
                    "must be 1 to 50 characters long",
                );
            } else if !clean.iter().any(|c| c == t) {
                clean.push(t.to_owned());
            }
        }
        row.tags = serde_json::to_string(&clean).unwrap_or_else(|_| "[]".into());
    }
    if let Some(fields) = &input.custom_fields {
        let doc = serde_json::to_string(fields).unwrap_or_else(|_| "{}".into());
        if doc.len() > 16_384 {
            check.push(
                "custom_fields",
                "too_large",
                "must be at most 16 KiB of JSON",
            );
        }
        row.custom_fields = doc;
    }
    if let Some(v) = input.check_in_every_days {
        check.range("check_in_every_days", v.map(i64::from), 1, 3650);
        row.check_in_every_days = v;
    }
    if let Some(owner) = input.owner_id {
        row.owner_id = check_user(conn, org, "owner_id", owner, check)?;
    }
    if let Some(team) = input.team_id {
        row.team_id = check_team(conn, org, "team_id", team, check)?;
    }
    Ok(())
}

fn competitors_of(
    conn: &mut Tx,
    org: OrganizationId,
    refs: &[String],
    check: &mut Check,
) -> Result<Vec<CompetitorId>, AppError> {
    let mut ids = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        if let Some(id) = resolve_competitor(conn, org, &format!("competitor_ids[{i}]"), r, check)?
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    input: AccountInput,
) -> Result<AccountView, AppError> {
    caller.require(Permission::WriteCrm)?;
    let org = caller.org;
    let base = crate::app::ledger::org(conn, caller)?.base;
    let now = db::now();
    let mut row = AccountRow {
        organization_id: org,
        id: ClientAccountId(Uuid::now_v7()),
        name: String::new(),
        legal_name: None,
        industry: None,
        website: None,
        website_domain: None,
        tier: Tier::Standard.as_str().into(),
        own_status: AccountStatus::Active.as_str().into(),
        status: AccountStatus::Active.as_str().into(),
        is_customer: false,
        is_vendor: false,
        owner_id: None,
        team_id: None,
        currency: base.code().into(),
        goals: None,
        tags: "[]".into(),
        custom_fields: "{}".into(),
        check_in_every_days: None,
        last_check_in_at: None,
        check_in_due_at: now,
        churn_reason: None,
        churned_on: None,
        lost_to_competitor_id: None,
        merged_into_id: None,
        archived_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let mut check = Check::default();
    if input.name.is_none() {
        check.push("name", "required", "must not be empty");
    }
    validate_fields(conn, caller, &input, &mut row, &mut check)?;
    match check.enum_value::<AccountStatus>("status", input.status.as_deref()) {
        Some(AccountStatus::AtRisk) => check.push(
            "status",
            "status_derived",
            "at_risk is derived from open high and critical risks; it cannot be set",
        ),
        Some(AccountStatus::Churned) => check.push(
            "status",
            "use_churn_action",
            "churn an account with POST /accounts/{id}/churn",
        ),
        Some(s) => {
            row.own_status = s.as_str().into();
            row.status = s.as_str().into();
        }
        None => {}
    }
    let competitors = competitors_of(
        conn,
        org,
        input.competitor_ids.as_deref().unwrap_or(&[]),
        &mut check,
    )?;
    check.finish()?;
    // An account manager's new account is theirs unless they name another owner.
    if input.owner_id.is_none() && caller.role == crate::domain::identity::Role::AccountManager {
        row.owner_id = Some(UserId(caller.user_id().0));
    }
    // The caller must be able to write what they create, and may only place it in a team
    // they belong to or lead (no planting accounts in other teams, even as their owner).
    let reach = Reach::of(conn, caller)?;
    let team_ok = row
        .team_id
        .is_none_or(|t| reach.everything || reach.teams.contains(&t));
    if !reach.can_write(&row) || !team_ok {
        return Err(AppError::forbidden(access::WRITE_ACCOUNT));
    }
    let s = settings(conn, org)?;
    row.check_in_due_at = check_in_due(&s, &row);
    row.insert(conn)?;
    db::crm::accounts::set_competitors(conn, org, row.id, &competitors)?;
    view_one(conn, caller, row, None)
}

pub fn update_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
    expected: &IfMatch,
    input: AccountInput,
) -> Result<AccountView, AppError> {
    let current = access::writable_account(conn, caller, id)?;
    expected.check(current.version)?;
    let org = caller.org;
    let mut row = current.clone();
    let mut check = Check::default();
    validate_fields(conn, caller, &input, &mut row, &mut check)?;
    if let Some(status) = &input.status {
        let current_status = AccountStatus::parse(&current.status);
        match check.enum_value::<AccountStatus>("status", Some(status)) {
            Some(AccountStatus::AtRisk) => check.push("status", "status_derived", "at_risk is derived from open high and critical risks; it cannot be set"),
            Some(_) if current_status == Some(AccountStatus::AtRisk) => check.push(
                "status",
                "status_derived",
                "the account is at_risk while it has an open or mitigating high or critical risk; resolve the risk instead",
            ),
            Some(AccountStatus::Churned) if current.own_status != "churned" => {
                check.push("status", "use_churn_action", "churn an account with POST /accounts/{id}/churn")
            }
            Some(s) => {
                if s != AccountStatus::Churned {
                    row.churn_reason = None;
                    row.churned_on = None;
                    row.lost_to_competitor_id = None;
                }
                row.own_status = s.as_str().into();
                row.status = s.as_str().into();
            }
            None => {}
        }
    }
    let competitors = match &input.competitor_ids {
        Some(refs) => Some(competitors_of(conn, org, refs, &mut check)?),
        None => None,
    };
    check.finish()?;
    if row.owner_id != current.owner_id || row.team_id != current.team_id {
        authorize_reassign(conn, caller, &current, row.team_id)?;
        record_owner_change(conn, caller, &current, row.owner_id, row.team_id)?;
    }
    let s = settings(conn, org)?;
    row.check_in_due_at = check_in_due(&s, &row);
    row.version = current.version + 1;
    row.updated_at = db::now();
    if !db::crm::accounts::save(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    if let Some(c) = competitors {
        db::crm::accounts::set_competitors(conn, org, row.id, &c)?;
    }
    let row = super::refresh_account(conn, org, row.id)?;
    view_one(conn, caller, row, None)
}

/// Admins, or a team lead who writes the account and leads the team it moves to.
fn authorize_reassign(
    conn: &mut Tx,
    caller: &Caller,
    account: &AccountRow,
    to_team: Option<TeamId>,
) -> Result<(), AppError> {
    caller.require(Permission::WriteCrm)?;
    let reach = Reach::of(conn, caller)?;
    let target_ok = match to_team {
        Some(t) => reach.leads_team(t),
        None => reach.everything,
    };
    if reach.can_reassign(account) && target_ok {
        Ok(())
    } else {
        Err(AppError::forbidden("crm:reassign (admins, or the lead of both the account's team and the team it moves to)"))
    }
}

fn record_owner_change(
    conn: &mut Tx,
    caller: &Caller,
    from: &AccountRow,
    owner: Option<UserId>,
    team: Option<TeamId>,
) -> Result<(), AppError> {
    OwnerChangeRow {
        organization_id: from.organization_id,
        id: OwnerChangeId(Uuid::now_v7()),
        account_id: from.id,
        from_owner_id: from.owner_id,
        to_owner_id: owner,
        from_team_id: from.team_id,
        to_team_id: team,
        changed_by: UserId(caller.user_id().0),
        changed_at: db::now(),
    }
    .insert(conn)?;
    Ok(())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignInput {
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// Hand the previous owner's open tasks on this account to the new owner.
    #[serde(default)]
    pub move_open_tasks: bool,
}

pub fn reassign_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
    input: ReassignInput,
) -> Result<AccountView, AppError> {
    let current = load_account(conn, caller, id)?;
    let org = caller.org;
    let mut check = Check::default();
    let owner = check_user(conn, org, "owner_id", input.owner_id, &mut check)?;
    let team = check_team(conn, org, "team_id", input.team_id, &mut check)?;
    check.finish()?;
    authorize_reassign(conn, caller, &current, team)?;
    record_owner_change(conn, caller, &current, owner, team)?;
    let now = db::now();
    if input.move_open_tasks {
        if let Some(previous) = current.owner_id {
            db::crm::records::move_open_tasks(conn, org, current.id, previous, owner, now)?;
        }
    }
    let mut row = current.clone();
    row.owner_id = owner;
    row.team_id = team;
    row.version += 1;
    row.updated_at = now;
    if !db::crm::accounts::save(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    view_one(conn, caller, row, None)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerChangeView {
    pub id: Uuid,
    pub from_owner_id: Option<Uuid>,
    pub to_owner_id: Option<Uuid>,
    pub from_team_id: Option<Uuid>,
    pub to_team_id: Option<Uuid>,
    pub changed_by: Uuid,
    pub changed_at: DateTime<Utc>,
}

pub fn owner_history(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
) -> Result<Vec<OwnerChangeView>, AppError> {
    caller.require(Permission::Read)?;
    let account = load_account(conn, caller, id)?;
    Ok(
        db::crm::accounts::owner_history(conn, caller.org, account.id)?
            .into_iter()
            .map(|r| OwnerChangeView {
                id: r.id.0,
                from_owner_id: r.from_owner_id.map(|v| v.0),
                to_owner_id: r.to_owner_id.map(|v| v.0),
                from_team_id: r.from_team_id.map(|v| v.0),
                to_team_id: r.to_team_id.map(|v| v.0),
                changed_by: r.changed_by.0,
                changed_at: r.changed_at.and_utc(),
            })
            .collect(),
    )
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChurnInput {
    pub reason: String,
    pub churned_on: Option<NaiveDate>,
    /// A competitor's id or name.
    pub lost_to_competitor_id: Option<String>,
}

pub fn churn_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
    input: ChurnInput,
) -> Result<AccountView, AppError> {
    let current = access::writable_account(conn, caller, id)?;
    let org = caller.org;
    let mut check = Check::default();
    let reason = check.required("reason", Some(&input.reason), 2000);
    let lost_to = match &input.lost_to_competitor_id {
        Some(r) => resolve_competitor(conn, org, "lost_to_competitor_id", r, &mut check)?,
        None => None,
    };
    let on = input.churned_on.unwrap_or_else(|| Utc::now().date_naive());
    if on < current.created_at.date() {
        check.push(
            "churned_on",
            "date_order",
            "must not be before the account was created",
        );
    }
    check.finish()?;
    let mut row = current.clone();
    row.own_status = AccountStatus::Churned.as_str().into();
    row.status = AccountStatus::Churned.as_str().into();
    row.churn_reason = Some(reason);
    row.churned_on = Some(on);
    row.lost_to_competitor_id = lost_to;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::accounts::save(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    view_one(conn, caller, row, None)
}

/// DELETE archives: the account leaves lists but its history stays.
pub fn archive_in(conn: &mut Tx, caller: &Caller, id: ClientAccountId) -> Result<(), AppError> {
    let current = access::writable_account(conn, caller, id)?;
    if current.archived_at.is_some() {
        return Ok(());
    }
    let mut row = current.clone();
    row.archived_at = Some(db::now());
    row.version += 1;
    row.updated_at = db::now();
    db::crm::accounts::save(conn, &row, current.version)?;
    Ok(())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    pub duplicate_id: Uuid,
}

/// Moves the duplicate's records onto this account and archives the duplicate.
pub fn merge_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
    input: MergeInput,
) -> Result<AccountView, AppError> {
    let survivor = access::writable_account(conn, caller, id)?;
    let duplicate = super::load_account(conn, caller, ClientAccountId(input.duplicate_id))
        .map_err(|e| {
            if e.kind == crate::app::error::ErrorKind::NotFound {
                AppError::field(
                    "not_found",
                    "duplicate_id",
                    "no such account in your organization",
                )
            } else {
                e
            }
        })?;
    access::require_write(conn, caller, &duplicate)?;
    if duplicate.id == survivor.id {
        return Err(AppError::field(
            "merge_into_self",
            "duplicate_id",
            "an account cannot be merged into itself",
        ));
    }
    if duplicate.archived_at.is_some() {
        return Err(AppError::field(
            "account_archived",
            "duplicate_id",
            "the duplicate is already archived",
        ));
    }
    let org = caller.org;
    db::crm::deals::move_account_records(conn, org, duplicate.id, survivor.id)?;
    let mut dup = duplicate.clone();
    dup.archived_at = Some(db::now());
    dup.merged_into_id = Some(survivor.id);
    dup.version += 1;
    dup.updated_at = db::now();
    db::crm::accounts::save(conn, &dup, duplicate.version)?;
    super::refresh_account(conn, org, dup.id)?;
    let row = super::refresh_account(conn, org, survivor.id)?;
    view_one(conn, caller, row, None)
}

pub fn get(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
    as_of: Option<NaiveDate>,
) -> Result<AccountView, AppError> {
    caller.require(Permission::Read)?;
    let row = load_account(conn, caller, id)?;
    view_one(conn, caller, row, as_of)
}

#[derive(Debug, Clone, Default)]
pub struct AccountQuery {
    pub filter: AccountFilter,
    pub check_in_overdue: Option<bool>,
    pub sort: Option<AccountSort>,
    pub descending: bool,
}

pub fn list(
    conn: &mut Tx,
    caller: &Caller,
    mut q: AccountQuery,
    after: Option<(String, Uuid)>,
    limit: i64,
) -> Result<Vec<AccountView>, AppError> {
    caller.require(Permission::Read)?;
    let now = db::now();
    match q.check_in_overdue {
        Some(true) => q.filter.check_in_due_before = Some(now),
        Some(false) => q.filter.check_in_not_due_before = Some(now),
        None => {}
    }
    let rows = db::crm::accounts::list(
        conn,
        caller.org,
        &q.filter,
        q.sort.unwrap_or(AccountSort::CreatedAt),
        q.descending,
        after.map(|(v, i)| (v, ClientAccountId(i))),
        limit,
    )?;
    views(conn, caller, rows, None)
}

fn view_one(
    conn: &mut Tx,
    caller: &Caller,
    row: AccountRow,
    as_of: Option<NaiveDate>,
) -> Result<AccountView, AppError> {
    views(conn, caller, vec![row], as_of)?
        .pop()
        .ok_or_else(|| AppError::internal("account view lost"))
}

/// Views of `rows` with their competitors and health, loading what health reads in batches.
pub fn views(
    conn: &mut Tx,
    caller: &Caller,
    rows: Vec<AccountRow>,
    as_of: Option<NaiveDate>,
) -> Result<Vec<AccountView>, AppError> {
    let org = caller.org;
    let s = settings(conn, org)?;
    let ids: Vec<ClientAccountId> = rows.iter().map(|r| r.id).collect();
    let mut competitors: HashMap<ClientAccountId, Vec<Uuid>> = HashMap::new();
    for (a, c) in db::crm::accounts::competitor_ids(conn, org, &ids)? {
        competitors.entry(a).or_default().push(c.0);
    }
    let mut healths = health_of(conn, org, &s, &rows, as_of)?;
    let now = Utc::now();
    Ok(rows
        .into_iter()
        .map(|r| {
            let cadence = cadence_days(&s, &r);
            let as_of_day = as_of.unwrap_or_else(|| now.date_naive());
            AccountView {
                id: r.id.0,
                competitor_ids: competitors.remove(&r.id).unwrap_or_default(),
                tags: serde_json::from_str(&r.tags).unwrap_or_default(),
                custom_fields: serde_json::from_str(&r.custom_fields)
                    .unwrap_or_else(|_| serde_json::json!({})),
                check_in_every_days: cadence,
                last_check_in_at: r.last_check_in_at.map(|t| t.and_utc()),
                next_check_in_due_at: r.check_in_due_at.and_utc(),
                check_in_overdue: r.own_status != "churned" && r.check_in_due_at.and_utc() < now,
                days_since_last_interaction: r
                    .last_check_in_at
                    .map(|t| (as_of_day - t.date()).num_days().max(0)),
                health: healths.remove(&r.id).unwrap_or_else(|| HealthView {
                    score: None,
                    grade: None,
                    factors: vec![],
                    as_of: as_of_day,
                    computed_at: now,
                }),
                name: r.name,
                legal_name: r.legal_name,
                industry: r.industry,
                website: r.website,
                tier: r.tier,
                status: r.status,
                is_customer: r.is_customer,
                is_vendor: r.is_vendor,
                owner_id: r.owner_id.map(|v| v.0),
                team_id: r.team_id.map(|v| v.0),
                currency: r.currency,
                goals: r.goals,
                churn_reason: r.churn_reason,
                churned_on: r.churned_on,
                lost_to_competitor_id: r.lost_to_competitor_id.map(|v| v.0),
                merged_into_id: r.merged_into_id.map(|v| v.0),
                archived_at: r.archived_at.map(|t| t.and_utc()),
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            }
        })
        .collect())
}

/// Health of each account as of a day (default today), from records that existed by then.
pub fn health_of(
    conn: &mut Tx,
    org: OrganizationId,
    s: &CrmSettings,
    rows: &[AccountRow],
    as_of: Option<NaiveDate>,
) -> Result<HashMap<ClientAccountId, HealthView>, AppError> {
    let ids: Vec<ClientAccountId> = rows.iter().map(|r| r.id).collect();
    let as_of = as_of.unwrap_or_else(|| Utc::now().date_naive());
    let end_of_day = as_of
        .succ_opt()
        .unwrap_or(as_of)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let mut inputs: BTreeMap<ClientAccountId, HealthInputs> = rows
        .iter()
        .map(|r| {
            (
                r.id,
                HealthInputs {
                    as_of,
                    check_in_every_days: cadence_days(s, r),
                    last_check_in_on: None,
                    feedback: vec![],
                    sentiments: vec![],
                    live_risks: vec![],
                    opportunities: vec![],
                    champions: vec![],
                    receivables: ReceivablesSignal::default(),
                },
            )
        })
        .collect();
    let interactions = db::crm::records::interactions_of_accounts(conn, org, &ids)?;
    let with_contacts: std::collections::HashSet<InteractionId> =
        db::crm::records::interaction_contacts(
            conn,
            org,
            &interactions.iter().map(|i| i.id).collect::<Vec<_>>(),
        )?
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    for i in interactions.iter().filter(|i| i.occurred_at < end_of_day) {
        let Some(h) = inputs.get_mut(&i.account_id) else {
            continue;
        };
        let day = i.occurred_at.date();
        if let Some(s) = i.sentiment {
            h.sentiments.push((day, s));
        }
        let counts = crate::domain::crm::InteractionKind::parse(&i.kind)
            .is_some_and(|k| k.is_check_in())
            && with_contacts.contains(&i.id);
        if counts && h.last_check_in_on.is_none_or(|d| d < day) {
            h.last_check_in_on = Some(day);
        }
    }
    for f in db::crm::records::feedback_of_accounts(conn, org, &ids)? {
        if let (Some(h), Some(kind)) = (inputs.get_mut(&f.account_id), FeedbackKind::parse(&f.kind))
        {
            h.feedback.push(FeedbackSignal {
                on: f.received_on,
                kind,
                score: f.score,
            });
        }
    }
    // Risks are read as they stand now (their history is not kept), but only those raised by then.
    let mut disputes: HashMap<ClientAccountId, Vec<DisputeSignal>> = HashMap::new();
    for r in db::crm::deals::risks_of_accounts(conn, org, &ids)? {
        let live = RiskStatus::parse(&r.status).is_some_and(|s| s.is_live());
        if live && r.created_at < end_of_day && r.kind == RiskKind::Dispute.as_str() {
            disputes
                .entry(r.account_id)
                .or_default()
                .push(DisputeSignal {
                    invoice_ids: serde_json::from_str(&r.invoice_ids).unwrap_or_default(),
                    amount_minor: r.disputed_amount_minor,
                    currency: r.disputed_currency.clone(),
                });
        }
        if let (true, Some(h), Some(sev)) = (
            live && r.created_at < end_of_day,
            inputs.get_mut(&r.account_id),
            Severity::parse(&r.severity),
        ) {
            h.live_risks.push(sev);
        }
    }
    for o in db::crm::deals::opportunities_of_accounts(conn, org, &ids)? {
        if let (true, Some(h), Some(stage)) = (
            o.created_at < end_of_day,
            inputs.get_mut(&o.account_id),
            Stage::parse(&o.stage),
        ) {
            h.opportunities.push(OpportunitySignal {
                stage,
                expected_close_on: o.expected_close_on,
                closed_on: o.closed_on,
            });
        }
    }
    for c in db::crm::records::contacts_of_accounts(conn, org, &ids)? {
        if c.influence.as_deref() == Some(Influence::Champion.as_str()) {
            if let Some(h) = inputs.get_mut(&c.account_id) {
                h.champions.push(ChampionSignal {
                    active: c.status == ContactStatus::Active.as_str(),
                });
            }
        }
    }
    for (account, invoices) in invoice_standings(conn, org, &ids, as_of)? {
        if let Some(h) = inputs.get_mut(&account) {
            let disputes = disputes.remove(&account).unwrap_or_default();
            h.receivables = health::receivables_signal(as_of, &invoices, &disputes);
        }
    }
    let settings = s.health();
    let computed_at = Utc::now();
    Ok(inputs
        .into_iter()
        .map(|(id, i)| {
            let Health {
                score,
                grade,
                factors,
            } = health::assess(&i, &settings);
            (
                id,
                HealthView {
                    score,
                    grade,
                    factors,
                    as_of,
                    computed_at,
                },
            )
        })
        .collect())
}

/// Each account's issued invoices as they stood on `as_of`: allocations (payments and credit
/// notes) dated by then deducted, in the invoice's currency and in the base currency.
fn invoice_standings(
    conn: &mut Tx,
    org: OrganizationId,
    accounts: &[ClientAccountId],
    as_of: NaiveDate,
) -> Result<HashMap<ClientAccountId, Vec<InvoiceStanding>>, AppError> {
    let invoices = db::crm::revenue::standing_invoices_of_accounts(conn, org, accounts, as_of)?;
    if invoices.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<DocumentId> = invoices.iter().map(|d| d.id).collect();
    let mut settled: HashMap<DocumentId, (i64, i64)> = HashMap::new();
    for a in db::crm::revenue::allocations_into(conn, org, &ids, as_of)? {
        let s = settled.entry(a.document_id).or_default();
        s.0 += a.amount_minor;
        s.1 += a.document_base_minor;
    }
    let mut out: HashMap<ClientAccountId, Vec<InvoiceStanding>> = HashMap::new();
    for d in invoices {
        let (paid, paid_base) = settled.get(&d.id).copied().unwrap_or_default();
        out.entry(d.account_id).or_default().push(InvoiceStanding {
            id: d.id.0,
            issue_date: d.issue_date,
            due_date: d.due_date,
            currency: d.currency,
            base_total_minor: d.base_total_minor,
            open_minor: d.total_minor - paid,
            open_base_minor: d.base_total_minor - paid_base,
        });
    }
    Ok(out)
}
