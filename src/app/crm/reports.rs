//! `GET /reports/performance` and `GET /reports/sales`: what the CRM reads across accounts,
//! their records and the books for a period, each in one snapshot. An account manager sees
//! their own row of the performance report and the teams they lead.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::access::Reach;
use super::pipeline::{self, Counted, PeriodOpportunities, RateUsed, Unconverted};
use super::retention::{self, AccountStanding};
use crate::app::error::AppError;
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::crm::report_figures::Holder;
use crate::db::identity::teams::TeamRow;
use crate::db::identity::users::{UserFilter, UserSort};
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::crm::{TargetMetric, TextEnum};
use crate::domain::identity::Role;
use crate::domain::ids::{
    ClientAccountId, OpportunityId, OrganizationId, TargetId, TeamId, UserId,
};
use crate::domain::money::{Currency, Money};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// First day (inclusive); default the start of this year.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); default today.
    pub to: Option<NaiveDate>,
    /// Sales only: `account`, `owner` (default) or `month`.
    pub group_by: Option<String>,
}

impl PeriodParams {
    /// The period asked for: this year to date unless it says otherwise.
    fn period(&self) -> (NaiveDate, NaiveDate) {
        let today = Utc::now().date_naive();
        let from = self
            .from
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
        (from, self.to.unwrap_or(today))
    }
}

fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), AppError> {
    if to < from {
        return Err(AppError::field(
            "date_order",
            "to",
            "must not be before from",
        ));
    }
    Ok(())
}

/// `GET /reports/performance`.
pub async fn performance(
    app: &App,
    cx: &Context,
    params: PeriodParams,
) -> Result<PerformanceReport, AppError> {
    let (from, to) = params.period();
    app.snapshot(cx, move |tx| performance_in(tx, from, to))
        .await
}

/// `GET /reports/sales`.
pub async fn sales(app: &App, cx: &Context, params: PeriodParams) -> Result<SalesReport, AppError> {
    let (from, to) = params.period();
    let group_by = params.group_by.unwrap_or_else(|| "owner".into());
    app.snapshot(cx, move |tx| sales_in(tx, from, to, &group_by))
        .await
}

// ---- performance ----

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetAttainment {
    pub metric: String,
    pub amount: String,
    pub actual: String,
    /// actual / amount, as a decimal string (1.0 = met); null for a zero target.
    pub attainment: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PerformanceRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_id: Option<Uuid>,
    pub name: String,
    pub title: Option<String>,
    pub accounts_managed: i64,
    pub at_risk_accounts: i64,
    pub interactions: i64,
    /// Mean CSAT (1-5) in the period, as a decimal string; null without CSAT.
    pub avg_csat: Option<String>,
    /// Net promoter score (-100..100) in the period; null without NPS answers.
    pub nps: Option<i64>,
    pub open_risks: i64,
    /// Σ amount × probability of the open opportunities expected to close in the period, in
    /// the base currency (the same definition as the sales report's).
    pub pipeline_weighted: String,
    /// Amounts of opportunities closed won in the period.
    pub won_amount: String,
    /// Subtotals (without tax, base currency) of invoices issued in the period and credited to
    /// this manager or team when issued, less the subtotals of credit notes issued in the
    /// period and credited likewise.
    pub revenue_invoiced: String,
    /// Payments allocated in the period (by allocation date) to invoices credited to this
    /// manager or team, without their tax share: each allocation's base amount (at the
    /// invoice's rate) × the invoice's base subtotal ÷ base total.
    pub revenue_collected: String,
    pub targets: Vec<TargetAttainment>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PerformanceReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub currency: String,
    pub managers: Vec<PerformanceRow>,
    pub teams: Vec<PerformanceRow>,
    /// The rates opportunities in other currencies were converted at (the organization's
    /// rate in force on `to`).
    pub exchange_rates: Vec<RateUsed>,
    /// Opportunities that count in the period but have no rate by `to`: in no figure.
    pub unconverted: Vec<Unconverted>,
}

