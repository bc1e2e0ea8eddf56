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

/// Create schemas state their required fields (so generated SDK types require them), the
/// same ones the server names `required` when a create leaves them all out; the change
/// schemas require nothing (absent = unchanged).
async fn create_schemas_list_their_required_fields(app: TestApp) {
    let owner = app.signup("Required Fields").await;
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let schemas = &spec["components"]["schemas"];
    for (path, create, patch) in [
        ("/api/v1/accounts", "AccountCreate", Some("AccountPatch")),
        ("/api/v1/contacts", "ContactCreate", Some("ContactPatch")),
        (
            "/api/v1/interactions",
            "InteractionCreate",
            Some("InteractionPatch"),
        ),
        (
            "/api/v1/opportunities",
            "OpportunityCreate",
            Some("OpportunityPatch"),
        ),
        ("/api/v1/risks", "RiskCreate", Some("RiskPatch")),
        ("/api/v1/tasks", "TaskCreate", Some("TaskPatch")),
        ("/api/v1/requests", "RequestCreate", Some("RequestPatch")),
        (
            "/api/v1/competitors",
            "CompetitorCreate",
            Some("CompetitorPatch"),
        ),
        ("/api/v1/proposals", "ProposalCreate", Some("ProposalPatch")),
        ("/api/v1/feedback", "FeedbackCreate", None),
    ] {
        let body = &spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]
            ["schema"]["$ref"];
        assert_eq!(body, &format!("#/components/schemas/{create}"), "{path}");
        let mut required: Vec<String> = schemas[create]["required"]
            .as_array()
            .unwrap_or_else(|| panic!("{create} lists no required fields"))
            .iter()
            .map(|f| f.as_str().unwrap().to_owned())
            .collect();
        required.sort();
        for field in &required {
            let property = &schemas[create]["properties"][field];
            assert!(property.is_object(), "{create}.{field} is not a property");
            assert!(
                !property.to_string().contains("\"null\""),
                "{create}.{field} is required, so not nullable: {property}"
            );
        }
        let a = app
            .post(path)
            .token(&owner.token)
            .json(&json!({}))
            .send()
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {}",
            a.text
        );
        let mut missing: Vec<String> = a.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["code"] == "required")
            .map(|e| e["field"].as_str().unwrap().to_owned())
            .collect();
        missing.sort();
        assert_eq!(
            required, missing,
            "{path}: the spec and the server disagree"
        );
        if let Some(patch) = patch {
            assert!(
                schemas[patch]["required"]
                    .as_array()
                    .is_none_or(|r| r.is_empty()),
                "{patch} requires nothing"
            );
            let patch_ref = &spec["paths"][format!("{path}/{{id}}")]["patch"]["requestBody"]
                ["content"]["application/json"]["schema"]["$ref"];
            assert_eq!(
                patch_ref,
                &format!("#/components/schemas/{patch}"),
                "{path}"
            );
        }
    }
}
both_backends!(
    create_schemas_list_their_required_fields_works,
    super::create_schemas_list_their_required_fields
);
