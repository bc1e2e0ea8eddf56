//! Handlers of the deals in `app::crm::deals`: create, list, get, change.

use crate::http::json::ApiQuery;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use super::RecordListParams;
use crate::app::crm::deals::{self as use_case, *};
use crate::app::App;
use crate::auth::Caller;
use crate::db;
use crate::http::error::ApiError;
use crate::http::etag;
use crate::http::json::ApiJson;
use crate::http::pagination::{Page, PageParams};
use crate::http::write::{Idempotency, Reply};

#[allow(unused_imports)]
use {delete as _, etag as _, patch as _, HttpRequest as _};

/// Create a opportunity.
#[utoipa::path(
    tag = "opportunities",
    request_body = OpportunityInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = OpportunityView))
)]
#[post("/opportunities")]
pub async fn create_opportunity(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<OpportunityInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_opportunity_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/opportunities/{}", view.id), &view)
    })
    .await
}

/// List opportunities.
#[utoipa::path(tag = "opportunities", params(PageParams, RecordListParams), responses((status = 200, description = "A page of opportunities", body = Page<OpportunityView>)))]
#[get("/opportunities")]
pub async fn list_opportunities(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.owner_id, p.stage.as_ref(), p.kind.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            Ok(
                db::crm::deals::list_opportunities(conn, org, &f, desc, after, fetch)?
                    .into_iter()
                    .map(OpportunityView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a opportunity.
#[utoipa::path(tag = "opportunities", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The opportunity", body = OpportunityView)))]
#[get("/opportunities/{id}")]
pub async fn get_opportunity(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(OpportunityView::from(use_case::get_opportunity(
                conn, &caller, id,
            )?))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a opportunity.
#[utoipa::path(
    tag = "opportunities",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = OpportunityInput,
    responses((status = 200, description = "The updated opportunity", body = OpportunityView))
)]
#[patch("/opportunities/{id}")]
pub async fn update_opportunity(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<OpportunityInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_opportunity_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a proposal.
#[utoipa::path(
    tag = "opportunities",
    request_body = ProposalInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = ProposalView))
)]
#[post("/proposals")]
pub async fn create_proposal(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<ProposalInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_proposal_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/proposals/{}", view.id), &view)
    })
    .await
}

/// List proposals.
#[utoipa::path(tag = "opportunities", params(PageParams, RecordListParams), responses((status = 200, description = "A page of proposals", body = Page<ProposalView>)))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.opportunity_id, p.status.as_ref(), None);
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            let rows = db::crm::deals::list_proposals(conn, org, &f, desc, after, fetch)?;
            use_case::proposal_views(conn, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a proposal.
#[utoipa::path(tag = "opportunities", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The proposal", body = ProposalView)))]
#[get("/proposals/{id}")]
pub async fn get_proposal(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::get_proposal(conn, &caller, id)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a proposal.
#[utoipa::path(
    tag = "opportunities",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = ProposalInput,
    responses((status = 200, description = "The updated proposal", body = ProposalView))
)]
#[patch("/proposals/{id}")]
pub async fn update_proposal(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<ProposalInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = crate::http::etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_proposal_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a risk.
#[utoipa::path(
    tag = "risks",
    request_body = RiskInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = RiskView))
)]
#[post("/risks")]
pub async fn create_risk(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<RiskInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_risk_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/risks/{}", view.id), &view)
    })
    .await
}

/// List risks.
#[utoipa::path(tag = "risks", params(PageParams, RecordListParams), responses((status = 200, description = "A page of risks", body = Page<RiskView>)))]
#[get("/risks")]
pub async fn list_risks(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.competitor_id, p.status.as_ref(), p.kind.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            let rows = db::crm::deals::list_risks(conn, org, &f, desc, after, fetch)?;
            use_case::risk_views(conn, org, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a risk.
#[utoipa::path(tag = "risks", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The risk", body = RiskView)))]
#[get("/risks/{id}")]
pub async fn get_risk(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            let row = use_case::get_risk(conn, &caller, id)?;
            use_case::risk_views(conn, caller.org, vec![row])?
                .pop()
                .ok_or_else(|| crate::app::error::AppError::not_found("risk"))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a risk.
#[utoipa::path(
    tag = "risks",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = RiskInput,
    responses((status = 200, description = "The updated risk", body = RiskView))
)]
#[patch("/risks/{id}")]
pub async fn update_risk(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<RiskInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_risk_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a target.
#[utoipa::path(
    tag = "targets",
    request_body = TargetInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = TargetView))
)]
#[post("/targets")]
pub async fn create_target(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<TargetInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_target_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/targets/{}", view.id), &view)
    })
    .await
}

/// List targets.
#[utoipa::path(tag = "targets", params(PageParams, RecordListParams), responses((status = 200, description = "A page of targets", body = Page<TargetView>)))]
#[get("/targets")]
pub async fn list_targets(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.user_id.or(p.team_id), None, p.metric.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            Ok(
                db::crm::deals::list_targets(conn, org, &f, desc, after, fetch)?
                    .into_iter()
                    .map(TargetView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a target.
#[utoipa::path(tag = "targets", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The target", body = TargetView)))]
#[get("/targets/{id}")]
pub async fn get_target(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(TargetView::from(use_case::get_target(conn, &caller, id)?))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Delete a target.
#[utoipa::path(tag = "targets", params(("id" = Uuid, Path, description = "Id")), responses((status = 204, description = "Deleted")))]
#[delete("/targets/{id}")]
pub async fn delete_target(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    state
        .legacy_write(caller.clone(), move |conn| {
            use_case::delete_target_in(conn, &caller, id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Create a competitor (a name is unique, whatever its case).
#[utoipa::path(
    tag = "competitors",
    request_body = CompetitorInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = CompetitorView))
)]
#[post("/competitors")]
pub async fn create_competitor(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CompetitorInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_competitor_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/competitors/{}", view.id), &view)
    })
    .await
}

/// List competitors.
#[utoipa::path(tag = "competitors", params(PageParams, RecordListParams), responses((status = 200, description = "A page of competitors", body = Page<CompetitorView>)))]
#[get("/competitors")]
pub async fn list_competitors(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(None, None, None);
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            Ok(
                db::crm::deals::list_competitors(conn, caller.org, desc, after, fetch)?
                    .into_iter()
                    .map(CompetitorView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a competitor.
#[utoipa::path(tag = "competitors", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The competitor", body = CompetitorView)))]
#[get("/competitors/{id}")]
pub async fn get_competitor(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            Ok(CompetitorView::from(
                db::crm::deals::find_competitor(conn, caller.org, id)
                    .map_err(|e| crate::app::crm::not_found(e, "competitor"))?,
            ))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a competitor.
#[utoipa::path(
    tag = "competitors",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = CompetitorInput,
    responses((status = 200, description = "The updated competitor", body = CompetitorView))
)]
#[patch("/competitors/{id}")]
pub async fn update_competitor(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<CompetitorInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_competitor_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}
