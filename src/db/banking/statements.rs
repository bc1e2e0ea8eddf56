//! Bank statements and their lines: the rows, the dedupe keys already taken, and the
//! filtered lists.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{bank_statements, bank_transactions};
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{
    BankAccountId, BankReconciliationId, BankStatementId, BankTransactionId, OrganizationId, UserId,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_statements)]
pub struct StatementRow {
    pub organization_id: OrganizationId,
    pub id: BankStatementId,
    pub bank_account_id: BankAccountId,
    pub bank_statement_id: Option<String>,
    pub format: String,
    pub from_date: Option<NaiveDate>,
    pub to_date: Option<NaiveDate>,
    pub opening_balance: Option<SqlDecimal>,
    pub closing_balance: Option<SqlDecimal>,
    pub computed_closing_balance: Option<SqlDecimal>,
    pub previous_closing_balance: Option<SqlDecimal>,
    pub line_count: i64,
    pub imported: i64,
    pub duplicates_skipped: i64,
    pub file_sha256: String,
    pub created_by: Option<UserId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_transactions)]
pub struct TransactionRow {
    pub organization_id: OrganizationId,
    pub id: BankTransactionId,
    pub bank_account_id: BankAccountId,
    pub statement_id: BankStatementId,
    pub booked_on: NaiveDate,
    pub value_on: Option<NaiveDate>,
    pub amount: SqlDecimal,
    pub amount_minor: i64,
    pub currency: String,
    pub description: Option<String>,
    pub structured_reference: Option<String>,
    pub counterparty_name: Option<String>,
    pub counterparty_account: Option<String>,
    pub bank_reference: Option<String>,
    pub end_to_end_id: Option<String>,
    pub bank_transaction_code: Option<String>,
    pub entry_status: Option<String>,
    pub details: String,
    pub dedupe_key: String,
    pub status: String,
    pub reconciliation_id: Option<BankReconciliationId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_statement(conn: &mut DbConn, row: &StatementRow) -> QueryResult<()> {
    diesel::insert_into(bank_statements::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Inserts lines in chunks (SQLite binds at most 32,766 parameters per statement).
pub fn insert_transactions(conn: &mut DbConn, rows: &[TransactionRow]) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        crate::on_backend!(conn, |c| diesel::insert_into(bank_transactions::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

/// Which of `keys` the bank account already holds.
pub fn taken_keys(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    keys: &[String],
) -> QueryResult<Vec<String>> {
    let mut taken = Vec::new();
    for chunk in keys.chunks(500) {
        taken.extend(
            bank_transactions::table
                .filter(
                    bank_transactions::organization_id
                        .eq(org)
                        .and(bank_transactions::bank_account_id.eq(bank))
                        .and(bank_transactions::dedupe_key.eq_any(chunk)),
                )
                .select(bank_transactions::dedupe_key)
                .load::<String>(conn)?,
        );
    }
    Ok(taken)
}

pub fn find_statement(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankStatementId,
) -> QueryResult<StatementRow> {
    bank_statements::table
        .find((org, id))
        .select(StatementRow::as_select())
        .first(conn)
}

/// The statement of `bank` the bank itself calls `bank_id`, if one was imported.
pub fn statement_by_bank_id(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    bank_id: &str,
) -> QueryResult<Option<StatementRow>> {
    bank_statements::table
        .filter(
            bank_statements::organization_id
                .eq(org)
                .and(bank_statements::bank_account_id.eq(bank))
                .and(bank_statements::bank_statement_id.eq(bank_id)),
        )
        .select(StatementRow::as_select())
        .first(conn)
        .optional()
}

/// The statements of `bank` with a closing balance, latest period end first, ending on or
/// before `on` when given.
pub fn closings(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    on: Option<NaiveDate>,
) -> QueryResult<Vec<StatementRow>> {
    let mut q = bank_statements::table
        .filter(
            bank_statements::organization_id
                .eq(org)
                .and(bank_statements::bank_account_id.eq(bank))
                .and(bank_statements::closing_balance.is_not_null())
                .and(bank_statements::to_date.is_not_null()),
        )
        .select(StatementRow::as_select())
        .order((bank_statements::to_date.desc(), bank_statements::id.desc()))
        .limit(1)
        .into_boxed();
    if let Some(on) = on {
        q = q.filter(bank_statements::to_date.le(on));
    }
    q.load(conn)
}

/// A page of `bank`'s statements, latest period first (keyset on the id for ties).
pub fn list_statements(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    after: Option<BankStatementId>,
    limit: i64,
) -> QueryResult<Vec<StatementRow>> {
    let mut q = bank_statements::table
        .filter(
            bank_statements::organization_id
                .eq(org)
                .and(bank_statements::bank_account_id.eq(bank)),
        )
        .select(StatementRow::as_select())
        .order(bank_statements::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(bank_statements::id.lt(after));
    }
    q.load(conn)
}

/// What a list of bank lines is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct TransactionFilter {
    pub bank_account_id: Option<BankAccountId>,
    pub statement_id: Option<BankStatementId>,
    pub status: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub amount_minor: Option<i64>,
    /// Lowercased; matched against description, counterparty and references.
    pub text: Option<String>,
}

/// A page of bank lines in booking order (date, then id), after `after`.
pub fn list_transactions(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &TransactionFilter,
    after: Option<(NaiveDate, BankTransactionId)>,
    descending: bool,
    limit: i64,
) -> QueryResult<Vec<TransactionRow>> {
    use bank_transactions as t;
    let mut q = t::table
        .filter(t::organization_id.eq(org))
        .select(TransactionRow::as_select())
        .limit(limit)
        .into_boxed();
    if let Some(b) = f.bank_account_id {
        q = q.filter(t::bank_account_id.eq(b));
    }
    if let Some(s) = f.statement_id {
        q = q.filter(t::statement_id.eq(s));
    }
    if let Some(s) = &f.status {
        q = q.filter(t::status.eq(s.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(t::booked_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(t::booked_on.le(d));
    }
    if let Some(a) = f.amount_minor {
        q = q.filter(t::amount_minor.eq(a));
    }
    if let Some(text) = &f.text {
        let pattern = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        q = q.filter(
            crate::db::crm::lower(t::description.assume_not_null())
                .like(pattern.clone())
                .escape('\\')
                .or(
                    crate::db::crm::lower(t::counterparty_name.assume_not_null())
                        .like(pattern.clone())
                        .escape('\\'),
                )
                .or(crate::db::crm::lower(t::bank_reference.assume_not_null())
                    .like(pattern.clone())
                    .escape('\\'))
                .or(
                    crate::db::crm::lower(t::structured_reference.assume_not_null())
                        .like(pattern)
                        .escape('\\'),
                ),
        );
    }
    if descending {
        if let Some((d, id)) = after {
            q = q.filter(t::booked_on.lt(d).or(t::booked_on.eq(d).and(t::id.lt(id))));
        }
        q = q.order((t::booked_on.desc(), t::id.desc()));
    } else {
        if let Some((d, id)) = after {
            q = q.filter(t::booked_on.gt(d).or(t::booked_on.eq(d).and(t::id.gt(id))));
        }
        q = q.order((t::booked_on.asc(), t::id.asc()));
    }
    q.load(conn)
}

pub fn find_transaction(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankTransactionId,
) -> QueryResult<TransactionRow> {
    bank_transactions::table
        .find((org, id))
        .select(TransactionRow::as_select())
        .first(conn)
}

pub fn transactions_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[BankTransactionId],
) -> QueryResult<Vec<TransactionRow>> {
    bank_transactions::table
        .filter(
            bank_transactions::organization_id
                .eq(org)
                .and(bank_transactions::id.eq_any(ids)),
        )
        .select(TransactionRow::as_select())
        .load(conn)
}

/// Marks lines reconciled by `rec` (or unreconciled with `None`); the number changed.
pub fn set_reconciliation(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[BankTransactionId],
    rec: Option<BankReconciliationId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    use bank_transactions as t;
    let status = if rec.is_some() {
        "reconciled"
    } else {
        "unreconciled"
    };
    diesel::update(
        t::table.filter(
            t::organization_id
                .eq(org)
                .and(t::id.eq_any(ids))
                .and(t::status.ne(status)),
        ),
    )
    .set((
        t::status.eq(status),
        t::reconciliation_id.eq(rec),
        t::version.eq(t::version + 1),
        t::updated_at.eq(now),
    ))
    .execute(conn)
}

/// The lines of `bank` booked on or before `on` that no reconciliation dated on or before
/// `on` holds: their ids and rounded amounts.
pub fn unreconciled_as_of(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    on: NaiveDate,
) -> QueryResult<Vec<TransactionRow>> {
    use crate::db::schema::bank_reconciliations as r;
    use bank_transactions as t;
    let reconciled_by_then = r::table
        .filter(
            r::organization_id
                .eq(org)
                .and(r::bank_account_id.eq(bank))
                .and(r::reconciled_on.le(on)),
        )
        .select(r::id);
    t::table
        .filter(
            t::organization_id
                .eq(org)
                .and(t::bank_account_id.eq(bank))
                .and(t::booked_on.le(on))
                .and(
                    t::reconciliation_id.is_null().or(t::reconciliation_id
                        .assume_not_null()
                        .ne_all(reconciled_by_then)),
                ),
        )
        .select(TransactionRow::as_select())
        .load(conn)
}

/// A statement of `bank` imported from the file with this hash, covering the same period.
pub fn statement_from_file(
    conn: &mut DbConn,
    org: OrganizationId,
    bank: BankAccountId,
    sha256: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> QueryResult<Option<StatementRow>> {
    let rows: Vec<StatementRow> = bank_statements::table
        .filter(
            bank_statements::organization_id
                .eq(org)
                .and(bank_statements::bank_account_id.eq(bank))
                .and(bank_statements::file_sha256.eq(sha256)),
        )
        .select(StatementRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .find(|r| r.from_date == from && r.to_date == to))
}
