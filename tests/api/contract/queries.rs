//! Query strings: every list documents exactly the filters it applies, an unknown parameter
//! is refused naming it, each documented sort is accepted, and a PATCH checks its body
//! before its precondition.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::problem::{assert_problem, field_code};
use crate::support::TestApp;

/// The names of the query parameters the served spec documents for `GET path`.
fn query_names(spec: &Value, path: &str) -> Vec<String> {
    spec["paths"][path]["get"]["parameters"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn an_unknown_query_parameter_is_422_naming_it(app: TestApp) {
    let owner = app.signup("Unknown Parameters").await;
    for (path, query, unknown) in [
        ("/api/v1/accounts", "grade=at_risk", "grade"),
        ("/api/v1/accounts", "tierr=key", "tierr"),
        ("/api/v1/tasks", "stage=won", "stage"),
        (
            "/api/v1/competitors",
            "account_id=00000000-0000-0000-0000-000000000000",
            "account_id",
        ),
        ("/api/v1/invoices", "limit=5&statuss=paid", "statuss"),
        (
            "/api/v1/reports/trial-balance",
            "as_of=2026-01-31&from=2026-01-01",
            "from",
        ),
    ] {
        let a = app
            .get(&format!("{path}?{query}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            field_code(&a, unknown).as_deref(),
            Some("unknown_parameter"),
            "{path}?{query}: {}",
            a.text
        );
    }
    // Every unknown parameter is named at once; the known ones are not.
    let a = app
        .get("/api/v1/tasks?status=open&colour=red&size=xl")
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let mut fields = a.error_fields();
    fields.sort();
    assert_eq!(fields, ["colour", "size"]);
    // Documented parameters still work.
    let a = app
        .get("/api/v1/tasks?status=open&priority=high&limit=5")
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
}
both_backends!(
    an_unknown_query_parameter_is_422_naming_it_works,
    super::an_unknown_query_parameter_is_422_naming_it
);

/// Each CRM list documents its own filters: `/tasks` has no `stage`, `/competitors` none at
/// all besides paging, `updated_since` and `sort`.
async fn each_list_documents_only_its_filters(app: TestApp) {
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let shared = ["limit", "cursor", "updated_since", "sort"];
    for (path, own) in [
        ("/api/v1/competitors", vec![]),
        (
            "/api/v1/tasks",
            vec![
                "account_id",
                "assignee_id",
                "status",
                "priority",
                "from",
                "to",
            ],
        ),
        (
            "/api/v1/contacts",
            vec!["account_id", "status", "influence", "q"],
        ),
        (
            "/api/v1/opportunities",
            vec!["account_id", "owner_id", "stage", "kind", "from", "to"],
        ),
        (
            "/api/v1/risks",
            vec!["account_id", "competitor_id", "status", "kind"],
        ),
    ] {
        let mut documented = query_names(&spec, path);
        documented.sort();
        let mut expected: Vec<String> = shared
            .iter()
            .chain(own.iter())
            .map(|s| s.to_string())
            .collect();
        expected.sort();
        assert_eq!(documented, expected, "{path}");
    }
    // Filters with a closed set of values enumerate it.
    let status = spec["paths"]["/api/v1/tasks"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "status")
        .unwrap()
        .clone();
    assert_eq!(
        status["schema"]["enum"],
        json!(["open", "done", "cancelled"])
    );
}
both_backends!(
    each_list_documents_only_its_filters_works,
    super::each_list_documents_only_its_filters
);

/// Every list with `sort` enumerates its values, and the server accepts each of them.
async fn every_enumerated_sort_is_accepted(app: TestApp) {
    let owner = app.signup("Sorts").await;
    let spec = app.get("/api/v1/openapi.json").send().await.body;
    let mut lists = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        let Some(params) = item["get"]["parameters"].as_array() else {
            continue;
        };
        // A list under a parent (`/bank-accounts/{id}/transactions`) needs the parent: its
        // sorts are tested with it.
        if path.contains('{') {
            continue;
        }
        let Some(sort) = params
            .iter()
            .find(|p| p["name"] == "sort" && p["in"] == "query")
        else {
            continue;
        };
        let values = sort["schema"]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: sort is not enumerated: {sort}"));
        assert!(!values.is_empty(), "{path}");
        lists += 1;
        for v in values {
            let v = v.as_str().unwrap();
            let a = app
                .get(&format!("{path}?sort={v}"))
                .token(&owner.token)
                .send()
                .await;
            assert_eq!(a.status, StatusCode::OK, "{path}?sort={v}: {}", a.text);
        }
        let a = app
            .get(&format!("{path}?sort=not_a_field"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_sort");
    }
    assert!(lists >= 15, "only {lists} lists document a sort");
}
both_backends!(
    every_enumerated_sort_is_accepted_works,
    super::every_enumerated_sort_is_accepted
);

/// A PATCH whose body breaks a rule answers 422 even with a stale (or foreign) If-Match:
/// the body is checked before the precondition; a good body with it is 412.
async fn a_bad_patch_body_is_422_before_a_stale_if_match(app: TestApp) {
    let owner = app.signup("Body Before Precondition").await;
    let t = &owner.token;
    let account = app
        .create(t, "/api/v1/accounts", json!({"name": "Initech"}))
        .await;
    let task = app
        .create(
            t,
            "/api/v1/tasks",
            json!({"account_id": account["id"], "title": "Call back"}),
        )
        .await;
    let path = format!("/api/v1/tasks/{}", task["id"].as_str().unwrap());
    let stale = format!("\"{}.0\"", task["id"].as_str().unwrap());
    for if_match in [stale.as_str(), "\"garbage\""] {
        let a = app
            .patch(&path)
            .token(t)
            .header("if-match", if_match)
            .json(&json!({"priority": "sometime"}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
        assert!(field_code(&a, "priority").is_some(), "{}", a.text);
        let a = app
            .patch(&path)
            .token(t)
            .header("if-match", if_match)
            .json(&json!({"priority": "high"}))
            .send()
            .await;
        assert_problem(&a, StatusCode::PRECONDITION_FAILED, "version_mismatch");
    }
    // The same on the accounts' own PATCH and on a user.
    let path = format!("/api/v1/accounts/{}", account["id"].as_str().unwrap());
    let a = app
        .patch(&path)
        .token(t)
        .header("if-match", "\"stale\"")
        .json(&json!({"tier": "platinum"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let me = app.fetch(t, "/api/v1/me").await;
    let a = app
        .patch(&format!("/api/v1/users/{}", me["id"].as_str().unwrap()))
        .token(t)
        .header("if-match", "\"stale\"")
        .json(&json!({"name": ""}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    // Nothing was written.
    let task = app
        .fetch(
            t,
            &format!("/api/v1/tasks/{}", task["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(task["priority"], "normal");
    assert_eq!(task["version"], 1);
}
both_backends!(
    a_bad_patch_body_is_422_before_a_stale_if_match_works,
    super::a_bad_patch_body_is_422_before_a_stale_if_match
);
