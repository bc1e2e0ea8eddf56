//! Every authenticated POST goes through [`Idempotency::run`]: one transaction that claims the
//! `Idempotency-Key` (if sent), does the work and stores the answer, so a retry replays the
//! first answer and a racing duplicate waits for it. Failed requests roll back whole, key
//! included, so nothing of a 4xx or 5xx is kept and the client may retry with the same key.

use std::future::{ready, Ready};

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::app::error::AppError;
use crate::app::unit_of_work::{IdempotencyKey, Status};
use crate::app::Tx;
use crate::app::{App, Context, Outcome};
use crate::auth::Caller;
use crate::http::error::ApiError;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// A finished answer to a write, in the form that is stored for replay.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub body: String,
    pub location: Option<String>,
    /// What is stored for a replay when the answer holds a secret shown only once.
    pub stored_body: Option<String>,
}

impl Reply {
    pub fn created(location: String, body: &impl Serialize) -> Result<Reply, AppError> {
        Ok(Reply {
            status: StatusCode::CREATED,
            body: to_json(body)?,
            location: Some(location),
            stored_body: None,
        })
    }

    /// The answer carries a secret: a replay gets `redacted` instead, so the secret is
    /// never stored.
    pub fn with_redacted_replay(mut self, redacted: &impl Serialize) -> Result<Reply, AppError> {
        self.stored_body = Some(to_json(redacted)?);
        Ok(self)
    }

    pub fn ok(body: &impl Serialize) -> Result<Reply, AppError> {
        Ok(Reply {
            status: StatusCode::OK,
            body: to_json(body)?,
            location: None,
            stored_body: None,
        })
    }

    pub fn no_content() -> Reply {
        Reply {
            status: StatusCode::NO_CONTENT,
            body: String::new(),
            location: None,
            stored_body: None,
        }
    }

    pub fn into_response(self, replayed: bool) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        if let Some(loc) = &self.location {
            res.insert_header((header::LOCATION, loc.as_str()));
        }
        if replayed {
            res.insert_header(("Idempotent-Replayed", "true"));
        }
        if self.body.is_empty() {
            return res.finish();
        }
        if let Some(tag) = crate::http::etag::of_json(&self.body) {
            res.insert_header((header::ETAG, tag));
        }
        res.content_type("application/json").body(self.body)
    }
}

fn to_json(body: &impl Serialize) -> Result<String, AppError> {
    serde_json::to_string(body).map_err(|e| AppError::internal(format!("serializing a reply: {e}")))
}

/// The request's `Idempotency-Key` (if any) and what identifies the request it was sent with.
pub struct Idempotency {
    key: Option<String>,
    method: String,
    path: String,
}

impl FromRequest for Idempotency {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(Idempotency::from_http(req))
    }
}

impl Idempotency {
    fn from_http(req: &HttpRequest) -> Result<Self, ApiError> {
        let key = match req.headers().get(IDEMPOTENCY_KEY) {
            None => None,
            Some(v) => {
                let s = v.to_str().ok().map(str::trim).unwrap_or("");
                if s.is_empty() || s.len() > 255 || !s.chars().all(|c| c.is_ascii_graphic()) {
                    return Err(ApiError::field(
                        "invalid_idempotency_key",
                        "header:Idempotency-Key",
                        "must be 1 to 255 visible ASCII characters (a UUID is a good choice)",
                    ));
                }
                Some(s.to_owned())
            }
        };
        Ok(Idempotency {
            key,
            method: req.method().to_string(),
            path: req
                .uri()
                .path_and_query()
                .map(|p| p.to_string())
                .unwrap_or_default(),
        })
    }

    /// Runs `work` in one write transaction guarded by the key; `body` is the raw request
    /// body (after the size limit), part of what a reused key is compared against.
    pub async fn run<F>(
        self,
        state: &web::Data<App>,
        caller: &Caller,
        body: &[u8],
        work: F,
    ) -> Result<HttpResponse, ApiError>
    where
        F: for<'t> FnOnce(&mut Tx<'t>) -> Result<Reply, AppError> + Send + 'static,
    {
        let key = self
            .key
            .map(|k| IdempotencyKey::new(k, &self.method, &self.path, body));
        let cx = Context::new(Some(caller.clone()), String::new(), None).with_idempotency(key);
        let outcome = state
            .write_once(&cx, move |tx| {
                let r = work(tx)?;
                let status = match r.status.as_u16() {
                    201 => Status::Created,
                    204 => Status::NoContent,
                    _ => Status::Ok,
                };
                Ok(Outcome::from_parts(
                    status,
                    r.body,
                    r.location,
                    r.stored_body,
                ))
            })
            .await?;
        Ok(super::reply::outcome(outcome))
    }
}
