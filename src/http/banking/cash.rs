//! `/reports/cash-position` and `/reports/bank-reconciliation`; `/bank-accounts/{id}/auto-reconcile`.

use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;

use crate::app::banking::auto::{self, AutoReconcileAnswer, AutoReconcileRequest};
use crate::app::banking::cash::{
    self, BankReconciliationParams, BankReconciliationStatement, CashPosition, CashPositionParams,
};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::{ApiJson, ApiQuery};
use crate::http::reply;

/// Per bank account: the statement balance, the ledger balance, what is not reconciled on
/// each side as of the date, and any unexplained difference, so that statement −
/// unreconciled bank lines + unreconciled ledger lines + unexplained = ledger.
#[utoipa::path(
    tag = "reports",
    params(CashPositionParams),
    responses((status = 200, description = "The cash position", body = CashPosition))
)]
#[get("/reports/cash-position")]
pub async fn cash_position(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<CashPositionParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &cash::cash_position(&app, &cx, params.into_inner()).await?,
    ))
}

/// One bank account's reconciliation statement: the cash position with the bank lines and
/// ledger lines behind its totals.
#[utoipa::path(
    tag = "reports",
    params(BankReconciliationParams),
    responses((status = 200, description = "The reconciliation statement", body = BankReconciliationStatement))
)]
#[get("/reports/bank-reconciliation")]
pub async fn bank_reconciliation(
    app: web::Data<App>,
    cx: Cx,
    params: ApiQuery<BankReconciliationParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(reply::json(
        &cash::statement(&app, &cx, params.into_inner()).await?,
    ))
}

/// Reconcile what can be told apart: each unreconciled line with the one open payment,
/// ledger line, invoice or bill of the same amount within the date window (or the one its
/// remittance names, or its counterparty's account singles out); ambiguous lines are listed,
/// never guessed; bank rules categorize the lines with no candidate at all. `dry_run` says
/// what would happen and changes nothing.
#[utoipa::path(
    tag = "bank-transactions",
    request_body = AutoReconcileRequest,
    params(("id" = Uuid, Path, description = "Bank account id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 200, description = "What was (or would be) reconciled", body = AutoReconcileAnswer))
)]
#[post("/bank-accounts/{id}/auto-reconcile")]
pub async fn auto_reconcile(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<AutoReconcileRequest>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = auto::run(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(cash_position)
        .service(bank_reconciliation)
        .service(auto_reconcile);
}
