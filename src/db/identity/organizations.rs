use crate::domain::ids::OrganizationId;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::organizations;
use crate::db::DbConn;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = organizations)]
pub struct OrganizationRow {
    pub id: OrganizationId,
    pub name: String,
    pub base_currency: String,
    pub fiscal_year_start_month: i16,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Nothing may be dated on or before it.
    pub lock_date: Option<chrono::NaiveDate>,
    /// How documents round line amounts and tax: `half_up` or `half_even`.
    pub rounding_mode: String,
    /// IANA name of the zone whose date is the organization's "today".
    pub timezone: String,
}

impl OrganizationRow {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(organizations::table)
            .values(self)
            .execute(conn)
            .map(drop)
    }
}

pub fn find(conn: &mut DbConn, id: OrganizationId) -> QueryResult<OrganizationRow> {
    organizations::table
        .find(id)
        .select(OrganizationRow::as_select())
        .first(conn)
}

pub fn set_lock_date(
    conn: &mut DbConn,
    id: OrganizationId,
    lock_date: Option<chrono::NaiveDate>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::lock_date.eq(lock_date),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// The lock date as a posting sees it. Not row-locked: a hot organization row would
/// serialize every posting; a lock date moved while an entry commits counts from its commit.
pub fn lock_date(conn: &mut DbConn, id: OrganizationId) -> QueryResult<Option<chrono::NaiveDate>> {
    organizations::table
        .find(id)
        .select(organizations::lock_date)
        .first(conn)
}

pub fn update_settings(
    conn: &mut DbConn,
    id: OrganizationId,
    name: &str,
    rounding_mode: &str,
    timezone: &str,
) -> QueryResult<()> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(name),
            organizations::rounding_mode.eq(rounding_mode),
            organizations::timezone.eq(timezone),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(drop)
}
