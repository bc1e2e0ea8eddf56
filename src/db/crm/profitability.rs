//! What one client account earned and cost in a period, summed in SQL over minor units
//! (exact on both backends): its issued invoices and credit notes, the payments allocated to
//! its invoices, and the expense lines of the journal tagged with it.

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::schema::{allocations, documents, journal_lines, ledger_accounts};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId};

/// Statuses of a document that was issued and still stands.
const STANDING: [&str; 3] = ["open", "partially_paid", "paid"];

/// (kind, base subtotal) of the account's standing invoices and credit notes issued in
/// [from, to], summed per kind.
pub fn subtotals_by_kind(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<(String, i64)>> {
    documents::table
        .filter(
            documents::organization_id
                .eq(org)
                .and(documents::account_id.eq(account))
                .and(documents::kind.eq_any(["invoice", "credit_note"]))
                .and(documents::status.eq_any(STANDING))
                .and(documents::issue_date.ge(from))
                .and(documents::issue_date.le(to)),
        )
        .group_by(documents::kind)
        .select((
            documents::kind,
            sql::<BigInt>("CAST(COALESCE(SUM(documents.base_subtotal_minor), 0) AS BIGINT)"),
        ))
        .load(conn)
}

/// What payments allocated in [from, to] settled of each of the account's invoices, in the
/// base currency at the invoice's rate: (invoice, settled, its base subtotal, its base total).
pub fn collected_by_invoice(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<(DocumentId, i64, i64, i64)>> {
    allocations::table
        .inner_join(
            documents::table.on(documents::organization_id
                .eq(allocations::organization_id)
                .and(documents::id.eq(allocations::document_id))),
        )
        .filter(
            allocations::organization_id
                .eq(org)
                .and(documents::account_id.eq(account))
                .and(documents::kind.eq("invoice"))
                .and(allocations::payment_id.is_not_null())
                .and(allocations::voided.eq(false))
                .and(allocations::allocation_date.ge(from))
                .and(allocations::allocation_date.le(to)),
        )
        .group_by((
            documents::id,
            documents::base_subtotal_minor,
            documents::base_total_minor,
        ))
        .select((
            documents::id,
            sql::<BigInt>("CAST(COALESCE(SUM(allocations.document_base_minor), 0) AS BIGINT)"),
            documents::base_subtotal_minor,
            documents::base_total_minor,
        ))
        .load(conn)
}

/// Base debits less base credits of the journal lines dated in [from, to] that are tagged
/// with the account and post to expense accounts without a system role (exchange
/// differences and rounding are not a client's direct costs).
pub fn direct_costs(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<i64> {
    let rows: Vec<(Option<ClientAccountId>, i64)> = journal_lines::table
        .inner_join(
            ledger_accounts::table.on(ledger_accounts::organization_id
                .eq(journal_lines::organization_id)
                .and(ledger_accounts::id.eq(journal_lines::ledger_account_id))),
        )
        .filter(
            journal_lines::organization_id
                .eq(org)
                .and(journal_lines::account_id.eq(account))
                .and(journal_lines::entry_date.ge(from))
                .and(journal_lines::entry_date.le(to))
                .and(ledger_accounts::account_type.eq("expense"))
                .and(ledger_accounts::system_role.is_null()),
        )
        .group_by(journal_lines::account_id)
        .select((
            journal_lines::account_id,
            sql::<BigInt>(
                "CAST(COALESCE(SUM(journal_lines.base_debit_minor), 0) \
                 - COALESCE(SUM(journal_lines.base_credit_minor), 0) AS BIGINT)",
            ),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(_, m)| m).sum())
}
