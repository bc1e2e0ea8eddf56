//! `/requests`: what a client account asked for.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::RecordListParams;
use crate::app::crm::requests::{Request, RequestInput, RequestView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Request {
    create create_request "/requests" "Create a request." (
        tag = "requests",
        request_body = RequestInput,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = RequestView))
    )
    list list_requests "/requests" "List requests." (
        tag = "requests",
        params(PageParams, RecordListParams),
        responses((status = 200, description = "A page of requests", body = Page<RequestView>))
    )
    get get_request "/requests/{id}" "Get a request." (
        tag = "requests",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The request", body = RequestView))
    )
    update update_request "/requests/{id}" "Change a request." (
        tag = "requests",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = RequestInput,
        responses((status = 200, description = "The updated request", body = RequestView))
    )
});
