//! The chart's storage: ledger accounts, their lookups and the checks the chart's rules ask.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{journal_lines, ledger_accounts};
use crate::db::DbConn;
use crate::domain::ids::{LedgerAccountId, OrganizationId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = ledger_accounts, treat_none_as_null = true)]
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

crate::stored!(LedgerAccountRow in ledger_accounts, id: LedgerAccountId, filter: AccountFilter => |q, f| {
    if let Some(t) = &f.account_type {
        q = q.filter(ledger_accounts::account_type.eq(t.clone()));
    }
    if let Some(a) = f.is_active {
        q = q.filter(ledger_accounts::is_active.eq(a));
    }
    if let Some(r) = &f.system_role {
        q = q.filter(ledger_accounts::system_role.eq(r.clone()));
    }
    q
});
crate::stored!(LedgerAccountRow in ledger_accounts, version: version, updated: updated_at);

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

#[derive(Debug, Default)]
pub struct AccountFilter {
    pub account_type: Option<String>,
    pub is_active: Option<bool>,
    pub system_role: Option<String>,
    pub updated_since: Option<chrono::NaiveDateTime>,
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
    if let Some(t) = filter.updated_since {
        q = q.filter(ledger_accounts::updated_at.ge(t));
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
