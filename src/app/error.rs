//! The one error of the use cases, and the one place that collects a request's rule breaks.
//!
//! An [`AppError`] says what went wrong in the terms of the application: a [`ErrorKind`], a
//! stable `code` clients branch on, a `detail` for people, and every offending field. It
//! knows nothing of HTTP; `http::error` is the only place that turns a kind into a status,
//! headers and a problem document. Anything a client cannot cause is `Internal`: its message
//! is only logged, never sent.
//!
//! Database failures are translated where the query runs ([`Found`] and [`Unique`] name the
//! resource and the field a failure concerns); the generic `From<diesel::result::Error>` is
//! the fallback for what no caller expects.

use std::fmt;

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::domain::crm::TextEnum;
use crate::domain::money::{Currency, Money, MoneyError};

/// The problem document every error answers with (RFC 9457 problem+json).
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

/// What kind of failure: the edge picks the status from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No or bad credentials.
    Unauthenticated,
    /// The caller is known but may not do this.
    Forbidden,
    /// No such resource (in the caller's organization).
    NotFound,
    /// The request is well-formed but breaks a rule.
    Invalid,
    /// The request clashes with the resource's current state.
    Conflict,
    /// The caller's precondition (a version it read) no longer holds.
    StaleVersion,
    /// What the request points at existed once and is gone for good (an expired cursor).
    Gone,
    /// The caller tries too often; retry after `retry_after` seconds.
    TooManyRequests,
    /// Transient: retry after `retry_after` seconds.
    Unavailable,
    /// The database's disk is full: nothing more can be written until an operator frees space.
    InsufficientStorage,
    /// A fault of the server; details are logged, not sent.
    Internal,
}

impl ErrorKind {
    /// The HTTP status a failure of this kind answers with: the one mapping, used by the edge
    /// and by answers that carry a problem per item (bulk and batch writes).
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Invalid => 422,
            ErrorKind::Conflict => 409,
            ErrorKind::StaleVersion => 412,
            ErrorKind::Gone => 410,
            ErrorKind::TooManyRequests => 429,
            ErrorKind::Unavailable => 503,
            ErrorKind::InsufficientStorage => 507,
            ErrorKind::Internal => 500,
        }
    }

    fn title(self) -> &'static str {
        match self {
            ErrorKind::Unauthenticated => "Unauthorized",
            ErrorKind::Forbidden => "Forbidden",
            ErrorKind::NotFound => "Not Found",
            ErrorKind::Invalid => "Unprocessable Entity",
            ErrorKind::Conflict => "Conflict",
            ErrorKind::StaleVersion => "Precondition Failed",
            ErrorKind::Gone => "Gone",
            ErrorKind::TooManyRequests => "Too Many Requests",
            ErrorKind::Unavailable => "Service Unavailable",
            ErrorKind::InsufficientStorage => "Insufficient Storage",
            ErrorKind::Internal => "Internal Server Error",
        }
    }
}

/// One offending field of a request.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema, PartialEq)]
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

#[derive(Debug, Clone)]
pub struct AppError {
    pub kind: ErrorKind,
    pub code: &'static str,
    pub detail: String,
    pub fields: Vec<FieldError>,
    /// Seconds after which a retry may succeed (`Unavailable`, an idempotent request still
    /// in progress).
    pub retry_after: Option<u32>,
    /// Logged, never sent.
    pub internal: Option<String>,
}

