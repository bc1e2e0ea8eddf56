//! The history of an account's owner and team: one row per change, never edited.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::account_owner_history;
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, OrganizationId, OwnerChangeId, TeamId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = account_owner_history)]
pub struct OwnerChangeRow {
    pub organization_id: OrganizationId,
    pub id: OwnerChangeId,
    pub account_id: ClientAccountId,
    pub from_owner_id: Option<UserId>,
    pub to_owner_id: Option<UserId>,
    pub from_team_id: Option<TeamId>,
    pub to_team_id: Option<TeamId>,
    pub changed_by: UserId,
    pub changed_at: NaiveDateTime,
}

impl OwnerChangeRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(account_owner_history::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn history(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
) -> QueryResult<Vec<OwnerChangeRow>> {
    account_owner_history::table
        .filter(
            account_owner_history::organization_id
                .eq(org)
                .and(account_owner_history::account_id.eq(account)),
        )
        .order((
            account_owner_history::changed_at.desc(),
            account_owner_history::id.desc(),
        ))
        .select(OwnerChangeRow::as_select())
        .load(conn)
}

/// Every change of owner or team made at or after `at`, oldest first: the first of them for
/// an account says what owner and team it had just before `at`.
pub fn changes_since(
    conn: &mut DbConn,
    org: OrganizationId,
    at: NaiveDateTime,
) -> QueryResult<Vec<OwnerChangeRow>> {
    account_owner_history::table
        .filter(
            account_owner_history::organization_id
                .eq(org)
                .and(account_owner_history::changed_at.ge(at)),
        )
        .order((
            account_owner_history::changed_at.asc(),
            account_owner_history::id.asc(),
        ))
        .select(OwnerChangeRow::as_select())
        .load(conn)
}
