//! Tax rates, bank accounts, documents and their lines, payments, allocations and the
//! numbering counters.

use crate::domain::ids::{
    AllocationId, BankAccountId, ClientAccountId, DocumentId, JournalEntryId, LedgerAccountId,
    OrganizationId, PaymentId, TaxRateId, TeamId, UserId,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::crm::records::page_by_id;
use crate::db::schema::{
    allocations, bank_accounts, document_lines, document_sequences, documents, payments, tax_rates,
};
use crate::db::{DbConn, SqlDecimal};

// ---- numbering ----

pub fn insert_sequences(conn: &mut DbConn, org: OrganizationId) -> QueryResult<()> {
    for (kind, prefix) in [
        ("invoice", "INV-"),
        ("credit_note", "CN-"),
        ("vendor_credit", "VC-"),
    ] {
        diesel::insert_into(document_sequences::table)
            .values((
                document_sequences::organization_id.eq(org),
                document_sequences::kind.eq(kind),
                document_sequences::prefix.eq(prefix),
                document_sequences::next_number.eq(1_i64),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Takes the next number of a sequence. The UPDATE locks the counter row until the issuing
/// transaction ends, so concurrent issuers queue and a rolled-back issue leaves no gap.
pub fn take_number(
    conn: &mut DbConn,
    org: OrganizationId,
    kind: &str,
) -> QueryResult<(String, i64)> {
    let (prefix, next): (String, i64) = diesel::update(
        document_sequences::table.filter(
            document_sequences::organization_id
                .eq(org)
                .and(document_sequences::kind.eq(kind)),
        ),
    )
    .set(document_sequences::next_number.eq(document_sequences::next_number + 1))
    .returning((document_sequences::prefix, document_sequences::next_number))
    .get_result(conn)?;
    Ok((prefix, next - 1))
}

pub fn sequences(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<(String, String, i64)>> {
    document_sequences::table
        .filter(document_sequences::organization_id.eq(org))
        .select((
            document_sequences::kind,
            document_sequences::prefix,
            document_sequences::next_number,
        ))
        .load(conn)
}

pub fn set_prefix(
    conn: &mut DbConn,
    org: OrganizationId,
    kind: &str,
    prefix: &str,
) -> QueryResult<()> {
    diesel::update(
        document_sequences::table.filter(
            document_sequences::organization_id
                .eq(org)
                .and(document_sequences::kind.eq(kind)),
        ),
    )
    .set(document_sequences::prefix.eq(prefix))
    .execute(conn)
    .map(drop)
}

// ---- tax rates ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = tax_rates, treat_none_as_null = true)]
pub struct TaxRateRow {
    pub organization_id: OrganizationId,
    pub id: TaxRateId,
    pub name: String,
    pub rate: SqlDecimal,
    pub kind: String,
    pub recoverable: bool,
    pub sales_ledger_account_id: LedgerAccountId,
    pub purchase_ledger_account_id: LedgerAccountId,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_tax_rates(conn: &mut DbConn, rows: &[TaxRateRow]) -> QueryResult<()> {
    for r in rows {
        diesel::insert_into(tax_rates::table)
            .values(r)
            .execute(conn)?;
    }
    Ok(())
}

pub fn find_tax_rate(
    conn: &mut DbConn,
    org: OrganizationId,
    id: TaxRateId,
) -> QueryResult<TaxRateRow> {
    tax_rates::table
        .find((org, id))
        .select(TaxRateRow::as_select())
        .first(conn)
}

pub fn tax_rates_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[TaxRateId],
) -> QueryResult<Vec<TaxRateRow>> {
    tax_rates::table
        .filter(
            tax_rates::organization_id
                .eq(org)
                .and(tax_rates::id.eq_any(ids)),
        )
        .select(TaxRateRow::as_select())
        .load(conn)
}

pub fn all_tax_rates(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Vec<TaxRateRow>> {
    tax_rates::table
        .filter(tax_rates::organization_id.eq(org))
        .order(tax_rates::id.asc())
        .select(TaxRateRow::as_select())
        .load(conn)
}

pub fn list_tax_rates(
    conn: &mut DbConn,
    org: OrganizationId,
    active: Option<bool>,
    desc: bool,
    after: Option<TaxRateId>,
    limit: i64,
) -> QueryResult<Vec<TaxRateRow>> {
    let mut q = tax_rates::table
        .filter(tax_rates::organization_id.eq(org))
        .select(TaxRateRow::as_select())
        .into_boxed();
    if let Some(a) = active {
        q = q.filter(tax_rates::is_active.eq(a));
    }
    page_by_id!(q, tax_rates, desc, after, limit).load(conn)
}

pub fn tax_rate_name_taken(
    conn: &mut DbConn,
    org: OrganizationId,
    name: &str,
    except: Option<TaxRateId>,
) -> QueryResult<bool> {
    let mut q = tax_rates::table
        .filter(
            tax_rates::organization_id
                .eq(org)
                .and(tax_rates::name.eq(name)),
        )
        .select(tax_rates::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(tax_rates::id.ne(id));
    }
    Ok(q.first::<TaxRateId>(conn).optional()?.is_some())
}

/// Saves the row if it is still at `expected_version`; false when it moved on.
pub fn save_tax_rate(
    conn: &mut DbConn,
    row: &TaxRateRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let n = diesel::update(
        tax_rates::table.filter(
            tax_rates::organization_id
                .eq(row.organization_id)
                .and(tax_rates::id.eq(row.id))
                .and(tax_rates::version.eq(expected_version)),
        ),
    )
    .set(row)
    .execute(conn)?;
    Ok(n == 1)
}

pub fn tax_rate_in_use(conn: &mut DbConn, org: OrganizationId, id: TaxRateId) -> QueryResult<bool> {
    Ok(document_lines::table
        .filter(
            document_lines::organization_id
                .eq(org)
                .and(document_lines::tax_rate_id.eq(id)),
        )
        .select(document_lines::line_no)
        .first::<i32>(conn)
        .optional()?
        .is_some())
}

pub fn delete_tax_rate(conn: &mut DbConn, org: OrganizationId, id: TaxRateId) -> QueryResult<()> {
    diesel::delete(tax_rates::table.find((org, id)))
        .execute(conn)
        .map(drop)
}

// ---- bank accounts ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = bank_accounts, treat_none_as_null = true)]
pub struct BankAccountRow {
    pub organization_id: OrganizationId,
    pub id: BankAccountId,
    pub name: String,
    pub currency: String,
    pub iban: Option<String>,
    pub number: Option<String>,
    pub ledger_account_id: LedgerAccountId,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_bank_account(conn: &mut DbConn, row: &BankAccountRow) -> QueryResult<()> {
    diesel::insert_into(bank_accounts::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn find_bank_account(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankAccountId,
) -> QueryResult<BankAccountRow> {
    bank_accounts::table
        .find((org, id))
        .select(BankAccountRow::as_select())
        .first(conn)
}

pub fn list_bank_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    desc: bool,
    after: Option<BankAccountId>,
    limit: i64,
) -> QueryResult<Vec<BankAccountRow>> {
    let q = bank_accounts::table
        .filter(bank_accounts::organization_id.eq(org))
        .select(BankAccountRow::as_select())
        .into_boxed();
    page_by_id!(q, bank_accounts, desc, after, limit).load(conn)
}

pub fn save_bank_account(
    conn: &mut DbConn,
    row: &BankAccountRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let n = diesel::update(
        bank_accounts::table.filter(
            bank_accounts::organization_id
                .eq(row.organization_id)
                .and(bank_accounts::id.eq(row.id))
                .and(bank_accounts::version.eq(expected_version)),
        ),
    )
    .set(row)
    .execute(conn)?;
    Ok(n == 1)
}

pub fn bank_account_has_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankAccountId,
) -> QueryResult<bool> {
    Ok(payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::bank_account_id.eq(id)),
        )
        .select(payments::id)
        .first::<PaymentId>(conn)
        .optional()?
        .is_some())
}

pub fn delete_bank_account(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankAccountId,
) -> QueryResult<()> {
    diesel::delete(bank_accounts::table.find((org, id)))
        .execute(conn)
        .map(drop)
}

// ---- documents ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = documents, treat_none_as_null = true)]
pub struct DocumentRow {
    pub organization_id: OrganizationId,
    pub id: DocumentId,
    pub kind: String,
    pub account_id: ClientAccountId,
    pub number: Option<String>,
    pub reference: Option<String>,
    pub status: String,
    pub issue_date: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub currency: String,
    pub exchange_rate: SqlDecimal,
    pub amounts_are: String,
    pub subtotal_minor: i64,
    pub tax_total_minor: i64,
    pub total_minor: i64,
    pub base_subtotal_minor: i64,
    pub base_total_minor: i64,
    pub allocated_minor: i64,
    pub allocated_base_minor: i64,
    pub related_document_id: Option<DocumentId>,
    pub memo: Option<String>,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub journal_entry_id: Option<JournalEntryId>,
    pub void_entry_id: Option<JournalEntryId>,
    pub issued_at: Option<NaiveDateTime>,
    pub voided_at: Option<NaiveDateTime>,
    pub created_by: UserId,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = document_lines)]
pub struct DocumentLineRow {
    pub organization_id: OrganizationId,
    pub document_id: DocumentId,
    pub line_no: i32,
    pub description: String,
    pub quantity: SqlDecimal,
    pub unit_price: SqlDecimal,
    pub tax_rate_id: Option<TaxRateId>,
    pub ledger_account_id: LedgerAccountId,
    pub amount_minor: i64,
    pub tax_minor: i64,
    pub base_amount_minor: i64,
    pub base_tax_minor: i64,
}

pub fn insert_document(
    conn: &mut DbConn,
    row: &DocumentRow,
    lines: &[DocumentLineRow],
) -> QueryResult<()> {
    diesel::insert_into(documents::table)
        .values(row)
        .execute(conn)?;
    insert_lines(conn, lines)
}

fn insert_lines(conn: &mut DbConn, lines: &[DocumentLineRow]) -> QueryResult<()> {
    for l in lines {
        diesel::insert_into(document_lines::table)
            .values(l)
            .execute(conn)?;
    }
    Ok(())
}

/// Takes the document's row lock for the rest of the transaction (a write that changes
/// nothing), so what the caller reads next stays true until it commits.
pub fn lock_document(conn: &mut DbConn, org: OrganizationId, id: DocumentId) -> QueryResult<()> {
    diesel::update(
        documents::table.filter(documents::organization_id.eq(org).and(documents::id.eq(id))),
    )
    .set(documents::version.eq(documents::version))
    .execute(conn)
    .map(drop)
}

/// Replaces a draft's row and lines, if it is still at `expected_version`.
pub fn save_draft(
    conn: &mut DbConn,
    row: &DocumentRow,
    lines: Option<&[DocumentLineRow]>,
    expected_version: i64,
) -> QueryResult<bool> {
    let n = diesel::update(
        documents::table.filter(
            documents::organization_id
                .eq(row.organization_id)
                .and(documents::id.eq(row.id))
                .and(documents::version.eq(expected_version))
                .and(documents::status.eq("draft")),
        ),
    )
    .set(row)
    .execute(conn)?;
    if n != 1 {
        return Ok(false);
    }
    if let Some(lines) = lines {
        diesel::delete(
            document_lines::table.filter(
                document_lines::organization_id
                    .eq(row.organization_id)
                    .and(document_lines::document_id.eq(row.id)),
            ),
        )
        .execute(conn)?;
        insert_lines(conn, lines)?;
    }
    Ok(true)
}

pub fn find_document(
    conn: &mut DbConn,
    org: OrganizationId,
    id: DocumentId,
) -> QueryResult<DocumentRow> {
    documents::table
        .find((org, id))
        .select(DocumentRow::as_select())
        .first(conn)
}

pub fn documents_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[DocumentId],
) -> QueryResult<Vec<DocumentRow>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq_any(ids)),
        )
        .select(DocumentRow::as_select())
        .load(conn)
}

pub fn lines_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[DocumentId],
) -> QueryResult<Vec<DocumentLineRow>> {
    document_lines::table
        .filter(
            document_lines::organization_id
                .eq(org)
                .and(document_lines::document_id.eq_any(ids)),
        )
        .order((document_lines::document_id, document_lines::line_no))
        .select(DocumentLineRow::as_select())
        .load(conn)
}

