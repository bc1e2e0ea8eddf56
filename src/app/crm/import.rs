//! CSV imports (`POST /accounts/import`, `POST /contacts/import`): what they share, and the
//! accounts' rows. The contacts' rows are in [`super::contact_import`].
//!
//! An import never loses a record. A row updates an existing record only when it names it
//! beyond doubt: by an `id` column, or by its natural key (an account's website domain *and*
//! name; a contact's email and name within its account). A row whose key points at a record
//! that disagrees with it (another company on the same domain: subsidiaries and gmail.com
//! addresses share domains) is a `conflict` and changes nothing. Every row runs in its own
//! savepoint through the record mechanism ([`crate::app::record`]), so a bad row is reported
//! by its line and changes nothing, while the good rows commit; a row that repeats what is
//! stored saves nothing (no version bump, no change event). A dry run rehearses the whole
//! file in a savepoint that is rolled back, so it answers exactly as the import would.
//!
//! The file is read whole and its rows are handed to a per-chunk function
//! ([`import_account_rows`]), so a later asynchronous import can feed it chunk by chunk.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::accounts::{Account, AccountCreate, AccountInput};
use super::export::cell_text;
use crate::app::error::{AppError, Check, FieldError};
use crate::app::input::IfMatch;
use crate::app::record;
use crate::app::unit_of_work::{Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::accounts::AccountRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, OrganizationId};

/// The columns an account import reads (besides `custom_fields.NAME`): those of
/// `GET /accounts/export`, plus `owner_email` and `team_name`.
pub const ACCOUNT_COLUMNS: [&str; 16] = [
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
    "owner_email",
    "team_id",
    "team_name",
];

/// The prefix of a column that fills one custom field (`custom_fields.region`).
pub const CUSTOM_FIELD_PREFIX: &str = "custom_fields.";

/// What an import is asked besides the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// Check every row and answer exactly as the import would, committing nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// Skip columns the import does not know; the same as `unknown_columns=ignore`.
    #[serde(default)]
    pub ignore_unknown_columns: bool,
    /// What a column the import does not know (and `mapping` does not name) does: `refuse`
    /// the file (the default: 422 `unknown_column` naming it), `ignore` it, or fill the
    /// custom field of the column's name (`custom_fields`).
    #[param(inline)]
    pub unknown_columns: Option<UnknownColumns>,
    /// The file's own column names mapped to the import's, as a JSON object:
    /// `{"Organization Name": "name", "Web": "website", "Region": "custom_fields.region",
    /// "Notes": null}` (`null` skips the column). Columns it does not name are read by their
    /// own names.
    #[param(example = json!(r#"{"Organization Name":"name","Web":"website"}"#))]
    pub mapping: Option<String>,
}

/// What an import does with a column it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnknownColumns {
    Refuse,
    Ignore,
    CustomFields,
}

impl ImportParams {
    /// `unknown_columns`, with `ignore_unknown_columns=true` as its older spelling.
    fn unknown_columns(&self) -> Result<UnknownColumns, FieldError> {
        match (self.unknown_columns, self.ignore_unknown_columns) {
            (None, false) => Ok(UnknownColumns::Refuse),
            (None, true) | (Some(UnknownColumns::Ignore), _) => Ok(UnknownColumns::Ignore),
            (Some(other), false) => Ok(other),
            (Some(_), true) => Err(FieldError::new(
                "query:unknown_columns",
                "conflict",
                "ignore_unknown_columns=true says ignore; send one of the two",
            )),
        }
    }

    /// `mapping`, read: each file column named, with what it becomes (`None` skips it).
    fn mapping(&self) -> Result<Vec<(String, Option<String>)>, FieldError> {
        let Some(text) = self.mapping.as_deref() else {
            return Ok(Vec::new());
        };
        let invalid = || {
            FieldError::new(
                "query:mapping",
                "invalid_mapping",
                "must be a JSON object of the file's column names to the import's column \
                 names (or null to skip one), such as {\"Organization Name\": \"name\"}",
            )
        };
        let serde_json::Value::Object(map) =
            serde_json::from_str::<serde_json::Value>(text).map_err(|_| invalid())?
        else {
            return Err(invalid());
        };
        map.into_iter()
            .map(|(from, to)| match to {
                serde_json::Value::String(to) => Ok((from.trim().to_owned(), Some(to))),
                serde_json::Value::Null => Ok((from.trim().to_owned(), None)),
                _ => Err(invalid()),
            })
            .collect()
    }
}

