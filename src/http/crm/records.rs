//! Handlers of the records in `app::crm::records`: create, list, get, change.

use crate::http::json::ApiQuery;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use super::RecordListParams;
use crate::app::crm::records::{self as use_case, *};
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

/// Create a interaction.
#[utoipa::path(
    tag = "interactions",
    request_body = InteractionInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = InteractionView))
)]
#[post("/interactions")]
pub async fn create_interaction(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<InteractionInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_interaction_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/interactions/{}", view.id), &view)
    })
    .await
}

/// List interactions.
#[utoipa::path(tag = "interactions", params(PageParams, RecordListParams), responses((status = 200, description = "A page of interactions", body = Page<InteractionView>)))]
#[get("/interactions")]
pub async fn list_interactions(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.author_id, None, p.kind.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            let rows = db::crm::records::list_interactions(conn, org, &f, desc, after, fetch)?;
            use_case::interaction_views(conn, org, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a interaction.
#[utoipa::path(tag = "interactions", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The interaction", body = InteractionView)))]
#[get("/interactions/{id}")]
pub async fn get_interaction(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::get_interaction(conn, &caller, id)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a interaction.
#[utoipa::path(
    tag = "interactions",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = InteractionInput,
    responses((status = 200, description = "The updated interaction", body = InteractionView))
)]
#[patch("/interactions/{id}")]
pub async fn update_interaction(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<InteractionInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_interaction_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a feedback.
#[utoipa::path(
    tag = "feedback",
    request_body = FeedbackInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = FeedbackView))
)]
#[post("/feedback")]
pub async fn create_feedback(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_feedback_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/feedback/{}", view.id), &view)
    })
    .await
}

/// List feedback.
#[utoipa::path(tag = "feedback", params(PageParams, RecordListParams), responses((status = 200, description = "A page of feedback", body = Page<FeedbackView>)))]
#[get("/feedback")]
pub async fn list_feedback(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.contact_id, None, p.kind.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            Ok(
                db::crm::records::list_feedback(conn, org, &f, desc, after, fetch)?
                    .into_iter()
                    .map(FeedbackView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a feedback.
#[utoipa::path(tag = "feedback", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The feedback", body = FeedbackView)))]
#[get("/feedback/{id}")]
pub async fn get_feedback(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::get_feedback(conn, &caller, id)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a request.
#[utoipa::path(
    tag = "requests",
    request_body = RequestInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = RequestView))
)]
#[post("/requests")]
pub async fn create_request(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<RequestInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_request_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/requests/{}", view.id), &view)
    })
    .await
}

/// List requests.
#[utoipa::path(tag = "requests", params(PageParams, RecordListParams), responses((status = 200, description = "A page of requests", body = Page<RequestView>)))]
#[get("/requests")]
pub async fn list_requests(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.routed_to_team_id, p.status.as_ref(), p.kind.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            Ok(
                db::crm::records::list_requests(conn, org, &f, desc, after, fetch)?
                    .into_iter()
                    .map(RequestView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a request.
#[utoipa::path(tag = "requests", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The request", body = RequestView)))]
#[get("/requests/{id}")]
pub async fn get_request(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(RequestView::from(use_case::get_request(conn, &caller, id)?))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a request.
#[utoipa::path(
    tag = "requests",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = RequestInput,
    responses((status = 200, description = "The updated request", body = RequestView))
)]
#[patch("/requests/{id}")]
pub async fn update_request(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<RequestInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_request_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Create a task.
#[utoipa::path(
    tag = "tasks",
    request_body = TaskInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = TaskView))
)]
#[post("/tasks")]
pub async fn create_task(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<TaskInput>,
) -> Result<HttpResponse, ApiError> {
    let c = caller.clone();
    let raw = body.raw.clone();
    let input = body.value;
    idem.run(&state, &caller, &raw, move |conn| {
        let view = use_case::create_task_in(conn, &c, input)?;
        Reply::created(format!("/api/v1/tasks/{}", view.id), &view)
    })
    .await
}

/// List tasks.
#[utoipa::path(tag = "tasks", params(PageParams, RecordListParams), responses((status = 200, description = "A page of tasks", body = Page<TaskView>)))]
#[get("/tasks")]
pub async fn list_tasks(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<RecordListParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let f = p.filter(p.assignee_id, p.status.as_ref(), p.priority.as_ref());
    let (page, desc, after) = p.page(&page, &f)?;
    let fetch = page.fetch();
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(crate::auth::Permission::Read)?;
            let org = caller.org;
            Ok(
                db::crm::records::list_tasks(conn, org, &f, desc, after, fetch)?
                    .into_iter()
                    .map(TaskView::from)
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |v| (String::new(), v.id), |v| v)))
}

/// Get a task.
#[utoipa::path(tag = "tasks", params(("id" = Uuid, Path, description = "Id")), responses((status = 200, description = "The task", body = TaskView)))]
#[get("/tasks/{id}")]
pub async fn get_task(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let view = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(TaskView::from(use_case::get_task(conn, &caller, id)?))
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Change a task.
#[utoipa::path(
    tag = "tasks",
    params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
    request_body = TaskInput,
    responses((status = 200, description = "The updated task", body = TaskView))
)]
#[patch("/tasks/{id}")]
pub async fn update_task(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<TaskInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = etag::if_match(&req, &id)?;
    let input = body.value;
    let view = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_task_in(conn, &caller, id.into(), &expected, input)
        })
        .await?;
    Ok(Reply::ok(&view)?.into_response(false))
}

/// Delete a task.
#[utoipa::path(tag = "tasks", params(("id" = Uuid, Path, description = "Id")), responses((status = 204, description = "Deleted")))]
#[delete("/tasks/{id}")]
pub async fn delete_task(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    state
        .legacy_write(caller.clone(), move |conn| {
            use_case::delete_task_in(conn, &caller, id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
