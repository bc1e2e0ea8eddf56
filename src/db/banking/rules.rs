//! Bank rules: the rows (a plain record, see [`crate::db::record`]), the active ones in the
//! order they are tried, and a page of them in that order.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::bank_rules;
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{
    BankAccountId, BankRuleId, ClientAccountId, LedgerAccountId, OrganizationId, TaxRateId,
};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = bank_rules, treat_none_as_null = true)]
pub struct BankRuleRow {
    pub organization_id: OrganizationId,
    pub id: BankRuleId,
    pub name: String,
    /// Only lines of this bank account; any when absent.
    pub bank_account_id: Option<BankAccountId>,
    pub description_contains: Option<String>,
    pub counterparty: Option<String>,
    /// Bounds of the line's absolute amount.
    pub amount_min: Option<SqlDecimal>,
    pub amount_max: Option<SqlDecimal>,
    /// `in` (money in) or `out`.
    pub direction: Option<String>,
    pub ledger_account_id: LedgerAccountId,
    pub account_id: Option<ClientAccountId>,
    pub tax_rate_id: Option<TaxRateId>,
    /// Lower is tried first.
    pub priority: i32,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(BankRuleRow in bank_rules, id: BankRuleId, filter: () => |q, _f| { q });
crate::stored!(BankRuleRow in bank_rules, version: version, updated: updated_at);

/// The active rules of `org`, in the order they are tried: priority, then creation.
pub fn active_rules(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Vec<BankRuleRow>> {
    bank_rules::table
        .filter(
            bank_rules::organization_id
                .eq(org)
                .and(bank_rules::is_active.eq(true)),
        )
        .order((
            bank_rules::priority.asc(),
            bank_rules::created_at.asc(),
            bank_rules::id.asc(),
        ))
        .select(BankRuleRow::as_select())
        .load(conn)
}

/// A page of `org`'s rules in priority order, then creation (id) order, after the row with
/// `after` (its priority and id); `limit` rows at most.
pub fn page_by_priority(
    conn: &mut DbConn,
    org: OrganizationId,
    after: Option<(i32, BankRuleId)>,
    limit: i64,
) -> QueryResult<Vec<BankRuleRow>> {
    let mut q = bank_rules::table
        .filter(bank_rules::organization_id.eq(org))
        .select(BankRuleRow::as_select())
        .into_boxed();
    if let Some((priority, id)) = after {
        q = q.filter(
            bank_rules::priority
                .gt(priority)
                .or(bank_rules::priority.eq(priority).and(bank_rules::id.gt(id))),
        );
    }
    q.order((bank_rules::priority.asc(), bank_rules::id.asc()))
        .limit(limit)
        .load(conn)
}
