//! AR/AP aging: what each customer owes (or each vendor is owed) by days past due, read in
//! one snapshot.
//!
//! The aging counts, as of a date, every document issued and every payment dated by then,
//! less the allocations dated by then, in the base currency amounts the postings used. The
//! control account holds exactly those postings plus the realised exchange differences, which
//! each allocation posts to take its pair's residue off the control account; so the aging's
//! total is the control account's balance, on any date.

use std::collections::{BTreeMap, HashMap, HashSet};

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
use crate::db::{self};
use crate::domain::documents::{Buckets, DocumentKind, Ledger};
use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId, PaymentId, TeamId, UserId};
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
    /// The part of `total` that open disputes contest (receivables; "0.00" on payables): on
    /// each invoice, what disputes open on `as_of` name, at most what is open of it, at the
    /// invoice's rate. Already inside the age buckets, not beside them.
    #[schema(example = "200.00")]
    pub disputed: String,
}

impl AgingBuckets {
    fn of(b: &Buckets, disputed: i64, c: Currency) -> Self {
        AgingBuckets {
            current: money(b.current, c),
            days_1_30: money(b.days_1_30, c),
            days_31_60: money(b.days_31_60, c),
            days_61_90: money(b.days_61_90, c),
            days_over_90: money(b.days_over_90, c),
            total: money(b.total(), c),
            disputed: money(disputed, c),
        }
    }
}

/// One open item behind an aging row: a document, or a payment not yet allocated.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgingItem {
    /// `invoice`, `credit_note`, `bill`, `vendor_credit` or `payment`.
    pub kind: String,
    pub id: Uuid,
    /// The document's number, or the payment's reference.
    pub number: Option<String>,
    /// The day it ages from: the due date (the issue date without one), or the payment date.
    pub aged_from: NaiveDate,
    /// Days past `aged_from` on `as_of` (0 when not yet due).
    pub days_past_due: i64,
    /// What is still open, in the base currency, signed like the row (a credit is negative).
    #[schema(example = "550.00")]
    pub amount: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgingRow {
    pub account_id: Uuid,
    pub name: String,
    /// The account's owner and team today.
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    #[serde(flatten)]
    pub buckets: AgingBuckets,
    /// The open items making up the row, oldest first (with `include_items=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<AgingItem>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgingReport {
    #[schema(example = "2026-11-30")]
    pub as_of: NaiveDate,
    /// The base currency: every amount is in it.
    #[schema(example = "USD")]
    pub currency: String,
    pub accounts: Vec<AgingRow>,
    /// The rows' totals: without `owner_id`/`team_id` filters, the control account's balance.
    pub totals: AgingBuckets,
    /// The control account the (unfiltered) totals tie to.
    pub ledger_account_id: Uuid,
}

/// What an open item is: its kind, id and number (or reference).
#[derive(Debug, Clone)]
pub struct ItemRef {
    pub kind: String,
    pub id: Uuid,
    pub number: Option<String>,
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
    Ok(open_items_with_refs(conn, org, ledger, as_of, account)?
        .into_iter()
        .map(|(a, d, m, _)| (a, d, m))
        .collect())
}

/// [`open_items`], each with what it is, for the per-item drill-down.
pub fn open_items_with_refs(
    conn: &mut Tx,
    org: OrganizationId,
    ledger: Ledger,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> Result<Vec<(ClientAccountId, NaiveDate, i64, ItemRef)>, AppError> {
    let kinds: Vec<&str> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.ledger() == ledger)
        .map(DocumentKind::as_str)
        .collect();
    // Only what was not settled in full by `as_of`, and the allocations touching it: an item
    // settled by then owes nothing on the day.
    let docs = billing::documents::documents_open_on(conn, org, &kinds, as_of, account)?;
    let payments = billing::payments::payments_open_on(conn, org, ledger.as_str(), as_of, account)?;
    let doc_ids: Vec<DocumentId> = docs.iter().map(|d| d.id).collect();
    let payment_ids: Vec<PaymentId> = payments.iter().map(|p| p.id).collect();
    let allocations = billing::allocations::standing_allocations_touching(
        conn,
        org,
        as_of,
        &doc_ids,
        &payment_ids,
    )?;
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
                ItemRef {
                    kind: d.kind.clone(),
                    id: d.id.0,
                    number: d.number.clone(),
                },
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
                ItemRef {
                    kind: "payment".into(),
                    id: p.id.0,
                    number: p.reference.clone(),
                },
            ));
        }
    }
    Ok(items)
}

