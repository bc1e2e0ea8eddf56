//! The operations endpoints: health, readiness, metrics and the docs.

use reqwest::StatusCode;

use crate::both_backends;
use accord::config::{MetricsAccess, Secret};

use crate::support::problem::assert_problem;
use crate::support::{spawn_app_with, Backend, TestApp};

async fn health_and_readiness(app: TestApp) {
    let h = app.get("/healthz").send().await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.body["status"], "ok");
    let r = app.get("/readyz").send().await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["status"], "ok");
    let expected = match app.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(r.body["database"], expected);
}
both_backends!(health_and_readiness_works, super::health_and_readiness);

async fn metrics_are_prometheus_text(app: TestApp) {
    assert_eq!(app.get("/healthz").send().await.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/nope").send().await.status,
        StatusCode::NOT_FOUND
    );
    let m = app.get("/metrics").send().await;
    assert_eq!(m.status, StatusCode::OK);
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
    for needle in [
        "http_requests_total",
        "http_request_duration_seconds",
        "db_pool_connections",
    ] {
        assert!(m.text.contains(needle), "{needle} missing:\n{}", m.text);
    }
    assert!(m.text.contains("route=\"/healthz\""), "{}", m.text);
    // Unmatched paths are one label, not one per path (bounded cardinality).
    assert!(!m.text.contains("/api/v1/nope"), "{}", m.text);
}
both_backends!(
    metrics_are_prometheus_text_works,
    super::metrics_are_prometheus_text
);

async fn metrics_can_need_a_token_or_be_off(app: TestApp) {
    let token = "a metrics scraper's token";
    let Some(guarded) = spawn_app_with(app.backend, |c| {
        c.metrics = MetricsAccess::Token(Secret::new(token.into()))
    })
    .await
    else {
        return;
    };
    let m = guarded.get("/metrics").send().await;
    assert_problem(&m, StatusCode::UNAUTHORIZED, "metrics_token_required");
    let m = guarded
        .get("/metrics")
        .header("authorization", "Bearer not the token at all")
        .send()
        .await;
    assert_eq!(m.status, StatusCode::UNAUTHORIZED);
    let m = guarded
        .get("/metrics")
        .header("authorization", &format!("Bearer {token}"))
        .send()
        .await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.text);
    assert!(m.text.contains("http_requests_total"));

    let Some(off) = spawn_app_with(app.backend, |c| c.metrics = MetricsAccess::Off).await else {
        return;
    };
    assert_eq!(
        off.get("/metrics").send().await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(off.get("/readyz").send().await.status, StatusCode::OK);
}
both_backends!(
    metrics_can_need_a_token_or_be_off_works,
    super::metrics_can_need_a_token_or_be_off
);

async fn docs_are_served_without_a_cdn(app: TestApp) {
    let d = app.get("/docs/").send().await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(d.header("content-type").unwrap().starts_with("text/html"));
    assert!(d.text.to_lowercase().contains("<html"), "{}", d.text);
    for cdn in ["unpkg", "jsdelivr", "cdnjs", "googleapis"] {
        assert!(!d.text.contains(cdn), "{cdn} in /docs/");
    }
    let redirect = app.get("/docs").send().await;
    assert_eq!(redirect.status, StatusCode::OK, "/docs leads to the docs");
}
both_backends!(
    docs_are_served_without_a_cdn_works,
    super::docs_are_served_without_a_cdn
);
