//! `/accounts`: the client accounts. Create and change go through the generic record
//! mechanism ([`Account`]) with the account's own rules: record-level access (see
//! [`super::access`]), statuses that are derived or have their own action, competitors named
//! by id or name, and a reassignment that needs a lead's reach and leaves history. Reading
//! one shows its health as of a day; lists sort by name or time; DELETE archives; churn is
//! its own action. The state derived from other records (last check-in, next one due,
//! at-risk) is recomputed in the unit of work of the write that changes it.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::access::{self, Reach};
use super::health::{health_of, HealthView};
use super::owners::{authorize_reassign, record_owner_change};
use super::references::{check_team, check_user, resolve_competitor};
use super::settings::{settings, CrmSettings};
use crate::app::error::{AppError, Check, Found};
use crate::app::input::double_option;
use crate::app::page::{parse_sort, Page, PageParams, PageRequest};
use crate::app::record::Record;
use crate::app::unit_of_work::{Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::{Caller, Permission};
use crate::db::crm::accounts::{AccountFilter, AccountRow, AccountSort, CURSOR_TIME};
use crate::db::{self};
use crate::domain::crm::{AccountStatus, InteractionKind, Severity, TextEnum, Tier};
use crate::domain::identity::Role;
use crate::domain::ids::{ClientAccountId, CompetitorId, OrganizationId, TeamId, UserId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = AccountPatch)]
#[serde(deny_unknown_fields)]
pub struct AccountInput {
    #[schema(example = "Globex Corporation", max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub legal_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub industry: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = crate::domain::crm::website_schema)]
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
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub goals: Option<Option<String>>,
    /// Competitor ids or names (a new name creates the competitor), at most 50.
    #[schema(max_items = 50)]
    pub competitor_ids: Option<Vec<String>>,
    /// At most 50 tags, each 1 to 50 characters.
    #[schema(max_items = 50)]
    pub tags: Option<Vec<String>>,
    /// The bank accounts the client pays from, for matching bank lines: IBANs or account
    /// numbers (spaces and case aside), at most 20.
    #[schema(max_items = 20, example = json!(["DE89370400440532013000"]))]
    pub bank_accounts: Option<Vec<String>>,
    #[schema(value_type = Option<Object>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
    /// Days between check-ins; `null` returns to the tier's default.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 3650)]
    pub check_in_every_days: Option<Option<i32>>,
}

crate::create_input!(
    /// A new account: the fields of a change, with those a create must name required.
    AccountCreate(AccountInput) required ["name"]
);

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
    /// IBANs or account numbers the client pays from, in capitals without spaces.
    pub bank_accounts: Vec<String>,
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

