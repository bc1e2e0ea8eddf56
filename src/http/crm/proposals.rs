//! `/proposals`: what was offered on an opportunity, numbered within it.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::ProposalListParams;
use crate::app::crm::proposals::{Proposal, ProposalCreate, ProposalInput, ProposalView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Proposal {
    create create_proposal "/proposals" "Create a proposal." (
        tag = "opportunities",
        request_body = ProposalCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = ProposalView))
    )
    list list_proposals "/proposals" "List proposals." (
        tag = "opportunities",
        params(PageParams, ProposalListParams),
        responses((status = 200, description = "A page of proposals", body = Page<ProposalView>))
    )
    get get_proposal "/proposals/{id}" "Get a proposal." (
        tag = "opportunities",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The proposal", body = ProposalView))
    )
    update update_proposal "/proposals/{id}" "Change a proposal." (
        tag = "opportunities",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = ProposalInput,
        responses((status = 200, description = "The updated proposal", body = ProposalView))
    )
});
