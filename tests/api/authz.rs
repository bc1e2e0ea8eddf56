//! The authorization sweep: every operation of the committed spec (`openapi/openapi.json`, read
//! at test time) is called three ways, on each backend:
//! - without credentials: 401 `unauthenticated`, unless the operation is public (`security:
//!   [{}]`); a public operation never answers `unauthenticated`;
//! - as a viewer of organization A, on a write (POST, PUT, PATCH, DELETE): 403 `forbidden`, its
//!   `errors` naming the missing permission (`field: "permission"`);
//! - as organization B's owner, on an operation with ids in its path, with organization A's real
//!   ids: 404 `not_found` (never 403, which would confirm the id exists).
//!
//! Bodies are built from the operation's request schema (required properties only, `$ref`s
//! resolved, the spec's examples where it gives them) so that they pass the JSON extractor and
//! the check under test is the one reached. What breaks a rule today is listed in `EXCEPTIONS`
//! with the reason; the test fails on any other break, and on a listed exception that no longer
//! happens, so the list can only shrink. It also fails when it did not visit every operation
//! of the spec, or meets a path id it has no organization-A resource for.

use std::collections::{BTreeMap, BTreeSet};

use reqwest::{Method, StatusCode};
use serde_json::{json, Map, Value};

use crate::both_backends;
use crate::support::books::{cr, dr, entry, Chart, ENTRIES, LEDGER_ACCOUNTS};
use crate::support::fixtures::{unique_email, CrmRecords};
use crate::support::http::id_of;
use crate::support::problem::not_forbidden;
use crate::support::{Answer, TestApp, PASSWORD};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Check {
    /// No credentials: 401 `unauthenticated` (public operations: anything else).
    Anonymous,
    /// A viewer of organization A on a write: 403 `forbidden` naming the permission.
    Viewer,
    /// Organization B's owner with organization A's ids in the path: 404 `not_found`.
    OtherOrganization,
}

impl Check {
    fn applies_to(self, op: &Operation) -> bool {
        match self {
            Check::Anonymous => true,
            Check::Viewer => op.is_write() && !op.public,
            Check::OtherOrganization => op.has_path_ids(),
        }
    }

    /// Whether `a`, the answer to `op` called this way, keeps the rule.
    fn judge(self, op: &Operation, a: &Answer) -> Outcome {
        let holds = match self {
            Check::Anonymous if op.public => a.code() != "unauthenticated",
            Check::Anonymous => {
                a.status == StatusCode::UNAUTHORIZED
                    && a.is_problem()
                    && a.code() == "unauthenticated"
            }
            Check::Viewer => not_forbidden(a).is_none(),
            Check::OtherOrganization => {
                a.status == StatusCode::NOT_FOUND && a.is_problem() && a.code() == "not_found"
            }
        };
        if holds {
            return Outcome::Holds;
        }
        let expected = match self {
            Check::Anonymous if op.public => "anything but unauthenticated",
            Check::Anonymous => "401 unauthenticated",
            Check::Viewer => "403 forbidden naming the permission",
            Check::OtherOrganization => "404 not_found",
        };
        let text: String = a.text.chars().take(300).collect();
        Outcome::Broken(format!(
            "expected {expected}, got {} {}: {text}",
            a.status.as_u16(),
            a.code()
        ))
    }
}

enum Outcome {
    Holds,
    Broken(String),
}

type Outcomes = BTreeMap<(String, Check), Outcome>;

/// A known break of a rule: the operation id, the check, and why.
struct Exception {
    operation: &'static str,
    check: Check,
    reason: &'static str,
}

/// What breaks a rule today. This list only shrinks: fix the server, and the test tells you
/// which entry to delete; add to it only with a reason that says why the rule does not apply.
const EXCEPTIONS: &[Exception] = &[
    // By design: the rule does not apply.
    Exception {
        operation: "create_api_key",
        check: Check::Viewer,
        reason: "viewers may create their own API keys: auth::policy grants api_keys:write \
                 (ManageOwnApiKeys) to every role, and a key never outranks its creator",
    },
];

// ---------------------------------------------------------------------------------------------
// The test

