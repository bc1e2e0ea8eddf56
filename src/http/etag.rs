//! Strong ETags from a resource's id and version, and `If-Match` preconditions.

use actix_web::http::header;
use actix_web::HttpRequest;

use crate::app::error::AppError;
pub use crate::app::input::IfMatch;

pub fn of(id: &impl std::fmt::Display, version: i64) -> String {
    format!("\"{id}.{version}\"")
}

/// The ETag of a JSON resource body with an `id` and a `version`.
pub fn of_json(body: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Versioned {
        id: serde_json::Value,
        version: Option<i64>,
    }
    let v: Versioned = serde_json::from_str(body).ok()?;
    let id = v.id.as_str()?.to_owned();
    Some(of(&id, v.version?))
}

/// The version an `If-Match` header demands for the resource `id`: any when the header is
/// absent or `*` (apply unconditionally), none when it cannot match this resource at all.
/// The comparison is the use case's, after it has checked the request's content (RFC 9110
/// evaluates preconditions after the request's own checks): a bad body is 422 even when
/// the ETag is stale, and a stale ETag on a good body is 412.
pub fn if_match(req: &HttpRequest, id: &impl std::fmt::Display) -> Result<IfMatch, AppError> {
    let Some(raw) = req.headers().get(header::IF_MATCH) else {
        return Ok(IfMatch::Any);
    };
    let Ok(raw) = raw.to_str() else {
        return Ok(IfMatch::Versions(Vec::new()));
    };
    if raw.trim() == "*" {
        return Ok(IfMatch::Any);
    }
    let prefix = format!("\"{id}.");
    let versions: Vec<i64> = raw
        .split(',')
        .map(str::trim)
        .filter(|t| !t.starts_with("W/"))
        .filter_map(|t| {
            t.strip_prefix(prefix.as_str())?
                .strip_suffix('"')?
                .parse()
                .ok()
        })
        .collect();
    Ok(IfMatch::Versions(versions))
}
