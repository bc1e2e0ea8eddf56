//! `ApiJson<T>`: the JSON body extractor every endpoint uses. Compared with `web::Json` it
//! keeps the raw bytes (for idempotency fingerprints), names the offending field of a type
//! error, tells syntax errors (400) from rule breaks (422), and answers oversize bodies 413.

use std::future::Future;
use std::pin::Pin;

use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::RouteTable;
use crate::app::error::{AppError, FieldError};

pub struct ApiJson<T> {
    pub value: T,
    pub raw: Bytes,
}

/// The largest body accepted, stored in app data (`ACCORD_BODY_LIMIT`).
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

const DRAIN_CAP: usize = 64 * 1024 * 1024;

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let limit = req
            .app_data::<BodyLimit>()
            .map(|l| l.0)
            .unwrap_or(crate::config::DEFAULT_BODY_LIMIT);
        let content_type_ok = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let mime = v
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                mime == "application/json" || mime.ends_with("+json")
            })
            .unwrap_or(false);
        let declared = declared_length(req);
        let mut payload = payload.take();
        Box::pin(async move {
            let body = read_limited(&mut payload, declared, limit).await?;
            if !content_type_ok {
                return Err(ApiError::bad_request(
                    "unsupported_content_type",
                    "send the body as JSON with `Content-Type: application/json`",
                ));
            }
            let raw = body;
            let value = parse(&raw)?;
            Ok(ApiJson { value, raw })
        })
    }
}

/// The request's `Content-Length`, if it sent one.
pub fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// Reads a body of at most `limit` bytes. An oversize body is still read (and dropped) up to
/// a cap, so the client gets its 413 instead of a reset connection while it is still sending.
pub async fn read_limited(
    payload: &mut actix_web::dev::Payload,
    declared: Option<usize>,
    limit: usize,
) -> Result<Bytes, ApiError> {
    use futures_util::StreamExt;
    let mut body = actix_web::web::BytesMut::new();
    let mut seen = 0usize;
    let mut oversize = declared.is_some_and(|n| n > limit);
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::bad_request(
                "unreadable_body",
                format!("the request body could not be read: {e}"),
            )
        })?;
        seen += chunk.len();
        if seen > limit {
            oversize = true;
        }
        if oversize {
            if seen > DRAIN_CAP {
                break;
            }
            continue;
        }
        body.extend_from_slice(&chunk);
    }
    if oversize {
        return Err(ApiError::payload_too_large(limit));
    }
    Ok(body.freeze())
}

/// Parses a JSON body: text that is not JSON is 400; JSON of the wrong shape is 422 naming
/// the field (parsing to a `Value` first keeps serde's "expected value" for a number where an
/// enum belongs from passing for a syntax error).
pub fn parse<T: DeserializeOwned>(raw: &[u8]) -> Result<T, ApiError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "malformed_json",
            "the request body is empty; send a JSON object",
        ));
    }
    let mut value: serde_json::Value = serde_json::from_slice(raw).map_err(|e| {
        ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {e}"))
    })?;
    integral_floats_as_integers(&mut value);
    if let Some(field) = nul_character_at(&value, "") {
        return Err(ApiError::validation(vec![FieldError::new(
            field,
            "invalid_character",
            "must not contain the NUL character (U+0000)",
        )]));
    }
    let result: Result<T, _> = serde_path_to_error::deserialize(value);
    result.map_err(|err| {
        let path = err.path().to_string();
        let message = strip_position(&err.into_inner().to_string());
        let (field, code) = describe(&path, &message);
        // Only on this error path: read the body again to quote what the client sent.
        let sent = serde_json::from_slice::<serde_json::Value>(raw).ok();
        let at = sent.as_ref().and_then(|v| v.pointer(&json_pointer(&field)));
        let (code, message) = super::messages::explain(code, &message, at);
        ApiError::validation(vec![FieldError::new(field, code, message)])
    })
}

/// `lines[1].unit_price` → `/lines/1/unit_price` (`body` is the whole document).
fn json_pointer(field: &str) -> String {
    if field == "body" {
        return String::new();
    }
    field
        .replace('[', ".")
        .replace(']', "")
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// JSON has one number type: `3.0` is the integer 3 (JSON Schema's `integer` accepts it), but
/// serde refuses it for an `i32`. Rewrite integral floats as integers before deserializing;
/// money is unaffected, since a JSON number is refused wherever a decimal string belongs.
fn integral_floats_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                // Exactly representable integers only (|f| < 2^53), so nothing is rounded.
                if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                    *value = serde_json::Value::from(f as i64);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_floats_as_integers),
        serde_json::Value::Object(map) => map.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

