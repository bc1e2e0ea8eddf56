//! `GET /accounts/export`: the live accounts as CSV, in the columns an import reads (the id,
//! owner and team included, and one `custom_fields.NAME` column per custom field in use), so
//! the file imports back unchanged.

use super::import::CUSTOM_FIELD_PREFIX;
use crate::app::error::AppError;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::accounts::AccountRow;
use crate::db::{self};

/// `GET /accounts/export`: every live account as CSV, in the import's columns plus id,
/// owner and team.
pub async fn export(app: &App, cx: &Context) -> Result<String, AppError> {
    app.read(cx, |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let rows = db::crm::accounts::all_live(tx, caller.org)?;
        to_csv(rows)
    })
    .await
}

/// A custom field's value as a CSV cell: text as it is, anything else as JSON.
pub fn cell_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn to_csv(rows: Vec<AccountRow>) -> Result<String, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::internal(format!("writing CSV: {e}"));
    let custom: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.custom_fields).unwrap_or_default())
        .collect();
    let names: std::collections::BTreeSet<&String> =
        custom.iter().flat_map(|fields| fields.keys()).collect();
    let mut header: Vec<String> = [
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
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(names.iter().map(|n| format!("{CUSTOM_FIELD_PREFIX}{n}")));
    w.write_record(&header).map_err(internal)?;
    for (r, fields) in rows.into_iter().zip(&custom) {
        let tags: Vec<String> = serde_json::from_str(&r.tags).unwrap_or_default();
        let mut cells = vec![
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
        ];
        cells.extend(
            names
                .iter()
                .map(|n| fields.get(*n).map(cell_text).unwrap_or_default()),
        );
        w.write_record(&cells).map_err(internal)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::internal(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal(e.to_string()))
}
