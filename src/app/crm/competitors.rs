//! Competitors: who else a client account buys from or weighs. A plain record (see
//! [`crate::app::record`]) that any CRM writer creates and changes; a name is unique whatever
//! its case. Risks, opportunities and accounts also name competitors by name, creating them
//! on the way ([`super::resolve_competitor`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::CompetitorListParams;
use crate::app::error::{on_unique, AppError, Check};
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::competitors::CompetitorRow;
use crate::db::{self};
use crate::domain::ids::CompetitorId;

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = CompetitorPatch)]
#[serde(deny_unknown_fields)]
pub struct CompetitorInput {
    #[schema(max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[schema(schema_with = crate::domain::crm::website_schema)]
    pub website: Option<String>,
    #[schema(max_length = 5000)]
    pub notes: Option<String>,
}

crate::create_input!(
    /// A new competitor: the fields of a change, with those a create must name required.
    CompetitorCreate(CompetitorInput) required ["name"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct CompetitorView {
    pub id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CompetitorRow> for CompetitorView {
    fn from(r: CompetitorRow) -> Self {
        CompetitorView {
            id: r.id.0,
            name: r.name,
            website: r.website,
            notes: r.notes,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

fn name_taken() -> AppError {
    AppError::conflict(
        "competitor_exists",
        "a competitor of this name (in any case) exists",
    )
}

/// 409 when another competitor has the name `key` (lower-cased), once the input's rules hold.
fn check_name_free(tx: &mut Tx, key: &str, check: &Check) -> Result<(), AppError> {
    if !check.is_clean() {
        return Ok(());
    }
    let org = tx.caller()?.org;
    match db::crm::competitors::competitor_by_key(tx, org, key)? {
        Some(_) => Err(name_taken()),
        None => Ok(()),
    }
}

pub struct Competitor;

impl Record for Competitor {
    const NAME: &'static str = "competitor";
    const COLLECTION: &'static str = "competitors";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = CompetitorRow;
    type Create = CompetitorCreate;
    type Patch = CompetitorInput;
    type View = CompetitorView;
    type Query = CompetitorListParams;

    fn new_row(
        tx: &mut Tx,
        input: &CompetitorCreate,
        check: &mut Check,
    ) -> Result<CompetitorRow, AppError> {
        let name = check.required("name", input.name.as_deref(), 200);
        let website = check.url("website", input.website.as_deref());
        let notes = check.text("notes", input.notes.as_deref(), 5000);
        let name_key = name.to_lowercase();
        check_name_free(tx, &name_key, check)?;
        let now = db::now();
        Ok(CompetitorRow {
            organization_id: tx.caller()?.org,
            id: CompetitorId::new(),
            name_key,
            name,
            website,
            notes,
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }

    fn apply(
        tx: &mut Tx,
        input: &CompetitorInput,
        row: &mut CompetitorRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let key_before = row.name_key.clone();
        if let Some(n) = &input.name {
            row.name = check.required("name", Some(n), 200);
            row.name_key = row.name.to_lowercase();
        }
        if input.website.is_some() {
            row.website = check.url("website", input.website.as_deref());
        }
        if input.notes.is_some() {
            row.notes = check.text("notes", input.notes.as_deref(), 5000);
        }
        if row.name_key != key_before {
            check_name_free(tx, &row.name_key.clone(), check)?;
        }
        Ok(())
    }

    fn views(_tx: &mut Tx, rows: Vec<CompetitorRow>) -> Result<Vec<CompetitorView>, AppError> {
        Ok(rows.into_iter().map(CompetitorView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &CompetitorListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &CompetitorListParams) -> Option<&str> {
        q.sort()
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        on_unique(e, "name_key", name_taken)
    }
}
