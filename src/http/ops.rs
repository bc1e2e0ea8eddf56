//! Health, readiness, metrics and the spec.

use std::sync::Arc;

use actix_web::{get, http::header, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
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

/// Whether this node should get traffic: the database answers (and on SQLite can be written)
/// and the node is not draining. Otherwise 503 with `database_unavailable`,
/// `database_not_writable` or `draining`; point load balancer health checks here.
#[utoipa::path(tag = "ops", responses((status = 200, description = "Ready", body = Readiness)), security(()))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<App>) -> Result<HttpResponse, ApiError> {
    crate::app::maintenance::database_ready(&state).await?;
    Ok(HttpResponse::Ok().json(Readiness {
        status: "ok".into(),
        database: state.backend.name().into(),
    }))
}

/// Prometheus metrics: requests and latency by route and status, database pool usage. Public
/// by default; with `ACCORD_METRICS_TOKEN` set it needs `Authorization: Bearer <that token>`,
/// and with `ACCORD_METRICS=off` it is not served.
#[utoipa::path(
    tag = "ops",
    responses(
        (status = 200, description = "Prometheus text exposition", body = String, content_type = "text/plain"),
        (status = 401, description = "A metrics token is configured and this request does not carry it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Metrics are switched off", body = Problem, content_type = "application/problem+json")
    ),
    security(())
)]
#[get("/metrics")]
pub async fn metrics(
    req: HttpRequest,
    state: web::Data<App>,
    metrics: web::Data<Metrics>,
) -> Result<HttpResponse, ApiError> {
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    crate::app::maintenance::metrics_access(&state, bearer)?;
    let pool = state.pool.state();
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(metrics.render(
            pool.connections,
            pool.idle_connections,
            state.pool.max_size(),
        )))
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
