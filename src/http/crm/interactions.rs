//! `/interactions`: calls, meetings, emails and visits logged on a client account.

use actix_web::{get, patch, post};

use crate::app::batch::{BatchRequest, BatchResults};
use crate::app::crm::account_records::InteractionListParams;
use crate::app::crm::interactions::{
    Interaction, InteractionCreate, InteractionInput, InteractionView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Interaction {
    create create_interaction "/interactions" "Create a interaction." (
        tag = "interactions",
        request_body = InteractionCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = InteractionView))
    )
    create_batch create_interactions_batch "/interactions/batch" "Create 1 to 100 interactions at once, each in its own savepoint of one transaction: 200 with a result per record (`status` 201 and `data`, or the status and `problem` the single create would have answered for it alone: 403 or 422 for an account the caller may not write or that does not exist). One `Idempotency-Key` covers the batch." (
        tag = "interactions",
        request_body = BatchRequest<InteractionCreate>,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 200, description = "One result per record, in the order sent", body = BatchResults<InteractionView>))
    )
    list list_interactions "/interactions" "List interactions." (
        tag = "interactions",
        params(PageParams, InteractionListParams),
        responses((status = 200, description = "A page of interactions", body = Page<InteractionView>))
    )
    get get_interaction "/interactions/{id}" "Get a interaction." (
        tag = "interactions",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The interaction", body = InteractionView))
    )
    update update_interaction "/interactions/{id}" "Change a interaction." (
        tag = "interactions",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = InteractionInput,
        responses((status = 200, description = "The updated interaction", body = InteractionView))
    )
});
