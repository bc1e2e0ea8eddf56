//! Documents (invoices, credit notes, bills, vendor credits) and their lines: drafts saved
//! whole, and the conditional updates of the lifecycle (issue, void, settlement) that refuse
//! to act on a document that moved on.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{document_lines, documents, settlements};
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{
    ClientAccountId, DocumentId, JournalEntryId, LedgerAccountId, OrganizationId, TaxRateId,
    TeamId, UserId,
};

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
    /// The client account the line concerns (profitability).
    pub account_id: Option<ClientAccountId>,
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

/// A list's filters; the kind always applies.
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

crate::stored!(DocumentRow in documents, id: DocumentId, filter: DocumentFilter => |q, f| {
    q = q.filter(documents::kind.eq(f.kind.clone()));
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
    q
});

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
    standing_documents_as_of(conn, org, kinds, as_of, account, false)
}

/// [`standing_documents`] not yet settled in full by `as_of` (the aging): a document settled
/// by then owes nothing on that day, so it is not read.
pub fn documents_open_on(
    conn: &mut DbConn,
    org: OrganizationId,
    kinds: &[&str],
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<DocumentRow>> {
    standing_documents_as_of(conn, org, kinds, as_of, account, true)
}

fn standing_documents_as_of(
    conn: &mut DbConn,
    org: OrganizationId,
    kinds: &[&str],
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
    unsettled_only: bool,
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
    if unsettled_only {
        q = q.filter(diesel::dsl::not(diesel::dsl::exists(
            settlements::table.filter(
                settlements::organization_id
                    .eq(documents::organization_id)
                    .and(settlements::item_id.eq(documents::id))
                    .and(settlements::settled_on.le(as_of)),
            ),
        )));
    }
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

/// Invoices that may have become overdue: issued, with an amount due, due before `due_before`
/// and not yet announced; at most `limit`, by organization.
pub fn overdue_candidates(
    conn: &mut DbConn,
    due_before: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<(OrganizationId, DocumentId)>> {
    documents::table
        .filter(
            documents::kind
                .eq("invoice")
                .and(documents::status.eq_any(["open", "partially_paid"]))
                .and(documents::overdue_notified_at.is_null())
                .and(documents::due_date.lt(due_before))
                .and(documents::allocated_minor.lt(documents::total_minor)),
        )
        .order((documents::organization_id.asc(), documents::id.asc()))
        .select((documents::organization_id, documents::id))
        .limit(limit)
        .load(conn)
}

/// Notes that an invoice's being overdue was announced; false when it already was.
pub fn mark_overdue_notified(
    conn: &mut DbConn,
    org: OrganizationId,
    id: DocumentId,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        documents::table.filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq(id))
                .and(documents::overdue_notified_at.is_null()),
        ),
    )
    .set(documents::overdue_notified_at.eq(at))
    .execute(conn)?;
    Ok(n == 1)
}
