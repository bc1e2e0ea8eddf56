//! Webhooks: endpoints that receive the change log as signed deliveries (Standard Webhooks).
//!
//! A webhook is a plain record (see [`crate::app::record`]) for admins and owners, with a
//! secret shown once on create and on rotation. The sealer calls [`enqueue`] with events it
//! has just numbered; each matching active webhook of the event's organization gets one
//! delivery row, which [`dispatch::dispatch_due`] sends. The URL is checked against the SSRF
//! rules of [`crate::domain::webhooks`] when it is saved and again at every send.

pub mod dispatch;
mod event;

use std::collections::BTreeSet;
use std::net::ToSocketAddrs;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::error::{AppError, Check, FieldError, Found};
use crate::app::input::{double_option, IfMatch};
use crate::app::page::{CreationSort, Page, PageParams, PageRequest};
use crate::app::record::{self, Record};
use crate::app::unit_of_work::{blocking, Change, Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::events::EventRow;
use crate::db::record::Versioned;
use crate::db::webhooks::{DeliveryRow, WebhookFilter, WebhookRow};
use crate::db::{self, DbConn};
use crate::domain::ids::{EventId, OrganizationId, WebhookDeliveryId, WebhookId};
use crate::domain::webhooks::{
    event_pattern_error, forbidden_address, pattern_matches, secret_from_bytes, EventPattern,
    TargetHost, WebhookUrl,
};

pub use dispatch::dispatch_due;
pub use event::{event_view, EventActor, EventResource, EventView};

/// How long a rotated-out secret keeps signing beside the new one.
pub const PREVIOUS_SECRET_GRACE: chrono::Duration = chrono::Duration::hours(24);

/// The state of a webhook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebhookStatus {
    /// Receives deliveries.
    Active,
    /// Receives nothing new until made active again.
    Paused,
    /// Turned off by Accord after its deliveries failed for 5 days (see `disabled_reason`).
    Disabled,
}

impl WebhookStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookStatus::Active => "active",
            WebhookStatus::Paused => "paused",
            WebhookStatus::Disabled => "disabled",
        }
    }

    fn parse(s: &str) -> Option<WebhookStatus> {
        match s {
            "active" => Some(WebhookStatus::Active),
            "paused" => Some(WebhookStatus::Paused),
            "disabled" => Some(WebhookStatus::Disabled),
            _ => None,
        }
    }
}

/// The states a client may put a webhook in (`disabled` is Accord's alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebhookState {
    Active,
    Paused,
}

impl From<WebhookState> for WebhookStatus {
    fn from(s: WebhookState) -> Self {
        match s {
            WebhookState::Active => WebhookStatus::Active,
            WebhookState::Paused => WebhookStatus::Paused,
        }
    }
}

