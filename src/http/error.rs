//! The one mapping from failures to RFC 9457 `application/problem+json`.
//!
//! Policy: every failure a client can cause is a 4xx with a stable `code` and, for rule
//! breaks, every offending field listed. Anything else is a 500 whose details are only
//! logged; its answer says nothing about the internals. Use cases fail with
//! [`AppError`]; this module alone decides the status and headers of each kind. The few
//! failures that belong to HTTP itself (a body that is not JSON, an undeclared method, too
//! many requests) are built here too.

use std::fmt;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::app::error::{AppError, ErrorKind, FieldError};

pub const PROBLEM_JSON: &str = "application/problem+json";

pub use crate::app::error::Problem;

/// A failure as HTTP answers it: status, problem and headers.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Vec<FieldError>,
    headers: Vec<(HeaderName, String)>,
    /// Logged, never sent.
    internal: Option<String>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
            internal: None,
        }
    }

    fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// 400: the request cannot be read (not JSON, wrong content type, unreadable body).
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 413: the body is larger than the configured limit.
    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the request body is larger than the limit of {limit} bytes"),
        )
    }

    /// 405 with `Allow`: the path exists, the method does not.
    pub fn method_not_allowed(method: &Method, methods: &[&str]) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{method} is not allowed here; use {}", methods.join(", ")),
        )
        .with_header(header::ALLOW, methods.join(", "))
    }

    /// 404 for a path no route serves.
    pub fn route_not_found(method: &Method, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "route_not_found",
            format!("no route {method} {path}"),
        )
    }

    /// 429 with `Retry-After` and the `RateLimit-*` fields.
    pub fn rate_limited(limit: u32, retry_after_secs: u64) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("more than {limit} requests per second; retry after {retry_after_secs} s"),
        )
        .with_header(header::RETRY_AFTER, retry_after_secs.to_string())
        .with_header(
            HeaderName::from_static("ratelimit-limit"),
            limit.to_string(),
        )
        .with_header(HeaderName::from_static("ratelimit-remaining"), "0")
        .with_header(
            HeaderName::from_static("ratelimit-reset"),
            retry_after_secs.to_string(),
        )
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("https://accord.dev/problems/{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.errors.clone(),
            instance: None,
        }
    }
}

fn status_of(kind: ErrorKind) -> StatusCode {
    StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let mut out = ApiError::new(status_of(e.kind), e.code, e.detail);
        out.errors = e.fields;
        out.internal = e.internal;
        if e.kind == ErrorKind::Unauthenticated {
            out = out.with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"accord\"");
        }
        if let Some(seconds) = e.retry_after {
            out = out.with_header(header::RETRY_AFTER, seconds.to_string());
        }
        out
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(internal) = &self.internal {
            tracing::error!(error = %internal, "internal error");
        }
        let mut res = HttpResponse::build(self.status);
        res.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        for (name, value) in &self.headers {
            if let Ok(v) = HeaderValue::from_str(value) {
                res.insert_header((name.clone(), v));
            }
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        res.body(body)
    }
}

/// Errors the edge finds itself (a body or path it cannot read), built as the
/// [`AppError`] they are and mapped like any other.
impl ApiError {
    pub fn validation(errors: Vec<FieldError>) -> Self {
        AppError::validation(errors).into()
    }

    pub fn not_found(what: &str) -> Self {
        AppError::not_found(what).into()
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        AppError::unavailable("the server is shutting down or overloaded; retry shortly").into()
    }
}
