//! Reconciliations and what they hold: the rows, the lines of a bank's ledger account, and
//! which of them a reconciliation already holds.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::ledger::LineRow;
use crate::db::schema::{bank_reconciliation_items, bank_reconciliations, journal_lines};
use crate::db::DbConn;
use crate::domain::ids::{
    BankAccountId, BankReconciliationId, JournalEntryId, LedgerAccountId, OrganizationId,
    PaymentId, UserId,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_reconciliations)]
pub struct ReconciliationRow {
    pub organization_id: OrganizationId,
    pub id: BankReconciliationId,
    pub bank_account_id: BankAccountId,
    pub reconciled_on: NaiveDate,
    pub kind: String,
    pub bank_total_minor: i64,
    pub ledger_total_minor: i64,
    pub difference_minor: i64,
    pub difference_account_id: Option<LedgerAccountId>,
    pub entry_id: Option<JournalEntryId>,
    pub payment_id: Option<PaymentId>,
    pub auto: bool,
    pub created_by: Option<UserId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_reconciliation_items)]
pub struct ItemRow {
    pub organization_id: OrganizationId,
    pub reconciliation_id: BankReconciliationId,
    /// `bank_transaction` or `journal_line`.
    pub item_kind: String,
    pub item_id: crate::db::SqlUuid,
    pub entry_id: Option<JournalEntryId>,
    pub line_no: Option<i32>,
    pub amount_minor: i64,
    pub item_date: NaiveDate,
}

pub fn insert(conn: &mut DbConn, row: &ReconciliationRow, items: &[ItemRow]) -> QueryResult<()> {
    diesel::insert_into(bank_reconciliations::table)
        .values(row)
        .execute(conn)?;
    for chunk in items.chunks(500) {
        crate::on_backend!(conn, |c| diesel::insert_into(
            bank_reconciliation_items::table
        )
        .values(chunk)
        .execute(c))?;
    }
    Ok(())
}

pub fn find(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankReconciliationId,
) -> QueryResult<ReconciliationRow> {
    bank_reconciliations::table
        .find((org, id))
        .select(ReconciliationRow::as_select())
        .first(conn)
}

pub fn items_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[BankReconciliationId],
) -> QueryResult<Vec<ItemRow>> {
    bank_reconciliation_items::table
        .filter(
            bank_reconciliation_items::organization_id
                .eq(org)
                .and(bank_reconciliation_items::reconciliation_id.eq_any(ids)),
        )
        .select(ItemRow::as_select())
        .load(conn)
}

/// Removes a reconciliation and what it holds; false when it was already gone.
pub fn delete(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankReconciliationId,
) -> QueryResult<bool> {
    diesel::delete(
        bank_reconciliation_items::table.filter(
            bank_reconciliation_items::organization_id
                .eq(org)
                .and(bank_reconciliation_items::reconciliation_id.eq(id)),
        ),
    )
    .execute(conn)?;
    Ok(diesel::delete(bank_reconciliations::table.find((org, id))).execute(conn)? == 1)
}

/// The reconciliation holding a line of `entry`, if any.
pub fn of_entry(
    conn: &mut DbConn,
    org: OrganizationId,
    entry: JournalEntryId,
) -> QueryResult<Option<BankReconciliationId>> {
    bank_reconciliation_items::table
        .filter(
            bank_reconciliation_items::organization_id
                .eq(org)
                .and(bank_reconciliation_items::entry_id.eq(entry)),
        )
        .select(bank_reconciliation_items::reconciliation_id)
        .first(conn)
        .optional()
}

/// Which of the `(kind, id)` items a reconciliation already holds, with the one holding it.
pub fn held(
    conn: &mut DbConn,
    org: OrganizationId,
    kind: &str,
    ids: &[crate::db::SqlUuid],
) -> QueryResult<Vec<(crate::db::SqlUuid, BankReconciliationId)>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            bank_reconciliation_items::table
                .filter(
                    bank_reconciliation_items::organization_id
                        .eq(org)
                        .and(bank_reconciliation_items::item_kind.eq(kind))
                        .and(bank_reconciliation_items::item_id.eq_any(chunk)),
                )
                .select((
                    bank_reconciliation_items::item_id,
                    bank_reconciliation_items::reconciliation_id,
                ))
                .load::<(crate::db::SqlUuid, BankReconciliationId)>(conn)?,
        );
    }
    Ok(out)
}

/// Every line on `account` dated on or before `on` (all of them without `on`).
pub fn lines_on(
    conn: &mut DbConn,
    org: OrganizationId,
    account: LedgerAccountId,
    on: Option<NaiveDate>,
) -> QueryResult<Vec<LineRow>> {
    let mut q = journal_lines::table
        .filter(
            journal_lines::organization_id
                .eq(org)
                .and(journal_lines::ledger_account_id.eq(account)),
        )
        .select(LineRow::as_select())
        .order((
            journal_lines::entry_date,
            journal_lines::entry_id,
            journal_lines::line_no,
        ))
        .into_boxed();
    if let Some(on) = on {
        q = q.filter(journal_lines::entry_date.le(on));
    }
    q.load(conn)
}

/// The journal-line items of `bank`'s reconciliations dated on or before `on`.
pub fn reconciled_lines_as_of(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    on: NaiveDate,
) -> QueryResult<Vec<(JournalEntryId, i32)>> {
    use bank_reconciliation_items as i;
    use bank_reconciliations as r;
    let recs = r::table
        .filter(
            r::organization_id
                .eq(org)
                .and(r::bank_account_id.eq(bank))
                .and(r::reconciled_on.le(on)),
        )
        .select(r::id);
    let rows: Vec<(Option<JournalEntryId>, Option<i32>)> = i::table
        .filter(
            i::organization_id
                .eq(org)
                .and(i::item_kind.eq("journal_line"))
                .and(i::reconciliation_id.eq_any(recs)),
        )
        .select((i::entry_id, i::line_no))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(e, l)| Some((e?, l?)))
        .collect())
}

/// The payments that posted these entries.
pub fn payments_by_entries(
    conn: &mut DbConn,
    org: OrganizationId,
    entries: &[JournalEntryId],
) -> QueryResult<Vec<crate::db::billing::payments::PaymentRow>> {
    use crate::db::schema::payments;
    let mut out = Vec::new();
    for chunk in entries.chunks(500) {
        out.extend(
            payments::table
                .filter(
                    payments::organization_id
                        .eq(org)
                        .and(payments::journal_entry_id.eq_any(chunk)),
                )
                .select(crate::db::billing::payments::PaymentRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Every journal-line item of `bank`'s reconciliations.
pub fn reconciled_lines(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
) -> QueryResult<Vec<(JournalEntryId, i32)>> {
    reconciled_lines_as_of(
        conn,
        org,
        bank,
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
    )
}

/// The entries with these ids.
pub fn entries_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[JournalEntryId],
) -> QueryResult<Vec<crate::db::ledger::EntryRow>> {
    use crate::db::schema::journal_entries;
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            journal_entries::table
                .filter(
                    journal_entries::organization_id
                        .eq(org)
                        .and(journal_entries::id.eq_any(chunk)),
                )
                .select(crate::db::ledger::EntryRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}
