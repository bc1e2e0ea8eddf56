//! The `targets` table: what a user or a team should reach in a period, by metric.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::targets;
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{OrganizationId, TargetId, TeamId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = targets, treat_none_as_null = true)]
pub struct TargetRow {
    pub organization_id: OrganizationId,
    pub id: TargetId,
    pub user_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub metric: String,
    pub amount: SqlDecimal,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(TargetRow in targets, id: TargetId, filter: RecordFilter => |q, f| {
    if let Some(p) = f.person_id {
        q = q.filter(
            targets::user_id
                .eq(UserId(p))
                .or(targets::team_id.eq(TeamId(p))),
        );
    }
    if let Some(k) = &f.kind {
        q = q.filter(targets::metric.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(targets::period_end.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(targets::period_start.le(d));
    }
    q
});
crate::stored!(TargetRow in targets, version: version, updated: updated_at);

/// A target of the same holder and metric whose period overlaps [start, end], other than `except`.
pub fn overlapping_target(
    conn: &mut DbConn,
    org: OrganizationId,
    user: Option<UserId>,
    team: Option<TeamId>,
    metric: &str,
    (start, end): (NaiveDate, NaiveDate),
    except: Option<TargetId>,
) -> QueryResult<Option<TargetId>> {
    let mut q = targets::table
        .filter(
            targets::organization_id
                .eq(org)
                .and(targets::metric.eq(metric))
                .and(targets::period_start.le(end))
                .and(targets::period_end.ge(start)),
        )
        .select(targets::id)
        .into_boxed();
    q = match (user, team) {
        (Some(u), _) => q.filter(targets::user_id.eq(u)),
        (None, Some(t)) => q.filter(targets::team_id.eq(t)),
        (None, None) => return Ok(None),
    };
    if let Some(id) = except {
        q = q.filter(targets::id.ne(id));
    }
    q.first(conn).optional()
}

/// Targets whose period overlaps [from, to].
pub fn targets_overlapping(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<TargetRow>> {
    targets::table
        .filter(
            targets::organization_id
                .eq(org)
                .and(targets::period_start.le(to))
                .and(targets::period_end.ge(from)),
        )
        .order(targets::id.asc())
        .select(TargetRow::as_select())
        .load(conn)
}
