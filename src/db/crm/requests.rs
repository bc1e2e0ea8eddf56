//! The `requests` table: what a client account asked for, and where it was routed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::requests;
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, ClientRequestId, ContactId, OrganizationId, TeamId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = requests, treat_none_as_null = true)]
pub struct RequestRow {
    pub organization_id: OrganizationId,
    pub id: ClientRequestId,
    pub account_id: ClientAccountId,
    pub contact_id: Option<ContactId>,
    pub kind: String,
    pub summary: String,
    pub routed_to_team_id: Option<TeamId>,
    pub status: String,
    pub responded_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(RequestRow in requests, id: ClientRequestId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(requests::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(requests::routed_to_team_id.eq(TeamId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(requests::status.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(requests::kind.eq(k.clone()));
    }
    q
});
crate::stored!(RequestRow in requests, version: version, updated: updated_at);

pub fn requests_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<RequestRow>> {
    requests::table
        .filter(
            requests::organization_id
                .eq(org)
                .and(requests::account_id.eq_any(accounts)),
        )
        .order(requests::id.asc())
        .select(RequestRow::as_select())
        .load(conn)
}
