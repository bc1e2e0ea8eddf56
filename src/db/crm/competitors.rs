//! The `competitors` table: who else a client account buys from or weighs. A name is unique
//! whatever its case (`name_key`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::competitors;
use crate::db::DbConn;
use crate::domain::ids::{CompetitorId, OrganizationId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = competitors, treat_none_as_null = true)]
pub struct CompetitorRow {
    pub organization_id: OrganizationId,
    pub id: CompetitorId,
    pub name: String,
    pub name_key: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

// The list has no filters of its own; its cursor is bound to the shared ones all the same.
crate::stored!(CompetitorRow in competitors, id: CompetitorId, filter: RecordFilter => |q, _f| { q });
crate::stored!(CompetitorRow in competitors, version: version, updated: updated_at);

/// Inserts the competitor unless one of that name exists; returns the one stored.
pub fn upsert_competitor(conn: &mut DbConn, row: &CompetitorRow) -> QueryResult<CompetitorRow> {
    on_backend!(conn, |c| diesel::insert_into(competitors::table)
        .values(row)
        .on_conflict((competitors::organization_id, competitors::name_key))
        .do_nothing()
        .execute(c))?;
    competitors::table
        .filter(
            competitors::organization_id
                .eq(row.organization_id)
                .and(competitors::name_key.eq(&row.name_key)),
        )
        .select(CompetitorRow::as_select())
        .first(conn)
}

pub fn competitor_by_key(
    conn: &mut DbConn,
    org: OrganizationId,
    key: &str,
) -> QueryResult<Option<CompetitorRow>> {
    competitors::table
        .filter(
            competitors::organization_id
                .eq(org)
                .and(competitors::name_key.eq(key)),
        )
        .select(CompetitorRow::as_select())
        .first(conn)
        .optional()
}
