//! Sending deliveries. Each node runs [`dispatch_due`] in a loop: a short write transaction
//! leases due deliveries (`claimed_until`, committed, so no row lock is held while sending);
//! each is sent outside any transaction, to an address resolved once and checked against the
//! SSRF rules, with no proxy and no redirects; a second short transaction records the attempt
//! and schedules the next one. A node that dies mid-send leaves a lease that expires, and
//! another node sends the delivery again (at least once).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use futures_util::future::join_all;
use once_cell::sync::Lazy;
use uuid::Uuid;

use super::{resolve, view, AttemptView, Webhook, WebhookStatus};
use crate::app::error::AppError;
use crate::app::record;
use crate::app::unit_of_work::{Actor, Change, Tx};
use crate::app::{App, Context};
use crate::db::record::{Stored, Versioned};
use crate::db::webhooks::{AttemptOutcome, DeliveryRow, WebhookRow};
use crate::db::{self};
use crate::domain::webhooks::{forbidden_address, retry_delay, signature_header, WebhookUrl};

/// How long a lease lasts: longer than one attempt can take (10 s), with room to record it.
const LEASE: chrono::Duration = chrono::Duration::seconds(60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// An endpoint whose deliveries have all failed this long is disabled.
pub const DISABLE_AFTER: chrono::Duration = chrono::Duration::days(5);

/// This process, as leases name it.
static NODE: Lazy<String> = Lazy::new(|| format!("node-{}", Uuid::now_v7().simple()));

/// A leased delivery and what sending it needs.
struct Claimed {
    delivery: DeliveryRow,
    url: String,
    /// The current secret, then the previous one while it still signs.
    secrets: Vec<String>,
}

/// Sends up to `limit` due deliveries; how many were attempted.
pub async fn dispatch_due(app: &App, limit: i64) -> Result<usize, AppError> {
    let claimed = claim(app, limit).await?;
    let count = claimed.len();
    let allow_private = app.config.webhook_allow_private;
    let attempts = join_all(claimed.into_iter().map(|c| async move {
        let attempt = send(&c, allow_private).await;
        (c, attempt)
    }))
    .await;
    for (claimed, attempt) in attempts {
        if let Err(e) = record_attempt(app, claimed.delivery, attempt).await {
            tracing::warn!(error = %e, "recording a webhook attempt failed");
        }
    }
    Ok(count)
}

/// Leases up to `limit` due deliveries for this node, in one short committed transaction.
async fn claim(app: &App, limit: i64) -> Result<Vec<Claimed>, AppError> {
    // Looking is a plain read, so an idle node never takes the write lock.
    let due = app
        .read(&Context::system(), move |tx| {
            Ok(db::webhooks::due(tx, db::now(), limit)?)
        })
        .await?;
    if due.is_empty() {
        return Ok(Vec::new());
    }
    app.write(&Context::system(), move |tx| {
        let now = db::now();
        let mut claimed = Vec::new();
        for (org, id) in due {
            if !db::webhooks::lease(tx, org, id, now, now + LEASE, &NODE)? {
                continue;
            }
            let delivery = db::webhooks::find_delivery(tx, org, id)?;
            let hook = WebhookRow::find(tx, org, delivery.webhook_id)?;
            let mut secrets = vec![hook.secret];
            if let (Some(previous), Some(until)) =
                (hook.previous_secret, hook.previous_secret_expires_at)
            {
                if until > now {
                    secrets.push(previous);
                }
            }
            claimed.push(Claimed {
                delivery,
                url: hook.url,
                secrets,
            });
        }
        Ok(claimed)
    })
    .await
}

/// The body of one attempt: `{type, timestamp, data}`, `data` being the event without `type`.
fn body_of(payload: &str, at: chrono::DateTime<Utc>) -> Result<(String, String), String> {
    let mut event: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(payload).map_err(|e| format!("stored event is not JSON: {e}"))?;
    let kind = event.remove("type").unwrap_or_default();
    let id = event
        .get("id")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned();
    let body = serde_json::json!({
        "type": kind,
        "timestamp": at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "data": event,
    });
    Ok((id, body.to_string()))
}

/// The addresses to call for `url`: resolved once, each checked unless private targets are
/// allowed.
async fn target(url: &WebhookUrl, allow_private: bool) -> Result<Vec<SocketAddr>, String> {
    let addrs = resolve(url).await?;
    if !allow_private {
        if let Some((addr, why)) = addrs
            .iter()
            .find_map(|a| forbidden_address(a.ip()).map(|why| (a, why)))
        {
            return Err(format!(
                "refused: {} resolves to {} which {why}",
                url.host_text(),
                addr.ip()
            ));
        }
    }
    Ok(addrs)
}

/// One attempt: signed afresh, sent to the checked address, never following a redirect.
async fn send(c: &Claimed, allow_private: bool) -> AttemptView {
    let at = Utc::now();
    let started = Instant::now();
    let (response_status, error) = match try_send(c, at, allow_private).await {
        Ok(status) => (Some(status), None),
        Err(e) => (None, Some(e)),
    };
    AttemptView {
        at,
        response_status,
        latency_ms: started.elapsed().as_millis() as u64,
        error,
    }
}

async fn try_send(
    c: &Claimed,
    at: chrono::DateTime<Utc>,
    allow_private: bool,
) -> Result<u16, String> {
    let url = WebhookUrl::parse(&c.url, allow_private).map_err(|r| r.message().to_owned())?;
    let addrs = target(&url, allow_private).await?;
    let (msg_id, body) = body_of(&c.delivery.payload, at)?;
    let timestamp = at.timestamp();
    let secrets: Vec<&str> = c.secrets.iter().map(String::as_str).collect();
    let signature = signature_header(&secrets, &msg_id, timestamp, &body);
    let mut client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(ATTEMPT_TIMEOUT)
        .user_agent(concat!("Accord-Webhooks/", env!("CARGO_PKG_VERSION")));
    if let crate::domain::webhooks::TargetHost::Name(name) = url.host() {
        // The connection goes to the addresses checked above; no second lookup.
        client = client.resolve_to_addrs(name, &addrs);
    }
    let client = client.build().map_err(|e| format!("client: {e}"))?;
    let res = client
        .post(url.as_str())
        .header("content-type", "application/json")
        .header("webhook-id", &msg_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await
        .map_err(describe)?;
    Ok(res.status().as_u16())
}

fn describe(e: reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        "could not connect".to_owned()
    } else {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            text = format!("{text}: {s}");
            source = s.source();
        }
        text
    }
}

