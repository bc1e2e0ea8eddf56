//! Invoices, credit notes, bills and vendor credits: one lifecycle for all four.
//!
//! A draft is editable and deletable and has no number. Issuing (approving, for bills) takes
//! the next number from the organization's counter row in the same transaction, posts the
//! entry and records the account's owner and team; from then on the document changes only
//! through allocations (payments, credits) or a void, which reverses the entry on the
//! document's own date.

use crate::app::Tx;
use crate::domain::ids::{
    ClientAccountId, DocumentId, LedgerAccountId, OrganizationId, TaxRateId, UserId,
};
use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::payments::{allocate_in, unwind_source_allocations, AllocationSource};
use super::{check_lock, control_account, money, resolve_rate};
use crate::app::error::{AppError, FieldError, Unique};
use crate::app::input::IfMatch;
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::auth::{Caller, Permission};
use crate::db::crm::accounts::AccountRow;
use crate::db::ledger::LedgerAccountRow;
use crate::db::billing::{
    self,
    allocations::AllocationRow,
    documents::{DocumentFilter, DocumentLineRow, DocumentRow},
    tax_rates::TaxRateRow,
};
use crate::db::{self, SqlDecimal};
use crate::domain::documents::{
    line_amounts, totals, AmountsAre, DocumentKind, LineInput, Pricing, TooLarge,
};
use crate::domain::ledger::{AccountType, Side};
use crate::domain::money::{decimal_string, Currency};

/// A document as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: Uuid,
    pub kind: DocumentKind,
    /// Assigned when issued (invoices, credit notes, vendor credits); bills carry the
    /// supplier's `reference` instead.
    #[schema(example = "INV-0001")]
    pub number: Option<String>,
    /// The supplier's own number (bills) or the customer's purchase order.
    pub reference: Option<String>,
    /// The customer (invoices, credit notes) or vendor (bills, vendor credits).
    pub account_id: Uuid,
    pub account_name: String,
    /// `draft`, `open`, `partially_paid`, `paid` or `void`.
    #[schema(example = "open")]
    pub status: String,
    /// Open or partly paid, and due before today.
    pub overdue: bool,
    #[schema(example = "2026-09-01")]
    pub issue_date: NaiveDate,
    #[schema(example = "2026-09-30")]
    pub due_date: Option<NaiveDate>,
    #[schema(example = "USD")]
    pub currency: String,
    /// Base-currency units per one unit of `currency` ("1" in the base currency).
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "1")]
    pub exchange_rate: Decimal,
    pub amounts_are: AmountsAre,
    pub lines: Vec<DocumentLineView>,
    #[schema(example = "250.00")]
    pub subtotal: String,
    #[schema(example = "20.00")]
    pub tax_total: String,
    #[schema(example = "270.00")]
    pub total: String,
    /// Settled by payments (or, on a credit, refunded).
    #[schema(example = "100.00")]
    pub amount_paid: String,
    /// Settled by credit notes or vendor credits (or, on a credit, used against documents).
    #[schema(example = "0.00")]
    pub amount_credited: String,
    /// What is left: still owed on an invoice or bill, still to use on a credit.
    #[schema(example = "170.00")]
    pub amount_due: String,
    #[schema(example = "USD")]
    pub base_currency: String,
    /// The amounts in the base currency, as posted.
    #[schema(example = "250.00")]
    pub base_subtotal: String,
    #[schema(example = "270.00")]
    pub base_total: String,
    #[schema(example = "170.00")]
    pub base_amount_due: String,
    /// The invoice a credit note credits.
    pub invoice_id: Option<Uuid>,
    /// The bill a vendor credit credits.
    pub bill_id: Option<Uuid>,
    pub memo: Option<String>,
    /// The account's owner and team when the document was issued (revenue attribution).
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub journal_entry_id: Option<Uuid>,
    pub void_entry_id: Option<Uuid>,
    pub allocations: Vec<AllocationView>,
    pub issued_at: Option<chrono::DateTime<Utc>>,
    pub voided_at: Option<chrono::DateTime<Utc>>,
    pub version: i64,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentLineView {
    pub description: String,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "2")]
    pub quantity: Decimal,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "100.00")]
    pub unit_price: Decimal,
    pub tax_rate_id: Option<Uuid>,
    pub ledger_account_id: Uuid,
    /// quantity × unit price without tax, rounded to the currency.
    #[schema(example = "200.00")]
    pub amount: String,
    #[schema(example = "20.00")]
    pub tax_amount: String,
}

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

