//! The HTTP edge: routes, middleware, the spec and the one mapping of errors to problem+json
//! (`error.rs`). A handler extracts (the caller through `caller.rs`, the body, the path, the
//! query), calls one use case in `app` and replies (`reply.rs`); it names nothing of `db`.
//! Plain records get their handlers from `record.rs`.

pub mod banking;
pub mod billing;
pub mod caller;
pub mod crm;
pub mod error;
pub mod etag;
pub mod events;
pub mod identity;
pub mod json;
pub mod ledger;
pub mod messages;
pub mod metrics;
pub mod openapi;
pub mod ops;
pub mod organization;
pub mod rate_limit;
pub mod record;
pub mod reply;
pub mod report;
pub mod webhooks;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use regex::Regex;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};

use crate::app::error::FieldError;
use error::{ApiError, PROBLEM_JSON};
use rate_limit::{Decision, RateLimiter};

/// Every operation, registered once: the server and the spec both come from here.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(ops::healthz)
        .service(ops::readyz)
        .service(ops::metrics)
        .service(
            scope::scope("/api/v1")
                .service(ops::openapi_json)
                .service(identity::sessions::signup)
                .service(identity::sessions::token)
                .service(identity::sessions::refresh)
                .service(identity::sessions::logout)
                .service(identity::users::me)
                .service(identity::users::create_user)
                .service(identity::users::list_users)
                .service(identity::users::get_user)
                .service(identity::users::update_user)
                .service(identity::api_keys::create_api_key)
                .service(identity::api_keys::list_api_keys)
                .service(identity::api_keys::get_api_key)
                .service(identity::api_keys::revoke_api_key)
                .service(events::list_events)
                .service(events::verify_audit_events)
                .service(events::list_audit_events)
                .service(identity::teams::create_team)
                .service(identity::teams::list_teams)
                .service(identity::teams::get_team)
                .service(identity::teams::update_team)
                .service(identity::teams::delete_team)
                .service(crm::import::import_accounts)
                .service(crm::export::export_accounts)
                .service(crm::accounts::create_account)
                .service(crm::accounts::create_accounts_batch)
                .service(crm::accounts::list_accounts)
                .service(crm::accounts::get_account)
                .service(crm::accounts::update_account)
                .service(crm::accounts::archive_account)
                .service(crm::accounts::churn_account)
                .service(crm::owners::reassign_account)
                .service(crm::owners::account_owner_history)
                .service(crm::merge::merge_account)
                .service(crm::timeline::account_timeline)
                .service(crm::profitability::account_profitability)
                .service(crm::settings::get_crm_settings)
                .service(crm::settings::update_crm_settings)
                .service(crm::import::import_contacts)
                .service(crm::import::get_import)
                .service(crm::contacts::create_contact)
                .service(crm::contacts::create_contacts_batch)
                .service(crm::contacts::list_contacts)
                .service(crm::contacts::get_contact)
                .service(crm::contacts::update_contact)
                .service(crm::contacts::delete_contact)
                .service(crm::interactions::create_interaction)
                .service(crm::interactions::create_interactions_batch)
                .service(crm::interactions::list_interactions)
                .service(crm::interactions::get_interaction)
                .service(crm::interactions::update_interaction)
                .service(crm::feedback::create_feedback)
                .service(crm::feedback::list_feedback)
                .service(crm::feedback::get_feedback)
                .service(crm::requests::create_request)
                .service(crm::requests::list_requests)
                .service(crm::requests::get_request)
                .service(crm::requests::update_request)
                .service(crm::tasks::create_task)
                .service(crm::tasks::list_tasks)
                .service(crm::tasks::get_task)
                .service(crm::tasks::update_task)
                .service(crm::tasks::delete_task)
                .service(crm::opportunities::create_opportunity)
                .service(crm::opportunities::list_opportunities)
                .service(crm::opportunities::get_opportunity)
                .service(crm::opportunities::update_opportunity)
                .service(crm::proposals::create_proposal)
                .service(crm::proposals::list_proposals)
                .service(crm::proposals::get_proposal)
                .service(crm::proposals::update_proposal)
                .service(crm::risks::create_risk)
                .service(crm::risks::list_risks)
                .service(crm::risks::get_risk)
                .service(crm::risks::update_risk)
                .service(crm::competitors::create_competitor)
                .service(crm::competitors::list_competitors)
                .service(crm::competitors::get_competitor)
                .service(crm::competitors::update_competitor)
                .service(crm::targets::create_target)
                .service(crm::targets::list_targets)
                .service(crm::targets::get_target)
                .service(crm::targets::update_target)
                .service(crm::targets::delete_target)
                .service(crm::reports::performance_report)
                .service(crm::reports::sales_report)
                .service(crm::reports::retention_report)
                .service(crm::reports::competitors_report)
                .service(crm::agenda::my_agenda)
                .service(crm::account_plans::create_account_plan)
                .service(crm::account_plans::list_account_plans)
                .service(crm::account_plans::get_account_plan)
                .service(crm::account_plans::update_account_plan)
                .service(crm::account_plans::delete_account_plan)
                .service(crm::account_plans::create_plan_objective)
                .service(crm::account_plans::list_plan_objectives)
                .service(crm::account_plans::get_plan_objective)
                .service(crm::account_plans::update_plan_objective)
                .service(crm::account_plans::delete_plan_objective)
                .service(crm::account_plans::create_plan_stakeholder)
                .service(crm::account_plans::list_plan_stakeholders)
                .service(crm::account_plans::get_plan_stakeholder)
                .service(crm::account_plans::update_plan_stakeholder)
                .service(crm::account_plans::delete_plan_stakeholder)
                .service(crm::account_plans::create_plan_review)
                .service(crm::account_plans::list_plan_reviews)
                .service(crm::account_plans::get_plan_review)
                .service(crm::account_plans::account_planning_report)
                .service(ledger::accounts::create_ledger_account)
                .service(ledger::accounts::list_ledger_accounts)
                .service(ledger::accounts::get_ledger_account)
                .service(ledger::accounts::update_ledger_account)
                .service(ledger::accounts::delete_ledger_account)
                .service(ledger::balances::ledger_account_balance)
                .service(ledger::balances::ledger_account_activity)
                .service(ledger::exchange_rates::create_exchange_rate)
                .service(ledger::exchange_rates::list_exchange_rates)
                .service(ledger::entries::create_journal_entry)
                .service(ledger::entries::bulk_create_journal_entries)
                .service(ledger::entries::list_journal_entries)
                .service(ledger::entries::get_journal_entry)
                .service(ledger::entries::reverse_journal_entry)
                .service(ledger::lock_date::get_lock_date)
                .service(ledger::lock_date::set_lock_date)
                .service(ledger::reports::trial_balance)
                .service(ledger::reports::balance_sheet)
                .service(ledger::reports::income_statement)
                .service(ledger::reports::general_ledger)
                .service(organization::get_organization)
                .service(organization::update_organization)
                .service(billing::tax_rates::create_tax_rate)
                .service(billing::tax_rates::list_tax_rates)
                .service(billing::tax_rates::get_tax_rate)
                .service(billing::tax_rates::update_tax_rate)
                .service(billing::tax_rates::delete_tax_rate)
                .service(billing::bank_accounts::create_bank_account)
                .service(billing::bank_accounts::list_bank_accounts)
                .service(billing::bank_accounts::get_bank_account)
                .service(billing::bank_accounts::update_bank_account)
                .service(billing::bank_accounts::delete_bank_account)
                .service(billing::bank_accounts::set_csv_mapping)
                .service(billing::bank_accounts::delete_csv_mapping)
                .service(billing::bank_accounts::set_balance_anchor)
                .service(billing::bank_accounts::delete_balance_anchor)
                .service(billing::invoices::create)
                .service(billing::invoices::list)
                .service(billing::invoices::get)
                .service(billing::invoices::update)
                .service(billing::invoices::delete)
                .service(billing::invoices::issue)
                .service(billing::invoices::void)
                .service(billing::credit_notes::create)
                .service(billing::credit_notes::list)
                .service(billing::credit_notes::get)
                .service(billing::credit_notes::update)
                .service(billing::credit_notes::delete)
                .service(billing::credit_notes::issue)
                .service(billing::credit_notes::void)
                .service(billing::bills::create)
                .service(billing::bills::list)
                .service(billing::bills::get)
                .service(billing::bills::update)
                .service(billing::bills::delete)
                .service(billing::bills::issue)
                .service(billing::bills::void)
                .service(billing::vendor_credits::create)
                .service(billing::vendor_credits::list)
                .service(billing::vendor_credits::get)
                .service(billing::vendor_credits::update)
                .service(billing::vendor_credits::delete)
                .service(billing::vendor_credits::issue)
                .service(billing::vendor_credits::void)
                .service(billing::payments::create_payment)
                .service(billing::payments::list_payments)
                .service(billing::payments::get_payment)
                .service(billing::payments::allocate_payment)
                .service(billing::payments::void_payment)
                .service(billing::aging::ar_aging)
                .service(billing::aging::ap_aging)
                .service(billing::tax_summary::tax_summary)
                .service(billing::statements::account_statement)
                .service(webhooks::create_webhook)
                .service(webhooks::list_webhooks)
                .service(webhooks::get_webhook)
                .service(webhooks::update_webhook)
                .service(webhooks::delete_webhook)
                .service(webhooks::rotate_webhook_secret)
                .service(webhooks::test_webhook)
                .service(webhooks::list_webhook_deliveries)
                .service(webhooks::retry_webhook_delivery)
                .configure(banking::routes),
        );
}

