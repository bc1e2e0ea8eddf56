//! CSV import (upsert on website domain, else name) and export of accounts.

use crate::app::Tx;
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::{self, AccountInput};
use crate::app::error::{AppError, FieldError};
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::{self};

/// Columns an import may carry; `name` is required.
pub const COLUMNS: [&str; 11] = [
    "name",
    "legal_name",
    "industry",
    "website",
    "tier",
    "status",
    "is_customer",
    "is_vendor",
    "currency",
    "goals",
    "tags",
];

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportError {
    /// Line number in the file; the header is line 1.
    pub row: u64,
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResult {
    pub created: u64,
    pub updated: u64,
    pub errors: Vec<ImportError>,
}

fn boolean(v: &str) -> Result<bool, ()> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "y" => Ok(true),
        "false" | "no" | "0" | "n" => Ok(false),
        _ => Err(()),
    }
}

/// Imports every valid row (each in its own savepoint) and reports every bad one.
pub fn import_in(conn: &mut Tx, caller: &Caller, body: &[u8]) -> Result<ImportResult, AppError> {
    caller.require(Permission::WriteCrm)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            AppError::field(
                "invalid_csv",
                "body",
                format!("the header row is not CSV: {e}"),
            )
        })?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let mut header_errors = Vec::new();
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            header_errors.push(FieldError::new(
                format!("header:{h}"),
                "unknown_column",
                format!("columns are {}", COLUMNS.join(", ")),
            ));
        }
    }
    if !headers.iter().any(|h| h == "name") {
        header_errors.push(FieldError::new(
            "header:name",
            "required",
            "the file needs a name column",
        ));
    }
    crate::app::error::Check::from(header_errors).finish()?;
    let mut result = ImportResult {
        created: 0,
        updated: 0,
        errors: vec![],
    };
    for (i, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map(|p| p.line())
            .unwrap_or(i as u64 + 2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                result.errors.push(ImportError {
                    row: line,
                    field: "row".into(),
                    code: "invalid_csv".into(),
                    message: e.to_string(),
                });
                continue;
            }
        };
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let mut bad = Vec::new();
        let flag = |name: &str, bad: &mut Vec<ImportError>| {
            get(name).and_then(|v| match boolean(&v) {
                Ok(b) => Some(b),
                Err(()) => {
                    bad.push(ImportError {
                        row: line,
                        field: name.into(),
                        code: "invalid_boolean".into(),
                        message: "true or false".into(),
                    });
                    None
                }
            })
        };
        let is_customer = flag("is_customer", &mut bad);
        let is_vendor = flag("is_vendor", &mut bad);
        let input = AccountInput {
            name: Some(get("name").unwrap_or_default()),
            legal_name: get("legal_name").map(Some),
            industry: get("industry").map(Some),
            website: get("website").map(Some),
            tier: get("tier"),
            status: get("status"),
            is_customer,
            is_vendor,
            owner_id: None,
            team_id: None,
            currency: get("currency"),
            goals: get("goals").map(Some),
            competitor_ids: None,
            tags: get("tags").map(|t| {
                t.split(';')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            }),
            custom_fields: None,
            check_in_every_days: None,
        };
        if !bad.is_empty() {
            result.errors.extend(bad);
            continue;
        }
        let name = input.name.clone().unwrap_or_default();
        let domain = get("website")
            .as_deref()
            .and_then(crate::domain::crm::website_domain);
        let outcome = conn.savepoint(|c| {
            let existing = if name.trim().is_empty() {
                None
            } else {
                db::crm::accounts::find_natural(c, caller.org, domain.as_deref(), name.trim())?
            };
            match existing {
                Some(a) => {
                    let mut input = input;
                    // Re-importing the status an account already has is not a change (and a
                    // derived at_risk is never overwritten from a file).
                    if input.status.as_deref() == Some(a.own_status.as_str())
                        || a.status == "at_risk"
                    {
                        input.status = None;
                    }
                    accounts::update_in(c, caller, a.id, &IfMatch::Any, input)?;
                    Ok(false)
                }
                None => {
                    accounts::create_in(c, caller, input)?;
                    Ok(true)
                }
            }
        });
        match outcome {
            Ok(true) => result.created += 1,
            Ok(false) => result.updated += 1,
            Err(e) if e.is_client_error() => {
                if e.fields.is_empty() {
                    result.errors.push(ImportError {
                        row: line,
                        field: "row".into(),
                        code: e.code.into(),
                        message: e.detail,
                    });
                } else {
                    result
                        .errors
                        .extend(e.fields.into_iter().map(|f| ImportError {
                            row: line,
                            field: f.field,
                            code: f.code,
                            message: f.message,
                        }));
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(result)
}

/// Every live account as CSV, in the import's columns plus id, owner and team.
pub fn export(conn: &mut Tx, caller: &Caller) -> Result<String, AppError> {
    caller.require(Permission::Read)?;
    let rows = db::crm::accounts::all_live(conn, caller.org)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::internal(format!("writing CSV: {e}"));
    w.write_record([
        "id",
        "name",
        "legal_name",
        "industry",
        "website",
        "tier",
        "status",
        "is_customer",
        "is_vendor",
        "currency",
        "goals",
        "tags",
        "owner_id",
        "team_id",
    ])
    .map_err(internal)?;
    for r in rows {
        let tags: Vec<String> = serde_json::from_str(&r.tags).unwrap_or_default();
        w.write_record([
            r.id.0.to_string(),
            r.name,
            r.legal_name.unwrap_or_default(),
            r.industry.unwrap_or_default(),
            r.website.unwrap_or_default(),
            r.tier,
            r.status,
            r.is_customer.to_string(),
            r.is_vendor.to_string(),
            r.currency,
            r.goals.unwrap_or_default(),
            tags.join(";"),
            r.owner_id.map(|o| o.0.to_string()).unwrap_or_default(),
            r.team_id.map(|o| o.0.to_string()).unwrap_or_default(),
        ])
        .map_err(internal)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::internal(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal(e.to_string()))
}
