//! Ledger storage: the chart, exchange rates, journal entries and lines, and the sums that
//! balances and reports are made of. Sums are over BIGINT minor units, exact on both backends.

use crate::domain::ids::{
    ClientAccountId, EntrySourceId, ExchangeRateId, JournalEntryId, LedgerAccountId,
    OrganizationId, UserId,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::schema::{exchange_rates, journal_entries, journal_lines, ledger_accounts};
use super::{DbConn, SqlDecimal};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ledger_accounts)]
pub struct LedgerAccountRow {
    pub organization_id: OrganizationId,
    pub id: LedgerAccountId,
    pub code: String,
    pub name: String,
    pub account_type: String,
    pub parent_id: Option<LedgerAccountId>,
    pub currency: String,
    pub is_active: bool,
    pub system_role: Option<String>,
    pub description: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = ledger_accounts)]
pub struct LedgerAccountChanges {
    pub code: Option<String>,
    pub name: Option<String>,
    pub account_type: Option<String>,
    pub parent_id: Option<Option<LedgerAccountId>>,
    pub currency: Option<String>,
    pub is_active: Option<bool>,
    pub description: Option<Option<String>>,
}

pub fn insert_accounts(conn: &mut DbConn, rows: &[LedgerAccountRow]) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::insert_into(ledger_accounts::table)
        .values(rows)
        .execute(c))
    .map(drop)
}

pub fn find_account(
    conn: &mut DbConn,
    org: OrganizationId,
    id: LedgerAccountId,
) -> QueryResult<LedgerAccountRow> {
    ledger_accounts::table
        .filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::id.eq(id)),
        )
        .select(LedgerAccountRow::as_select())
        .first(conn)
}

pub fn accounts_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[LedgerAccountId],
) -> QueryResult<Vec<LedgerAccountRow>> {
    ledger_accounts::table
        .filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::id.eq_any(ids)),
        )
        .select(LedgerAccountRow::as_select())
        .load(conn)
}

pub fn all_accounts(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Vec<LedgerAccountRow>> {
    ledger_accounts::table
        .filter(ledger_accounts::organization_id.eq(org))
        .order(ledger_accounts::code.asc())
        .select(LedgerAccountRow::as_select())
        .load(conn)
}

pub fn account_by_role(
    conn: &mut DbConn,
    org: OrganizationId,
    role: &str,
) -> QueryResult<Option<LedgerAccountRow>> {
    ledger_accounts::table
        .filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::system_role.eq(role)),
        )
        .order(ledger_accounts::code.asc())
        .select(LedgerAccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn code_taken(
    conn: &mut DbConn,
    org: OrganizationId,
    code: &str,
    except: Option<LedgerAccountId>,
) -> QueryResult<bool> {
    let mut q = ledger_accounts::table
        .filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::code.eq(code)),
        )
        .select(ledger_accounts::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(ledger_accounts::id.ne(id));
    }
    Ok(q.first::<LedgerAccountId>(conn).optional()?.is_some())
}

pub fn has_postings(
    conn: &mut DbConn,
    org: OrganizationId,
    id: LedgerAccountId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        journal_lines::table.filter(
            journal_lines::organization_id
                .eq(org)
                .and(journal_lines::ledger_account_id.eq(id)),
        ),
    ))
    .get_result(conn)
}

pub fn has_children(
    conn: &mut DbConn,
    org: OrganizationId,
    id: LedgerAccountId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        ledger_accounts::table.filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::parent_id.eq(id)),
        ),
    ))
    .get_result(conn)
}

pub fn update_account(
    conn: &mut DbConn,
    org: OrganizationId,
    id: LedgerAccountId,
    version: i64,
    changes: &LedgerAccountChanges,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        ledger_accounts::table.filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::id.eq(id))
                .and(ledger_accounts::version.eq(version)),
        ),
    )
    .set((
        ledger_accounts::version.eq(version + 1),
        ledger_accounts::updated_at.eq(now),
    ))
    .execute(conn)?;
    let any = changes.code.is_some()
        || changes.name.is_some()
        || changes.account_type.is_some()
        || changes.parent_id.is_some()
        || changes.currency.is_some()
        || changes.is_active.is_some()
        || changes.description.is_some();
    if n == 1 && any {
        diesel::update(
            ledger_accounts::table.filter(
                ledger_accounts::organization_id
                    .eq(org)
                    .and(ledger_accounts::id.eq(id)),
            ),
        )
        .set(changes)
        .execute(conn)?;
    }
    Ok(n == 1)
}

