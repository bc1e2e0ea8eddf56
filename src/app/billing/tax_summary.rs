//! The tax summary: tax collected on sales and paid on purchases, per tax rate, in the base
//! currency, read in one snapshot.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::money;
use crate::app::error::AppError;
use crate::app::ledger;
use crate::app::{App, Context, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing;
use crate::domain::documents::DocumentKind;
use crate::domain::ids::{DocumentId, TaxRateId};

#[derive(Debug, Serialize, ToSchema)]
pub struct TaxSummaryRow {
    pub tax_rate_id: Uuid,
    #[schema(example = "VAT 10")]
    pub name: String,
    #[schema(example = "0.1")]
    pub rate: String,
    /// Sales (invoices less credit notes): amounts taxed and tax collected.
    #[schema(example = "200.00")]
    pub sales_net: String,
    #[schema(example = "20.00")]
    pub tax_collected: String,
    /// Purchases (bills less vendor credits): amounts taxed and tax paid.
    #[schema(example = "125.00")]
    pub purchases_net: String,
    #[schema(example = "12.50")]
    pub tax_paid: String,
    /// The part of `tax_paid` that can be reclaimed.
    #[schema(example = "12.50")]
    pub tax_recoverable: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaxSummaryTotals {
    #[schema(example = "20.00")]
    pub tax_collected: String,
    #[schema(example = "12.50")]
    pub tax_paid: String,
    #[schema(example = "12.50")]
    pub tax_recoverable: String,
    /// Collected less recoverable: what is owed to the tax authority (negative: reclaimable).
    #[schema(example = "7.50")]
    pub net_tax: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaxSummary {
    #[schema(example = "2026-09-01")]
    pub from: NaiveDate,
    #[schema(example = "2026-09-30")]
    pub to: NaiveDate,
    #[schema(example = "USD")]
    pub currency: String,
    pub rates: Vec<TaxSummaryRow>,
    pub totals: TaxSummaryTotals,
}

/// Tax collected and paid per rate, from documents issued in the range, in the base currency.
pub fn tax_summary(
    conn: &mut Tx,
    caller: &Caller,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<TaxSummary, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let docs = billing::documents::documents_issued_between(
        conn,
        org.id,
        &["invoice", "credit_note", "bill", "vendor_credit"],
        from,
        to,
    )?;
    let kinds: HashMap<DocumentId, DocumentKind> = docs
        .iter()
        .filter_map(|d| DocumentKind::parse(&d.kind).map(|k| (d.id, k)))
        .collect();
    let ids: Vec<DocumentId> = docs.iter().map(|d| d.id).collect();
    let rates: HashMap<TaxRateId, billing::tax_rates::TaxRateRow> =
        billing::tax_rates::all(conn, org.id)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
    // [sales net, collected, purchases net, paid, recoverable] per rate.
    let mut sums: BTreeMap<TaxRateId, [i64; 5]> = BTreeMap::new();
    for l in billing::documents::lines_of(conn, org.id, &ids)? {
        let (Some(rate_id), Some(kind)) = (l.tax_rate_id, kinds.get(&l.document_id)) else {
            continue;
        };
        let sign = if kind.is_credit() { -1 } else { 1 };
        let s = sums.entry(rate_id).or_default();
        if kind.is_sale() {
            s[0] += sign * l.base_amount_minor;
            s[1] += sign * l.base_tax_minor;
        } else {
            s[2] += sign * l.base_amount_minor;
            s[3] += sign * l.base_tax_minor;
            if rates.get(&rate_id).is_some_and(|r| r.recoverable) {
                s[4] += sign * l.base_tax_minor;
            }
        }
    }
    let c = org.base;
    let mut total = [0i64; 5];
    let mut rows: Vec<TaxSummaryRow> = sums
        .into_iter()
        .map(|(id, s)| {
            for (t, v) in total.iter_mut().zip(s) {
                *t += v;
            }
            let rate = rates.get(&id);
            TaxSummaryRow {
                tax_rate_id: id.0,
                name: rate.map(|r| r.name.clone()).unwrap_or_default(),
                rate: rate
                    .map(|r| r.rate.0.normalize().to_string())
                    .unwrap_or_default(),
                sales_net: money(s[0], c),
                tax_collected: money(s[1], c),
                purchases_net: money(s[2], c),
                tax_paid: money(s[3], c),
                tax_recoverable: money(s[4], c),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(TaxSummary {
        from,
        to,
        currency: c.code().to_owned(),
        rates: rows,
        totals: TaxSummaryTotals {
            tax_collected: money(total[1], c),
            tax_paid: money(total[3], c),
            tax_recoverable: money(total[4], c),
            net_tax: money(total[1] - total[4], c),
        },
    })
}

// ---- the use case ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    #[param(example = "2026-09-01")]
    pub from: NaiveDate,
    #[param(example = "2026-09-30")]
    pub to: NaiveDate,
}

/// `GET /reports/tax-summary`, in one snapshot.
pub async fn tax_summary_report(
    app: &App,
    cx: &Context,
    params: RangeParams,
) -> Result<TaxSummary, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        super::statements::date_order(params.from, params.to)?;
        tax_summary(tx, caller, params.from, params.to)
    })
    .await
}