impl AppError {
    pub fn new(kind: ErrorKind, code: &'static str, detail: impl Into<String>) -> Self {
        AppError {
            kind,
            code,
            detail: detail.into(),
            fields: Vec::new(),
            retry_after: None,
            internal: None,
        }
    }

    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.fields = fields;
        self
    }

    /// The problem document of this failure, as one item of a bulk or batch answer.
    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("https://accord.dev/problems/{}", self.code),
            title: self.kind.title().to_owned(),
            status: self.kind.status(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.fields.clone(),
            instance: None,
        }
    }

    /// This failure's field errors under `prefix` (`entries[3]`): each field becomes
    /// `entries[3].lines[0].debit`; a failure about no field becomes one error on `prefix`
    /// with the failure's own code.
    pub fn fields_under(&self, prefix: &str) -> Vec<FieldError> {
        if self.fields.is_empty() {
            return vec![FieldError::new(prefix, self.code, self.detail.clone())];
        }
        self.fields
            .iter()
            .map(|f| FieldError {
                field: format!("{prefix}.{}", f.field),
                code: f.code.clone(),
                message: f.message.clone(),
            })
            .collect()
    }

    /// Whether the client caused it (a retry of the same request fails the same way).
    pub fn is_client_error(&self) -> bool {
        !matches!(
            self.kind,
            ErrorKind::Unavailable | ErrorKind::InsufficientStorage | ErrorKind::Internal
        )
    }

    pub fn retry_after(mut self, seconds: u32) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// `validation_failed`, with each offending field and its own rule code.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        let detail = match fields.as_slice() {
            [one] => format!("{}: {}", one.field, one.message),
            many => format!("{} fields break a rule; see errors", many.len()),
        };
        Self::new(ErrorKind::Invalid, "validation_failed", detail).with_fields(fields)
    }

    /// A rule with its own code, about one field.
    pub fn field(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(ErrorKind::Invalid, code, format!("{field}: {message}"))
            .with_fields(vec![FieldError::new(field, code, message)])
    }

    /// A clash with the resource's state, about one field.
    pub fn conflict_on(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(ErrorKind::Conflict, code, format!("{field}: {message}"))
            .with_fields(vec![FieldError::new(field, code, message)])
    }

    /// A rule with its own code, about the request as a whole.
    pub fn unprocessable(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, code, detail)
    }

    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unauthenticated, code, detail)
    }

    pub fn forbidden(permission: &str) -> Self {
        Self::new(
            ErrorKind::Forbidden,
            "forbidden",
            format!(
                "this action needs the permission `{permission}`, which your role does not have"
            ),
        )
        .with_fields(vec![FieldError::new(
            "permission",
            "missing_permission",
            permission,
        )])
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorKind::NotFound, "not_found", format!("no such {what}"))
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, code, detail)
    }

    pub fn gone(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Gone, code, detail)
    }

    pub fn version_mismatch() -> Self {
        Self::new(
            ErrorKind::StaleVersion,
            "version_mismatch",
            "the resource changed since you read it (If-Match does not match its ETag); read it again and retry",
        )
    }

    /// Refused for now because of how often the caller tried; say when to retry.
    pub fn too_many_requests(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::TooManyRequests, code, detail)
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unavailable, "temporarily_unavailable", detail).retry_after(1)
    }

    /// The database cannot be reached (PostgreSQL restarting or down, the connection cut).
    /// Nothing the request wrote was confirmed; a retry with the same `Idempotency-Key` is safe.
    pub fn database_unavailable(cause: impl Into<String>) -> Self {
        let mut e = Self::new(
            ErrorKind::Unavailable,
            DATABASE_UNAVAILABLE,
            "the database cannot be reached right now; retry in a few seconds. A write that got \
             this answer was not confirmed: retry it with the same Idempotency-Key, which applies \
             it at most once",
        )
        .retry_after(2);
        e.internal = Some(cause.into());
        e
    }

    /// Whether this is [`AppError::database_unavailable`]: the connection it ran on is lost.
    pub fn is_database_unavailable(&self) -> bool {
        self.code == DATABASE_UNAVAILABLE
    }

    /// The database's storage refused a write: a full disk (507), or a file or directory that
    /// cannot be written or read (503). Nothing was written.
    pub fn storage(failure: StorageFailure, cause: impl Into<String>) -> Self {
        let (kind, detail) = match failure {
            StorageFailure::Full => (
                ErrorKind::InsufficientStorage,
                "the database's disk is full, so nothing can be written until space is freed; \
                 nothing of this request was written",
            ),
            StorageFailure::ReadOnly => (
                ErrorKind::Unavailable,
                "the database cannot be written (its file or directory is read-only); nothing \
                 of this request was written",
            ),
            StorageFailure::Io => (
                ErrorKind::Unavailable,
                "the database's storage failed to read or write; nothing of this request was \
                 written",
            ),
        };
        let mut e = Self::new(kind, failure.code(), detail).retry_after(30);
        e.internal = Some(cause.into());
        e
    }

    /// The storage failure this error reports, if it is one.
    pub fn storage_failure(&self) -> Option<StorageFailure> {
        [
            StorageFailure::Full,
            StorageFailure::ReadOnly,
            StorageFailure::Io,
        ]
        .into_iter()
        .find(|f| f.code() == self.code)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        let mut e = Self::new(
            ErrorKind::Internal,
            "internal_error",
            "the server failed to answer this request; it has been logged",
        );
        e.internal = Some(message.into());
        e
    }
}

