//! Who is asking, for the use cases: [`Cx`] for authenticated operations (the caller from
//! `Authorization: Bearer <access token | API key>`, the request id, the client address and
//! the `Idempotency-Key` of a POST), [`Anon`] for the few public ones. Authentication itself
//! is a use case (`app::identity::authenticate`); this reads the headers and keeps the
//! caller for the rest of the request.

use std::future::Future;
use std::net::IpAddr;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::http::Method;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::error::ApiError;
use super::RequestId;
use crate::app::error::AppError;
use crate::app::unit_of_work::IdempotencyKey;
use crate::app::{App, Context};
use crate::auth::Caller;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The context of an authenticated request.
pub struct Cx {
    cx: Context,
    /// A POST's `Idempotency-Key`, with the method and path it fingerprints.
    key: Option<(String, String, String)>,
}

impl Cx {
    /// The context of a write whose body is `body`: a retry with the same key and body
    /// replays the first answer.
    pub fn with_body(&self, body: &[u8]) -> Context {
        let key = self
            .key
            .as_ref()
            .map(|(key, method, path)| IdempotencyKey::new(key.clone(), method, path, body));
        self.cx.clone().with_idempotency(key)
    }

    pub fn caller(&self) -> Result<&Caller, AppError> {
        self.cx.caller()
    }
}

impl Deref for Cx {
    type Target = Context;
    fn deref(&self) -> &Context {
        &self.cx
    }
}

/// The context of a request nobody has to be logged in for (sign-up, log-in).
pub struct Anon(pub Context);

impl Deref for Anon {
    type Target = Context;
    fn deref(&self) -> &Context {
        &self.0
    }
}

fn origin(req: &HttpRequest, caller: Option<Caller>) -> Context {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    Context::new(caller, request_id, client_addr(req))
}

/// The client's address: the socket's peer, or, when the peer is a trusted proxy
/// (`ACCORD_TRUSTED_PROXIES`), the nearest address in `X-Forwarded-For` that is not itself a
/// trusted proxy. A client can write anything into the header; only our proxies are believed.
pub fn client_addr(req: &HttpRequest) -> Option<String> {
    let peer = req.peer_addr()?.ip();
    let trusted = req
        .app_data::<web::Data<App>>()
        .map(|app| app.config.trusted_proxies.clone())
        .unwrap_or_default();
    if !trusted.contains(peer) {
        return Some(peer.to_string());
    }
    let forwarded: Vec<IpAddr> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    let client = forwarded
        .into_iter()
        .rev()
        .find(|a| !trusted.contains(*a))
        .unwrap_or(peer);
    Some(client.to_string())
}

fn bearer(req: &HttpRequest) -> Result<String, AppError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .ok_or_else(|| {
            AppError::unauthorized(
                "unauthenticated",
                "send Authorization: Bearer <token or API key>",
            )
        })?;
    let value = header.to_str().map_err(|_| {
        AppError::unauthorized(
            "invalid_token",
            "the Authorization header is not readable text",
        )
    })?;
    let (scheme, token) = value.split_once(' ').ok_or_else(|| {
        AppError::unauthorized("invalid_token", "expected `Authorization: Bearer <token>`")
    })?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(AppError::unauthorized(
            "invalid_token",
            "expected `Authorization: Bearer <token>`",
        ));
    }
    Ok(token.trim().to_owned())
}

/// A POST's `Idempotency-Key`: 1 to 255 visible ASCII characters.
fn idempotency_key(req: &HttpRequest) -> Result<Option<(String, String, String)>, AppError> {
    if req.method() != Method::POST {
        return Ok(None);
    }
    let Some(v) = req.headers().get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let s = v.to_str().ok().map(str::trim).unwrap_or("");
    if s.is_empty() || s.len() > 255 || !s.chars().all(|c| c.is_ascii_graphic()) {
        return Err(AppError::field(
            "invalid_idempotency_key",
            "header:Idempotency-Key",
            "must be 1 to 255 visible ASCII characters (a UUID is a good choice)",
        ));
    }
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default();
    Ok(Some((s.to_owned(), req.method().to_string(), path)))
}

/// The authenticated caller, read once per request.
async fn caller_of(req: HttpRequest) -> Result<Caller, ApiError> {
    if let Some(caller) = req.extensions().get::<Caller>() {
        return Ok(caller.clone());
    }
    let app = req
        .app_data::<web::Data<App>>()
        .cloned()
        .ok_or_else(|| AppError::internal("application state missing"))?;
    let caller = crate::app::identity::authenticate(&app, bearer(&req)?).await?;
    req.extensions_mut().insert(caller.clone());
    Ok(caller)
}

impl FromRequest for Cx {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Cx, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let caller = caller_of(req.clone()).await?;
            let key = idempotency_key(&req)?;
            Ok(Cx {
                cx: origin(&req, Some(caller)),
                key,
            })
        })
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        Box::pin(caller_of(req.clone()))
    }
}

impl FromRequest for Anon {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Anon, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(Ok(Anon(origin(req, None))))
    }
}
