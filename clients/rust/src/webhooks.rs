//! Verifying Accord's webhook deliveries. Accord signs each delivery per the Standard Webhooks
//! specification, so the published `standardwebhooks` crate verifies it unchanged;
//! [`verify_webhook`] calls it and reads the event out of the payload.
//!
//! ```no_run
//! # fn demo(secret: &str, body: &[u8], headers: &http::HeaderMap) {
//! match accord_client::verify_webhook(&[secret], body, headers) {
//!     Ok(event) => println!("{} {}", event.type_, event.resource.id),
//!     Err(e) => eprintln!("refused: {e}"),
//! }
//! # }
//! ```

use std::fmt;

use crate::generated::types;

/// Why a delivery did not verify.
#[derive(Debug)]
pub enum WebhookError {
    /// No secret signed it, a header is missing, or its timestamp is more than five minutes
    /// away from now (as the `standardwebhooks` crate decides).
    Signature(standardwebhooks::WebhookError),
    /// Signed, but not the `{type, timestamp, data}` payload Accord sends.
    Payload(serde_json::Error),
    /// No secret was given.
    NoSecret,
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::Signature(e) => write!(f, "webhook signature: {e}"),
            WebhookError::Payload(e) => write!(f, "webhook payload: {e}"),
            WebhookError::NoSecret => f.write_str("verify_webhook needs at least one secret"),
        }
    }
}

impl std::error::Error for WebhookError {}

#[derive(serde::Deserialize)]
struct Payload {
    #[serde(rename = "type")]
    event_type: String,
    data: serde_json::Map<String, serde_json::Value>,
}

/// Verifies one delivery with the `standardwebhooks` crate and returns its event (as
/// `GET /events` shows it). `body` is the raw body as received; during a secret rotation pass
/// both secrets (`whsec_...`): the delivery verifies when either signed it.
pub fn verify_webhook(
    secrets: &[&str],
    body: &[u8],
    headers: &http::HeaderMap,
) -> Result<types::EventView, WebhookError> {
    let mut refusal = None;
    for secret in secrets {
        let verified =
            standardwebhooks::Webhook::new(secret).and_then(|hook| hook.verify(body, headers));
        match verified {
            Ok(()) => return event_of(body),
            Err(e) => refusal = Some(e),
        }
    }
    Err(refusal.map_or(WebhookError::NoSecret, WebhookError::Signature))
}

fn event_of(body: &[u8]) -> Result<types::EventView, WebhookError> {
    let Payload {
        event_type,
        mut data,
    } = serde_json::from_slice(body).map_err(WebhookError::Payload)?;
    data.insert("type".to_owned(), serde_json::Value::String(event_type));
    serde_json::from_value(serde_json::Value::Object(data)).map_err(WebhookError::Payload)
}