/// Which rows an aging shows, and in how much detail.
#[derive(Debug, Clone, Default)]
pub struct AgingScope {
    pub owner_id: Option<UserId>,
    /// The team's accounts, its sub-teams' included.
    pub team_id: Option<TeamId>,
    pub include_items: bool,
}

pub fn aging(
    conn: &mut Tx,
    caller: &Caller,
    ledger: Ledger,
    as_of: NaiveDate,
    scope: &AgingScope,
) -> Result<AgingReport, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let items = open_items_with_refs(conn, org.id, ledger, as_of, None)?;
    let ids: Vec<ClientAccountId> = {
        let mut ids: Vec<ClientAccountId> = items.iter().map(|i| i.0).collect();
        ids.sort_by_key(|i| i.0);
        ids.dedup();
        ids
    };
    let holders: HashMap<ClientAccountId, (Option<UserId>, Option<TeamId>)> =
        db::crm::accounts::owners_of(conn, org.id, &ids)?
            .into_iter()
            .map(|(a, o, t)| (a, (o, t)))
            .collect();
    let teams: Option<HashSet<TeamId>> = match scope.team_id {
        None => None,
        Some(root) => {
            let parents: Vec<(TeamId, Option<TeamId>)> =
                db::identity::teams::parents(conn, org.id)?;
            let mut subtree: HashSet<TeamId> = [root].into_iter().collect();
            for _ in 0..parents.len() {
                for (t, p) in &parents {
                    if p.is_some_and(|p| subtree.contains(&p)) {
                        subtree.insert(*t);
                    }
                }
            }
            Some(subtree)
        }
    };
    let shown = |a: &ClientAccountId| {
        let (owner, team) = holders.get(a).copied().unwrap_or_default();
        scope.owner_id.is_none_or(|o| owner == Some(o))
            && teams
                .as_ref()
                .is_none_or(|ts| team.is_some_and(|t| ts.contains(&t)))
    };
    let disputed = match ledger {
        Ledger::Receivable => disputed_as_of(conn, org.id, as_of)?,
        Ledger::Payable => HashMap::new(),
    };
    let mut by_account: BTreeMap<ClientAccountId, (Buckets, Vec<AgingItem>)> = BTreeMap::new();
    let mut disputed_by_account: HashMap<ClientAccountId, i64> = HashMap::new();
    let mut totals = Buckets::default();
    let mut disputed_total = 0_i64;
    for (account, aged_from, minor, item) in items {
        if !shown(&account) {
            continue;
        }
        if let Some(d) = disputed.get(&item.id) {
            *disputed_by_account.entry(account).or_default() += d;
            disputed_total += d;
        }
        let entry = by_account.entry(account).or_default();
        entry.0.add(aged_from, as_of, minor);
        totals.add(aged_from, as_of, minor);
        if scope.include_items {
            entry.1.push(AgingItem {
                kind: item.kind,
                id: item.id,
                number: item.number,
                aged_from,
                days_past_due: (as_of - aged_from).num_days().max(0),
                amount: money(minor, org.base),
            });
        }
    }
    let names = super::account_names(conn, org.id, by_account.keys().copied())?;
    let mut accounts: Vec<AgingRow> = by_account
        .into_iter()
        .filter(|(_, (b, _))| *b != Buckets::default())
        .map(|(id, (b, mut items))| {
            let (owner, team) = holders.get(&id).copied().unwrap_or_default();
            items.sort_by(|x, y| x.aged_from.cmp(&y.aged_from).then(x.id.cmp(&y.id)));
            AgingRow {
                account_id: id.0,
                name: names.get(&id).cloned().unwrap_or_default(),
                owner_id: owner.map(|o| o.0),
                team_id: team.map(|t| t.0),
                buckets: AgingBuckets::of(
                    &b,
                    disputed_by_account.get(&id).copied().unwrap_or(0),
                    org.base,
                ),
                items: scope.include_items.then_some(items),
            }
        })
        .collect();
    accounts.sort_by(|a, b| a.name.cmp(&b.name).then(a.account_id.cmp(&b.account_id)));
    Ok(AgingReport {
        as_of,
        currency: org.base.code().to_owned(),
        accounts,
        totals: AgingBuckets::of(&totals, disputed_total, org.base),
        ledger_account_id: super::control_account(conn, org.id, ledger)?.0,
    })
}