/// What became of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    /// A new record.
    Created,
    /// An existing record, changed.
    Updated,
    /// An existing record the row repeats: nothing saved, no version bump.
    Unchanged,
    /// The row's key points at a record that disagrees with it; nothing changed.
    Conflict,
    /// The row breaks a rule (see its `errors`); nothing changed.
    Error,
}

/// How a row found the record it updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The row's `id` column.
    Id,
    /// The website domain and the name (accounts).
    Domain,
    /// The name alone (a row without a website, or contacts without an email).
    Name,
    /// The email and the name, within the contact's account (contacts).
    Email,
}

/// One problem of one row, with its line (the header is line 1).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportError {
    /// Line number in the file; the header is line 1.
    pub row: u64,
    pub field: String,
    pub code: String,
    pub message: String,
}

/// What became of one row of an account import.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportRow {
    /// Line number in the file; the header is line 1.
    pub row: u64,
    pub outcome: RowOutcome,
    /// The account created, updated or left unchanged; for a conflict, the account the row
    /// clashes with.
    pub account_id: Option<Uuid>,
    /// How the row found its account (`updated`, `unchanged`, and `conflict` where a key
    /// matched).
    pub matched_by: Option<MatchedBy>,
    /// The fields the row changed (on `updated`).
    pub changed_fields: Vec<String>,
    /// Why the row changed nothing (on `conflict` and `error`).
    pub errors: Vec<FieldError>,
}

/// The answer of an account import: a summary and every row's outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportResult {
    /// True when nothing was committed (`dry_run=true`).
    pub dry_run: bool,
    /// Rows that created an account.
    pub created: u64,
    /// Rows that matched an existing account and were applied; `unchanged` of them changed
    /// nothing.
    pub updated: u64,
    /// Rows that matched an existing account and changed nothing (a subset of `updated`).
    pub unchanged: u64,
    /// Rows that clashed with an existing account and changed nothing.
    pub conflicts: u64,
    /// Every problem of every `error` and `conflict` row, with its line.
    pub errors: Vec<ImportError>,
    /// Every data row, in file order.
    pub rows: Vec<ImportRow>,
}

// ---- the file ----

/// A column of the file, as the import reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// A field of the record (its normalized name).
    Field(&'static str),
    /// One custom field, by its name as written.
    Custom(String),
    /// A column the caller asked to skip (`ignore_unknown_columns=true`).
    Skipped,
}

/// The file's header, read against the columns an import knows.
#[derive(Debug, Clone)]
pub struct Sheet {
    columns: Vec<Column>,
}

/// One data row of the file: its cells, or why they could not be read.
#[derive(Debug, Clone)]
pub enum SheetRow {
    Cells(u64, csv::StringRecord),
    Broken(u64, String),
}

impl SheetRow {
    pub fn line(&self) -> u64 {
        match self {
            SheetRow::Cells(line, _) | SheetRow::Broken(line, _) => *line,
        }
    }
}

