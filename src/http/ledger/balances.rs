//! `/ledger/accounts/{id}/balance` and `/activity`: what an account holds, and how it got
//! there.

use actix_web::{get, web, HttpResponse};
use uuid::Uuid;

use crate::app::ledger::balances::{self, ActivityView, BalanceParams, BalanceView, RangeParams};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::reply;

/// An account's balance (with its sub-accounts) as of a date, or its movement over a range.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id"), BalanceParams),
    responses((status = 200, description = "Balance", body = BalanceView))
)]
#[get("/ledger/accounts/{id}/balance")]
pub async fn ledger_account_balance(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    params: ApiQuery<BalanceParams>,
) -> Result<HttpResponse, ApiError> {
    let view = balances::balance(&app, &cx, id.into_inner().into(), params.into_inner()).await?;
    Ok(reply::json(&view))
}

/// An account's lines over a range with the running balance, in the account's currency.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id"), RangeParams),
    responses((status = 200, description = "Activity", body = ActivityView))
)]
#[get("/ledger/accounts/{id}/activity")]
pub async fn ledger_account_activity(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let view = balances::activity(&app, &cx, id.into_inner().into(), params.into_inner()).await?;
    Ok(reply::json(&view))
}
