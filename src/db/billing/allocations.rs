//! Allocations: which payment or credit settles which document, standing or voided.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{allocations, documents, payments, settlements};
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
        .execute(conn)?;
    settle(conn, row)
}

/// Keeps the settlement day of the items an allocation touches (its document, and its payment or
/// credit document): the day the item's base amount was settled in full by the allocations
/// that still stand (the latest of their dates), or NULL while any of it is open.
fn settle(conn: &mut DbConn, row: &AllocationRow) -> QueryResult<()> {
    let org = row.organization_id;
    for doc in [Some(row.document_id), row.credit_document_id]
        .into_iter()
        .flatten()
    {
        let parts = allocations_of_documents(conn, org, &[doc])?;
        let settled: i64 = parts
            .iter()
            .map(|a| {
                if a.document_id == doc {
                    a.document_base_minor
                } else {
                    a.source_base_minor
                }
            })
            .sum();
        let last = parts.iter().map(|a| a.allocation_date).max();
        let total: i64 = documents::table
            .find((org, doc))
            .select(documents::base_total_minor)
            .first(conn)?;
        record_settlement(conn, org, doc.0, last.filter(|_| settled == total))?;
    }
    if let Some(payment) = row.payment_id {
        let parts: Vec<(NaiveDate, i64)> = allocations::table
            .filter(
                allocations::organization_id
                    .eq(org)
                    .and(allocations::voided.eq(false))
                    .and(allocations::payment_id.eq(payment)),
            )
            .select((allocations::allocation_date, allocations::source_base_minor))
            .load(conn)?;
        let settled: i64 = parts.iter().map(|p| p.1).sum();
        let last = parts.iter().map(|p| p.0).max();
        let total: i64 = payments::table
            .find((org, payment))
            .select(payments::base_amount_minor)
            .first(conn)?;
        record_settlement(conn, org, payment.0, last.filter(|_| settled == total))?;
    }
    Ok(())
}

/// Sets (or, with `None`, removes) the day an item was settled in full.
fn record_settlement(
    conn: &mut DbConn,
    org: OrganizationId,
    item: uuid::Uuid,
    settled_on: Option<NaiveDate>,
) -> QueryResult<()> {
    let key = (org, crate::db::SqlUuid(item));
    diesel::delete(settlements::table.find(key)).execute(conn)?;
    if let Some(day) = settled_on {
        diesel::insert_into(settlements::table)
            .values((
                settlements::organization_id.eq(org),
                settlements::item_id.eq(crate::db::SqlUuid(item)),
                settlements::settled_on.eq(day),
            ))
            .execute(conn)?;
    }
    Ok(())
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

/// Standing allocations dated on or before `as_of` that touch any of these documents (as
/// target or credit source) or payments, looked up in bounded chunks.
pub fn standing_allocations_touching(
    conn: &mut DbConn,
    org: OrganizationId,
    as_of: NaiveDate,
    documents: &[DocumentId],
    payments: &[PaymentId],
) -> QueryResult<Vec<AllocationRow>> {
    const CHUNK: usize = 5_000;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let standing = || {
        allocations::table
            .filter(
                allocations::organization_id
                    .eq(org)
                    .and(allocations::voided.eq(false))
                    .and(allocations::allocation_date.le(as_of)),
            )
            .select(AllocationRow::as_select())
    };
    for ids in documents.chunks(CHUNK) {
        for row in standing()
            .filter(
                allocations::document_id
                    .eq_any(ids)
                    .or(allocations::credit_document_id.eq_any(ids)),
            )
            .load(conn)?
        {
            if seen.insert(row.id) {
                out.push(row);
            }
        }
    }
    for ids in payments.chunks(CHUNK) {
        for row in standing()
            .filter(allocations::payment_id.eq_any(ids))
            .load(conn)?
        {
            if seen.insert(row.id) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

pub fn void_allocation(
    conn: &mut DbConn,
    org: OrganizationId,
    id: AllocationId,
) -> QueryResult<()> {
    diesel::update(allocations::table.find((org, id)))
        .set(allocations::voided.eq(true))
        .execute(conn)?;
    let row: AllocationRow = allocations::table
        .find((org, id))
        .select(AllocationRow::as_select())
        .first(conn)?;
    settle(conn, &row)
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
