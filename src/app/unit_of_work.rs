//! The unit of work: every use case runs its database work here, in one transaction that
//! commits all of it or none of it.
//!
//! [`App::write`] opens a write transaction (SQLite's `BEGIN IMMEDIATE`, so writers queue
//! instead of failing on the lock upgrade); [`App::snapshot`] opens a consistent read-only
//! one; [`App::read`] runs plain reads. All three run on the blocking pool, off the async
//! workers. The [`Tx`] a use case gets carries the [`Context`] of the request (caller,
//! request id, client address) and collects the [`Change`]s it makes; they are handed to
//! [`record_changes`] inside the same transaction, just before it commits, so what is
//! recorded about a change can never disagree with what was committed.
//!
//! Idempotent writes ([`App::write_once`]) claim the request's `Idempotency-Key` in the same
//! transaction as the change and store the answer with it: a retry replays the first answer,
//! a racing duplicate waits on the key's row and then replays, and a failed request rolls
//! back whole, key included.

use std::ops::{Deref, DerefMut};

use serde::Serialize;
use uuid::Uuid;

use super::error::{AppError, FieldError};
use crate::auth::jwt::JwtKeys;
use crate::auth::secrets::sha256_hex;
use crate::auth::{Caller, Principal};
use crate::config::Config;
use crate::db::events::{AuditRow, EventRow};
use crate::db::{self, Backend, DbConn, Pool};
use crate::domain::ids::{ApiKeyId, AuditEventId, EventId, OrganizationId, UserId};

/// How long a write waits for its turn on SQLite (as long as SQLite's own busy timeout)
/// before it answers 503 with `Retry-After`.
const WRITE_TURN_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// Where the versioned API lives; `Location` answers and idempotent replays name resources
/// under it.
pub const API_ROOT: &str = "/api/v1";

/// The application: what every use case needs, built once at start.
pub struct App {
    pub pool: Pool,
    pub backend: Backend,
    pub jwt: JwtKeys,
    pub config: Config,
    pub lifecycle: Lifecycle,
    /// Who credentials named, remembered for a moment (`app::identity::principals`).
    pub principals: crate::app::identity::principals::Principals,
}

/// Where this node is in its life: serving, or draining before it stops (after SIGTERM it
/// still answers every request but tells load balancers through `/readyz` to send no more).
/// Clones share one state.
#[derive(Debug, Clone, Default)]
pub struct Lifecycle {
    draining: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Lifecycle {
    pub fn start_draining(&self) {
        self.draining
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// What a use case knows about the request besides its input.
#[derive(Debug, Clone, Default)]
pub struct Context {
    caller: Option<Caller>,
    /// The request's id (`X-Request-Id`), for the records a change leaves.
    pub request_id: String,
    /// The client's address, as the edge saw it.
    pub client_addr: Option<String>,
    /// The request's idempotency key, for [`App::write_once`].
    pub idempotency: Option<IdempotencyKey>,
}

impl Context {
    pub fn new(caller: Option<Caller>, request_id: String, client_addr: Option<String>) -> Self {
        Context {
            caller,
            request_id,
            client_addr,
            idempotency: None,
        }
    }

    /// A context for work nobody asked for over the API (background jobs, the CLI).
    pub fn system() -> Self {
        Context {
            request_id: Uuid::now_v7().to_string(),
            ..Context::default()
        }
    }

    pub fn with_idempotency(mut self, key: Option<IdempotencyKey>) -> Self {
        self.idempotency = key;
        self
    }

    /// The authenticated caller; a use case that needs one refuses anonymous requests.
    pub fn caller(&self) -> Result<&Caller, AppError> {
        self.caller.as_ref().ok_or_else(|| {
            AppError::unauthorized(
                "unauthenticated",
                "send Authorization: Bearer <token or API key>",
            )
        })
    }
}

/// An `Idempotency-Key` and the fingerprint of the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    key: String,
    request_hash: String,
}

impl IdempotencyKey {
    /// `key` as sent; the request is identified by its method, path (with query) and body.
    pub fn new(key: String, method: &str, path: &str, body: &[u8]) -> Self {
        let mut fingerprint = Vec::with_capacity(body.len() + path.len() + 16);
        fingerprint.extend_from_slice(method.as_bytes());
        fingerprint.push(b' ');
        fingerprint.extend_from_slice(path.as_bytes());
        fingerprint.push(b'\n');
        fingerprint.extend_from_slice(body);
        IdempotencyKey {
            key,
            request_hash: sha256_hex(&fingerprint),
        }
    }
}

/// What a resource underwent in a unit of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Created,
    Updated,
    Deleted,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Deleted => "deleted",
        }
    }
}

