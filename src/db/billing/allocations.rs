//! Allocations: which payment or credit settles which document, standing or voided.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::allocations;
use crate::db::DbConn;
use crate::domain::ids::{
    AllocationId, DocumentId, JournalEntryId, OrganizationId, PaymentId, UserId,
};

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
