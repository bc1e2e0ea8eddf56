//! The change log and the audit trail, as stored: rows are inserted unnumbered in the
//! transaction of the change they record (`seq` and `hash` stay null until a sealer numbers
//! committed rows in commit order).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{audit_events, audit_heads, change_feed, events};
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
    // A lone row (the common case: a request changes one resource) goes by the single-row
    // statement, which the connection keeps prepared; more go a few hundred per statement,
    // well inside SQLite's limit on a statement's variables.
    match events {
        [event] => {
            diesel::insert_into(events::table)
                .values(EventInsert::from(event))
                .execute(conn)?;
        }
        _ => {
            for chunk in events.chunks(200) {
                let rows: Vec<EventInsert> = chunk.iter().map(EventInsert::from).collect();
                on_backend!(conn, |c| diesel::insert_into(events::table)
                    .values(&rows)
                    .execute(c))?;
            }
        }
    }
    match audit {
        [row] => {
            diesel::insert_into(audit_events::table)
                .values(AuditInsert::from(row))
                .execute(conn)?;
        }
        _ => {
            for chunk in audit.chunks(200) {
                let rows: Vec<AuditInsert> = chunk.iter().map(AuditInsert::from).collect();
                on_backend!(conn, |c| diesel::insert_into(audit_events::table)
                    .values(&rows)
                    .execute(c))?;
            }
        }
    }
    Ok(())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = events)]
struct EventRecord {
    id: EventId,
    organization_id: OrganizationId,
    seq: Option<i64>,
    event_type: String,
    created_at: NaiveDateTime,
    actor_kind: String,
    actor_id: Option<SqlUuid>,
    request_id: Option<String>,
    resource_type: String,
    resource_id: SqlUuid,
    object: String,
    previous: String,
}

impl From<EventRecord> for EventRow {
    fn from(r: EventRecord) -> Self {
        EventRow {
            id: r.id,
            organization_id: r.organization_id,
            seq: r.seq,
            event_type: r.event_type,
            created_at: r.created_at,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id.map(|u| u.0),
            request_id: r.request_id,
            resource_type: r.resource_type,
            resource_id: r.resource_id.0,
            object: r.object,
            previous: r.previous,
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_events)]
struct AuditRecord {
    id: AuditEventId,
    organization_id: OrganizationId,
    seq: Option<i64>,
    hash: Option<String>,
    at: NaiveDateTime,
    actor_kind: String,
    actor_id: Option<SqlUuid>,
    request_id: Option<String>,
    client_ip: Option<String>,
    action: String,
    resource_type: Option<String>,
    resource_id: Option<SqlUuid>,
    before: Option<String>,
    after: Option<String>,
}

impl From<AuditRecord> for AuditRow {
    fn from(r: AuditRecord) -> Self {
        AuditRow {
            id: r.id,
            organization_id: r.organization_id,
            seq: r.seq,
            hash: r.hash,
            at: r.at,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id.map(|u| u.0),
            request_id: r.request_id,
            client_ip: r.client_ip,
            action: r.action,
            resource_type: r.resource_type,
            resource_id: r.resource_id.map(|u| u.0),
            before: r.before,
            after: r.after,
        }
    }
}

/// Where the change feed stands.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = change_feed)]
pub struct FeedState {
    /// This database's id: cursors carry it, so one from another database is recognised.
    pub database_id: String,
    /// The last sequence number handed out.
    pub last_seq: i64,
    /// Events up to this sequence number are gone (retention).
    pub purged_through: i64,
}

pub fn feed_state(conn: &mut DbConn) -> QueryResult<FeedState> {
    change_feed::table
        .find(1)
        .select(FeedState::as_select())
        .first(conn)
}

/// Takes the sealer's turn: the feed's state, locked until the transaction ends, or `None` when
/// another node is sealing right now (PostgreSQL; SQLite's write transaction already admits one
/// writer at a time).
pub fn claim_feed(conn: &mut DbConn) -> QueryResult<Option<FeedState>> {
    match conn {
        DbConn::Pg(c) => change_feed::table
            .find(1)
            .select(FeedState::as_select())
            .for_update()
            .skip_locked()
            .first(c)
            .optional(),
        DbConn::Sqlite(c) => change_feed::table
            .find(1)
            .select(FeedState::as_select())
            .first(c)
            .optional(),
    }
}

/// Numbers up to `limit` committed, unnumbered events after `last_seq`, in the order they were
/// recorded, and returns how many. Only rows committed before this statement began are
/// visible to it; those that commit later are numbered by a later call, after these, so a
/// reader following `seq` never passes an event that then appears behind it.
pub fn seal_events(conn: &mut DbConn, last_seq: i64, limit: i64) -> QueryResult<i64> {
    use diesel::sql_types::BigInt;
    let numbered = diesel::sql_query(
        "UPDATE events SET seq = $1 + sub.rn FROM (\
             SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM events \
             WHERE seq IS NULL ORDER BY created_at, id LIMIT $2\
         ) AS sub WHERE events.id = sub.id",
    )
    .bind::<BigInt, _>(last_seq)
    .bind::<BigInt, _>(limit)
    .execute(conn)? as i64;
    if numbered > 0 {
        diesel::update(change_feed::table.find(1))
            .set(change_feed::last_seq.eq(last_seq + numbered))
            .execute(conn)?;
    }
    Ok(numbered)
}

/// The organizations of the events numbered after `after` up to `through`.
pub fn orgs_between(
    conn: &mut DbConn,
    after: i64,
    through: i64,
) -> QueryResult<Vec<OrganizationId>> {
    events::table
        .filter(events::seq.gt(after))
        .filter(events::seq.le(through))
        .select(events::organization_id)
        .distinct()
        .load(conn)
}

/// The events of `orgs` numbered after `after` up to `through`, in order.
pub fn events_between(
    conn: &mut DbConn,
    after: i64,
    through: i64,
    orgs: &[OrganizationId],
) -> QueryResult<Vec<EventRow>> {
    let rows: Vec<EventRecord> = events::table
        .filter(events::seq.gt(after))
        .filter(events::seq.le(through))
        .filter(events::organization_id.eq_any(orgs))
        .order(events::seq.asc())
        .select(EventRecord::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(EventRow::from).collect())
}

/// Deletes sealed events recorded before `before`; how many. The feed remembers the highest
/// sequence number purged, so cursors pointing before it are known to have expired.
pub fn purge_events(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    let newest: Option<i64> = events::table
        .filter(events::created_at.lt(before))
        .filter(events::seq.is_not_null())
        .select(diesel::dsl::max(events::seq))
        .first(conn)?;
    let Some(newest) = newest else {
        return Ok(0);
    };
    let purged = diesel::delete(events::table.filter(events::seq.le(newest))).execute(conn)?;
    diesel::update(change_feed::table.find(1))
        .set(change_feed::purged_through.eq(newest))
        .execute(conn)?;
    Ok(purged)
}

/// What `GET /events` filters on.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Exact types.
    pub types: Vec<String>,
    /// Type prefixes (`invoice.` for `invoice.*`).
    pub type_prefixes: Vec<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<Uuid>,
    pub created_since: Option<NaiveDateTime>,
}

