//! Webhooks and their deliveries, as stored. A delivery is claimed by a node with a committed
//! lease (`claimed_until`, `claimed_by`), never a row lock held while it sends.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{webhook_deliveries, webhooks};
use crate::db::DbConn;
use crate::domain::ids::{EventId, OrganizationId, WebhookDeliveryId, WebhookId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = webhooks, treat_none_as_null = true)]
pub struct WebhookRow {
    pub organization_id: OrganizationId,
    pub id: WebhookId,
    pub url: String,
    /// JSON array of event types and patterns.
    pub events: String,
    pub description: Option<String>,
    pub status: String,
    pub disabled_reason: Option<String>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub failing_since: Option<NaiveDateTime>,
}

/// What a webhook list filters on.
#[derive(Debug, Clone, Default)]
pub struct WebhookFilter {
    pub status: Option<String>,
}

crate::stored!(WebhookRow in webhooks, id: WebhookId, filter: WebhookFilter => |q, f| {
    if let Some(s) = &f.status {
        q = q.filter(webhooks::status.eq(s.clone()));
    }
    q
});
crate::stored!(WebhookRow in webhooks, version: version, updated: updated_at);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub organization_id: OrganizationId,
    pub id: WebhookDeliveryId,
    pub webhook_id: WebhookId,
    pub event_id: EventId,
    pub event_type: String,
    /// The event as JSON, as it was when queued.
    pub payload: String,
    pub status: String,
    /// JSON array of the attempts made.
    pub attempts: String,
    pub attempt_count: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub claimed_until: Option<NaiveDateTime>,
    pub claimed_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The active webhooks of `orgs`: (organization, webhook, its event patterns as JSON).
pub fn active_of(
    conn: &mut DbConn,
    orgs: &[OrganizationId],
) -> QueryResult<Vec<(OrganizationId, WebhookId, String)>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    webhooks::table
        .filter(
            webhooks::organization_id
                .eq_any(orgs)
                .and(webhooks::status.eq("active")),
        )
        .select((webhooks::organization_id, webhooks::id, webhooks::events))
        .load(conn)
}

/// Queues deliveries; one already queued for the same (webhook, event) is left as it is, so
/// numbering a batch of events twice never sends an event twice.
pub fn insert_deliveries(conn: &mut DbConn, rows: &[DeliveryRow]) -> QueryResult<usize> {
    // One statement per row: SQLite takes no batch insert with ON CONFLICT in diesel.
    let mut inserted = 0;
    for row in rows {
        inserted += on_backend!(conn, |c| diesel::insert_into(webhook_deliveries::table)
            .values(row)
            .on_conflict((
                webhook_deliveries::organization_id,
                webhook_deliveries::webhook_id,
                webhook_deliveries::event_id,
            ))
            .do_nothing()
            .execute(c))?;
    }
    Ok(inserted)
}

/// Up to `limit` deliveries that are due and not leased, of active webhooks, oldest due first:
/// (organization, delivery id).
pub fn due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(OrganizationId, WebhookDeliveryId)>> {
    webhook_deliveries::table
        .inner_join(
            webhooks::table.on(webhooks::organization_id
                .eq(webhook_deliveries::organization_id)
                .and(webhooks::id.eq(webhook_deliveries::webhook_id))),
        )
        .filter(
            webhook_deliveries::status
                .eq("pending")
                .and(webhook_deliveries::next_attempt_at.le(now))
                .and(
                    webhook_deliveries::claimed_until
                        .is_null()
                        .or(webhook_deliveries::claimed_until.lt(now)),
                )
                .and(webhooks::status.eq("active")),
        )
        .order((
            webhook_deliveries::next_attempt_at.asc(),
            webhook_deliveries::id.asc(),
        ))
        .select((webhook_deliveries::organization_id, webhook_deliveries::id))
        .limit(limit)
        .load(conn)
}