#[derive(Debug, Default, Clone)]
pub struct DocumentFilter {
    pub kind: String,
    pub status: Option<String>,
    pub account_id: Option<ClientAccountId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Open or partly paid and due before this date.
    pub overdue_on: Option<NaiveDate>,
    pub number: Option<String>,
    pub reference: Option<String>,
}

pub fn list_documents(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &DocumentFilter,
    desc: bool,
    after: Option<DocumentId>,
    limit: i64,
) -> QueryResult<Vec<DocumentRow>> {
    let mut q = documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq(f.kind.clone())),
        )
        .select(DocumentRow::as_select())
        .into_boxed();
    if let Some(s) = &f.status {
        q = q.filter(documents::status.eq(s.clone()));
    }
    if let Some(a) = f.account_id {
        q = q.filter(documents::account_id.eq(a));
    }
    if let Some(d) = f.from {
        q = q.filter(documents::issue_date.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(documents::issue_date.le(d));
    }
    if let Some(d) = f.overdue_on {
        q = q.filter(
            documents::status
                .eq_any(["open", "partially_paid"])
                .and(documents::due_date.lt(d)),
        );
    }
    if let Some(n) = &f.number {
        q = q.filter(documents::number.eq(n.clone()));
    }
    if let Some(r) = &f.reference {
        q = q.filter(documents::reference.eq(r.clone()));
    }
    page_by_id!(q, documents, desc, after, limit).load(conn)
}