/// What the file's column `header` is: what `mapping` makes it, else the column of its name,
/// else what `unknown` says; or the problem that refuses the file.
fn resolve(
    header: &str,
    mapping: &[(String, Option<String>)],
    known: &[&'static str],
    unknown: UnknownColumns,
) -> Result<Column, FieldError> {
    let (field, name, mapped) = match mapping.iter().find(|(from, _)| from == header.trim()) {
        Some((_, None)) => return Ok(Column::Skipped),
        Some((from, Some(to))) => (format!("query:mapping.{from}"), to.as_str(), true),
        None => (format!("column:{header}"), header, false),
    };
    let invalid = |message| FieldError::new(field.clone(), "invalid_column", message);
    let unknown_column = |message| FieldError::new(field.clone(), "unknown_column", message);
    let columns = known.join(", ");
    match column_named(name, known).map_err(invalid)? {
        Some(column) => Ok(column),
        None if mapped => Err(unknown_column(format!(
            "maps to {name}, which is not one of the columns: {columns}, and \
             {CUSTOM_FIELD_PREFIX}NAME for a custom field"
        ))),
        None => match unknown {
            UnknownColumns::Ignore => Ok(Column::Skipped),
            UnknownColumns::CustomFields => custom_field_name(header)
                .map(Column::Custom)
                .map_err(invalid),
            UnknownColumns::Refuse => Err(unknown_column(format!(
                "the columns are {columns}, and {CUSTOM_FIELD_PREFIX}NAME for a custom field; \
                 name the others in mapping, or send unknown_columns=ignore or \
                 unknown_columns=custom_fields"
            ))),
        },
    }
}

/// The import's column called `name` (a header, or a mapping's target): a field of `known`,
/// `custom_fields.NAME`, or `None` for one the import does not know.
fn column_named(name: &str, known: &[&'static str]) -> Result<Option<Column>, String> {
    let trimmed = name.trim();
    if let Some(custom) = trimmed
        .get(..CUSTOM_FIELD_PREFIX.len())
        .filter(|p| p.eq_ignore_ascii_case(CUSTOM_FIELD_PREFIX))
        .and_then(|_| trimmed.get(CUSTOM_FIELD_PREFIX.len()..))
    {
        return custom_field_name(custom).map(|c| Some(Column::Custom(c)));
    }
    let normalized = normalized(name);
    Ok(known
        .iter()
        .find(|k| **k == normalized)
        .map(|field| Column::Field(field)))
}

/// A custom field's name as a column gives it: 1 to 100 characters.
fn custom_field_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(format!(
            "a custom field column is {CUSTOM_FIELD_PREFIX}NAME, NAME 1 to 100 characters"
        ));
    }
    Ok(name.to_owned())
}

/// A header as the import compares it: trimmed, lower case, spaces and dashes as `_`.
fn normalized(header: &str) -> String {
    header.trim().to_lowercase().replace([' ', '-'], "_")
}

impl Sheet {
    /// Reads `body` as CSV: the header against `known` (422 on unknown, repeated or missing
    /// columns), then every data row with its line number.
    pub fn read(
        body: &[u8],
        known: &[&'static str],
        params: &ImportParams,
        required: impl FnOnce(&Sheet) -> Vec<FieldError>,
    ) -> Result<(Sheet, Vec<SheetRow>), AppError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(body);
        let headers = reader.headers().map_err(|e| {
            AppError::field(
                "invalid_csv",
                "body",
                format!("the header row is not CSV: {e}"),
            )
        })?;
        let mut check = Check::new();
        let unknown = params.unknown_columns().map_err(|e| check.add(e)).ok();
        let mapping = params.mapping().map_err(|e| check.add(e)).ok();
        check.finish()?;
        let unknown = unknown.unwrap_or(UnknownColumns::Refuse);
        let mapping = mapping.unwrap_or_default();
        let mut problems = Vec::new();
        for (from, _) in &mapping {
            if !headers.iter().any(|h| h.trim() == from) {
                problems.push(FieldError::new(
                    format!("query:mapping.{from}"),
                    "unknown_column",
                    "the file has no column of this name",
                ));
            }
        }
        let mut columns = Vec::new();
        for header in headers.iter() {
            let column = resolve(header, &mapping, known, unknown).unwrap_or_else(|problem| {
                problems.push(problem);
                Column::Skipped
            });
            if column != Column::Skipped && columns.contains(&column) {
                problems.push(FieldError::new(
                    format!("column:{header}"),
                    "duplicate_column",
                    "this column appears more than once",
                ));
            }
            columns.push(column);
        }
        let sheet = Sheet { columns };
        if problems.is_empty() {
            problems = required(&sheet);
        }
        if problems.iter().all(|p| p.code == "unknown_column") && !problems.is_empty() {
            let detail = match problems.as_slice() {
                [one] => format!("{}: {}", one.field, one.message),
                many => format!("{} columns are unknown; see errors", many.len()),
            };
            return Err(AppError::unprocessable("unknown_column", detail).with_fields(problems));
        }
        Check::from(problems).finish()?;
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let fallback = i as u64 + 2;
            rows.push(match record {
                Ok(r) => {
                    let line = r.position().map_or(fallback, |p| p.line());
                    SheetRow::Cells(line, r)
                }
                Err(e) => {
                    let line = e.position().map_or(fallback, |p| p.line());
                    SheetRow::Broken(line, e.to_string())
                }
            });
        }
        Ok((sheet, rows))
    }

    /// Whether the file has this column.
    pub fn has(&self, field: &str) -> bool {
        self.columns
            .iter()
            .any(|c| matches!(c, Column::Field(f) if *f == field))
    }

    /// The header's problem when it has none of `fields` (`required`, on the first).
    pub fn require_any(&self, fields: &[&str], message: &str) -> Vec<FieldError> {
        if fields.iter().any(|f| self.has(f)) {
            return Vec::new();
        }
        let first = fields.first().copied().unwrap_or("name");
        vec![FieldError::new(
            format!("column:{first}"),
            "required",
            message,
        )]
    }
}

