//! `/accounts/{id}/statement`: an account's documents and payments with a running balance.

use actix_web::{get, web, HttpResponse};
use uuid::Uuid;

use crate::app::billing::statements::{self, Statement, StatementParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// Statement of account: documents and payments with a running balance.
#[utoipa::path(
    tag = "accounts",
    params(("id" = Uuid, Path, description = "Account id"), StatementParams),
    responses((status = 200, description = "The statement", body = Statement))
)]
#[get("/accounts/{id}/statement")]
pub async fn account_statement(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    params: ApiQuery<StatementParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let report = statements::account_statement(&app, &cx, id, params.into_inner()).await?;
    Ok(reply::json(&report))
}