/// The OpenAPI document of `routes`, as `accord openapi` prints it and the server serves it.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(openapi::base())
        .configure(routes)
        .split_for_parts();
    openapi::finish(api)
}

pub fn spec_json() -> String {
    let mut s = spec().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}

/// Which methods each path template answers, from the spec, for 405 + `Allow`; and the query
/// parameters each operation documents, the only ones it accepts (see `json::ApiQuery`).
pub struct RouteTable(
    Vec<(Regex, Vec<&'static str>, Option<String>)>,
    HashMap<(String, String), Vec<String>>,
);

impl RouteTable {
    pub fn from_spec(api: &utoipa::openapi::OpenApi) -> RouteTable {
        let mut table = Vec::new();
        let mut query = HashMap::new();
        for (path, item) in &api.paths.paths {
            for (m, op) in [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("PATCH", &item.patch),
                ("DELETE", &item.delete),
            ] {
                let Some(op) = op else { continue };
                let names = op
                    .parameters
                    .iter()
                    .flatten()
                    .filter(|p| p.parameter_in == utoipa::openapi::path::ParameterIn::Query)
                    .map(|p| p.name.clone())
                    .collect();
                query.insert((path.clone(), m.to_owned()), names);
            }
            // `/users/{id}` → `^/users/[^/]+$`
            let pattern = format!(
                "^{}$",
                path.split('/')
                    .map(|seg| if seg.starts_with('{') && seg.ends_with('}') {
                        "[^/]+".to_owned()
                    } else {
                        regex::escape(seg)
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            );
            let mut methods = Vec::new();
            for (m, present) in [
                ("GET", item.get.is_some()),
                ("POST", item.post.is_some()),
                ("PUT", item.put.is_some()),
                ("PATCH", item.patch.is_some()),
                ("DELETE", item.delete.is_some()),
            ] {
                if present {
                    methods.push(m);
                }
            }
            let literal = (!path.contains('{')).then(|| path.clone());
            if let Ok(re) = Regex::new(&pattern) {
                table.push((re, methods, literal));
            }
        }
        RouteTable(table, query)
    }

    /// The query parameters the operation at the route template `pattern` documents; `None`
    /// for a route the spec does not describe.
    pub fn query_parameters(&self, pattern: &str, method: &str) -> Option<&[String]> {
        self.1
            .get(&(pattern.to_owned(), method.to_owned()))
            .map(Vec::as_slice)
    }

    fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let mut all: Vec<&'static str> = Vec::new();
        for (re, methods, _) in &self.0 {
            if re.is_match(path) {
                all.extend(methods);
            }
        }
        (!all.is_empty()).then_some(all)
    }

    /// The methods of a literal path (`/api/v1/accounts/export`), which a template of a
    /// sibling (`/api/v1/accounts/{id}`) must not shadow.
    fn literal(&self, path: &str) -> Option<&[&'static str]> {
        self.0
            .iter()
            .find(|(_, _, literal)| literal.as_deref() == Some(path))
            .map(|(_, methods, _)| methods.as_slice())
    }
}

/// Unknown routes: 405 with `Allow` when the path exists under other methods, else 404.
pub async fn fallback(
    req: HttpRequest,
    table: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    if let Some(methods) = table.allowed(req.path()) {
        if req.method() == Method::OPTIONS {
            return Ok(HttpResponse::NoContent()
                .insert_header((header::ALLOW, methods.join(", ")))
                .finish());
        }
        return Err(ApiError::method_not_allowed(req.method(), &methods));
    }
    Err(ApiError::route_not_found(req.method(), req.path()))
}

/// Extractor failures answer in the same problem shape as everything else.
pub fn configure_extractors(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::PathConfig::default().error_handler(|err, req| {
        tracing::debug!(error = %err, path = req.path(), "path did not parse");
        // `PATCH /accounts/export` reached `PATCH /accounts/{id}`: the literal path exists
        // without that method, so it is 405 like any other undeclared method.
        if let Some(table) = req.app_data::<web::Data<RouteTable>>() {
            if let Some(methods) = table.literal(req.path()) {
                if !methods.contains(&req.method().as_str()) {
                    return ApiError::method_not_allowed(req.method(), methods).into();
                }
            }
        }
        ApiError::not_found("resource (the id in the path is not a valid id)").into()
    }))
    .app_data(web::QueryConfig::default().error_handler(|err, _| {
        let message = err.to_string();
        let field = message
            .split('`')
            .nth(1)
            .map(str::to_owned)
            .unwrap_or_else(|| "query".to_owned());
        ApiError::validation(vec![FieldError::new(
            format!("query:{field}"),
            "invalid_query",
            message,
        )])
        .into()
    }));
}

/// A request's id, from `X-Request-Id` or generated.
#[derive(Clone)]
pub struct RequestId(pub String);

/// The versioned API's paths.
const API_PREFIX: &str = "/api/";

/// Headers every answer carries unless it set its own: no MIME sniffing, no framing by another
/// page; and under `/api/` no cache may store the answer (it can hold tokens, secrets and one
/// caller's data; `ETag` still lets a client revalidate).
fn secure(headers: &mut header::HeaderMap, path: &str) {
    let defaults = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("content-security-policy", "frame-ancestors 'none'"),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(name) {
            headers.insert(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
    }
    if path.starts_with(API_PREFIX) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// Outermost middleware: request id, access log, metrics, and `instance` on problems.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 200 && v.chars().all(|c| c.is_ascii_graphic()))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<metrics::Metrics>>().cloned();
    let draining = req
        .app_data::<web::Data<crate::app::App>>()
        .is_some_and(|app| app.lifecycle.is_draining());
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let mut res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    if status.is_client_error() || status.is_server_error() {
        res = add_instance(res, &request_id).await;
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), v);
    }
    secure(res.headers_mut(), &path);
    if draining {
        // A draining node asks clients and load balancers not to reuse the connection.
        res.response_mut()
            .head_mut()
            .set_connection_type(actix_web::http::ConnectionType::Close);
    }
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(m) = metrics {
        m.observe(&method, &route, status.as_u16(), elapsed);
    }
    tracing::info!(request_id = %request_id, method = %method, path = %path, route = %route, status = status.as_u16(), ms = elapsed * 1000.0, "request");
    Ok(res)
}