/// One changed resource: what it is, and how it looks before and after (as `GET` shows it).
#[derive(Debug, Clone)]
pub struct Change {
    /// The resource's kind as the API names one (`contact`, `tax_rate`).
    pub resource: &'static str,
    pub id: Uuid,
    pub action: Action,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    /// A domain event's name in place of the action (`issued` makes `invoice.issued`).
    pub event: Option<&'static str>,
}

impl Change {
    /// Names the change as a domain event (`invoice.issued`, `opportunity.won`) instead of its
    /// plain action; one resource changed in one unit of work is still one event.
    pub fn as_event(mut self, name: &'static str) -> Self {
        self.event = Some(name);
        self
    }

    /// The event type: `<resource>.<event or action>`.
    pub fn event_type(&self) -> String {
        format!(
            "{}.{}",
            self.resource,
            self.event.unwrap_or_else(|| self.action.as_str())
        )
    }

    pub fn created(resource: &'static str, id: Uuid, after: &impl Serialize) -> Self {
        Change {
            resource,
            id,
            action: Action::Created,
            before: None,
            after: serde_json::to_value(after).ok(),
            event: None,
        }
    }

    pub fn updated(
        resource: &'static str,
        id: Uuid,
        before: &impl Serialize,
        after: &impl Serialize,
    ) -> Self {
        Change {
            resource,
            id,
            action: Action::Updated,
            before: serde_json::to_value(before).ok(),
            after: serde_json::to_value(after).ok(),
            event: None,
        }
    }

    pub fn deleted(resource: &'static str, id: Uuid, before: &impl Serialize) -> Self {
        Change {
            resource,
            id,
            action: Action::Deleted,
            before: serde_json::to_value(before).ok(),
            after: None,
            event: None,
        }
    }
}

/// Who made a change, as the change log and the audit trail name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    User(UserId),
    ApiKey(ApiKeyId),
    /// A background job, or Accord itself.
    System,
}

impl Actor {
    fn of(caller: &Caller) -> Actor {
        match caller.principal {
            Principal::User(id) => Actor::User(id),
            Principal::ApiKey { id, .. } => Actor::ApiKey(id),
        }
    }

    fn parts(self) -> (&'static str, Option<Uuid>) {
        match self {
            Actor::User(id) => ("user", Some(id.0)),
            Actor::ApiKey(id) => ("api_key", Some(id.0)),
            Actor::System => ("system", None),
        }
    }
}

