//! Allocations: which payment or credit settles which document.
//!
//! An allocation moves no money: it says which document the money settles. When the document
//! and the payment (or credit) were booked at different rates, the allocation posts the
//! realised difference between the control account and `fx_gain_loss` on its date, so each
//! settled pair leaves nothing on the control account — which is what keeps the aging tied
//! to it. Undoing one (a void) reverses that difference on its own date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::documents::kind_of;
use super::payments::PaymentDirection;
use super::{check_lock, control_account, money, role_account};
use crate::app::error::{AppError, Check, FieldError};
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::app::unit_of_work::Change;
use crate::app::Tx;
use crate::auth::Caller;
use crate::db::billing::{
    self, allocations::AllocationRow, documents::DocumentRow, payments::PaymentRow,
};
use crate::db::{self};
use crate::domain::documents::{allocation_base_minor, AmountsAre, DocumentKind, Pricing};
use crate::domain::ids::{
    AllocationId, DocumentId, EntrySourceId, OrganizationId, PaymentId, UserId,
};
use crate::domain::ledger::{Side, SystemRole};
use crate::domain::money::{decimal_string_opt, Currency, Rounding};

/// One settlement between a document and a payment or a credit.
#[derive(Debug, Serialize, ToSchema)]
pub struct AllocationView {
    pub id: Uuid,
    #[schema(example = "2026-09-10")]
    pub date: NaiveDate,
    #[schema(example = "100.00")]
    pub amount: String,
    #[schema(example = "USD")]
    pub currency: String,
    pub invoice_id: Option<Uuid>,
    pub bill_id: Option<Uuid>,
    pub credit_note_id: Option<Uuid>,
    pub vendor_credit_id: Option<Uuid>,
    pub payment_id: Option<Uuid>,
    /// The realised exchange difference's entry, when the rates differed.
    pub fx_entry_id: Option<Uuid>,
    pub voided: bool,
}

impl AllocationView {
    /// Names both sides of `a` by their kinds.
    pub fn of(
        a: &AllocationRow,
        kinds: &HashMap<DocumentId, DocumentKind>,
        currency: Currency,
    ) -> Self {
        let mut v = AllocationView {
            id: a.id.0,
            date: a.allocation_date,
            amount: money(a.amount_minor, currency),
            currency: currency.code().to_owned(),
            invoice_id: None,
            bill_id: None,
            credit_note_id: None,
            vendor_credit_id: None,
            payment_id: a.payment_id.map(|p| p.0),
            fx_entry_id: a.fx_entry_id.map(|e| e.0),
            voided: a.voided,
        };
        for id in std::iter::once(a.document_id).chain(a.credit_document_id) {
            let slot = match kinds.get(&id) {
                Some(DocumentKind::Invoice) => &mut v.invoice_id,
                Some(DocumentKind::Bill) => &mut v.bill_id,
                Some(DocumentKind::CreditNote) => &mut v.credit_note_id,
                Some(DocumentKind::VendorCredit) => &mut v.vendor_credit_id,
                None => continue,
            };
            *slot = Some(id.0);
        }
        v
    }
}

/// The kinds of the documents these allocations touch.
pub fn allocation_kinds(
    conn: &mut Tx,
    org: OrganizationId,
    allocations: &[AllocationRow],
) -> Result<HashMap<DocumentId, DocumentKind>, AppError> {
    let mut ids: Vec<DocumentId> = allocations
        .iter()
        .flat_map(|a| std::iter::once(a.document_id).chain(a.credit_document_id))
        .collect();
    ids.sort_by_key(|i| i.0);
    ids.dedup();
    let mut kinds = HashMap::new();
    for d in billing::documents::documents_by_ids(conn, org, &ids)? {
        kinds.insert(d.id, kind_of(&d)?);
    }
    Ok(kinds)
}

