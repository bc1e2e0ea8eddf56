//! The one mapping from failures to RFC 9457 `application/problem+json`.
//!
//! Policy: every failure a client can cause is a 4xx with a stable `code` and, for rule
//! breaks, every offending field listed. Anything else is a 500 whose details are only
//! logged; its answer says nothing about the internals. Database failures are translated
//! here once (unique → 409, busy → 503 with Retry-After, ...), not in each handler.

use std::fmt;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::money::MoneyError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// One offending field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// Where in the request: a JSON path (`lines[0].debit`), a query parameter or a header.
    pub field: String,
    /// A stable, machine-readable rule name (`required`, `email`, `too_many_decimals`, ...).
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// The problem document every error answers with.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem; its last segment is `code`.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable code of the failure, e.g. `validation_failed`, `forbidden`, `version_mismatch`.
    pub code: String,
    /// Every offending field, when the failure is about the request's content.
    pub errors: Vec<FieldError>,
    /// The request this answers (`urn:request:<X-Request-Id>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
}

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
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
            internal: None,
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 422 for a well-formed request that breaks rules: `validation_failed`, with each
    /// offending field and its own rule code in `errors`.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.field, one.message),
            many => format!("{} fields break a rule; see errors", many.len()),
        };
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            detail,
        )
        .with_errors(errors)
    }

    /// 422 with its own code, about one field.
    pub fn field(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
            format!("{field}: {message}"),
        )
        .with_errors(vec![FieldError::new(field, code, message)])
    }

    pub fn unprocessable(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, detail)
    }

    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, detail)
            .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"accord\"")
    }

    pub fn forbidden(permission: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!(
                "this action needs the permission `{permission}`, which your role does not have"
            ),
        )
        .with_errors(vec![FieldError::new(
            "permission",
            "missing_permission",
            permission,
        )])
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what}"),
        )
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    pub fn version_mismatch() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "version_mismatch",
            "the resource changed since you read it (If-Match does not match its ETag); read it again and retry",
        )
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "temporarily_unavailable",
            detail,
        )
        .with_header(header::RETRY_AFTER, "1")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        let mut e = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "the server failed to answer this request; it has been logged",
        );
        e.internal = Some(message.into());
        e
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

impl From<DieselError> for ApiError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::NotFound => ApiError::not_found("resource"),
            DieselError::DatabaseError(kind, info) => {
                let message = info.message();
                match kind {
                    DatabaseErrorKind::UniqueViolation => {
                        unique_violation(info.constraint_name().unwrap_or(message))
                    }
                    DatabaseErrorKind::ForeignKeyViolation => ApiError::unprocessable(
                        "invalid_reference",
                        "the request refers to something that does not exist in your organization",
                    ),
                    DatabaseErrorKind::CheckViolation | DatabaseErrorKind::NotNullViolation => {
                        ApiError::unprocessable(
                            "constraint_violation",
                            format!("a value breaks a rule of the schema: {message}"),
                        )
                    }
                    DatabaseErrorKind::SerializationFailure => {
                        ApiError::unavailable("a concurrent change conflicted with this one; retry")
                    }
                    _ if is_busy(message) => {
                        ApiError::unavailable("the database is busy; retry shortly")
                    }
                    _ => ApiError::internal(format!("database error: {e}")),
                }
            }
            _ => ApiError::internal(format!("database error: {e}")),
        }
    }
}

/// Which unique constraint a racing duplicate hit, and the answer the sequential check gives
/// for it, so a duplicate gets the same code whether it raced or not. Needles match
/// PostgreSQL's constraint names (`teams_organization_id_name_key`) and SQLite's messages
/// (`UNIQUE constraint failed: teams.organization_id, teams.name`).
const UNIQUE_CONSTRAINTS: &[(&[&str], StatusCode, &str, &str, &str)] = &[
    (
        &["users", "email"],
        StatusCode::UNPROCESSABLE_ENTITY,
        "email_taken",
        "email",
        "a user with this email already exists",
    ),
    (
        &["teams", "name"],
        StatusCode::UNPROCESSABLE_ENTITY,
        "name_taken",
        "name",
        "another team has this name",
    ),
    (
        &["ledger_accounts", "code"],
        StatusCode::UNPROCESSABLE_ENTITY,
        "code_taken",
        "code",
        "another ledger account has this code",
    ),
    (
        &["tax_rates", "name"],
        StatusCode::UNPROCESSABLE_ENTITY,
        "name_taken",
        "name",
        "another tax rate has this name",
    ),
    (
        &["documents", "reference"],
        StatusCode::CONFLICT,
        "duplicate_reference",
        "reference",
        "this vendor already has a bill with this reference",
    ),
    (
        &["exchange_rates", "rate_date"],
        StatusCode::CONFLICT,
        "rate_exists",
        "date",
        "a rate for this currency and date is already recorded",
    ),
    (
        &["journal_entries", "reverses_entry_id"],
        StatusCode::CONFLICT,
        "entry_already_reversed",
        "id",
        "this entry has already been reversed",
    ),
];

fn unique_violation(constraint: &str) -> ApiError {
    for (needles, status, code, field, message) in UNIQUE_CONSTRAINTS {
        if needles.iter().all(|n| constraint.contains(n)) {
            return ApiError::new(*status, code, format!("{field}: {message}"))
                .with_errors(vec![FieldError::new(*field, *code, *message)]);
        }
    }
    ApiError::conflict(
        "already_exists",
        "a resource with these unique values already exists",
    )
}

/// SQLite's lock contention and PostgreSQL's lock timeout: transient, so 503 + Retry-After.
fn is_busy(message: &str) -> bool {
    message.contains("database is locked")
        || message.contains("database is busy")
        || message.contains("lock timeout")
        || message.contains("statement timeout")
}

impl From<r2d2::Error> for ApiError {
    fn from(e: r2d2::Error) -> Self {
        tracing::warn!(error = %e, "no database connection available");
        ApiError::unavailable("no database connection is free right now; retry shortly")
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        ApiError::unavailable("the server is shutting down or overloaded; retry shortly")
    }
}

impl From<MoneyError> for ApiError {
    fn from(e: MoneyError) -> Self {
        ApiError::unprocessable(e.code(), e.to_string())
    }
}
