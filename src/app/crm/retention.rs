//! `GET /reports/retention?from=&to=&group_by=owner|team|tier`, and the one reading of the books
//! that it and the `retained_accounts` target share ([`standings`]). The definitions are in
//! [`crate::domain::retention`].
//!
//! What is read: two aggregate queries over the documents (each account's net invoiced
//! revenue and invoice count in the trailing window ending on `from`, and on `to`), the live
//! customer accounts among those, and the owner changes made since `from`. Groups are by the
//! owner and team an account had at the end of `from` (from the reassignment history) and by
//! its tier (tiers keep no history: the current one). Archived accounts are left out; whether
//! an account is a customer is its current flag.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, Months, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::error::{AppError, Check};
use crate::app::tabular::{Table, Tabular};
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::account_records::start_of;
use crate::db::crm::accounts::AccountRow;
use crate::db::identity::teams::TeamRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, OrganizationId, TeamId, UserId};
use crate::domain::money::Money;
use crate::domain::retention::{window, Standing, Tally};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RetentionParams {
    /// The period's first day; default a year before `to`.
    pub from: Option<NaiveDate>,
    /// The period's last day; default today (in the organization's time zone).
    pub to: Option<NaiveDate>,
    /// `owner`, `team` or `tier` (as of `from`); without it, totals only.
    #[param(inline, value_type = Option<RetentionGroupBy>)]
    pub group_by: Option<String>,
}

/// What a retention report groups its accounts by.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RetentionGroupBy {
    Owner,
    Team,
    Tier,
}

/// Retention figures of a set of accounts over the period.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RetentionFigures {
    /// Active at `from`: a customer, not churned, invoiced in the 365 days ending on `from`.
    pub accounts_at_start: i64,
    /// Active at `to`.
    pub accounts_at_end: i64,
    /// Active at `to`, not at `from`.
    pub new: i64,
    /// Active at `from`, not at `to`.
    pub lost: i64,
    /// (accounts_at_start − lost) ÷ accounts_at_start, four places; null without accounts.
    #[schema(example = "0.5000")]
    pub logo_retention: Option<String>,
    /// Σ trailing-12-month revenue at `from` of the accounts active at `from` (base currency,
    /// invoices' subtotals without tax less credit notes').
    pub revenue_at_start: String,
    /// Σ trailing-12-month revenue at `to` of the same accounts (lost ones included with what
    /// they were invoiced in the 12 months before `to`).
    pub revenue_at_end: String,
    /// Σ of each account's revenue at `to` capped at its revenue at `from`, ÷ revenue_at_start;
    /// four places, null when revenue_at_start is zero.
    #[schema(example = "0.9000")]
    pub gross_revenue_retention: Option<String>,
    /// revenue_at_end ÷ revenue_at_start; four places, null when revenue_at_start is zero.
    #[schema(example = "1.1000")]
    pub net_revenue_retention: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RetentionGroup {
    /// The owner's user id, the team id, or the tier; null for accounts without an owner or
    /// team.
    pub key: Option<String>,
    /// The owner's or team's name, or the tier.
    pub label: String,
    #[serde(flatten)]
    pub figures: RetentionFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RetentionReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub group_by: Option<String>,
    /// The base currency of the revenue figures.
    pub currency: String,
    pub totals: RetentionFigures,
    pub groups: Vec<RetentionGroup>,
}

/// An account over a period, with the owner, team and tier it is grouped by.
#[derive(Debug, Clone)]
pub struct AccountStanding {
    pub account: ClientAccountId,
    pub owner: Option<UserId>,
    pub team: Option<TeamId>,
    pub tier: String,
    pub standing: Standing,
}

/// `GET /reports/retention`.
pub async fn retention(
    app: &App,
    cx: &Context,
    params: RetentionParams,
) -> Result<RetentionReport, AppError> {
    app.snapshot(cx, move |tx| retention_in(tx, params)).await
}