pub fn reference_taken(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    reference: &str,
    except: Option<DocumentId>,
) -> QueryResult<bool> {
    let mut q = documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq("bill"))
                .and(documents::account_id.eq(account))
                .and(documents::reference.eq(reference))
                .and(documents::status.ne("void")),
        )
        .select(documents::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(documents::id.ne(id));
    }
    Ok(q.first::<DocumentId>(conn).optional()?.is_some())
}

/// Moves a draft to open; false when it is no longer the draft that was read and posted (a
/// racing issue won, or a racing edit changed its lines).
pub fn mark_issued(conn: &mut DbConn, row: &DocumentRow) -> QueryResult<bool> {
    let n = diesel::update(
        documents::table.filter(
            documents::organization_id
                .eq(row.organization_id)
                .and(documents::id.eq(row.id))
                .and(documents::status.eq("draft"))
                .and(documents::version.eq(row.version)),
        ),
    )
    .set((
        documents::status.eq("open"),
        documents::number.eq(&row.number),
        documents::owner_id.eq(row.owner_id),
        documents::team_id.eq(row.team_id),
        documents::journal_entry_id.eq(row.journal_entry_id),
        documents::issued_at.eq(row.issued_at),
        documents::version.eq(documents::version + 1),
        documents::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Voids an issued document with nothing allocated; false when that no longer holds.
pub fn mark_void(
    conn: &mut DbConn,
    org: OrganizationId,
    id: DocumentId,
    entry: Option<JournalEntryId>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        documents::table.filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq(id))
                .and(documents::status.eq_any(["draft", "open"]))
                .and(documents::allocated_minor.eq(0_i64)),
        ),
    )
    .set((
        documents::status.eq("void"),
        documents::void_entry_id.eq(entry),
        documents::voided_at.eq(at),
        documents::version.eq(documents::version + 1),
        documents::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_draft(conn: &mut DbConn, org: OrganizationId, id: DocumentId) -> QueryResult<bool> {
    let n = diesel::delete(
        documents::table.filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq(id))
                .and(documents::status.eq("draft")),
        ),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// Adds (or with negative amounts, removes) an allocation to a document, refusing to go
/// above its total; sets its status from the result. False when it would over-allocate.
pub fn allocate_document(
    conn: &mut DbConn,
    org: OrganizationId,
    id: DocumentId,
    amount_minor: i64,
    base_minor: i64,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        documents::table.filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq(id))
                .and(documents::status.eq_any(["open", "partially_paid", "paid"]))
                .and((documents::allocated_minor + amount_minor).le(documents::total_minor))
                .and((documents::allocated_minor + amount_minor).ge(0_i64)),
        ),
    )
    .set((
        documents::allocated_minor.eq(documents::allocated_minor + amount_minor),
        documents::allocated_base_minor.eq(documents::allocated_base_minor + base_minor),
        documents::version.eq(documents::version + 1),
        documents::updated_at.eq(at),
    ))
    .execute(conn)?;
    if n != 1 {
        return Ok(false);
    }
    let (total, allocated): (i64, i64) = documents::table
        .find((org, id))
        .select((documents::total_minor, documents::allocated_minor))
        .first(conn)?;
    diesel::update(documents::table.find((org, id)))
        .set(documents::status.eq(crate::domain::documents::settled_status(total, allocated)))
        .execute(conn)?;
    Ok(true)
}