async fn add_instance(res: ServiceResponse<BoxBody>, request_id: &str) -> ServiceResponse<BoxBody> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if !is_problem {
        return res;
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = actix_web::body::to_bytes(body).await.unwrap_or_default();
    let body = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(mut v) => {
            if let Some(obj) = v.as_object_mut() {
                obj.insert(
                    "instance".into(),
                    format!("urn:request:{request_id}").into(),
                );
            }
            serde_json::to_vec(&v).unwrap_or_else(|_| bytes.to_vec())
        }
        Err(_) => bytes.to_vec(),
    };
    ServiceResponse::new(req, head.set_body(BoxBody::new(body)))
}

/// Rate limiting per caller (the bearer credential, else the client address).
pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let limiter = req.app_data::<web::Data<RateLimiter>>().cloned();
    let Some(limiter) = limiter.filter(|_| req.path().starts_with("/api/")) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let caller = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| format!("auth:{v}"))
        .unwrap_or_else(|| {
            format!(
                "addr:{}",
                caller::client_addr(req.request()).unwrap_or_default()
            )
        });
    match limiter.check(&caller) {
        Decision::Limited {
            limit,
            retry_after_secs,
        } => {
            let err = ApiError::rate_limited(limit, retry_after_secs);
            let (http_req, _) = req.into_parts();
            Ok(ServiceResponse::new(
                http_req,
                actix_web::ResponseError::error_response(&err),
            ))
        }
        Decision::Allowed {
            limit,
            remaining,
            reset_secs,
        } => {
            let mut res = next.call(req).await?.map_into_boxed_body();
            let h = res.headers_mut();
            for (name, value) in [
                ("ratelimit-limit", limit.to_string()),
                ("ratelimit-remaining", remaining.to_string()),
                ("ratelimit-reset", reset_secs.to_string()),
            ] {
                if let Ok(v) = HeaderValue::from_str(&value) {
                    h.insert(HeaderName::from_static(name), v);
                }
            }
            Ok(res)
        }
    }
}