/// A webhook, never with its secret.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: WebhookId,
    #[schema(example = "https://example.com/accord/webhooks")]
    pub url: String,
    /// Event types and patterns it receives (`invoice.*`, `*`).
    #[schema(example = json!(["invoice.*", "payment.created"]))]
    pub events: Vec<String>,
    pub description: Option<String>,
    pub status: WebhookStatus,
    /// Why Accord disabled it.
    pub disabled_reason: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A webhook with its signing secret, in the answer that creates or rotates it.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookWithSecret {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// `whsec_` + base64 of 32 random bytes. Shown in this answer only: a replay of the
    /// request (same Idempotency-Key) answers `null` here.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookRequest {
    /// An http(s) URL of a public address.
    #[schema(
        example = "https://example.com/accord/webhooks",
        format = "uri",
        pattern = "^[Hh][Tt][Tt][Pp][Ss]?://",
        max_length = 2000
    )]
    pub url: String,
    /// Event types (`invoice.issued`) or patterns (`invoice.*`, `*`), at least one.
    #[schema(example = json!(["invoice.*"]), value_type = Vec<EventPattern>, min_items = 1, max_items = 100)]
    pub events: Vec<String>,
    pub description: Option<String>,
    /// `active` (default) or `paused`.
    pub status: Option<WebhookState>,
    /// The URL's check, made before the unit of work (it may resolve a name).
    #[serde(skip)]
    url_check: Option<UrlCheck>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhookRequest {
    /// An http(s) URL of a public address.
    #[schema(
        format = "uri",
        pattern = "^[Hh][Tt][Tt][Pp][Ss]?://",
        max_length = 2000
    )]
    pub url: Option<String>,
    /// Event types or patterns, at least one; replaces the list.
    #[schema(value_type = Option<Vec<EventPattern>>, min_items = 1, max_items = 100)]
    pub events: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
    /// `active` or `paused`; making a disabled webhook active again restarts it.
    pub status: Option<WebhookState>,
    #[serde(skip)]
    url_check: Option<UrlCheck>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WebhookListParams {
    /// `active`, `paused` or `disabled`.
    pub status: Option<String>,
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(WebhookListParams);

/// What checking a URL found: the normalised URL, or why it is refused.
#[derive(Debug, Clone)]
struct UrlCheck(Result<String, FieldError>);

fn url_error(code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new("url", code, message)
}

/// Checks a webhook URL: its shape and literal address, and unless private targets are
/// allowed, every address its name resolves to (on the blocking pool, bounded in time).
async fn check_url(app: &App, raw: &str) -> UrlCheck {
    let allow_private = app.config.webhook_allow_private;
    let url = match WebhookUrl::parse(raw, allow_private) {
        Ok(url) => url,
        Err(refusal) => return UrlCheck(Err(url_error(refusal.code(), refusal.message()))),
    };
    if allow_private || matches!(url.host(), TargetHost::Address(_)) {
        return UrlCheck(Ok(url.as_str().to_owned()));
    }
    match resolve(&url).await {
        Ok(addrs) => match addrs.iter().find_map(|a| forbidden_address(a.ip())) {
            Some(why) => UrlCheck(Err(url_error(
                "webhook_url_forbidden",
                format!(
                    "{} resolves to an address that {why}; webhooks may only call public addresses",
                    url.host_text()
                ),
            ))),
            None => UrlCheck(Ok(url.as_str().to_owned())),
        },
        Err(e) => UrlCheck(Err(url_error("webhook_url_unresolvable", e))),
    }
}

/// Every address the URL's host resolves to (one lookup), or why there is none.
pub(crate) async fn resolve(url: &WebhookUrl) -> Result<Vec<std::net::SocketAddr>, String> {
    let host = url.host_text();
    let port = url.port();
    if let TargetHost::Address(ip) = url.host() {
        return Ok(vec![std::net::SocketAddr::new(*ip, port)]);
    }
    let lookup = blocking(move || {
        Ok((host.as_str(), port)
            .to_socket_addrs()
            .map(|a| a.collect::<Vec<_>>())
            .map_err(|e| format!("{host} does not resolve ({e})")))
    });
    match tokio::time::timeout(Duration::from_secs(5), lookup).await {
        Ok(Ok(Ok(addrs))) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(Ok(_))) => Err(format!("{} resolves to no address", url.host_text())),
        Ok(Ok(Err(e))) => Err(e),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("looking up {} took too long", url.host_text())),
    }
}

/// The URL of `check` (made before the unit of work), or the literal check when none was made.
fn checked_url(check: &mut Check, pre: Option<&UrlCheck>, raw: &str) -> String {
    let outcome = match pre {
        Some(UrlCheck(outcome)) => outcome.clone(),
        None => WebhookUrl::parse(raw, false)
            .map(|u| u.as_str().to_owned())
            .map_err(|r| url_error(r.code(), r.message())),
    };
    match outcome {
        Ok(url) => url,
        Err(e) => {
            check.add(e);
            raw.to_owned()
        }
    }
}

fn checked_events(check: &mut Check, events: &[String]) -> String {
    if events.is_empty() {
        check.push(
            "events",
            "required",
            "name at least one event type or pattern",
        );
    }
    if events.len() > 100 {
        check.push("events", "length", "at most 100 event types or patterns");
    }
    for (i, e) in events.iter().enumerate() {
        if let Some(why) = event_pattern_error(e) {
            check.push(format!("events[{i}]"), "invalid_event_type", why);
        }
    }
    let unique: BTreeSet<&str> = events.iter().map(String::as_str).collect();
    serde_json::to_string(&unique).unwrap_or_else(|_| "[]".to_owned())
}

/// A new signing secret: 32 random bytes.
fn new_secret() -> String {
    let bytes: [u8; 32] = rand::random();
    secret_from_bytes(&bytes)
}

pub struct Webhook;

impl Record for Webhook {
    const NAME: &'static str = "webhook";
    const COLLECTION: &'static str = "webhooks";
    const WRITE: Permission = Permission::ManageWebhooks;
    const READ: Permission = Permission::ManageWebhooks;

    type Row = WebhookRow;
    type Create = CreateWebhookRequest;
    type Patch = UpdateWebhookRequest;
    type View = WebhookView;
    type Query = WebhookListParams;

