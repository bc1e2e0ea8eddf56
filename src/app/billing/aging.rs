//! AR/AP aging, the statement of account and the tax summary: the reports over documents and
//! payments, each read in one snapshot.
//!
//! The aging counts, as of a date, every document issued and every payment dated by then,
//! less the allocations dated by then, in the base currency amounts the postings used. The
//! control account holds exactly those postings plus the realised exchange differences, which
//! each allocation posts to take its pair's residue off the control account; so the aging's
//! total is the control account's balance, on any date.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::money;
use crate::app::error::{AppError, Check};
use crate::app::ledger::{self, currency_of};
use crate::app::{App, Context, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing::{self, allocations::AllocationRow};
use crate::db::{self};
use crate::domain::documents::{Buckets, DocumentKind, Ledger};
use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId, TaxRateId};
use crate::domain::money::Currency;

#[derive(Debug, Serialize, ToSchema)]
pub struct AgingBuckets {
    /// Not yet due.
    #[schema(example = "50.00")]
    pub current: String,
    #[schema(example = "0.00")]
    pub days_1_30: String,
    #[schema(example = "0.00")]
    pub days_31_60: String,
    #[schema(example = "0.00")]
    pub days_61_90: String,
    #[schema(example = "999.99")]
    pub days_over_90: String,
    #[schema(example = "1049.99")]
    pub total: String,
}

