//! `GET /reports/competitors?from=&to=`: how the organization fares against each competitor
//! in a period, over every account (everyone with a role reads the CRM's records).
//!
//! - `lost`: opportunities closed lost on a day in the period whose `lost_to_competitor_id` is
//!   the competitor;
//! - `won`: opportunities closed won on a day in the period on an account that lists the
//!   competitor among its `competitor_ids` (opportunities do not name the rivals they beat;
//!   the account's current list of competitors stands for who was in the running);
//! - amounts in the base currency, converted as in the sales report (the organization's rate
//!   in force on `to`; an opportunity without one is listed as unconverted and in no amount);
//! - `win_rate` = won ÷ (won + lost), four places, null when neither;
//! - `accounts_churned`: accounts churned on a day in the period with `lost_to_competitor_id`
//!   the competitor.
//!
//! Only competitors with something in the period are listed, by name.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::pipeline::{self, Counted, RateUsed, Unconverted};
use crate::app::error::{AppError, Check};
use crate::app::tabular::{Table, Tabular};
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::competitors::CompetitorRow;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, CompetitorId, OpportunityId};
use crate::domain::money::Money;
use crate::domain::retention::ratio;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompetitorReportParams {
    /// First day (inclusive); default the start of this year.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); default today (in the organization's time zone).
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompetitorFigures {
    pub competitor_id: Uuid,
    pub name: String,
    /// Opportunities closed won in the period on accounts that list this competitor.
    pub won_count: i64,
    #[schema(example = "1000.00")]
    pub won_amount: String,
    /// Opportunities closed lost to this competitor in the period.
    pub lost_count: i64,
    #[schema(example = "1000.00")]
    pub lost_amount: String,
    /// won ÷ (won + lost), four places; null when neither.
    #[schema(example = "0.5000")]
    pub win_rate: Option<String>,
    /// Accounts churned to this competitor in the period.
    pub accounts_churned: i64,
    pub churned_account_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompetitorReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The base currency of the amounts.
    pub currency: String,
    pub competitors: Vec<CompetitorFigures>,
    /// The rates opportunities in other currencies were converted at (in force on `to`).
    pub exchange_rates: Vec<RateUsed>,
    /// Opportunities that count in the period but have no rate by `to`: in no amount.
    pub unconverted: Vec<Unconverted>,
}

/// `GET /reports/competitors`.
pub async fn competitors(
    app: &App,
    cx: &Context,
    params: CompetitorReportParams,
) -> Result<CompetitorReport, AppError> {
    app.snapshot(cx, move |tx| competitors_in(tx, params)).await
}

#[derive(Default)]
struct Tally {
    won: i64,
    won_amount: Decimal,
    lost: i64,
    lost_amount: Decimal,
    churned: Vec<Uuid>,
}

fn competitors_in(
    tx: &mut Tx,
    params: CompetitorReportParams,
) -> Result<CompetitorReport, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    let org = crate::app::ledger::org(tx, caller)?;
    let to = params.to.unwrap_or_else(|| org.today());
    let from = params
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to));
    let mut check = Check::new();
    if to < from {
        check.push("to", "date_order", "must not be before from");
    }
    check.finish()?;
    let closed: Vec<OpportunityRow> = db::crm::opportunities::closed_between(tx, org.id, from, to)?;
    let live: HashSet<ClientAccountId> = {
        let mut ids: Vec<ClientAccountId> = closed.iter().map(|o| o.account_id).collect();
        ids.sort();
        ids.dedup();
        db::crm::accounts::live_names_of(tx, org.id, &ids)?
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    };
    let closed: Vec<OpportunityRow> = closed
        .into_iter()
        .filter(|o| live.contains(&o.account_id))
        .collect();
    let lost_to: HashMap<OpportunityId, Option<CompetitorId>> = closed
        .iter()
        .map(|o| (o.id, o.lost_to_competitor_id))
        .collect();
    let mut rivals: HashMap<ClientAccountId, Vec<CompetitorId>> = HashMap::new();
    let accounts: Vec<ClientAccountId> = live.iter().copied().collect();
    for (a, c) in db::crm::accounts::competitor_ids(tx, org.id, &accounts)? {
        rivals.entry(a).or_default().push(c);
    }
    let counted = pipeline::period_opportunities(tx, org.id, org.base, &closed, from, to)?;
    let mut tallies: HashMap<CompetitorId, Tally> = HashMap::new();
    for o in &counted.counted {
        match o.counted {
            Counted::Won => {
                for c in rivals.get(&o.account_id).into_iter().flatten() {
                    let t = tallies.entry(*c).or_default();
                    t.won += 1;
                    t.won_amount += o.amount;
                }
            }
            Counted::Lost => {
                if let Some(Some(c)) = lost_to.get(&o.id) {
                    let t = tallies.entry(*c).or_default();
                    t.lost += 1;
                    t.lost_amount += o.amount;
                }
            }
            Counted::Pipeline => {}
        }
    }
    // Unconverted deals still count as won or lost; only their amounts are missing.
    let unconverted: HashSet<Uuid> = counted
        .unconverted
        .iter()
        .map(|u| u.opportunity_id)
        .collect();
    for o in closed.iter().filter(|o| unconverted.contains(&o.id.0)) {
        if o.stage == "won" {
            for c in rivals.get(&o.account_id).into_iter().flatten() {
                tallies.entry(*c).or_default().won += 1;
            }
        } else if let Some(c) = o.lost_to_competitor_id {
            tallies.entry(c).or_default().lost += 1;
        }
    }
    for a in db::crm::accounts::churned_to_competitors(tx, org.id, from, to)? {
        if let Some(c) = a.lost_to_competitor_id {
            tallies.entry(c).or_default().churned.push(a.id.0);
        }
    }
    let money = |d: Decimal| {
        Money::new(d.round_dp(org.base.exponent()), org.base)
            .map(|m| m.amount().to_string())
            .unwrap_or_else(|_| d.to_string())
    };
    let mut rows: BTreeMap<(String, Uuid), CompetitorFigures> = BTreeMap::new();
    for (id, t) in tallies {
        let name = CompetitorRow::find(tx, org.id, id)
            .map(|c| c.name)
            .unwrap_or_default();
        rows.insert(
            (name.to_lowercase(), id.0),
            CompetitorFigures {
                competitor_id: id.0,
                name,
                won_count: t.won,
                won_amount: money(t.won_amount),
                lost_count: t.lost,
                lost_amount: money(t.lost_amount),
                win_rate: ratio(t.won, t.won + t.lost),
                accounts_churned: t.churned.len() as i64,
                churned_account_ids: t.churned,
            },
        );
    }
    Ok(CompetitorReport {
        from,
        to,
        currency: org.base.code().into(),
        competitors: rows.into_values().collect(),
        exchange_rates: counted.rates,
        unconverted: counted.unconverted,
    })
}

impl Tabular for CompetitorReport {
    fn table(&self) -> Table {
        Table {
            header: vec![
                "competitor_id",
                "name",
                "won_count",
                "won_amount",
                "lost_count",
                "lost_amount",
                "win_rate",
                "accounts_churned",
                "currency",
            ],
            rows: self
                .competitors
                .iter()
                .map(|c| {
                    vec![
                        c.competitor_id.to_string(),
                        c.name.clone(),
                        c.won_count.to_string(),
                        c.won_amount.clone(),
                        c.lost_count.to_string(),
                        c.lost_amount.clone(),
                        c.win_rate.clone().unwrap_or_default(),
                        c.accounts_churned.to_string(),
                        self.currency.clone(),
                    ]
                })
                .collect(),
        }
    }
}