    fn new_row(
        tx: &mut Tx,
        input: &CreateWebhookRequest,
        check: &mut Check,
    ) -> Result<WebhookRow, AppError> {
        let url = checked_url(check, input.url_check.as_ref(), &input.url);
        let events = checked_events(check, &input.events);
        let description = check.text("description", input.description.as_deref(), 2000);
        let now = db::now();
        Ok(WebhookRow {
            organization_id: tx.caller()?.org,
            id: WebhookId::new(),
            url,
            events,
            description,
            status: WebhookStatus::from(input.status.unwrap_or(WebhookState::Active))
                .as_str()
                .to_owned(),
            disabled_reason: None,
            secret: new_secret(),
            previous_secret: None,
            previous_secret_expires_at: None,
            version: 1,
            created_at: now,
            updated_at: now,
            failing_since: None,
        })
    }

    fn apply(
        _tx: &mut Tx,
        patch: &UpdateWebhookRequest,
        row: &mut WebhookRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if let Some(raw) = &patch.url {
            row.url = checked_url(check, patch.url_check.as_ref(), raw);
        }
        if let Some(events) = &patch.events {
            row.events = checked_events(check, events);
        }
        if let Some(description) = &patch.description {
            row.description = check.text("description", description.as_deref(), 2000);
        }
        if let Some(status) = patch.status {
            let status = WebhookStatus::from(status);
            if status.as_str() != row.status {
                row.status = status.as_str().to_owned();
                row.disabled_reason = None;
                // A restarted endpoint gets a fresh 5 days before it can be disabled again.
                row.failing_since = None;
            }
        }
        Ok(())
    }

    fn views(_tx: &mut Tx, rows: Vec<WebhookRow>) -> Result<Vec<WebhookView>, AppError> {
        Ok(rows.into_iter().map(view).collect())
    }

    fn filter(_tx: &mut Tx, query: &WebhookListParams) -> Result<WebhookFilter, AppError> {
        let mut check = Check::new();
        let status = query.status.as_deref().map(str::trim);
        if status.is_some_and(|s| WebhookStatus::parse(s).is_none()) {
            check.push(
                "query:status",
                "invalid_enum",
                "must be one of: active, paused, disabled",
            );
        }
        check.finish()?;
        Ok(WebhookFilter {
            status: status.map(str::to_owned),
        })
    }

    fn sort(query: &WebhookListParams) -> Option<&str> {
        query.sort.map(CreationSort::as_str)
    }
}

/// The view of a stored webhook.
pub fn view(r: WebhookRow) -> WebhookView {
    WebhookView {
        events: serde_json::from_str(&r.events).unwrap_or_default(),
        status: WebhookStatus::parse(&r.status).unwrap_or(WebhookStatus::Paused),
        id: r.id,
        url: r.url,
        description: r.description,
        disabled_reason: r.disabled_reason,
        version: r.version,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    }
}

/// The answer holding a secret, and what a replay of it shows instead.
fn with_secret(
    outcome: impl FnOnce(&WebhookWithSecret) -> Result<Outcome, AppError>,
    webhook: WebhookView,
    secret: String,
) -> Result<Outcome, AppError> {
    let redacted = WebhookWithSecret {
        webhook: webhook.clone(),
        secret: None,
    };
    outcome(&WebhookWithSecret {
        webhook,
        secret: Some(secret),
    })?
    .with_redacted_replay(&redacted)
}

/// `POST /webhooks`: the secret is in this answer only.
pub async fn create(
    app: &App,
    cx: &Context,
    mut input: CreateWebhookRequest,
) -> Result<Outcome, AppError> {
    // Refuse before resolving anything on the caller's behalf.
    cx.caller()?.require(Permission::ManageWebhooks)?;
    input.url_check = Some(check_url(app, &input.url).await);
    app.write_once(cx, move |tx| {
        let view = record::create_in::<Webhook>(tx, input)?;
        let secret = record::find::<Webhook>(tx, view.id)?.secret;
        let id = view.id;
        with_secret(|body| Outcome::created("webhooks", id, body), view, secret)
    })
    .await
}

/// `PATCH /webhooks/{id}`.
pub async fn update(
    app: &App,
    cx: &Context,
    id: WebhookId,
    expected: IfMatch,
    mut patch: UpdateWebhookRequest,
) -> Result<WebhookView, AppError> {
    cx.caller()?.require(Permission::ManageWebhooks)?;
    if let Some(url) = &patch.url {
        patch.url_check = Some(check_url(app, url).await);
    }
    app.write(cx, move |tx| {
        record::update_in::<Webhook>(tx, id, &expected, patch)
    })
    .await
}