/// One page of an organization's sealed events: after (ascending) or before (descending)
/// `from`, at most `limit`, and never past `through` (the feed's position when the page began).
pub fn list_events(
    conn: &mut DbConn,
    org: OrganizationId,
    filter: &EventFilter,
    ascending: bool,
    from: Option<i64>,
    through: i64,
    limit: i64,
) -> QueryResult<Vec<EventRow>> {
    let mut q = events::table
        .filter(events::organization_id.eq(org))
        .filter(events::seq.is_not_null())
        .filter(events::seq.le(through))
        .into_boxed();
    if !filter.types.is_empty() || !filter.type_prefixes.is_empty() {
        type Backend = <DbConn as diesel::Connection>::Backend;
        let mut any: Box<
            dyn BoxableExpression<events::table, Backend, SqlType = diesel::sql_types::Bool>,
        > = Box::new(events::event_type.eq_any(filter.types.clone()));
        for prefix in &filter.type_prefixes {
            let pattern = format!("{}%", prefix.replace('_', "\\_"));
            any = Box::new(any.or(events::event_type.like(pattern).escape('\\')));
        }
        q = q.filter(any);
    }
    if let Some(kind) = &filter.resource_type {
        q = q.filter(events::resource_type.eq(kind.clone()));
    }
    if let Some(id) = filter.resource_id {
        q = q.filter(events::resource_id.eq(SqlUuid(id)));
    }
    if let Some(since) = filter.created_since {
        q = q.filter(events::created_at.ge(since));
    }
    q = match (ascending, from) {
        (true, Some(after)) => q.filter(events::seq.gt(after)),
        (false, Some(before)) => q.filter(events::seq.lt(before)),
        (_, None) => q,
    };
    q = if ascending {
        q.order(events::seq.asc())
    } else {
        q.order(events::seq.desc())
    };
    let rows: Vec<EventRecord> = q.limit(limit).select(EventRecord::as_select()).load(conn)?;
    Ok(rows.into_iter().map(EventRow::from).collect())
}

/// The organizations with audit rows waiting to be chained.
pub fn orgs_with_unsealed_audit(conn: &mut DbConn) -> QueryResult<Vec<OrganizationId>> {
    audit_events::table
        .filter(audit_events::seq.is_null())
        .select(audit_events::organization_id)
        .distinct()
        .load(conn)
}

/// The chain's newest link of `org`, if it has one.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_heads)]
pub struct AuditHead {
    pub seq: i64,
    pub hash: String,
    pub sealed_at: NaiveDateTime,
}