const DATABASE_UNAVAILABLE: &str = "database_unavailable";

/// Why the database's storage refused a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFailure {
    /// No space left on the device.
    Full,
    /// The file, its directory or the file system is read-only.
    ReadOnly,
    /// Any other input/output error of the storage.
    Io,
}

impl StorageFailure {
    pub fn code(self) -> &'static str {
        match self {
            StorageFailure::Full => "insufficient_storage",
            StorageFailure::ReadOnly => "database_read_only",
            StorageFailure::Io => "storage_error",
        }
    }

    /// Recognises SQLite's messages for `SQLITE_FULL`, `SQLITE_READONLY` and `SQLITE_IOERR`
    /// (and `SQLITE_CANTOPEN` for a `-wal` file that cannot be made).
    fn of_message(message: &str) -> Option<StorageFailure> {
        if message.contains("database or disk is full") {
            Some(StorageFailure::Full)
        } else if message.contains("readonly database") || message.contains("read-only") {
            Some(StorageFailure::ReadOnly)
        } else if message.contains("disk I/O error") || message.contains("unable to open database")
        {
            Some(StorageFailure::Io)
        } else {
            None
        }
    }
}

/// PostgreSQL going away, in the words libpq and the server use for it (diesel reports most of
/// them as `ClosedConnection`; these are what reaches us as `Unknown`).
fn is_connection_lost(message: &str) -> bool {
    const SIGNS: [&str; 9] = [
        "terminating connection",
        "server closed the connection",
        "no connection to the server",
        "connection to server",
        "could not connect to server",
        "could not receive data from server",
        "could not send data to server",
        "the database system is",
        "Connection refused",
    ];
    SIGNS.iter().any(|sign| message.contains(sign))
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {}: {}", self.kind, self.code, self.detail)
    }
}

impl std::error::Error for AppError {}

impl From<DieselError> for AppError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::NotFound => AppError::not_found("resource"),
            DieselError::DatabaseError(kind, info) => {
                let message = info.message();
                match kind {
                    DatabaseErrorKind::UniqueViolation => AppError::conflict(
                        "already_exists",
                        "a resource with these unique values already exists",
                    ),
                    DatabaseErrorKind::ForeignKeyViolation => AppError::unprocessable(
                        "invalid_reference",
                        "the request refers to something that does not exist in your organization",
                    ),
                    DatabaseErrorKind::CheckViolation | DatabaseErrorKind::NotNullViolation => {
                        AppError::unprocessable(
                            "constraint_violation",
                            format!("a value breaks a rule of the schema: {message}"),
                        )
                    }
                    DatabaseErrorKind::ClosedConnection
                    | DatabaseErrorKind::UnableToSendCommand => {
                        AppError::database_unavailable(format!("database error: {e}"))
                    }
                    _ if is_connection_lost(message) => {
                        AppError::database_unavailable(format!("database error: {e}"))
                    }
                    _ if StorageFailure::of_message(message).is_some() => AppError::storage(
                        StorageFailure::of_message(message).unwrap_or(StorageFailure::Io),
                        format!("database error: {e}"),
                    ),
                    DatabaseErrorKind::SerializationFailure => {
                        AppError::unavailable("a concurrent change conflicted with this one; retry")
                    }
                    _ if is_busy(message) => {
                        AppError::unavailable("the database is busy; retry shortly")
                    }
                    _ => AppError::internal(format!("database error: {e}")),
                }
            }
            DieselError::BrokenTransactionManager => {
                AppError::database_unavailable(format!("database error: {e}"))
            }
            _ => AppError::internal(format!("database error: {e}")),
        }
    }
}