fn retention_in(tx: &mut Tx, params: RetentionParams) -> Result<RetentionReport, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    let org = crate::app::ledger::org(tx, caller)?;
    let to = params.to.unwrap_or_else(|| org.today());
    let from = params
        .from
        .unwrap_or_else(|| to.checked_sub_months(Months::new(12)).unwrap_or(to));
    let mut check = Check::new();
    if to < from {
        check.push("to", "date_order", "must not be before from");
    }
    let group_by = params.group_by.filter(|g| !g.is_empty());
    if let Some(g) = &group_by {
        if !matches!(g.as_str(), "owner" | "team" | "tier") {
            check.push(
                "group_by",
                "invalid_enum",
                "must be one of: owner, team, tier",
            );
        }
    }
    check.finish()?;
    let all = standings(tx, org.id, org.timezone, from, to)?;
    let amount = |minor: i64| Money::from_minor(minor, org.base).amount().to_string();
    let figures = |t: &Tally| RetentionFigures {
        accounts_at_start: t.accounts_at_start,
        accounts_at_end: t.accounts_at_end,
        new: t.new,
        lost: t.lost,
        logo_retention: t.logo_retention(),
        revenue_at_start: amount(t.revenue_at_start),
        revenue_at_end: amount(t.revenue_at_end),
        gross_revenue_retention: t.gross_revenue_retention(),
        net_revenue_retention: t.net_revenue_retention(),
    };
    let mut totals = Tally::default();
    let mut by_key: BTreeMap<Option<String>, Tally> = BTreeMap::new();
    for s in &all {
        totals.add(&s.standing);
        let key = match group_by.as_deref() {
            Some("owner") => s.owner.map(|u| u.0.to_string()),
            Some("team") => s.team.map(|t| t.0.to_string()),
            Some(_) => Some(s.tier.clone()),
            None => continue,
        };
        by_key.entry(key).or_default().add(&s.standing);
    }
    let mut groups = Vec::new();
    for (key, tally) in by_key {
        let label = match (group_by.as_deref(), &key) {
            (_, None) => match group_by.as_deref() {
                Some("team") => "(no team)".to_owned(),
                _ => "(no owner)".to_owned(),
            },
            (Some("owner"), Some(k)) => k
                .parse::<Uuid>()
                .ok()
                .and_then(|u| db::identity::users::find(tx, org.id, UserId(u)).ok())
                .map(|u| u.name)
                .unwrap_or_default(),
            (Some("team"), Some(k)) => k
                .parse::<Uuid>()
                .ok()
                .and_then(|t| TeamRow::find(tx, org.id, TeamId(t)).ok())
                .map(|t| t.name)
                .unwrap_or_default(),
            (_, Some(k)) => k.clone(),
        };
        groups.push(RetentionGroup {
            key,
            label,
            figures: figures(&tally),
        });
    }
    Ok(RetentionReport {
        from,
        to,
        group_by,
        currency: org.base.code().into(),
        totals: figures(&totals),
        groups,
    })
}

/// Whether `a` is churned on `day`: churned on or before it (an account marked churned
/// without a date is churned on every day).
fn churned_by(a: &AccountRow, day: NaiveDate) -> bool {
    a.own_status == "churned" && a.churned_on.is_none_or(|d| d <= day)
}

/// Every live customer account active at `start` or at `end`, with its trailing revenue at
/// both and the owner, team and tier it had at the end of `start` (days in `zone`).
pub fn standings(
    tx: &mut Tx,
    org: OrganizationId,
    zone: chrono_tz::Tz,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<AccountStanding>, AppError> {
    let trailing =
        |tx: &mut Tx, day: NaiveDate| -> Result<HashMap<ClientAccountId, (i64, i64)>, AppError> {
            let (first, last) = window(day);
            Ok(
                db::crm::revenue::net_invoiced_by_account(tx, org, first, last)?
                    .into_iter()
                    .map(|(a, net, invoices)| (a, (net, invoices)))
                    .collect(),
            )
        };
    let at_start = trailing(tx, start)?;
    let at_end = trailing(tx, end)?;
    let mut ids: Vec<ClientAccountId> = at_start.keys().chain(at_end.keys()).copied().collect();
    ids.sort();
    ids.dedup();
    let accounts = db::crm::accounts::live_customers(tx, org, &ids)?;
    // The first change after `start` ended says who held the account then.
    let next_day = start_of(start + Duration::days(1));
    let cutoff = zone
        .from_local_datetime(&next_day)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(next_day);
    let mut held: HashMap<ClientAccountId, (Option<UserId>, Option<TeamId>)> = HashMap::new();
    for c in db::crm::owners::changes_since(tx, org, cutoff)? {
        held.entry(c.account_id)
            .or_insert((c.from_owner_id, c.from_team_id));
    }
    let mut out = Vec::new();
    for a in accounts {
        let (rs, is) = at_start.get(&a.id).copied().unwrap_or_default();
        let (re, ie) = at_end.get(&a.id).copied().unwrap_or_default();
        let standing = Standing {
            active_at_start: is > 0 && !churned_by(&a, start),
            active_at_end: ie > 0 && !churned_by(&a, end),
            revenue_at_start: rs,
            revenue_at_end: re,
        };
        if !standing.active_at_start && !standing.active_at_end {
            continue;
        }
        let (owner, team) = held.get(&a.id).copied().unwrap_or((a.owner_id, a.team_id));
        out.push(AccountStanding {
            account: a.id,
            owner,
            team,
            tier: a.tier,
            standing,
        });
    }
    Ok(out)
}

impl Tabular for RetentionReport {
    fn table(&self) -> Table {
        let row = |key: &str, label: &str, f: &RetentionFigures| {
            vec![
                key.to_owned(),
                label.to_owned(),
                f.accounts_at_start.to_string(),
                f.accounts_at_end.to_string(),
                f.new.to_string(),
                f.lost.to_string(),
                f.logo_retention.clone().unwrap_or_default(),
                f.revenue_at_start.clone(),
                f.revenue_at_end.clone(),
                f.gross_revenue_retention.clone().unwrap_or_default(),
                f.net_revenue_retention.clone().unwrap_or_default(),
                self.currency.clone(),
            ]
        };
        Table {
            header: vec![
                "key",
                "label",
                "accounts_at_start",
                "accounts_at_end",
                "new",
                "lost",
                "logo_retention",
                "revenue_at_start",
                "revenue_at_end",
                "gross_revenue_retention",
                "net_revenue_retention",
                "currency",
            ],
            rows: self
                .groups
                .iter()
                .map(|g| row(g.key.as_deref().unwrap_or_default(), &g.label, &g.figures))
                .chain([row("total", "Total", &self.totals)])
                .collect(),
        }
    }
}