/// `POST /webhooks/{id}/rotate-secret`: a new secret, in this answer only; the old one keeps
/// signing beside it for 24 hours.
pub async fn rotate_secret(app: &App, cx: &Context, id: WebhookId) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        tx.caller()?.require(Permission::ManageWebhooks)?;
        let current = record::find::<Webhook>(tx, id)?;
        let now = db::now();
        let mut row = current.clone();
        row.previous_secret = Some(current.secret.clone());
        row.previous_secret_expires_at = Some(now + PREVIOUS_SECRET_GRACE);
        row.secret = new_secret();
        row.touch(now);
        if !row.save(tx, current.version)? {
            return Err(AppError::version_mismatch());
        }
        let before = view(current);
        let secret = row.secret.clone();
        let after = view(row);
        tx.record(Change::updated("webhook", id.0, &before, &after));
        with_secret(Outcome::ok, after, secret)
    })
    .await
}

/// One attempt to deliver, as the delivery log shows it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AttemptView {
    pub at: DateTime<Utc>,
    /// The endpoint's HTTP status; `null` when no answer came (see `error`).
    pub response_status: Option<u16>,
    pub latency_ms: u64,
    /// Why the attempt failed without an answer (timeout, refused connection, forbidden
    /// address); `null` otherwise.
    pub error: Option<String>,
}

/// The state of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    Pending,
    Succeeded,
    Failed,
}

/// One event sent (or to be sent) to one webhook.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: WebhookDeliveryId,
    pub webhook_id: WebhookId,
    pub event_id: EventId,
    #[schema(example = "invoice.issued")]
    pub event_type: String,
    pub status: DeliveryStatus,
    pub attempts: Vec<AttemptView>,
    /// When it is tried next; `null` once it succeeded or failed.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DeliveryRow> for DeliveryView {
    fn from(r: DeliveryRow) -> Self {
        let status = match r.status.as_str() {
            "succeeded" => DeliveryStatus::Succeeded,
            "failed" => DeliveryStatus::Failed,
            _ => DeliveryStatus::Pending,
        };
        DeliveryView {
            id: r.id,
            webhook_id: r.webhook_id,
            event_id: r.event_id,
            event_type: r.event_type,
            status,
            attempts: serde_json::from_str(&r.attempts).unwrap_or_default(),
            next_attempt_at: (status == DeliveryStatus::Pending)
                .then(|| r.next_attempt_at.map(|t| t.and_utc()))
                .flatten(),
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// A delivery of `event` to `webhook`, due now.
fn delivery(row: &WebhookRow, event: &EventView) -> Result<DeliveryRow, AppError> {
    let payload = serde_json::to_string(event)
        .map_err(|e| AppError::internal(format!("serializing an event: {e}")))?;
    let now = db::now();
    Ok(DeliveryRow {
        organization_id: row.organization_id,
        id: WebhookDeliveryId::new(),
        webhook_id: row.id,
        event_id: event.id,
        event_type: event.event_type.clone(),
        payload,
        status: "pending".to_owned(),
        attempts: "[]".to_owned(),
        attempt_count: 0,
        next_attempt_at: Some(now),
        claimed_until: None,
        claimed_by: None,
        created_at: now,
        updated_at: now,
    })
}

/// `POST /webhooks/{id}/test`: queues a `webhook.test` event for this webhook alone, due now
/// (an active webhook; a paused one gets it when made active again).
pub async fn send_test(app: &App, cx: &Context, id: WebhookId) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ManageWebhooks)?;
        let row = record::find::<Webhook>(tx, id)?;
        let event = EventView {
            id: EventId::new(),
            event_type: "webhook.test".to_owned(),
            created_at: Utc::now(),
            actor: EventActor::of(caller),
            request_id: Some(tx.cx().request_id.clone()).filter(|r| !r.is_empty()),
            resource: EventResource {
                resource_type: "webhook".to_owned(),
                id: id.0,
            },
            object: serde_json::to_value(view(row.clone())).unwrap_or_default(),
            previous: serde_json::Value::Object(Default::default()),
        };
        let delivery = delivery(&row, &event)?;
        db::webhooks::insert_delivery(tx, &delivery)?;
        Outcome::ok(&DeliveryView::from(delivery))
    })
    .await
}

