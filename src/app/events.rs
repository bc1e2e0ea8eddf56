//! The change log and the audit trail, read and sealed.
//!
//! Writes record their events and audit rows unnumbered, in their own transaction (see
//! [`super::unit_of_work`]). The sealer ([`seal`]) runs after them, on every node, one at a
//! time: it numbers the events that have committed (`seq`, one order for the whole database),
//! hands them to the webhooks in the same transaction, and chains each organization's new audit
//! rows (`seq`, `hash`). A number is only ever given to a committed row, and a later number
//! only after it, so a feed reader that follows `seq` sees every event once, in the order they
//! became visible, however many writers and nodes commit concurrently.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::error::{AppError, Check};
use super::page::{DEFAULT_LIMIT, MAX_LIMIT};
use super::{App, Context};
use crate::auth::policy::Permission;
use crate::db::events::{AuditFilter, AuditRow, EventFilter};
use crate::db::{self, DbConn};
use crate::domain::audit::{Link, GENESIS};
use crate::domain::ids::{AuditEventId, OrganizationId};

pub use super::webhooks::{event_view, EventActor, EventResource, EventView};

/// Events numbered per sealing transaction, at most.
const SEAL_BATCH: i64 = 1000;
/// Audit rows chained per organization per sealing transaction, at most.
const CHAIN_BATCH: i64 = 1000;

/// What the sealer did in one pass.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sealed {
    pub events: usize,
    pub audit_rows: usize,
}

/// One sealing pass: numbers committed events, hands them to the webhooks, and chains new audit
/// rows, in one transaction. Another node sealing at the same moment makes this a no-op.
pub async fn seal(app: &App) -> Result<Sealed, AppError> {
    app.write(&Context::system(), |tx| {
        let Some(feed) = db::events::claim_feed(tx)? else {
            return Ok(Sealed::default());
        };
        let after = feed.last_seq;
        let numbered = db::events::seal_events(tx, after, SEAL_BATCH)?;
        if numbered > 0 {
            super::webhooks::enqueue_sealed(tx, after, after + numbered)?;
        }
        let audit_rows = chain_audit(tx)?;
        Ok(Sealed {
            events: numbered as usize,
            audit_rows,
        })
    })
    .await
}

/// The canonical text of a stored instant, as the chain hashes it.
fn instant(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

fn link_of<'a>(row: &'a AuditRow, seq: i64, ids: &'a [String; 4], at: &'a str) -> Link<'a> {
    Link {
        id: &ids[0],
        organization_id: &ids[1],
        seq,
        at,
        actor_kind: &row.actor_kind,
        actor_id: row.actor_id.as_ref().map(|_| ids[2].as_str()),
        request_id: row.request_id.as_deref(),
        client_ip: row.client_ip.as_deref(),
        action: &row.action,
        resource_type: row.resource_type.as_deref(),
        resource_id: row.resource_id.as_ref().map(|_| ids[3].as_str()),
        before: row.before.as_deref(),
        after: row.after.as_deref(),
    }
}

/// The hash a row has at position `seq` after `previous`.
fn hash_of(row: &AuditRow, seq: i64, previous: &str) -> String {
    let ids = [
        row.id.0.to_string(),
        row.organization_id.0.to_string(),
        row.actor_id.map(|u| u.to_string()).unwrap_or_default(),
        row.resource_id.map(|u| u.to_string()).unwrap_or_default(),
    ];
    let at = instant(row.at);
    link_of(row, seq, &ids, &at).hash(previous)
}

/// Chains every organization's committed, unchained audit rows after its head.
fn chain_audit(conn: &mut DbConn) -> Result<usize, AppError> {
    let mut chained = 0;
    for org in db::events::orgs_with_unsealed_audit(conn)? {
        let head = db::events::audit_head(conn, org)?;
        let (mut seq, mut hash) = head
            .map(|h| (h.seq, h.hash))
            .unwrap_or((0, GENESIS.to_owned()));
        let mut rows = db::events::unsealed_audit(conn, org, CHAIN_BATCH)?;
        for row in &mut rows {
            seq += 1;
            hash = hash_of(row, seq, &hash);
            row.seq = Some(seq);
            row.hash = Some(hash.clone());
        }
        db::events::chain_audit(conn, org, &rows, db::now())?;
        chained += rows.len();
    }
    Ok(chained)
}

