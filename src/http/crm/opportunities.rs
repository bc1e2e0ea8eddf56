//! `/opportunities`: deals in the pipeline of a client account.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::OpportunityListParams;
use crate::app::crm::opportunities::{
    Opportunity, OpportunityCreate, OpportunityInput, OpportunityView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Opportunity {
    create create_opportunity "/opportunities" "Create a opportunity." (
        tag = "opportunities",
        request_body = OpportunityCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = OpportunityView))
    )
    list list_opportunities "/opportunities" "List opportunities." (
        tag = "opportunities",
        params(PageParams, OpportunityListParams),
        responses((status = 200, description = "A page of opportunities", body = Page<OpportunityView>))
    )
    get get_opportunity "/opportunities/{id}" "Get a opportunity." (
        tag = "opportunities",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The opportunity", body = OpportunityView))
    )
    update update_opportunity "/opportunities/{id}" "Change a opportunity." (
        tag = "opportunities",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = OpportunityInput,
        responses((status = 200, description = "The updated opportunity", body = OpportunityView))
    )
});
