//! The sums balances and reports are made of: totals per account over a range (day rows
//! folded from posted lines, plus lines not folded yet), the folding itself, and activity.
//! Sums are over BIGINT minor units, exact on both backends.

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

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

/// Where the folded part of the journal ends: lines at or above it are not in the day rows
/// yet. PostgreSQL: a transaction id (`journal_lines.txid`); SQLite: a rowid. Read it in the
/// same snapshot as the lines and day rows it splits.
fn horizon(conn: &mut DbConn) -> QueryResult<i64> {
    diesel::select(sql::<BigInt>(
        "(SELECT horizon FROM ledger_fold_state WHERE id = 1)",
    ))
    .get_result(conn)
}

/// Sums of the lines not folded yet: the few at the end of the journal, found through its
/// append order (PostgreSQL's `journal_lines_fresh` index, SQLite's rowid) rather than by
/// account or date, which would reach back through all of history.
fn unfolded_totals(
    conn: &mut DbConn,
    org: OrganizationId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    only: Option<&[LedgerAccountId]>,
) -> QueryResult<Vec<AccountSums>> {
    let since = horizon(conn)?;
    let pg = matches!(conn, DbConn::Pg(_));
    let mut marks = 0;
    let mut mark = || {
        marks += 1;
        if pg {
            format!("${marks}")
        } else {
            "?".to_owned()
        }
    };
    // PostgreSQL: the subquery with OFFSET 0 is planned on its own, so only the tail of the
    // (txid) index can serve it. SQLite: NOT INDEXED leaves the rowid range.
    let fresh = if pg {
        format!(
            "(SELECT * FROM journal_lines WHERE organization_id = {} AND txid >= {} OFFSET 0) AS l",
            mark(),
            mark()
        )
    } else {
        format!(
            "journal_lines AS l NOT INDEXED WHERE l.organization_id = {} AND l.rowid >= {}",
            mark(),
            mark()
        )
    };
    let mut filters = Vec::new();
    if from.is_some() {
        filters.push(format!("l.entry_date >= {}", mark()));
    }
    if to.is_some() {
        filters.push(format!("l.entry_date <= {}", mark()));
    }
    if let Some(ids) = only {
        let list: Vec<String> = ids.iter().map(|_| mark()).collect();
        filters.push(format!("l.ledger_account_id IN ({})", list.join(", ")));
    }
    let joiner = if pg { " WHERE " } else { " AND " };
    let filters = if filters.is_empty() {
        String::new()
    } else {
        format!("{joiner}{}", filters.join(" AND "))
    };
    let text = format!(
        "SELECT l.ledger_account_id, \
         CAST(COALESCE(SUM(l.debit_minor), 0) AS BIGINT) AS debit, \
         CAST(COALESCE(SUM(l.credit_minor), 0) AS BIGINT) AS credit, \
         CAST(COALESCE(SUM(l.base_debit_minor), 0) AS BIGINT) AS base_debit, \
         CAST(COALESCE(SUM(l.base_credit_minor), 0) AS BIGINT) AS base_credit \
         FROM {fresh}{filters} GROUP BY l.ledger_account_id"
    );
    let rows: Vec<SumRow> = on_backend!(conn, |c| {
        let mut q = diesel::sql_query(text.as_str())
            .into_boxed()
            .bind::<crate::db::types::DbUuid, _>(org)
            .bind::<BigInt, _>(since);
        if let Some(f) = from {
            q = q.bind::<diesel::sql_types::Date, _>(f);
        }
        if let Some(t) = to {
            q = q.bind::<diesel::sql_types::Date, _>(t);
        }
        for id in only.unwrap_or(&[]) {
            q = q.bind::<crate::db::types::DbUuid, _>(*id);
        }
        q.load(c)
    })?;
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

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Adds the lines in [`from`, `to`) of the journal's append order (see [`horizon`]) to the
/// day rows; one statement sums them per organization, account and day.
const FOLD_RANGE: &str = "INSERT INTO ledger_balance_days \
     (organization_id, ledger_account_id, day, debit_minor, credit_minor, base_debit_minor, base_credit_minor) \
     SELECT organization_id, ledger_account_id, entry_date, \
     SUM(debit_minor), SUM(credit_minor), SUM(base_debit_minor), SUM(base_credit_minor) \
     FROM journal_lines WHERE {key} >= {from} AND {key} < {to} \
     GROUP BY organization_id, ledger_account_id, entry_date \
     ON CONFLICT (organization_id, ledger_account_id, day) DO UPDATE SET \
     debit_minor = ledger_balance_days.debit_minor + excluded.debit_minor, \
     credit_minor = ledger_balance_days.credit_minor + excluded.credit_minor, \
     base_debit_minor = ledger_balance_days.base_debit_minor + excluded.base_debit_minor, \
     base_credit_minor = ledger_balance_days.base_credit_minor + excluded.base_credit_minor";

/// Folds the lines past the horizon into the day rows and moves the horizon past them, in the
/// caller's write transaction; returns how many lines it folded.
///
/// PostgreSQL: every line written by a transaction older than the oldest one still running
/// (this snapshot's xmin): those transactions have all ended, so their lines are all visible
/// and none can appear below the new horizon later. One node folds at a time (the state row
/// is locked; the others skip the round). SQLite: up to `batch` lines in rowid order; writers
/// are serialized, so every line below the newest rowid is committed.
pub fn fold_lines(conn: &mut DbConn, batch: i64) -> QueryResult<usize> {
    match conn {
        DbConn::Pg(c) => {
            let from: Option<i64> = diesel::sql_query(
                "SELECT horizon AS n FROM ledger_fold_state WHERE id = 1 FOR UPDATE SKIP LOCKED",
            )
            .get_result::<Count>(c)
            .optional()?
            .map(|r| r.n);
            let Some(from) = from else {
                return Ok(0);
            };
            let to = diesel::sql_query(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS n",
            )
            .get_result::<Count>(c)?
            .n;
            if to <= from {
                return Ok(0);
            }
            let fold = FOLD_RANGE
                .replace("{key}", "txid")
                .replace("{from}", "$1")
                .replace("{to}", "$2");
            let folded = diesel::sql_query(format!(
                "WITH summed AS ({fold} RETURNING 1) SELECT COUNT(*) AS n FROM journal_lines \
                 WHERE txid >= $1 AND txid < $2"
            ))
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .get_result::<Count>(c)?
            .n;
            diesel::sql_query("UPDATE ledger_fold_state SET horizon = $1 WHERE id = 1")
                .bind::<BigInt, _>(to)
                .execute(c)?;
            Ok(folded as usize)
        }
        DbConn::Sqlite(c) => {
            let from = diesel::sql_query("SELECT horizon AS n FROM ledger_fold_state WHERE id = 1")
                .get_result::<Count>(c)?
                .n;
            let end =
                diesel::sql_query("SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM journal_lines")
                    .get_result::<Count>(c)?
                    .n;
            let to = end.min(from.saturating_add(batch.max(1)));
            if to <= from {
                return Ok(0);
            }
            let folded = diesel::sql_query(
                "SELECT COUNT(*) AS n FROM journal_lines WHERE rowid >= ? AND rowid < ?",
            )
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .get_result::<Count>(c)?
            .n;
            let fold = FOLD_RANGE
                .replace("{key}", "rowid")
                .replace("{from}", "?")
                .replace("{to}", "?");
            diesel::sql_query(fold)
                .bind::<BigInt, _>(from)
                .bind::<BigInt, _>(to)
                .execute(c)?;
            diesel::sql_query("UPDATE ledger_fold_state SET horizon = ? WHERE id = 1")
                .bind::<BigInt, _>(to)
                .execute(c)?;
            Ok(folded as usize)
        }
    }
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