/// Adds to the base-currency amount a document has settled. Called after
/// [`allocate_document`] in the same transaction, once the settled amount is known under the
/// row lock that update took.
pub fn add_document_allocated_base(
    conn: &mut DbConn,
    org: OrganizationId,
    id: DocumentId,
    base_minor: i64,
) -> QueryResult<()> {
    diesel::update(documents::table.find((org, id)))
        .set(documents::allocated_base_minor.eq(documents::allocated_base_minor + base_minor))
        .execute(conn)
        .map(drop)
}

/// Issued, not void documents of these kinds dated on or before `as_of` (aging, statements).
pub fn standing_documents(
    conn: &mut DbConn,
    org: OrganizationId,
    kinds: &[&str],
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<DocumentRow>> {
    let mut q = documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq_any(kinds))
                .and(documents::status.eq_any(["open", "partially_paid", "paid"]))
                .and(documents::issue_date.le(as_of)),
        )
        .select(DocumentRow::as_select())
        .into_boxed();
    if let Some(a) = account {
        q = q.filter(documents::account_id.eq(a));
    }
    q.order((documents::issue_date, documents::id)).load(conn)
}

/// Issued, not void documents dated in the range (tax summary, revenue).
pub fn documents_issued_between(
    conn: &mut DbConn,
    org: OrganizationId,
    kinds: &[&str],
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<DocumentRow>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq_any(kinds))
                .and(documents::status.eq_any(["open", "partially_paid", "paid"]))
                .and(documents::issue_date.ge(from))
                .and(documents::issue_date.le(to)),
        )
        .select(DocumentRow::as_select())
        .load(conn)
}