async fn every_operation_is_authorized(app: TestApp) {
    // Arrange
    let spec = Spec::load();
    let a = OrganizationA::set_up(&app).await;
    let b = app.signup("Organization B").await;
    let operations = spec.operations(&a);

    // Act
    let outcomes = sweep(&app, &operations, &a, &b.token).await;

    // Assert
    let mut failures = coverage_failures(&spec, &outcomes);
    failures.extend(rule_failures(&operations, &outcomes));
    assert!(
        failures.is_empty(),
        "{} authorization problem(s) on {:?}:\n{}",
        failures.len(),
        app.backend,
        failures.join("\n")
    );
}
both_backends!(every_operation, super::every_operation_is_authorized);

/// Calls every operation each way its checks apply; `other` is organization B's owner.
async fn sweep(
    app: &TestApp,
    operations: &[Operation],
    a: &OrganizationA,
    other: &str,
) -> Outcomes {
    let mut outcomes = Outcomes::new();
    for check in [Check::Anonymous, Check::OtherOrganization, Check::Viewer] {
        let token = match check {
            Check::Anonymous => None,
            Check::Viewer => Some(a.viewer.as_str()),
            Check::OtherOrganization => Some(other),
        };
        let mut ops: Vec<&Operation> = operations
            .iter()
            .filter(|op| check.applies_to(op))
            .collect();
        // Deletes last, so that one that should have been refused does not change what the
        // other calls meet.
        ops.sort_by_key(|op| op.method == Method::DELETE);
        for op in ops {
            let outcome = match op.path_with_ids(a) {
                Ok(path) => check.judge(op, &op.send(app, &path, token).await),
                Err(e) => Outcome::Broken(e),
            };
            outcomes.insert((op.id.clone(), check), outcome);
        }
    }
    outcomes
}

/// The sweep visited exactly the spec's operations, each once.
fn coverage_failures(spec: &Spec, outcomes: &Outcomes) -> Vec<String> {
    let mut failures = Vec::new();
    let spec_ids = spec.operation_ids();
    let in_spec: BTreeSet<&str> = spec_ids.iter().map(String::as_str).collect();
    if in_spec.len() != spec_ids.len() {
        failures.push(format!("the spec repeats an operation id: {spec_ids:?}"));
    }
    let visited: BTreeSet<&str> = outcomes.keys().map(|(id, _)| id.as_str()).collect();
    if visited != in_spec {
        failures.push(format!(
            "visited operations differ from the spec's: not visited {:?}, not in the spec {:?}",
            in_spec.difference(&visited).collect::<Vec<_>>(),
            visited.difference(&in_spec).collect::<Vec<_>>()
        ));
    }
    failures
}

/// Breaks that are not listed in `EXCEPTIONS`, and listed exceptions that no longer happen.
fn rule_failures(operations: &[Operation], outcomes: &Outcomes) -> Vec<String> {
    let mut failures = Vec::new();
    let mut listed: BTreeSet<(&str, Check)> = BTreeSet::new();
    for e in EXCEPTIONS {
        if !listed.insert((e.operation, e.check)) {
            failures.push(format!(
                "{:?} {}: listed twice in EXCEPTIONS",
                e.check, e.operation
            ));
        }
        match outcomes.get(&(e.operation.to_owned(), e.check)) {
            None => failures.push(format!(
                "{:?} {}: listed in EXCEPTIONS ({}), but the spec has no such operation or the \
                 check does not apply to it; remove the entry",
                e.check, e.operation, e.reason
            )),
            Some(Outcome::Holds) => failures.push(format!(
                "{:?} {}: listed in EXCEPTIONS ({}), but the rule holds now; remove the entry",
                e.check, e.operation, e.reason
            )),
            Some(Outcome::Broken(_)) => {}
        }
    }
    for ((id, check), outcome) in outcomes {
        if let Outcome::Broken(why) = outcome {
            if !listed.contains(&(id.as_str(), *check)) {
                let route = operations
                    .iter()
                    .find(|op| &op.id == id)
                    .map(|op| format!("{} {}", op.method, op.template))
                    .unwrap_or_default();
                failures.push(format!("{check:?} {id} ({route}): {why}"));
            }
        }
    }
    failures
}

// ---------------------------------------------------------------------------------------------
// Organization A: one of every resource whose id appears in a path

struct OrganizationA {
    viewer: String,
    /// Resource ids by the collection a path names them under (`accounts`, `ledger/accounts`).
    ids: BTreeMap<&'static str, String>,
    /// A second client account (a merge's duplicate).
    other_account: String,
}

