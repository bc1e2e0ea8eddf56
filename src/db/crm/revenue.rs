//! What the CRM reads from the books: the invoices, credit notes and payments of accounts
//! (health, timeline) and the revenue credited to owners and teams (reports). Read-only;
//! the receivables module owns these tables.

use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId, PaymentId, TeamId, UserId};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{accounts, allocations, documents, payments};
use crate::db::DbConn;

/// Statuses of a document that was issued and still stands.
const STANDING: [&str; 3] = ["open", "partially_paid", "paid"];

/// A customer document as the CRM sees it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct CrmDocumentRow {
    pub id: DocumentId,
    pub kind: String,
    pub account_id: ClientAccountId,
    pub number: Option<String>,
    pub status: String,
    pub issue_date: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub currency: String,
    pub total_minor: i64,
    pub base_subtotal_minor: i64,
    pub base_total_minor: i64,
    pub related_document_id: Option<DocumentId>,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
}

/// Invoices of these accounts issued on or before `as_of` and not void.
pub fn standing_invoices_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
    as_of: NaiveDate,
) -> QueryResult<Vec<CrmDocumentRow>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::account_id.eq_any(accounts))
                .and(documents::kind.eq("invoice"))
                .and(documents::status.eq_any(STANDING))
                .and(documents::issue_date.le(as_of)),
        )
        .order((documents::issue_date, documents::id))
        .select(CrmDocumentRow::as_select())
        .load(conn)
}

/// An allocation into a document: (document, from a payment?, amount in the document's
/// currency, base amount at the document's rate, date).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = allocations)]
pub struct CrmAllocationRow {
    pub document_id: DocumentId,
    pub payment_id: Option<PaymentId>,
    pub allocation_date: NaiveDate,
    pub amount_minor: i64,
    pub document_base_minor: i64,
}

/// Standing allocations into these documents dated on or before `as_of`.
pub fn allocations_into(
    conn: &mut DbConn,
    org: OrganizationId,
    documents: &[DocumentId],
    as_of: NaiveDate,
) -> QueryResult<Vec<CrmAllocationRow>> {
    allocations::table
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::document_id.eq_any(documents))
                .and(allocations::voided.eq(false))
                .and(allocations::allocation_date.le(as_of)),
        )
        .select(CrmAllocationRow::as_select())
        .load(conn)
}

/// Invoices and credit notes of one account that were issued (void ones included: they
/// happened), for the timeline.
pub fn issued_receivables_of_account(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
) -> QueryResult<Vec<CrmDocumentRow>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::account_id.eq(account))
                .and(documents::kind.eq_any(["invoice", "credit_note"]))
                .and(documents::issued_at.is_not_null()),
        )
        .select(CrmDocumentRow::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = payments)]
pub struct CrmPaymentRow {
    pub id: PaymentId,
    pub direction: String,
    pub payment_date: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
}

/// Every payment received from or sent to one account, void ones included.
pub fn payments_of_account(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
) -> QueryResult<Vec<CrmPaymentRow>> {
    payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::account_id.eq(account)),
        )
        .select(CrmPaymentRow::as_select())
        .load(conn)
}

/// Invoices and credit notes issued in [from, to] that still stand (revenue invoiced).
pub fn receivables_issued_between(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<CrmDocumentRow>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq_any(["invoice", "credit_note"]))
                .and(documents::status.eq_any(STANDING))
                .and(documents::issue_date.ge(from))
                .and(documents::issue_date.le(to)),
        )
        .select(CrmDocumentRow::as_select())
        .load(conn)
}

/// A collection: a standing allocation of a payment into an invoice, with what the invoice
/// says about whom it is credited to.
#[derive(Debug, Clone, Queryable)]
pub struct CollectionRow {
    pub account_id: ClientAccountId,
    pub allocation_date: NaiveDate,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    /// The allocation in base minor units at the invoice's rate.
    pub document_base_minor: i64,
    pub base_subtotal_minor: i64,
    pub base_total_minor: i64,
}

/// Standing allocations from payments dated in [from, to] into invoices (revenue collected),
/// joined to their invoice in the database rather than looked up by id afterwards.
pub fn collections_between(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<CollectionRow>> {
    allocations::table
        .inner_join(
            documents::table.on(documents::organization_id
                .eq(allocations::organization_id)
                .and(documents::id.eq(allocations::document_id))),
        )
        .filter(
            allocations::organization_id
                .eq(org)
                .and(allocations::payment_id.is_not_null())
                .and(allocations::voided.eq(false))
                .and(allocations::allocation_date.ge(from))
                .and(allocations::allocation_date.le(to))
                .and(documents::kind.eq("invoice")),
        )
        .select((
            documents::account_id,
            allocations::allocation_date,
            documents::owner_id,
            documents::team_id,
            allocations::document_base_minor,
            documents::base_subtotal_minor,
            documents::base_total_minor,
        ))
        .load(conn)
}

/// (id, kind, account) of these documents (checking the invoices a dispute names).
pub fn kinds_and_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[DocumentId],
) -> QueryResult<Vec<(DocumentId, String, ClientAccountId)>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::id.eq_any(ids)),
        )
        .select((documents::id, documents::kind, documents::account_id))
        .load(conn)
}

/// Issued invoices of live accounts `user` owns that still have an amount due after their
/// due date, with the amount allocated to them: due before `day` (the user's agenda).
pub fn overdue_invoices_of_owner(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    day: NaiveDate,
) -> QueryResult<Vec<(CrmDocumentRow, i64)>> {
    let owned = accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::owner_id.eq(user))
                .and(accounts::archived_at.is_null()),
        )
        .select(accounts::id);
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq("invoice"))
                .and(documents::status.eq_any(["open", "partially_paid"]))
                .and(documents::due_date.lt(day))
                .and(documents::account_id.eq_any(owned)),
        )
        .order((documents::due_date.asc(), documents::id.asc()))
        .select((CrmDocumentRow::as_select(), documents::allocated_minor))
        .load(conn)
}

/// Per account, over the invoices and credit notes issued on a day in [first, last] that
/// still stand: (account, invoices' base subtotals less credit notes', invoices issued). One
/// aggregate query; only accounts with a document in the range appear.
pub fn net_invoiced_by_account(
    conn: &mut DbConn,
    org: OrganizationId,
    first: NaiveDate,
    last: NaiveDate,
) -> QueryResult<Vec<(ClientAccountId, i64, i64)>> {
    use diesel::dsl::sql;
    use diesel::sql_types::BigInt;
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::kind.eq_any(["invoice", "credit_note"]))
                .and(documents::status.eq_any(STANDING))
                .and(documents::issue_date.ge(first))
                .and(documents::issue_date.le(last)),
        )
        .group_by(documents::account_id)
        .select((
            documents::account_id,
            sql::<BigInt>(
                "CAST(COALESCE(SUM(CASE WHEN documents.kind = 'invoice' \
                 THEN documents.base_subtotal_minor ELSE -documents.base_subtotal_minor END), 0) \
                 AS BIGINT)",
            ),
            sql::<BigInt>(
                "CAST(COALESCE(SUM(CASE WHEN documents.kind = 'invoice' THEN 1 ELSE 0 END), 0) \
                 AS BIGINT)",
            ),
        ))
        .load(conn)
}