/// One data row's cells, by column.
pub struct Line<'a> {
    pub row: u64,
    sheet: &'a Sheet,
    record: &'a csv::StringRecord,
}

impl<'a> Line<'a> {
    /// The row's cells; a row with more cells than the header is refused (nothing a user
    /// wrote is dropped unseen).
    fn of(sheet: &'a Sheet, row: u64, record: &'a csv::StringRecord) -> Result<Self, AppError> {
        let extra = record
            .iter()
            .skip(sheet.columns.len())
            .any(|v| !v.is_empty());
        if extra {
            return Err(AppError::field(
                "too_many_cells",
                "row",
                format!(
                    "the row has {} cells and the header {} columns",
                    record.len(),
                    sheet.columns.len()
                ),
            ));
        }
        Ok(Line { row, sheet, record })
    }

    /// A field's cell, trimmed; `None` when the column is absent or the cell empty (an empty
    /// cell leaves the field as it is).
    pub fn get(&self, field: &str) -> Option<&'a str> {
        let i = self
            .sheet
            .columns
            .iter()
            .position(|c| matches!(c, Column::Field(f) if *f == field))?;
        self.record.get(i).filter(|v| !v.is_empty())
    }

    /// The custom fields the row fills: (name, cell) for each non-empty cell.
    pub fn custom_fields(&self) -> Vec<(&'a str, &'a str)> {
        self.sheet
            .columns
            .iter()
            .zip(self.record.iter())
            .filter_map(|(c, v)| match c {
                Column::Custom(name) if !v.is_empty() => Some((name.as_str(), v)),
                _ => None,
            })
            .collect()
    }

    /// A yes/no cell (`true`/`false`, `yes`/`no`, `1`/`0`, `y`/`n`); a problem into `check`.
    pub fn flag(&self, field: &str, check: &mut Check) -> Option<bool> {
        let v = self.get(field)?;
        match v.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "y" => Some(true),
            "false" | "no" | "0" | "n" => Some(false),
            _ => {
                check.push(field, "invalid_boolean", "true or false");
                None
            }
        }
    }

    /// An id cell; a problem into `check`.
    pub fn uuid(&self, field: &str, check: &mut Check) -> Option<Uuid> {
        let v = self.get(field)?;
        match Uuid::parse_str(v) {
            Ok(id) => Some(id),
            Err(_) => {
                check.push(field, "invalid_uuid", "must be an id (a UUID)");
                None
            }
        }
    }
}

/// `existing` custom fields with the row's cells put in; `None` when the row fills none. A
/// cell equal to the stored value as the export writes it keeps the stored value (a number
/// exported and imported back stays a number).
pub fn merged_custom_fields(
    existing: &str,
    cells: &[(&str, &str)],
) -> Option<serde_json::Map<String, serde_json::Value>> {
    if cells.is_empty() {
        return None;
    }
    let mut fields: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(existing).unwrap_or_default();
    for (name, cell) in cells {
        if fields.get(*name).map(cell_text).as_deref() != Some(*cell) {
            fields.insert(
                (*name).to_owned(),
                serde_json::Value::String((*cell).to_owned()),
            );
        }
    }
    Some(fields)
}

