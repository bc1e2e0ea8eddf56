//! `/risks`: what threatens a client account (disputes included), with action plans.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::RiskListParams;
use crate::app::crm::risks::{Risk, RiskCreate, RiskInput, RiskView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Risk {
    create create_risk "/risks" "Create a risk." (
        tag = "risks",
        request_body = RiskCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = RiskView))
    )
    list list_risks "/risks" "List risks." (
        tag = "risks",
        params(PageParams, RiskListParams),
        responses((status = 200, description = "A page of risks", body = Page<RiskView>))
    )
    get get_risk "/risks/{id}" "Get a risk." (
        tag = "risks",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The risk", body = RiskView))
    )
    update update_risk "/risks/{id}" "Change a risk." (
        tag = "risks",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = RiskInput,
        responses((status = 200, description = "The updated risk", body = RiskView))
    )
});
