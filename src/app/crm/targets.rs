//! Targets: what a user or a team should reach in a period, by metric. A plain record (see
//! [`crate::app::record`]) that is created, read and deleted; admins set them, and team leads
//! for the teams they lead. A holder has one target per metric and period.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::TargetListParams;
use super::{access, check_team, check_user};
use crate::app::error::{AppError, Check};
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::targets::TargetRow;
use crate::db::{self, SqlDecimal};
use crate::domain::crm::{TargetMetric, TextEnum};
use crate::domain::ids::{TargetId, TeamId, UserId};
use crate::domain::money::{decimal_string, Money};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    pub user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(value_type = TargetMetric)]
    pub metric: String,
    /// A money string in the base currency for money metrics; a whole number for counts.
    #[schema(example = "500000.00", pattern = r"^[0-9]{1,18}(\.[0-9]{1,10})?$")]
    pub amount: String,
}

/// A change to a target: its period and amount (the holder and metric stay; delete and create
/// another to change them).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetPatch {
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    /// A money string in the base currency for money metrics; a whole number for counts.
    #[schema(example = "600000.00", pattern = r"^[0-9]{1,18}(\.[0-9]{1,10})?$")]
    pub amount: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TargetView {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(value_type = TargetMetric)]
    pub metric: String,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "500000.00")]
    pub amount: Decimal,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TargetRow> for TargetView {
    fn from(r: TargetRow) -> Self {
        TargetView {
            id: r.id.0,
            user_id: r.user_id.map(|v| v.0),
            team_id: r.team_id.map(|v| v.0),
            period_start: r.period_start,
            period_end: r.period_end,
            metric: r.metric,
            amount: r.amount.0,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// Admins set every target; a team lead those of the teams they lead (sub-teams included) and
/// the personal targets of those teams' members.
fn may_set(tx: &mut Tx, user: Option<UserId>, team: Option<TeamId>) -> Result<(), AppError> {
    let caller = tx.caller()?;
    let reach = access::Reach::of(tx, caller)?;
    if reach.everything {
        return Ok(());
    }
    if let Some(t) = team {
        if reach.leads_team(t) {
            return Ok(());
        }
        return Err(AppError::forbidden(
            "crm:targets on this team (admins and owners, or the lead of this team or of a team above it)",
        ));
    }
    if let Some(u) = user {
        let led: Vec<TeamId> = reach.led.iter().copied().collect();
        let member_of_led = db::identity::teams::members(tx, caller.org, &led)?
            .into_iter()
            .any(|(_, m)| m == u);
        if member_of_led {
            return Ok(());
        }
    }
    Err(AppError::forbidden(
        "crm:targets for this user (admins and owners, or the lead of a team this user is a member of)",
    ))
}

/// A target's amount for `metric`: money in the base currency, or a whole count.
fn parse_amount(
    tx: &mut Tx,
    metric: TargetMetric,
    amount: &str,
    check: &mut Check,
) -> Result<Decimal, AppError> {
    let caller = tx.caller()?;
    if metric.is_money() {
        let base = crate::app::ledger::org(tx, caller)?.base;
        match Money::parse(amount, base) {
            Ok(v) if !v.is_negative() => return Ok(v.amount()),
            Ok(_) => check.push("amount", "negative_amount", "must not be negative"),
            Err(e) => check.push("amount", e.code(), e.to_string()),
        }
    } else {
        match amount.parse::<u64>() {
            Ok(n) => return Ok(Decimal::from(n)),
            Err(_) => check.push(
                "amount",
                "invalid_count",
                "a whole, non-negative number as a string, such as \"12\"",
            ),
        }
    }
    Ok(Decimal::ZERO)
}

fn check_overlap(tx: &mut Tx, row: &TargetRow, except: Option<TargetId>) -> Result<(), AppError> {
    let org = row.organization_id;
    let period = (row.period_start, row.period_end);
    let overlapping = db::crm::targets::overlapping_target(
        tx,
        org,
        row.user_id,
        row.team_id,
        &row.metric,
        period,
        except,
    )?;
    if overlapping.is_some() {
        return Err(AppError::conflict(
            "target_overlaps",
            "this holder already has a target for this metric in an overlapping period",
        ));
    }
    Ok(())
}

pub struct Target;

impl Record for Target {
    const NAME: &'static str = "target";
    const COLLECTION: &'static str = "targets";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = TargetRow;
    type Create = TargetInput;
    type Patch = TargetPatch;
    type View = TargetView;
    type Query = TargetListParams;

    fn may_create(tx: &mut Tx, input: &TargetInput) -> Result<(), AppError> {
        may_set(tx, input.user_id.map(UserId), input.team_id.map(TeamId))
    }

    fn new_row(tx: &mut Tx, input: &TargetInput, check: &mut Check) -> Result<TargetRow, AppError> {
        let caller = tx.caller()?;
        let org = caller.org;
        let user = check_user(tx, org, "user_id", input.user_id, check)?;
        let team = check_team(tx, org, "team_id", input.team_id, check)?;
        if user.is_some() == team.is_some() {
            check.push(
                "user_id",
                "one_holder",
                "a target belongs to exactly one of user_id and team_id",
            );
        }
        if input.period_end < input.period_start {
            check.push(
                "period_end",
                "date_order",
                "must not be before period_start",
            );
        }
        let metric = check.enum_value::<TargetMetric>("metric", Some(&input.metric));
        let amount = match metric {
            Some(m) => parse_amount(tx, m, &input.amount, check)?,
            None => Decimal::ZERO,
        };
        let metric = metric.map(|m| m.as_str()).unwrap_or_default();
        let now = db::now();
        let row = TargetRow {
            organization_id: org,
            id: TargetId::new(),
            user_id: user,
            team_id: team,
            period_start: input.period_start,
            period_end: input.period_end,
            metric: metric.into(),
            amount: SqlDecimal(amount),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        if check.is_clean() {
            check_overlap(tx, &row, None)?;
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        patch: &TargetPatch,
        row: &mut TargetRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if let Some(d) = patch.period_start {
            row.period_start = d;
        }
        if let Some(d) = patch.period_end {
            row.period_end = d;
        }
        if row.period_end < row.period_start {
            let field = if patch.period_end.is_some() {
                "period_end"
            } else {
                "period_start"
            };
            check.push(
                field,
                "date_order",
                "period_end must not be before period_start",
            );
        }
        if let (Some(a), Some(m)) = (&patch.amount, TargetMetric::parse(&row.metric)) {
            row.amount = SqlDecimal(parse_amount(tx, m, a, check)?);
        }
        if check.is_clean() {
            check_overlap(tx, row, Some(row.id))?;
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &TargetRow) -> Result<(), AppError> {
        may_set(tx, row.user_id, row.team_id)
    }

    fn views(tx: &mut Tx, rows: Vec<TargetRow>) -> Result<Vec<TargetView>, AppError> {
        // Money at the base currency's scale, counts whole (PostgreSQL keeps NUMERIC's scale).
        let caller = tx.caller()?;
        let base = crate::app::ledger::org(tx, caller)?.base;
        Ok(rows
            .into_iter()
            .map(|r| {
                let money = TargetMetric::parse(&r.metric).is_some_and(|m| m.is_money());
                let mut v = TargetView::from(r);
                v.amount = if money {
                    v.amount.round_dp(base.exponent())
                } else {
                    v.amount.normalize()
                };
                if money {
                    v.amount.rescale(base.exponent());
                }
                v
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &TargetListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &TargetListParams) -> Option<&str> {
        q.sort()
    }
}
