//! The OpenAPI document, built by utoipa from the same route registration the server uses,
//! plus what every operation shares: the bearer scheme and the problem responses.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::ObjectBuilder;
use utoipa::openapi::schema::{ArrayItems, Schema, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::Components;
use utoipa::openapi::Response;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};
use utoipa::Modify;
use utoipa::OpenApi as _;

use super::error::{Problem, PROBLEM_JSON};
use crate::app::error::FieldError;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "Account management and the books behind it: client relationships, a double-entry general ledger, receivables, payables and banking.\n\nConventions: JSON bodies in snake_case; money as decimal strings with an ISO 4217 currency; errors as RFC 9457 problem+json with a stable `code`; `Idempotency-Key` on every authenticated POST; cursor pagination (`limit`, `cursor`, `next_cursor`); `ETag`/`If-Match` on resources with a `version`; no string, in a body or a query, may contain U+0000 (422 `invalid_character`: PostgreSQL text cannot hold it)."
    ),
    components(schemas(Problem, FieldError)),
    tags(
        (name = "auth", description = "Sign up, log in, refresh and log out"),
        (name = "identity", description = "The caller"),
        (name = "users", description = "Colleagues and their roles"),
        (name = "teams", description = "Teams, leads and membership"),
        (name = "api-keys", description = "Keys for integrations"),
        (name = "accounts", description = "Client accounts: ownership, derived at-risk status, health, timeline, churn, reassignment, import, export, merge, CRM settings"),
        (name = "contacts", description = "The people at an account, their seniority and influence"),
        (name = "interactions", description = "Calls, meetings, check-ins and notes; editable by their author for 24 hours"),
        (name = "feedback", description = "CSAT and NPS from the client; append-only"),
        (name = "requests", description = "What the client asked for, routed into the company"),
        (name = "tasks", description = "Follow-ups"),
        (name = "opportunities", description = "Opportunities and their proposals"),
        (name = "risks", description = "Churn risks, competitor threats, disputes and complaints, with action plans"),
        (name = "competitors", description = "Rivals, referenced by id or name"),
        (name = "targets", description = "Targets per user or team and period"),
        (name = "account-plans", description = "Account plans: objectives co-created with the client, stakeholder maps and reviews"),
        (name = "agenda", description = "The caller's agenda: what is due on or before a day"),
        (name = "crm-reports", description = "Performance, sales, retention, competitor and account-planning reports"),
        (name = "ledger", description = "Chart of accounts, journal entries, balances, exchange rates and the lock date"),
        (name = "reports", description = "Trial balance, balance sheet, income statement, general ledger, AR/AP aging, tax summary"),
        (name = "organization", description = "The organization: name, rounding of documents, number prefixes"),
        (name = "tax-rates", description = "Tax rates and the accounts they post to"),
        (name = "bank-accounts", description = "Bank accounts, each with its own ledger account"),
        (name = "invoices", description = "Invoices to customers: draft, issue (numbered, posted), pay, void"),
        (name = "credit-notes", description = "Credit notes to customers, settling invoices or kept as credit"),
        (name = "bills", description = "Bills from vendors with the supplier's reference: draft, approve, pay, void"),
        (name = "vendor-credits", description = "Credits from vendors, settling bills or kept as credit"),
        (name = "payments", description = "Payments received and sent, allocated to documents"),
        (name = "bank-statements", description = "Bank statements imported from camt.053, OFX or CSV files, deduplicated and checked against their balances"),
        (name = "bank-transactions", description = "Bank lines and their reconciliation with payments and entries: match, categorize, pay from a line, auto-reconcile, undo"),
        (name = "bank-rules", description = "Rules that categorize bank lines no payment or entry matched"),
        (name = "bank-transfers", description = "Money moved between the organization's bank accounts"),
        (name = "events", description = "The change log and change feed: one event per changed resource, in commit order"),
        (name = "audit", description = "The audit trail: who changed what, from what, hash-chained"),
        (name = "webhooks", description = "Endpoints that receive the change log as signed deliveries (Standard Webhooks), their secrets, tests and delivery logs"),
        (name = "ops", description = "Health, readiness, metrics and this document")
    )
)]
struct ApiDoc;

