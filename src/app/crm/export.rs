//! `GET /accounts/export`: the live accounts as CSV, in the columns an import reads plus the
//! id, owner and team.

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

fn to_csv(rows: Vec<AccountRow>) -> Result<String, AppError> {
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