/// Everything the server shares between workers, built once at start.
#[derive(Clone)]
pub struct Shared {
    pub state: web::Data<crate::app::App>,
    pub metrics: web::Data<metrics::Metrics>,
    pub limiter: Option<web::Data<RateLimiter>>,
    pub spec: web::Data<ops::SpecJson>,
    pub routes: web::Data<RouteTable>,
    pub body_limit: json::BodyLimit,
}

impl Shared {
    pub fn new(state: crate::app::App) -> Result<Shared, String> {
        let api = spec();
        let json = spec_json();
        let rate = state.config.rate_limit;
        let body_limit = json::BodyLimit(state.config.body_limit);
        Ok(Shared {
            routes: web::Data::new(RouteTable::from_spec(&api)),
            spec: web::Data::new(ops::SpecJson(Arc::new(json))),
            metrics: web::Data::new(metrics::Metrics::new().map_err(|e| e.to_string())?),
            limiter: (rate > 0).then(|| web::Data::new(RateLimiter::new(rate))),
            state: web::Data::new(state),
            body_limit,
        })
    }
}

/// Swagger UI served from assets compiled into the binary (no CDN).
pub fn docs() -> utoipa_swagger_ui::SwaggerUi {
    utoipa_swagger_ui::SwaggerUi::new("/docs/{_:.*}")
        .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json"))
}

/// Builds the actix app (used per worker by the server).
pub fn app(
    shared: &Shared,
) -> actix_web::App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<BoxBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let mut app = actix_web::App::new()
        .app_data(shared.state.clone())
        .app_data(shared.metrics.clone())
        .app_data(shared.spec.clone())
        .app_data(shared.routes.clone())
        .app_data(shared.body_limit);
    if let Some(l) = &shared.limiter {
        app = app.app_data(l.clone());
    }
    let (app, _) = app
        .configure(configure_extractors)
        .into_utoipa_app()
        .configure(routes)
        .split_for_parts();
    app.service(docs())
        .service(web::redirect("/docs", "/docs/"))
        .default_service(web::to(fallback))
        .wrap(actix_web::middleware::from_fn(rate_limit))
        .wrap(actix_web::middleware::from_fn(observe))
}