pub fn base() -> OpenApi {
    ApiDoc::openapi()
}

const PROBLEM_RESPONSES: &[(&str, &str)] = &[
    (
        "400",
        "Malformed request: invalid JSON or wrong content type",
    ),
    ("401", "Missing, invalid or expired credentials"),
    (
        "403",
        "The caller's role lacks the permission named in the problem",
    ),
    ("404", "No such resource in the caller's organization"),
    (
        "409",
        "Conflicts with the current state (duplicate, idempotency key in progress)",
    ),
    (
        "412",
        "If-Match does not match the current version, or the resource changed while this request ran; read it again and retry",
    ),
    ("413", "Body larger than the configured limit"),
    (
        "422",
        "Breaks a rule; every offending field is listed in `errors`",
    ),
    ("429", "Rate limit exceeded; see Retry-After"),
    (
        "503",
        "Temporarily unavailable: the database cannot be reached (`database_unavailable`: a write that got this answer was not confirmed, so retry it with the same Idempotency-Key), is busy, or cannot be written (`database_read_only`, `storage_error`); see Retry-After",
    ),
    (
        "507",
        "The database's disk is full (`insufficient_storage`): nothing of this request was written; see Retry-After",
    ),
];

/// Adds what all operations share; authenticated operations get the bearer scheme and the
/// 401/403 answers, public ones (`security(())`) do not.
pub fn finish(mut api: OpenApi) -> OpenApi {
    api.info.version = env!("CARGO_PKG_VERSION").to_owned();
    let components = api.components.get_or_insert_with(Default::default);
    ref_page_items(components);
    components.security_schemes.insert(
        "bearer".to_owned(),
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT or API key")
                .description(Some(
                    "An access token from /api/v1/auth/token, or an API key (acc_...)",
                ))
                .build(),
        ),
    );
    for (code, description) in PROBLEM_RESPONSES {
        components.responses.insert(
            format!("Problem{code}"),
            RefOr::T(
                ResponseBuilder::new()
                    .description(*description)
                    .content(
                        PROBLEM_JSON,
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build(),
            ),
        );
    }
    ResponseHeaders.modify(&mut api);
    api.security = Some(vec![SecurityRequirement::new(
        "bearer",
        Vec::<String>::new(),
    )]);
    for (path, item) in api.paths.paths.iter_mut() {
        let ops: [&mut Option<Operation>; 5] = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        let has_body = |op: &Operation| op.request_body.is_some();
        for (method, op) in ["get", "post", "put", "patch", "delete"]
            .into_iter()
            .zip(ops)
        {
            let Some(op) = op.as_mut() else { continue };
            optional_body(op);
            for param in op.parameters.iter_mut().flatten() {
                never_null(&mut param.schema);
                constrain(param);
            }
            let public = op
                .security
                .as_ref()
                .is_some_and(|s| s.iter().all(|r| r == &SecurityRequirement::default()));
            if op.operation_id.is_none() {
                op.operation_id = Some(format!(
                    "{method}_{}",
                    path.trim_matches('/').replace(['/', '{', '}', '-'], "_")
                ));
            }
            let ops_path = !path.starts_with("/api/v1/") || path == "/api/v1/openapi.json";
            for (code, _) in PROBLEM_RESPONSES {
                let wanted = match *code {
                    "400" | "413" => has_body(op),
                    "401" => !public || is_credential_exchange(path),
                    "403" => !public,
                    "404" => path.contains('{') || names_a_record(op),
                    "409" => method == "post" || method == "patch" || method == "delete",
                    // Actions on a resource (`POST /accounts/{id}/reassign`) save with a version
                    // check too: a change that lands while they run answers 412.
                    "412" => {
                        method == "patch"
                            || (method == "post" && path.contains('{'))
                            || takes_header(op, "If-Match")
                    }
                    "422" => !ops_path,
                    "429" => path.starts_with("/api/"),
                    "503" => !ops_path || path == "/readyz",
                    "507" => !ops_path && method != "get",
                    _ => false,
                };
                if wanted {
                    op.responses
                        .responses
                        .entry((*code).to_owned())
                        .or_insert_with(|| {
                            RefOr::Ref(Ref::new(format!("#/components/responses/Problem{code}")))
                        });
                }
            }
        }
    }
    api
}