// ---- payments ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = payments)]
pub struct PaymentRow {
    pub organization_id: OrganizationId,
    pub id: PaymentId,
    pub direction: String,
    pub ledger: String,
    pub account_id: ClientAccountId,
    pub bank_account_id: BankAccountId,
    pub payment_date: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    pub exchange_rate: SqlDecimal,
    pub base_amount_minor: i64,
    pub allocated_minor: i64,
    pub allocated_base_minor: i64,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub status: String,
    pub journal_entry_id: JournalEntryId,
    pub void_entry_id: Option<JournalEntryId>,
    pub voided_at: Option<NaiveDateTime>,
    pub created_by: UserId,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_payment(conn: &mut DbConn, row: &PaymentRow) -> QueryResult<()> {
    diesel::insert_into(payments::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn find_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
) -> QueryResult<PaymentRow> {
    payments::table
        .find((org, id))
        .select(PaymentRow::as_select())
        .first(conn)
}

pub fn payments_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[PaymentId],
) -> QueryResult<Vec<PaymentRow>> {
    payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq_any(ids)),
        )
        .select(PaymentRow::as_select())
        .load(conn)
}

#[derive(Debug, Default, Clone)]
pub struct PaymentFilter {
    pub direction: Option<String>,
    pub status: Option<String>,
    pub account_id: Option<ClientAccountId>,
    pub bank_account_id: Option<BankAccountId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

pub fn list_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &PaymentFilter,
    desc: bool,
    after: Option<PaymentId>,
    limit: i64,
) -> QueryResult<Vec<PaymentRow>> {
    let mut q = payments::table
        .filter(payments::organization_id.eq(org))
        .select(PaymentRow::as_select())
        .into_boxed();
    if let Some(d) = &f.direction {
        q = q.filter(payments::direction.eq(d.clone()));
    }
    if let Some(s) = &f.status {
        q = q.filter(payments::status.eq(s.clone()));
    }
    if let Some(a) = f.account_id {
        q = q.filter(payments::account_id.eq(a));
    }
    if let Some(b) = f.bank_account_id {
        q = q.filter(payments::bank_account_id.eq(b));
    }
    if let Some(d) = f.from {
        q = q.filter(payments::payment_date.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(payments::payment_date.le(d));
    }
    page_by_id!(q, payments, desc, after, limit).load(conn)
}

/// Adds to what a payment has allocated, refusing to go above its amount.
pub fn allocate_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    amount_minor: i64,
    base_minor: i64,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted"))
                .and((payments::allocated_minor + amount_minor).le(payments::amount_minor)),
        ),
    )
    .set((
        payments::allocated_minor.eq(payments::allocated_minor + amount_minor),
        payments::allocated_base_minor.eq(payments::allocated_base_minor + base_minor),
        payments::version.eq(payments::version + 1),
        payments::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Adds to the base-currency amount a payment has allocated (see
/// [`add_document_allocated_base`]).
pub fn add_payment_allocated_base(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    base_minor: i64,
) -> QueryResult<()> {
    diesel::update(payments::table.find((org, id)))
        .set(payments::allocated_base_minor.eq(payments::allocated_base_minor + base_minor))
        .execute(conn)
        .map(drop)
}

/// Locks a posted payment's row for the rest of the transaction (false when it is void), so
/// no allocation can be added to it while it is being voided.
pub fn lock_posted_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted")),
        ),
    )
    .set(payments::version.eq(payments::version + 1))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_payment_void(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    entry: JournalEntryId,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted")),
        ),
    )
    .set((
        payments::status.eq("void"),
        payments::void_entry_id.eq(entry),
        payments::voided_at.eq(at),
        payments::allocated_minor.eq(0_i64),
        payments::allocated_base_minor.eq(0_i64),
        payments::version.eq(payments::version + 1),
        payments::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Posted payments on a ledger dated on or before `as_of`.
pub fn standing_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    ledger: &str,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<PaymentRow>> {
    let mut q = payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::ledger.eq(ledger))
                .and(payments::status.eq("posted"))
                .and(payments::payment_date.le(as_of)),
        )
        .select(PaymentRow::as_select())
        .into_boxed();
    if let Some(a) = account {
        q = q.filter(payments::account_id.eq(a));
    }
    q.order((payments::payment_date, payments::id)).load(conn)
}