pub fn delete_account(
    conn: &mut DbConn,
    org: OrganizationId,
    id: LedgerAccountId,
) -> QueryResult<()> {
    diesel::delete(
        ledger_accounts::table.filter(
            ledger_accounts::organization_id
                .eq(org)
                .and(ledger_accounts::id.eq(id)),
        ),
    )
    .execute(conn)
    .map(drop)
}

#[derive(Debug, Default)]
pub struct AccountFilter {
    pub account_type: Option<String>,
    pub is_active: Option<bool>,
    pub system_role: Option<String>,
}

pub fn list_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    filter: &AccountFilter,
    after_code: Option<(String, LedgerAccountId)>,
    limit: i64,
) -> QueryResult<Vec<LedgerAccountRow>> {
    let mut q = ledger_accounts::table
        .filter(ledger_accounts::organization_id.eq(org))
        .select(LedgerAccountRow::as_select())
        .order((ledger_accounts::code.asc(), ledger_accounts::id.asc()))
        .limit(limit)
        .into_boxed();
    if let Some(t) = &filter.account_type {
        q = q.filter(ledger_accounts::account_type.eq(t.clone()));
    }
    if let Some(a) = filter.is_active {
        q = q.filter(ledger_accounts::is_active.eq(a));
    }
    if let Some(r) = &filter.system_role {
        q = q.filter(ledger_accounts::system_role.eq(r.clone()));
    }
    if let Some((code, id)) = after_code {
        q = q.filter(
            ledger_accounts::code
                .gt(code.clone())
                .or(ledger_accounts::code
                    .eq(code)
                    .and(ledger_accounts::id.gt(id))),
        );
    }
    q.load(conn)
}

// ---- exchange rates ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = exchange_rates)]
pub struct ExchangeRateRow {
    pub organization_id: OrganizationId,
    pub id: ExchangeRateId,
    pub currency: String,
    pub rate_date: NaiveDate,
    pub rate: SqlDecimal,
    pub created_at: NaiveDateTime,
}