/// The changes of one unit of work folded to one per resource, in the order each resource was
/// first touched: the first state before and the last state after (a record created and then
/// refreshed in the same transaction is one creation; created and deleted is nothing).
fn folded(changes: Vec<Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    // Where each resource's change is in `out`: a bulk unit of work (a statement of 10,000
    // lines) folds in linear time.
    let mut at: std::collections::HashMap<(&'static str, Uuid), usize> =
        std::collections::HashMap::with_capacity(changes.len());
    for change in changes {
        match at.get(&(change.resource, change.id)).copied() {
            None => {
                at.insert((change.resource, change.id), out.len());
                out.push(change);
            }
            Some(i) => {
                let Some(first) = out.get_mut(i) else {
                    continue;
                };
                first.action = match (first.action, change.action) {
                    (Action::Created, Action::Deleted) => Action::Deleted,
                    (Action::Created, _) => Action::Created,
                    (_, Action::Deleted) => Action::Deleted,
                    (_, _) => Action::Updated,
                };
                first.after = change.after;
                first.event = change.event.or(first.event);
            }
        }
    }
    out.retain(|c| !(c.before.is_none() && c.after.is_none()));
    out
}

/// The earlier values of the top-level fields an update changed (`{}` otherwise).
fn previous(change: &Change) -> serde_json::Value {
    let mut earlier = serde_json::Map::new();
    if change.action == Action::Updated {
        if let (Some(serde_json::Value::Object(before)), Some(serde_json::Value::Object(after))) =
            (&change.before, &change.after)
        {
            for (field, value) in before {
                if after.get(field) != Some(value) {
                    earlier.insert(field.clone(), value.clone());
                }
            }
        }
    }
    serde_json::Value::Object(earlier)
}

/// Persists what a unit of work changed, inside its transaction, just before the commit: one
/// event per changed resource for the change log, and one audit row with before and after.
/// Both are written unnumbered; what numbers them runs after the commit, in commit order. A
/// rolled-back unit of work leaves neither; a committed one always has both.
fn record_changes(
    conn: &mut DbConn,
    cx: &Context,
    acting: Option<(OrganizationId, Actor)>,
    changes: Vec<Change>,
    notes: Vec<AuditNote>,
) -> Result<(), AppError> {
    let request_id = Some(cx.request_id.clone()).filter(|r| !r.is_empty());
    let notes: Vec<AuditRow> = notes
        .into_iter()
        .map(|note| {
            let (actor_kind, actor_id) = note.actor.parts();
            AuditRow {
                id: AuditEventId::new(),
                organization_id: note.org,
                seq: None,
                hash: None,
                at: db::now(),
                actor_kind: actor_kind.to_owned(),
                actor_id,
                request_id: request_id.clone(),
                client_ip: cx.client_addr.clone(),
                action: note.action.to_owned(),
                resource_type: note.resource.map(|r| r.0.to_owned()),
                resource_id: note.resource.map(|r| r.1),
                before: None,
                after: None,
            }
        })
        .collect();
    if changes.is_empty() {
        db::events::append(conn, &[], &notes)?;
        return Ok(());
    }
    let (org, actor) = match (acting, cx.caller.as_ref()) {
        (Some(acting), _) => acting,
        (None, Some(caller)) => (caller.org, Actor::of(caller)),
        (None, None) => {
            return Err(AppError::internal(
                "a change was made with no organization to record it in",
            ))
        }
    };
    let (actor_kind, actor_id) = actor.parts();
    let at = db::now();
    let changes = folded(changes);
    let mut events = Vec::with_capacity(changes.len());
    let mut audit = notes;
    for change in &changes {
        let kind = change.event_type();
        // Each state is serialized once: the event's object is the audit row's `after` (its
        // `before`, for a deletion).
        let before = change.before.as_ref().map(|v| v.to_string());
        let after = change.after.as_ref().map(|v| v.to_string());
        let object = after.as_ref().or(before.as_ref());
        events.push(EventRow {
            id: EventId::new(),
            organization_id: org,
            seq: None,
            event_type: kind.clone(),
            created_at: at,
            actor_kind: actor_kind.to_owned(),
            actor_id,
            request_id: request_id.clone(),
            resource_type: change.resource.to_owned(),
            resource_id: change.id,
            object: object.cloned().unwrap_or_else(|| "{}".to_owned()),
            previous: previous(change).to_string(),
        });
        audit.push(AuditRow {
            id: AuditEventId::new(),
            organization_id: org,
            seq: None,
            hash: None,
            at,
            actor_kind: actor_kind.to_owned(),
            actor_id,
            request_id: request_id.clone(),
            client_ip: cx.client_addr.clone(),
            action: kind,
            resource_type: Some(change.resource.to_owned()),
            resource_id: Some(change.id),
            before,
            after,
        });
    }
    db::events::append(conn, &events, &audit)?;
    Ok(())
}

/// An open unit of work: a connection inside a transaction, the request's context, and the
/// changes made so far. It dereferences to the connection, so database functions take it
/// where they take a `&mut DbConn`.
pub struct Tx<'a> {
    conn: &'a mut DbConn,
    cx: &'a Context,
    changes: Vec<Change>,
    /// Whom the changes are recorded for when the context has no caller (a sign-up acts for
    /// the organization it creates).
    acting: Option<(OrganizationId, Actor)>,
    /// Audit-only records (sessions), written with the changes.
    notes: Vec<AuditNote>,
}

/// Something the audit trail keeps that changes no resource the API shows: a sign-in, a failed
/// one, a reused refresh token.
#[derive(Debug, Clone)]
pub struct AuditNote {
    pub org: OrganizationId,
    pub actor: Actor,
    /// `auth.signed_in`, `auth.sign_in_failed`, `auth.sign_in_throttled`, `auth.refresh_reused`.
    pub action: &'static str,
    /// The resource concerned (the user signing in).
    pub resource: Option<(&'static str, Uuid)>,
}

impl<'a> Tx<'a> {
    /// The request's context (not tied to this borrow of the transaction).
    pub fn cx(&self) -> &'a Context {
        self.cx
    }