/// Whether two names are the same name (case and spacing aside).
pub fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

// ---- rows and their tally ----

/// What became of one row, for either import (kept as JSON by an import job).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RowReport {
    pub row: u64,
    pub outcome: RowOutcome,
    /// The record the row created, updated, left unchanged or clashed with.
    pub id: Option<Uuid>,
    /// The record's account (contacts).
    pub account_id: Option<Uuid>,
    pub matched_by: Option<MatchedBy>,
    pub changed_fields: Vec<String>,
    pub errors: Vec<FieldError>,
}

impl RowReport {
    fn new(row: u64, outcome: RowOutcome) -> Self {
        RowReport {
            row,
            outcome,
            id: None,
            account_id: None,
            matched_by: None,
            changed_fields: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// A row refused by `e`, with each of its fields (or the row as a whole).
    pub fn refused(row: u64, e: AppError) -> Self {
        let errors = if e.fields.is_empty() {
            vec![FieldError::new("row", e.code, e.detail)]
        } else {
            e.fields
        };
        RowReport {
            errors,
            ..RowReport::new(row, RowOutcome::Error)
        }
    }

    /// A row that clashes with record `with` and changes nothing.
    pub fn conflict(row: u64, with: Uuid, by: Option<MatchedBy>, why: FieldError) -> Self {
        RowReport {
            id: Some(with),
            matched_by: by,
            errors: vec![why],
            ..RowReport::new(row, RowOutcome::Conflict)
        }
    }

    pub fn created(row: u64, id: Uuid) -> Self {
        RowReport {
            id: Some(id),
            ..RowReport::new(row, RowOutcome::Created)
        }
    }

    /// A row applied to record `id`: `changed` names the fields it changed, `None` if none.
    pub fn applied(row: u64, id: Uuid, by: MatchedBy, changed: Option<Vec<String>>) -> Self {
        let (outcome, changed_fields) = match changed {
            Some(fields) => (RowOutcome::Updated, fields),
            None => (RowOutcome::Unchanged, Vec::new()),
        };
        RowReport {
            id: Some(id),
            matched_by: Some(by),
            changed_fields,
            ..RowReport::new(row, outcome)
        }
    }
}

/// The summary of the rows: `updated` counts every row applied to an existing record, and
/// `unchanged` those of them that changed nothing.
#[derive(Debug, Default)]
pub struct Tally {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub conflicts: u64,
    pub errors: Vec<ImportError>,
}

impl Tally {
    pub fn of(rows: &[RowReport]) -> Tally {
        let mut t = Tally::default();
        for r in rows {
            match r.outcome {
                RowOutcome::Created => t.created += 1,
                RowOutcome::Updated => t.updated += 1,
                RowOutcome::Unchanged => {
                    t.updated += 1;
                    t.unchanged += 1;
                }
                RowOutcome::Conflict => t.conflicts += 1,
                RowOutcome::Error => {}
            }
            t.errors.extend(r.errors.iter().map(|e| ImportError {
                row: r.row,
                field: e.field.clone(),
                code: e.code.clone(),
                message: e.message.clone(),
            }));
        }
        t
    }
}

/// Runs `row` for each data row in its own savepoint: a client error becomes that row's
/// `error` outcome and undoes what the row wrote; anything else fails the import.
pub fn each_row(
    tx: &mut Tx,
    sheet: &Sheet,
    rows: &[SheetRow],
    row: impl for<'s> Fn(&mut Tx<'s>, &Line) -> Result<RowReport, AppError>,
) -> Result<Vec<RowReport>, AppError> {
    let mut reports = Vec::with_capacity(rows.len());
    for r in rows {
        let report = match r {
            SheetRow::Broken(line, why) => {
                RowReport::refused(*line, AppError::field("invalid_csv", "row", why.clone()))
            }
            SheetRow::Cells(line, record) => {
                match tx.savepoint(|tx| row(tx, &Line::of(sheet, *line, record)?)) {
                    Ok(report) => report,
                    Err(e) if e.is_client_error() => RowReport::refused(*line, e),
                    Err(e) => return Err(e),
                }
            }
        };
        reports.push(report);
    }
    Ok(reports)
}

/// Runs an import: the whole of it, or (`dry_run`) a rehearsal that is rolled back.
pub fn run<T>(
    tx: &mut Tx,
    params: &ImportParams,
    import: impl for<'s> FnOnce(&mut Tx<'s>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    if params.dry_run {
        tx.rehearse(import)
    } else {
        import(tx)
    }
}

// ---- accounts ----

/// `POST /accounts/import`: `body` is the CSV file.
pub async fn import(
    app: &App,
    cx: &Context,
    params: ImportParams,
    body: Vec<u8>,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        Outcome::ok(&import_accounts_in(tx, &params, &body)?)
    })
    .await
}

