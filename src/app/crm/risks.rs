//! Risks: what threatens a client account, disputes included, each with an action plan. A
//! plain record (see [`crate::app::record`]) whose writes need write access to its account;
//! it stays on its account. A competitor is named by id or by name (created on the way). Every
//! write refreshes the account's at-risk status in the same transaction.
//!
//! A dispute names issued invoices of its account, each with the amount contested in the
//! invoice's currency (at most its amount due when written): `disputed_invoices`, stored one
//! row per invoice. `invoice_ids` and `disputed_amount` read as their summary (the ids; the
//! sum when all are in one currency). They are still accepted on write, mapped onto the rows
//! when that is unambiguous: one invoice and an amount is that amount of it; invoices without
//! an amount are each disputed for their whole amount due; several invoices with one amount
//! are refused (name each amount); an amount naming no invoice is kept on the risk only and
//! covers no invoice. A dispute resolved with outcome `credited` names the issued credit notes
//! of its account that settled it, each allocated to one of its invoices.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, RiskListParams};
use super::{check_user, money_string, refresh_account, resolve_competitor};
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::billing::documents::DocumentRow;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::risks::{DisputedInvoiceRow, RiskRow, RiskStepRow};
use crate::db::{self};
use crate::domain::crm::{DisputeOutcome, RiskKind, RiskStatus, Severity, TextEnum};
use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId, RiskId, UserId};

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionStep {
    pub step: String,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// One invoice a dispute contests, and how much of it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputedInvoiceInput {
    /// An issued invoice of the risk's account.
    pub invoice_id: Uuid,
    /// A positive decimal string in the invoice's currency, at most its amount due.
    #[schema(example = "200.00")]
    pub amount: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DisputedInvoiceView {
    pub invoice_id: Uuid,
    #[schema(example = "200.00")]
    pub amount: String,
    /// The invoice's currency.
    #[schema(example = "USD")]
    pub currency: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = RiskPatch)]
#[serde(deny_unknown_fields)]
pub struct RiskInput {
    pub account_id: Option<Uuid>,
    #[schema(value_type = Option<RiskKind>)]
    pub kind: Option<String>,
    #[schema(value_type = Option<Severity>)]
    pub severity: Option<String>,
    #[schema(max_length = 5000, pattern = r"\S")]
    pub description: Option<String>,
    /// A competitor's id or name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub competitor_id: Option<Option<String>>,
    /// Disputes: what each contested invoice is disputed for (replaces them all). While the
    /// dispute is open or mitigating these amounts show on the invoices, in the receivables
    /// aging's `disputed` column, and do not count as overdue in the account's health.
    pub disputed_invoices: Option<Vec<DisputedInvoiceInput>>,
    /// Older form of `disputed_invoices` (not with it): invoices of the risk's account, each
    /// disputed whole (its amount due) unless `disputed_amount` is given for a single one.
    pub invoice_ids: Option<Vec<Uuid>>,
    /// Older form: with one invoice in `invoice_ids`, the amount of it disputed (in its
    /// currency); with none, an amount kept on the risk that covers no invoice.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "1500.00")]
    pub disputed_amount: Option<Option<String>>,
    /// Default: the organization's today.
    #[schema(example = "2026-11-30")]
    pub opened_on: Option<NaiveDate>,
    /// Only with status resolved or lost; default the day the status became one of them.
    /// Reopening a risk clears it.
    #[schema(example = "2026-12-15")]
    pub resolved_on: Option<NaiveDate>,
    /// Disputes: the issued credit notes of the account that settled it, each allocated to
    /// one of the disputed invoices; required to resolve with outcome `credited`.
    pub credit_note_ids: Option<Vec<Uuid>>,
    pub action_plan: Option<Vec<ActionStep>>,
    #[schema(value_type = Option<RiskStatus>)]
    pub status: Option<String>,
    /// Disputes only.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DisputeOutcome>)]
    pub outcome: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub resolution: Option<Option<String>>,
}