/// Takes the lease on one delivery if it is still due and unleased; whether it did. The
/// condition is checked again by the UPDATE itself, so two nodes never both win.
pub fn lease(
    conn: &mut DbConn,
    org: OrganizationId,
    id: WebhookDeliveryId,
    now: NaiveDateTime,
    until: NaiveDateTime,
    node: &str,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_deliveries::table.filter(
            webhook_deliveries::organization_id
                .eq(org)
                .and(webhook_deliveries::id.eq(id))
                .and(webhook_deliveries::status.eq("pending"))
                .and(
                    webhook_deliveries::claimed_until
                        .is_null()
                        .or(webhook_deliveries::claimed_until.lt(now)),
                ),
        ),
    )
    .set((
        webhook_deliveries::claimed_until.eq(Some(until)),
        webhook_deliveries::claimed_by.eq(Some(node)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn find_delivery(
    conn: &mut DbConn,
    org: OrganizationId,
    id: WebhookDeliveryId,
) -> QueryResult<DeliveryRow> {
    webhook_deliveries::table
        .filter(
            webhook_deliveries::organization_id
                .eq(org)
                .and(webhook_deliveries::id.eq(id)),
        )
        .select(DeliveryRow::as_select())
        .first(conn)
}

pub fn insert_delivery(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<()> {
    diesel::insert_into(webhook_deliveries::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// What an attempt leaves on a delivery.
pub struct AttemptOutcome<'a> {
    pub status: &'a str,
    pub attempts: &'a str,
    pub attempt_count: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub now: NaiveDateTime,
}

/// Records an attempt and gives the lease back, if `node` still holds it; whether it did.
pub fn record_attempt(
    conn: &mut DbConn,
    org: OrganizationId,
    id: WebhookDeliveryId,
    node: &str,
    outcome: &AttemptOutcome,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_deliveries::table.filter(
            webhook_deliveries::organization_id
                .eq(org)
                .and(webhook_deliveries::id.eq(id))
                .and(webhook_deliveries::claimed_by.eq(node)),
        ),
    )
    .set((
        webhook_deliveries::status.eq(outcome.status),
        webhook_deliveries::attempts.eq(outcome.attempts),
        webhook_deliveries::attempt_count.eq(outcome.attempt_count),
        webhook_deliveries::next_attempt_at.eq(outcome.next_attempt_at),
        webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::claimed_by.eq(None::<String>),
        webhook_deliveries::updated_at.eq(outcome.now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Makes a delivery pending and due at `now` (a manual retry); whether it exists.
pub fn retry_now(
    conn: &mut DbConn,
    org: OrganizationId,
    webhook: WebhookId,
    id: WebhookDeliveryId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_deliveries::table.filter(
            webhook_deliveries::organization_id
                .eq(org)
                .and(webhook_deliveries::webhook_id.eq(webhook))
                .and(webhook_deliveries::id.eq(id)),
        ),
    )
    .set((
        webhook_deliveries::status.eq("pending"),
        webhook_deliveries::next_attempt_at.eq(Some(now)),
        webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::claimed_by.eq(None::<String>),
        webhook_deliveries::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// A page of a webhook's deliveries, newest first, after `before` (exclusive).
pub fn list_deliveries(
    conn: &mut DbConn,
    org: OrganizationId,
    webhook: WebhookId,
    before: Option<WebhookDeliveryId>,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut q = webhook_deliveries::table
        .filter(
            webhook_deliveries::organization_id
                .eq(org)
                .and(webhook_deliveries::webhook_id.eq(webhook)),
        )
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(webhook_deliveries::id.lt(b));
    }
    q.order(webhook_deliveries::id.desc())
        .limit(limit)
        .load(conn)
}

/// The webhook's failure clock: cleared on a success, started (if not running) on a failure.
pub fn set_failing_since(
    conn: &mut DbConn,
    org: OrganizationId,
    id: WebhookId,
    failing: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let target = webhooks::table.filter(webhooks::organization_id.eq(org).and(webhooks::id.eq(id)));
    if failing {
        diesel::update(target.filter(webhooks::failing_since.is_null()))
            .set(webhooks::failing_since.eq(Some(now)))
            .execute(conn)?;
    } else {
        diesel::update(target.filter(webhooks::failing_since.is_not_null()))
            .set(webhooks::failing_since.eq(None::<NaiveDateTime>))
            .execute(conn)?;
    }
    Ok(())
}
