//! Journal entries and their lines: insert once, read, link a reversal, list by date.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{journal_entries, journal_lines};
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{
    ClientAccountId, EntrySourceId, JournalEntryId, LedgerAccountId, OrganizationId, UserId,
};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = journal_entries)]
pub struct EntryRow {
    pub organization_id: OrganizationId,
    pub id: JournalEntryId,
    pub entry_date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub source: String,
    pub source_id: Option<EntrySourceId>,
    pub metadata: String,
    pub reverses_entry_id: Option<JournalEntryId>,
    pub reversed_by_entry_id: Option<JournalEntryId>,
    pub reversal_reason: Option<String>,
    pub created_by: UserId,
    pub posted_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = journal_lines)]
pub struct LineRow {
    pub organization_id: OrganizationId,
    pub entry_id: JournalEntryId,
    pub line_no: i32,
    pub ledger_account_id: LedgerAccountId,
    pub entry_date: NaiveDate,
    pub currency: String,
    pub debit_minor: i64,
    pub credit_minor: i64,
    pub exchange_rate: Option<SqlDecimal>,
    pub base_debit_minor: i64,
    pub base_credit_minor: i64,
    pub description: Option<String>,
    pub account_id: Option<ClientAccountId>,
}

/// Inserts entries and their lines: a statement per thousand entries and one per thousand
/// lines (inside SQLite's limit on a statement's variables). One entry is inserted by the
/// single-row statement, which the connection keeps prepared (a multi-row one is planned anew).
pub fn insert_entries(
    conn: &mut DbConn,
    entries: &[EntryRow],
    lines: &[LineRow],
) -> QueryResult<()> {
    match entries {
        [entry] => {
            diesel::insert_into(journal_entries::table)
                .values(entry)
                .execute(conn)?;
        }
        _ => {
            for chunk in entries.chunks(1000) {
                on_backend!(conn, |c| diesel::insert_into(journal_entries::table)
                    .values(chunk)
                    .execute(c))?;
            }
        }
    }
    for chunk in lines.chunks(1000) {
        on_backend!(conn, |c| diesel::insert_into(journal_lines::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(())
}

pub fn find_entry(
    conn: &mut DbConn,
    org: OrganizationId,
    id: JournalEntryId,
) -> QueryResult<EntryRow> {
    journal_entries::table
        .filter(
            journal_entries::organization_id
                .eq(org)
                .and(journal_entries::id.eq(id)),
        )
        .select(EntryRow::as_select())
        .first(conn)
}

pub fn lines_of(
    conn: &mut DbConn,
    org: OrganizationId,
    entry_ids: &[JournalEntryId],
) -> QueryResult<Vec<LineRow>> {
    journal_lines::table
        .filter(
            journal_lines::organization_id
                .eq(org)
                .and(journal_lines::entry_id.eq_any(entry_ids)),
        )
        .order((journal_lines::entry_id.asc(), journal_lines::line_no.asc()))
        .select(LineRow::as_select())
        .load(conn)
}

/// Links an entry to its reversal; false when it was already reversed (a lost race).
pub fn mark_reversed(
    conn: &mut DbConn,
    org: OrganizationId,
    id: JournalEntryId,
    by: JournalEntryId,
) -> QueryResult<bool> {
    let n = diesel::update(
        journal_entries::table.filter(
            journal_entries::organization_id
                .eq(org)
                .and(journal_entries::id.eq(id))
                .and(journal_entries::reversed_by_entry_id.is_null()),
        ),
    )
    .set((
        journal_entries::reversed_by_entry_id.eq(by),
        journal_entries::updated_at.eq(crate::db::now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Default, Clone)]
pub struct EntryFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub source: Option<String>,
    pub reference: Option<String>,
    pub ledger_account_id: Option<LedgerAccountId>,
    /// Only entries changed (posted, or reversed) at or after it.
    pub updated_since: Option<NaiveDateTime>,
}

/// Entries in (date, id) order, after the (date, id) of the previous page.
pub fn list_entries(
    conn: &mut DbConn,
    org: OrganizationId,
    filter: &EntryFilter,
    descending: bool,
    after: Option<(NaiveDate, JournalEntryId)>,
    limit: i64,
) -> QueryResult<Vec<EntryRow>> {
    let mut q = journal_entries::table
        .filter(journal_entries::organization_id.eq(org))
        .select(EntryRow::as_select())
        .limit(limit)
        .into_boxed();
    if let Some(d) = filter.from {
        q = q.filter(journal_entries::entry_date.ge(d));
    }
    if let Some(d) = filter.to {
        q = q.filter(journal_entries::entry_date.le(d));
    }
    if let Some(s) = &filter.source {
        q = q.filter(journal_entries::source.eq(s.clone()));
    }
    if let Some(r) = &filter.reference {
        q = q.filter(journal_entries::reference.eq(r.clone()));
    }
    if let Some(t) = filter.updated_since {
        q = q.filter(journal_entries::updated_at.ge(t));
    }
    if let Some(acct) = filter.ledger_account_id {
        q = q.filter(
            journal_entries::id.eq_any(
                journal_lines::table
                    .filter(
                        journal_lines::organization_id
                            .eq(org)
                            .and(journal_lines::ledger_account_id.eq(acct)),
                    )
                    .select(journal_lines::entry_id),
            ),
        );
    }
    if let Some((d, id)) = after {
        q = if descending {
            q.filter(
                journal_entries::entry_date
                    .lt(d)
                    .or(journal_entries::entry_date
                        .eq(d)
                        .and(journal_entries::id.lt(id))),
            )
        } else {
            q.filter(
                journal_entries::entry_date
                    .gt(d)
                    .or(journal_entries::entry_date
                        .eq(d)
                        .and(journal_entries::id.gt(id))),
            )
        };
    }
    q = if descending {
        q.order((
            journal_entries::entry_date.desc(),
            journal_entries::id.desc(),
        ))
    } else {
        q.order((journal_entries::entry_date.asc(), journal_entries::id.asc()))
    };
    q.load(conn)
}
