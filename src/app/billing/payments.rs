//! Payments through a bank account and their allocations to documents.
//!
//! A payment posts its whole amount against the control account on its own date (Dr bank /
//! Cr receivables when received; Dr payables / Cr bank when sent), so an unallocated
//! remainder is a credit there until it is allocated. An allocation moves no money: it says
//! which document the money settles. When the document and the payment (or credit) were
//! booked at different rates, the allocation posts the realised difference between the
//! control account and `fx_gain_loss` on its date, so each settled pair leaves nothing on the
//! control account — which is what keeps the aging tied to it.

use crate::app::Tx;
use crate::domain::ids::{
    AllocationId, BankAccountId, ClientAccountId, DocumentId, EntrySourceId, PaymentId, UserId,
};
use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::documents::{allocation_kinds, kind_of, AllocationView};
use super::{check_lock, control_account, money, resolve_rate, role_account};
use crate::app::error::{AppError, FieldError};
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::auth::{Caller, Permission};
use crate::db::billing::{
    self,
    allocations::AllocationRow,
    bank_accounts::BankAccountRow,
    documents::DocumentRow,
    payments::{PaymentFilter, PaymentRow},
};
use crate::db::record::Stored;
use crate::db::{self, SqlDecimal};
use crate::domain::documents::{
    allocation_base_minor, to_base_minor, AmountsAre, DocumentKind, Ledger, Pricing,
};
use crate::domain::ledger::{Side, SystemRole};
use crate::domain::money::{decimal_string, Currency, Rounding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentDirection {
    /// Money in: from a customer (or a vendor's refund).
    Received,
    /// Money out: to a vendor (or a refund to a customer).
    Sent,
}

impl PaymentDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentDirection::Received => "received",
            PaymentDirection::Sent => "sent",
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentView {
    pub id: Uuid,
    pub direction: PaymentDirection,
    /// The control account it settles against: `receivable` or `payable`.
    pub ledger: Ledger,
    pub account_id: Uuid,
    pub account_name: String,
    pub bank_account_id: Uuid,
    #[schema(example = "2026-09-10")]
    pub date: NaiveDate,
    #[schema(example = "100.00")]
    pub amount: String,
    #[schema(example = "USD")]
    pub currency: String,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "1")]
    pub exchange_rate: Decimal,
    #[schema(example = "100.00")]
    pub base_amount: String,
    #[schema(example = "USD")]
    pub base_currency: String,
    #[schema(example = "100.00")]
    pub allocated_amount: String,
    /// Not yet allocated: a credit on the control account until it is.
    #[schema(example = "0.00")]
    pub unallocated_amount: String,
    pub reference: Option<String>,
    pub memo: Option<String>,
    /// `posted` or `void`.
    #[schema(example = "posted")]
    pub status: String,
    pub allocations: Vec<AllocationView>,
    pub journal_entry_id: Uuid,
    pub void_entry_id: Option<Uuid>,
    pub voided_at: Option<chrono::DateTime<Utc>>,
    pub version: i64,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

