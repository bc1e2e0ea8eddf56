//! Failed sign-ins back off per email and per client address, counted in the database.

use accord::config::TrustedProxies;
use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::{spawn_app_with, Answer, TestApp, PASSWORD};

/// POST /auth/token as a client at `address` (the app trusts loopback as its proxy).
async fn sign_in(app: &TestApp, address: &str, email: &str, password: &str) -> Answer {
    app.post("/api/v1/auth/token")
        .header("x-forwarded-for", address)
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
}

fn assert_throttled(a: &Answer) {
    assert_problem(a, StatusCode::TOO_MANY_REQUESTS, "sign_in_throttled");
    let wait: u64 = a.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=15).contains(&wait), "Retry-After {wait}");
}

async fn failed_sign_ins_back_off(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| {
        c.trusted_proxies = TrustedProxies::parse("127.0.0.1, ::1").unwrap()
    })
    .await
    else {
        return;
    };
    let owner = app.signup("Guessed").await;
    let colleague = app.colleague(&owner.token, "viewer").await;

    // Per email: five free failures; the sixth blocks the next attempt, even with the right
    // password and from another address.
    for i in 0..6 {
        let a = sign_in(&app, "203.0.113.1", &owner.email, "a wrong guess").await;
        assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_credentials");
        assert!(a.header("retry-after").is_none(), "failure {i}");
    }
    assert_throttled(&sign_in(&app, "203.0.113.1", &owner.email, PASSWORD).await);
    assert_throttled(&sign_in(&app, "203.0.113.2", &owner.email, PASSWORD).await);
    // An unknown email is counted the same way, so the answer does not tell which exist.
    for _ in 0..6 {
        let a = sign_in(&app, "203.0.113.3", "nobody@example.com", "a wrong guess").await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    assert_throttled(&sign_in(&app, "203.0.113.3", "nobody@example.com", "x").await);
    // Other people sign in from those addresses.
    let a = sign_in(&app, "203.0.113.1", &colleague.email, PASSWORD).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    // Per address: twenty free failures over any emails, then that address waits, whoever it
    // signs in as; other addresses do not.
    for i in 0..21 {
        let email = format!("spray-{i}@example.com");
        let a = sign_in(&app, "198.51.100.7", &email, "a wrong guess").await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.text);
    }
    assert_throttled(&sign_in(&app, "198.51.100.7", &colleague.email, PASSWORD).await);
    let a = sign_in(&app, "198.51.100.8", &colleague.email, PASSWORD).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    // The refusals of known users are in their organization's audit trail, newest first.
    let audit = app
        .fetch(
            &owner.token,
            "/api/v1/audit-events?action=auth.sign_in_throttled",
        )
        .await;
    let rows = audit["data"].as_array().unwrap();
    let from: Vec<&str> = rows
        .iter()
        .map(|r| r["client_ip"].as_str().unwrap())
        .collect();
    assert_eq!(
        from,
        ["198.51.100.7", "203.0.113.2", "203.0.113.1"],
        "{audit}"
    );
}
both_backends!(
    failed_sign_ins_back_off_works,
    super::failed_sign_ins_back_off
);
