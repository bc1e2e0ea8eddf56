//! `/competitors`: who else a client account buys from or weighs.

use actix_web::{get, patch, post};

use crate::app::crm::account_records::CompetitorListParams;
use crate::app::crm::competitors::{Competitor, CompetitorCreate, CompetitorInput, CompetitorView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Competitor {
    create create_competitor "/competitors" "Create a competitor (a name is unique, whatever its case)." (
        tag = "competitors",
        request_body = CompetitorCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = CompetitorView))
    )
    list list_competitors "/competitors" "List competitors." (
        tag = "competitors",
        params(PageParams, CompetitorListParams),
        responses((status = 200, description = "A page of competitors", body = Page<CompetitorView>))
    )
    get get_competitor "/competitors/{id}" "Get a competitor." (
        tag = "competitors",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The competitor", body = CompetitorView))
    )
    update update_competitor "/competitors/{id}" "Change a competitor." (
        tag = "competitors",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = CompetitorInput,
        responses((status = 200, description = "The updated competitor", body = CompetitorView))
    )
});