/// Imports every row of the file that it can, and answers for each.
pub fn import_accounts_in(
    tx: &mut Tx,
    params: &ImportParams,
    body: &[u8],
) -> Result<ImportResult, AppError> {
    tx.caller()?.require(Permission::WriteCrm)?;
    let (sheet, rows) = read_accounts(body, params)?;
    let reports = run(tx, params, |tx| import_account_rows(tx, &sheet, &rows))?;
    Ok(account_result(params.dry_run, reports))
}

/// The file's header checked against the account columns, and its rows.
pub fn read_accounts(
    body: &[u8],
    params: &ImportParams,
) -> Result<(Sheet, Vec<SheetRow>), AppError> {
    Sheet::read(body, &ACCOUNT_COLUMNS, params, |s| {
        s.require_any(
            &["name", "id"],
            "the file needs a name column (or an id column to update accounts by id)",
        )
    })
}

/// The answer of an account import from its rows' reports.
pub fn account_result(dry_run: bool, reports: Vec<RowReport>) -> ImportResult {
    let tally = Tally::of(&reports);
    ImportResult {
        dry_run,
        created: tally.created,
        updated: tally.updated,
        unchanged: tally.unchanged,
        conflicts: tally.conflicts,
        errors: tally.errors,
        rows: reports
            .into_iter()
            .map(|r| ImportRow {
                row: r.row,
                outcome: r.outcome,
                account_id: r.id,
                matched_by: r.matched_by,
                changed_fields: r.changed_fields,
                errors: r.errors,
            })
            .collect(),
    }
}

/// Imports a chunk of account rows, each in its own savepoint.
pub fn import_account_rows(
    tx: &mut Tx,
    sheet: &Sheet,
    rows: &[SheetRow],
) -> Result<Vec<RowReport>, AppError> {
    each_row(tx, sheet, rows, account_row)
}

/// Fields a view computes on read: they are not what a row changed.
const COMPUTED_ON_READ: [&str; 3] = ["health", "days_since_last_interaction", "check_in_overdue"];

/// Where a row goes: a new record, an existing one (and how it was found), or nowhere.
pub enum Placement<R> {
    New,
    Existing(R, MatchedBy),
    Conflict(Uuid, Option<MatchedBy>, FieldError),
}