/// Declares the response headers the server sends, by walking every operation: `ETag` on
/// reads of one resource and on PATCH answers, `Location` on 201s, `Idempotent-Replayed` on
/// POST answers, and the rate-limit headers with `Retry-After` on 429 and 503.
struct ResponseHeaders;

fn header(description: &str, integer: bool) -> utoipa::openapi::header::Header {
    let kind = if integer { Type::Integer } else { Type::String };
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(kind))
        .description(Some(description))
        .build()
}

fn add_headers(response: &mut Response, names: &[&str]) {
    for name in names {
        let h = match *name {
            "ETag" => header("Strong validator of the resource's version; send it back in If-Match", false),
            "Location" => header("Where the created resource lives", false),
            "Idempotent-Replayed" => header("`true` when this is the stored answer of an earlier request with the same Idempotency-Key", false),
            "RateLimit-Limit" => header("Requests allowed per window for this caller", true),
            "RateLimit-Remaining" => header("Requests left in the current window", true),
            "RateLimit-Reset" => header("Seconds until the window resets", true),
            "Retry-After" => header("Seconds to wait before retrying", true),
            _ => continue,
        };
        response.headers.entry((*name).to_owned()).or_insert(h);
    }
}

impl Modify for ResponseHeaders {
    fn modify(&self, api: &mut OpenApi) {
        let limited = [
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Retry-After",
        ];
        if let Some(components) = api.components.as_mut() {
            for code in ["429", "503"] {
                if let Some(RefOr::T(r)) = components.responses.get_mut(&format!("Problem{code}")) {
                    add_headers(r, &limited);
                }
            }
            if let Some(RefOr::T(r)) = components.responses.get_mut("Problem507") {
                add_headers(r, &["Retry-After"]);
            }
        }
        for (path, item) in api.paths.paths.iter_mut() {
            let one_resource = path.ends_with('}');
            let ops = [
                ("get", &mut item.get),
                ("post", &mut item.post),
                ("put", &mut item.put),
                ("patch", &mut item.patch),
                ("delete", &mut item.delete),
            ];
            for (method, op) in ops {
                let Some(op) = op.as_mut() else { continue };
                for (code, response) in op.responses.responses.iter_mut() {
                    let RefOr::T(response) = response else {
                        continue;
                    };
                    let mut names = Vec::new();
                    if code == "200" && (method == "patch" || (method == "get" && one_resource)) {
                        names.push("ETag");
                    }
                    if code == "201" {
                        names.push("Location");
                    }
                    if method == "post"
                        && code.starts_with('2')
                        && !path.starts_with("/api/v1/auth/")
                    {
                        names.push("Idempotent-Replayed");
                    }
                    add_headers(response, &names);
                }
            }
        }
    }
}

/// A parameter is absent or has a value: headers, query and path segments cannot carry JSON
/// null, so `Option<String>` (which utoipa renders as `type: [string, null]`) means "not
/// required", which `required: false` already says. Generated clients (progenitor) otherwise
/// take the parameter as an optional optional.
fn never_null(schema: &mut Option<RefOr<Schema>>) {
    let Some(RefOr::T(Schema::Object(object))) = schema else {
        return;
    };
    if let SchemaType::Array(types) = &mut object.schema_type {
        types.retain(|t| *t != Type::Null);
        if let [only] = types.as_slice() {
            object.schema_type = SchemaType::Type(only.clone());
        }
    }
}