/// SQLite's lock contention and PostgreSQL's lock timeout: transient, so retry.
fn is_busy(message: &str) -> bool {
    message.contains("database is locked")
        || message.contains("database is busy")
        || message.contains("lock timeout")
        || message.contains("statement timeout")
}

/// No connection within the pool's timeout: the database is unreachable (the pool's last
/// attempt to connect failed), or every connection is busy.
impl From<r2d2::Error> for AppError {
    fn from(e: r2d2::Error) -> Self {
        let message = e.to_string();
        tracing::warn!(error = %message, "no database connection available");
        if is_connection_lost(&message) {
            return AppError::database_unavailable(message);
        }
        if let Some(failure) = StorageFailure::of_message(&message) {
            return AppError::storage(failure, message);
        }
        AppError::unavailable("no database connection is free right now; retry shortly")
    }
}

impl From<MoneyError> for AppError {
    fn from(e: MoneyError) -> Self {
        AppError::unprocessable(e.code(), e.to_string())
    }
}

/// A query for one row: a missing row is a 404 naming what was looked for.
pub trait Found<T> {
    fn found(self, what: &str) -> Result<T, AppError>;
}

impl<T> Found<T> for Result<T, DieselError> {
    fn found(self, what: &str) -> Result<T, AppError> {
        self.map_err(|e| match e {
            DieselError::NotFound => AppError::not_found(what),
            other => other.into(),
        })
    }
}

/// A write that a unique constraint guards: a racing duplicate on `column` answers what the
/// sequential check answers (`taken`), so the client sees one code whether it raced or not.
pub trait Unique<T> {
    fn unique(self, column: &str, taken: impl FnOnce() -> AppError) -> Result<T, AppError>;
}

impl<T> Unique<T> for Result<T, DieselError> {
    fn unique(self, column: &str, taken: impl FnOnce() -> AppError) -> Result<T, AppError> {
        self.map_err(|e| on_unique(e, column, taken))
    }
}

/// `e` as the caller answers it: `taken()` for a unique violation on `column`.
pub fn on_unique(e: DieselError, column: &str, taken: impl FnOnce() -> AppError) -> AppError {
    if violates_unique_on(&e, column) {
        taken()
    } else {
        e.into()
    }
}

/// Whether `e` is a unique violation of a constraint over `column`. PostgreSQL names the
/// constraint (`teams_organization_id_name_key`); SQLite names the columns in its message
/// (`UNIQUE constraint failed: teams.organization_id, teams.name`).
fn violates_unique_on(e: &DieselError, column: &str) -> bool {
    match e {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
            let named = info.constraint_name().unwrap_or_default();
            named.contains(column) || info.message().contains(&format!(".{column}"))
        }
        _ => false,
    }
}

