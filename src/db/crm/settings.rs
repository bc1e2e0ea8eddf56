use crate::domain::ids::OrganizationId;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::crm_settings;
use crate::db::DbConn;
use crate::on_backend;

/// The organization's CRM settings document, if it ever saved one.
pub fn find(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Option<(String, i64)>> {
    crm_settings::table
        .filter(crm_settings::organization_id.eq(org))
        .select((crm_settings::settings, crm_settings::version))
        .first(conn)
        .optional()
}

pub fn save(
    conn: &mut DbConn,
    org: OrganizationId,
    settings: &str,
    version: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::insert_into(crm_settings::table)
        .values((
            crm_settings::organization_id.eq(org),
            crm_settings::settings.eq(settings),
            crm_settings::version.eq(version),
            crm_settings::updated_at.eq(now),
        ))
        .on_conflict(crm_settings::organization_id)
        .do_update()
        .set((
            crm_settings::settings.eq(settings),
            crm_settings::version.eq(version),
            crm_settings::updated_at.eq(now)
        ))
        .execute(c))
    .map(drop)
}
