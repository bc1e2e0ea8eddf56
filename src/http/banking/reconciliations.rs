//! `/bank-reconciliations` and the one-line actions on `/bank-transactions/{id}`: match,
//! categorize, record a payment.

use actix_web::{delete, get, post, web, HttpResponse};
use uuid::Uuid;

use crate::app::banking::reconcile::{
    self, CategorizeCreate, MatchRequest, PaymentFromLineCreate, ReconciliationRequest,
    ReconciliationView,
};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use crate::http::reply;

/// Reconcile bank lines with payments and lines of the bank's ledger account (1:1, 1:N,
/// N:1). The two sides must agree exactly, or the difference is written off to
/// `difference_account_id` by an entry posted in the same transaction.
#[utoipa::path(
    tag = "bank-transactions",
    request_body = ReconciliationRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Reconciled", body = ReconciliationView))
)]
#[post("/bank-reconciliations")]
pub async fn create_reconciliation(
    app: web::Data<App>,
    cx: Cx,
    body: ApiJson<ReconciliationRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = reconcile::create(&app, &cx.with_body(&body.raw), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// A reconciliation: its bank lines and ledger lines.
#[utoipa::path(
    tag = "bank-transactions",
    params(("id" = Uuid, Path, description = "Reconciliation id")),
    responses((status = 200, description = "The reconciliation", body = ReconciliationView))
)]
#[get("/bank-reconciliations/{id}")]
pub async fn get_reconciliation(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    reply::resource(&reconcile::get(&app, &cx, id.into_inner().into()).await?)
}

/// Undo a reconciliation: its bank lines are unreconciled again; the entry it posted (a
/// categorization, a write-off) is reversed and the payment it recorded is voided.
#[utoipa::path(
    tag = "bank-transactions",
    params(("id" = Uuid, Path, description = "Reconciliation id")),
    responses((status = 204, description = "Undone"))
)]
#[delete("/bank-reconciliations/{id}")]
pub async fn delete_reconciliation(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let outcome = reconcile::undo(&app, &cx, id.into_inner().into()).await?;
    Ok(reply::outcome(outcome))
}

/// Reconcile one bank line with payments, journal lines or an entry.
#[utoipa::path(
    tag = "bank-transactions",
    request_body = MatchRequest,
    params(("id" = Uuid, Path, description = "Bank transaction id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Reconciled", body = ReconciliationView))
)]
#[post("/bank-transactions/{id}/match")]
pub async fn match_transaction(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<MatchRequest>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = reconcile::match_line(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// Categorize a bank line: post an entry (`source: bank`) between the bank's ledger account
/// and the account named, with tax split out when a tax rate is named, and reconcile it.
#[utoipa::path(
    tag = "bank-transactions",
    request_body = CategorizeCreate,
    params(("id" = Uuid, Path, description = "Bank transaction id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Categorized and reconciled", body = ReconciliationView))
)]
#[post("/bank-transactions/{id}/categorize")]
pub async fn categorize_transaction(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<CategorizeCreate>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = reconcile::categorize(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

/// Record the payment a bank line is (received for money in, sent for money out), allocate
/// it to invoices or bills, and reconcile it — in one transaction.
#[utoipa::path(
    tag = "bank-transactions",
    request_body = PaymentFromLineCreate,
    params(("id" = Uuid, Path, description = "Bank transaction id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Paid and reconciled", body = ReconciliationView))
)]
#[post("/bank-transactions/{id}/payment")]
pub async fn pay_from_transaction(
    app: web::Data<App>,
    cx: Cx,
    id: web::Path<Uuid>,
    body: ApiJson<PaymentFromLineCreate>,
) -> Result<HttpResponse, ApiError> {
    let cx = cx.with_body(&body.raw);
    let outcome = reconcile::pay_from_line(&app, &cx, id.into_inner().into(), body.value).await?;
    Ok(reply::outcome(outcome))
}

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_reconciliation)
        .service(get_reconciliation)
        .service(delete_reconciliation)
        .service(match_transaction)
        .service(categorize_transaction)
        .service(pay_from_transaction);
}
