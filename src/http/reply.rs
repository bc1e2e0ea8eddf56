//! Answers: what a use case returned, as HTTP.

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;

use super::error::ApiError;
use super::etag;
use crate::app::error::AppError;
use crate::app::unit_of_work::{Outcome, Status};

/// A write's outcome: its status, `Location` for a new resource, `Idempotent-Replayed` for a
/// replay, and the resource's `ETag`.
pub fn outcome(o: Outcome) -> HttpResponse {
    let status = match o.status {
        Status::Ok => StatusCode::OK,
        Status::Created => StatusCode::CREATED,
        Status::Accepted => StatusCode::ACCEPTED,
        Status::NoContent => StatusCode::NO_CONTENT,
    };
    let mut res = HttpResponse::build(status);
    if let Some(loc) = &o.location {
        res.insert_header((header::LOCATION, loc.as_str()));
    }
    if o.replayed {
        res.insert_header(("Idempotent-Replayed", "true"));
    }
    if o.body.is_empty() {
        return res.finish();
    }
    if let Some(tag) = etag::of_json(&o.body) {
        res.insert_header((header::ETAG, tag));
    }
    res.content_type("application/json").body(o.body)
}

/// One resource, with its `ETag`.
pub fn resource(view: &impl Serialize) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_string(view)
        .map_err(|e| AppError::internal(format!("serializing an answer: {e}")))?;
    let mut res = HttpResponse::Ok();
    if let Some(tag) = etag::of_json(&body) {
        res.insert_header((header::ETAG, tag));
    }
    Ok(res.content_type("application/json").body(body))
}

/// A list page, a report or any other answer without a version of its own.
pub fn json(body: &impl Serialize) -> HttpResponse {
    HttpResponse::Ok().json(body)
}

pub fn no_content() -> HttpResponse {
    HttpResponse::NoContent().finish()
}
