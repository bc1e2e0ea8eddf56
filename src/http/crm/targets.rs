//! `/targets`: what a user or a team should reach in a period.

use actix_web::{delete, get, patch, post};

use crate::app::crm::account_records::TargetListParams;
use crate::app::crm::targets::{Target, TargetInput, TargetPatch, TargetView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Target {
    create create_target "/targets" "Create a target." (
        tag = "targets",
        request_body = TargetInput,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = TargetView))
    )
    list list_targets "/targets" "List targets." (
        tag = "targets",
        params(PageParams, TargetListParams),
        responses((status = 200, description = "A page of targets", body = Page<TargetView>))
    )
    get get_target "/targets/{id}" "Get a target." (
        tag = "targets",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The target", body = TargetView))
    )
    update update_target "/targets/{id}" "Change a target's period or amount." (
        tag = "targets",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = TargetPatch,
        responses((status = 200, description = "The updated target", body = TargetView))
    )
    delete delete_target "/targets/{id}" "Delete a target." (
        tag = "targets",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 204, description = "Deleted"))
    )
});