    /// The authenticated caller (not tied to this borrow of the transaction).
    pub fn caller(&self) -> Result<&'a Caller, AppError> {
        self.cx.caller()
    }

    /// Records this unit of work's changes in `org` as made by `actor` (for work with no
    /// authenticated caller: a sign-up, a background job).
    pub fn act_as(&mut self, org: OrganizationId, actor: Actor) {
        self.acting = Some((org, actor));
    }

    /// Notes a change, to be recorded with the commit.
    pub fn record(&mut self, change: Change) {
        self.changes.push(change);
    }

    /// Notes an audit-only record, written with the commit (a use case that refuses the
    /// request but must keep the record commits and then answers the refusal).
    pub fn audit(&mut self, note: AuditNote) {
        self.notes.push(note);
    }

    pub fn conn(&mut self) -> &mut DbConn {
        self.conn
    }

    /// Runs `f` in a savepoint: if it fails, what it wrote (and noted) is undone and the rest
    /// of the unit of work goes on (an import keeps its good rows and reports the bad ones).
    pub fn savepoint<T>(
        &mut self,
        f: impl for<'s> FnOnce(&mut Tx<'s>) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        use diesel::Connection;
        let cx = self.cx;
        let mut noted = Vec::new();
        let mut notes = Vec::new();
        let mut acting = self.acting;
        let value = self.conn.transaction::<T, AppError, _>(|conn| {
            let mut inner = Tx {
                conn,
                cx,
                changes: Vec::new(),
                acting,
                notes: Vec::new(),
            };
            let value = f(&mut inner)?;
            noted = inner.changes;
            acting = inner.acting;
            notes = inner.notes;
            Ok(value)
        })?;
        self.changes.extend(noted);
        self.notes.extend(notes);
        self.acting = acting;
        Ok(value)
    }
}

/// How a rehearsal ends: always in a rollback, carrying the answer or the failure out.
enum Rehearsal<T> {
    Done(T),
    Failed(AppError),
}

impl<T> From<diesel::result::Error> for Rehearsal<T> {
    fn from(e: diesel::result::Error) -> Self {
        Rehearsal::Failed(e.into())
    }
}

impl Tx<'_> {
    /// Runs `f` in a savepoint that is always rolled back: what it writes and notes is undone,
    /// and its answer is what the real run would have answered (a dry run of an import).
    pub fn rehearse<T>(
        &mut self,
        f: impl for<'s> FnOnce(&mut Tx<'s>) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        use diesel::Connection;
        let cx = self.cx;
        let acting = self.acting;
        let ended = self.conn.transaction::<(), Rehearsal<T>, _>(|conn| {
            let mut inner = Tx {
                conn,
                cx,
                changes: Vec::new(),
                acting,
                notes: Vec::new(),
            };
            Err(match f(&mut inner) {
                Ok(value) => Rehearsal::Done(value),
                Err(e) => Rehearsal::Failed(e),
            })
        });
        match ended {
            Err(Rehearsal::Done(value)) => Ok(value),
            Err(Rehearsal::Failed(e)) => Err(e),
            Ok(()) => Err(AppError::internal("a rehearsal committed")),
        }
    }
}

impl Deref for Tx<'_> {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        self.conn
    }
}

impl DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut DbConn {
        self.conn
    }
}

/// No connection came within the pool's timeout: 503 `database_unavailable` when the database
/// cannot be reached (the pool's last attempt to connect failed), else 503
/// `temporarily_unavailable` (every connection busy).
pub(crate) fn no_connection(pool: &Pool, e: r2d2::Error) -> AppError {
    match pool.health().unreachable() {
        Some(cause) => AppError::database_unavailable(format!("{e}; connecting failed: {cause}")),
        None => AppError::from(e),
    }
}

