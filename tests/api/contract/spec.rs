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
        // One create schema serves the four document kinds: each requires the same fields.
        ("/api/v1/invoices", "DocumentCreate", Some("DocumentPatch")),
        ("/api/v1/bills", "DocumentCreate", Some("DocumentPatch")),
        (
            "/api/v1/credit-notes",
            "DocumentCreate",
            Some("DocumentPatch"),
        ),
        (
            "/api/v1/vendor-credits",
            "DocumentCreate",
            Some("DocumentPatch"),
        ),
        ("/api/v1/payments", "PaymentCreate", None),
        (
            "/api/v1/bank-accounts",
            "BankAccountCreate",
            Some("BankAccountPatch"),
        ),
        ("/api/v1/tax-rates", "TaxRateCreate", Some("TaxRatePatch")),
        (
            "/api/v1/bank-rules",
            "BankRuleCreate",
            Some("BankRulePatch"),
        ),
        ("/api/v1/bank-transfers", "BankTransferCreate", None),
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

/// The billing create schemas name exactly what the server requires (checked against the
/// server above), and the items they carry say what each item needs: a document line its
/// `unit_price`, an allocation its `amount`.
async fn billing_create_schemas_state_their_fields(app: TestApp) {
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let schemas = &spec["components"]["schemas"];
    let required = |name: &str| -> Vec<String> {
        let mut r: Vec<String> = schemas[name]["required"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| f.as_str().unwrap().to_owned())
            .collect();
        r.sort();
        r
    };
    assert_eq!(required("DocumentCreate"), ["account_id", "lines"]);
    assert_eq!(
        required("PaymentCreate"),
        [
            "account_id",
            "amount",
            "bank_account_id",
            "date",
            "direction"
        ]
    );
    assert_eq!(required("BankAccountCreate"), ["name"]);
    assert_eq!(required("TaxRateCreate"), ["name", "rate"]);
    for patch in ["DocumentPatch", "BankAccountPatch", "TaxRatePatch"] {
        assert!(required(patch).is_empty(), "{patch} requires nothing");
    }
    assert_eq!(required("DocumentLineRequest"), ["unit_price"]);
    assert_eq!(required("AllocationRequest"), ["amount"]);
    let lines = &schemas["DocumentCreate"]["properties"]["lines"];
    assert_eq!(lines["type"], "array", "{lines}");
    assert_eq!(lines["minItems"], 1);
    assert_eq!(lines["maxItems"], 200);
    // The old shared names are gone: no SDK type means both.
    for gone in [
        "DocumentRequest",
        "PaymentRequest",
        "BankAccountRequest",
        "TaxRateRequest",
    ] {
        assert!(schemas[gone].is_null(), "{gone} is still in the spec");
    }
}
both_backends!(
    billing_create_schemas_state_their_fields_works,
    super::billing_create_schemas_state_their_fields
);

/// An action that takes no input (`/issue`, `/void`, ...) documents its body as optional
/// (`required: false`, an empty object when sent) so generated clients do not demand one;
/// the server takes no body, `{}`, and refuses anything else with a problem.
async fn action_bodies_are_optional(app: TestApp) {
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let actions = [
        "/api/v1/invoices/{id}/issue",
        "/api/v1/invoices/{id}/void",
        "/api/v1/bills/{id}/approve",
        "/api/v1/bills/{id}/void",
        "/api/v1/credit-notes/{id}/issue",
        "/api/v1/credit-notes/{id}/void",
        "/api/v1/vendor-credits/{id}/issue",
        "/api/v1/vendor-credits/{id}/void",
        "/api/v1/payments/{id}/void",
        "/api/v1/webhooks/{id}/test",
        "/api/v1/webhooks/{id}/rotate-secret",
        "/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry",
    ];
    for path in actions {
        let body = &spec["paths"][path]["post"]["requestBody"];
        assert_eq!(body["required"], false, "{path}: {body}");
        assert_eq!(
            body["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/EmptyRequest",
            "{path}: {body}"
        );
    }
    // Every other body is required.
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(body) = op.get("requestBody") else {
                continue;
            };
            if actions.contains(&path.as_str()) {
                continue;
            }
            assert_eq!(body["required"], true, "{method} {path}: {body}");
        }
    }

    let owner = app.signup("Optional Bodies").await;
    let customer = app
        .client_account(
            &owner.token,
            json!({"name": "Body Co", "is_customer": true}),
        )
        .await;
    let draft = |memo: &str| json!({"account_id": customer, "memo": memo, "lines": [{"unit_price": "10.00"}]});
    // No body at all.
    let first = app
        .create(&owner.token, "/api/v1/invoices", draft("none"))
        .await;
    let first = crate::support::http::id_of(&first);
    let a = app
        .post(&format!("/api/v1/invoices/{first}/issue"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // An empty object.
    let a = app
        .post(&format!("/api/v1/invoices/{first}/void"))
        .token(&owner.token)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");
    // JSON null, or a field, is not an empty body: a problem, never a 500.
    let second = app
        .create(&owner.token, "/api/v1/invoices", draft("refused"))
        .await;
    let second = crate::support::http::id_of(&second);
    for body in [json!(null), json!({"memo": "x"})] {
        let a = app
            .post(&format!("/api/v1/invoices/{second}/issue"))
            .token(&owner.token)
            .json(&body)
            .send()
            .await;
        assert!(
            a.status.is_client_error(),
            "{body}: {} {}",
            a.status,
            a.text
        );
        assert!(
            a.header("content-type")
                .unwrap()
                .starts_with("application/problem+json"),
            "{body}: {}",
            a.text
        );
    }
}
both_backends!(
    action_bodies_are_optional_works,
    super::action_bodies_are_optional
);