/// What the performance report adds up for the accounts of one holder (owner and team).
#[derive(Debug, Clone, Default)]
struct Tally {
    accounts: i64,
    at_risk: i64,
    /// Accounts created in the period.
    created: i64,
    interactions: i64,
    csat_answers: i64,
    csat_sum: i64,
    nps_answers: i64,
    promoters: i64,
    detractors: i64,
    open_risks: i64,
    pipeline: Decimal,
    won: Decimal,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.accounts += o.accounts;
        self.at_risk += o.at_risk;
        self.created += o.created;
        self.interactions += o.interactions;
        self.csat_answers += o.csat_answers;
        self.csat_sum += o.csat_sum;
        self.nps_answers += o.nps_answers;
        self.promoters += o.promoters;
        self.detractors += o.detractors;
        self.open_risks += o.open_risks;
        self.pipeline += o.pipeline;
        self.won += o.won;
    }

    /// The sum of the tallies whose holder `credited` selects.
    fn of(tallies: &HashMap<Holder, Tally>, credited: impl Fn(&Holder) -> bool) -> Tally {
        let mut sum = Tally::default();
        for (_, t) in tallies.iter().filter(|(h, _)| credited(h)) {
            sum.add(t);
        }
        sum
    }
}

/// The period's figures of the live accounts, summed by the database per holder, and the
/// opportunities counting in the period (with the rates they were converted at).
fn tallies(
    tx: &mut Tx,
    org: OrganizationId,
    base: Currency,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(HashMap<Holder, Tally>, PeriodOpportunities), AppError> {
    use db::crm::report_figures as figures;
    let start = from.and_time(NaiveTime::MIN);
    let until = to.succ_opt().unwrap_or(to).and_time(NaiveTime::MIN);
    let mut out: HashMap<Holder, Tally> = HashMap::new();
    for (h, n, at_risk) in figures::accounts_by_holder(tx, org)? {
        let t = out.entry(h).or_default();
        t.accounts = n;
        t.at_risk = at_risk;
    }
    for (h, n) in figures::accounts_created_by_holder(tx, org, start, until)? {
        out.entry(h).or_default().created = n;
    }
    for (h, n) in figures::interactions_by_holder(tx, org, start, until)? {
        out.entry(h).or_default().interactions = n;
    }
    for f in figures::feedback_by_holder(tx, org, from, to)? {
        let t = out.entry(f.holder).or_default();
        t.csat_answers = f.csat_answers;
        t.csat_sum = f.csat_sum;
        t.nps_answers = f.nps_answers;
        t.promoters = f.promoters;
        t.detractors = f.detractors;
    }
    for (h, n) in figures::open_risks_by_holder(tx, org)? {
        out.entry(h).or_default().open_risks = n;
    }
    let counting = figures::opportunities_counting_between(tx, org, from, to)?;
    let holders: HashMap<OpportunityId, Holder> = counting
        .iter()
        .map(|r| (r.opportunity.id, r.account_holder))
        .collect();
    let rows: Vec<OpportunityRow> = counting.into_iter().map(|r| r.opportunity).collect();
    let opportunities = pipeline::period_opportunities(tx, org, base, &rows, from, to)?;
    for o in &opportunities.counted {
        let Some(h) = holders.get(&o.id) else {
            continue;
        };
        let t = out.entry(*h).or_default();
        match o.counted {
            Counted::Won => t.won += o.amount,
            Counted::Lost => {}
            Counted::Pipeline => t.pipeline += o.weighted,
        }
    }
    Ok((out, opportunities))
}

fn money(base: Currency, d: Decimal) -> String {
    Money::new(d.round_dp(base.exponent()), base)
        .map(|m| m.amount().to_string())
        .unwrap_or_else(|_| d.to_string())
}

fn row_for(t: &Tally, base: Currency) -> PerformanceRow {
    PerformanceRow {
        user_id: None,
        team_id: None,
        name: String::new(),
        title: None,
        accounts_managed: t.accounts,
        at_risk_accounts: t.at_risk,
        interactions: t.interactions,
        avg_csat: (t.csat_answers > 0).then(|| {
            (Decimal::from(t.csat_sum) / Decimal::from(t.csat_answers))
                .round_dp(2)
                .to_string()
        }),
        nps: (t.nps_answers > 0).then(|| (t.promoters - t.detractors) * 100 / t.nps_answers),
        open_risks: t.open_risks,
        pipeline_weighted: money(base, t.pipeline),
        won_amount: money(base, t.won),
        revenue_invoiced: money(base, Decimal::ZERO),
        revenue_collected: money(base, Decimal::ZERO),
        targets: vec![],
    }
}

fn attainment(
    base: Currency,
    row: &PerformanceRow,
    created: i64,
    t: &db::crm::targets::TargetRow,
    retained: &HashMap<TargetId, Decimal>,
) -> TargetAttainment {
    let actual: Decimal = match t.metric.as_str() {
        "won_amount" => row.won_amount.parse().unwrap_or_default(),
        "new_accounts" => Decimal::from(created),
        "revenue_invoiced" => row.revenue_invoiced.parse().unwrap_or_default(),
        "revenue_collected" => row.revenue_collected.parse().unwrap_or_default(),
        "retained_accounts" => retained.get(&t.id).copied().unwrap_or_default(),
        _ => Decimal::ZERO,
    };
    let is_money = matches!(
        t.metric.as_str(),
        "won_amount" | "revenue_invoiced" | "revenue_collected"
    );
    let fmt = |d: Decimal| {
        if is_money {
            money(base, d)
        } else {
            d.normalize().to_string()
        }
    };
    TargetAttainment {
        metric: t.metric.clone(),
        amount: fmt(t.amount.0),
        actual: fmt(actual),
        attainment: (!t.amount.0.is_zero())
            .then(|| (actual / t.amount.0).round_dp(4).normalize().to_string()),
    }
}

/// A team and the teams below it.
fn subtree_of(parents: &HashMap<TeamId, Option<TeamId>>, team: TeamId) -> HashSet<TeamId> {
    let mut subtree: HashSet<TeamId> = [team].into_iter().collect();
    for _ in 0..parents.len() {
        for (t, p) in parents {
            if p.is_some_and(|p| subtree.contains(&p)) {
                subtree.insert(*t);
            }
        }
    }
    subtree
}

/// The actual of each `retained_accounts` target: retention over the target's own period
/// (up to today when it has not ended), as the retention report defines it: the accounts
/// active at the period's start that are still active at its end, held by the target's user
/// (or by its team or a team below it) at the start. A period that has not begun retains none.
fn retained_by_target(
    tx: &mut Tx,
    org: OrganizationId,
    targets: &[db::crm::targets::TargetRow],
) -> Result<HashMap<TargetId, Decimal>, AppError> {
    let mut out = HashMap::new();
    let wanted: Vec<&db::crm::targets::TargetRow> = targets
        .iter()
        .filter(|t| t.metric == TargetMetric::RetainedAccounts.as_str())
        .collect();
    if wanted.is_empty() {
        return Ok(out);
    }
    let zone = crate::app::ledger::org_by_id(tx, org)?.timezone;
    let today = crate::app::organization::today_in(zone);
    let parents: HashMap<TeamId, Option<TeamId>> =
        db::identity::teams::parents(tx, org)?.into_iter().collect();
    let mut periods: HashMap<(NaiveDate, NaiveDate), Vec<AccountStanding>> = HashMap::new();
    for t in wanted {
        let (start, end) = (t.period_start, t.period_end.min(today));
        if end < start {
            out.insert(t.id, Decimal::ZERO);
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = periods.entry((start, end)) {
            slot.insert(retention::standings(tx, org, zone, start, end)?);
        }
        let teams = t.team_id.map(|team| subtree_of(&parents, team));
        let kept = periods
            .get(&(start, end))
            .into_iter()
            .flatten()
            .filter(|s| s.standing.active_at_start && s.standing.active_at_end)
            .filter(|s| match (&teams, t.user_id) {
                (Some(teams), _) => s.team.is_some_and(|x| teams.contains(&x)),
                (None, Some(u)) => s.owner == Some(u),
                (None, None) => false,
            })
            .count();
        out.insert(t.id, Decimal::from(kept as i64));
    }
    Ok(out)
}

/// Revenue of one document in the period, credited to the owner and team it recorded at issue.
struct Attributed {
    account: ClientAccountId,
    /// The issue date of a document, the allocation date of a collection.
    day: NaiveDate,
    owner: Option<UserId>,
    team: Option<TeamId>,
    /// Base minor units: + an invoice's subtotal, − a credit note's.
    invoiced: i64,
    /// Base minor units collected without tax.
    collected: i64,
}

/// `minor × part ÷ whole`, rounded half away from zero to the minor unit.
fn prorate(minor: i64, part: i64, whole: i64) -> i64 {
    if whole == 0 {
        return 0;
    }
    let share = Decimal::from(minor) * Decimal::from(part) / Decimal::from(whole);
    share
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .try_into()
        .unwrap_or_default()
}

/// Revenue invoiced and collected in [from, to], one item per document or allocation.
fn attributed_revenue(
    tx: &mut Tx,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Attributed>, AppError> {
    let mut out: Vec<Attributed> = db::crm::revenue::receivables_issued_between(tx, org, from, to)?
        .into_iter()
        .map(|d| Attributed {
            account: d.account_id,
            day: d.issue_date,
            owner: d.owner_id,
            team: d.team_id,
            invoiced: if d.kind == "invoice" {
                d.base_subtotal_minor
            } else {
                -d.base_subtotal_minor
            },
            collected: 0,
        })
        .collect();
    for c in db::crm::revenue::collections_between(tx, org, from, to)? {
        out.push(Attributed {
            account: c.account_id,
            day: c.allocation_date,
            owner: c.owner_id,
            team: c.team_id,
            invoiced: 0,
            collected: prorate(
                c.document_base_minor,
                c.base_subtotal_minor,
                c.base_total_minor,
            ),
        });
    }
    Ok(out)
}

/// Sets a row's revenue from the items `credited` selects.
fn add_revenue(
    row: &mut PerformanceRow,
    base: Currency,
    revenue: &[Attributed],
    credited: impl Fn(&Attributed) -> bool,
) {
    let (invoiced, collected) = revenue
        .iter()
        .filter(|r| credited(r))
        .fold((0_i64, 0_i64), |(i, c), r| {
            (i + r.invoiced, c + r.collected)
        });
    row.revenue_invoiced = Money::from_minor(invoiced, base).amount().to_string();
    row.revenue_collected = Money::from_minor(collected, base).amount().to_string();
}

fn performance_in(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PerformanceReport, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    check_period(from, to)?;
    let org = caller.org;
    let base = crate::app::ledger::org(tx, caller)?.base;
    let (tallies, opportunities) = tallies(tx, org, base, from, to)?;
    let targets = db::crm::targets::targets_overlapping(tx, org, from, to)?;
    let retained = retained_by_target(tx, org, &targets)?;
    let revenue = attributed_revenue(tx, org, from, to)?;
    // Who the caller may see: everyone, or (account managers) themselves, the teams they lead
    // (with their sub-teams) and every member of those teams.
    let restricted = caller.role == Role::AccountManager;
    let reach = Reach::of(tx, caller)?;
    let me = caller.user_id();
    let led: Vec<TeamId> = reach.led.iter().copied().collect();
    let visible: HashSet<UserId> = db::identity::teams::members(tx, org, &led)?
        .into_iter()
        .map(|(_, u)| u)
        .chain(
            led.iter()
                .filter_map(|t| TeamRow::find(tx, org, *t).ok())
                .filter_map(|t| t.lead_id),
        )
        .chain([me])
        .collect();
    let mut users = db::identity::users::list(
        tx,
        org,
        &UserFilter {
            role: Some("account_manager".into()),
            is_active: None,
            updated_since: None,
        },
        UserSort::Created,
        false,
        None,
        10_000,
    )?;
    // Account owners, and whoever revenue in the period is credited to (a previous owner too).
    let owners: HashSet<UserId> = tallies
        .keys()
        .filter_map(|(owner, _)| *owner)
        .chain(revenue.iter().filter_map(|r| r.owner))
        .collect();
    for o in owners {
        if !users.iter().any(|u| u.id == o) {
            if let Ok(u) = db::identity::users::find(tx, org, o) {
                users.push(u);
            }
        }
    }
    let mut managers = Vec::new();
    for u in users
        .into_iter()
        .filter(|u| !restricted || visible.contains(&u.id))
    {
        let tally = Tally::of(&tallies, |(owner, _)| *owner == Some(u.id));
        let mut row = row_for(&tally, base);
        add_revenue(&mut row, base, &revenue, |r| r.owner == Some(u.id));
        row.targets = targets
            .iter()
            .filter(|t| t.user_id == Some(u.id))
            .map(|t| attainment(base, &row, tally.created, t, &retained))
            .collect();
        row.user_id = Some(u.id.0);
        row.name = u.name;
        row.title = u.title;
        managers.push(row);
    }
    let parents: HashMap<TeamId, Option<TeamId>> =
        db::identity::teams::parents(tx, org)?.into_iter().collect();
    let mut teams = Vec::new();
    for (team, _) in parents.iter() {
        if restricted && !reach.led.contains(team) {
            continue;
        }
        // A team's accounts include its sub-teams'.
        let subtree = subtree_of(&parents, *team);
        let tally = Tally::of(&tallies, |(_, t)| t.is_some_and(|t| subtree.contains(&t)));
        let mut row = row_for(&tally, base);
        // Like its accounts, a team's revenue includes its sub-teams'.
        add_revenue(&mut row, base, &revenue, |r| {
            r.team.is_some_and(|t| subtree.contains(&t))
        });
        row.targets = targets
            .iter()
            .filter(|t| t.team_id == Some(*team))
            .map(|t| attainment(base, &row, tally.created, t, &retained))
            .collect();
        row.team_id = Some(team.0);
        row.name = TeamRow::find(tx, org, *team)
            .map(|t| t.name)
            .unwrap_or_default();
        teams.push(row);
    }
    teams.sort_by(|a, b| a.name.cmp(&b.name).then(a.team_id.cmp(&b.team_id)));
    Ok(PerformanceReport {
        from,
        to,
        currency: base.code().into(),
        managers,
        teams,
        exchange_rates: opportunities.rates,
        unconverted: opportunities.unconverted,
    })
}

// ---- sales ----

#[derive(Debug, Serialize, ToSchema)]
pub struct SalesRow {
    /// The account id, the owner's user id, or the month (`YYYY-MM`).
    pub key: String,
    pub label: String,
    /// Opportunities closed won in the period (by `closed_on`) and their amount.
    pub won_count: i64,
    pub won_amount: String,
    /// Opportunities closed lost in the period (by `closed_on`) and their amount.
    pub lost_count: i64,
    pub lost_amount: String,
    /// Σ amount × probability of the open opportunities expected to close in the period.
    pub pipeline_weighted: String,
    /// Subtotals (without tax, base currency) of invoices issued in the period less those of
    /// credit notes issued in it, by the document's account, recorded owner, or issue month.
    pub revenue_invoiced: String,
    /// Payments allocated in the period to invoices, without their tax share (as in the
    /// performance report), by the invoice's account, recorded owner, or allocation month.
    pub revenue_collected: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SalesReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub group_by: String,
    pub currency: String,
    pub rows: Vec<SalesRow>,
    /// The rates opportunities in other currencies were converted at (in force on `to`).
    pub exchange_rates: Vec<RateUsed>,
    /// Opportunities that count in the period but have no rate by `to`: in no figure.
    pub unconverted: Vec<Unconverted>,
}

/// One group's figures while the sales report adds them up.
struct SalesFigures {
    label: String,
    won_count: i64,
    won: Decimal,
    lost_count: i64,
    lost: Decimal,
    pipeline: Decimal,
    revenue_invoiced_minor: i64,
    revenue_collected_minor: i64,
}

impl SalesFigures {
    fn new(label: String) -> Self {
        SalesFigures {
            label,
            won_count: 0,
            won: Decimal::ZERO,
            lost_count: 0,
            lost: Decimal::ZERO,
            pipeline: Decimal::ZERO,
            revenue_invoiced_minor: 0,
            revenue_collected_minor: 0,
        }
    }
}

fn sales_in(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    group_by: &str,
) -> Result<SalesReport, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    if !matches!(group_by, "account" | "owner" | "month") {
        return Err(AppError::field(
            "invalid_enum",
            "group_by",
            "must be one of: account, owner, month",
        ));
    }
    check_period(from, to)?;
    let org = caller.org;
    let base = crate::app::ledger::org(tx, caller)?.base;
    let counting = db::crm::report_figures::opportunities_counting_between(tx, org, from, to)?;
    let account_owners: HashMap<OpportunityId, Option<UserId>> = counting
        .iter()
        .map(|r| (r.opportunity.id, r.account_holder.0))
        .collect();
    let live: Vec<OpportunityRow> = counting.into_iter().map(|r| r.opportunity).collect();
    let opportunities = pipeline::period_opportunities(tx, org, base, &live, from, to)?;
    let revenue = attributed_revenue(tx, org, from, to)?;
    // Account names label the rows only when grouping by account.
    let names = if group_by == "account" {
        account_names(
            tx,
            org,
            opportunities
                .counted
                .iter()
                .map(|o| o.account_id)
                .chain(revenue.iter().map(|r| r.account)),
        )?
    } else {
        HashMap::new()
    };
    let mut groups: std::collections::BTreeMap<String, SalesFigures> = Default::default();
    let mut owner_names: HashMap<UserId, String> = HashMap::new();
    let mut owner_label = |tx: &mut Tx, owner: Option<UserId>| -> (String, String) {
        let Some(u) = owner else {
            return (String::new(), "(no owner)".into());
        };
        let name = owner_names
            .entry(u)
            .or_insert_with(|| {
                db::identity::users::find(tx, org, u)
                    .map(|u| u.name)
                    .unwrap_or_else(|_| "(no owner)".into())
            })
            .clone();
        (u.0.to_string(), name)
    };
    let month = |d: NaiveDate| {
        let m = d.format("%Y-%m").to_string();
        (m.clone(), m)
    };
    for o in &opportunities.counted {
        let (key, label) = match group_by {
            "account" => (
                o.account_id.0.to_string(),
                names.get(&o.account_id).cloned().unwrap_or_default(),
            ),
            "owner" => owner_label(
                tx,
                o.owner_id.or(account_owners.get(&o.id).copied().flatten()),
            ),
            _ => month(o.day),
        };
        let g = groups
            .entry(key)
            .or_insert_with(|| SalesFigures::new(label));
        match o.counted {
            Counted::Won => {
                g.won_count += 1;
                g.won += o.amount;
            }
            Counted::Lost => {
                g.lost_count += 1;
                g.lost += o.amount;
            }
            Counted::Pipeline => g.pipeline += o.weighted,
        }
    }
    for r in revenue {
        let (key, label) = match group_by {
            "account" => (
                r.account.0.to_string(),
                names.get(&r.account).cloned().unwrap_or_default(),
            ),
            "owner" => owner_label(tx, r.owner),
            _ => month(r.day),
        };
        let g = groups
            .entry(key)
            .or_insert_with(|| SalesFigures::new(label));
        g.revenue_invoiced_minor += r.invoiced;
        g.revenue_collected_minor += r.collected;
    }
    let minor = |m: i64| Money::from_minor(m, base).amount().to_string();
    Ok(SalesReport {
        from,
        to,
        group_by: group_by.into(),
        currency: base.code().into(),
        rows: groups
            .into_iter()
            .map(|(key, g)| SalesRow {
                key,
                label: g.label,
                won_count: g.won_count,
                won_amount: money(base, g.won),
                lost_count: g.lost_count,
                lost_amount: money(base, g.lost),
                pipeline_weighted: money(base, g.pipeline),
                revenue_invoiced: minor(g.revenue_invoiced_minor),
                revenue_collected: minor(g.revenue_collected_minor),
            })
            .collect(),
        exchange_rates: opportunities.rates,
        unconverted: opportunities.unconverted,
    })
}

/// The names of these accounts (archived ones too), looked up in bounded chunks.
fn account_names(
    tx: &mut Tx,
    org: OrganizationId,
    ids: impl Iterator<Item = ClientAccountId>,
) -> Result<HashMap<ClientAccountId, String>, AppError> {
    let mut ids: Vec<ClientAccountId> = ids.collect();
    ids.sort();
    ids.dedup();
    let mut names = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(5_000) {
        names.extend(db::crm::accounts::names_of(tx, org, chunk)?);
    }
    Ok(names)
}