impl OrganizationA {
    async fn set_up(app: &TestApp) -> OrganizationA {
        let owner = app.signup("Organization A").await;
        let t = owner.token.as_str();
        let viewer = app.colleague(t, "viewer").await.token;
        let manager = app.account_manager(t, "Manny").await;
        let team = app
            .create(t, "/api/v1/teams", json!({"name": "Key accounts"}))
            .await;
        let key = app
            .create(t, "/api/v1/api-keys", json!({"name": "Integration"}))
            .await;
        let customer = app
            .client_account(t, json!({"name": "Globex", "is_customer": true}))
            .await;
        let other_account = app
            .client_account(t, json!({"name": "Globex (duplicate)"}))
            .await;
        let vendor = app
            .client_account(t, json!({"name": "Acme Supplies", "is_vendor": true}))
            .await;
        let crm = CrmRecords::create(app, t, &customer).await;
        let year = chrono::Utc::now().date_naive().format("%Y").to_string();
        let target = app
            .create(
                t,
                "/api/v1/targets",
                json!({"user_id": manager.id, "period_start": format!("{year}-01-01"),
                       "period_end": format!("{year}-12-31"), "metric": "new_accounts", "amount": "3"}),
            )
            .await;
        let chart = Chart::load(app, t).await;
        let ledger_account = app
            .create(
                t,
                LEDGER_ACCOUNTS,
                json!({"code": "6150", "name": "Team offsites", "type": "expense"}),
            )
            .await;
        let journal_entry = app
            .create(
                t,
                ENTRIES,
                entry(
                    "2026-01-10",
                    vec![
                        dr(&chart.id("1010"), "10.00"),
                        cr(&chart.id("4000"), "10.00"),
                    ],
                ),
            )
            .await;
        let tax_rate = app.tax_rate(t, "VAT 10", "0.10", true).await;
        let bank = app.bank_account(t, "Operating", "USD").await;
        let draft = |account: &str| {
            json!({"account_id": account, "issue_date": "2026-02-01",
                   "lines": [{"description": "Work", "quantity": "1", "unit_price": "100.00"}]})
        };
        let invoice = app.create(t, "/api/v1/invoices", draft(&customer)).await;
        let credit_note = app
            .create(t, "/api/v1/credit-notes", draft(&customer))
            .await;
        let bill = app.create(t, "/api/v1/bills", draft(&vendor)).await;
        let vendor_credit = app
            .create(t, "/api/v1/vendor-credits", draft(&vendor))
            .await;
        let payment = app
            .create(
                t,
                "/api/v1/payments",
                json!({"direction": "received", "account_id": customer, "bank_account_id": bank,
                       "date": "2026-02-05", "amount": "10.00"}),
            )
            .await;

        let bank_rule = app
            .create(
                t,
                "/api/v1/bank-rules",
                json!({"name": "Bank fees", "description_contains": "fee",
                       "ledger_account_id": chart.id("6700")}),
            )
            .await;
        let savings = app.bank_account(t, "Savings", "USD").await;
        let transfer = app
            .create(
                t,
                "/api/v1/bank-transfers",
                json!({"from_bank_account_id": bank, "to_bank_account_id": savings,
                       "date": "2026-02-06", "amount": "5.00"}),
            )
            .await;

        let webhook = app
            .create(
                t,
                "/api/v1/webhooks",
                json!({"url": "http://127.0.0.1:9/hook", "events": ["*"], "status": "paused"}),
            )
            .await;
        let delivery = app
            .act(
                t,
                &format!("/api/v1/webhooks/{}/test", id_of(&webhook)),
                json!({}),
            )
            .await;

        // A statement with two lines: one categorized (a reconciliation), one left open.
        let statement_bank = app
            .create(
                t,
                "/api/v1/bank-accounts",
                json!({"name": "Statements", "currency": "USD", "iban": "GB33BUKB20201555555555"}),
            )
            .await;
        let file = crate::banking::camt(
            "GB33BUKB20201555555555",
            "USD",
            "AUTHZ-1",
            ("0.00", "2026-01-01"),
            ("7.50", "2026-01-31"),
            &[
                ("10.00", "CRDT", "2026-01-10", Some("Z-1"), "In"),
                ("2.50", "DBIT", "2026-01-11", Some("Z-2"), "Fee"),
            ],
        );
        let imported =
            crate::banking::import(app, t, &id_of(&statement_bank), &file, "application/xml").await;
        assert_eq!(
            imported.status,
            reqwest::StatusCode::CREATED,
            "{}",
            imported.text
        );
        let bank_lines = crate::banking::lines(app, t, &id_of(&statement_bank), "").await;
        let reconciliation = app
            .create(
                t,
                &format!(
                    "/api/v1/bank-transactions/{}/categorize",
                    id_of(&bank_lines[1])
                ),
                json!({"ledger_account_id": id_of(&ledger_account)}),
            )
            .await;

        let plan = app
            .create(
                t,
                "/api/v1/account-plans",
                json!({"account_id": customer, "title": "FY plan", "period_start": "2026-01-01",
                       "period_end": "2026-12-31", "status": "active"}),
            )
            .await;
        let plan_path = format!("/api/v1/account-plans/{}", id_of(&plan));
        let objective = app
            .create(
                t,
                &format!("{plan_path}/objectives"),
                json!({"title": "Grow", "kind": "revenue", "target": "100"}),
            )
            .await;
        let stakeholder = app
            .create(
                t,
                &format!("{plan_path}/stakeholders"),
                json!({"contact_id": crm.contact, "decision_role": "champion"}),
            )
            .await;
        let review = app
            .create(
                t,
                &format!("{plan_path}/reviews"),
                json!({"held_on": "2026-02-01"}),
            )
            .await;

        // A file over the synchronous limit becomes an import job (a dry run: it imports
        // nothing).
        let padding = "x".repeat(accord::config::DEFAULT_IMPORT_SYNC_LIMIT + 1024);
        let import = app
            .post("/api/v1/accounts/import?dry_run=true&ignore_unknown_columns=true")
            .token(t)
            .raw(
                format!("name,padding\nAuthz Import Ltd,{padding}\n"),
                "text/csv",
            )
            .send()
            .await;
        assert_eq!(import.status, StatusCode::ACCEPTED, "{}", import.text);

        let ids = BTreeMap::from([
            ("imports", id_of(&import.body)),
            ("account-plans", id_of(&plan)),
            ("account-plans/objectives", id_of(&objective)),
            ("account-plans/stakeholders", id_of(&stakeholder)),
            ("account-plans/reviews", id_of(&review)),
            (
                "bank-statements",
                imported.body["statements"][0]["id"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            ),
            ("bank-transactions", id_of(&bank_lines[0])),
            ("bank-reconciliations", id_of(&reconciliation)),
            ("webhooks", id_of(&webhook)),
            ("webhooks/deliveries", id_of(&delivery)),
            ("users", manager.id),
            ("teams", id_of(&team)),
            ("api-keys", id_of(&key)),
            ("accounts", customer),
            ("contacts", crm.contact),
            ("interactions", crm.interaction),
            ("feedback", crm.feedback),
            ("requests", crm.request),
            ("tasks", crm.task),
            ("opportunities", crm.opportunity),
            ("proposals", crm.proposal),
            ("risks", crm.risk),
            ("competitors", crm.competitor),
            ("targets", id_of(&target)),
            ("ledger/accounts", id_of(&ledger_account)),
            ("ledger/journal-entries", id_of(&journal_entry)),
            ("tax-rates", tax_rate),
            ("bank-accounts", bank),
            ("invoices", id_of(&invoice)),
            ("credit-notes", id_of(&credit_note)),
            ("bills", id_of(&bill)),
            ("vendor-credits", id_of(&vendor_credit)),
            ("payments", id_of(&payment)),
            ("bank-rules", id_of(&bank_rule)),
            ("bank-transfers", id_of(&transfer)),
        ]);
        OrganizationA {
            viewer,
            ids,
            other_account,
        }
    }

    /// The id to put in a request body's `uuid` property `name`: organization A's resource of
    /// that kind when the name says which, else an id that names nothing.
    fn id_for_property(&self, name: &str) -> String {
        let collection = match name {
            "duplicate_id" => return self.other_account.clone(),
            "account_id" => "accounts",
            "contact_id" => "contacts",
            "opportunity_id" => "opportunities",
            "competitor_id" | "lost_to_competitor_id" => "competitors",
            "user_id" | "owner_id" | "assignee_id" | "lead_id" => "users",
            "team_id" | "parent_team_id" | "routed_to_team_id" => "teams",
            "ledger_account_id" => "ledger/accounts",
            "tax_rate_id" => "tax-rates",
            "bank_account_id" => "bank-accounts",
            "invoice_id" => "invoices",
            "credit_note_id" => "credit-notes",
            "bill_id" => "bills",
            "vendor_credit_id" => "vendor-credits",
            _ => return uuid::Uuid::now_v7().to_string(),
        };
        self.ids[collection].clone()
    }
}

// ---------------------------------------------------------------------------------------------
// The spec and its operations

struct Spec(Value);

/// One operation of the spec, with a request built for it.
struct Operation {
    id: String,
    method: Method,
    /// The path as the spec writes it, e.g. `/api/v1/accounts/{id}/churn`.
    template: String,
    public: bool,
    /// `?from=...` when the operation has required query parameters, else empty.
    query: String,
    body: Option<Body>,
}

enum Body {
    Json(Value),
    /// A file: its text and its content type.
    Raw(&'static str, &'static str),
}

impl Spec {
    fn load() -> Spec {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
        let text = std::fs::read_to_string(path).unwrap();
        Spec(serde_json::from_str(&text).unwrap())
    }