/// Forgets events older than the configured retention; how many.
pub async fn purge_expired_events(app: &App) -> Result<usize, AppError> {
    let retention = chrono::Duration::from_std(app.config.event_retention)
        .unwrap_or_else(|_| chrono::Duration::days(30));
    let before = db::now() - retention;
    app.write(&Context::system(), move |tx| {
        Ok(db::events::purge_events(tx, before)?)
    })
    .await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Asc,
    Desc,
}

/// `GET /events` filters and paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    /// Event types, comma-separated; `invoice.*` matches every invoice event.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub event_type: Option<String>,
    /// Only events about this kind of resource (`invoice`).
    pub resource_type: Option<String>,
    /// Only events about this resource.
    pub resource_id: Option<Uuid>,
    /// Only events recorded at or after this instant (RFC 3339).
    pub created_since: Option<DateTime<Utc>>,
    /// `desc` (default, newest first) or `asc` (oldest first: the change feed, in commit
    /// order).
    #[param(inline)]
    pub order: Option<Order>,
    /// Rows per page, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page. Keep the last one to resume the feed.
    pub cursor: Option<String>,
}

/// A page of events.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    pub data: Vec<EventView>,
    /// Where to resume. In ascending order it is always set, also on an empty or last page:
    /// store it and ask again later for what happened since. In descending order it is null
    /// on the last page.
    pub next_cursor: Option<String>,
    /// Whether more events follow right now.
    pub has_more: bool,
}

/// A position in this database's change feed.
#[derive(Debug, Serialize, Deserialize)]
struct FeedCursor {
    /// The database the position belongs to.
    d: String,
    /// The last sequence number seen (ascending) or the one to continue below (descending).
    s: i64,
    o: Order,
}

impl FeedCursor {
    fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    fn decode(text: &str) -> Result<FeedCursor, AppError> {
        URL_SAFE_NO_PAD
            .decode(text.as_bytes())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(|| {
                AppError::field(
                    "invalid_cursor",
                    "cursor",
                    "is not a cursor this list handed out",
                )
            })
    }
}

fn expired() -> AppError {
    AppError::gone(
        "cursor_expired",
        "this cursor points to events that are no longer kept, or to another database (a restore); \
         start again without a cursor (and reconcile by listing the resources with updated_since)",
    )
}

/// Splits a `type` filter into exact types and prefixes.
fn type_filter(text: Option<&str>, check: &mut Check) -> (Vec<String>, Vec<String>) {
    let (mut exact, mut prefixes) = (Vec::new(), Vec::new());
    let Some(text) = text else {
        return (exact, prefixes);
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    for item in text.split(',').map(str::trim) {
        if item == "*" {
            return (Vec::new(), Vec::new());
        }
        match item.split_once('.') {
            Some((kind, "*")) if word(kind) => prefixes.push(format!("{kind}.")),
            Some((kind, action)) if word(kind) && word(action) => exact.push(item.to_owned()),
            None if word(item) => prefixes.push(format!("{item}.")),
            _ => check.push(
                "type",
                "invalid_event_type",
                format!("{item:?} is not an event type or pattern (`invoice.issued`, `invoice.*`)"),
            ),
        }
    }
    (exact, prefixes)
}

/// `GET /events`: the organization's events, newest first, or oldest first as a change feed.
pub async fn list(app: &App, cx: &Context, params: EventParams) -> Result<EventPage, AppError> {
    let mut check = Check::new();
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        check.push(
            "limit",
            "invalid_limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        );
    }
    let (types, type_prefixes) = type_filter(params.event_type.as_deref(), &mut check);
    let order = params.order.unwrap_or(Order::Desc);
    let cursor = match params.cursor.as_deref() {
        Some(c) => match FeedCursor::decode(c) {
            Ok(cursor) if cursor.o != order => {
                check.push(
                    "cursor",
                    "invalid_cursor",
                    "was made for the other order; start again without a cursor",
                );
                None
            }
            Ok(cursor) => Some(cursor),
            Err(e) => return Err(e),
        },
        None => None,
    };
    check.finish()?;
    let filter = EventFilter {
        types,
        type_prefixes,
        resource_type: params.resource_type,
        resource_id: params.resource_id,
        created_since: params.created_since.map(|t| t.naive_utc()),
    };
    app.snapshot(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ReadChangeLog)?;
        let org = caller.org;
        let feed = db::events::feed_state(tx)?;
        if let Some(c) = &cursor {
            if c.d != feed.database_id || c.s > feed.last_seq + 1 {
                return Err(expired());
            }
            if order == Order::Asc && c.s < feed.purged_through {
                return Err(expired());
            }
        }
        let ascending = order == Order::Asc;
        let from = cursor.as_ref().map(|c| c.s);
        let mut rows =
            db::events::list_events(tx, org, &filter, ascending, from, feed.last_seq, limit + 1)?;
        let has_more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let position = |s: i64| {
            FeedCursor {
                d: feed.database_id.clone(),
                s,
                o: order,
            }
            .encode()
        };
        let next_cursor = match (ascending, has_more, rows.last()) {
            (true, true, Some(last)) => Some(position(last.seq.unwrap_or(feed.last_seq))),
            (true, _, _) => Some(position(feed.last_seq)),
            (false, true, Some(last)) => Some(position(last.seq.unwrap_or(0))),
            (false, _, _) => None,
        };
        Ok(EventPage {
            data: rows.iter().map(event_view).collect(),
            next_cursor,
            has_more,
        })
    })
    .await
}

