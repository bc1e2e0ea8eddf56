//! `/organization`: the organization, with how documents are rounded and numbered.

use actix_web::{get, patch, web, HttpRequest, HttpResponse};

use super::caller::Cx;
use super::error::ApiError;
use super::json::ApiJson;
use super::{etag, reply};
use crate::app::organization::{self, OrganizationPatch, OrganizationSettings};
use crate::app::App;

/// The organization, with how documents are rounded and numbered.
#[utoipa::path(tag = "organization", responses((status = 200, description = "The organization", body = OrganizationSettings)))]
#[get("/organization")]
pub async fn get_organization(app: web::Data<App>, cx: Cx) -> Result<HttpResponse, ApiError> {
    reply::resource(&organization::get(&app, &cx).await?)
}

/// Change the organization's name, rounding mode or number prefixes (admins and owners).
#[utoipa::path(
    tag = "organization",
    request_body = OrganizationPatch,
    params(("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
    responses((status = 200, description = "The organization", body = OrganizationSettings))
)]
#[patch("/organization")]
pub async fn update_organization(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    body: ApiJson<OrganizationPatch>,
) -> Result<HttpResponse, ApiError> {
    let expected = etag::if_match(&req, &cx.caller()?.org)?;
    reply::resource(&organization::update(&app, &cx, expected, body.value).await?)
}
