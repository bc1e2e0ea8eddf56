//! Rate limits per caller.

use reqwest::StatusCode;

use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::{spawn_app_with, TestApp};

async fn rate_limits_per_caller(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| c.rate_limit = 5).await else {
        return;
    };
    let owner = app.signup("Limited").await;
    let viewer = app.colleague(&owner.token, "viewer").await.token;
    let mut limited = Vec::new();
    let mut allowed = Vec::new();
    for _ in 0..30 {
        let a = app.get("/api/v1/me").token(&owner.token).send().await;
        match a.status {
            StatusCode::OK => allowed.push(a),
            StatusCode::TOO_MANY_REQUESTS => limited.push(a),
            other => panic!("unexpected {other}: {}", a.text),
        }
    }
    assert!(
        !limited.is_empty(),
        "30 quick requests at 5/s must be limited"
    );
    assert!(!allowed.is_empty());
    for a in &limited {
        assert_problem(a, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        let retry: u64 = a
            .header("retry-after")
            .expect("Retry-After")
            .parse()
            .unwrap();
        assert!(retry >= 1);
        assert_eq!(a.header("ratelimit-limit").as_deref(), Some("5"));
        assert_eq!(a.header("ratelimit-remaining").as_deref(), Some("0"));
    }
    for a in &allowed {
        let remaining: u32 = a
            .header("ratelimit-remaining")
            .expect("RateLimit-Remaining")
            .parse()
            .unwrap();
        assert!(remaining < 5);
        assert_eq!(a.header("ratelimit-limit").as_deref(), Some("5"));
    }
    // Another caller is counted apart.
    let other = app.get("/api/v1/me").token(&viewer).send().await;
    assert_eq!(other.status, StatusCode::OK, "{}", other.text);
    // Operations endpoints are not limited.
    for _ in 0..10 {
        assert_eq!(app.get("/healthz").send().await.status, StatusCode::OK);
    }
}
both_backends!(rate_limits_per_caller_works, super::rate_limits_per_caller);