crate::sort_options!(
    /// The orders of `GET /accounts`.
    AccountListSort {
        CreatedAt = "created_at",
        CreatedAtDesc = "-created_at",
        Name = "name",
        NameDesc = "-name",
        UpdatedAt = "updated_at",
        UpdatedAtDesc = "-updated_at",
        HealthScore = "health_score",
        HealthScoreDesc = "-health_score",
    }
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountListParams {
    /// Case-insensitive text in the name, legal name, website, or a contact's name or email.
    pub q: Option<String>,
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    #[param(value_type = Option<AccountStatus>, inline)]
    pub status: Option<String>,
    #[param(value_type = Option<Tier>, inline)]
    pub tier: Option<String>,
    pub is_customer: Option<bool>,
    pub is_vendor: Option<bool>,
    pub updated_since: Option<DateTime<Utc>>,
    /// Accounts whose next check-in is past due (true) or not (false).
    pub check_in_overdue: Option<bool>,
    /// Include archived accounts.
    #[serde(default)]
    pub include_archived: bool,
    /// Accounts whose health grade (today) is this.
    #[param(value_type = Option<crate::domain::health::Grade>, inline)]
    pub health_grade: Option<String>,
    /// Accounts whose health score (today) is at least this.
    #[param(minimum = 0, maximum = 100)]
    pub health_score_min: Option<u32>,
    /// Accounts whose health score (today) is at most this.
    #[param(minimum = 0, maximum = 100)]
    pub health_score_max: Option<u32>,
    /// `created_at` (default), `name`, `updated_at`, `health_score`; prefix `-` for descending.
    #[param(inline)]
    pub sort: Option<AccountListSort>,
}

impl AccountListParams {
    fn by_health(&self, sort: &str) -> bool {
        sort == "health_score"
            || self.health_grade.is_some()
            || self.health_score_min.is_some()
            || self.health_score_max.is_some()
    }

    fn health_matches(&self, h: &HealthView) -> bool {
        let grade = h.grade.map(|g| match g {
            crate::domain::health::Grade::Healthy => "healthy",
            crate::domain::health::Grade::Watch => "watch",
            crate::domain::health::Grade::Poor => "poor",
        });
        self.health_grade
            .as_deref()
            .is_none_or(|g| grade == Some(g))
            && self
                .health_score_min
                .is_none_or(|m| h.score.is_some_and(|s| s >= m))
            && self
                .health_score_max
                .is_none_or(|m| h.score.is_some_and(|s| s <= m))
    }
}

/// Most accounts a list filtered or sorted by health (computed on read) scores at once.
const HEALTH_LIST_CAP: i64 = 10_000;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// The day health is computed for (default today).
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChurnInput {
    pub reason: String,
    pub churned_on: Option<NaiveDate>,
    /// A competitor's id or name.
    pub lost_to_competitor_id: Option<String>,
}

/// An account of the caller's organization, or 404.
pub fn load_account(
    tx: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
) -> Result<AccountRow, AppError> {
    db::crm::accounts::find(tx, caller.org, id).found("account")
}

// ---- the record ----

/// Client accounts as a plain record: create and change.
pub struct Account;

impl Record for Account {
    const NAME: &'static str = "account";
    const COLLECTION: &'static str = "accounts";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = AccountRow;
    type Create = AccountCreate;
    type Patch = AccountInput;
    type View = AccountView;
    type Query = ();

    fn new_row(
        tx: &mut Tx,
        input: &AccountCreate,
        check: &mut Check,
    ) -> Result<AccountRow, AppError> {
        let caller = tx.caller()?;
        let org = caller.org;
        let base = crate::app::ledger::org(tx, caller)?.base;
        let now = db::now();
        let mut row = AccountRow {
            organization_id: org,
            id: ClientAccountId::new(),
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
            bank_accounts: "[]".into(),
            name_key: String::new(),
        };
        if input.name.is_none() {
            check.push("name", "required", "must not be empty");
        }
        apply_fields(tx, input, &mut row, check)?;
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
        competitors_of(
            tx,
            org,
            input.competitor_ids.as_deref().unwrap_or(&[]),
            check,
        )?;
        if !check.is_clean() {
            return Ok(row);
        }
        // An account manager's new account is theirs unless they name another owner.
        if input.owner_id.is_none() && caller.role == Role::AccountManager {
            row.owner_id = Some(caller.user_id());
        }
        // The caller may only place a new account in a team they belong to or lead (no
        // planting accounts in other teams, even as their owner).
        let reach = Reach::of(tx, caller)?;
        let team_ok = row
            .team_id
            .is_none_or(|t| reach.everything || reach.teams.contains(&t));
        if !team_ok {
            return Err(AppError::forbidden(access::WRITE_ACCOUNT));
        }
        let s = settings(tx, org)?;
        row.check_in_due_at = check_in_due(&s, &row);
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &AccountInput,
        row: &mut AccountRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let current = row.clone();
        apply_fields(tx, input, row, check)?;
        if let Some(status) = &input.status {
            let current_status = AccountStatus::parse(&current.status);
            match check.enum_value::<AccountStatus>("status", Some(status)) {
                Some(AccountStatus::AtRisk) => check.push(
                    "status",
                    "status_derived",
                    "at_risk is derived from open high and critical risks; it cannot be set",
                ),
                Some(_) if current_status == Some(AccountStatus::AtRisk) => check.push(
                    "status",
                    "status_derived",
                    "the account is at_risk while it has an open or mitigating high or critical risk; resolve the risk instead",
                ),
                Some(AccountStatus::Churned) if current.own_status != "churned" => check.push(
                    "status",
                    "use_churn_action",
                    "churn an account with POST /accounts/{id}/churn",
                ),
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
        if let Some(refs) = &input.competitor_ids {
            competitors_of(tx, row.organization_id, refs, check)?;
        }
        if !check.is_clean() {
            return Ok(());
        }
        if row.owner_id != current.owner_id || row.team_id != current.team_id {
            let caller = tx.caller()?;
            authorize_reassign(tx, caller, &current, row.team_id)?;
        }
        derive(tx, row)
    }

    fn may_write(tx: &mut Tx, row: &AccountRow) -> Result<(), AppError> {
        let caller = tx.caller()?;
        access::require_write(tx, caller, row).map(drop)
    }

    fn created(tx: &mut Tx, row: &AccountRow, input: &AccountCreate) -> Result<(), AppError> {
        let refs = input.competitor_ids.as_deref().unwrap_or(&[]);
        set_competitors(tx, row, refs)
    }

    fn updated(
        tx: &mut Tx,
        before: &AccountRow,
        after: &AccountRow,
        patch: &AccountInput,
    ) -> Result<(), AppError> {
        if after.owner_id != before.owner_id || after.team_id != before.team_id {
            record_owner_change(tx, before, after.owner_id, after.team_id)?;
        }
        match &patch.competitor_ids {
            Some(refs) => set_competitors(tx, after, refs),
            None => Ok(()),
        }
    }

    fn views(tx: &mut Tx, rows: Vec<AccountRow>) -> Result<Vec<AccountView>, AppError> {
        views(tx, rows, None)
    }

    fn filter(_tx: &mut Tx, _query: &()) -> Result<(), AppError> {
        Ok(())
    }
}

/// The fields create and change share, applied to `row`; broken rules into `check`.
/// The most tags and competitors one account carries.
const MAX_TAGS: usize = 50;
const MAX_COMPETITORS: usize = 50;

fn apply_fields(
    tx: &mut Tx,
    input: &AccountInput,
    row: &mut AccountRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    if let Some(name) = &input.name {
        row.name = check.required("name", Some(name), 200);
        row.name_key = crate::domain::crm::name_key(&row.name);
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
        check.max_items("tags", tags.len(), MAX_TAGS);
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
    if let Some(idents) = &input.bank_accounts {
        row.bank_accounts = bank_accounts_json(check, idents);
    }
    if let Some(fields) = &input.custom_fields {
        row.custom_fields = custom_fields_json(check, "custom_fields", fields);
    }
    if let Some(v) = input.check_in_every_days {
        check.range("check_in_every_days", v.map(i64::from), 1, 3650);
        row.check_in_every_days = v;
    }
    if let Some(owner) = input.owner_id {
        row.owner_id = check_user(tx, org, "owner_id", owner, check)?;
    }
    if let Some(team) = input.team_id {
        row.team_id = check_team(tx, org, "team_id", team, check)?;
    }
    Ok(())
}

/// Custom fields as stored (a JSON object as text), at most 16 KiB (`too_large`).
pub fn custom_fields_json(
    check: &mut Check,
    field: &str,
    fields: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let doc = serde_json::to_string(fields).unwrap_or_else(|_| "{}".into());
    if doc.len() > 16_384 {
        check.push(field, "too_large", "must be at most 16 KiB of JSON");
    }
    doc
}

/// The competitors named by id or name (new names are created), without repeats.
fn competitors_of(
    tx: &mut Tx,
    org: OrganizationId,
    refs: &[String],
    check: &mut Check,
) -> Result<Vec<CompetitorId>, AppError> {
    let mut ids = Vec::new();
    if refs.len() > MAX_COMPETITORS {
        check.max_items("competitor_ids", refs.len(), MAX_COMPETITORS);
        return Ok(ids);
    }
    for (i, r) in refs.iter().enumerate() {
        if let Some(id) = resolve_competitor(tx, org, &format!("competitor_ids[{i}]"), r, check)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

/// Replaces the account's competitors with those `refs` name (already checked).
fn set_competitors(tx: &mut Tx, row: &AccountRow, refs: &[String]) -> Result<(), AppError> {
    let mut check = Check::new();
    let ids = competitors_of(tx, row.organization_id, refs, &mut check)?;
    check.finish()?;
    db::crm::accounts::set_competitors(tx, row.organization_id, row.id, &ids)?;
    Ok(())
}

/// Adds `competitor` to the account's competitors (a competitor-threat risk names one the
/// account did not list yet), as a change of the account.
pub fn add_competitor(
    tx: &mut Tx,
    org: OrganizationId,
    account_id: ClientAccountId,
    competitor: CompetitorId,
) -> Result<(), AppError> {
    let ids: Vec<CompetitorId> = db::crm::accounts::competitor_ids(tx, org, &[account_id])?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    if ids.contains(&competitor) {
        return Ok(());
    }
    let current = db::crm::accounts::find(tx, org, account_id)?;
    let before = view_one(tx, current.clone(), None)?;
    let mut with: Vec<CompetitorId> = ids;
    with.push(competitor);
    db::crm::accounts::set_competitors(tx, org, account_id, &with)?;
    let mut row = current.clone();
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::accounts::save(tx, &row, current.version)? {
        return Err(AppError::unavailable(
            "the account changed concurrently; retry",
        ));
    }
    let after = view_one(tx, row, None)?;
    tx.record(Change::updated(
        Account::NAME,
        account_id.0,
        &before,
        &after,
    ));
    Ok(())
}

// ---- use cases ----

/// `GET /accounts/{id}`: the account with its health as of a day (default today).
pub async fn get(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    params: AsOfParams,
) -> Result<AccountView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let row = load_account(tx, caller, id)?;
        view_one(tx, row, params.as_of)
    })
    .await
}

/// `GET /accounts`: a page of accounts, by creation, name or last change.
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    params: AccountListParams,
) -> Result<Page<AccountView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let (field, descending) = parse_sort(
            params.sort.map(AccountListSort::as_str),
            &["created_at", "name", "updated_at", "health_score"],
            "created_at",
        )?;
        let by_health = params.by_health(field);
        let sort = match field {
            "name" => AccountSort::Name,
            "updated_at" => AccountSort::UpdatedAt,
            _ => AccountSort::CreatedAt,
        };
        let mut check = Check::new();
        check.enum_value::<AccountStatus>("query:status", params.status.as_deref());
        check.enum_value::<Tier>("query:tier", params.tier.as_deref());
        if let Some(g) = params.health_grade.as_deref() {
            if !matches!(g, "healthy" | "watch" | "poor") {
                check.push(
                    "query:health_grade",
                    "invalid_enum",
                    "must be one of: healthy, watch, poor",
                );
            }
        }
        for (name, v) in [
            ("query:health_score_min", params.health_score_min),
            ("query:health_score_max", params.health_score_max),
        ] {
            if v.is_some_and(|v| v > 100) {
                check.push(name, "out_of_range", "must be between 0 and 100");
            }
        }
        check.finish()?;
        let mut filter = AccountFilter {
            q: params
                .q
                .as_deref()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_owned),
            owner_id: params.owner_id.map(UserId),
            team_id: params.team_id.map(TeamId),
            status: params.status.clone(),
            tier: params.tier.clone(),
            is_customer: params.is_customer,
            is_vendor: params.is_vendor,
            updated_since: params.updated_since.map(|t| t.naive_utc()),
            include_archived: params.include_archived,
            ..Default::default()
        };
        let filters = format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}",
            filter,
            params.check_in_overdue,
            params.health_grade,
            params.health_score_min,
            params.health_score_max
        );
        let page = PageRequest::new(
            &page,
            params.sort.map_or("created_at", AccountListSort::as_str),
            &filters,
        )?;
        let now = db::now();
        match params.check_in_overdue {
            Some(true) => filter.check_in_due_before = Some(now),
            Some(false) => filter.check_in_not_due_before = Some(now),
            None => {}
        }
        if by_health {
            // Health is computed on read: score every matching account, then filter, sort and
            // page in memory on the same (value, id) keys a cursor carries.
            let rows = db::crm::accounts::list(
                tx,
                caller.org,
                &filter,
                sort,
                false,
                None,
                HEALTH_LIST_CAP + 1,
            )?;
            if rows.len() as i64 > HEALTH_LIST_CAP {
                // Never a page of some of them passed off as all of them.
                return Err(AppError::field(
                    "too_many_to_rank",
                    "query:sort",
                    format!(
                        "health is computed on read, so a list sorted or filtered by it ranks at \
                         most {HEALTH_LIST_CAP} accounts; narrow it (owner_id, team_id, tier, \
                         status) first"
                    ),
                ));
            }
            let key = |a: &AccountView| match field {
                "health_score" => (
                    a.health
                        .score
                        .map(|s| format!("{s:03}"))
                        .unwrap_or_default(),
                    a.id,
                ),
                "name" => (a.name.clone(), a.id),
                "updated_at" => (
                    a.updated_at.naive_utc().format(CURSOR_TIME).to_string(),
                    a.id,
                ),
                _ => (String::new(), a.id),
            };
            let mut views: Vec<AccountView> = views(tx, rows, None)?
                .into_iter()
                .filter(|a| params.health_matches(&a.health))
                .collect();
            views.sort_by(|a, b| {
                let o = key(a).cmp(&key(b));
                if descending {
                    o.reverse()
                } else {
                    o
                }
            });
            if let Some(after) = &page.after {
                views.retain(|a| {
                    let k = key(a);
                    if descending {
                        k < *after
                    } else {
                        k > *after
                    }
                });
            }
            views.truncate(page.fetch() as usize);
            return Ok(page.page(views, key, |a| a));
        }
        let after = page.after.clone().map(|(v, i)| (v, ClientAccountId(i)));
        let rows = db::crm::accounts::list(
            tx,
            caller.org,
            &filter,
            sort,
            descending,
            after,
            page.fetch(),
        )?;
        let views = views(tx, rows, None)?;
        Ok(page.page(
            views,
            |a| match sort {
                AccountSort::Name => (a.name.clone(), a.id),
                AccountSort::UpdatedAt => (
                    a.updated_at.naive_utc().format(CURSOR_TIME).to_string(),
                    a.id,
                ),
                AccountSort::CreatedAt => (String::new(), a.id),
            },
            |a| a,
        ))
    })
    .await
}

