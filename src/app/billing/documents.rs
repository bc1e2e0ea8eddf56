//! Invoices, credit notes, bills and vendor credits: one lifecycle for all four.
//!
//! A draft is editable and deletable and has no number. Issuing (approving, for bills) takes
//! the next number from the organization's counter row in the same transaction, posts the
//! entry and records the account's owner and team; from then on the document changes only
//! through allocations (payments, credits) or a void, which reverses the entry on the
//! document's own date.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::allocations::{
    allocate_in, allocation_kinds, unwind_source_allocations, AllocationSource, AllocationView,
};
use super::drafts::{
    find_account, shape, DocumentCreate, DocumentInput, DocumentListParams, DocumentRequest,
};
use super::{check_lock, control_account, money};
use crate::app::error::{AppError, Unique};
use crate::app::input::IfMatch;
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::app::page::{by_creation, CreationSort, Page, PageParams};
use crate::app::unit_of_work::Change;
use crate::app::{App, Context, Outcome, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing::{
    self,
    allocations::AllocationRow,
    documents::{DocumentFilter, DocumentLineRow, DocumentRow},
    tax_rates::TaxRateRow,
};
use crate::db::record::{Keyset, Stored};
use crate::db::{self, SqlDecimal};
use crate::domain::documents::{AmountsAre, DocumentKind};
use crate::domain::ids::{ClientAccountId, DocumentId, LedgerAccountId, TaxRateId, UserId};
use crate::domain::ledger::Side;
use crate::domain::money::decimal_string;

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
    /// Invoices: what open or mitigating disputes (risks of kind dispute) contest on it, at
    /// most the amount due; null when no open dispute names it.
    #[schema(example = "50.00")]
    pub disputed_amount: Option<String>,
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
    /// The client account the line concerns, when it names one.
    pub account_id: Option<Uuid>,
}