/// Records `attempt` on the delivery (if this node still holds its lease), schedules the next
/// one or ends it, keeps the webhook's failure clock, and disables a webhook whose deliveries
/// have all failed for [`DISABLE_AFTER`].
async fn record_attempt(
    app: &App,
    delivery: DeliveryRow,
    attempt: AttemptView,
) -> Result<(), AppError> {
    let schedule = app.config.webhook_retry_schedule.clone();
    app.write(&Context::system(), move |tx| {
        let now = db::now();
        let org = delivery.organization_id;
        let current = db::webhooks::find_delivery(tx, org, delivery.id)?;
        let succeeded = attempt
            .response_status
            .is_some_and(|s| (200..300).contains(&s));
        let mut attempts: Vec<AttemptView> =
            serde_json::from_str(&current.attempts).unwrap_or_default();
        attempts.push(attempt);
        let attempt_count = current.attempt_count + 1;
        let (status, next_attempt_at) = if succeeded {
            ("succeeded", None)
        } else {
            let jitter = rand::random::<f64>() * 2.0 - 1.0;
            match retry_delay(&schedule, attempt_count as usize, jitter) {
                Some(wait) => (
                    "pending",
                    Some(now + chrono::Duration::milliseconds(wait.as_millis() as i64)),
                ),
                None => ("failed", None),
            }
        };
        let attempts = serde_json::to_string(&attempts)
            .map_err(|e| AppError::internal(format!("serializing attempts: {e}")))?;
        let outcome = AttemptOutcome {
            status,
            attempts: &attempts,
            attempt_count,
            next_attempt_at,
            now,
        };
        if !db::webhooks::record_attempt(tx, org, delivery.id, &NODE, &outcome)? {
            // The webhook was deleted, or the lease ran out and another node took over.
            return Ok(());
        }
        db::webhooks::set_failing_since(tx, org, delivery.webhook_id, !succeeded, now)?;
        if !succeeded {
            disable_if_failing_too_long(tx, delivery.webhook_id, org, now)?;
        }
        Ok(())
    })
    .await
}

fn disable_if_failing_too_long(
    tx: &mut Tx,
    id: crate::domain::ids::WebhookId,
    org: crate::domain::ids::OrganizationId,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let current = WebhookRow::find(tx, org, id)?;
    let Some(since) = current.failing_since else {
        return Ok(());
    };
    if current.status != WebhookStatus::Active.as_str() || now - since < DISABLE_AFTER {
        return Ok(());
    }
    let mut row = current.clone();
    row.status = WebhookStatus::Disabled.as_str().to_owned();
    row.disabled_reason = Some(format!(
        "every delivery failed since {}; make it active again once the endpoint answers 2xx",
        since.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
    ));
    row.touch(now);
    if !row.save(tx, current.version)? {
        // Changed by someone meanwhile; the next failure looks again.
        return Ok(());
    }
    tx.act_as(org, Actor::System);
    tx.record(
        Change::updated(
            <Webhook as record::Record>::NAME,
            id.0,
            &view(current),
            &view(row),
        )
        .as_event("disabled"),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_body_is_the_event_without_its_type_under_data() {
        let payload = r#"{"id":"e1","type":"invoice.issued","object":{"n":1},"previous":{}}"#;
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let (id, body) = body_of(payload, at).unwrap();
        assert_eq!(id, "e1");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["type"], "invoice.issued");
        assert_eq!(v["timestamp"], "2026-12-01T10:00:00Z");
        assert_eq!(v["data"]["id"], "e1");
        assert!(v["data"].get("type").is_none());
    }
}