/// Runs `f` on the blocking pool (database work, password hashing).
pub async fn blocking<T, F>(f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
{
    tokio::task::spawn_blocking(f).await.map_err(|_| {
        AppError::unavailable("the server is shutting down or overloaded; retry shortly")
    })?
}

impl App {
    /// Runs `f` with a pooled connection on the blocking pool. A connection whose server went
    /// away is marked lost (the pool drops it and tests the others); a write's storage failure
    /// and a committed write are noted for readiness.
    async fn with_conn<T, F>(&self, writes: bool, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let _turn = match self.pool.write_turns().filter(|_| writes) {
            Some(turns) => Some(
                tokio::time::timeout(WRITE_TURN_WITHIN, turns.lock_owned())
                    .await
                    .map_err(|_| AppError::unavailable("the database is busy; retry shortly"))?,
            ),
            None => None,
        };
        blocking(move || {
            let mut conn = pool.get().map_err(|e| no_connection(&pool, e))?;
            let result = f(&mut conn);
            match &result {
                Err(e) if e.is_database_unavailable() => conn.mark_lost(),
                Err(e) if e.storage_failure().is_some() => conn.health().storage_failed(&e.detail),
                Ok(_) if writes => conn.health().wrote(),
                _ => {}
            }
            result
        })
        .await
    }

    /// Plain reads, each seeing the latest committed state.
    pub async fn read<T, F>(&self, cx: &Context, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        let cx = cx.clone();
        self.with_conn(false, move |conn| {
            let mut tx = Tx {
                conn,
                cx: &cx,
                changes: Vec::new(),
                acting: None,
                notes: Vec::new(),
            };
            f(&mut tx)
        })
        .await
    }

    /// Reads that must agree with each other (reports, balances), in one snapshot.
    pub async fn snapshot<T, F>(&self, cx: &Context, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        let cx = cx.clone();
        self.with_conn(false, move |conn| {
            db::snapshot(conn, |conn| {
                let mut tx = Tx {
                    conn,
                    cx: &cx,
                    changes: Vec::new(),
                    acting: None,
                    notes: Vec::new(),
                };
                f(&mut tx)
            })
        })
        .await
    }

    /// One write transaction: `f` and the record of its changes commit together, or nothing
    /// does.
    pub async fn write<T, F>(&self, cx: &Context, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError> + Send + 'static,
    {
        let cx = cx.clone();
        self.with_conn(true, move |conn| write_in(conn, &cx, f))
            .await
    }

    /// A write whose answer a retry with the same `Idempotency-Key` replays; without a key,
    /// a plain [`App::write`].
    pub async fn write_once<F>(&self, cx: &Context, f: F) -> Result<Outcome, AppError>
    where
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<Outcome, AppError> + Send + 'static,
    {
        let Some(key) = cx.idempotency.clone() else {
            return self.write(cx, f).await;
        };
        let caller = cx.caller()?;
        let (org, principal) = (caller.org, caller.principal_id());
        self.write(cx, move |tx| {
            if let Some(replay) = idempotency_claim(tx, org, principal, &key)? {
                return Ok(replay);
            }
            let outcome = f(tx)?;
            db::idempotency::store_response(
                tx,
                org,
                principal,
                &key.key,
                outcome.status.code(),
                outcome.stored_body.as_deref().unwrap_or(&outcome.body),
                outcome.location.as_deref(),
            )?;
            Ok(outcome)
        })
        .await
    }
}

/// Runs `f` in a write transaction on `conn`, recording its changes before the commit.
fn write_in<T>(
    conn: &mut DbConn,
    cx: &Context,
    f: impl for<'t> FnOnce(&mut Tx<'t>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    db::write_transaction(conn, |conn| {
        let mut tx = Tx {
            conn,
            cx,
            changes: Vec::new(),
            acting: None,
            notes: Vec::new(),
        };
        let value = f(&mut tx)?;
        let Tx {
            conn,
            changes,
            acting,
            notes,
            ..
        } = tx;
        record_changes(conn, cx, acting, changes, notes)?;
        Ok(value)
    })
}

/// Claims `key` for this request, or finds the answer of the request that claimed it first.
fn idempotency_claim(
    tx: &mut Tx,
    org: OrganizationId,
    principal: Uuid,
    key: &IdempotencyKey,
) -> Result<Option<Outcome>, AppError> {
    let Some(stored) =
        db::idempotency::claim(tx, org, principal, &key.key, &key.request_hash, db::now())?
    else {
        return Ok(None);
    };
    if stored.request_hash != key.request_hash {
        return Err(AppError::unprocessable(
            "idempotency_key_reused",
            "this Idempotency-Key was used for a different request (method, path or body); use a new key",
        )
        .with_fields(vec![FieldError::new(
            "header:Idempotency-Key",
            "idempotency_key_reused",
            "already used for a different request",
        )]));
    }
    let Some(code) = stored.status_code else {
        return Err(AppError::conflict(
            "idempotency_in_progress",
            "a request with this Idempotency-Key is still being processed; retry shortly",
        )
        .retry_after(1));
    };
    let status = Status::from_code(code)
        .ok_or_else(|| AppError::internal("stored idempotent status is invalid"))?;
    Ok(Some(Outcome {
        status,
        body: stored.response_body.unwrap_or_default(),
        location: stored.location,
        stored_body: None,
        replayed: true,
    }))
}

/// How a write ended, as far as the client is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done; the body is the resource.
    Ok,
    /// A new resource; `location` names it.
    Created,
    /// Taken on, to be done in the background; `location` names where to follow it.
    Accepted,
    /// Done; nothing to show.
    NoContent,
}

impl Status {
    /// The number idempotency records keep (HTTP's, the language of the stored answers).
    fn code(self) -> i32 {
        match self {
            Status::Ok => 200,
            Status::Created => 201,
            Status::Accepted => 202,
            Status::NoContent => 204,
        }
    }

    fn from_code(code: i32) -> Option<Status> {
        match code {
            200 => Some(Status::Ok),
            201 => Some(Status::Created),
            202 => Some(Status::Accepted),
            204 => Some(Status::NoContent),
            _ => None,
        }
    }
}

/// The finished answer of a write, in the form that is stored for replay.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    /// The resource as JSON (empty for `NoContent`).
    pub body: String,
    pub location: Option<String>,
    /// Whether this is the stored answer of an earlier request with the same key.
    pub replayed: bool,
    /// What is stored for a replay when the answer holds a secret shown only once.
    stored_body: Option<String>,
}