/// A body declared `Option<T>` (the actions, such as `POST /invoices/{id}/issue`, that take
/// nothing, or `{}`) may be left out: utoipa omits `required` for it and renders its schema
/// as `oneOf: [{type: null}, T]`. Say `required: false` outright, and drop the `null`
/// alternative: a body of JSON `null` is refused, an absent body is what `required: false`
/// means. Generated clients then make the body an optional argument.
fn optional_body(op: &mut Operation) {
    let Some(body) = op.request_body.as_mut() else {
        return;
    };
    if body.required.is_some() {
        return;
    }
    body.required = Some(utoipa::openapi::Required::False);
    for content in body.content.values_mut() {
        let Some(RefOr::T(Schema::OneOf(one_of))) = &content.schema else {
            continue;
        };
        let rest: Vec<_> = one_of
            .items
            .iter()
            .filter(|item| {
                !matches!(item, RefOr::T(Schema::Object(o))
                    if o.schema_type == SchemaType::Type(Type::Null))
            })
            .cloned()
            .collect();
        if let [only] = rest.as_slice() {
            content.schema = Some(only.clone());
        }
    }
}

/// utoipa inlines the item schema into each `Page_<Item>`; point `data.items` at the named
/// `<Item>` schema instead (when it is the same schema), so generated clients get one type per
/// resource rather than a copy per list.
fn ref_page_items(components: &mut Components) {
    let named = components.schemas.clone();
    for (name, page) in components.schemas.iter_mut() {
        let Some(item) = name.strip_prefix("Page_") else {
            continue;
        };
        let Some(item_schema) = named.get(item) else {
            continue;
        };
        let RefOr::T(Schema::Object(page)) = page else {
            continue;
        };
        let Some(RefOr::T(Schema::Array(data))) = page.properties.get_mut("data") else {
            continue;
        };
        if let ArrayItems::RefOrSchema(items) = &mut data.items {
            if **items == *item_schema {
                **items = RefOr::Ref(Ref::from_schema_name(item));
            }
        }
    }
}

/// `/auth/token` and `/auth/refresh` are public but answer 401 for a wrong password or a
/// spent refresh token.
/// Whether a required query parameter names a record by id (`?bank_account_id=`): one that
/// does not exist answers 404, like an id in the path.
fn names_a_record(op: &Operation) -> bool {
    op.parameters.iter().flatten().any(|p| {
        p.parameter_in == ParameterIn::Query
            && p.name.ends_with("_id")
            && p.required == utoipa::openapi::Required::True
    })
}

/// Whether the operation documents the request header `name`.
fn takes_header(op: &Operation, name: &str) -> bool {
    op.parameters
        .iter()
        .flatten()
        .any(|p| p.parameter_in == ParameterIn::Header && p.name.eq_ignore_ascii_case(name))
}

fn is_credential_exchange(path: &str) -> bool {
    matches!(path, "/api/v1/auth/token" | "/api/v1/auth/refresh")
}

/// What the shared extractors enforce on every operation, stated in the spec: `limit` is 1 to
/// `MAX_LIMIT` (app/page.rs) and an `Idempotency-Key` is 1 to 255 visible ASCII characters
/// (write.rs).
fn constrain(param: &mut Parameter) {
    let Some(RefOr::T(Schema::Object(object))) = param.schema.as_mut() else {
        return;
    };
    match (&param.parameter_in, param.name.as_str()) {
        (ParameterIn::Query, "limit") => {
            object.minimum = Some(utoipa::Number::Int(1));
            object.maximum = Some(utoipa::Number::Int(crate::app::page::MAX_LIMIT as isize));
        }
        (ParameterIn::Header, "Idempotency-Key") => {
            object.min_length = Some(1);
            object.max_length = Some(255);
            object.pattern = Some("^[!-~]+$".to_owned());
        }
        _ => {}
    }
}