// ---- allocations ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = allocations)]
pub struct AllocationRow {
    pub organization_id: OrganizationId,
    pub id: AllocationId,
    pub document_id: DocumentId,
    pub payment_id: Option<PaymentId>,
    pub credit_document_id: Option<DocumentId>,
    pub allocation_date: NaiveDate,
    pub amount_minor: i64,
    pub document_base_minor: i64,
    pub source_base_minor: i64,
    pub fx_entry_id: Option<JournalEntryId>,
    pub voided: bool,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
}

pub fn insert_allocation(conn: &mut DbConn, row: &AllocationRow) -> QueryResult<()> {
    diesel::insert_into(allocations::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Standing allocations touching any of these documents (as target or as credit source).
pub fn allocations_of_documents(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[DocumentId],
) -> QueryResult<Vec<AllocationRow>> {
    allocations::table
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::voided.eq(false))
                .and(
                    allocations::document_id
                        .eq_any(ids)
                        .or(allocations::credit_document_id.eq_any(ids)),
                ),
        )
        .order(allocations::id)
        .select(AllocationRow::as_select())
        .load(conn)
}

/// Allocations of these payments, standing and voided.
pub fn allocations_of_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[PaymentId],
) -> QueryResult<Vec<AllocationRow>> {
    allocations::table
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::payment_id.eq_any(ids)),
        )
        .order(allocations::id)
        .select(AllocationRow::as_select())
        .load(conn)
}

/// Standing allocations dated on or before `as_of`.
pub fn standing_allocations(
    conn: &mut DbConn,
    org: OrganizationId,
    as_of: NaiveDate,
) -> QueryResult<Vec<AllocationRow>> {
    allocations::table
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::voided.eq(false))
                .and(allocations::allocation_date.le(as_of)),
        )
        .select(AllocationRow::as_select())
        .load(conn)
}

pub fn void_allocation(
    conn: &mut DbConn,
    org: OrganizationId,
    id: AllocationId,
) -> QueryResult<()> {
    diesel::update(allocations::table.find((org, id)))
        .set(allocations::voided.eq(true))
        .execute(conn)
        .map(drop)
}

/// Standing allocations whose source is this credit document.
pub fn allocations_from_credit(
    conn: &mut DbConn,
    org: OrganizationId,
    credit: DocumentId,
) -> QueryResult<Vec<AllocationRow>> {
    allocations::table
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::voided.eq(false))
                .and(allocations::credit_document_id.eq(credit)),
        )
        .select(AllocationRow::as_select())
        .load(conn)
}
