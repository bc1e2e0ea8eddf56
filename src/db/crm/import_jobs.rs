//! CSV imports run as jobs: the job (its file, parameters, caller and progress) and the
//! answers of its rows in file order. A node works on a job under a committed lease
//! (`claimed_until`, `claimed_by`), never a row lock held while it imports, so a job left by a
//! node that stopped is taken up by another once the lease runs out.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{import_job_rows, import_jobs};
use crate::db::DbConn;
use crate::domain::ids::{ImportJobId, OrganizationId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = import_jobs)]
pub struct ImportJobRow {
    pub organization_id: OrganizationId,
    pub id: ImportJobId,
    pub kind: String,
    pub status: String,
    pub dry_run: bool,
    pub params: String,
    pub file: Vec<u8>,
    pub rows_total: i32,
    pub rows_done: i32,
    pub actor_kind: String,
    pub actor_id: crate::db::SqlUuid,
    pub request_id: Option<String>,
    pub failure: Option<String>,
    pub claimed_until: Option<NaiveDateTime>,
    pub claimed_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

/// A job as its status answer shows it (without the file).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = import_jobs)]
pub struct ImportJobStatus {
    pub organization_id: OrganizationId,
    pub id: ImportJobId,
    pub kind: String,
    pub status: String,
    pub dry_run: bool,
    pub rows_total: i32,
    pub rows_done: i32,
    pub failure: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, row: &ImportJobRow) -> QueryResult<()> {
    diesel::insert_into(import_jobs::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn status(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ImportJobId,
) -> QueryResult<ImportJobStatus> {
    import_jobs::table
        .filter(
            import_jobs::organization_id
                .eq(org)
                .and(import_jobs::id.eq(id)),
        )
        .select(ImportJobStatus::as_select())
        .first(conn)
}

/// The stored answers of a job's rows, in file order.
pub fn reports(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ImportJobId,
) -> QueryResult<Vec<String>> {
    import_job_rows::table
        .filter(
            import_job_rows::organization_id
                .eq(org)
                .and(import_job_rows::job_id.eq(id)),
        )
        .order(import_job_rows::seq.asc())
        .select(import_job_rows::report)
        .load(conn)
}

/// The oldest unfinished jobs whose lease is free at `now` (organization and id).
pub fn due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(OrganizationId, ImportJobId)>> {
    import_jobs::table
        .filter(
            import_jobs::status.eq_any(["queued", "running"]).and(
                import_jobs::claimed_until
                    .is_null()
                    .or(import_jobs::claimed_until.lt(now)),
            ),
        )
        .order(import_jobs::created_at.asc())
        .limit(limit)
        .select((import_jobs::organization_id, import_jobs::id))
        .load(conn)
}

/// Takes (or renews) the lease of an unfinished job for `node` until `until`, if it is free
/// at `now` or already `node`'s; whether it did.
pub fn lease(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ImportJobId,
    node: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        import_jobs::table.filter(
            import_jobs::organization_id
                .eq(org)
                .and(import_jobs::id.eq(id))
                .and(import_jobs::status.eq_any(["queued", "running"]))
                .and(
                    import_jobs::claimed_until
                        .is_null()
                        .or(import_jobs::claimed_until.lt(now))
                        .or(import_jobs::claimed_by.eq(node)),
                ),
        ),
    )
    .set((
        import_jobs::status.eq("running"),
        import_jobs::claimed_until.eq(Some(until)),
        import_jobs::claimed_by.eq(Some(node)),
        import_jobs::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn find(conn: &mut DbConn, org: OrganizationId, id: ImportJobId) -> QueryResult<ImportJobRow> {
    import_jobs::table
        .filter(
            import_jobs::organization_id
                .eq(org)
                .and(import_jobs::id.eq(id)),
        )
        .select(ImportJobRow::as_select())
        .first(conn)
}

/// Stores the answers of the rows from `seq` on and moves the job's progress past them, if
/// `node` still holds its lease; whether it did.
pub fn record_rows(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ImportJobId,
    node: &str,
    first_seq: i32,
    reports: &[String],
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let done = first_seq + i32::try_from(reports.len()).unwrap_or(i32::MAX);
    let n = diesel::update(
        import_jobs::table.filter(
            import_jobs::organization_id
                .eq(org)
                .and(import_jobs::id.eq(id))
                .and(import_jobs::claimed_by.eq(node))
                .and(import_jobs::rows_done.eq(first_seq)),
        ),
    )
    .set((
        import_jobs::rows_done.eq(done),
        import_jobs::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n != 1 {
        return Ok(false);
    }
    let rows: Vec<_> = reports
        .iter()
        .enumerate()
        .map(|(i, report)| {
            (
                import_job_rows::organization_id.eq(org),
                import_job_rows::job_id.eq(id),
                import_job_rows::seq.eq(first_seq + i32::try_from(i).unwrap_or(i32::MAX)),
                import_job_rows::report.eq(report),
            )
        })
        .collect();
    for batch in rows.chunks(500) {
        crate::on_backend!(&mut *conn, |c| diesel::insert_into(import_job_rows::table)
            .values(batch)
            .execute(c))?;
    }
    Ok(true)
}

/// Ends a job (`succeeded` or `failed`, with why) and gives its lease back.
pub fn finish(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ImportJobId,
    status: &str,
    failure: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        import_jobs::table.filter(
            import_jobs::organization_id
                .eq(org)
                .and(import_jobs::id.eq(id)),
        ),
    )
    .set((
        import_jobs::status.eq(status),
        import_jobs::failure.eq(failure),
        import_jobs::claimed_until.eq(None::<NaiveDateTime>),
        import_jobs::claimed_by.eq(None::<String>),
        import_jobs::updated_at.eq(now),
        import_jobs::finished_at.eq(Some(now)),
    ))
    .execute(conn)
    .map(drop)
}
