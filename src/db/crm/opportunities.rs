//! The `opportunities` table: deals in the pipeline of a client account.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::opportunities;
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, CompetitorId, OpportunityId, OrganizationId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = opportunities, treat_none_as_null = true)]
pub struct OpportunityRow {
    pub organization_id: OrganizationId,
    pub id: OpportunityId,
    pub account_id: ClientAccountId,
    pub owner_id: Option<UserId>,
    pub kind: String,
    pub name: String,
    pub amount_minor: i64,
    pub currency: String,
    pub stage: String,
    pub probability: i32,
    pub expected_close_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub lost_to_competitor_id: Option<CompetitorId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(OpportunityRow in opportunities, id: OpportunityId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(opportunities::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(opportunities::owner_id.eq(UserId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(opportunities::stage.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(opportunities::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(opportunities::expected_close_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(opportunities::expected_close_on.le(d));
    }
    q
});
crate::stored!(OpportunityRow in opportunities, version: version, updated: updated_at);

pub fn opportunities_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<OpportunityRow>> {
    opportunities::table
        .filter(
            opportunities::organization_id
                .eq(org)
                .and(opportunities::account_id.eq_any(accounts)),
        )
        .order(opportunities::id.asc())
        .select(OpportunityRow::as_select())
        .load(conn)
}

pub fn all_opportunities(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<OpportunityRow>> {
    opportunities::table
        .filter(opportunities::organization_id.eq(org))
        .order(opportunities::id.asc())
        .select(OpportunityRow::as_select())
        .load(conn)
}

/// Opportunities closed won or lost on a day in [from, to] (the competitors report).
pub fn closed_between(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<OpportunityRow>> {
    opportunities::table
        .filter(
            opportunities::organization_id
                .eq(org)
                .and(opportunities::stage.eq_any(["won", "lost"]))
                .and(opportunities::closed_on.ge(from))
                .and(opportunities::closed_on.le(to)),
        )
        .order(opportunities::id.asc())
        .select(OpportunityRow::as_select())
        .load(conn)
}
