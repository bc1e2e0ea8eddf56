//! The change log and the audit trail, as stored: rows are inserted unnumbered in the
//! transaction of the change they record (`seq` and `hash` stay null until a sealer numbers
//! committed rows in commit order).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{audit_events, events};
use uuid::Uuid;

use crate::db::{DbConn, SqlUuid};
use crate::domain::ids::{AuditEventId, EventId, OrganizationId};
use crate::on_backend;

/// One event of the change log.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub id: EventId,
    pub organization_id: OrganizationId,
    pub seq: Option<i64>,
    pub event_type: String,
    pub created_at: NaiveDateTime,
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub resource_type: String,
    pub resource_id: Uuid,
    /// JSON: the resource as `GET` shows it after the change (before it, for a deletion).
    pub object: String,
    /// JSON: the changed fields' earlier values (`{}` unless updated).
    pub previous: String,
}

/// One row of the audit trail.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub id: AuditEventId,
    pub organization_id: OrganizationId,
    pub seq: Option<i64>,
    pub hash: Option<String>,
    pub at: NaiveDateTime,
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub client_ip: Option<String>,
    pub action: String,
    pub resource_type: Option<String>,
    pub resource_id: Option<Uuid>,
    /// JSON, or null for a creation.
    pub before: Option<String>,
    /// JSON, or null for a deletion.
    pub after: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = events)]
struct EventInsert<'a> {
    id: EventId,
    organization_id: OrganizationId,
    seq: Option<i64>,
    event_type: &'a str,
    created_at: NaiveDateTime,
    actor_kind: &'a str,
    actor_id: Option<SqlUuid>,
    request_id: Option<&'a str>,
    resource_type: &'a str,
    resource_id: SqlUuid,
    object: &'a str,
    previous: &'a str,
}

impl<'a> From<&'a EventRow> for EventInsert<'a> {
    fn from(e: &'a EventRow) -> Self {
        EventInsert {
            id: e.id,
            organization_id: e.organization_id,
            seq: e.seq,
            event_type: &e.event_type,
            created_at: e.created_at,
            actor_kind: &e.actor_kind,
            actor_id: e.actor_id.map(SqlUuid),
            request_id: e.request_id.as_deref(),
            resource_type: &e.resource_type,
            resource_id: SqlUuid(e.resource_id),
            object: &e.object,
            previous: &e.previous,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = audit_events)]
struct AuditInsert<'a> {
    id: AuditEventId,
    organization_id: OrganizationId,
    seq: Option<i64>,
    hash: Option<&'a str>,
    at: NaiveDateTime,
    actor_kind: &'a str,
    actor_id: Option<SqlUuid>,
    request_id: Option<&'a str>,
    client_ip: Option<&'a str>,
    action: &'a str,
    resource_type: Option<&'a str>,
    resource_id: Option<SqlUuid>,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

impl<'a> From<&'a AuditRow> for AuditInsert<'a> {
    fn from(a: &'a AuditRow) -> Self {
        AuditInsert {
            id: a.id,
            organization_id: a.organization_id,
            seq: a.seq,
            hash: a.hash.as_deref(),
            at: a.at,
            actor_kind: &a.actor_kind,
            actor_id: a.actor_id.map(SqlUuid),
            request_id: a.request_id.as_deref(),
            client_ip: a.client_ip.as_deref(),
            action: &a.action,
            resource_type: a.resource_type.as_deref(),
            resource_id: a.resource_id.map(SqlUuid),
            before: a.before.as_deref(),
            after: a.after.as_deref(),
        }
    }
}

/// Appends events and audit rows, unnumbered, in the caller's transaction.
pub fn append(conn: &mut DbConn, events: &[EventRow], audit: &[AuditRow]) -> QueryResult<()> {
    // SQLite limits the variables of one statement; a few hundred rows per statement stays
    // well inside it on both backends.
    for chunk in events.chunks(200) {
        let rows: Vec<EventInsert> = chunk.iter().map(EventInsert::from).collect();
        on_backend!(conn, |c| diesel::insert_into(events::table)
            .values(&rows)
            .execute(c))?;
    }
    for chunk in audit.chunks(200) {
        let rows: Vec<AuditInsert> = chunk.iter().map(AuditInsert::from).collect();
        on_backend!(conn, |c| diesel::insert_into(audit_events::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}