pub fn kind_of(row: &DocumentRow) -> Result<DocumentKind, AppError> {
    DocumentKind::parse(&row.kind).ok_or_else(|| AppError::internal("stored document kind"))
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
    let invoices: Vec<DocumentId> = rows
        .iter()
        .filter(|r| r.kind == DocumentKind::Invoice.as_str() && r.status != "draft")
        .map(|r| r.id)
        .collect();
    let disputed: HashMap<DocumentId, i64> =
        db::crm::risks::live_disputed_amounts(conn, org.id, &invoices)?
            .into_iter()
            .collect();
    let today = org.today();
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
                        account_id: l.account_id.map(|a| a.0),
                    })
                    .collect(),
                subtotal: money(r.subtotal_minor, currency),
                tax_total: money(r.tax_total_minor, currency),
                total: money(r.total_minor, currency),
                amount_paid: money(paid, currency),
                amount_credited: money(credited, currency),
                amount_due: money(r.total_minor - r.allocated_minor, currency),
                disputed_amount: disputed
                    .get(&r.id)
                    .map(|d| money((*d).min(r.total_minor - r.allocated_minor).max(0), currency)),
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
        issue_date: input.issue_date.unwrap_or_else(|| org.today()),
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
    req: DocumentRequest,
) -> Result<DocumentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    // Locked first: without If-Match an edit applies to the draft as it is at commit, or
    // meets the issue that got there first.
    billing::documents::lock_document(conn, org.id, id)?;
    let mut doc = get(conn, caller, kind, id)?;
    let input = req.checked(kind, false)?;
    if doc.status != "draft" {
        return Err(not_draft(kind, &doc.status));
    }
    let version = doc.version;
    let lines = shape(conn, &org, kind, &mut doc, input, false)?;
    // The precondition after the content's own rules: a bad body is 422 whatever its ETag.
    expected.check(version)?;
    doc.version += 1;
    doc.updated_at = db::now();
    if !billing::documents::save_draft(conn, &doc, lines.as_deref(), version).unique(
        "reference",
        || {
            AppError::conflict_on(
                "duplicate_reference",
                "reference",
                "this vendor already has a bill with this reference",
            )
        },
    )? {
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
    if doc.status != "draft"
        || !billing::documents::delete_draft(conn, doc.organization_id, doc.id)?
    {
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
    // Signed in the lines' natural direction (credit for sales, debit for purchases), by
    // ledger account and the client account the posted line carries: a sale's income line
    // carries its line's account or the document's, a purchase's expense line only its
    // line's (the vendor is not what the cost concerns); tax and the control account carry
    // the document's account, and purchase tax that stays on the line's account its line's.
    let own = Some(doc.account_id);
    let mut by_account: BTreeMap<(LedgerAccountId, Option<ClientAccountId>), i64> = BTreeMap::new();
    for l in lines {
        let tag = if kind.is_sale() {
            l.account_id.or(own)
        } else {
            l.account_id
        };
        *by_account.entry((l.ledger_account_id, tag)).or_default() += l.base_amount_minor;
        if l.base_tax_minor == 0 {
            continue;
        }
        let tax = l.tax_rate_id.and_then(|t| taxes.get(&t));
        let tax_line = match (kind.is_sale(), tax) {
            (true, Some(t)) => (t.sales_ledger_account_id, own),
            (false, Some(t)) if t.recoverable => (t.purchase_ledger_account_id, own),
            _ => (l.ledger_account_id, tag),
        };
        *by_account.entry(tax_line).or_default() += l.base_tax_minor;
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
    let line = |account: LedgerAccountId, tag: Option<ClientAccountId>, side: Side, minor: i64| {
        DraftLine {
            ledger_account_id: account,
            both_sides: false,
            side: Some(side),
            amount: Some(amount(minor)),
            exchange_rate: None,
            description: None,
            account_id: tag,
        }
    };
    let mut out = vec![line(
        control_account(conn, org.id, kind.ledger())?,
        own,
        opposite(natural),
        doc.base_total_minor,
    )];
    for ((account, tag), minor) in by_account {
        if minor != 0 {
            out.push(line(
                account,
                tag,
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

// ---- the use cases, each for one kind of document ----

/// Where documents of `kind` live under the API root.
pub fn collection(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Invoice => "invoices",
        DocumentKind::CreditNote => "credit-notes",
        DocumentKind::Bill => "bills",
        DocumentKind::VendorCredit => "vendor-credits",
    }
}

/// The document as it is now, for the change log.
fn current(
    tx: &mut Tx,
    caller: &Caller,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<DocumentView, AppError> {
    let row = get(tx, caller, kind, id)?;
    let org = ledger::org(tx, caller)?;
    view(tx, &org, row)
}

/// `POST /{collection}`: a draft.
pub async fn create(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    req: DocumentCreate,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let view = create_in(tx, caller, kind, req.0.checked(kind, true)?)?;
        tx.record(Change::created(kind.as_str(), view.id, &view));
        Outcome::created(collection(kind), view.id, &view)
    })
    .await
}

/// `GET /{collection}`: a page in creation order, the cursor bound to the filters.
pub async fn list(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    page: PageParams,
    query: DocumentListParams,
) -> Result<Page<DocumentView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        const STATUSES: [&str; 5] = ["draft", "open", "partially_paid", "paid", "void"];
        if query
            .status
            .as_deref()
            .is_some_and(|s| !STATUSES.contains(&s))
        {
            return Err(AppError::field(
                "invalid_value",
                "status",
                format!("one of {}", STATUSES.join(", ")),
            ));
        }
        if let (Some(a), Some(b)) = (query.from, query.to) {
            if b < a {
                return Err(AppError::field(
                    "date_order",
                    "to",
                    "must not be before from",
                ));
            }
        }
        let mut filter = DocumentFilter {
            kind: kind.as_str().to_owned(),
            status: query.status,
            account_id: query.account_id.map(ClientAccountId),
            from: query.from,
            to: query.to,
            overdue_on: None,
            number: query.number,
            reference: query.reference,
        };
        let since = query.updated_since.map(|t| t.naive_utc());
        let (page, descending, after) = by_creation::<DocumentId>(
            &page,
            query.sort.map(CreationSort::as_str),
            &format!("{filter:?} {since:?} {:?}", query.overdue),
        )?;
        let org = ledger::org(tx, caller)?;
        filter.overdue_on = query.overdue.filter(|o| *o).map(|_| org.today());
        let keyset = Keyset {
            after,
            descending,
            limit: page.fetch(),
            updated_since: since,
        };
        let rows = DocumentRow::list(tx, org.id, &filter, keyset)?;
        let views = views(tx, &org, rows)?;
        Ok(page.page(views, |v| (String::new(), v.id), |v| v))
    })
    .await
}

/// `GET /{collection}/{id}`.
pub async fn get_one(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<DocumentView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        current(tx, caller, kind, id)
    })
    .await
}

/// `PATCH /{collection}/{id}`: changes a draft.
pub async fn update(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    id: DocumentId,
    expected: IfMatch,
    req: DocumentRequest,
) -> Result<DocumentView, AppError> {
    app.write(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        // Locked first, so what is noted as before is what the change starts from.
        billing::documents::lock_document(tx, caller.org, id)?;
        let before = current(tx, caller, kind, id)?;
        let after = update_in(tx, caller, kind, id, &expected, req)?;
        tx.record(Change::updated(kind.as_str(), id.into(), &before, &after));
        Ok(after)
    })
    .await
}

/// `DELETE /{collection}/{id}`: deletes a draft.
pub async fn delete(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<(), AppError> {
    app.write(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = current(tx, caller, kind, id)?;
        delete_in(tx, caller, kind, id)?;
        tx.record(Change::deleted(kind.as_str(), id.into(), &before));
        Ok(())
    })
    .await
}

/// `POST /{collection}/{id}/issue` (`/approve` for bills).
pub async fn issue(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = current(tx, caller, kind, id)?;
        let after = issue_in(tx, caller, kind, id)?;
        let event = if kind == DocumentKind::Bill {
            "approved"
        } else {
            "issued"
        };
        tx.record(Change::updated(kind.as_str(), id.into(), &before, &after).as_event(event));
        Outcome::ok(&after)
    })
    .await
}

/// `POST /{collection}/{id}/void`.
pub async fn void(
    app: &App,
    cx: &Context,
    kind: DocumentKind,
    id: DocumentId,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = current(tx, caller, kind, id)?;
        let after = void_in(tx, caller, kind, id)?;
        tx.record(Change::updated(kind.as_str(), id.into(), &before, &after).as_event("voided"));
        Outcome::ok(&after)
    })
    .await
}
