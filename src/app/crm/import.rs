//! `POST /accounts/import`: accounts from CSV, upserted on the website domain, else the name.
//! Every valid row is written through the account's record rules, each in its own
//! savepoint, and every bad row is reported by its line; the whole import is one unit of
//! work whose answer a retry with the same key replays.

use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::{Account, AccountCreate, AccountInput};
use crate::app::error::{AppError, Check, FieldError};
use crate::app::input::IfMatch;
use crate::app::record;
use crate::app::unit_of_work::{Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
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

/// `POST /accounts/import`: `body` is the CSV file.
pub async fn import(app: &App, cx: &Context, body: Vec<u8>) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| Outcome::ok(&import_in(tx, &body)?))
        .await
}

/// Imports every valid row (each in its own savepoint) and reports every bad one.
pub fn import_in(tx: &mut Tx, body: &[u8]) -> Result<ImportResult, AppError> {
    let caller = tx.caller()?;
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
    Check::from(header_errors).finish()?;
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
        let outcome = tx.savepoint(|c| {
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
                    record::update_in::<Account>(c, a.id, &IfMatch::Any, input)?;
                    Ok(false)
                }
                None => {
                    record::create_in::<Account>(c, AccountCreate(input))?;
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