    /// Every (path, method) of the spec.
    fn methods(&self) -> Vec<(&str, &str, &Value)> {
        let mut out = Vec::new();
        for (path, item) in self.0["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                if [
                    "get", "put", "post", "delete", "patch", "head", "options", "trace",
                ]
                .contains(&method.as_str())
                {
                    out.push((path.as_str(), method.as_str(), op));
                }
            }
        }
        out
    }

    fn operation_ids(&self) -> Vec<String> {
        self.methods()
            .into_iter()
            .map(|(path, method, op)| operation_id(path, method, op))
            .collect()
    }

    fn operations(&self, a: &OrganizationA) -> Vec<Operation> {
        self.methods()
            .into_iter()
            .map(|(path, method, op)| Operation {
                id: operation_id(path, method, op),
                method: method.to_uppercase().parse().unwrap(),
                template: path.to_owned(),
                public: self.is_public(op),
                query: self.required_query(op, a),
                body: self.body(op, a),
            })
            .collect()
    }

    /// `security: [{}]` (or a list holding an empty requirement) makes an operation public.
    fn is_public(&self, op: &Value) -> bool {
        let security = if op.get("security").is_some() {
            &op["security"]
        } else {
            &self.0["security"]
        };
        match security.as_array() {
            None => true,
            Some(reqs) => reqs
                .iter()
                .any(|r| r.as_object().is_some_and(Map::is_empty)),
        }
    }

    fn required_query(&self, op: &Value, a: &OrganizationA) -> String {
        let params: Vec<String> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| self.resolve(p))
            .filter(|p| p["in"] == "query" && p["required"] == true)
            .map(|p| {
                let name = p["name"].as_str().unwrap();
                let value = self.example(&p["schema"], name, a, 0);
                let value = value
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or(value.to_string());
                format!("{name}={value}")
            })
            .collect();
        if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        }
    }

    fn body(&self, op: &Value, a: &OrganizationA) -> Option<Body> {
        let content = self.resolve(&op["requestBody"])["content"].as_object()?;
        if let Some(json) = content.get("application/json") {
            return Some(Body::Json(self.example(&json["schema"], "", a, 0)));
        }
        if content.contains_key("text/csv") {
            return Some(Body::Raw("name\nAuthz Sweep Co\n", "text/csv"));
        }
        if content.contains_key("application/xml") {
            return Some(Body::Raw(
                "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>A</MsgId><CreDtTm>2026-01-01T00:00:00</CreDtTm></GrpHdr></BkToCstmrStmt></Document>",
                "application/xml",
            ));
        }
        panic!("no request body this sweep can build: {:?}", content.keys());
    }

    fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        while let Some(r) = schema["$ref"].as_str() {
            let mut target = &self.0;
            for part in r.trim_start_matches("#/").split('/') {
                target = &target[part];
            }
            assert!(!target.is_null(), "unresolved $ref {r}");
            schema = target;
        }
        schema
    }

    /// A value valid against `schema`, for a property called `name`: the first enum value, an
    /// organization-A id for uuids, the spec's example, or a plain value of the type (objects
    /// get their required properties only).
    fn example(&self, schema: &Value, name: &str, a: &OrganizationA, depth: usize) -> Value {
        assert!(depth < 20, "the schema of {name} nests too deep");
        let schema = self.resolve(schema);
        for key in ["oneOf", "anyOf"] {
            if let Some(alternatives) = schema[key].as_array() {
                let chosen = alternatives
                    .iter()
                    .find(|s| self.resolve(s)["type"] != "null")
                    .or(alternatives.first());
                return match chosen {
                    Some(s) => self.example(s, name, a, depth + 1),
                    None => Value::Null,
                };
            }
        }
        if let Some(parts) = schema["allOf"].as_array() {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(o) = self.example(part, name, a, depth + 1) {
                    merged.extend(o);
                }
            }
            return Value::Object(merged);
        }
        if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
            return first.clone();
        }
        let ty = match &schema["type"] {
            Value::Array(types) => types
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null"),
            Value::String(t) => t.as_str(),
            _ if schema.get("properties").is_some() => "object",
            _ => "null",
        };
        if ty == "string" && schema["format"] == "uuid" {
            return json!(a.id_for_property(name));
        }
        if let Some(example) = schema.get("example") {
            return example.clone();
        }
        match ty {
            "string" => json!(string_for(name, schema["format"].as_str())),
            "integer" | "number" => schema.get("minimum").cloned().unwrap_or(json!(1)),
            "boolean" => json!(false),
            "array" => json!([self.example(&schema["items"], name, a, depth + 1)]),
            "object" => {
                let mut o = Map::new();
                for required in schema["required"].as_array().into_iter().flatten() {
                    let prop = required.as_str().unwrap();
                    let value = self.example(&schema["properties"][prop], prop, a, depth + 1);
                    o.insert(prop.to_owned(), value);
                }
                Value::Object(o)
            }
            _ => Value::Null,
        }
    }
}

