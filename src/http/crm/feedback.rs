//! `/feedback`: scores a client account gave (append-only).

use actix_web::{get, post};

use crate::app::crm::account_records::FeedbackListParams;
use crate::app::crm::feedback::{Feedback, FeedbackCreate, FeedbackView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Feedback {
    create create_feedback "/feedback" "Create a feedback." (
        tag = "feedback",
        request_body = FeedbackCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = FeedbackView))
    )
    list list_feedback "/feedback" "List feedback." (
        tag = "feedback",
        params(PageParams, FeedbackListParams),
        responses((status = 200, description = "A page of feedback", body = Page<FeedbackView>))
    )
    get get_feedback "/feedback/{id}" "Get a feedback." (
        tag = "feedback",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The feedback", body = FeedbackView))
    )
});
