//! `/crm/settings`: how an organization weighs account health and how often each tier of
//! account is checked in with. Missing keys take the defaults; a cadence change moves every
//! account's next check-in in the same unit of work.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts::check_in_due;
use crate::app::error::{AppError, Check};
use crate::app::unit_of_work::{Change, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::{self};
use crate::domain::crm::{TextEnum, Tier};
use crate::domain::health::{FactorKey, HealthSettings};
use crate::domain::ids::OrganizationId;

/// The organization's CRM settings; missing keys take the defaults.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CrmSettings {
    /// Weight of each health factor (0-100), by factor key.
    #[schema(schema_with = health_weights_schema)]
    pub health_weights: BTreeMap<String, u32>,
    /// Scores at or above this are `healthy`.
    #[schema(minimum = 1, maximum = 100)]
    pub healthy_from: u32,
    /// Scores at or above this (below `healthy_from`) are `watch`; below, `poor`.
    #[schema(minimum = 0, maximum = 100)]
    pub watch_from: u32,
    /// Default check-in cadence in days per tier (`key`, `strategic`, `standard`).
    #[schema(schema_with = cadence_schema)]
    pub check_in_days_by_tier: BTreeMap<String, i32>,
    /// Default account-plan review cadence in days per tier (`key`, `strategic`, `standard`).
    #[schema(schema_with = plan_review_schema)]
    pub plan_review_days_by_tier: BTreeMap<String, i32>,
    #[serde(default)]
    pub version: i64,
}

/// An object whose keys are `keys`, each an integer from `min` to `max`, none required.
fn keyed_integers(
    keys: impl IntoIterator<Item = &'static str>,
    min: i64,
    max: i64,
    description: &str,
) -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
    keys.into_iter()
        .fold(ObjectBuilder::new().schema_type(Type::Object), |b, key| {
            b.property(
                key,
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(min))
                    .maximum(Some(max)),
            )
        })
        .additional_properties(Some(AdditionalProperties::FreeForm(false)))
        .description(Some(description))
        .build()
}

fn health_weights_schema() -> utoipa::openapi::schema::Object {
    keyed_integers(
        FactorKey::ALL.map(FactorKey::as_str),
        0,
        100,
        "Weight of each health factor (0-100), by factor key; a factor left out keeps its default.",
    )
}

fn cadence_schema() -> utoipa::openapi::schema::Object {
    keyed_integers(
        Tier::ALL.iter().map(|t| t.as_str()),
        1,
        3650,
        "Default check-in cadence in days (1-3650) per tier; a tier left out keeps its default.",
    )
}

fn plan_review_schema() -> utoipa::openapi::schema::Object {
    keyed_integers(
        Tier::ALL.iter().map(|t| t.as_str()),
        1,
        3650,
        "Default account-plan review cadence in days (1-3650) per tier; a tier left out keeps its default.",
    )
}

/// The default account-plan review cadence of a tier, in days.
fn default_plan_review_days(tier: Option<Tier>) -> i32 {
    match tier {
        Some(Tier::Key) => 30,
        Some(Tier::Strategic) => 60,
        _ => 90,
    }
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
            plan_review_days_by_tier: Tier::ALL
                .iter()
                .map(|t| (t.as_str().to_owned(), default_plan_review_days(Some(*t))))
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

    /// How often an account plan of a `tier` account is reviewed by default, in days.
    pub fn plan_review_cadence(&self, tier: &str) -> i32 {
        self.plan_review_days_by_tier
            .get(tier)
            .copied()
            .unwrap_or_else(|| default_plan_review_days(Tier::parse(tier)))
    }

    /// Every rule the settings break, into `check`.
    pub fn check(&self, check: &mut Check) {
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
        for (name, days) in [
            ("check_in_days_by_tier", &self.check_in_days_by_tier),
            ("plan_review_days_by_tier", &self.plan_review_days_by_tier),
        ] {
            for (k, d) in days {
                if Tier::parse(k).is_none() {
                    check.push(
                        format!("{name}.{k}"),
                        "invalid_enum",
                        format!("must be one of: {}", Tier::expected()),
                    );
                }
                check.range(&format!("{name}.{k}"), Some(i64::from(*d)), 1, 3650);
            }
        }
    }
}

/// The organization's settings as stored, completed with the defaults.
pub fn settings(tx: &mut Tx, org: OrganizationId) -> Result<CrmSettings, AppError> {
    let Some((doc, version)) = db::crm::settings::find(tx, org)? else {
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
    for (k, v) in defaults.plan_review_days_by_tier {
        s.plan_review_days_by_tier.entry(k).or_insert(v);
    }
    s.version = version;
    Ok(s)
}

/// `GET /crm/settings`.
pub async fn get(app: &App, cx: &Context) -> Result<CrmSettings, AppError> {
    app.read(cx, |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        settings(tx, caller.org)
    })
    .await
}

/// `PATCH /crm/settings`: replaces the settings (admins and owners).
pub async fn update(app: &App, cx: &Context, new: CrmSettings) -> Result<CrmSettings, AppError> {
    app.write(cx, move |tx| update_in(tx, new)).await
}

pub fn update_in(tx: &mut Tx, mut new: CrmSettings) -> Result<CrmSettings, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::ManageOrganization)?;
    let mut check = Check::new();
    new.check(&mut check);
    check.finish()?;
    let org = caller.org;
    let current = settings(tx, org)?;
    new.version = current.version + 1;
    let doc = serde_json::to_string(&new).map_err(|e| AppError::internal(e.to_string()))?;
    db::crm::settings::save(tx, org, &doc, new.version, db::now())?;
    // The cadence may have changed: every account's next check-in moves with it.
    if new.check_in_days_by_tier != current.check_in_days_by_tier {
        for mut account in db::crm::accounts::all_live(tx, org)? {
            let due = check_in_due(&new, &account);
            if due != account.check_in_due_at {
                let before = serde_json::json!({
                    "next_check_in_due_at": account.check_in_due_at.and_utc(),
                    "version": account.version,
                });
                account.check_in_due_at = due;
                let v = account.version;
                account.version += 1;
                db::crm::accounts::save(tx, &account, v)?;
                let after = serde_json::json!({
                    "next_check_in_due_at": account.check_in_due_at.and_utc(),
                    "version": account.version,
                });
                tx.record(Change::updated("account", account.id.0, &before, &after));
            }
        }
    }
    let saved = settings(tx, org)?;
    tx.record(Change::updated("crm_settings", org.0, &current, &saved));
    Ok(saved)
}
