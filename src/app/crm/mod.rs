//! Client relationships: accounts and the records an account manager keeps about them.
//! Each use case checks record-level access (see [`access`]) and runs inside the caller's
//! transaction; derived state (the at-risk status, the next check-in) is refreshed in the
//! same transaction as the write that changes it.

pub mod access;
pub mod account_records;
pub mod accounts;
pub mod competitors;
pub mod contacts;
pub mod feedback;
pub mod import;
pub mod interactions;
pub mod opportunities;
pub mod proposals;
pub mod reports;
pub mod requests;
pub mod risks;
pub mod targets;
pub mod tasks;

use crate::app::Tx;
use crate::domain::ids::{ClientAccountId, CompetitorId, OrganizationId, TeamId, UserId};
use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::error::AppError;
use crate::auth::Caller;
use crate::db::crm::accounts::AccountRow;
use crate::db::crm::deals::CompetitorRow;
use crate::db::{self};
use crate::domain::crm::{AccountStatus, InteractionKind, Severity, TextEnum, Tier};
use crate::domain::health::{FactorKey, HealthSettings};
use crate::domain::money::{Currency, Money};

pub use crate::app::not_found;

pub fn load_account(
    conn: &mut Tx,
    caller: &Caller,
    id: ClientAccountId,
) -> Result<AccountRow, AppError> {
    db::crm::accounts::find(conn, caller.org, id).map_err(|e| not_found(e, "account"))
}

pub use crate::app::error::Check;

/// A money amount for answers: the decimal string of `minor` in `currency`.
pub fn money_string(minor: i64, currency: &str) -> String {
    match Currency::parse(currency) {
        Ok(c) => Money::from_minor(minor, c).amount().to_string(),
        Err(_) => minor.to_string(),
    }
}

// ---- organization settings ----

/// The organization's CRM settings; missing keys take the defaults.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CrmSettings {
    /// Weight of each health factor (0-100), by factor key.
    #[schema(value_type = BTreeMap<String, u32>)]
    pub health_weights: BTreeMap<String, u32>,
    /// Scores at or above this are `healthy`.
    pub healthy_from: u32,
    /// Scores at or above this (below `healthy_from`) are `watch`; below, `poor`.
    pub watch_from: u32,
    /// Default check-in cadence in days per tier (`key`, `strategic`, `standard`).
    #[schema(value_type = BTreeMap<String, i32>)]
    pub check_in_days_by_tier: BTreeMap<String, i32>,
    #[serde(default)]
    pub version: i64,
}

impl Default for CrmSettings {
    fn default() -> Self {
        CrmSettings {
            health_weights: FactorKey::ALL
                .into_iter()
                .map(|k| (k.as_str().to_owned(), k.default_weight()))
                .collect(),
            healthy_from: 70,
            watch_from: 40,
            check_in_days_by_tier: [("key", 14), ("strategic", 30), ("standard", 90)]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
            version: 0,
        }
    }
}

impl CrmSettings {
    pub fn health(&self) -> HealthSettings {
        let mut weights = HealthSettings::default().weights;
        for (k, w) in &self.health_weights {
            if let Some(key) = FactorKey::parse(k) {
                weights.insert(key, *w);
            }
        }
        HealthSettings {
            weights,
            healthy_from: self.healthy_from,
            watch_from: self.watch_from,
        }
    }

    pub fn cadence(&self, tier: &str) -> i32 {
        self.check_in_days_by_tier
            .get(tier)
            .copied()
            .unwrap_or(match Tier::parse(tier) {
                Some(Tier::Key) => 14,
                Some(Tier::Strategic) => 30,
                _ => 90,
            })
    }

    pub fn validate(&self) -> Result<(), AppError> {
        let mut check = Check::default();
        for (k, w) in &self.health_weights {
            if FactorKey::parse(k).is_none() {
                check.push(
                    format!("health_weights.{k}"),
                    "unknown_factor",
                    "is not a health factor",
                );
            }
            check.range(&format!("health_weights.{k}"), Some(i64::from(*w)), 0, 100);
        }
        check.range("healthy_from", Some(i64::from(self.healthy_from)), 1, 100);
        check.range("watch_from", Some(i64::from(self.watch_from)), 0, 100);
        if self.watch_from > self.healthy_from {
            check.push(
                "watch_from",
                "thresholds_out_of_order",
                "must not be above healthy_from",
            );
        }
        for (k, d) in &self.check_in_days_by_tier {
            if Tier::parse(k).is_none() {
                check.push(
                    format!("check_in_days_by_tier.{k}"),
                    "invalid_enum",
                    format!("must be one of: {}", Tier::expected()),
                );
            }
            check.range(
                &format!("check_in_days_by_tier.{k}"),
                Some(i64::from(*d)),
                1,
                3650,
            );
        }
        check.finish()
    }
}

pub fn settings(conn: &mut Tx, org: OrganizationId) -> Result<CrmSettings, AppError> {
    let Some((doc, version)) = db::crm::settings::find(conn, org)? else {
        return Ok(CrmSettings::default());
    };
    let mut s: CrmSettings = serde_json::from_str(&doc).unwrap_or_default();
    let defaults = CrmSettings::default();
    for (k, v) in defaults.health_weights {
        s.health_weights.entry(k).or_insert(v);
    }
    for (k, v) in defaults.check_in_days_by_tier {
        s.check_in_days_by_tier.entry(k).or_insert(v);
    }
    s.version = version;
    Ok(s)
}