/// Per invoice, the base amount that disputes open on `as_of` contest: their amounts on it
/// (in its currency) up to what is open of it on that day, converted in proportion to its
/// open base amount (so the whole open amount converts exactly to the open base amount).
fn disputed_as_of(
    conn: &mut Tx,
    org: OrganizationId,
    as_of: NaiveDate,
) -> Result<HashMap<Uuid, i64>, AppError> {
    let mut contested: HashMap<DocumentId, i64> = HashMap::new();
    for d in db::crm::risks::dated_disputes(conn, org, as_of, None)? {
        if crate::domain::crm::open_on(d.opened_on, d.resolved_on, as_of) {
            *contested.entry(d.invoice_id).or_default() += d.amount_minor;
        }
    }
    if contested.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<DocumentId> = contested.keys().copied().collect();
    // What each invoice still owed on the day, in its currency and in the base currency.
    let mut open: HashMap<DocumentId, (i64, i64)> = HashMap::new();
    for d in billing::documents::documents_by_ids(conn, org, &ids)? {
        if d.kind == DocumentKind::Invoice.as_str()
            && matches!(d.status.as_str(), "open" | "partially_paid" | "paid")
            && d.issue_date <= as_of
        {
            open.insert(d.id, (d.total_minor, d.base_total_minor));
        }
    }
    for a in db::crm::revenue::allocations_into(conn, org, &ids, as_of)? {
        if let Some((doc, base)) = open.get_mut(&a.document_id) {
            *doc -= a.amount_minor;
            *base -= a.document_base_minor;
        }
    }
    Ok(open
        .into_iter()
        .filter_map(|(id, (doc, base))| {
            let part = contested.get(&id).copied().unwrap_or(0).min(doc);
            (part > 0 && base > 0).then(|| {
                let share = if part == doc {
                    base
                } else {
                    crate::domain::money::scale(base, part, doc).min(base)
                };
                (id.0, share)
            })
        })
        .collect())
}

// ---- the use case ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingParams {
    /// Default today.
    #[param(example = "2026-11-30")]
    pub as_of: Option<NaiveDate>,
    /// Only the accounts this user owns.
    pub owner_id: Option<Uuid>,
    /// Only the accounts of this team and its sub-teams.
    pub team_id: Option<Uuid>,
    /// Each row lists its open items (invoices, credits, unallocated payments).
    #[serde(default)]
    pub include_items: bool,
}

/// `GET /reports/ar-aging` and `/reports/ap-aging`, in one snapshot.
pub async fn aging_report(
    app: &App,
    cx: &Context,
    ledger: Ledger,
    params: AgingParams,
) -> Result<AgingReport, AppError> {
    let as_of = params.as_of.unwrap_or_else(|| Utc::now().date_naive());
    let scope = AgingScope {
        owner_id: params.owner_id.map(UserId),
        team_id: params.team_id.map(TeamId),
        include_items: params.include_items,
    };
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        aging(tx, caller, ledger, as_of, &scope)
    })
    .await
}
