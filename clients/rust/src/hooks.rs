//! What every generated request passes through (progenitor's pre-hook): the bearer
//! credential and, on POSTs outside `/auth/`, an `Idempotency-Key` when the caller set none.

use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};

use reqwest::header::{HeaderValue, InvalidHeaderValue, AUTHORIZATION};

/// A new random idempotency key.
pub fn new_idempotency_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[derive(Default)]
struct Credentials {
    token: Option<String>,
    refresh_token: Option<String>,
    no_idempotency_keys: bool,
}

/// The credentials shared by a client and its clones (the generated client's inner state).
#[derive(Clone, Default)]
pub struct Session(Arc<RwLock<Credentials>>);

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (token, refresh) = self.tokens();
        f.debug_struct("Session")
            .field("token", &token.map(|_| "<redacted>"))
            .field("refresh_token", &refresh.map(|_| "<redacted>"))
            .finish()
    }
}

impl Session {
    pub fn new(token: Option<String>, refresh_token: Option<String>) -> Self {
        Session(Arc::new(RwLock::new(Credentials {
            token,
            refresh_token,
            no_idempotency_keys: false,
        })))
    }

    pub fn tokens(&self) -> (Option<String>, Option<String>) {
        let c = self.0.read().unwrap_or_else(PoisonError::into_inner);
        (c.token.clone(), c.refresh_token.clone())
    }

    pub fn set_tokens(&self, token: Option<String>, refresh_token: Option<String>) {
        let mut c = self.0.write().unwrap_or_else(PoisonError::into_inner);
        c.token = token;
        c.refresh_token = refresh_token;
    }

    pub fn set_idempotency_keys(&self, on: bool) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .no_idempotency_keys = !on;
    }
}

/// progenitor's pre-hook, run on every generated request.
pub async fn before_send(
    session: &Session,
    request: &mut reqwest::Request,
) -> Result<(), InvalidHeaderValue> {
    let (token, keys) = {
        let c = session.0.read().unwrap_or_else(PoisonError::into_inner);
        (c.token.clone(), !c.no_idempotency_keys)
    };
    let is_auth = request.url().path().starts_with("/api/v1/auth/");
    let headers = request.headers_mut();
    if let Some(token) = token {
        if !headers.contains_key(AUTHORIZATION) {
            let mut value = HeaderValue::from_str(&format!("Bearer {token}"))?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
    }
    if keys && request.method() == reqwest::Method::POST && !is_auth {
        let headers = request.headers_mut();
        if !headers.contains_key("idempotency-key") {
            headers.insert(
                "idempotency-key",
                HeaderValue::from_str(&new_idempotency_key())?,
            );
        }
    }
    Ok(())
}