pub fn insert_rate(conn: &mut DbConn, row: &ExchangeRateRow) -> QueryResult<()> {
    diesel::insert_into(exchange_rates::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The organization's rate for `currency` on `date`: the latest recorded on or before it.
pub fn rate_on(
    conn: &mut DbConn,
    org: OrganizationId,
    currency: &str,
    date: NaiveDate,
) -> QueryResult<Option<SqlDecimal>> {
    exchange_rates::table
        .filter(
            exchange_rates::organization_id
                .eq(org)
                .and(exchange_rates::currency.eq(currency))
                .and(exchange_rates::rate_date.le(date)),
        )
        .order(exchange_rates::rate_date.desc())
        .select(exchange_rates::rate)
        .first(conn)
        .optional()
}

pub fn list_rates(
    conn: &mut DbConn,
    org: OrganizationId,
    currency: Option<&str>,
    after: Option<ExchangeRateId>,
    limit: i64,
) -> QueryResult<Vec<ExchangeRateRow>> {
    let mut q = exchange_rates::table
        .filter(exchange_rates::organization_id.eq(org))
        .select(ExchangeRateRow::as_select())
        .order(exchange_rates::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(c) = currency {
        q = q.filter(exchange_rates::currency.eq(c.to_owned()));
    }
    if let Some(a) = after {
        q = q.filter(exchange_rates::id.gt(a));
    }
    q.load(conn)
}

// ---- journal ----

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
    pub folded: bool,
    pub account_id: Option<ClientAccountId>,
}

pub fn insert_entry(conn: &mut DbConn, entry: &EntryRow, lines: &[LineRow]) -> QueryResult<()> {
    diesel::insert_into(journal_entries::table)
        .values(entry)
        .execute(conn)?;
    on_backend!(conn, |c| diesel::insert_into(journal_lines::table)
        .values(lines)
        .execute(c))?;
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
    .set(journal_entries::reversed_by_entry_id.eq(by))
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

// ---- sums ----

/// Debit and credit totals of one account, in its own currency and in the base currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub debit: i64,
    pub credit: i64,
    pub base_debit: i64,
    pub base_credit: i64,
}

impl Totals {
    pub fn add(&mut self, o: &Totals) {
        self.debit += o.debit;
        self.credit += o.credit;
        self.base_debit += o.base_debit;
        self.base_credit += o.base_credit;
    }
}

type SumColumns = (
    diesel::expression::SqlLiteral<BigInt>,
    diesel::expression::SqlLiteral<BigInt>,
    diesel::expression::SqlLiteral<BigInt>,
    diesel::expression::SqlLiteral<BigInt>,
);

fn sums() -> SumColumns {
    (
        sql::<BigInt>("CAST(COALESCE(SUM(journal_lines.debit_minor), 0) AS BIGINT)"),
        sql::<BigInt>("CAST(COALESCE(SUM(journal_lines.credit_minor), 0) AS BIGINT)"),
        sql::<BigInt>("CAST(COALESCE(SUM(journal_lines.base_debit_minor), 0) AS BIGINT)"),
        sql::<BigInt>("CAST(COALESCE(SUM(journal_lines.base_credit_minor), 0) AS BIGINT)"),
    )
}

/// Per-account totals of lines dated in [from, to] (either bound open): the folded day rows
/// plus the lines not folded yet. Run it inside a snapshot (`db::snapshot`) so a fold that
/// commits between the two reads cannot count a line twice or not at all.
pub fn totals_by_account(
    conn: &mut DbConn,
    org: OrganizationId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    only: Option<&[LedgerAccountId]>,
) -> QueryResult<Vec<(LedgerAccountId, Totals)>> {
    use super::schema::ledger_balance_days as days;
    let mut q = days::table
        .filter(days::organization_id.eq(org))
        .group_by(days::ledger_account_id)
        .select((
            days::ledger_account_id,
            sql::<BigInt>("CAST(COALESCE(SUM(ledger_balance_days.debit_minor), 0) AS BIGINT)"),
            sql::<BigInt>("CAST(COALESCE(SUM(ledger_balance_days.credit_minor), 0) AS BIGINT)"),
            sql::<BigInt>("CAST(COALESCE(SUM(ledger_balance_days.base_debit_minor), 0) AS BIGINT)"),
            sql::<BigInt>(
                "CAST(COALESCE(SUM(ledger_balance_days.base_credit_minor), 0) AS BIGINT)",
            ),
        ))
        .into_boxed();
    if let Some(f) = from {
        q = q.filter(days::day.ge(f));
    }
    if let Some(t) = to {
        q = q.filter(days::day.le(t));
    }
    if let Some(ids) = only {
        q = q.filter(days::ledger_account_id.eq_any(ids.to_vec()));
    }
    let folded: Vec<(LedgerAccountId, i64, i64, i64, i64)> = q.load(conn)?;
    let fresh = unfolded_totals(conn, org, from, to, only)?;
    let mut out: std::collections::BTreeMap<LedgerAccountId, Totals> =
        std::collections::BTreeMap::new();
    for (id, debit, credit, base_debit, base_credit) in folded.into_iter().chain(fresh) {
        out.entry(id).or_default().add(&Totals {
            debit,
            credit,
            base_debit,
            base_credit,
        });
    }
    Ok(out.into_iter().collect())
}

/// An account's debit, credit, base debit and base credit sums.
type AccountSums = (LedgerAccountId, i64, i64, i64, i64);

#[derive(QueryableByName)]
struct SumRow {
    #[diesel(sql_type = super::types::DbUuid)]
    ledger_account_id: LedgerAccountId,
    #[diesel(sql_type = BigInt)]
    debit: i64,
    #[diesel(sql_type = BigInt)]
    credit: i64,
    #[diesel(sql_type = BigInt)]
    base_debit: i64,
    #[diesel(sql_type = BigInt)]
    base_credit: i64,
}

/// Sums of the lines not folded yet. They are few, but only if the partial index
/// `journal_lines_unfolded` is used: PostgreSQL's statistics see that; SQLite's planner
/// cannot tell the partial index is small, so it is named there (`INDEXED BY`).
fn unfolded_totals(
    conn: &mut DbConn,
    org: OrganizationId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    only: Option<&[LedgerAccountId]>,
) -> QueryResult<Vec<AccountSums>> {
    match conn {
        DbConn::Sqlite(c) => {
            let mut sql_text = String::from(
                "SELECT ledger_account_id, CAST(COALESCE(SUM(debit_minor), 0) AS BIGINT) AS debit, \
                 CAST(COALESCE(SUM(credit_minor), 0) AS BIGINT) AS credit, \
                 CAST(COALESCE(SUM(base_debit_minor), 0) AS BIGINT) AS base_debit, \
                 CAST(COALESCE(SUM(base_credit_minor), 0) AS BIGINT) AS base_credit \
                 FROM journal_lines INDEXED BY journal_lines_unfolded \
                 WHERE organization_id = ? AND folded = FALSE",
            );
            if from.is_some() {
                sql_text.push_str(" AND entry_date >= ?");
            }
            if to.is_some() {
                sql_text.push_str(" AND entry_date <= ?");
            }
            if let Some(ids) = only {
                let marks = vec!["?"; ids.len()].join(", ");
                sql_text.push_str(&format!(" AND ledger_account_id IN ({marks})"));
            }
            sql_text.push_str(" GROUP BY ledger_account_id");
            let mut q = diesel::sql_query(sql_text)
                .into_boxed::<diesel::sqlite::Sqlite>()
                .bind::<super::types::DbUuid, _>(org);
            if let Some(f) = from {
                q = q.bind::<diesel::sql_types::Date, _>(f);
            }
            if let Some(t) = to {
                q = q.bind::<diesel::sql_types::Date, _>(t);
            }
            for id in only.unwrap_or(&[]) {
                q = q.bind::<super::types::DbUuid, _>(*id);
            }
            let rows: Vec<SumRow> = q.load(c)?;
            Ok(rows
                .into_iter()
                .map(|r| {
                    (
                        r.ledger_account_id,
                        r.debit,
                        r.credit,
                        r.base_debit,
                        r.base_credit,
                    )
                })
                .collect())
        }
        DbConn::Pg(_) => {
            let (d, c, bd, bc) = sums();
            // The literal predicate matches the partial index `journal_lines_unfolded`.
            let mut q = journal_lines::table
                .filter(journal_lines::organization_id.eq(org))
                .filter(sql::<diesel::sql_types::Bool>(
                    "journal_lines.folded = FALSE",
                ))
                .group_by(journal_lines::ledger_account_id)
                .select((journal_lines::ledger_account_id, d, c, bd, bc))
                .into_boxed();
            if let Some(f) = from {
                q = q.filter(journal_lines::entry_date.ge(f));
            }
            if let Some(t) = to {
                q = q.filter(journal_lines::entry_date.le(t));
            }
            if let Some(ids) = only {
                q = q.filter(journal_lines::ledger_account_id.eq_any(ids.to_vec()));
            }
            q.load(conn)
        }
    }
}

/// Folds up to about `batch` unfolded lines into the day rows, whole entries at a time, in
/// the caller's write transaction; returns how many lines it folded.
pub fn fold_lines(conn: &mut DbConn, batch: i64) -> QueryResult<usize> {
    use super::schema::ledger_balance_days as days;
    use std::collections::BTreeMap;
    if let DbConn::Pg(c) = conn {
        // One folder at a time across nodes; the others skip this round.
        let got: bool = diesel::select(sql::<diesel::sql_types::Bool>(
            "pg_try_advisory_xact_lock(7426314)",
        ))
        .get_result(c)?;
        if !got {
            return Ok(0);
        }
    }
    let entries: Vec<(OrganizationId, JournalEntryId)> = journal_lines::table
        .filter(sql::<diesel::sql_types::Bool>(
            "journal_lines.folded = FALSE",
        ))
        .select((journal_lines::organization_id, journal_lines::entry_id))
        .distinct()
        .limit(batch / 2 + 1)
        .load(conn)?;
    if entries.is_empty() {
        return Ok(0);
    }
    let mut by_org: BTreeMap<OrganizationId, Vec<JournalEntryId>> = BTreeMap::new();
    for (org, entry) in entries {
        by_org.entry(org).or_default().push(entry);
    }
    let mut folded = 0;
    for (org, entry_ids) in by_org {
        let lines: Vec<LineRow> = journal_lines::table
            .filter(
                journal_lines::organization_id
                    .eq(org)
                    .and(journal_lines::entry_id.eq_any(&entry_ids)),
            )
            .filter(sql::<diesel::sql_types::Bool>(
                "journal_lines.folded = FALSE",
            ))
            .select(LineRow::as_select())
            .load(conn)?;
        let mut sums: BTreeMap<(LedgerAccountId, NaiveDate), Totals> = BTreeMap::new();
        for l in &lines {
            sums.entry((l.ledger_account_id, l.entry_date))
                .or_default()
                .add(&Totals {
                    debit: l.debit_minor,
                    credit: l.credit_minor,
                    base_debit: l.base_debit_minor,
                    base_credit: l.base_credit_minor,
                });
        }
        for ((account, day), t) in sums {
            on_backend!(conn, |c| diesel::insert_into(days::table)
                .values((
                    days::organization_id.eq(org),
                    days::ledger_account_id.eq(account),
                    days::day.eq(day),
                    days::debit_minor.eq(t.debit),
                    days::credit_minor.eq(t.credit),
                    days::base_debit_minor.eq(t.base_debit),
                    days::base_credit_minor.eq(t.base_credit),
                ))
                .on_conflict((days::organization_id, days::ledger_account_id, days::day))
                .do_update()
                .set((
                    days::debit_minor.eq(days::debit_minor + t.debit),
                    days::credit_minor.eq(days::credit_minor + t.credit),
                    days::base_debit_minor.eq(days::base_debit_minor + t.base_debit),
                    days::base_credit_minor.eq(days::base_credit_minor + t.base_credit),
                ))
                .execute(c))?;
        }
        diesel::update(
            journal_lines::table.filter(
                journal_lines::organization_id
                    .eq(org)
                    .and(journal_lines::entry_id.eq_any(&entry_ids)),
            ),
        )
        .set(journal_lines::folded.eq(true))
        .execute(conn)?;
        folded += lines.len();
    }
    Ok(folded)
}

/// One line of an account's activity, with its entry's description and reference.
#[derive(Debug, Clone, Queryable)]
pub struct ActivityRow {
    pub entry_id: JournalEntryId,
    pub line_no: i32,
    pub entry_date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub line_description: Option<String>,
    pub debit_minor: i64,
    pub credit_minor: i64,
    pub base_debit_minor: i64,
    pub base_credit_minor: i64,
}

/// Lines of the given accounts dated in [from, to], in (date, entry, line) order.
pub fn activity(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[LedgerAccountId],
    from: NaiveDate,
    to: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<(LedgerAccountId, ActivityRow)>> {
    journal_lines::table
        .inner_join(
            journal_entries::table.on(journal_entries::organization_id
                .eq(journal_lines::organization_id)
                .and(journal_entries::id.eq(journal_lines::entry_id))),
        )
        .filter(
            journal_lines::organization_id
                .eq(org)
                .and(journal_lines::ledger_account_id.eq_any(accounts.to_vec()))
                .and(journal_lines::entry_date.ge(from))
                .and(journal_lines::entry_date.le(to)),
        )
        .order((
            journal_lines::entry_date.asc(),
            journal_lines::entry_id.asc(),
            journal_lines::line_no.asc(),
        ))
        .limit(limit)
        .select((
            journal_lines::ledger_account_id,
            (
                journal_lines::entry_id,
                journal_lines::line_no,
                journal_lines::entry_date,
                journal_entries::description,
                journal_entries::reference,
                journal_lines::description,
                journal_lines::debit_minor,
                journal_lines::credit_minor,
                journal_lines::base_debit_minor,
                journal_lines::base_credit_minor,
            ),
        ))
        .load(conn)
}
