//! Reports answer JSON, or CSV when the client asks for it (`Accept: text/csv`): the one place
//! that negotiates and writes a report as CSV, for every report (see `app::tabular`).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use super::error::ApiError;
use super::reply;
use crate::app::error::AppError;
use crate::app::tabular::Tabular;

/// Whether `Accept` prefers `text/csv` to JSON: CSV's quality is positive and at least that of
/// `application/json` (wildcards alone keep JSON, the default).
pub fn wants_csv(req: &HttpRequest) -> bool {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let (mut csv, mut json) = (0.0_f32, 0.0_f32);
    for range in accept.split(',') {
        let mut parts = range.split(';').map(str::trim);
        let media = parts.next().unwrap_or_default().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.strip_prefix("q="))
            .find_map(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        match media.as_str() {
            "text/csv" => csv = csv.max(q),
            "application/json" => json = json.max(q),
            _ => {}
        }
    }
    csv > 0.0 && csv >= json
}

/// `report` as JSON, or as a CSV file named `name.csv` when the client asks for CSV.
pub fn negotiate<T: Serialize + Tabular>(
    req: &HttpRequest,
    report: &T,
    name: &str,
) -> Result<HttpResponse, ApiError> {
    if !wants_csv(req) {
        let mut res = reply::json(report);
        res.headers_mut()
            .insert(header::VARY, header::HeaderValue::from_static("Accept"));
        return Ok(res);
    }
    let table = report.table();
    let mut w = csv::Writer::from_writer(Vec::new());
    let written = w
        .write_record(&table.header)
        .and_then(|_| table.rows.iter().try_for_each(|row| w.write_record(row)));
    let body = written
        .map_err(|e| AppError::internal(format!("writing CSV: {e}")))
        .and_then(|_| {
            w.into_inner()
                .map_err(|e| AppError::internal(format!("writing CSV: {e}")))
        })?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::VARY, "Accept"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.csv\""),
        ))
        .body(body))
}
