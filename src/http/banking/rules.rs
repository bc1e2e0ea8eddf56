//! `/bank-rules`: what categorizes the bank lines no payment or entry matched.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::app::banking::rules::{self, BankRule, BankRuleCreate, BankRuleRequest, BankRuleView};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

crate::record_endpoints!(BankRule {
    create create_bank_rule "/bank-rules" "Create a bank rule: conditions on a bank line and where a line that meets them is posted." (
        tag = "bank-rules",
        request_body = BankRuleCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = BankRuleView))
    )
    get get_bank_rule "/bank-rules/{id}" "A bank rule." (
        tag = "bank-rules",
        params(("id" = Uuid, Path, description = "Bank rule id")),
        responses((status = 200, description = "The bank rule", body = BankRuleView))
    )
    update update_bank_rule "/bank-rules/{id}" "Change a bank rule's conditions, target, priority or activity." (
        tag = "bank-rules",
        request_body = BankRuleRequest,
        params(("id" = Uuid, Path, description = "Bank rule id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
        responses((status = 200, description = "The bank rule", body = BankRuleView))
    )
    delete delete_bank_rule "/bank-rules/{id}" "Delete a bank rule." (
        tag = "bank-rules",
        params(("id" = Uuid, Path, description = "Bank rule id")),
        responses((status = 204, description = "Deleted"))
    )
});

/// The bank rules, in the order they are tried: priority, then creation.
#[utoipa::path(
    tag = "bank-rules",
    params(PageParams),
    responses((status = 200, description = "A page of bank rules", body = Page<BankRuleView>))
)]
#[get("/bank-rules")]
pub async fn list_bank_rules(
    app: web::Data<App>,
    cx: Cx,
    page: ApiQuery<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let page = rules::list(&app, &cx, page.into_inner()).await?;
    Ok(reply::json(&page))
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_bank_rule)
        .service(list_bank_rules)
        .service(get_bank_rule)
        .service(update_bank_rule)
        .service(delete_bank_rule);
}
