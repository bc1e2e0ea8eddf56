//! `GET /reports/performance`, `/reports/sales`, `/reports/retention` and
//! `/reports/competitors`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::app::crm::competitor_report::{self, CompetitorReport, CompetitorReportParams};
use crate::app::crm::reports::{self, PerformanceReport, PeriodParams, SalesReport};
use crate::app::crm::retention::{self, RetentionParams, RetentionReport};
use crate::app::App;
use crate::http::caller::Cx;
use crate::http::error::ApiError;
use crate::http::json::ApiQuery;
use crate::http::report;

/// Each account manager's and team's book, activity, pipeline and attainment; an account
/// manager sees their own row and the teams they lead. Revenue is credited to the owner and team
/// an invoice (or credit note) recorded when issued; a team's includes its sub-teams'.
#[utoipa::path(tag = "crm-reports", params(PeriodParams), responses((status = 200, description = "The report; CSV with `Accept: text/csv`", content((PerformanceReport = "application/json"), (String = "text/csv")))))]
#[get("/reports/performance")]
pub async fn performance_report(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    q: ApiQuery<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    let r = reports::performance(&app, &cx, q.into_inner()).await?;
    report::negotiate(&req, &r, "performance")
}

/// Won, lost and weighted pipeline, and revenue invoiced and collected, by account, owner or
/// month.
#[utoipa::path(tag = "crm-reports", params(PeriodParams), responses((status = 200, description = "The report; CSV with `Accept: text/csv`", content((SalesReport = "application/json"), (String = "text/csv")))))]
#[get("/reports/sales")]
pub async fn sales_report(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    q: ApiQuery<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    let r = reports::sales(&app, &cx, q.into_inner()).await?;
    report::negotiate(&req, &r, "sales")
}

/// Logo and revenue retention over a period, in total and by owner, team or tier as of `from`.
/// An account is active at a date when it is a customer, not churned, and was invoiced in the
/// 365 days ending on that date; revenue is invoiced revenue (subtotals without tax, base
/// currency) net of credit notes over those 365 days.
#[utoipa::path(tag = "crm-reports", params(RetentionParams), responses((status = 200, description = "The report; CSV with `Accept: text/csv`", content((RetentionReport = "application/json"), (String = "text/csv")))))]
#[get("/reports/retention")]
pub async fn retention_report(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    q: ApiQuery<RetentionParams>,
) -> Result<HttpResponse, ApiError> {
    let r = retention::retention(&app, &cx, q.into_inner()).await?;
    report::negotiate(&req, &r, "retention")
}

/// Per competitor: opportunities won against it and lost to it in the period, and accounts
/// churned to it.
#[utoipa::path(tag = "crm-reports", params(CompetitorReportParams), responses((status = 200, description = "The report; CSV with `Accept: text/csv`", content((CompetitorReport = "application/json"), (String = "text/csv")))))]
#[get("/reports/competitors")]
pub async fn competitors_report(
    app: web::Data<App>,
    cx: Cx,
    req: HttpRequest,
    q: ApiQuery<CompetitorReportParams>,
) -> Result<HttpResponse, ApiError> {
    let r = competitor_report::competitors(&app, &cx, q.into_inner()).await?;
    report::negotiate(&req, &r, "competitors")
}
