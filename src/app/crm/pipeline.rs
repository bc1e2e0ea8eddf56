//! Which opportunities count in a report's period, and for how much in the base currency: the
//! one definition the performance and sales reports share.
//!
//! - won (lost): closed won (lost) on a day in the period, at its amount;
//! - `pipeline_weighted`: open (qualification, proposal, negotiation) and expected to close in
//!   the period, at amount × probability ÷ 100.
//!
//! Amounts in another currency are converted at the organization's rate in force on the
//! period's last day (the latest recorded on or before it, as the ledger takes rates); the
//! rates used are listed, and an opportunity whose currency has no rate by then is listed as
//! unconverted rather than silently left out.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::error::AppError;
use crate::app::unit_of_work::Tx;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::{self};
use crate::domain::crm::{Stage, TextEnum};
use crate::domain::ids::{ClientAccountId, OpportunityId, OrganizationId, UserId};
use crate::domain::money::{Currency, Money};

/// A rate a report converted with.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RateUsed {
    pub currency: String,
    /// Base-currency units per one unit of `currency`.
    #[schema(example = "1.0850")]
    pub rate: String,
    /// The date the rate was recorded for (the latest on or before the period's end).
    pub rate_date: NaiveDate,
}

/// An opportunity the report counts but could not convert: no rate of its currency by the
/// period's end. Its amount is in none of the figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Unconverted {
    pub opportunity_id: Uuid,
    pub account_id: Uuid,
    pub name: String,
    /// `won`, `lost`, or `pipeline` (open, expected to close in the period).
    pub counted_as: String,
    #[schema(example = "1000.00")]
    pub amount: String,
    pub currency: String,
    pub probability: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Won,
    Lost,
    Pipeline,
}

impl Counted {
    fn as_str(self) -> &'static str {
        match self {
            Counted::Won => "won",
            Counted::Lost => "lost",
            Counted::Pipeline => "pipeline",
        }
    }
}

/// One opportunity that counts in the period, in the base currency.
#[derive(Debug, Clone)]
pub struct CountedOpportunity {
    pub id: OpportunityId,
    pub account_id: ClientAccountId,
    pub owner_id: Option<UserId>,
    pub counted: Counted,
    /// The day it counts on: closed on, or expected to close on.
    pub day: NaiveDate,
    /// The full amount in the base currency (unrounded).
    pub amount: Decimal,
    /// amount × probability ÷ 100 for the pipeline; the amount otherwise.
    pub weighted: Decimal,
}

/// The opportunities of a period, with the rates used and what could not be converted.
#[derive(Debug, Default)]
pub struct PeriodOpportunities {
    pub counted: Vec<CountedOpportunity>,
    pub rates: Vec<RateUsed>,
    pub unconverted: Vec<Unconverted>,
}

/// Where `o` counts in [from, to], if anywhere.
fn counted_in(o: &OpportunityRow, from: NaiveDate, to: NaiveDate) -> Option<(Counted, NaiveDate)> {
    let within = |d: NaiveDate| d >= from && d <= to;
    let stage = Stage::parse(&o.stage)?;
    match stage {
        Stage::Won => o
            .closed_on
            .filter(|d| within(*d))
            .map(|d| (Counted::Won, d)),
        Stage::Lost => o
            .closed_on
            .filter(|d| within(*d))
            .map(|d| (Counted::Lost, d)),
        _ => o
            .expected_close_on
            .filter(|d| within(*d))
            .map(|d| (Counted::Pipeline, d)),
    }
}

/// The opportunities of `rows` that count in [from, to], converted to `base` at the rates in
/// force on `to`.
pub fn period_opportunities(
    tx: &mut Tx,
    org: OrganizationId,
    base: Currency,
    rows: &[OpportunityRow],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PeriodOpportunities, AppError> {
    let mut out = PeriodOpportunities::default();
    let mut rates: HashMap<String, Option<Decimal>> = HashMap::new();
    for o in rows {
        let Some((counted, day)) = counted_in(o, from, to) else {
            continue;
        };
        let Ok(currency) = Currency::parse(&o.currency) else {
            continue;
        };
        let own = Money::from_minor(o.amount_minor, currency).amount();
        let rate = if currency == base {
            Some(Decimal::ONE)
        } else {
            match rates.get(&o.currency) {
                Some(r) => *r,
                None => {
                    let found =
                        db::ledger::exchange_rates::dated_rate_on(tx, org, &o.currency, to)?;
                    if let Some((rate_date, rate)) = &found {
                        out.rates.push(RateUsed {
                            currency: o.currency.clone(),
                            rate: rate.0.normalize().to_string(),
                            rate_date: *rate_date,
                        });
                    }
                    let r = found.map(|(_, r)| r.0);
                    rates.insert(o.currency.clone(), r);
                    r
                }
            }
        };
        let Some(rate) = rate else {
            out.unconverted.push(Unconverted {
                opportunity_id: o.id.0,
                account_id: o.account_id.0,
                name: o.name.clone(),
                counted_as: counted.as_str().into(),
                amount: own.to_string(),
                currency: o.currency.clone(),
                probability: o.probability,
            });
            continue;
        };
        let amount = own * rate;
        let weighted = match counted {
            Counted::Pipeline => amount * Decimal::from(o.probability) / Decimal::from(100),
            _ => amount,
        };
        out.counted.push(CountedOpportunity {
            id: o.id,
            account_id: o.account_id,
            owner_id: o.owner_id,
            counted,
            day,
            amount,
            weighted,
        });
    }
    out.rates.sort_by(|a, b| a.currency.cmp(&b.currency));
    Ok(out)
}