/// One account row: created, applied to the account it names, or reported.
fn account_row(tx: &mut Tx, line: &Line) -> Result<RowReport, AppError> {
    let org = tx.caller()?.org;
    let mut check = Check::new();
    let id = line.uuid("id", &mut check);
    let mut input = account_input(tx, org, line, &mut check)?;
    check.finish()?;
    let domain = line
        .get("website")
        .and_then(crate::domain::crm::website_domain);
    let placement = match id {
        Some(id) => Placement::Existing(account_by_id(tx, org, id)?, MatchedBy::Id),
        None => place_account(tx, org, line.get("name"), domain.as_deref())?,
    };
    let custom = line.custom_fields();
    match placement {
        Placement::Conflict(with, by, why) => Ok(RowReport::conflict(line.row, with, by, why)),
        Placement::New => {
            input.custom_fields = merged_custom_fields("{}", &custom);
            let view = record::create_in::<Account>(tx, AccountCreate(input))?;
            Ok(RowReport::created(line.row, view.id))
        }
        Placement::Existing(current, by) => {
            // The name found the account; it is only a new value when an id did.
            if by != MatchedBy::Id {
                input.name = None;
            }
            // The status the account shows, or its own under a derived at_risk, is no change.
            if input
                .status
                .as_deref()
                .is_some_and(|s| s == current.status || s == current.own_status)
            {
                input.status = None;
            }
            input.custom_fields = merged_custom_fields(&current.custom_fields, &custom);
            let (changed, _) =
                record::update_if_changed_in::<Account>(tx, current.id, &IfMatch::Any, input)?;
            let changed = changed.map(|fields| {
                fields
                    .into_iter()
                    .filter(|f| !COMPUTED_ON_READ.contains(&f.as_str()))
                    .collect()
            });
            Ok(RowReport::applied(line.row, current.id.0, by, changed))
        }
    }
}

/// The account a row's `id` names: live, of the caller's organization.
fn account_by_id(tx: &mut Tx, org: OrganizationId, id: Uuid) -> Result<AccountRow, AppError> {
    match AccountRow::find(tx, org, ClientAccountId(id)) {
        Ok(a) if a.archived_at.is_some() => Err(AppError::field(
            "archived",
            "id",
            "this account is archived; an import does not change it",
        )),
        Ok(a) => Ok(a),
        Err(diesel::result::Error::NotFound) => Err(AppError::field(
            "not_found",
            "id",
            "no such account in your organization",
        )),
        Err(e) => Err(e.into()),
    }
}

/// The account a row without an id names: the one on its website's domain with its name;
/// with no website, the one with its name. Another account on the domain, or several that
/// fit, is a conflict: the row changes nothing rather than the wrong company.
fn place_account(
    tx: &mut Tx,
    org: OrganizationId,
    name: Option<&str>,
    domain: Option<&str>,
) -> Result<Placement<AccountRow>, AppError> {
    let Some(name) = name else {
        return Err(AppError::field(
            "required",
            "name",
            "a row without an id needs a name",
        ));
    };
    let again = "add an id column to say which account the row updates";
    let Some(domain) = domain else {
        let mut named = db::crm::import::accounts_named(tx, org, name)?;
        return Ok(match named.len() {
            0 => Placement::New,
            1 => match named.pop() {
                Some(a) => Placement::Existing(a, MatchedBy::Name),
                None => Placement::New,
            },
            n => Placement::Conflict(
                named[0].id.0,
                Some(MatchedBy::Name),
                FieldError::new(
                    "name",
                    "ambiguous_match",
                    format!("{n} accounts have this name; {again}"),
                ),
            ),
        });
    };
    let on_domain = db::crm::import::accounts_on_domain(tx, org, domain)?;
    let mut same: Vec<AccountRow> = on_domain
        .iter()
        .filter(|a| same_name(&a.name, name))
        .cloned()
        .collect();
    if same.len() > 1 {
        return Ok(Placement::Conflict(
            same[0].id.0,
            Some(MatchedBy::Domain),
            FieldError::new(
                "name",
                "ambiguous_match",
                format!(
                    "{} accounts on {domain} have this name; {again}",
                    same.len()
                ),
            ),
        ));
    }
    if let Some(a) = same.pop() {
        return Ok(Placement::Existing(a, MatchedBy::Domain));
    }
    if let Some(other) = on_domain.first() {
        return Ok(Placement::Conflict(
            other.id.0,
            Some(MatchedBy::Domain),
            FieldError::new(
                "website",
                "domain_conflict",
                format!(
                    "account {} \"{}\" has a website on {domain} and another name; nothing was \
                     changed ({again}, or give the row a name that matches)",
                    other.id.0, other.name
                ),
            ),
        ));
    }
    // Nobody on this domain: an account of this name without a website is this one.
    let named = db::crm::import::accounts_named(tx, org, name)?;
    match named.as_slice() {
        [] => Ok(Placement::New),
        [only] if only.website_domain.is_none() => {
            Ok(Placement::Existing(only.clone(), MatchedBy::Name))
        }
        [first, ..] => Ok(Placement::Conflict(
            first.id.0,
            Some(MatchedBy::Name),
            FieldError::new(
                "website",
                "name_conflict",
                format!(
                    "an account of this name has another website ({}); nothing was changed \
                     ({again})",
                    first.website.as_deref().unwrap_or("several accounts")
                ),
            ),
        )),
    }
}