pub fn views(
    conn: &mut Tx,
    org: &Org,
    rows: Vec<PaymentRow>,
) -> Result<Vec<PaymentView>, AppError> {
    let ids: Vec<PaymentId> = rows.iter().map(|r| r.id).collect();
    let allocations = billing::allocations::allocations_of_payments(conn, org.id, &ids)?;
    let kinds = allocation_kinds(conn, org.id, &allocations)?;
    let names = super::account_names(conn, org.id, rows.iter().map(|r| r.account_id))?;
    rows.into_iter()
        .map(|r| {
            let currency = currency_of(&r.currency)?;
            Ok(PaymentView {
                id: r.id.0,
                direction: if r.direction == "sent" {
                    PaymentDirection::Sent
                } else {
                    PaymentDirection::Received
                },
                ledger: Ledger::parse(&r.ledger).unwrap_or(Ledger::Receivable),
                account_id: r.account_id.0,
                account_name: names.get(&r.account_id).cloned().unwrap_or_default(),
                bank_account_id: r.bank_account_id.0,
                date: r.payment_date,
                amount: money(r.amount_minor, currency),
                currency: r.currency.clone(),
                exchange_rate: r.exchange_rate.0.normalize(),
                base_amount: money(r.base_amount_minor, org.base),
                base_currency: org.base.code().to_owned(),
                allocated_amount: money(r.allocated_minor, currency),
                unallocated_amount: money(r.amount_minor - r.allocated_minor, currency),
                reference: r.reference,
                memo: r.memo,
                status: r.status,
                allocations: allocations
                    .iter()
                    .filter(|a| a.payment_id == Some(r.id))
                    .map(|a| AllocationView::of(a, &kinds, currency))
                    .collect(),
                journal_entry_id: r.journal_entry_id.0,
                void_entry_id: r.void_entry_id.map(|i| i.0),
                voided_at: r.voided_at.map(|t| t.and_utc()),
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn view(conn: &mut Tx, org: &Org, row: PaymentRow) -> Result<PaymentView, AppError> {
    views(conn, org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::internal("payment view"))
}

/// What settles a document: a payment, or a credit note / vendor credit.
pub enum AllocationSource<'a> {
    Payment(&'a PaymentRow),
    Credit(&'a DocumentRow),
}

fn pricing(currency: Currency, base: Currency, rate: Decimal, rounding: Rounding) -> Pricing {
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
    Ok(row)
}

/// Undoes allocations: their documents owe again, and exchange differences are reversed on
/// their own dates.
fn unwind(
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
        billing::documents::allocate_document(
            conn,
            org.id,
            a.document_id,
            -a.amount_minor,
            -a.document_base_minor,
            now,
        )?;
        if let Some(c) = a.credit_document_id {
            billing::documents::allocate_document(conn, org.id, c, -a.amount_minor, -a.source_base_minor, now)?;
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

// ---- payments ----

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

pub struct PaymentInput {
    pub direction: PaymentDirection,
    pub account_id: Uuid,
    pub bank_account_id: Uuid,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub currency: Option<Currency>,
    pub exchange_rate: Option<Decimal>,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub allocations: Vec<AllocationEntry>,
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

fn to_minor(amount: Decimal, currency: Currency, field: &str, errors: &mut Vec<FieldError>) -> i64 {
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
fn allocation_targets(
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
                    "a payment {} does not settle a {}",
                    direction.as_str(),
                    kind.noun()
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
fn apply_allocations(
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

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    input: PaymentInput,
) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let mut errors = Vec::new();
    let account = match db::crm::accounts::find(conn, org.id, ClientAccountId(input.account_id)) {
        Ok(a) if a.archived_at.is_some() || a.merged_into_id.is_some() => {
            errors.push(FieldError::new(
                "account_id",
                "account_archived",
                "this account is archived",
            ));
            None
        }
        Ok(a) => Some(a),
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "account_id",
                "not_found",
                "no such account in your organization",
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let bank = match BankAccountRow::find(conn, org.id, BankAccountId(input.bank_account_id)) {
        Ok(b) if !b.is_active => {
            errors.push(FieldError::new(
                "bank_account_id",
                "bank_account_inactive",
                "this bank account is inactive",
            ));
            None
        }
        Ok(b) => Some(b),
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "bank_account_id",
                "not_found",
                "no such bank account in your organization",
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let bank_currency = match &bank {
        Some(b) => Some(currency_of(&b.currency)?),
        None => None,
    };
    let currency = input.currency.or(bank_currency).unwrap_or(org.base);
    if let Some(bc) = bank_currency {
        if bc != currency {
            errors.push(FieldError::new(
                "currency",
                "currency_mismatch",
                format!("the bank account is in {}", bc.code()),
            ));
        }
    }
    let amount_minor = to_minor(input.amount, currency, "amount", &mut errors);
    if input
        .reference
        .as_ref()
        .is_some_and(|r| r.chars().count() > 200)
    {
        errors.push(FieldError::new(
            "reference",
            "length",
            "at most 200 characters",
        ));
    }
    if input
        .memo
        .as_ref()
        .is_some_and(|r| r.chars().count() > 5000)
    {
        errors.push(FieldError::new("memo", "length", "at most 5000 characters"));
    }
    if input.allocations.len() > 200 {
        errors.push(FieldError::new(
            "allocations",
            "too_many_allocations",
            "at most 200 allocations",
        ));
    }
    let rate = match resolve_rate(conn, &org, currency, input.exchange_rate, input.date) {
        Ok(r) => r,
        Err(e) => {
            errors.extend(e.fields);
            Decimal::ONE
        }
    };
    let targets = allocation_targets(
        conn,
        &org,
        input.direction,
        &input.allocations,
        currency,
        &mut errors,
    )?;
    let ledgers: Vec<Ledger> = targets
        .iter()
        .flatten()
        .filter_map(|(d, _)| DocumentKind::parse(&d.kind).map(DocumentKind::ledger))
        .collect();
    let ledger_kind = match ledgers.first() {
        Some(l) => *l,
        None if input.direction == PaymentDirection::Received => Ledger::Receivable,
        None => Ledger::Payable,
    };
    if ledgers.iter().any(|l| *l != ledger_kind) {
        errors.push(FieldError::new(
            "allocations",
            "allocation_mixed_ledgers",
            "one payment settles receivables or payables, not both",
        ));
    }
    if let Some(a) = &account {
        if ledger_kind == Ledger::Receivable && !a.is_customer {
            errors.push(FieldError::new(
                "account_id",
                "not_a_customer",
                "a receivables payment is with an account that has is_customer true",
            ));
        }
        if ledger_kind == Ledger::Payable && !a.is_vendor {
            errors.push(FieldError::new(
                "account_id",
                "not_a_vendor",
                "a payables payment is with an account that has is_vendor true",
            ));
        }
    }
    let allocated: i64 = targets.iter().flatten().map(|(_, a)| *a).sum();
    if errors.is_empty() && allocated > amount_minor {
        errors.push(FieldError::new(
            "allocations",
            "allocations_exceed_payment",
            format!(
                "the allocations add up to {}, more than the payment's {}",
                money(allocated, currency),
                money(amount_minor, currency)
            ),
        ));
    }
    crate::app::error::Check::from(errors).finish()?;
    check_lock(&org, input.date, "date")?;
    let (Some(account), Some(bank)) = (account, bank) else {
        return Err(AppError::internal(
            "payment checks passed without account and bank",
        ));
    };
    let base_minor = to_base_minor(
        amount_minor,
        &pricing(currency, org.base, rate, Rounding::HalfUp),
    )
    .map_err(|_| AppError::field("too_large", "amount", "too large"))?;
    let control = control_account(conn, org.id, ledger_kind)?;
    let bank_side = if input.direction == PaymentDirection::Received {
        Side::Debit
    } else {
        Side::Credit
    };
    let other = if bank_side == Side::Debit {
        Side::Credit
    } else {
        Side::Debit
    };
    let line = |account_id, side, amount: Decimal, rate: Option<Decimal>| DraftLine {
        ledger_account_id: account_id,
        both_sides: false,
        side: Some(side),
        amount: Some(amount),
        exchange_rate: rate,
        description: None,
        account_id: Some(account.id),
    };
    let entry = ledger::post_entry_for(
        conn,
        caller,
        &org,
        EntryDraft {
            date: input.date,
            description: format!(
                "Payment {} {} {}",
                input.direction.as_str(),
                if input.direction == PaymentDirection::Received {
                    "from"
                } else {
                    "to"
                },
                account.name
            ),
            reference: input.reference.clone(),
            source: Source::Payment,
            source_id: None,
            metadata: "{}".into(),
            lines: vec![
                line(
                    bank.ledger_account_id,
                    bank_side,
                    Decimal::new(amount_minor, currency.exponent()),
                    (currency != org.base).then_some(rate),
                ),
                line(
                    control,
                    other,
                    Decimal::new(base_minor, org.base.exponent()),
                    None,
                ),
            ],
        },
    )?;
    let now = db::now();
    let row = PaymentRow {
        organization_id: org.id,
        id: PaymentId(Uuid::now_v7()),
        direction: input.direction.as_str().to_owned(),
        ledger: ledger_kind.as_str().to_owned(),
        account_id: account.id,
        bank_account_id: bank.id,
        payment_date: input.date,
        amount_minor,
        currency: currency.code().to_owned(),
        exchange_rate: SqlDecimal(rate),
        base_amount_minor: base_minor,
        allocated_minor: 0,
        allocated_base_minor: 0,
        reference: input.reference,
        memo: input.memo,
        status: "posted".to_owned(),
        journal_entry_id: entry.row.id,
        void_entry_id: None,
        voided_at: None,
        created_by: UserId(caller.user_id().0),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    billing::payments::insert_payment(conn, &row)?;
    apply_allocations(conn, caller, &org, row.id, &input.allocations, targets)?;
    let row = billing::payments::find_payment(conn, org.id, row.id)?;
    view(conn, &org, row)
}

pub fn get(conn: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentRow, AppError> {
    caller.require(Permission::Read)?;
    billing::payments::find_payment(conn, caller.org, id).map_err(|e| crate::app::not_found(e, "payment"))
}

pub fn get_view(conn: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentView, AppError> {
    let row = get(conn, caller, id)?;
    let org = ledger::org(conn, caller)?;
    view(conn, &org, row)
}

pub fn list(
    conn: &mut Tx,
    caller: &Caller,
    filter: &PaymentFilter,
    desc: bool,
    after: Option<PaymentId>,
    limit: i64,
) -> Result<Vec<PaymentView>, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let rows = billing::payments::list_payments(conn, org.id, filter, desc, after, limit)?;
    views(conn, &org, rows)
}

/// Allocates more of a payment's unallocated amount.
pub fn allocate_more_in(
    conn: &mut Tx,
    caller: &Caller,
    id: PaymentId,
    entries: Vec<AllocationEntry>,
) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let payment = get(conn, caller, id)?;
    if payment.status != "posted" {
        return Err(AppError::unprocessable(
            "payment_void",
            "this payment is void",
        ));
    }
    let direction = if payment.direction == "sent" {
        PaymentDirection::Sent
    } else {
        PaymentDirection::Received
    };
    let currency = currency_of(&payment.currency)?;
    let mut errors = Vec::new();
    if entries.is_empty() {
        errors.push(FieldError::new(
            "allocations",
            "required",
            "at least one allocation",
        ));
    }
    let targets = allocation_targets(conn, &org, direction, &entries, currency, &mut errors)?;
    for (i, t) in targets.iter().enumerate() {
        if let Some((d, _)) = t {
            if DocumentKind::parse(&d.kind).map(DocumentKind::ledger)
                != Ledger::parse(&payment.ledger)
            {
                errors.push(FieldError::new(
                    format!("allocations[{i}]"),
                    "allocation_mixed_ledgers",
                    format!("this payment settles {}s", payment.ledger),
                ));
            }
        }
    }
    let allocated: i64 = targets.iter().flatten().map(|(_, a)| *a).sum();
    if errors.is_empty() && allocated > payment.amount_minor - payment.allocated_minor {
        errors.push(FieldError::new(
            "allocations",
            "allocations_exceed_payment",
            format!(
                "the allocations add up to {}, more than the {} left to allocate",
                money(allocated, currency),
                money(payment.amount_minor - payment.allocated_minor, currency)
            ),
        ));
    }
    crate::app::error::Check::from(errors).finish()?;
    apply_allocations(conn, caller, &org, payment.id, &entries, targets)?;
    let row = billing::payments::find_payment(conn, org.id, payment.id)?;
    view(conn, &org, row)
}

/// Voids a payment: its allocations are undone and its entry reversed on its own date.
pub fn void_in(conn: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let payment = get(conn, caller, id)?;
    if payment.status != "posted" {
        return Err(AppError::unprocessable(
            "payment_void",
            "this payment is already void",
        ));
    }
    check_lock(&org, payment.payment_date, "date")?;
    if !billing::payments::lock_posted_payment(conn, org.id, payment.id)? {
        return Err(AppError::conflict(
            "payment_void",
            "this payment was voided by another request",
        ));
    }
    let allocations = billing::allocations::allocations_of_payments(conn, org.id, &[payment.id])?;
    unwind(conn, caller, &org, allocations)?;
    let original = ledger::get_entry(conn, caller, payment.journal_entry_id)?;
    let reversal = ledger::post_reversal(
        conn,
        caller,
        original,
        payment.payment_date,
        "Payment voided".into(),
    )?;
    if !billing::payments::mark_payment_void(conn, org.id, payment.id, reversal.row.id, db::now())? {
        return Err(AppError::conflict(
            "payment_void",
            "this payment was voided by another request",
        ));
    }
    let row = billing::payments::find_payment(conn, org.id, payment.id)?;
    view(conn, &org, row)
}