/// `DELETE /accounts/{id}`: archives; the account leaves lists but its history stays.
pub async fn archive(app: &App, cx: &Context, id: ClientAccountId) -> Result<(), AppError> {
    app.write(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteCrm)?;
        let current = access::writable_account(tx, caller, id)?;
        if current.archived_at.is_some() {
            return Ok(());
        }
        let before = view_one(tx, current.clone(), None)?;
        let mut row = current.clone();
        row.archived_at = Some(db::now());
        row.version += 1;
        row.updated_at = db::now();
        db::crm::accounts::save(tx, &row, current.version)?;
        let after = view_one(tx, row, None)?;
        tx.record(Change::updated(Account::NAME, id.0, &before, &after).as_event("archived"));
        Ok(())
    })
    .await
}

/// `POST /accounts/{id}/churn`: with the reason and the competitor it was lost to.
pub async fn churn(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    input: ChurnInput,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| Outcome::ok(&churn_in(tx, id, input)?))
        .await
}

pub fn churn_in(
    tx: &mut Tx,
    id: ClientAccountId,
    input: ChurnInput,
) -> Result<AccountView, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteCrm)?;
    let current = access::writable_account(tx, caller, id)?;
    let org = caller.org;
    let mut check = Check::new();
    let reason = check.required("reason", Some(&input.reason), 2000);
    let lost_to = match &input.lost_to_competitor_id {
        Some(r) => resolve_competitor(tx, org, "lost_to_competitor_id", r, &mut check)?,
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
    let before = view_one(tx, current.clone(), None)?;
    let mut row = current.clone();
    row.own_status = AccountStatus::Churned.as_str().into();
    row.status = AccountStatus::Churned.as_str().into();
    row.churn_reason = Some(reason);
    row.churned_on = Some(on);
    row.lost_to_competitor_id = lost_to;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::accounts::save(tx, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    let after = view_one(tx, row, None)?;
    tx.record(Change::updated(Account::NAME, id.0, &before, &after).as_event("churned"));
    Ok(after)
}

/// A client's bank accounts, checked (IBANs by ISO 13616, numbers 1 to 34 characters) and
/// normalized (capitals without spaces), deduplicated, as the stored JSON array.
fn bank_accounts_json(check: &mut Check, idents: &[String]) -> String {
    if idents.len() > 20 {
        check.push("bank_accounts", "too_many", "at most 20 bank accounts");
    }
    let mut clean: Vec<String> = Vec::new();
    for (i, raw) in idents.iter().enumerate() {
        let ident = crate::domain::banking::account_identifier(raw);
        if crate::domain::crm::looks_like_iban(raw) {
            if crate::domain::banking::valid_iban(&ident).is_none() {
                check.push(
                    format!("bank_accounts[{i}]"),
                    "invalid_iban",
                    "not a valid IBAN (ISO 13616 check digits)",
                );
                continue;
            }
        } else if ident.is_empty() || ident.chars().count() > 34 {
            check.push(
                format!("bank_accounts[{i}]"),
                "length",
                "an IBAN, or an account number of 1 to 34 characters",
            );
            continue;
        }
        if !clean.contains(&ident) {
            clean.push(ident);
        }
    }
    serde_json::to_string(&clean).unwrap_or_else(|_| "[]".into())
}

// ---- views ----

pub fn view_one(
    tx: &mut Tx,
    row: AccountRow,
    as_of: Option<NaiveDate>,
) -> Result<AccountView, AppError> {
    views(tx, vec![row], as_of)?
        .pop()
        .ok_or_else(|| AppError::internal("account view lost"))
}

/// Views of `rows` with their competitors and health, loading what health reads in batches.
pub fn views(
    tx: &mut Tx,
    rows: Vec<AccountRow>,
    as_of: Option<NaiveDate>,
) -> Result<Vec<AccountView>, AppError> {
    let org = tx.caller()?.org;
    let s = settings(tx, org)?;
    let ids: Vec<ClientAccountId> = rows.iter().map(|r| r.id).collect();
    let mut competitors: std::collections::HashMap<ClientAccountId, Vec<Uuid>> = Default::default();
    for (a, c) in db::crm::accounts::competitor_ids(tx, org, &ids)? {
        competitors.entry(a).or_default().push(c.0);
    }
    let mut healths = health_of(tx, org, &s, &rows, as_of)?;
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
                bank_accounts: serde_json::from_str(&r.bank_accounts).unwrap_or_default(),
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

// ---- derived state ----

pub fn cadence_days(settings: &CrmSettings, account: &AccountRow) -> i32 {
    account
        .check_in_every_days
        .unwrap_or_else(|| settings.cadence(&account.tier))
}

/// When the next check-in is due: the cadence after the last one (or after creation).
pub fn check_in_due(settings: &CrmSettings, account: &AccountRow) -> NaiveDateTime {
    let from = account.last_check_in_at.unwrap_or(account.created_at);
    from + Duration::days(i64::from(cadence_days(settings, account)))
}

const CHECK_IN_KINDS: [InteractionKind; 5] = [
    InteractionKind::Call,
    InteractionKind::Meeting,
    InteractionKind::Email,
    InteractionKind::CheckIn,
    InteractionKind::Visit,
];

/// Sets what interactions and risks derive on `account`: the last check-in, the next due
/// date and the at-risk status.
fn derive(tx: &mut Tx, account: &mut AccountRow) -> Result<(), AppError> {
    let (org, id) = (account.organization_id, account.id);
    let s = settings(tx, org)?;
    let kinds: Vec<&str> = CHECK_IN_KINDS.iter().map(|k| k.as_str()).collect();
    let last = db::crm::interactions::last_check_in(tx, org, id, &kinds)?;
    let severities: Vec<&str> = Severity::ALL
        .iter()
        .filter(|s| s.puts_account_at_risk())
        .map(|s| s.as_str())
        .collect();
    let at_risk = db::crm::risks::has_live_risk(tx, org, id, &severities)?;
    let own = AccountStatus::parse(&account.own_status).unwrap_or(AccountStatus::Active);
    account.status = crate::domain::crm::effective_status(own, at_risk)
        .as_str()
        .to_owned();
    account.last_check_in_at = last;
    account.check_in_due_at = check_in_due(&s, account);
    Ok(())
}

/// Recomputes the derived state of an account (see [`derive`]) and saves it when it changed.
pub fn refresh_account(
    tx: &mut Tx,
    org: OrganizationId,
    account_id: ClientAccountId,
) -> Result<AccountRow, AppError> {
    let mut account = db::crm::accounts::find(tx, org, account_id)?;
    let derived = |a: &AccountRow| (a.last_check_in_at, a.check_in_due_at, a.status.clone());
    let before = derived(&account);
    derive(tx, &mut account)?;
    let after = derived(&account);
    if before != after {
        let v = account.version;
        account.version += 1;
        account.updated_at = db::now();
        if !db::crm::accounts::save(tx, &account, v)? {
            return Err(AppError::unavailable(
                "the account changed concurrently; retry",
            ));
        }
        let state = |(last, due, status): (Option<NaiveDateTime>, NaiveDateTime, String)| {
            serde_json::json!({
                "last_check_in_at": last.map(|t| t.and_utc()),
                "next_check_in_due_at": due.and_utc(),
                "status": status,
            })
        };
        tx.record(Change::updated(
            Account::NAME,
            account_id.0,
            &state(before),
            &state(after),
        ));
    }
    Ok(account)
}