/// What settles a document: a payment, or a credit note / vendor credit.
pub enum AllocationSource<'a> {
    Payment(&'a PaymentRow),
    Credit(&'a DocumentRow),
}

pub(super) fn pricing(
    currency: Currency,
    base: Currency,
    rate: Decimal,
    rounding: Rounding,
) -> Pricing {
    Pricing {
        currency,
        base,
        exchange_rate: rate,
        amounts_are: AmountsAre::Exclusive,
        rounding,
    }
}

/// Settles `amount_minor` of `target` with `source` on `date`, posting any realised exchange
/// difference. Each refusal names the rule; `field` prefixes the error's field.
pub fn allocate_in(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    target: &DocumentRow,
    source: AllocationSource<'_>,
    amount_minor: i64,
    date: NaiveDate,
) -> Result<AllocationRow, AppError> {
    allocate_at(
        conn,
        caller,
        org,
        target,
        source,
        amount_minor,
        date,
        "allocations[0]",
    )
}

#[allow(clippy::too_many_arguments)]
fn allocate_at(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    target: &DocumentRow,
    source: AllocationSource<'_>,
    amount_minor: i64,
    date: NaiveDate,
    field: &str,
) -> Result<AllocationRow, AppError> {
    let kind = kind_of(target)?;
    let f = |name: &str| format!("{field}.{name}");
    let (source_account, source_currency, source_date) = match &source {
        AllocationSource::Payment(p) => (p.account_id, p.currency.as_str(), p.payment_date),
        AllocationSource::Credit(c) => (c.account_id, c.currency.as_str(), c.issue_date),
    };
    if !matches!(target.status.as_str(), "open" | "partially_paid") {
        return Err(AppError::field(
            if target.status == "paid" {
                "allocation_exceeds_due"
            } else {
                "document_not_open"
            },
            &f("amount"),
            format!("the {} is {}", kind.noun(), target.status),
        ));
    }
    if target.account_id != source_account {
        return Err(AppError::field(
            "allocation_account_mismatch",
            &f(&format!("{}_id", kind.as_str())),
            format!("the {} belongs to another account", kind.noun()),
        ));
    }
    if target.currency != source_currency {
        return Err(AppError::field(
            "allocation_currency_mismatch",
            &f(&format!("{}_id", kind.as_str())),
            format!(
                "the {} is in {}, not {source_currency}",
                kind.noun(),
                target.currency
            ),
        ));
    }
    if date < target.issue_date || date < source_date {
        return Err(AppError::field(
            "allocation_before_document",
            &f("date"),
            format!(
                "an allocation is dated on or after both sides ({} and {source_date})",
                target.issue_date
            ),
        ));
    }
    check_lock(org, date, &f("date"))?;
    let currency = currency_of(&target.currency)?;
    let too_large = |_| AppError::field("too_large", &f("amount"), "too large");
    let now = db::now();
    let target_before = DocumentBefore::read(conn, org, target.id)?;
    let credit_before = match &source {
        AllocationSource::Credit(c) => Some(DocumentBefore::read(conn, org, c.id)?),
        AllocationSource::Payment(_) => None,
    };
    // The amounts move first: each conditional update refuses to go above what is due and
    // locks its row, so the base amounts below are computed from what was settled before
    // this allocation even when another request settled part of the same item meanwhile —
    // the allocation that settles an item takes exactly the base left.
    if !billing::documents::allocate_document(conn, org.id, target.id, amount_minor, 0, now)? {
        return Err(AppError::field(
            "allocation_exceeds_due",
            &f("amount"),
            format!(
                "more than the {}'s amount due ({})",
                kind.noun(),
                money(target.total_minor - target.allocated_minor, currency)
            ),
        ));
    }
    let locked = billing::documents::find_document(conn, org.id, target.id)?;
    let document_base = allocation_base_minor(
        amount_minor,
        locked.total_minor,
        locked.base_total_minor,
        locked.allocated_minor - amount_minor,
        locked.allocated_base_minor,
        &pricing(currency, org.base, locked.exchange_rate.0, org.rounding),
    )
    .map_err(too_large)?;
    billing::documents::add_document_allocated_base(conn, org.id, target.id, document_base)?;
    let (payment_id, credit_id, source_kind, source_base) = match &source {
        AllocationSource::Payment(p) => {
            if !billing::payments::allocate_payment(conn, org.id, p.id, amount_minor, 0, now)? {
                return Err(AppError::field(
                    "allocations_exceed_payment",
                    &f("amount"),
                    "the allocations add up to more than the payment's unallocated amount",
                ));
            }
            let p = billing::payments::find_payment(conn, org.id, p.id)?;
            let base = allocation_base_minor(
                amount_minor,
                p.amount_minor,
                p.base_amount_minor,
                p.allocated_minor - amount_minor,
                p.allocated_base_minor,
                &pricing(currency, org.base, p.exchange_rate.0, Rounding::HalfUp),
            )
            .map_err(too_large)?;
            billing::payments::add_payment_allocated_base(conn, org.id, p.id, base)?;
            (Some(p.id), None, Source::Payment, base)
        }
        AllocationSource::Credit(c) => {
            if !billing::documents::allocate_document(conn, org.id, c.id, amount_minor, 0, now)? {
                return Err(AppError::field(
                    "allocation_exceeds_credit",
                    &f("amount"),
                    "more than the credit left to use",
                ));
            }
            let c = billing::documents::find_document(conn, org.id, c.id)?;
            let base = allocation_base_minor(
                amount_minor,
                c.total_minor,
                c.base_total_minor,
                c.allocated_minor - amount_minor,
                c.allocated_base_minor,
                &pricing(currency, org.base, c.exchange_rate.0, org.rounding),
            )
            .map_err(too_large)?;
            billing::documents::add_document_allocated_base(conn, org.id, c.id, base)?;
            let source = if kind_of(&c)? == DocumentKind::VendorCredit {
                Source::VendorCredit
            } else {
                Source::CreditNote
            };
            (None, Some(c.id), source, base)
        }
    };
    // What the pair leaves on the control account, as a net debit; the difference entry
    // takes it off again.
    let residual = if kind.debits_control() {
        document_base - source_base
    } else {
        source_base - document_base
    };
    let id = AllocationId::new();
    let fx_entry_id = if residual != 0 {
        let control = control_account(conn, org.id, kind.ledger())?;
        let fx = role_account(conn, org.id, SystemRole::FxGainLoss)?;
        let amount = Decimal::new(residual.abs(), org.base.exponent());
        let line = |account, side| DraftLine {
            ledger_account_id: account,
            both_sides: false,
            side: Some(side),
            amount: Some(amount),
            exchange_rate: None,
            description: None,
            account_id: Some(target.account_id),
        };
        let (control_side, fx_side) = if residual > 0 {
            (Side::Credit, Side::Debit)
        } else {
            (Side::Debit, Side::Credit)
        };
        let entry = ledger::post_entry_for(
            conn,
            caller,
            org,
            EntryDraft {
                date,
                description: format!(
                    "Realised exchange difference on {} {}",
                    kind.noun(),
                    target
                        .number
                        .clone()
                        .or_else(|| target.reference.clone())
                        .unwrap_or_default()
                ),
                reference: target.number.clone().or_else(|| target.reference.clone()),
                source: source_kind,
                source_id: Some(
                    payment_id
                        .map(EntrySourceId::from)
                        .or(credit_id.map(EntrySourceId::from))
                        .unwrap_or(id.into()),
                ),
                metadata: "{}".into(),
                lines: vec![line(control, control_side), line(fx, fx_side)],
            },
        )?;
        Some(entry.row.id)
    } else {
        None
    };
    let row = AllocationRow {
        organization_id: org.id,
        id,
        document_id: target.id,
        payment_id,
        credit_document_id: credit_id,
        allocation_date: date,
        amount_minor,
        document_base_minor: document_base,
        source_base_minor: source_base,
        fx_entry_id,
        voided: false,
        created_by: UserId(caller.user_id().0),
        created_at: now,
    };
    billing::allocations::insert_allocation(conn, &row)?;
    let mut kinds = HashMap::from([(target.id, kind)]);
    if let AllocationSource::Credit(c) = &source {
        kinds.insert(c.id, kind_of(c)?);
    }
    let view = AllocationView::of(&row, &kinds, currency);
    conn.record(Change::created("allocation", id.into(), &view));
    target_before.record_change(conn, org)?;
    if let Some(c) = credit_before {
        c.record_change(conn, org)?;
    }
    Ok(row)
}

/// A document as it was before an allocation changed what it has settled, to record the
/// change with it.
struct DocumentBefore {
    row: DocumentRow,
    view: super::documents::DocumentView,
}

impl DocumentBefore {
    fn read(conn: &mut Tx, org: &Org, id: DocumentId) -> Result<DocumentBefore, AppError> {
        let row = billing::documents::find_document(conn, org.id, id)?;
        let view = super::documents::view(conn, org, row.clone())?;
        Ok(DocumentBefore { row, view })
    }

    /// Notes the document's change: an invoice that now owes nothing is `invoice.paid`.
    fn record_change(self, conn: &mut Tx, org: &Org) -> Result<(), AppError> {
        let row = billing::documents::find_document(conn, org.id, self.row.id)?;
        let kind = kind_of(&row)?;
        let paid =
            kind == DocumentKind::Invoice && row.status == "paid" && self.row.status != "paid";
        let after = super::documents::view(conn, org, row)?;
        let change = Change::updated(kind.as_str(), self.row.id.into(), &self.view, &after);
        conn.record(if paid {
            change.as_event("paid")
        } else {
            change
        });
        Ok(())
    }
}

/// Undoes allocations: their documents owe again, and exchange differences are reversed on
/// their own dates.
pub(super) fn unwind(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    allocations: Vec<AllocationRow>,
) -> Result<(), AppError> {
    let now = db::now();
    for a in allocations {
        if a.voided {
            continue;
        }
        let document_before = DocumentBefore::read(conn, org, a.document_id)?;
        let credit_before = match a.credit_document_id {
            Some(c) => Some(DocumentBefore::read(conn, org, c)?),
            None => None,
        };
        billing::documents::allocate_document(
            conn,
            org.id,
            a.document_id,
            -a.amount_minor,
            -a.document_base_minor,
            now,
        )?;
        if let Some(c) = a.credit_document_id {
            billing::documents::allocate_document(
                conn,
                org.id,
                c,
                -a.amount_minor,
                -a.source_base_minor,
                now,
            )?;
        }
        if let Some(e) = a.fx_entry_id {
            check_lock(org, a.allocation_date, "date")?;
            let original = ledger::get_entry(conn, caller, e)?;
            ledger::post_reversal(
                conn,
                caller,
                original,
                a.allocation_date,
                "Allocation undone".into(),
            )?;
        }
        billing::allocations::void_allocation(conn, org.id, a.id)?;
        let kinds = allocation_kinds(conn, org.id, std::slice::from_ref(&a))?;
        let currency = match billing::documents::find_document(conn, org.id, a.document_id) {
            Ok(d) => currency_of(&d.currency)?,
            Err(e) => return Err(e.into()),
        };
        let before = AllocationView::of(&a, &kinds, currency);
        let after = AllocationView {
            voided: true,
            ..AllocationView::of(&a, &kinds, currency)
        };
        conn.record(Change::updated("allocation", a.id.into(), &before, &after));
        document_before.record_change(conn, org)?;
        if let Some(c) = credit_before {
            c.record_change(conn, org)?;
        }
    }
    Ok(())
}

/// Undoes what a credit note or vendor credit settled (before it is voided).
pub fn unwind_source_allocations(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    credit: &DocumentRow,
) -> Result<(), AppError> {
    let allocations = billing::allocations::allocations_from_credit(conn, org.id, credit.id)?;
    unwind(conn, caller, org, allocations)
}

#[derive(Debug, Clone, Default)]
pub struct AllocationEntry {
    pub invoice_id: Option<Uuid>,
    pub bill_id: Option<Uuid>,
    pub credit_note_id: Option<Uuid>,
    pub vendor_credit_id: Option<Uuid>,
    pub amount: Decimal,
    pub date: Option<NaiveDate>,
}

impl AllocationEntry {
    fn target(&self) -> Vec<(DocumentKind, Uuid)> {
        [
            (DocumentKind::Invoice, self.invoice_id),
            (DocumentKind::Bill, self.bill_id),
            (DocumentKind::CreditNote, self.credit_note_id),
            (DocumentKind::VendorCredit, self.vendor_credit_id),
        ]
        .into_iter()
        .filter_map(|(k, id)| id.map(|i| (k, i)))
        .collect()
    }
}

/// Which documents a payment in `direction` may settle, and on which ledger.
fn settles(direction: PaymentDirection, kind: DocumentKind) -> bool {
    matches!(
        (direction, kind),
        (
            PaymentDirection::Received,
            DocumentKind::Invoice | DocumentKind::VendorCredit
        ) | (
            PaymentDirection::Sent,
            DocumentKind::Bill | DocumentKind::CreditNote
        )
    )
}

pub(super) fn to_minor(
    amount: Decimal,
    currency: Currency,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> i64 {
    if amount <= Decimal::ZERO {
        errors.push(FieldError::new(
            field,
            "must_be_positive",
            "must be greater than zero",
        ));
        return 0;
    }
    if amount.scale() > currency.exponent() {
        errors.push(FieldError::new(
            field,
            "too_many_decimals",
            format!(
                "{} has {} decimal places",
                currency.code(),
                currency.exponent()
            ),
        ));
        return 0;
    }
    match crate::domain::money::Money::new(amount, currency).and_then(|m| m.to_minor()) {
        Ok(m) if m <= crate::domain::ledger::MAX_LINE_MINOR => m,
        _ => {
            errors.push(FieldError::new(field, "too_large", "must be below 10^15"));
            0
        }
    }
}

/// Loads and checks each allocation's document; the documents in input order.
pub(super) fn allocation_targets(
    conn: &mut Tx,
    org: &Org,
    direction: PaymentDirection,
    entries: &[AllocationEntry],
    currency: Currency,
    errors: &mut Vec<FieldError>,
) -> Result<Vec<Option<(DocumentRow, i64)>>, AppError> {
    let mut out = Vec::with_capacity(entries.len());
    for (i, a) in entries.iter().enumerate() {
        let field = |f: &str| format!("allocations[{i}].{f}");
        let amount = to_minor(a.amount, currency, &field("amount"), errors);
        let targets = a.target();
        let (kind, id) = match targets.as_slice() {
            [one] => *one,
            [] => {
                errors.push(FieldError::new(
                    field("invoice_id"),
                    "allocation_target_required",
                    "name one of invoice_id, bill_id, credit_note_id, vendor_credit_id",
                ));
                out.push(None);
                continue;
            }
            _ => {
                errors.push(FieldError::new(
                    field("invoice_id"),
                    "allocation_multiple_targets",
                    "an allocation names exactly one document",
                ));
                out.push(None);
                continue;
            }
        };
        let id_field = field(&format!("{}_id", kind.as_str()));
        if !settles(direction, kind) {
            errors.push(FieldError::new(
                &id_field,
                "allocation_direction",
                format!(
                    "a payment {} does not settle {}",
                    direction.as_str(),
                    crate::domain::a(kind.noun())
                ),
            ));
            out.push(None);
            continue;
        }
        match billing::documents::find_document(conn, org.id, DocumentId(id)) {
            Ok(d) if d.kind == kind.as_str() => out.push(Some((d, amount))),
            Ok(_) | Err(diesel::result::Error::NotFound) => {
                errors.push(FieldError::new(
                    &id_field,
                    "not_found",
                    format!("no such {} in your organization", kind.noun()),
                ));
                out.push(None);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// Applies checked allocations from a payment, in order (each reads the rows afresh, since
/// the one before may have changed them).
pub(super) fn apply_allocations(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    payment_id: PaymentId,
    entries: &[AllocationEntry],
    targets: Vec<Option<(DocumentRow, i64)>>,
) -> Result<(), AppError> {
    for (i, (entry, target)) in entries.iter().zip(targets).enumerate() {
        let Some((doc, amount)) = target else {
            continue;
        };
        let payment = billing::payments::find_payment(conn, org.id, payment_id)?;
        let doc = billing::documents::find_document(conn, org.id, doc.id)?;
        let date = entry
            .date
            .unwrap_or_else(|| payment.payment_date.max(doc.issue_date));
        allocate_at(
            conn,
            caller,
            org,
            &doc,
            AllocationSource::Payment(&payment),
            amount,
            date,
            &format!("allocations[{i}]"),
        )?;
    }
    Ok(())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocationRequest {
    pub invoice_id: Option<Uuid>,
    pub bill_id: Option<Uuid>,
    /// A refund paid to a customer against their credit note.
    pub credit_note_id: Option<Uuid>,
    /// A refund received from a vendor against their credit.
    pub vendor_credit_id: Option<Uuid>,
    /// In the payment's (and the document's) currency. Required (an allocation without it
    /// is 422 `required`).
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, required = true, example = "100.00")]
    pub amount: Option<Decimal>,
    /// Default: the later of the payment's and the document's dates.
    #[schema(example = "2026-09-10")]
    pub date: Option<NaiveDate>,
}

/// The allocations a request asks for; a missing amount is pushed to `check`.
pub fn allocation_entries(
    allocations: Vec<AllocationRequest>,
    check: &mut Check,
) -> Vec<AllocationEntry> {
    allocations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            if a.amount.is_none() {
                check.push(
                    format!("allocations[{i}].amount"),
                    "required",
                    "is required",
                );
            }
            AllocationEntry {
                invoice_id: a.invoice_id,
                bill_id: a.bill_id,
                credit_note_id: a.credit_note_id,
                vendor_credit_id: a.vendor_credit_id,
                amount: a.amount.unwrap_or_default(),
                date: a.date,
            }
        })
        .collect()
}