/// A string for a property the spec gives no example of: by its format, else by its name.
fn string_for(name: &str, format: Option<&str>) -> String {
    match format {
        Some("date") => return "2026-01-15".into(),
        Some("date-time") => return "2026-01-15T10:00:00Z".into(),
        Some("email") => return unique_email("sweep"),
        _ => {}
    }
    let money = [
        "amount", "rate", "price", "quantity", "debit", "credit", "total",
    ];
    if name.contains("email") {
        unique_email("sweep")
    } else if name.contains("password") {
        PASSWORD.into()
    } else if name == "currency" {
        "USD".into()
    } else if money.iter().any(|m| name.contains(m)) {
        "1.00".into()
    } else {
        "Authz sweep".into()
    }
}

/// `operationId`, or `METHOD path` when the spec gives none.
fn operation_id(path: &str, method: &str, op: &Value) -> String {
    op["operationId"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{} {path}", method.to_uppercase()))
}

impl Operation {
    fn is_write(&self) -> bool {
        [Method::POST, Method::PUT, Method::PATCH, Method::DELETE].contains(&self.method)
    }

    fn has_path_ids(&self) -> bool {
        self.template.contains('{')
    }

    /// The path with organization A's ids (and the required query); an error names a path
    /// parameter no organization-A resource is set up for.
    fn path_with_ids(&self, a: &OrganizationA) -> Result<String, String> {
        let mut path = String::new();
        let mut collection: Vec<&str> = Vec::new();
        for segment in self.template.split('/').filter(|s| !s.is_empty()) {
            path.push('/');
            if segment.starts_with('{') {
                let key = collection.join("/");
                let id = a.ids.get(key.as_str()).ok_or_else(|| {
                    format!(
                        "no organization-A resource for {segment} under `{key}`: add one to \
                         OrganizationA::set_up"
                    )
                })?;
                path.push_str(id);
            } else {
                path.push_str(segment);
                if segment != "api" && segment != "v1" {
                    collection.push(segment);
                }
            }
        }
        Ok(format!("{path}{}", self.query))
    }

    async fn send(&self, app: &TestApp, path: &str, token: Option<&str>) -> Answer {
        let mut req = app.req(self.method.clone(), path);
        if let Some(t) = token {
            req = req.token(t);
        }
        match &self.body {
            Some(Body::Json(v)) => req = req.json(v),
            Some(Body::Raw(text, ctype)) => req = req.raw(*text, ctype),
            None => {}
        }
        req.send().await
    }
}
