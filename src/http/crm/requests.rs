//! `/requests`: what a client account asked for.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::RequestListParams;
use crate::app::crm::requests::{Request, RequestCreate, RequestInput, RequestView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Request {
    create create_request "/requests" "Create a request." (
        tag = "requests",
        request_body = RequestCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = RequestView))
    )
    list list_requests "/requests" "List requests." (
        tag = "requests",
        params(PageParams, RequestListParams),
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
