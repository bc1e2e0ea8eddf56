//! `GET /reports/performance` and `GET /reports/sales`.

use crate::http::json::ApiQuery;
use actix_web::{get, web, HttpResponse};
use chrono::{Datelike, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::crm::reports::{self as use_case, PerformanceReport, SalesReport};
use crate::app::App;
use crate::auth::Caller;
use crate::http::error::ApiError;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// First day (inclusive); default the start of this year.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); default today.
    pub to: Option<NaiveDate>,
    /// Sales only: `account`, `owner` (default) or `month`.
    pub group_by: Option<String>,
}

fn period(p: &PeriodParams) -> (NaiveDate, NaiveDate) {
    let today = Utc::now().date_naive();
    let from = p
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    (from, p.to.unwrap_or(today))
}

/// Each account manager's and team's book, activity, pipeline and attainment; an account
/// manager sees their own row and the teams they lead. Revenue is credited to the owner and team
/// an invoice (or credit note) recorded when issued; a team's includes its sub-teams'.
#[utoipa::path(tag = "crm-reports", params(PeriodParams), responses((status = 200, description = "The report", body = PerformanceReport)))]
#[get("/reports/performance")]
pub async fn performance_report(
    state: web::Data<App>,
    caller: Caller,
    q: ApiQuery<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = period(&q);
    let report = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::performance(conn, &caller, from, to)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Won, lost and weighted pipeline, and revenue invoiced, by account, owner or month.
#[utoipa::path(tag = "crm-reports", params(PeriodParams), responses((status = 200, description = "The report", body = SalesReport)))]
#[get("/reports/sales")]
pub async fn sales_report(
    state: web::Data<App>,
    caller: Caller,
    q: ApiQuery<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    let (from, to) = period(&q);
    let group_by = q.group_by.clone().unwrap_or_else(|| "owner".into());
    let report = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::sales(conn, &caller, from, to, &group_by)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}
