//! The sums balances and reports are made of: totals per account over a range (day rows
//! folded from posted lines, plus lines not folded yet), the folding itself, and activity.
//! Sums are over BIGINT minor units, exact on both backends.

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::entries::LineRow;
use crate::db::schema::{journal_entries, journal_lines};
use crate::db::DbConn;
use crate::domain::ids::{JournalEntryId, LedgerAccountId, OrganizationId};
use crate::on_backend;

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
    use crate::db::schema::ledger_balance_days as days;
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
    #[diesel(sql_type = crate::db::types::DbUuid)]
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
                .bind::<crate::db::types::DbUuid, _>(org);
            if let Some(f) = from {
                q = q.bind::<diesel::sql_types::Date, _>(f);
            }
            if let Some(t) = to {
                q = q.bind::<diesel::sql_types::Date, _>(t);
            }
            for id in only.unwrap_or(&[]) {
                q = q.bind::<crate::db::types::DbUuid, _>(*id);
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
    use crate::db::schema::ledger_balance_days as days;
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