/// PostgreSQL text cannot hold U+0000 (SQLite can), so a NUL in any string would be a 500 on
/// one backend and stored on the other: refuse it at the edge, naming the first field.
fn nul_character_at(value: &serde_json::Value, path: &str) -> Option<String> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        serde_json::Value::String(s) if s.contains('\0') => Some(if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
        }),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_character_at(v, &format!("{path}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.contains('\0') {
                Some(join(k))
            } else {
                nul_character_at(v, &join(k))
            }
        }),
        _ => None,
    }
}

/// `ApiQuery<T>`: query parameters, with a 422 that names the offending parameter.
pub struct ApiQuery<T>(pub T);

impl<T> ApiQuery<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for ApiQuery<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for ApiQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let query = req.query_string().as_bytes();
        // Like bodies (see `nul_character_at`): PostgreSQL text cannot hold U+0000.
        if let Some((name, _)) =
            form_urlencoded::parse(query).find(|(k, v)| k.contains('\0') || v.contains('\0'))
        {
            return std::future::ready(Err(ApiError::validation(vec![FieldError::new(
                format!("query:{}", name.replace('\0', "")),
                "invalid_character",
                "must not contain the NUL character (U+0000)",
            )])));
        }
        if let Some(unknown) = undocumented_parameters(req, query) {
            return std::future::ready(Err(ApiError::validation(unknown)));
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query));
        let result: Result<T, _> = serde_path_to_error::deserialize(de);
        std::future::ready(result.map(ApiQuery).map_err(|err| {
            let path = err.path().to_string();
            let message = err.into_inner().to_string();
            if path == "sort" && message.starts_with("unknown variant") {
                return AppError::field("invalid_sort", "sort", message).into();
            }
            let field = if path.is_empty() || path == "." {
                "query".to_owned()
            } else {
                path
            };
            let code = if message.starts_with("unknown variant") {
                "invalid_enum"
            } else {
                "invalid_query"
            };
            // Worded like a body's errors: the rule, and what was sent, never serde's types.
            let sent = form_urlencoded::parse(query)
                .find(|(k, _)| *k == field)
                .map(|(_, v)| serde_json::Value::String(v.into_owned()));
            let (code, message) = super::messages::explain(code, &message, sent.as_ref());
            ApiError::validation(vec![FieldError::new(
                format!("query:{field}"),
                code,
                message,
            )])
        }))
    }
}

/// The query parameters the operation does not document, each named as a field error (like
/// an unknown body field). The documented set is the spec's own (see [`RouteTable`]), so what
/// an operation accepts and what its spec lists cannot drift apart. `None` when every
/// parameter is documented, or when the route is not in the table.
fn undocumented_parameters(req: &HttpRequest, query: &[u8]) -> Option<Vec<FieldError>> {
    let table = req.app_data::<actix_web::web::Data<RouteTable>>()?;
    let pattern = req.match_pattern()?;
    let documented = table.query_parameters(&pattern, req.method().as_str())?;
    let mut unknown: Vec<FieldError> = Vec::new();
    for (name, _) in form_urlencoded::parse(query) {
        if !documented.iter().any(|d| *d == name)
            && !unknown.iter().any(|u| u.field == name.as_ref())
        {
            let message = if documented.is_empty() {
                "this operation takes no query parameters".to_owned()
            } else {
                format!(
                    "is not a parameter of this operation; it takes {}",
                    documented.join(", ")
                )
            };
            unknown.push(FieldError::new(name.as_ref(), "unknown_parameter", message));
        }
    }
    (!unknown.is_empty()).then_some(unknown)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Names the field and the rule from serde's message.
fn describe(path: &str, message: &str) -> (String, &'static str) {
    let join = |name: &str| {
        if path.is_empty() || path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    let quoted = |m: &str| m.split('`').nth(1).map(str::to_owned);
    // serde_path_to_error already ends the path with an unknown field's own name.
    let join = |name: &str| {
        if path.rsplit('.').next() == Some(name) {
            path.to_owned()
        } else {
            join(name)
        }
    };
    if message.starts_with("unknown field") {
        return (
            quoted(message)
                .map(|f| join(&f))
                .unwrap_or_else(|| path.to_owned()),
            "unknown_field",
        );
    }
    if message.starts_with("missing field") {
        return (
            quoted(message)
                .map(|f| join(&f))
                .unwrap_or_else(|| path.to_owned()),
            "required",
        );
    }
    let field = if path.is_empty() || path == "." {
        "body".to_owned()
    } else {
        path.to_owned()
    };
    if message.starts_with("unknown variant") {
        return (field, "invalid_enum");
    }
    (field, "invalid_type")
}

/// For PATCH fields that may be set to `null`: absent → `None`, `null` → `Some(None)`.
/// Use with `#[serde(default, deserialize_with = "double_option")]`.
pub fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}
