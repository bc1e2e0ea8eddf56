//! `GET /accounts/{id}/profitability`: what one client account earned and cost in a period,
//! in the base currency, from the books.
//!
//! - `revenue_invoiced`: the base subtotals (without tax) of its invoices issued in the period
//!   that still stand (not void); `credits` likewise of its credit notes; `net_revenue` the
//!   difference.
//! - `revenue_collected`: what payments allocated in the period settled of its invoices,
//!   without tax (each invoice's settled base amount × its subtotal ÷ its total), like the
//!   revenue collected in the performance reports.
//! - `direct_costs`: base debits less credits of journal lines dated in the period that are
//!   tagged with the account (`account_id`) and post to an expense account without a system
//!   role. A bill or vendor credit line tagged with the account posts its expense line with
//!   the tag, so the journal line is the one source (nothing is counted twice); exchange
//!   differences and rounding are not direct costs.
//! - `margin` = net revenue − direct costs; `margin_percent` = margin ÷ net revenue × 100
//!   with four decimals, null when net revenue is zero.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::accounts::load_account;
use crate::app::billing::money;
use crate::app::error::AppError;
use crate::app::ledger;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::{self};
use crate::domain::ids::ClientAccountId;
use crate::domain::money::scale;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProfitabilityParams {
    /// First day (inclusive); default the first of January of the organization's year.
    #[param(example = "2026-01-01")]
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); default the organization's today.
    #[param(example = "2026-12-31")]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Profitability {
    pub account_id: Uuid,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The base currency: every amount is in it.
    #[schema(example = "USD")]
    pub currency: String,
    /// Subtotals (without tax) of the invoices issued in the period.
    #[schema(example = "3500.00")]
    pub revenue_invoiced: String,
    /// Subtotals (without tax) of the credit notes issued in the period.
    #[schema(example = "200.00")]
    pub credits: String,
    /// `revenue_invoiced` − `credits`.
    #[schema(example = "3300.00")]
    pub net_revenue: String,
    /// Payments allocated in the period to the account's invoices, without tax.
    #[schema(example = "1000.00")]
    pub revenue_collected: String,
    /// Expense lines tagged with the account, debits − credits.
    #[schema(example = "1200.00")]
    pub direct_costs: String,
    /// `net_revenue` − `direct_costs`.
    #[schema(example = "2100.00")]
    pub margin: String,
    /// `margin` ÷ `net_revenue` × 100, four decimals; null when net revenue is zero.
    #[schema(example = "63.6364")]
    pub margin_percent: Option<String>,
}

/// `margin ÷ net × 100` to four decimals (half away from zero); `None` when `net` is zero.
fn margin_percent(margin: i64, net: i64) -> Option<String> {
    if net == 0 {
        return None;
    }
    let pct = Decimal::from(margin) * Decimal::ONE_HUNDRED / Decimal::from(net);
    let mut pct = pct.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    pct.rescale(4);
    Some(pct.to_string())
}

/// `GET /accounts/{id}/profitability`, read in one snapshot.
pub async fn profitability(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    params: ProfitabilityParams,
) -> Result<Profitability, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let account = load_account(tx, caller, id)?;
        let org = ledger::org(tx, caller)?;
        let today = org.today();
        let to = params.to.unwrap_or(today);
        let from = params
            .from
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to));
        if to < from {
            return Err(AppError::field(
                "date_order",
                "to",
                "must not be before from",
            ));
        }
        let (mut invoiced, mut credits) = (0_i64, 0_i64);
        for (kind, minor) in
            db::crm::profitability::subtotals_by_kind(tx, org.id, account.id, from, to)?
        {
            match kind.as_str() {
                "invoice" => invoiced += minor,
                _ => credits += minor,
            }
        }
        let collected: i64 =
            db::crm::profitability::collected_by_invoice(tx, org.id, account.id, from, to)?
                .into_iter()
                .map(|(_, settled, subtotal, total)| scale(settled, subtotal, total))
                .sum();
        let costs = db::crm::profitability::direct_costs(tx, org.id, account.id, from, to)?;
        let net = invoiced - credits;
        let margin = net - costs;
        let base = org.base;
        Ok(Profitability {
            account_id: account.id.0,
            from,
            to,
            currency: base.code().to_owned(),
            revenue_invoiced: money(invoiced, base),
            credits: money(credits, base),
            net_revenue: money(net, base),
            revenue_collected: money(collected, base),
            direct_costs: money(costs, base),
            margin: money(margin, base),
            margin_percent: margin_percent(margin, net),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::margin_percent;

    #[test]
    fn margin_percent_has_four_places_and_no_zero_division() {
        assert_eq!(margin_percent(230_000, 350_000).as_deref(), Some("65.7143"));
        assert_eq!(margin_percent(-100, 400).as_deref(), Some("-25.0000"));
        assert_eq!(margin_percent(5, 0), None);
    }
}
