//! The published spec: served as committed, stating the shared rules, and the answers it
//! documents happen.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::problem::assert_problem;
use crate::support::TestApp;

async fn served_spec_matches_the_committed_one(app: TestApp) {
    let served = app.get("/api/v1/openapi.json").send().await;
    assert_eq!(served.status, StatusCode::OK);
    assert!(served
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
    let committed: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let generated: Value = serde_json::from_str(&accord::http::spec_json()).unwrap();
    let hint = "the OpenAPI document drifted: run `cargo run -- openapi > openapi/openapi.json` and commit it";
    assert!(
        served.body == generated,
        "served spec differs from spec_json(); {hint}"
    );
    assert!(
        committed == generated,
        "openapi/openapi.json differs from the code; {hint}"
    );
    assert!(served.body["openapi"].as_str().unwrap().starts_with("3.1"));
    // Every `$ref` resolves: a schema used only in a parameter is not registered by utoipa
    // unless inlined, and the generators refuse a dangling reference.
    let mut dangling = Vec::new();
    collect_dangling_refs(&generated, &generated, &mut dangling);
    assert!(
        dangling.is_empty(),
        "unresolved $ref in the spec: {dangling:?}"
    );
}

fn collect_dangling_refs(root: &Value, node: &Value, out: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                let pointer = r.trim_start_matches('#');
                if root.pointer(pointer).is_none() {
                    out.push(r.clone());
                }
            }
            map.values()
                .for_each(|v| collect_dangling_refs(root, v, out));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_dangling_refs(root, v, out)),
        _ => {}
    }
}
both_backends!(
    served_spec_matches_the_committed_one_works,
    super::served_spec_matches_the_committed_one
);

/// What the spec says about shared parameters and answers matches what the server does.
async fn spec_states_the_shared_rules(app: TestApp) {
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let ops = |path: &str, method: &str| spec["paths"][path][method].clone();
    let param = |op: &Value, name: &str| {
        op["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == name).cloned())
            .unwrap_or(Value::Null)
    };
    // Parameters are never JSON null on the wire.
    let key = param(&ops("/api/v1/accounts", "post"), "Idempotency-Key");
    assert_eq!(key["schema"]["type"], "string");
    assert_eq!(key["schema"]["maxLength"], 255);
    let if_match = param(&ops("/api/v1/accounts/{id}", "patch"), "If-Match");
    assert_eq!(if_match["schema"]["type"], "string");
    // limit is 1..=200, as the extractor enforces.
    let limit = param(&ops("/api/v1/accounts", "get"), "limit");
    assert_eq!(limit["schema"]["minimum"], 1);
    assert_eq!(limit["schema"]["maximum"], 200);
    // List pages reference their item schema instead of copying it.
    assert_eq!(
        spec["components"]["schemas"]["Page_AccountView"]["properties"]["data"]["items"]["$ref"],
        "#/components/schemas/AccountView"
    );
    // Credential exchanges document their 401; owner history documents a page.
    assert!(ops("/api/v1/auth/token", "post")["responses"]["401"].is_object());
    assert!(ops("/api/v1/auth/refresh", "post")["responses"]["401"].is_object());
    assert!(ops("/api/v1/reports/general-ledger", "get")["responses"]["404"].is_object());
    // Actions on a resource compare versions like PATCH does.
    assert!(ops("/api/v1/accounts/{id}/reassign", "post")["responses"]["412"].is_object());
    let history = &ops("/api/v1/accounts/{id}/owner-history", "get")["responses"]["200"];
    assert_eq!(
        history["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Page_OwnerChangeView"
    );
}
both_backends!(
    spec_states_the_shared_rules_works,
    super::spec_states_the_shared_rules
);

/// What the spec promises for the answers it documents: a wrong password is 401 on
/// /auth/token, an unknown ledger account is 404 on the general ledger, and owner history
/// answers a page.
async fn documented_answers_happen(app: TestApp) {
    let owner = app.signup("Documented Answers").await;
    let a = app
        .post("/api/v1/auth/token")
        .json(&json!({"email": owner.email, "password": "not the password at all"}))
        .send()
        .await;
    assert_problem(&a, StatusCode::UNAUTHORIZED, "invalid_credentials");
    let a = app
        .get(&format!(
            "/api/v1/reports/general-ledger?from=2026-01-01&to=2026-12-31&ledger_account_id={}",
            uuid::Uuid::now_v7()
        ))
        .token(&owner.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let account = app
        .post("/api/v1/accounts")
        .token(&owner.token)
        .json(&json!({"name": "Hist Co"}))
        .send()
        .await;
    let id = account.body["id"].as_str().unwrap();
    let a = app
        .get(&format!("/api/v1/accounts/{id}/owner-history"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["data"].is_array());
    assert!(a.body["next_cursor"].is_null());
}
both_backends!(
    documented_answers_happen_works,
    super::documented_answers_happen
);