impl AgingBuckets {
    fn of(b: &Buckets, c: Currency) -> Self {
        AgingBuckets {
            current: money(b.current, c),
            days_1_30: money(b.days_1_30, c),
            days_31_60: money(b.days_31_60, c),
            days_61_90: money(b.days_61_90, c),
            days_over_90: money(b.days_over_90, c),
            total: money(b.total(), c),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgingRow {
    pub account_id: Uuid,
    pub name: String,
    #[serde(flatten)]
    pub buckets: AgingBuckets,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgingReport {
    #[schema(example = "2026-11-30")]
    pub as_of: NaiveDate,
    /// The base currency: every amount is in it.
    #[schema(example = "USD")]
    pub currency: String,
    pub accounts: Vec<AgingRow>,
    pub totals: AgingBuckets,
    /// The control account the totals tie to.
    pub ledger_account_id: Uuid,
}

/// What each open item owes in the base currency as of `as_of`, signed in the control
/// account's normal direction, with the date it ages from: (account, aged from, amount).
pub fn open_items(
    conn: &mut Tx,
    org: OrganizationId,
    ledger: Ledger,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> Result<Vec<(ClientAccountId, NaiveDate, i64)>, AppError> {
    let kinds: Vec<&str> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.ledger() == ledger)
        .map(DocumentKind::as_str)
        .collect();
    let docs = billing::documents::standing_documents(conn, org, &kinds, as_of, account)?;
    let payments =
        billing::payments::standing_payments(conn, org, ledger.as_str(), as_of, account)?;
    let allocations = billing::allocations::standing_allocations(conn, org, as_of)?;
    // Base amounts settled by date, per item (a document or a payment).
    let mut settled: HashMap<Uuid, i64> = HashMap::new();
    for AllocationRow {
        document_id,
        payment_id,
        credit_document_id,
        document_base_minor,
        source_base_minor,
        ..
    } in &allocations
    {
        *settled.entry(document_id.0).or_default() += document_base_minor;
        if let Some(s) = payment_id.map(|p| p.0).or(credit_document_id.map(|c| c.0)) {
            *settled.entry(s).or_default() += source_base_minor;
        }
    }
    let mut items = Vec::with_capacity(docs.len() + payments.len());
    for d in docs {
        let kind = DocumentKind::parse(&d.kind).ok_or_else(|| AppError::internal("kind"))?;
        let normal = kind.debits_control() == (ledger == Ledger::Receivable);
        let left = d.base_total_minor - settled.get(&d.id.0).copied().unwrap_or(0);
        if left != 0 {
            items.push((
                d.account_id,
                d.due_date.unwrap_or(d.issue_date),
                if normal { left } else { -left },
            ));
        }
    }
    for p in payments {
        let normal = (p.direction == "sent") == (ledger == Ledger::Receivable);
        let left = p.base_amount_minor - settled.get(&p.id.0).copied().unwrap_or(0);
        if left != 0 {
            items.push((
                p.account_id,
                p.payment_date,
                if normal { left } else { -left },
            ));
        }
    }
    Ok(items)
}

pub fn aging(
    conn: &mut Tx,
    caller: &Caller,
    ledger: Ledger,
    as_of: NaiveDate,
) -> Result<AgingReport, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let items = open_items(conn, org.id, ledger, as_of, None)?;
    let mut by_account: BTreeMap<ClientAccountId, Buckets> = BTreeMap::new();
    let mut totals = Buckets::default();
    for (account, aged_from, minor) in items {
        by_account
            .entry(account)
            .or_default()
            .add(aged_from, as_of, minor);
        totals.add(aged_from, as_of, minor);
    }
    let ids: Vec<ClientAccountId> = by_account.keys().copied().collect();
    let names = super::account_names(conn, org.id, ids.iter().copied())?;
    let mut accounts: Vec<AgingRow> = by_account
        .into_iter()
        .filter(|(_, b)| *b != Buckets::default())
        .map(|(id, b)| AgingRow {
            account_id: id.0,
            name: names.get(&id).cloned().unwrap_or_default(),
            buckets: AgingBuckets::of(&b, org.base),
        })
        .collect();
    accounts.sort_by(|a, b| a.name.cmp(&b.name).then(a.account_id.cmp(&b.account_id)));
    Ok(AgingReport {
        as_of,
        currency: org.base.code().to_owned(),
        accounts,
        totals: AgingBuckets::of(&totals, org.base),
        ledger_account_id: super::control_account(conn, org.id, ledger)?.0,
    })
}

// ---- statement of account ----

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementLine {
    #[schema(example = "2026-09-01")]
    pub date: NaiveDate,
    /// `invoice`, `credit_note`, `bill`, `vendor_credit` or `payment`.
    #[schema(example = "invoice")]
    pub kind: String,
    pub id: Uuid,
    /// The document's number (or the bill's reference, or the payment's reference).
    pub number: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// What the line adds to what the account owes (or is owed), signed.
    #[schema(example = "270.00")]
    pub amount: String,
    #[schema(example = "270.00")]
    pub balance: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Statement {
    pub account_id: Uuid,
    pub name: String,
    /// `receivable`: what the customer owes us; `payable`: what we owe the vendor.
    pub ledger: Ledger,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "2026-09-01")]
    pub from: NaiveDate,
    #[schema(example = "2026-09-30")]
    pub to: NaiveDate,
    #[schema(example = "0.00")]
    pub opening_balance: String,
    pub lines: Vec<StatementLine>,
    #[schema(example = "170.00")]
    pub closing_balance: String,
}

/// date, kind, id, number, due date, signed amount.
type Event = (
    NaiveDate,
    String,
    Uuid,
    Option<String>,
    Option<NaiveDate>,
    i64,
);

/// Documents and payments of one account in one currency between two dates, with a running
/// balance in that currency (the customer's own view: no exchange differences).
pub fn statement(
    conn: &mut Tx,
    caller: &Caller,
    account_id: ClientAccountId,
    ledger_kind: Option<Ledger>,
    currency: Option<Currency>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Statement, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let account = db::crm::accounts::find(conn, org.id, account_id)
        .map_err(|e| crate::app::not_found(e, "account"))?;
    let ledger_kind = ledger_kind.unwrap_or(if account.is_vendor && !account.is_customer {
        Ledger::Payable
    } else {
        Ledger::Receivable
    });
    let currency = match currency {
        Some(c) => c,
        None => currency_of(&account.currency)?,
    };
    let kinds: Vec<&str> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.ledger() == ledger_kind)
        .map(DocumentKind::as_str)
        .collect();
    let mut events: Vec<Event> = Vec::new();
    for d in billing::documents::standing_documents(conn, org.id, &kinds, to, Some(account.id))? {
        if d.currency != currency.code() {
            continue;
        }
        let kind = DocumentKind::parse(&d.kind).ok_or_else(|| AppError::internal("kind"))?;
        let normal = kind.debits_control() == (ledger_kind == Ledger::Receivable);
        events.push((
            d.issue_date,
            d.kind.clone(),
            d.id.0,
            d.number.clone().or(d.reference.clone()),
            d.due_date,
            if normal {
                d.total_minor
            } else {
                -d.total_minor
            },
        ));
    }
    for p in billing::payments::standing_payments(
        conn,
        org.id,
        ledger_kind.as_str(),
        to,
        Some(account.id),
    )? {
        if p.currency != currency.code() {
            continue;
        }
        let normal = (p.direction == "sent") == (ledger_kind == Ledger::Receivable);
        events.push((
            p.payment_date,
            "payment".to_owned(),
            p.id.0,
            p.reference.clone(),
            None,
            if normal {
                p.amount_minor
            } else {
                -p.amount_minor
            },
        ));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    let opening: i64 = events.iter().filter(|e| e.0 < from).map(|e| e.5).sum();
    let mut balance = opening;
    let lines = events
        .into_iter()
        .filter(|e| e.0 >= from)
        .map(|(date, kind, id, number, due_date, amount)| {
            balance += amount;
            StatementLine {
                date,
                kind,
                id,
                number,
                due_date,
                amount: money(amount, currency),
                balance: money(balance, currency),
            }
        })
        .collect();
    Ok(Statement {
        account_id: account.id.0,
        name: account.name,
        ledger: ledger_kind,
        currency: currency.code().to_owned(),
        from,
        to,
        opening_balance: money(opening, currency),
        lines,
        closing_balance: money(balance, currency),
    })
}

// ---- tax summary ----

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

// ---- the use cases ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Default today.
    #[param(example = "2026-11-30")]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    #[param(example = "2026-09-01")]
    pub from: NaiveDate,
    #[param(example = "2026-09-30")]
    pub to: NaiveDate,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementParams {
    /// Default: 90 days before `to`.
    #[param(example = "2026-09-01")]
    pub from: Option<NaiveDate>,
    /// Default today.
    #[param(example = "2026-09-30")]
    pub to: Option<NaiveDate>,
    /// `receivable` (default for customers) or `payable`.
    pub ledger: Option<Ledger>,
    /// Default: the account's currency.
    pub currency: Option<String>,
}

fn date_order(from: NaiveDate, to: NaiveDate) -> Result<(), AppError> {
    if to < from {
        return Err(AppError::field(
            "date_order",
            "to",
            "must not be before from",
        ));
    }
    Ok(())
}

/// `GET /reports/ar-aging` and `/reports/ap-aging`, in one snapshot.
pub async fn aging_report(
    app: &App,
    cx: &Context,
    ledger: Ledger,
    params: AsOfParams,
) -> Result<AgingReport, AppError> {
    let as_of = params.as_of.unwrap_or_else(|| Utc::now().date_naive());
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        aging(tx, caller, ledger, as_of)
    })
    .await
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
        date_order(params.from, params.to)?;
        tax_summary(tx, caller, params.from, params.to)
    })
    .await
}

/// `GET /accounts/{id}/statement`, in one snapshot.
pub async fn account_statement(
    app: &App,
    cx: &Context,
    id: ClientAccountId,
    params: StatementParams,
) -> Result<Statement, AppError> {
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let mut check = Check::new();
        let currency = match params.currency.as_deref() {
            Some(code) => check.currency("currency", code),
            None => None,
        };
        check.finish()?;
        let to = params.to.unwrap_or_else(|| Utc::now().date_naive());
        let from = params.from.unwrap_or(to - chrono::Duration::days(90));
        date_order(from, to)?;
        statement(tx, caller, id, params.ledger, currency, from, to)
    })
    .await
}