pub fn kind_of(row: &DocumentRow) -> Result<DocumentKind, AppError> {
    DocumentKind::parse(&row.kind).ok_or_else(|| AppError::internal("stored document kind"))
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

/// Builds the views of documents with their lines and allocations.
pub fn views(
    conn: &mut Tx,
    org: &Org,
    rows: Vec<DocumentRow>,
) -> Result<Vec<DocumentView>, AppError> {
    let ids: Vec<DocumentId> = rows.iter().map(|r| r.id).collect();
    let mut lines: HashMap<DocumentId, Vec<DocumentLineRow>> = HashMap::new();
    for l in billing::documents::lines_of(conn, org.id, &ids)? {
        lines.entry(l.document_id).or_default().push(l);
    }
    let allocations = billing::allocations::allocations_of_documents(conn, org.id, &ids)?;
    let kinds = allocation_kinds(conn, org.id, &allocations)?;
    let names = super::account_names(conn, org.id, rows.iter().map(|r| r.account_id))?;
    let today = Utc::now().date_naive();
    rows.into_iter()
        .map(|r| {
            let kind = kind_of(&r)?;
            let currency = currency_of(&r.currency)?;
            let mine: Vec<&AllocationRow> = allocations
                .iter()
                .filter(|a| a.document_id == r.id || a.credit_document_id == Some(r.id))
                .collect();
            let paid: i64 = mine
                .iter()
                .filter(|a| a.payment_id.is_some())
                .map(|a| a.amount_minor)
                .sum();
            let credited: i64 = mine
                .iter()
                .filter(|a| a.payment_id.is_none())
                .map(|a| a.amount_minor)
                .sum();
            let related = |k: DocumentKind| {
                (kind.credited_kind() == Some(k))
                    .then_some(r.related_document_id)
                    .flatten()
                    .map(|i| i.0)
            };
            Ok(DocumentView {
                id: r.id.0,
                kind,
                number: r.number.clone(),
                reference: r.reference.clone(),
                account_id: r.account_id.0,
                account_name: names.get(&r.account_id).cloned().unwrap_or_default(),
                overdue: matches!(r.status.as_str(), "open" | "partially_paid")
                    && r.due_date.is_some_and(|d| d < today),
                status: r.status.clone(),
                issue_date: r.issue_date,
                due_date: r.due_date,
                currency: r.currency.clone(),
                exchange_rate: r.exchange_rate.0.normalize(),
                amounts_are: AmountsAre::parse(&r.amounts_are).unwrap_or_default(),
                lines: lines
                    .remove(&r.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|l| DocumentLineView {
                        description: l.description,
                        quantity: l.quantity.0.normalize(),
                        unit_price: l.unit_price.0.normalize(),
                        tax_rate_id: l.tax_rate_id.map(|t| t.0),
                        ledger_account_id: l.ledger_account_id.0,
                        amount: money(l.amount_minor, currency),
                        tax_amount: money(l.tax_minor, currency),
                    })
                    .collect(),
                subtotal: money(r.subtotal_minor, currency),
                tax_total: money(r.tax_total_minor, currency),
                total: money(r.total_minor, currency),
                amount_paid: money(paid, currency),
                amount_credited: money(credited, currency),
                amount_due: money(r.total_minor - r.allocated_minor, currency),
                base_currency: org.base.code().to_owned(),
                base_subtotal: money(r.base_subtotal_minor, org.base),
                base_total: money(r.base_total_minor, org.base),
                base_amount_due: money(r.base_total_minor - r.allocated_base_minor, org.base),
                invoice_id: related(DocumentKind::Invoice),
                bill_id: related(DocumentKind::Bill),
                memo: r.memo.clone(),
                owner_id: r.owner_id.map(|i| i.0),
                team_id: r.team_id.map(|i| i.0),
                journal_entry_id: r.journal_entry_id.map(|i| i.0),
                void_entry_id: r.void_entry_id.map(|i| i.0),
                allocations: mine
                    .iter()
                    .map(|a| AllocationView::of(a, &kinds, currency))
                    .collect(),
                issued_at: r.issued_at.map(|t| t.and_utc()),
                voided_at: r.voided_at.map(|t| t.and_utc()),
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

pub fn view(conn: &mut Tx, org: &Org, row: DocumentRow) -> Result<DocumentView, AppError> {
    views(conn, org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::internal("document view"))
}

// ---- input ----

#[derive(Debug, Clone)]
pub struct LineEntry {
    pub description: Option<String>,
    pub quantity: Option<Decimal>,
    pub unit_price: Decimal,
    pub tax_rate_id: Option<Uuid>,
    pub ledger_account_id: Option<Uuid>,
}

#[derive(Debug, Default)]
pub struct DocumentInput {
    pub account_id: Option<Uuid>,
    pub reference: Option<Option<String>>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<Option<NaiveDate>>,
    pub currency: Option<Currency>,
    pub exchange_rate: Option<Option<Decimal>>,
    pub amounts_are: Option<AmountsAre>,
    pub lines: Option<Vec<LineEntry>>,
    /// The invoice (credit notes) or bill (vendor credits) this credits.
    pub related_document_id: Option<Option<Uuid>>,
    pub memo: Option<Option<String>>,
}

/// Days to pay when no due date is given.
const DEFAULT_TERMS_DAYS: i64 = 30;

/// The chart code a line posts to when it names no ledger account.
fn default_code(kind: DocumentKind) -> &'static str {
    if kind.is_sale() {
        "4000"
    } else {
        "5000"
    }
}

fn related_field(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::VendorCredit => "bill_id",
        _ => "invoice_id",
    }
}

fn find_account(
    conn: &mut Tx,
    org: OrganizationId,
    kind: DocumentKind,
    id: Uuid,
    errors: &mut Vec<FieldError>,
) -> Result<Option<AccountRow>, AppError> {
    let account = match db::crm::accounts::find(conn, org, ClientAccountId(id)) {
        Ok(a) => a,
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "account_id",
                "not_found",
                "no such account in your organization",
            ));
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    };
    if account.archived_at.is_some() || account.merged_into_id.is_some() {
        errors.push(FieldError::new(
            "account_id",
            "account_archived",
            "this account is archived",
        ));
    } else if kind.is_sale() && !account.is_customer {
        errors.push(FieldError::new(
            "account_id",
            "not_a_customer",
            format!("a {} goes to an account with is_customer true", kind.noun()),
        ));
    } else if !kind.is_sale() && !account.is_vendor {
        errors.push(FieldError::new(
            "account_id",
            "not_a_vendor",
            format!(
                "a {} comes from an account with is_vendor true",
                kind.noun()
            ),
        ));
    }
    Ok(Some(account))
}

/// Checks and prices the lines, listing every problem with its line.
fn price_lines(
    conn: &mut Tx,
    org: &Org,
    kind: DocumentKind,
    doc: &DocumentRow,
    input: &[LineEntry],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<DocumentLineRow>, AppError> {
    if input.is_empty() {
        errors.push(FieldError::new(
            "lines",
            "required",
            "a document has at least one line",
        ));
    }
    if input.len() > 200 {
        errors.push(FieldError::new(
            "lines",
            "too_many_lines",
            "at most 200 lines",
        ));
    }
    let chart: HashMap<LedgerAccountId, LedgerAccountRow> = db::ledger::all_accounts(conn, org.id)?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let default_account = chart
        .values()
        .find(|a| a.code == default_code(kind))
        .map(|a| a.id);
    let tax_ids: Vec<TaxRateId> = input
        .iter()
        .filter_map(|l| l.tax_rate_id)
        .map(TaxRateId)
        .collect();
    let taxes: HashMap<TaxRateId, TaxRateRow> = billing::tax_rates::by_ids(conn, org.id, &tax_ids)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let pricing = Pricing {
        currency: currency_of(&doc.currency)?,
        base: org.base,
        exchange_rate: doc.exchange_rate.0,
        amounts_are: AmountsAre::parse(&doc.amounts_are).unwrap_or_default(),
        rounding: org.rounding,
    };
    let allowed: &[AccountType] = if kind.is_sale() {
        &[AccountType::Income]
    } else {
        &[AccountType::Expense, AccountType::Asset]
    };
    let limit = Decimal::new(1_000_000_000_000_000, 0);
    let mut rows = Vec::with_capacity(input.len());
    for (i, l) in input.iter().enumerate() {
        let field = |f: &str| format!("lines[{i}].{f}");
        let before = errors.len();
        let quantity = l.quantity.unwrap_or(Decimal::ONE);
        if quantity <= Decimal::ZERO {
            errors.push(FieldError::new(
                field("quantity"),
                "must_be_positive",
                "must be greater than zero",
            ));
        }
        for (name, v) in [("quantity", quantity), ("unit_price", l.unit_price)] {
            if v.scale() > 8 {
                errors.push(FieldError::new(
                    field(name),
                    "too_many_decimals",
                    "at most 8 decimal places",
                ));
            }
            if v.abs() >= limit {
                errors.push(FieldError::new(
                    field(name),
                    "too_large",
                    "must be below 10^15",
                ));
            }
        }
        if l.description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 1000)
        {
            errors.push(FieldError::new(
                field("description"),
                "length",
                "at most 1000 characters",
            ));
        }
        let tax = match l.tax_rate_id.map(TaxRateId) {
            None => None,
            Some(id) => match taxes.get(&id) {
                None => {
                    errors.push(FieldError::new(
                        field("tax_rate_id"),
                        "not_found",
                        "no such tax rate in your organization",
                    ));
                    None
                }
                Some(t) if !t.is_active => {
                    errors.push(FieldError::new(
                        field("tax_rate_id"),
                        "tax_rate_inactive",
                        "this tax rate is inactive",
                    ));
                    None
                }
                Some(t) => Some(t),
            },
        };
        let ledger_account_id = match l.ledger_account_id.map(LedgerAccountId).or(default_account) {
            None => {
                errors.push(FieldError::new(
                    field("ledger_account_id"),
                    "required",
                    format!("the chart has no account {}; name one", default_code(kind)),
                ));
                continue;
            }
            Some(id) => id,
        };
        match chart.get(&ledger_account_id) {
            None => errors.push(FieldError::new(
                field("ledger_account_id"),
                "not_found",
                "no such ledger account in your organization",
            )),
            Some(a) if !a.is_active => errors.push(FieldError::new(
                field("ledger_account_id"),
                "account_inactive",
                format!("ledger account {} is inactive", a.code),
            )),
            Some(a)
                if a.system_role.is_some()
                    || !allowed.iter().any(|t| t.as_str() == a.account_type) =>
            {
                errors.push(FieldError::new(
                    field("ledger_account_id"),
                    "ledger_account_type",
                    format!(
                        "a {} line posts to {} account without a system role; {} is {}",
                        kind.noun(),
                        if kind.is_sale() {
                            "an income"
                        } else {
                            "an expense or asset"
                        },
                        a.code,
                        a.account_type
                    ),
                ))
            }
            Some(a) if a.currency != org.base.code() => errors.push(FieldError::new(
                field("ledger_account_id"),
                "ledger_account_currency",
                format!(
                    "document lines post to base-currency ({}) accounts",
                    org.base.code()
                ),
            )),
            Some(_) => {}
        }
        if errors.len() > before {
            continue;
        }
        let amounts = match line_amounts(
            &LineInput {
                quantity,
                unit_price: l.unit_price,
                tax_rate: tax.map(|t| t.rate.0),
            },
            &pricing,
        ) {
            Ok(a) => a,
            Err(TooLarge) => {
                errors.push(FieldError::new(
                    field("unit_price"),
                    "too_large",
                    "the line's amount is too large",
                ));
                continue;
            }
        };
        rows.push(DocumentLineRow {
            organization_id: org.id,
            document_id: doc.id,
            line_no: i as i32,
            description: l.description.clone().unwrap_or_default(),
            quantity: SqlDecimal(quantity.normalize()),
            unit_price: SqlDecimal(l.unit_price),
            tax_rate_id: tax.map(|t| t.id),
            ledger_account_id,
            amount_minor: amounts.amount_minor,
            tax_minor: amounts.tax_minor,
            base_amount_minor: amounts.base_amount_minor,
            base_tax_minor: amounts.base_tax_minor,
        });
    }
    Ok(rows)
}

/// Applies the input to `doc`, checks everything, and prices the lines (when given).
fn shape(
    conn: &mut Tx,
    org: &Org,
    kind: DocumentKind,
    doc: &mut DocumentRow,
    input: DocumentInput,
    creating: bool,
) -> Result<Option<Vec<DocumentLineRow>>, AppError> {
    let mut errors = Vec::new();
    let account = match input.account_id {
        Some(id) => find_account(conn, org.id, kind, id, &mut errors)?,
        None => None,
    };
    if let Some(a) = &account {
        doc.account_id = a.id;
    }
    if let Some(r) = input.reference {
        doc.reference = r.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    }
    if doc
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
    if let Some(m) = input.memo {
        doc.memo = m;
    }
    if doc.memo.as_ref().is_some_and(|m| m.chars().count() > 5000) {
        errors.push(FieldError::new("memo", "length", "at most 5000 characters"));
    }
    if let Some(d) = input.issue_date {
        doc.issue_date = d;
    }
    if let Some(d) = input.due_date {
        doc.due_date = d;
    }
    if kind.is_credit() {
        doc.due_date = None;
    } else if doc.due_date.is_none() {
        doc.due_date = Some(doc.issue_date + Duration::days(DEFAULT_TERMS_DAYS));
    }
    if doc.due_date.is_some_and(|d| d < doc.issue_date) {
        errors.push(FieldError::new(
            "due_date",
            "due_before_issue",
            "the due date cannot be before the issue date",
        ));
    }
    let currency_given = input.currency.is_some();
    if let Some(c) = input.currency {
        doc.currency = c.code().to_owned();
    } else if creating {
        doc.currency = account
            .as_ref()
            .map(|a| a.currency.clone())
            .unwrap_or_else(|| org.base.code().to_owned());
    }
    if let Some(a) = input.amounts_are {
        doc.amounts_are = a.as_str().to_owned();
    }
    if let Some(r) = input.related_document_id {
        doc.related_document_id = r.map(DocumentId);
    }
    if let Some(related) = doc.related_document_id {
        let field = related_field(kind);
        match kind.credited_kind() {
            None => errors.push(FieldError::new(
                field,
                "not_applicable",
                "only credits name a document",
            )),
            Some(credited) => match billing::documents::find_document(conn, org.id, related) {
                Ok(d) if d.kind != credited.as_str() => errors.push(FieldError::new(
                    field,
                    "not_found",
                    format!("no such {} in your organization", credited.noun()),
                )),
                Ok(d) if matches!(d.status.as_str(), "draft" | "void") => {
                    errors.push(FieldError::new(
                        field,
                        "document_not_open",
                        format!(
                            "the {} is {}; credit an issued one",
                            credited.noun(),
                            d.status
                        ),
                    ))
                }
                Ok(d) if d.account_id != doc.account_id => errors.push(FieldError::new(
                    field,
                    "account_mismatch",
                    format!("the {} belongs to another account", credited.noun()),
                )),
                Ok(d) => {
                    if !currency_given && creating {
                        doc.currency = d.currency.clone();
                    }
                    if d.currency != doc.currency {
                        errors.push(FieldError::new(
                            field,
                            "currency_mismatch",
                            format!("the {} is in {}", credited.noun(), d.currency),
                        ));
                    }
                }
                Err(diesel::result::Error::NotFound) => errors.push(FieldError::new(
                    field,
                    "not_found",
                    format!("no such {} in your organization", credited.noun()),
                )),
                Err(e) => return Err(e.into()),
            },
        }
    }
    let currency = currency_of(&doc.currency)?;
    let rate_input = match input.exchange_rate {
        Some(r) => r,
        None if creating => None,
        // A draft keeps its rate unless its currency or date changed.
        None if currency_given || input.issue_date.is_some() => None,
        None => Some(doc.exchange_rate.0),
    };
    match resolve_rate(conn, org, currency, rate_input, doc.issue_date) {
        Ok(r) => doc.exchange_rate = SqlDecimal(r),
        Err(e) => errors.extend(e.fields),
    }
    if kind == DocumentKind::Bill {
        if let Some(r) = &doc.reference {
            if billing::documents::reference_taken(conn, org.id, doc.account_id, r, Some(doc.id))? {
                return Err(AppError::conflict(
                    "duplicate_reference",
                    format!("this vendor already has a bill with reference {r}"),
                )
                .with_fields(vec![FieldError::new(
                    "reference",
                    "duplicate_reference",
                    "this vendor already has a bill with this reference",
                )]));
            }
        }
    }
    // Lines are priced with the document's final currency, rate and rounding; a change to
    // any of those reprices the stored lines.
    let reprice = input.lines.is_some()
        || currency_given
        || input.exchange_rate.is_some()
        || input.amounts_are.is_some()
        || input.issue_date.is_some();
    let lines = if errors.iter().any(|e| e.field == "account_id") && creating {
        None
    } else if let Some(entries) = input.lines {
        Some(price_lines(conn, org, kind, doc, &entries, &mut errors)?)
    } else if reprice && !creating {
        let stored = billing::documents::lines_of(conn, org.id, &[doc.id])?;
        let entries: Vec<LineEntry> = stored
            .into_iter()
            .map(|l| LineEntry {
                description: Some(l.description),
                quantity: Some(l.quantity.0),
                unit_price: l.unit_price.0,
                tax_rate_id: l.tax_rate_id.map(|t| t.0),
                ledger_account_id: Some(l.ledger_account_id.0),
            })
            .collect();
        Some(price_lines(conn, org, kind, doc, &entries, &mut errors)?)
    } else {
        None
    };
    if let Some(lines) = &lines {
        let amounts: Vec<_> = lines
            .iter()
            .map(|l| crate::domain::documents::LineAmounts {
                amount_minor: l.amount_minor,
                tax_minor: l.tax_minor,
                base_amount_minor: l.base_amount_minor,
                base_tax_minor: l.base_tax_minor,
            })
            .collect();
        match totals(&amounts) {
            Ok(t) => {
                doc.subtotal_minor = t.subtotal_minor;
                doc.tax_total_minor = t.tax_total_minor;
                doc.total_minor = t.total_minor;
                doc.base_subtotal_minor = t.base_subtotal_minor;
                doc.base_total_minor = t.base_total_minor;
                if errors.is_empty() && (t.total_minor <= 0 || t.base_total_minor <= 0) {
                    errors.push(FieldError::new(
                        "lines",
                        "total_not_positive",
                        "the document's total must be above zero",
                    ));
                }
            }
            Err(TooLarge) => errors.push(FieldError::new(
                "lines",
                "too_large",
                "the total is too large",
            )),
        }
    }
    crate::app::error::Check::from(errors).finish()?;
    Ok(lines)
}

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    input: DocumentInput,
) -> Result<DocumentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let now = db::now();
    let mut doc = DocumentRow {
        organization_id: org.id,
        id: DocumentId(Uuid::now_v7()),
        kind: kind.as_str().to_owned(),
        account_id: ClientAccountId(input.account_id.unwrap_or_default()),
        number: None,
        reference: None,
        status: "draft".to_owned(),
        issue_date: input.issue_date.unwrap_or_else(|| Utc::now().date_naive()),
        due_date: None,
        currency: org.base.code().to_owned(),
        exchange_rate: SqlDecimal(Decimal::ONE),
        amounts_are: AmountsAre::Exclusive.as_str().to_owned(),
        subtotal_minor: 0,
        tax_total_minor: 0,
        total_minor: 0,
        base_subtotal_minor: 0,
        base_total_minor: 0,
        allocated_minor: 0,
        allocated_base_minor: 0,
        related_document_id: None,
        memo: None,
        owner_id: None,
        team_id: None,
        journal_entry_id: None,
        void_entry_id: None,
        issued_at: None,
        voided_at: None,
        created_by: UserId(caller.user_id().0),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let lines = shape(conn, &org, kind, &mut doc, input, true)?.unwrap_or_default();
    billing::documents::insert_document(conn, &doc, &lines).unique("reference", || {
        AppError::conflict_on(
            "duplicate_reference",
            "reference",
            "this vendor already has a bill with this reference",
        )
    })?;
    view(conn, &org, doc)
}

/// The document of this kind, or 404 (another kind's id is not found here either).
pub fn get(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<DocumentRow, AppError> {
    caller.require(Permission::Read)?;
    match billing::documents::find_document(conn, caller.org, id) {
        Ok(d) if d.kind == kind.as_str() => Ok(d),
        Ok(_) => Err(AppError::not_found(kind.noun())),
        Err(e) => Err(crate::app::not_found(e, kind.noun())),
    }
}

fn not_draft(kind: DocumentKind, status: &str) -> AppError {
    AppError::unprocessable(
        "document_not_draft",
        format!(
            "this {} is {status}: only drafts change (issued documents change through credits or a void)",
            kind.noun()
        ),
    )
}

pub fn update_in(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
    expected: &IfMatch,
    input: DocumentInput,
) -> Result<DocumentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    // Locked first: without If-Match an edit applies to the draft as it is at commit, or
    // meets the issue that got there first.
    billing::documents::lock_document(conn, org.id, id)?;
    let mut doc = get(conn, caller, kind, id)?;
    expected.check(doc.version)?;
    if doc.status != "draft" {
        return Err(not_draft(kind, &doc.status));
    }
    let version = doc.version;
    let lines = shape(conn, &org, kind, &mut doc, input, false)?;
    doc.version += 1;
    doc.updated_at = db::now();
    if !billing::documents::save_draft(conn, &doc, lines.as_deref(), version).unique("reference", || {
        AppError::conflict_on(
            "duplicate_reference",
            "reference",
            "this vendor already has a bill with this reference",
        )
    })? {
        return Err(AppError::version_mismatch());
    }
    view(conn, &org, doc)
}

pub fn delete_in(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<(), AppError> {
    caller.require(Permission::WriteBooks)?;
    let doc = get(conn, caller, kind, id)?;
    if doc.status != "draft" || !billing::documents::delete_draft(conn, doc.organization_id, doc.id)? {
        return Err(AppError::unprocessable(
            "document_not_draft",
            format!(
                "only drafts are deleted; this {} is {} (void it instead)",
                kind.noun(),
                doc.status
            ),
        ));
    }
    Ok(())
}

/// The entry a document posts: its lines by ledger account, its tax by tax account (purchase
/// tax that is not recoverable stays on the line's account), and the total on the control
/// account, all in the base currency.
fn posting(
    conn: &mut Tx,
    org: &Org,
    kind: DocumentKind,
    doc: &DocumentRow,
    lines: &[DocumentLineRow],
) -> Result<Vec<DraftLine>, AppError> {
    let tax_ids: Vec<TaxRateId> = lines.iter().filter_map(|l| l.tax_rate_id).collect();
    let taxes: HashMap<TaxRateId, TaxRateRow> = billing::tax_rates::by_ids(conn, org.id, &tax_ids)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    // Signed in the lines' natural direction (credit for sales, debit for purchases).
    let mut by_account: BTreeMap<LedgerAccountId, i64> = BTreeMap::new();
    for l in lines {
        *by_account.entry(l.ledger_account_id).or_default() += l.base_amount_minor;
        if l.base_tax_minor == 0 {
            continue;
        }
        let tax = l.tax_rate_id.and_then(|t| taxes.get(&t));
        let tax_account = match (kind.is_sale(), tax) {
            (true, Some(t)) => t.sales_ledger_account_id,
            (false, Some(t)) if t.recoverable => t.purchase_ledger_account_id,
            _ => l.ledger_account_id,
        };
        *by_account.entry(tax_account).or_default() += l.base_tax_minor;
    }
    let natural = if kind.debits_control() {
        Side::Credit
    } else {
        Side::Debit
    };
    let opposite = |s: Side| {
        if s == Side::Debit {
            Side::Credit
        } else {
            Side::Debit
        }
    };
    let amount = |minor: i64| Decimal::new(minor.abs(), org.base.exponent());
    let line = |account: LedgerAccountId, side: Side, minor: i64| DraftLine {
        ledger_account_id: account,
        both_sides: false,
        side: Some(side),
        amount: Some(amount(minor)),
        exchange_rate: None,
        description: None,
        account_id: Some(doc.account_id),
    };
    let mut out = vec![line(
        control_account(conn, org.id, kind.ledger())?,
        opposite(natural),
        doc.base_total_minor,
    )];
    for (account, minor) in by_account {
        if minor != 0 {
            out.push(line(
                account,
                if minor > 0 {
                    natural
                } else {
                    opposite(natural)
                },
                minor,
            ));
        }
    }
    Ok(out)
}

fn source_of(kind: DocumentKind) -> Source {
    match kind {
        DocumentKind::Invoice => Source::Invoice,
        DocumentKind::CreditNote => Source::CreditNote,
        DocumentKind::Bill => Source::Bill,
        DocumentKind::VendorCredit => Source::VendorCredit,
    }
}

/// Issues (approves) a draft: number, attribution, posting, and for a credit its allocation
/// to the document it credits.
pub fn issue_in(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<DocumentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let mut doc = get(conn, caller, kind, id)?;
    if doc.status != "draft" {
        return Err(AppError::unprocessable(
            "document_not_draft",
            format!("this {} is already {}", kind.noun(), doc.status),
        ));
    }
    check_lock(&org, doc.issue_date, "issue_date")?;
    let account = db::crm::accounts::find(conn, org.id, doc.account_id)?;
    let mut errors = Vec::new();
    find_account(conn, org.id, kind, account.id.0, &mut errors)?;
    crate::app::error::Check::from(errors).finish()?;
    let related = match doc.related_document_id {
        Some(r) => Some(billing::documents::find_document(conn, org.id, r)?),
        None => None,
    };
    (doc.owner_id, doc.team_id) = match &related {
        Some(r) if kind == DocumentKind::CreditNote => (r.owner_id, r.team_id),
        _ => (account.owner_id, account.team_id),
    };
    if kind != DocumentKind::Bill {
        let (prefix, n) = billing::numbering::take_number(conn, org.id, kind.as_str())?;
        doc.number = Some(format!("{prefix}{n:04}"));
    }
    let lines = billing::documents::lines_of(conn, org.id, &[doc.id])?;
    let label = doc
        .number
        .clone()
        .or_else(|| doc.reference.clone())
        .unwrap_or_default();
    let lines = posting(conn, &org, kind, &doc, &lines)?;
    let entry = ledger::post_entry_for(
        conn,
        caller,
        &org,
        EntryDraft {
            date: doc.issue_date,
            description: format!(
                "{} {label} {} {}",
                capitalized(kind),
                if kind.is_sale() { "to" } else { "from" },
                account.name
            )
            .replace("  ", " "),
            reference: doc.number.clone().or_else(|| doc.reference.clone()),
            source: source_of(kind),
            source_id: Some(doc.id.into()),
            metadata: "{}".into(),
            lines,
        },
    )?;
    let now = db::now();
    doc.journal_entry_id = Some(entry.row.id);
    doc.issued_at = Some(now);
    doc.updated_at = now;
    if !billing::documents::mark_issued(conn, &doc)? {
        let now = billing::documents::find_document(conn, org.id, doc.id)?;
        return Err(if now.status == "draft" {
            AppError::conflict(
                "version_mismatch",
                format!(
                    "this {} changed while it was being issued; read it and issue again",
                    kind.noun()
                ),
            )
        } else {
            AppError::conflict(
                "document_not_draft",
                format!("this {} was issued by another request", kind.noun()),
            )
        });
    }
    let mut doc = billing::documents::find_document(conn, org.id, doc.id)?;
    if let Some(target) = related {
        let due = target.total_minor - target.allocated_minor;
        let amount = due.min(doc.total_minor);
        if amount > 0 {
            allocate_in(
                conn,
                caller,
                &org,
                &target,
                AllocationSource::Credit(&doc),
                amount,
                doc.issue_date.max(target.issue_date),
            )?;
            doc = billing::documents::find_document(conn, org.id, doc.id)?;
        }
    }
    view(conn, &org, doc)
}

fn capitalized(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Invoice => "Invoice",
        DocumentKind::CreditNote => "Credit note",
        DocumentKind::Bill => "Bill",
        DocumentKind::VendorCredit => "Vendor credit",
    }
}

/// Voids a document. A draft simply becomes void. An issued one must have nothing settled
/// against it (payments, credits or refunds); a credit's own uses are undone first. Its entry
/// is reversed on its issue date, so the period must be open.
pub fn void_in(
    conn: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<DocumentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let doc = get(conn, caller, kind, id)?;
    if doc.status == "void" {
        return Err(AppError::unprocessable(
            "document_void",
            format!("this {} is already void", kind.noun()),
        ));
    }
    let mut entry_id = None;
    if doc.status != "draft" {
        check_lock(&org, doc.issue_date, "issue_date")?;
        if kind.is_credit() {
            unwind_source_allocations(conn, caller, &org, &doc)?;
        }
        let doc = billing::documents::find_document(conn, org.id, doc.id)?;
        if doc.allocated_minor != 0 {
            return Err(AppError::unprocessable(
                "document_has_payments",
                format!(
                    "this {} has payments or credits against it: void those first, or issue a credit",
                    kind.noun()
                ),
            ));
        }
        if let Some(e) = doc.journal_entry_id {
            let original = ledger::get_entry(conn, caller, e)?;
            let reversal = ledger::post_reversal(
                conn,
                caller,
                original,
                doc.issue_date,
                format!("{} voided", capitalized(kind)),
            )?;
            entry_id = Some(reversal.row.id);
        }
    }
    if !billing::documents::mark_void(conn, org.id, doc.id, entry_id, db::now())? {
        return Err(AppError::conflict(
            "document_has_payments",
            format!("this {} changed while voiding; read it again", kind.noun()),
        ));
    }
    let doc = billing::documents::find_document(conn, org.id, doc.id)?;
    view(conn, &org, doc)
}

pub fn list(
    conn: &mut Tx,
    caller: &Caller,
    filter: &DocumentFilter,
    desc: bool,
    after: Option<DocumentId>,
    limit: i64,
) -> Result<Vec<DocumentView>, AppError> {
    caller.require(Permission::Read)?;
    let org = ledger::org(conn, caller)?;
    let rows = billing::documents::list_documents(conn, org.id, filter, desc, after, limit)?;
    views(conn, &org, rows)
}
