//! `GET /reports/performance` and `GET /reports/sales`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::app::crm::reports::{self, PerformanceReport, PeriodParams, SalesReport};
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
