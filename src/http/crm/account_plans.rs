//! `/account-plans` with their objectives, stakeholders and reviews, and
//! `GET /reports/account-planning`.

use actix_web::{delete, get, patch, post, web, HttpResponse};

use crate::app::crm::account_plans::{
    self, AccountPlan, AccountPlanningReport, ObjectiveCreate, ObjectiveInput, ObjectiveView,
    PlanCreate, PlanInput, PlanObjective, PlanReview, PlanStakeholder, PlanView, PlanningParams,
    ReviewCreate, ReviewView, StakeholderCreate, StakeholderInput, StakeholderView,
};
use crate::app::crm::account_records::{PlanListParams, PlanPartListParams};
use crate::app::page::{Page, PageParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

crate::record_endpoints!(AccountPlan {
    create create_account_plan "/account-plans" "Create an account plan." (
        tag = "account-plans",
        request_body = PlanCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = PlanView))
    )
    list list_account_plans "/account-plans" "List account plans." (
        tag = "account-plans",
        params(PageParams, PlanListParams),
        responses((status = 200, description = "A page of account plans", body = Page<PlanView>))
    )
    get get_account_plan "/account-plans/{id}" "Get an account plan, with its health." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The account plan", body = PlanView))
    )
    update update_account_plan "/account-plans/{id}" "Change an account plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = PlanInput,
        responses((status = 200, description = "The updated account plan", body = PlanView))
    )
    delete delete_account_plan "/account-plans/{id}" "Delete an account plan with its objectives, stakeholders and reviews." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 204, description = "Deleted"))
    )
});

crate::record_endpoints!(PlanObjective {
    create_under create_plan_objective "/account-plans/{id}/objectives" "Add an objective to an account plan." (
        tag = "account-plans",
        request_body = ObjectiveCreate,
        params(("id" = Uuid, Path, description = "Plan id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = ObjectiveView))
    )
    list_under list_plan_objectives "/account-plans/{id}/objectives" "List a plan's objectives." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), PageParams, PlanPartListParams),
        responses((status = 200, description = "A page of objectives", body = Page<ObjectiveView>))
    )
    get_under get_plan_objective "/account-plans/{id}/objectives/{objective_id}" "Get an objective of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("objective_id" = Uuid, Path, description = "Objective id")),
        responses((status = 200, description = "The objective", body = ObjectiveView))
    )
    update_under update_plan_objective "/account-plans/{id}/objectives/{objective_id}" "Change an objective of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("objective_id" = Uuid, Path, description = "Objective id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = ObjectiveInput,
        responses((status = 200, description = "The updated objective", body = ObjectiveView))
    )
    delete_under delete_plan_objective "/account-plans/{id}/objectives/{objective_id}" "Delete an objective of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("objective_id" = Uuid, Path, description = "Objective id")),
        responses((status = 204, description = "Deleted"))
    )
});

crate::record_endpoints!(PlanStakeholder {
    create_under create_plan_stakeholder "/account-plans/{id}/stakeholders" "Add a contact of the account to a plan's stakeholder map (once per contact)." (
        tag = "account-plans",
        request_body = StakeholderCreate,
        params(("id" = Uuid, Path, description = "Plan id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = StakeholderView))
    )
    list_under list_plan_stakeholders "/account-plans/{id}/stakeholders" "A plan's stakeholder map; a contact who left shows as a gap." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), PageParams, PlanPartListParams),
        responses((status = 200, description = "A page of stakeholders", body = Page<StakeholderView>))
    )
    get_under get_plan_stakeholder "/account-plans/{id}/stakeholders/{stakeholder_id}" "Get a stakeholder of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("stakeholder_id" = Uuid, Path, description = "Stakeholder id")),
        responses((status = 200, description = "The stakeholder", body = StakeholderView))
    )
    update_under update_plan_stakeholder "/account-plans/{id}/stakeholders/{stakeholder_id}" "Change a stakeholder of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("stakeholder_id" = Uuid, Path, description = "Stakeholder id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = StakeholderInput,
        responses((status = 200, description = "The updated stakeholder", body = StakeholderView))
    )
    delete_under delete_plan_stakeholder "/account-plans/{id}/stakeholders/{stakeholder_id}" "Take a stakeholder off a plan's map." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("stakeholder_id" = Uuid, Path, description = "Stakeholder id")),
        responses((status = 204, description = "Deleted"))
    )
});

crate::record_endpoints!(PlanReview {
    create_under create_plan_review "/account-plans/{id}/reviews" "Record a plan review: its objective updates are applied and the plan's next review moved, all or nothing." (
        tag = "account-plans",
        request_body = ReviewCreate,
        params(("id" = Uuid, Path, description = "Plan id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = ReviewView))
    )
    list_under list_plan_reviews "/account-plans/{id}/reviews" "A plan's reviews." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), PageParams, PlanPartListParams),
        responses((status = 200, description = "A page of reviews", body = Page<ReviewView>))
    )
    get_under get_plan_review "/account-plans/{id}/reviews/{review_id}" "Get a review of a plan." (
        tag = "account-plans",
        params(("id" = Uuid, Path, description = "Plan id"), ("review_id" = Uuid, Path, description = "Review id")),
        responses((status = 200, description = "The review", body = ReviewView))
    )
});

/// The key and strategic accounts the caller sees (account managers: those they write), each
/// with its plan in force on `as_of`, whether its review is overdue and its objectives by
/// status; with counts overall, by owner and by team.
#[utoipa::path(tag = "crm-reports", params(PlanningParams), responses((status = 200, description = "The report", body = AccountPlanningReport)))]
#[get("/reports/account-planning")]
pub async fn account_planning_report(
    app: web::Data<App>,
    cx: Cx,
    q: ApiQuery<PlanningParams>,
) -> Result<HttpResponse, ApiError> {
    let r = account_plans::planning_report(&app, &cx, q.into_inner()).await?;
    Ok(reply::json(&r))
}
