//! `/reports/*` of the books: trial balance, balance sheet, income statement, general ledger.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::app::ledger::balances::RangeParams;
use crate::app::ledger::reports::{
    self, AsOfParams, BalanceSheetView, GeneralLedgerParams, GeneralLedgerView,
    IncomeStatementView, TrialBalanceView,
};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::report;

/// Trial balance as of a date, in the base currency; debits equal credits.
#[utoipa::path(tag = "reports", params(AsOfParams), responses((status = 200, description = "Trial balance; CSV with `Accept: text/csv`", content((TrialBalanceView = "application/json"), (String = "text/csv")))))]
#[get("/reports/trial-balance")]
pub async fn trial_balance(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let view = reports::trial_balance(&app, &cx, params.into_inner()).await?;
    report::negotiate(&req, &view, "trial-balance")
}

/// Balance sheet as of a date: assets = liabilities + equity, with retained and current-year
/// earnings computed (no closing entries needed).
#[utoipa::path(tag = "reports", params(AsOfParams), responses((status = 200, description = "Balance sheet; CSV with `Accept: text/csv`", content((BalanceSheetView = "application/json"), (String = "text/csv")))))]
#[get("/reports/balance-sheet")]
pub async fn balance_sheet(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<AsOfParams>,
) -> Result<HttpResponse, ApiError> {
    let view = reports::balance_sheet(&app, &cx, params.into_inner()).await?;
    report::negotiate(&req, &view, "balance-sheet")
}

/// Income statement (profit and loss) over a range.
#[utoipa::path(tag = "reports", params(RangeParams), responses((status = 200, description = "Income statement; CSV with `Accept: text/csv`", content((IncomeStatementView = "application/json"), (String = "text/csv")))))]
#[get("/reports/income-statement")]
pub async fn income_statement(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let view = reports::income_statement(&app, &cx, params.into_inner()).await?;
    report::negotiate(&req, &view, "income-statement")
}

/// General ledger: each account's lines over a range with opening, running and closing
/// balances, in the base currency.
#[utoipa::path(tag = "reports", params(GeneralLedgerParams), responses((status = 200, description = "General ledger; CSV with `Accept: text/csv`", content((GeneralLedgerView = "application/json"), (String = "text/csv"))), (status = 404, description = "No such ledger account in your organization", body = crate::http::error::Problem, content_type = "application/problem+json")))]
#[get("/reports/general-ledger")]
pub async fn general_ledger(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    params: ApiQuery<GeneralLedgerParams>,
) -> Result<HttpResponse, ApiError> {
    let view = reports::general_ledger(&app, &cx, params.into_inner()).await?;
    report::negotiate(&req, &view, "general-ledger")
}