/// Collects every rule a request breaks, then answers them all at once. Request types with
/// `validator` derives feed it through [`Check::validate`]; everything else calls its rules.
#[derive(Debug, Default)]
pub struct Check {
    pub errors: Vec<FieldError>,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    pub fn add(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// A list of `len` items where at most `max` are allowed: `too_many_items`.
    pub fn max_items(&mut self, field: &str, len: usize, max: usize) {
        if len > max {
            self.push(
                field,
                "too_many_items",
                format!("at most {max} items, not {len}"),
            );
        }
    }

    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Everything `value`'s derive rules find wrong.
    pub fn validate(&mut self, value: &impl Validate) {
        if let Err(errors) = value.validate() {
            flatten(&errors, "", &mut self.errors);
        }
    }

    /// A field that must be present.
    pub fn present<T>(&mut self, field: &str, value: &Option<T>) {
        if value.is_none() {
            self.push(field, "required", "is required");
        }
    }

    pub fn enum_value<E: TextEnum>(&mut self, field: &str, value: Option<&str>) -> Option<E> {
        let v = value?;
        let parsed = E::parse(v);
        if parsed.is_none() {
            self.push(
                field,
                "invalid_enum",
                format!("must be one of: {}", E::expected()),
            );
        }
        parsed
    }

    /// Trimmed text of at most `max` characters; empty means absent.
    pub fn text(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let v = value?.trim();
        if v.chars().count() > max {
            self.push(
                field,
                "length",
                format!("must be at most {max} characters long"),
            );
        }
        (!v.is_empty()).then(|| v.to_owned())
    }

    /// Text that must not be empty.
    pub fn required(&mut self, field: &str, value: Option<&str>, max: usize) -> String {
        match self.text(field, value, max) {
            Some(v) => v,
            None => {
                self.push(field, "required", "must not be empty");
                String::new()
            }
        }
    }

    /// When present: not blank and at most `max` characters (`length`).
    pub fn not_blank(&mut self, field: &str, value: Option<&str>, max: usize) {
        if value.is_some_and(|v| v.trim().is_empty()) {
            self.push(field, "length", format!("1 to {max} characters"));
        }
        self.max_chars(field, value, max);
    }

    /// When present: at most `max` characters (`length`).
    pub fn max_chars(&mut self, field: &str, value: Option<&str>, max: usize) {
        if value.is_some_and(|v| v.chars().count() > max) {
            self.push(field, "length", format!("at most {max} characters"));
        }
    }

    pub fn email(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let v = self.text(field, value, 254)?;
        let ok = v.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
        });
        if !ok {
            self.push(field, "email", "must be an email address");
        }
        Some(v.to_lowercase())
    }

    /// A website ([`crate::domain::crm::WEBSITE_PATTERN`], at most 2,000 characters as sent);
    /// blank is none.
    pub fn url(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let raw = value?;
        self.max_chars(field, Some(raw), 2000);
        if !crate::domain::crm::is_website(raw) {
            self.push(
                field,
                "url",
                "must be a web address such as https://example.com",
            );
        }
        let v = raw.trim_matches([' ', '\t']);
        (!v.is_empty()).then(|| v.to_owned())
    }

    pub fn range(&mut self, field: &str, value: Option<i64>, min: i64, max: i64) {
        if let Some(v) = value {
            if !(min..=max).contains(&v) {
                self.push(field, "range", format!("must be between {min} and {max}"));
            }
        }
    }

    pub fn currency(&mut self, field: &str, code: &str) -> Option<Currency> {
        match Currency::parse(code) {
            Ok(c) => Some(c),
            Err(e) => {
                self.push(field, e.code(), e.to_string());
                None
            }
        }
    }

    /// A money string in `currency`, as minor units.
    pub fn money_minor(
        &mut self,
        field: &str,
        amount: &str,
        currency: Option<Currency>,
    ) -> Option<i64> {
        let currency = currency?;
        match Money::parse(amount, currency).and_then(|m| m.to_minor()) {
            Ok(v) if v >= 0 => Some(v),
            Ok(_) => {
                self.push(field, "negative_amount", "must not be negative");
                None
            }
            Err(e) => {
                self.push(field, e.code(), e.to_string());
                None
            }
        }
    }

    /// Ok when nothing was found; otherwise `validation_failed` listing all of it.
    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(self.errors))
        }
    }
}

impl From<Vec<FieldError>> for Check {
    fn from(errors: Vec<FieldError>) -> Self {
        Check { errors }
    }
}

fn flatten(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    for (field, kind) in fields {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| default_message(e));
                    out.push(FieldError::new(path.clone(), e.code.to_string(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

fn default_message(e: &validator::ValidationError) -> String {
    let param = |k: &str| e.params.get(k).map(|v| v.to_string());
    match e.code.as_ref() {
        "email" => "must be an email address".into(),
        "url" => "must be a URL".into(),
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be {min} to {max} characters long"),
            (Some(min), None) => format!("must be at least {min} characters long"),
            (None, Some(max)) => format!("must be at most {max} characters long"),
            _ => "has the wrong length".into(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".into(),
        },
        other => format!("breaks the rule `{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_lists_every_broken_rule() {
        let mut check = Check::new();
        check.required("name", Some("  "), 10);
        check.range("score", Some(9), 1, 5);
        let e = check.finish().err().map(|e| e.fields.len());
        assert_eq!(e, Some(2));
    }

    #[test]
    fn a_clean_check_passes() {
        let mut check = Check::new();
        assert_eq!(
            check.text("name", Some(" Ada "), 10).as_deref(),
            Some("Ada")
        );
        assert!(check.finish().is_ok());
    }
}
