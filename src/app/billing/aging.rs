//! AR/AP aging: what each customer owes (or each vendor is owed) by days past due, read in
//! one snapshot.
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
use crate::app::error::AppError;
use crate::app::ledger;
use crate::app::{App, Context, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing::{self, allocations::AllocationRow};
use crate::domain::documents::{Buckets, DocumentKind, Ledger};
use crate::domain::ids::{ClientAccountId, OrganizationId};
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

// ---- the use case ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Default today.
    #[param(example = "2026-11-30")]
    pub as_of: Option<NaiveDate>,
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