/// One row of the audit trail.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor: EventActor,
    pub request_id: Option<String>,
    /// The client's address (the socket's peer, or `X-Forwarded-For` from a trusted proxy).
    pub client_ip: Option<String>,
    /// The event type of a write (`invoice.updated`), or `auth.signed_in`,
    /// `auth.sign_in_failed`, `auth.sign_in_throttled`, `auth.refresh_reused`.
    pub action: String,
    pub resource: Option<EventResource>,
    /// The resource before the change; null for a creation.
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The resource after the change; null for a deletion.
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// Its place in the organization's chain; null until sealed (within a second or so).
    pub seq: Option<i64>,
    /// SHA-256 (hex) of the previous row's hash and this row's content; null until sealed.
    pub hash: Option<String>,
}

impl From<AuditRow> for AuditEventView {
    fn from(a: AuditRow) -> Self {
        let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        AuditEventView {
            id: a.id.0,
            at: a.at.and_utc(),
            actor: EventActor {
                kind: a.actor_kind,
                id: a.actor_id,
            },
            request_id: a.request_id,
            client_ip: a.client_ip,
            action: a.action,
            resource: match (a.resource_type, a.resource_id) {
                (Some(kind), Some(id)) => Some(EventResource {
                    resource_type: kind,
                    id,
                }),
                _ => None,
            },
            before: json(a.before),
            after: json(a.after),
            seq: a.seq,
            hash: a.hash,
        }
    }
}

/// `GET /audit-events` filters and paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    pub resource_type: Option<String>,
    pub resource_id: Option<Uuid>,
    /// The user or API key that acted.
    pub actor_id: Option<Uuid>,
    /// `invoice.updated`, `auth.sign_in_failed`, ...
    pub action: Option<String>,
    /// From this instant on (RFC 3339, inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Before this instant (RFC 3339, exclusive).
    pub to: Option<DateTime<Utc>>,
    /// Rows per page, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A page of the audit trail, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub data: Vec<AuditEventView>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct AuditCursor {
    at: NaiveDateTime,
    id: Uuid,
}