/// The row's cells as an account's input (empty cells leave fields as they are); problems
/// into `check`. Owner and team may be named by id, or by email and name.
fn account_input(
    tx: &mut Tx,
    org: OrganizationId,
    line: &Line,
    check: &mut Check,
) -> Result<AccountInput, AppError> {
    let text = |field: &str| line.get(field).map(str::to_owned);
    Ok(AccountInput {
        name: text("name"),
        legal_name: text("legal_name").map(Some),
        industry: text("industry").map(Some),
        website: text("website").map(Some),
        tier: text("tier"),
        status: text("status"),
        is_customer: line.flag("is_customer", check),
        is_vendor: line.flag("is_vendor", check),
        owner_id: owner_of(tx, org, line, check)?.map(Some),
        team_id: team_of(tx, org, line, check)?.map(Some),
        currency: text("currency"),
        goals: text("goals").map(Some),
        competitor_ids: None,
        tags: line.get("tags").map(|t| {
            t.split(';')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        }),
        custom_fields: None,
        check_in_every_days: None,
        bank_accounts: None,
    })
}

/// The user a row names in `owner_id` (an id, or an email) or `owner_email`.
pub fn owner_of(
    tx: &mut Tx,
    org: OrganizationId,
    line: &Line,
    check: &mut Check,
) -> Result<Option<Uuid>, AppError> {
    let mut by_email = |field: &str, email: &str, check: &mut Check| {
        let found = db::crm::import::user_with_email(tx, org, email)?;
        if found.is_none() {
            check.push(
                field,
                "not_found",
                "no user with this email in your organization",
            );
        }
        Ok::<_, AppError>(found.map(|u| u.0))
    };
    let by_id = match line.get("owner_id") {
        Some(v) if v.contains('@') => by_email("owner_id", v, check)?,
        Some(_) => line.uuid("owner_id", check),
        None => None,
    };
    let by_mail = match line.get("owner_email") {
        Some(v) => by_email("owner_email", v, check)?,
        None => None,
    };
    Ok(agreeing("owner_email", "user", by_id, by_mail, check))
}

/// The team a row names in `team_id` (an id, or a name) or `team_name`.
pub fn team_of(
    tx: &mut Tx,
    org: OrganizationId,
    line: &Line,
    check: &mut Check,
) -> Result<Option<Uuid>, AppError> {
    let mut by_name = |field: &str, name: &str, check: &mut Check| {
        let found = db::crm::import::teams_named(tx, org, name)?;
        match found.as_slice() {
            [] => check.push(
                field,
                "not_found",
                "no team of this name in your organization",
            ),
            [one] => return Ok::<_, AppError>(Some(one.0)),
            _ => check.push(
                field,
                "ambiguous_match",
                "several teams have this name; use team_id",
            ),
        }
        Ok(None)
    };
    let by_id = match line.get("team_id") {
        Some(v) => match Uuid::parse_str(v) {
            Ok(id) => Some(id),
            Err(_) => by_name("team_id", v, check)?,
        },
        None => None,
    };
    let named = match line.get("team_name") {
        Some(v) => by_name("team_name", v, check)?,
        None => None,
    };
    Ok(agreeing("team_name", "team", by_id, named, check))
}

/// One reference from two columns that must agree when both are given.
fn agreeing(
    field: &str,
    what: &str,
    a: Option<Uuid>,
    b: Option<Uuid>,
    check: &mut Check,
) -> Option<Uuid> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => {
            check.push(
                field,
                "disagrees",
                format!("names another {what} than the id column"),
            );
            None
        }
        (a, b) => a.or(b),
    }
}