pub fn audit_head(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Option<AuditHead>> {
    audit_heads::table
        .find(org)
        .select(AuditHead::as_select())
        .first(conn)
        .optional()
}

/// Up to `limit` of `org`'s committed, unchained audit rows, oldest first.
pub fn unsealed_audit(
    conn: &mut DbConn,
    org: OrganizationId,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    let rows: Vec<AuditRecord> = audit_events::table
        .filter(audit_events::organization_id.eq(org))
        .filter(audit_events::seq.is_null())
        .order((audit_events::at.asc(), audit_events::id.asc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(AuditRow::from).collect())
}

/// Chains `rows` (their `seq` and `hash` set) and moves `org`'s head to the last of them.
pub fn chain_audit(
    conn: &mut DbConn,
    org: OrganizationId,
    rows: &[AuditRow],
    sealed_at: NaiveDateTime,
) -> QueryResult<()> {
    let Some(last) = rows.last() else {
        return Ok(());
    };
    set_links(conn, rows)?;
    let (seq, hash) = (last.seq.unwrap_or(0), last.hash.clone().unwrap_or_default());
    on_backend!(conn, |c| diesel::insert_into(audit_heads::table)
        .values((
            audit_heads::organization_id.eq(org),
            audit_heads::seq.eq(seq),
            audit_heads::hash.eq(&hash),
            audit_heads::sealed_at.eq(sealed_at),
        ))
        .on_conflict(audit_heads::organization_id)
        .do_update()
        .set((
            audit_heads::seq.eq(seq),
            audit_heads::hash.eq(&hash),
            audit_heads::sealed_at.eq(sealed_at),
        ))
        .execute(c))?;
    Ok(())
}

/// Writes each row's `seq` and `hash`. On PostgreSQL a batch is one statement (a round trip
/// per row would cost the sealer more than the numbering itself); SQLite runs in-process, so a
/// statement per row costs no round trip.
fn set_links(conn: &mut DbConn, rows: &[AuditRow]) -> QueryResult<()> {
    // Every value is inlined as a literal, so each must be one whose text cannot break out of
    // it: ids and numbers are, and a hash is checked to be hex.
    let literal = |row: &AuditRow| match (row.seq, row.hash.as_deref()) {
        (Some(seq), Some(hash)) if hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Some(format!("('{}'::uuid, {seq}::bigint, '{hash}')", row.id.0))
        }
        _ => None,
    };
    if let DbConn::Pg(c) = conn {
        let literals: Option<Vec<String>> = rows.iter().map(literal).collect();
        if let Some(literals) = literals {
            for chunk in literals.chunks(500) {
                diesel::sql_query(format!(
                    "UPDATE audit_events AS a SET seq = v.seq, hash = v.hash \
                     FROM (VALUES {}) AS v (id, seq, hash) WHERE a.id = v.id",
                    chunk.join(", ")
                ))
                .execute(c)?;
            }
            return Ok(());
        }
    }
    for row in rows {
        diesel::update(audit_events::table.find(row.id))
            .set((
                audit_events::seq.eq(row.seq),
                audit_events::hash.eq(row.hash.as_deref()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// What `GET /audit-events` filters on.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub resource_type: Option<String>,
    pub resource_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

/// A page of `org`'s audit trail, newest first, sealed and unsealed alike, keyed on (at, id).
pub fn list_audit(
    conn: &mut DbConn,
    org: OrganizationId,
    filter: &AuditFilter,
    before: Option<(NaiveDateTime, AuditEventId)>,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    let mut q = audit_events::table
        .filter(audit_events::organization_id.eq(org))
        .into_boxed();
    if let Some(kind) = &filter.resource_type {
        q = q.filter(audit_events::resource_type.eq(kind.clone()));
    }
    if let Some(id) = filter.resource_id {
        q = q.filter(audit_events::resource_id.eq(SqlUuid(id)));
    }
    if let Some(id) = filter.actor_id {
        q = q.filter(audit_events::actor_id.eq(SqlUuid(id)));
    }
    if let Some(action) = &filter.action {
        q = q.filter(audit_events::action.eq(action.clone()));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_events::at.ge(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(audit_events::at.lt(to));
    }
    if let Some((at, id)) = before {
        q = q.filter(
            audit_events::at
                .lt(at)
                .or(audit_events::at.eq(at).and(audit_events::id.lt(id))),
        );
    }
    let rows: Vec<AuditRecord> = q
        .order((audit_events::at.desc(), audit_events::id.desc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(AuditRow::from).collect())
}

/// Up to `limit` of `org`'s chained rows after `after_seq`, in chain order.
pub fn sealed_audit(
    conn: &mut DbConn,
    org: OrganizationId,
    after_seq: i64,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    let rows: Vec<AuditRecord> = audit_events::table
        .filter(audit_events::organization_id.eq(org))
        .filter(audit_events::seq.gt(after_seq))
        .order(audit_events::seq.asc())
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(AuditRow::from).collect())
}

/// How many of `org`'s audit rows wait to be chained.
pub fn count_unsealed_audit(conn: &mut DbConn, org: OrganizationId) -> QueryResult<i64> {
    audit_events::table
        .filter(audit_events::organization_id.eq(org))
        .filter(audit_events::seq.is_null())
        .count()
        .get_result(conn)
}