/// `GET /webhooks/{id}/deliveries`: newest first.
pub async fn list_deliveries(
    app: &App,
    cx: &Context,
    id: WebhookId,
    page: PageParams,
) -> Result<Page<DeliveryView>, AppError> {
    let page = PageRequest::new(&page, "-created_at", &format!("webhook={id}"))?;
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ManageWebhooks)?;
        record::find::<Webhook>(tx, id)?;
        let before = page.after.as_ref().map(|(_, i)| WebhookDeliveryId(*i));
        let rows = db::webhooks::list_deliveries(tx, caller.org, id, before, page.fetch())?;
        Ok(page.page(rows, |r| (String::new(), r.id.0), DeliveryView::from))
    })
    .await
}

/// `POST /webhooks/{id}/deliveries/{delivery_id}/retry`: pending and due now.
pub async fn retry_delivery(
    app: &App,
    cx: &Context,
    id: WebhookId,
    delivery_id: WebhookDeliveryId,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::ManageWebhooks)?;
        record::find::<Webhook>(tx, id)?;
        if !db::webhooks::retry_now(tx, caller.org, id, delivery_id, db::now())? {
            return Err(AppError::not_found("webhook delivery"));
        }
        let row =
            db::webhooks::find_delivery(tx, caller.org, delivery_id).found("webhook delivery")?;
        Outcome::ok(&DeliveryView::from(row))
    })
    .await
}

/// An active webhook: its organization, id and the event patterns it receives.
type ActiveHook = (OrganizationId, WebhookId, Vec<String>);

/// The active webhooks of `orgs`.
fn active_hooks(conn: &mut DbConn, orgs: &[OrganizationId]) -> Result<Vec<ActiveHook>, AppError> {
    Ok(db::webhooks::active_of(conn, orgs)?
        .into_iter()
        .map(|(org, id, events)| {
            let patterns: Vec<String> = serde_json::from_str(&events).unwrap_or_default();
            (org, id, patterns)
        })
        .collect())
}

/// Called by the sealer inside its transaction for the events it has just numbered (after
/// `after`, through `through`, in commit order): reads back only the events of organizations
/// with an active webhook, and queues their deliveries (see [`enqueue`]).
pub fn enqueue_sealed(conn: &mut DbConn, after: i64, through: i64) -> Result<(), AppError> {
    let orgs = db::events::orgs_between(conn, after, through)?;
    let hooks = active_hooks(conn, &orgs)?;
    if hooks.is_empty() {
        return Ok(());
    }
    let hooked: Vec<_> = hooks
        .iter()
        .map(|(org, _, _)| *org)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let sealed = db::events::events_between(conn, after, through, &hooked)?;
    queue(conn, &hooks, &sealed)
}

/// Queues, for numbered events (`seq` set, in commit order), one delivery per matching active
/// webhook of each event's organization. Paused and disabled webhooks get nothing.
pub fn enqueue(conn: &mut DbConn, sealed: &[EventRow]) -> Result<(), AppError> {
    let orgs: Vec<_> = sealed
        .iter()
        .map(|e| e.organization_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let hooks = active_hooks(conn, &orgs)?;
    queue(conn, &hooks, sealed)
}

fn queue(conn: &mut DbConn, hooks: &[ActiveHook], sealed: &[EventRow]) -> Result<(), AppError> {
    if hooks.is_empty() {
        return Ok(());
    }
    let now = db::now();
    let mut rows = Vec::new();
    for event in sealed {
        let matching = hooks.iter().filter(|(org, _, patterns)| {
            *org == event.organization_id
                && patterns
                    .iter()
                    .any(|p| pattern_matches(p, &event.event_type))
        });
        let mut payload = None;
        for (org, webhook, _) in matching {
            let payload = match &payload {
                Some(p) => p,
                None => payload.insert(
                    serde_json::to_string(&event_view(event))
                        .map_err(|e| AppError::internal(format!("serializing an event: {e}")))?,
                ),
            };
            rows.push(DeliveryRow {
                organization_id: *org,
                id: WebhookDeliveryId::new(),
                webhook_id: *webhook,
                event_id: event.id,
                event_type: event.event_type.clone(),
                payload: payload.clone(),
                status: "pending".to_owned(),
                attempts: "[]".to_owned(),
                attempt_count: 0,
                next_attempt_at: Some(now),
                claimed_until: None,
                claimed_by: None,
                created_at: now,
                updated_at: now,
            });
        }
    }
    db::webhooks::insert_deliveries(conn, &rows)?;
    Ok(())
}
