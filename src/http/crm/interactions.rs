//! `/interactions`: calls, meetings, emails and visits logged on a client account.

use actix_web::{get, patch, post};

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