impl Outcome {
    /// A new resource at `{API_ROOT}/{collection}/{id}`.
    pub fn created(
        collection: &str,
        id: impl std::fmt::Display,
        view: &impl Serialize,
    ) -> Result<Outcome, AppError> {
        Ok(Outcome {
            status: Status::Created,
            body: to_json(view)?,
            location: Some(format!("{API_ROOT}/{collection}/{id}")),
            replayed: false,
            stored_body: None,
        })
    }

    /// New resources with no one place to find them (a bulk posting).
    pub fn created_many(view: &impl Serialize) -> Result<Outcome, AppError> {
        Ok(Outcome {
            status: Status::Created,
            location: None,
            ..Outcome::ok(view)?
        })
    }

    /// Work taken on for the background, followed at `{API_ROOT}/{collection}/{id}`.
    pub fn accepted(
        collection: &str,
        id: impl std::fmt::Display,
        view: &impl Serialize,
    ) -> Result<Outcome, AppError> {
        Ok(Outcome {
            status: Status::Accepted,
            ..Outcome::created(collection, id, view)?
        })
    }

    pub fn ok(view: &impl Serialize) -> Result<Outcome, AppError> {
        Ok(Outcome {
            status: Status::Ok,
            body: to_json(view)?,
            location: None,
            replayed: false,
            stored_body: None,
        })
    }

    /// Transitional, for handlers that still build their answers themselves.
    pub fn from_parts(
        status: Status,
        body: String,
        location: Option<String>,
        stored_body: Option<String>,
    ) -> Outcome {
        Outcome {
            status,
            body,
            location,
            replayed: false,
            stored_body,
        }
    }

    pub fn no_content() -> Outcome {
        Outcome {
            status: Status::NoContent,
            body: String::new(),
            location: None,
            replayed: false,
            stored_body: None,
        }
    }

    /// The answer carries a secret: a replay gets `redacted` instead, so the secret is never
    /// stored.
    pub fn with_redacted_replay(mut self, redacted: &impl Serialize) -> Result<Outcome, AppError> {
        self.stored_body = Some(to_json(redacted)?);
        Ok(self)
    }
}

fn to_json(view: &impl Serialize) -> Result<String, AppError> {
    serde_json::to_string(view)
        .map_err(|e| AppError::internal(format!("serializing an answer: {e}")))
}
