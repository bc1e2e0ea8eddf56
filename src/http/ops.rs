//! Health, readiness, metrics and the spec.

use std::sync::Arc;

use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use super::metrics::Metrics;
use crate::app::App;

#[derive(Serialize, ToSchema)]
pub struct ProbeStatus {
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ok")]
    pub status: String,
    /// `sqlite` or `postgres`.
    pub database: String,
}

/// The process is up.
#[utoipa::path(tag = "ops", responses((status = 200, description = "Up", body = ProbeStatus)), security(()))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(ProbeStatus {
        status: "ok".into(),
    })
}

/// The database answers.
#[utoipa::path(tag = "ops", responses((status = 200, description = "Ready", body = Readiness)), security(()))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<App>) -> Result<HttpResponse, ApiError> {
    crate::app::maintenance::database_ready(&state).await?;
    Ok(HttpResponse::Ok().json(Readiness {
        status: "ok".into(),
        database: state.backend.name().into(),
    }))
}

/// Prometheus metrics: requests and latency by route and status, database pool usage.
#[utoipa::path(
    tag = "ops",
    responses((status = 200, description = "Prometheus text exposition", body = String, content_type = "text/plain")),
    security(())
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<App>, metrics: web::Data<Metrics>) -> HttpResponse {
    let pool = state.pool.state();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(metrics.render(
            pool.connections,
            pool.idle_connections,
            state.pool.max_size(),
        ))
}

/// The served spec: the committed `openapi/openapi.json`, byte for byte.
pub struct SpecJson(pub Arc<String>);

/// This OpenAPI document.
#[utoipa::path(
    tag = "ops",
    responses((status = 200, description = "OpenAPI 3.1 document", body = Object, content_type = "application/json")),
    security(())
)]
#[get("/openapi.json")]
pub async fn openapi_json(spec: web::Data<SpecJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.0.as_str().to_owned())
}