pub fn update_settings_in(
    conn: &mut Tx,
    caller: &Caller,
    mut new: CrmSettings,
) -> Result<CrmSettings, AppError> {
    caller.require(crate::auth::Permission::ManageOrganization)?;
    new.validate()?;
    let org = caller.org;
    let current = settings(conn, org)?;
    new.version = current.version + 1;
    let doc = serde_json::to_string(&new).map_err(|e| AppError::internal(e.to_string()))?;
    db::crm::settings::save(conn, org, &doc, new.version, db::now())?;
    // The cadence may have changed: every account's next check-in moves with it.
    if new.check_in_days_by_tier != current.check_in_days_by_tier {
        for mut account in db::crm::accounts::all_live(conn, org)? {
            let due = check_in_due(&new, &account);
            if due != account.check_in_due_at {
                account.check_in_due_at = due;
                let v = account.version;
                account.version += 1;
                db::crm::accounts::save(conn, &account, v)?;
            }
        }
    }
    settings(conn, org)
}

// ---- derived account state ----

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

/// Recomputes what interactions and risks derive on the account (last check-in, next due
/// date, at-risk status) and saves it when it changed.
pub fn refresh_account(
    conn: &mut Tx,
    org: OrganizationId,
    account_id: ClientAccountId,
) -> Result<AccountRow, AppError> {
    let mut account = db::crm::accounts::find(conn, org, account_id)?;
    let s = settings(conn, org)?;
    let kinds: Vec<&str> = CHECK_IN_KINDS.iter().map(|k| k.as_str()).collect();
    let last = db::crm::records::last_check_in(conn, org, account_id, &kinds)?;
    let severities: Vec<&str> = Severity::ALL
        .iter()
        .filter(|s| s.puts_account_at_risk())
        .map(|s| s.as_str())
        .collect();
    let at_risk = db::crm::deals::has_live_risk(conn, org, account_id, &severities)?;
    let own = AccountStatus::parse(&account.own_status).unwrap_or(AccountStatus::Active);
    let status = crate::domain::crm::effective_status(own, at_risk)
        .as_str()
        .to_owned();
    let before = (
        account.last_check_in_at,
        account.check_in_due_at,
        account.status.clone(),
    );
    account.last_check_in_at = last;
    account.check_in_due_at = check_in_due(&s, &account);
    account.status = status;
    if before
        != (
            account.last_check_in_at,
            account.check_in_due_at,
            account.status.clone(),
        )
    {
        let v = account.version;
        account.version += 1;
        account.updated_at = db::now();
        if !db::crm::accounts::save(conn, &account, v)? {
            return Err(AppError::unavailable(
                "the account changed concurrently; retry",
            ));
        }
    }
    Ok(account)
}

// ---- competitors referenced by id or name ----

/// A competitor named by id (must exist) or by name (matched case-insensitively, else created).
pub fn resolve_competitor(
    conn: &mut Tx,
    org: OrganizationId,
    field: &str,
    reference: &str,
    check: &mut Check,
) -> Result<Option<CompetitorId>, AppError> {
    let reference = reference.trim();
    if let Ok(id) = uuid::Uuid::parse_str(reference) {
        return match db::crm::deals::find_competitor(conn, org, CompetitorId(id)) {
            Ok(c) => Ok(Some(c.id)),
            Err(diesel::result::Error::NotFound) => {
                check.push(
                    field,
                    "not_found",
                    "no such competitor in your organization",
                );
                Ok(None)
            }
            Err(e) => Err(e.into()),
        };
    }
    if reference.is_empty() || reference.chars().count() > 200 {
        check.push(
            field,
            "invalid_reference",
            "a competitor's id or a name of 1 to 200 characters",
        );
        return Ok(None);
    }
    let now = db::now();
    let row = CompetitorRow {
        organization_id: org,
        id: CompetitorId(uuid::Uuid::now_v7()),
        name: reference.to_owned(),
        name_key: reference.to_lowercase(),
        website: None,
        notes: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok(Some(db::crm::deals::upsert_competitor(conn, &row)?.id))
}

/// Checks that `user` is a user of the caller's organization.
pub fn check_user(
    conn: &mut Tx,
    org: OrganizationId,
    field: &str,
    user: Option<uuid::Uuid>,
    check: &mut Check,
) -> Result<Option<UserId>, AppError> {
    let Some(u) = user else { return Ok(None) };
    if db::users::existing_ids(conn, org, &[UserId(u)])?.is_empty() {
        check.push(field, "not_found", "no such user in your organization");
    }
    Ok(Some(UserId(u)))
}

pub fn check_team(
    conn: &mut Tx,
    org: OrganizationId,
    field: &str,
    team: Option<uuid::Uuid>,
    check: &mut Check,
) -> Result<Option<TeamId>, AppError> {
    let Some(t) = team else { return Ok(None) };
    match <db::teams::TeamRow as crate::db::record::Stored>::find(conn, org, TeamId(t)) {
        Ok(_) => {}
        Err(diesel::result::Error::NotFound) => {
            check.push(field, "not_found", "no such team in your organization")
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Some(TeamId(t)))
}