crate::create_input!(
    /// A new risk: the fields of a change, with those a create must name required.
    RiskCreate(RiskInput) required ["account_id", "kind", "severity", "description"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct RiskView {
    pub id: Uuid,
    pub account_id: Uuid,
    #[schema(value_type = RiskKind)]
    pub kind: String,
    #[schema(value_type = Severity)]
    pub severity: String,
    pub description: String,
    pub competitor_id: Option<Uuid>,
    pub disputed_invoices: Vec<DisputedInvoiceView>,
    /// The disputed invoices' ids.
    pub invoice_ids: Vec<Uuid>,
    /// The sum of `disputed_invoices` when all are in one currency (or the older amount that
    /// names no invoice); null otherwise.
    pub disputed_amount: Option<String>,
    /// The currency of `disputed_amount`.
    pub currency: Option<String>,
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
    pub credit_note_ids: Vec<Uuid>,
    pub action_plan: Vec<ActionStep>,
    #[schema(value_type = RiskStatus)]
    pub status: String,
    #[schema(value_type = Option<DisputeOutcome>)]
    pub outcome: Option<String>,
    pub resolution: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a create or a change says about the risk's own fields; `account_currency` is what a
/// disputed amount is in.
fn apply_fields(
    tx: &mut Tx,
    account_currency: &str,
    input: &RiskInput,
    row: &mut RiskRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    if let Some(k) = check.enum_value::<RiskKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(s) = check.enum_value::<Severity>("severity", input.severity.as_deref()) {
        row.severity = s.as_str().into();
    }
    if let Some(d) = &input.description {
        row.description = check.required("description", Some(d), 5000);
    }
    if let Some(c) = &input.competitor_id {
        row.competitor_id = match c {
            Some(c) => resolve_competitor(tx, org, "competitor_id", c, check)?,
            None => None,
        };
    }
    if let Some(d) = disputed(tx, row, account_currency, input, check)? {
        summarize(row, &d);
    }
    if let Some(d) = input.opened_on {
        row.opened_on = d;
    }
    let was_closed = is_closed(&row.status);
    if let Some(s) = check.enum_value::<RiskStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
    }
    if is_closed(&row.status) {
        if let Some(d) = input.resolved_on {
            row.resolved_on = Some(d);
        } else if !was_closed || row.resolved_on.is_none() {
            row.resolved_on = Some(crate::app::organization::today(tx)?);
        }
    } else {
        if input.resolved_on.is_some() {
            check.push(
                "resolved_on",
                "not_resolved",
                "only a resolved or lost risk has a resolved_on",
            );
        }
        row.resolved_on = None;
    }
    if row.resolved_on.is_some_and(|r| r < row.opened_on) {
        check.push(
            if input.resolved_on.is_some() {
                "resolved_on"
            } else {
                "opened_on"
            },
            "date_order",
            "resolved_on cannot be before opened_on",
        );
    }
    if let Some(o) = &input.outcome {
        row.outcome = check
            .enum_value::<DisputeOutcome>("outcome", o.as_deref())
            .map(|o| o.as_str().to_owned());
    }
    if let Some(r) = &input.resolution {
        row.resolution = check.text("resolution", r.as_deref(), 5000);
    }
    if let Some(ids) = &input.credit_note_ids {
        let ids = unique(ids);
        check_credit_notes(tx, row, &ids, check)?;
        row.credit_note_ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    }
    if row.kind != "dispute"
        && (row.outcome.is_some()
            || row.disputed_amount_minor.is_some()
            || row.invoice_ids != "[]"
            || row.credit_note_ids != "[]")
    {
        check.push(
            "kind",
            "dispute_fields",
            "outcome, disputed_invoices, disputed_amount, invoice_ids and credit_note_ids belong to disputes",
        );
    }
    let settles =
        input.status.is_some() || input.outcome.is_some() || input.credit_note_ids.is_some();
    if settles
        && row.kind == RiskKind::Dispute.as_str()
        && row.status == RiskStatus::Resolved.as_str()
        && row.outcome.as_deref() == Some(DisputeOutcome::Credited.as_str())
        && row.credit_note_ids == "[]"
    {
        check.push(
            "credit_note_ids",
            "required",
            "a dispute resolved as credited names the issued credit notes that settled it",
        );
    }
    if let Some(plan) = &input.action_plan {
        for (i, s) in plan.iter().enumerate() {
            check.required(&format!("action_plan[{i}].step"), Some(&s.step), 1000);
            check_user(
                tx,
                org,
                &format!("action_plan[{i}].owner_id"),
                s.owner_id,
                check,
            )?;
        }
    }
    Ok(())
}

/// The stored steps of an action plan (already checked), in order.
fn plan_rows(row: &RiskRow, plan: &[ActionStep]) -> Vec<RiskStepRow> {
    plan.iter()
        .enumerate()
        .map(|(i, s)| RiskStepRow {
            organization_id: row.organization_id,
            risk_id: row.id,
            step_no: i as i32,
            step: s.step.trim().to_owned(),
            owner_id: s.owner_id.map(UserId),
            due_on: s.due_on,
            done: s.done,
        })
        .collect()
}

fn is_closed(status: &str) -> bool {
    status == RiskStatus::Resolved.as_str() || status == RiskStatus::Lost.as_str()
}

/// The ids once each, in order.
fn unique(ids: &[Uuid]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// What a dispute contests after a write: one row per invoice, or (older form) an amount in
/// the account's currency that names no invoice.
struct Disputed {
    rows: Vec<DisputedInvoiceRow>,
    unassigned: Option<(i64, String)>,
}

/// Writes the summary columns of the risk (ids, and the sum when one currency).
fn summarize(row: &mut RiskRow, d: &Disputed) {
    let ids: Vec<Uuid> = d.rows.iter().map(|r| r.invoice_id.0).collect();
    row.invoice_ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    let one_currency = d
        .rows
        .first()
        .map(|f| f.currency.clone())
        .filter(|c| d.rows.iter().all(|r| &r.currency == c));
    (row.disputed_amount_minor, row.disputed_currency) = match (&d.unassigned, one_currency) {
        (Some((m, c)), _) => (Some(*m), Some(c.clone())),
        (None, Some(c)) => (Some(d.rows.iter().map(|r| r.amount_minor).sum()), Some(c)),
        (None, None) => (None, None),
    };
}

/// How an invoice named by a dispute stands against the rules: the row if it may be
/// disputed, else the problem (code, message).
fn invoice_problem(
    doc: Option<&DocumentRow>,
    account: ClientAccountId,
) -> Option<(&'static str, &'static str)> {
    match doc {
        None => Some(("not_found", "no such invoice in your organization")),
        Some(d) if d.kind != "invoice" => Some(("not_an_invoice", "must be an invoice")),
        Some(d) if d.account_id != account && !account.0.is_nil() => Some((
            "account_mismatch",
            "must be an invoice of the risk's account",
        )),
        Some(d) if matches!(d.status.as_str(), "draft" | "void") => Some((
            "invoice_not_issued",
            "must be an issued invoice (not a draft or void)",
        )),
        Some(_) => None,
    }
}

/// An amount disputed on `doc`, checked: positive, in its currency, at most its amount due.
fn disputed_amount_of(
    doc: &DocumentRow,
    field: &str,
    amount: &str,
    check: &mut Check,
) -> Option<i64> {
    let currency = crate::domain::money::Currency::parse(&doc.currency).ok();
    let due = doc.total_minor - doc.allocated_minor;
    match check.money_minor(field, amount, currency)? {
        0 => {
            check.push(field, "must_be_positive", "must be greater than zero");
            None
        }
        m if m > due => {
            check.push(
                field,
                "exceeds_amount_due",
                format!(
                    "at most the invoice's amount due, {}",
                    money_string(due.max(0), &doc.currency)
                ),
            );
            None
        }
        m => Some(m),
    }
}

/// What the write says the dispute contests, checked (every problem into `check`); `None`
/// when it says nothing about it. The older fields are mapped onto per-invoice rows as the
/// module explains; their problems name `invoice_ids[i]` and `disputed_amount`.
fn disputed(
    tx: &mut Tx,
    row: &RiskRow,
    account_currency: &str,
    input: &RiskInput,
    check: &mut Check,
) -> Result<Option<Disputed>, AppError> {
    let legacy = input.invoice_ids.is_some() || input.disputed_amount.is_some();
    let org = row.organization_id;
    let new_row = |invoice: &DocumentRow, amount_minor: i64| DisputedInvoiceRow {
        organization_id: org,
        risk_id: row.id,
        invoice_id: invoice.id,
        amount_minor,
        currency: invoice.currency.clone(),
    };
    if let Some(list) = &input.disputed_invoices {
        if legacy {
            check.push(
                if input.invoice_ids.is_some() {
                    "invoice_ids"
                } else {
                    "disputed_amount"
                },
                "conflicting_fields",
                "give disputed_invoices, or the older invoice_ids and disputed_amount, not both",
            );
            return Ok(None);
        }
        let ids: Vec<DocumentId> = list.iter().map(|d| DocumentId(d.invoice_id)).collect();
        let docs = documents_by_id(tx, org, &ids)?;
        let mut rows = Vec::with_capacity(list.len());
        for (i, d) in list.iter().enumerate() {
            let field = |f: &str| format!("disputed_invoices[{i}].{f}");
            let doc = docs.get(&DocumentId(d.invoice_id));
            if list.iter().take(i).any(|e| e.invoice_id == d.invoice_id) {
                check.push(field("invoice_id"), "duplicate", "names an invoice twice");
                continue;
            }
            if let Some((code, message)) = invoice_problem(doc, row.account_id) {
                check.push(field("invoice_id"), code, message);
                continue;
            }
            if let Some(doc) = doc {
                if let Some(m) = disputed_amount_of(doc, &field("amount"), &d.amount, check) {
                    rows.push(new_row(doc, m));
                }
            }
        }
        return Ok(Some(Disputed {
            rows,
            unassigned: None,
        }));
    }
    if !legacy {
        return Ok(None);
    }
    let ids: Vec<Uuid> = match &input.invoice_ids {
        Some(ids) => unique(ids),
        None => serde_json::from_str(&row.invoice_ids).unwrap_or_default(),
    };
    let amount = input.disputed_amount.clone().flatten();
    let wanted: Vec<DocumentId> = ids.iter().map(|i| DocumentId(*i)).collect();
    let docs = documents_by_id(tx, org, &wanted)?;
    let mut valid: Vec<&DocumentRow> = Vec::with_capacity(ids.len());
    for (i, id) in wanted.iter().enumerate() {
        let doc = docs.get(id);
        match (invoice_problem(doc, row.account_id), doc) {
            (Some((code, message)), _) => check.push(format!("invoice_ids[{i}]"), code, message),
            (None, Some(doc)) => valid.push(doc),
            (None, None) => {}
        }
    }
    let mut rows = Vec::with_capacity(valid.len());
    let mut unassigned = None;
    match (amount, ids.len()) {
        (Some(a), 0) => {
            let currency = crate::domain::money::Currency::parse(account_currency).ok();
            unassigned = check
                .money_minor("disputed_amount", &a, currency)
                .map(|m| (m, account_currency.to_owned()));
        }
        (Some(a), 1) => {
            if let Some(doc) = valid.first() {
                if let Some(m) = disputed_amount_of(doc, "disputed_amount", &a, check) {
                    rows.push(new_row(doc, m));
                }
            }
        }
        (Some(a), _) => {
            // Still checked as an amount, so a malformed one is named as such.
            let currency = crate::domain::money::Currency::parse(account_currency).ok();
            check.money_minor("disputed_amount", &a, currency);
            check.push(
                "disputed_amount",
                "ambiguous",
                "several invoices share one amount: name each invoice's amount in disputed_invoices",
            );
        }
        (None, _) => {
            for (i, id) in wanted.iter().enumerate() {
                if let Some(doc) = valid.iter().find(|d| d.id == *id) {
                    let due = doc.total_minor - doc.allocated_minor;
                    if due > 0 {
                        rows.push(new_row(doc, due));
                    } else {
                        check.push(
                            format!("invoice_ids[{i}]"),
                            "nothing_due",
                            "this invoice is paid: nothing is left to dispute",
                        );
                    }
                }
            }
        }
    }
    Ok(Some(Disputed { rows, unassigned }))
}

fn documents_by_id(
    tx: &mut Tx,
    org: OrganizationId,
    ids: &[DocumentId],
) -> Result<HashMap<DocumentId, DocumentRow>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(db::billing::documents::documents_by_ids(tx, org, ids)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

/// Each credit note a dispute names is an issued credit note of the risk's account, allocated
/// to one of the invoices the dispute names (when it names any).
fn check_credit_notes(
    tx: &mut Tx,
    row: &RiskRow,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    let wanted: Vec<DocumentId> = ids.iter().map(|i| DocumentId(*i)).collect();
    let docs = documents_by_id(tx, org, &wanted)?;
    let invoices: Vec<Uuid> = serde_json::from_str(&row.invoice_ids).unwrap_or_default();
    for (i, id) in wanted.iter().enumerate() {
        let field = format!("credit_note_ids[{i}]");
        match docs.get(id) {
            None => check.push(
                field,
                "not_found",
                "no such credit note in your organization",
            ),
            Some(d) if d.kind != "credit_note" => {
                check.push(field, "not_a_credit_note", "must be a credit note")
            }
            Some(d) if d.account_id != row.account_id => check.push(
                field,
                "account_mismatch",
                "must be a credit note of the risk's account",
            ),
            Some(d) if matches!(d.status.as_str(), "draft" | "void") => check.push(
                field,
                "credit_note_not_issued",
                format!("this credit note is {}: name an issued one", d.status),
            ),
            Some(d) if !invoices.is_empty() => {
                let allocated = db::billing::allocations::allocations_from_credit(tx, org, d.id)?
                    .iter()
                    .any(|a| invoices.contains(&a.document_id.0));
                if !allocated {
                    check.push(
                        field,
                        "not_allocated",
                        "must be allocated to one of the disputed invoices",
                    );
                }
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Stores the per-invoice rows of a write that names what the dispute contests (checked in
/// `apply`; worked out again from the same input and the rows as they were, `before`).
fn store_disputed(tx: &mut Tx, before: &RiskRow, input: &RiskInput) -> Result<(), AppError> {
    // The account's currency only matters to an amount naming no invoice (not a row).
    if let Some(d) = disputed(tx, before, "", input, &mut Check::new())? {
        db::crm::risks::set_disputed_invoices(tx, before.organization_id, before.id, &d.rows)?;
    }
    Ok(())
}

/// A competitor threat names a competitor the account is up against: it joins the account's
/// competitors.
fn threat_names_competitor(tx: &mut Tx, risk: &RiskRow) -> Result<(), AppError> {
    match risk.competitor_id {
        Some(c) if risk.kind == RiskKind::CompetitorThreat.as_str() => {
            super::accounts::add_competitor(tx, risk.organization_id, risk.account_id, c)
        }
        _ => Ok(()),
    }
}

pub struct Risk;

impl Record for Risk {
    const NAME: &'static str = "risk";
    const COLLECTION: &'static str = "risks";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = RiskRow;
    type Create = RiskCreate;
    type Patch = RiskInput;
    type View = RiskView;
    type Query = RiskListParams;

    fn event(before: &RiskRow, after: &RiskRow) -> Option<&'static str> {
        (after.status == "resolved" && before.status != "resolved").then_some("resolved")
    }

    fn may_create(tx: &mut Tx, input: &RiskCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(tx: &mut Tx, input: &RiskCreate, check: &mut Check) -> Result<RiskRow, AppError> {
        let account = account_records::account_for_new(tx, input.account_id, check)?;
        for (f, missing) in [
            ("kind", input.kind.is_none()),
            ("severity", input.severity.is_none()),
            ("description", input.description.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let now = db::now();
        let mut row = RiskRow {
            organization_id: tx.caller()?.org,
            id: RiskId::new(),
            account_id: account
                .as_ref()
                .map(|a| a.id)
                .unwrap_or(ClientAccountId(Uuid::nil())),
            kind: String::new(),
            severity: String::new(),
            description: String::new(),
            competitor_id: None,
            invoice_ids: "[]".into(),
            disputed_amount_minor: None,
            disputed_currency: None,
            status: RiskStatus::Open.as_str().into(),
            outcome: None,
            resolution: None,
            version: 1,
            created_at: now,
            updated_at: now,
            opened_on: match input.opened_on {
                Some(d) => d,
                None => crate::app::organization::today(tx)?,
            },
            resolved_on: None,
            credit_note_ids: "[]".into(),
        };
        let currency = account
            .as_ref()
            .map(|a| a.currency.clone())
            .unwrap_or_else(|| "USD".into());
        apply_fields(tx, &currency, input, &mut row, check)?;
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &RiskInput,
        row: &mut RiskRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "a risk stays on its account",
            ));
        }
        // An older-form amount naming no invoice is in the account's currency.
        let currency = if input.disputed_amount.is_some() {
            account_records::target_account(tx, row.account_id)?.currency
        } else {
            String::new()
        };
        apply_fields(tx, &currency, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &RiskRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn created(tx: &mut Tx, row: &RiskRow, input: &RiskCreate) -> Result<(), AppError> {
        let steps = plan_rows(row, input.action_plan.as_deref().unwrap_or(&[]));
        db::crm::risks::set_risk_steps(tx, row.organization_id, row.id, &steps)?;
        store_disputed(tx, row, input)?;
        refresh_account(tx, row.organization_id, row.account_id)?;
        threat_names_competitor(tx, row)
    }

    fn updated(
        tx: &mut Tx,
        before: &RiskRow,
        after: &RiskRow,
        input: &RiskInput,
    ) -> Result<(), AppError> {
        if let Some(plan) = &input.action_plan {
            let steps = plan_rows(after, plan);
            db::crm::risks::set_risk_steps(tx, after.organization_id, after.id, &steps)?;
        }
        store_disputed(tx, before, input)?;
        refresh_account(tx, after.organization_id, after.account_id)?;
        threat_names_competitor(tx, after)
    }

    fn views(tx: &mut Tx, rows: Vec<RiskRow>) -> Result<Vec<RiskView>, AppError> {
        let org = tx.caller()?.org;
        let ids: Vec<RiskId> = rows.iter().map(|r| r.id).collect();
        let mut disputed: HashMap<RiskId, Vec<DisputedInvoiceView>> = HashMap::new();
        for d in db::crm::risks::disputed_invoices(tx, org, &ids)? {
            disputed
                .entry(d.risk_id)
                .or_default()
                .push(DisputedInvoiceView {
                    invoice_id: d.invoice_id.0,
                    amount: money_string(d.amount_minor, &d.currency),
                    currency: d.currency,
                });
        }
        let mut steps: HashMap<RiskId, Vec<ActionStep>> = HashMap::new();
        for s in db::crm::risks::risk_steps(tx, org, &ids)? {
            steps.entry(s.risk_id).or_default().push(ActionStep {
                step: s.step,
                owner_id: s.owner_id.map(|o| o.0),
                due_on: s.due_on,
                done: s.done,
            });
        }
        Ok(rows
            .into_iter()
            .map(|r| RiskView {
                id: r.id.0,
                account_id: r.account_id.0,
                kind: r.kind,
                severity: r.severity,
                description: r.description,
                competitor_id: r.competitor_id.map(|c| c.0),
                disputed_invoices: disputed.remove(&r.id).unwrap_or_default(),
                invoice_ids: serde_json::from_str(&r.invoice_ids).unwrap_or_default(),
                disputed_amount: r
                    .disputed_amount_minor
                    .map(|m| money_string(m, r.disputed_currency.as_deref().unwrap_or("USD"))),
                currency: r.disputed_currency,
                opened_on: r.opened_on,
                resolved_on: r.resolved_on,
                credit_note_ids: serde_json::from_str(&r.credit_note_ids).unwrap_or_default(),
                action_plan: steps.remove(&r.id).unwrap_or_default(),
                status: r.status,
                outcome: r.outcome,
                resolution: r.resolution,
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &RiskListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &RiskListParams) -> Option<&str> {
        q.sort()
    }
}