/// `GET /audit-events`: the organization's audit trail, newest first.
pub async fn audit_list(
    app: &App,
    cx: &Context,
    params: AuditParams,
) -> Result<AuditPage, AppError> {
    let mut check = Check::new();
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        check.push(
            "limit",
            "invalid_limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        );
    }
    if let (Some(from), Some(to)) = (params.from, params.to) {
        if to < from {
            check.push("to", "before_from", "must not be before `from`");
        }
    }
    let before = match params.cursor.as_deref() {
        None => None,
        Some(text) => {
            let cursor: Option<AuditCursor> = URL_SAFE_NO_PAD
                .decode(text.as_bytes())
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok());
            match cursor {
                Some(c) => Some((c.at, AuditEventId(c.id))),
                None => {
                    check.push(
                        "cursor",
                        "invalid_cursor",
                        "is not a cursor this list handed out",
                    );
                    None
                }
            }
        }
    };
    check.finish()?;
    let filter = AuditFilter {
        resource_type: params.resource_type,
        resource_id: params.resource_id,
        actor_id: params.actor_id,
        action: params.action,
        from: params.from.map(|t| t.naive_utc()),
        to: params.to.map(|t| t.naive_utc()),
    };
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ReadChangeLog)?;
        let mut rows = db::events::list_audit(tx, caller.org, &filter, before, limit + 1)?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next_cursor = match (more, rows.last()) {
            (true, Some(last)) => Some(
                URL_SAFE_NO_PAD.encode(
                    serde_json::to_vec(&AuditCursor {
                        at: last.at,
                        id: last.id.0,
                    })
                    .unwrap_or_default(),
                ),
            ),
            _ => None,
        };
        Ok(AuditPage {
            data: rows.into_iter().map(AuditEventView::from).collect(),
            next_cursor,
        })
    })
    .await
}

/// What `GET /audit-events/verify` found.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerification {
    /// Whether the whole chain holds: every row's hash recomputes, the sequence has no gap, and
    /// the newest row is the checkpointed head.
    pub ok: bool,
    /// Sealed rows checked.
    pub checked: i64,
    /// Rows recorded but not chained yet (normally chained within a second).
    pub unsealed: i64,
    /// The first row whose hash or position does not hold; null when none (or when rows were
    /// removed from the end, which `reason` then says).
    pub first_broken_id: Option<Uuid>,
    /// Why the chain does not hold; null when it does.
    pub reason: Option<String>,
}

/// `GET /audit-events/verify`: recomputes the organization's chain from its first row.
pub async fn audit_verify(app: &App, cx: &Context) -> Result<AuditVerification, AppError> {
    app.snapshot(cx, |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ReadChangeLog)?;
        verify_chain(tx, caller.org)
    })
    .await
}

fn verify_chain(conn: &mut DbConn, org: OrganizationId) -> Result<AuditVerification, AppError> {
    let unsealed = db::events::count_unsealed_audit(conn, org)?;
    let head = db::events::audit_head(conn, org)?;
    let (mut seq, mut hash) = (0_i64, GENESIS.to_owned());
    let mut checked = 0_i64;
    let broken = |id: Option<Uuid>, reason: String, checked: i64| AuditVerification {
        ok: false,
        checked,
        unsealed,
        first_broken_id: id,
        reason: Some(reason),
    };
    loop {
        let rows = db::events::sealed_audit(conn, org, seq, CHAIN_BATCH)?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            checked += 1;
            let at = row.seq.unwrap_or(0);
            if at != seq + 1 {
                return Ok(broken(
                    Some(row.id.0),
                    format!("row {} follows row {seq}: rows are missing", at),
                    checked,
                ));
            }
            let expected = hash_of(row, at, &hash);
            if row.hash.as_deref() != Some(expected.as_str()) {
                return Ok(broken(
                    Some(row.id.0),
                    format!(
                        "row {at}'s content or predecessor changed: its hash does not recompute"
                    ),
                    checked,
                ));
            }
            seq = at;
            hash = expected;
        }
    }
    match head {
        Some(h) if h.seq != seq || h.hash != hash => Ok(broken(
            None,
            format!(
                "the chain ends at row {seq}, but row {} was sealed as its newest: rows were removed from the end",
                h.seq
            ),
            checked,
        )),
        None if seq > 0 => Ok(broken(
            None,
            "the chain's checkpoint is missing".to_owned(),
            checked,
        )),
        _ => Ok(AuditVerification {
            ok: true,
            checked,
            unsealed,
            first_broken_id: None,
            reason: None,
        }),
    }
}
