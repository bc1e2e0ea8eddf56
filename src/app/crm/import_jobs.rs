//! CSV imports too large to answer while the client waits, run as jobs (`202` with
//! `Location: /imports/{id}`). The file is checked (its header, its parameters) when it is
//! posted; its rows are then imported in chunks, each chunk one transaction that also records
//! the chunk's row answers and the job's progress, so other writers are not starved, a node
//! that stops (a drain, a crash) loses no committed chunk, and whichever node takes the job up
//! next (a committed lease, as webhook deliveries) goes on after the last committed chunk. Each
//! chunk runs as the caller who posted the file, with the standing that caller has then. A dry
//! run rehearses the whole file in one transaction that is rolled back, so it answers exactly
//! as the import would. `GET /imports/{id}` answers the rows done so far in the shape of the
//! synchronous answer.

use chrono::{DateTime, Utc};
use once_cell::sync::Lazy;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::contact_import::{self, ContactImportResult};
use super::import::{self, ImportParams, ImportResult, RowReport, Sheet, SheetRow};
use crate::app::error::{AppError, Found};
use crate::app::identity::sessions::standing;
use crate::app::unit_of_work::{Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::{Caller, Permission, Principal};
use crate::db::crm::import_jobs::{self, ImportJobRow, ImportJobStatus};
use crate::db::{self, SqlUuid};
use crate::domain::ids::{ApiKeyId, ImportJobId, OrganizationId, UserId};

/// What a job imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Accounts,
    Contacts,
}

impl ImportKind {
    fn as_str(self) -> &'static str {
        match self {
            ImportKind::Accounts => "accounts",
            ImportKind::Contacts => "contacts",
        }
    }

    fn parse(s: &str) -> Result<ImportKind, AppError> {
        match s {
            "accounts" => Ok(ImportKind::Accounts),
            "contacts" => Ok(ImportKind::Contacts),
            _ => Err(AppError::internal("a stored import kind is unknown")),
        }
    }

    /// The file's header checked, and its rows.
    fn read(self, body: &[u8], params: &ImportParams) -> Result<(Sheet, Vec<SheetRow>), AppError> {
        match self {
            ImportKind::Accounts => import::read_accounts(body, params),
            ImportKind::Contacts => contact_import::read_contacts(body, params),
        }
    }

    /// Imports `rows`, each in its own savepoint.
    fn rows(
        self,
        tx: &mut Tx,
        sheet: &Sheet,
        rows: &[SheetRow],
    ) -> Result<Vec<RowReport>, AppError> {
        match self {
            ImportKind::Accounts => import::import_account_rows(tx, sheet, rows),
            ImportKind::Contacts => contact_import::import_contact_rows(tx, sheet, rows),
        }
    }

    fn result(self, dry_run: bool, reports: Vec<RowReport>) -> ImportJobResult {
        match self {
            ImportKind::Accounts => {
                ImportJobResult::Accounts(import::account_result(dry_run, reports))
            }
            ImportKind::Contacts => {
                ImportJobResult::Contacts(contact_import::contact_result(dry_run, reports))
            }
        }
    }
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportJobState {
    /// Waiting for a node to take it up.
    Queued,
    /// Rows are being imported; `rows_done` of `rows_total` are committed.
    Running,
    /// Every row was imported (or rehearsed) and answered in `result`.
    Succeeded,
    /// Stopped for the reason in `failure`; the rows in `result` were committed.
    Failed,
}

impl ImportJobState {
    fn parse(s: &str) -> Result<ImportJobState, AppError> {
        match s {
            "queued" => Ok(ImportJobState::Queued),
            "running" => Ok(ImportJobState::Running),
            "succeeded" => Ok(ImportJobState::Succeeded),
            "failed" => Ok(ImportJobState::Failed),
            _ => Err(AppError::internal("a stored import state is unknown")),
        }
    }
}

/// The answer of the rows done so far: the synchronous import's answer, of an account or a
/// contact import.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ImportJobResult {
    Accounts(ImportResult),
    Contacts(ContactImportResult),
}

/// An import running in the background.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportJob {
    pub id: Uuid,
    pub kind: ImportKind,
    pub status: ImportJobState,
    /// True when nothing is committed (`dry_run=true`).
    pub dry_run: bool,
    /// Data rows in the file.
    pub rows_total: u64,
    /// Rows imported and answered in `result` so far.
    pub rows_done: u64,
    /// Why the job stopped, when `status` is `failed`.
    pub failure: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The rows done so far, with their summary, in the synchronous import's shape; complete
    /// when `status` is `succeeded`.
    pub result: ImportJobResult,
}

/// Rows per committed chunk: on SQLite, whose one writer at a time waits for the chunk,
/// small enough that a waiting write is answered within a fraction of a second.
const CHUNK_ROWS: usize = 250;
const SQLITE_CHUNK_ROWS: usize = 100;
/// How long a node holds a job between chunks before another may take it up.
const LEASE: chrono::Duration = chrono::Duration::seconds(15);

static NODE: Lazy<String> = Lazy::new(|| format!("node-{}", Uuid::now_v7().simple()));

/// `POST /accounts/import` or `/contacts/import` of a file over the synchronous threshold:
/// checks the file's header and parameters now (422 as the synchronous import), and queues
/// the rows; `202` with the job.
pub async fn start(
    app: &App,
    cx: &Context,
    kind: ImportKind,
    params: ImportParams,
    body: Vec<u8>,
) -> Result<Outcome, AppError> {
    let caller = cx.caller()?.clone();
    caller.require(Permission::WriteCrm)?;
    let (_, rows) = kind.read(&body, &params)?;
    let rows_total = i32::try_from(rows.len()).map_err(|_| {
        AppError::unprocessable("too_many_rows", "a file has at most 2,147,483,647 rows")
    })?;
    let params_json = serde_json::to_string(&params)
        .map_err(|e| AppError::internal(format!("storing import parameters: {e}")))?;
    let request_id = Some(cx.request_id.clone()).filter(|r| !r.is_empty());
    app.write_once(cx, move |tx| {
        let (actor_kind, actor_id) = match caller.principal {
            Principal::User(id) => ("user", id.0),
            Principal::ApiKey { id, .. } => ("api_key", id.0),
        };
        let now = db::now();
        let row = ImportJobRow {
            organization_id: caller.org,
            id: ImportJobId::new(),
            kind: kind.as_str().to_owned(),
            status: "queued".to_owned(),
            dry_run: params.dry_run,
            params: params_json,
            file: body,
            rows_total,
            rows_done: 0,
            actor_kind: actor_kind.to_owned(),
            actor_id: SqlUuid(actor_id),
            request_id,
            failure: None,
            claimed_until: None,
            claimed_by: None,
            created_at: now,
            updated_at: now,
            finished_at: None,
        };
        import_jobs::insert(tx, &row)?;
        let view = view_of(tx, caller.org, row.id)?;
        Outcome::accepted("imports", row.id.0, &view)
    })
    .await
}

/// `GET /imports/{id}`.
pub async fn get(app: &App, cx: &Context, id: Uuid) -> Result<ImportJob, AppError> {
    let caller = cx.caller()?.clone();
    caller.require(Permission::WriteCrm)?;
    app.snapshot(cx, move |tx| view_of(tx, caller.org, ImportJobId(id)))
        .await
}

fn view_of(tx: &mut Tx, org: OrganizationId, id: ImportJobId) -> Result<ImportJob, AppError> {
    let job: ImportJobStatus = import_jobs::status(tx, org, id).found("import")?;
    let kind = ImportKind::parse(&job.kind)?;
    let reports = import_jobs::reports(tx, org, id)?
        .iter()
        .map(|r| serde_json::from_str::<RowReport>(r))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| AppError::internal(format!("a stored import row is unreadable: {e}")))?;
    Ok(ImportJob {
        id: job.id.0,
        kind,
        status: ImportJobState::parse(&job.status)?,
        dry_run: job.dry_run,
        rows_total: u64::try_from(job.rows_total).unwrap_or(0),
        rows_done: u64::try_from(job.rows_done).unwrap_or(0),
        failure: job.failure,
        created_at: job.created_at.and_utc(),
        updated_at: job.updated_at.and_utc(),
        finished_at: job.finished_at.map(|t| t.and_utc()),
        result: kind.result(job.dry_run, reports),
    })
}

/// Takes up due jobs and works each to its end (or until its lease is lost); how many it
/// finished.
pub async fn run_due(app: &App) -> Result<usize, AppError> {
    let due = app
        .read(&Context::system(), |tx| {
            Ok(import_jobs::due(tx, db::now(), 4)?)
        })
        .await?;
    let mut finished = 0;
    for (org, id) in due {
        if run_job(app, org, id).await? {
            finished += 1;
        }
    }
    Ok(finished)
}

/// Works one job: whether it finished on this node.
async fn run_job(app: &App, org: OrganizationId, id: ImportJobId) -> Result<bool, AppError> {
    let Some(job) = app
        .write(&Context::system(), move |tx| {
            let now = db::now();
            if !import_jobs::lease(tx, org, id, &NODE, now, now + LEASE)? {
                return Ok(None);
            }
            Ok(Some(import_jobs::find(tx, org, id)?))
        })
        .await?
    else {
        return Ok(false);
    };
    let kind = ImportKind::parse(&job.kind)?;
    let params: ImportParams = serde_json::from_str(&job.params)
        .map_err(|e| AppError::internal(format!("stored import parameters: {e}")))?;
    let principal = match job.actor_kind.as_str() {
        "api_key" => None,
        _ => Some(Principal::User(UserId(job.actor_id.0))),
    };
    let api_key = ApiKeyId(job.actor_id.0);
    let (sheet, rows) = match kind.read(&job.file, &params) {
        Ok(read) => read,
        Err(e) => return fail(app, org, id, &e).await,
    };
    let cx_of = move |caller: Caller| {
        Context::new(
            Some(caller),
            job.request_id.clone().unwrap_or_default(),
            None,
        )
    };
    let mut done = usize::try_from(job.rows_done).unwrap_or(0);
    let sheet = std::sync::Arc::new(sheet);
    let rows = std::sync::Arc::new(rows);
    loop {
        let end = if job.dry_run {
            rows.len()
        } else {
            let chunk = match app.backend {
                db::Backend::Sqlite => SQLITE_CHUNK_ROWS,
                db::Backend::Postgres => CHUNK_ROWS,
            };
            (done + chunk).min(rows.len())
        };
        let caller = app
            .read(&Context::system(), move |tx| {
                let principal = match principal {
                    Some(p) => p,
                    None => {
                        let key =
                            db::identity::api_keys::find(tx, org, api_key).found("API key")?;
                        Principal::ApiKey {
                            id: api_key,
                            created_by: key.created_by,
                        }
                    }
                };
                standing(tx, org, principal)
            })
            .await;
        let caller = match caller {
            Ok(c) => c,
            Err(e) if e.is_client_error() => return fail(app, org, id, &e).await,
            Err(e) => return Err(e),
        };
        let (sheet, chunk_rows) = (sheet.clone(), rows.clone());
        let dry_run = job.dry_run;
        let chunk = app
            .write(&cx_of(caller), move |tx| {
                let now = db::now();
                if !import_jobs::lease(tx, org, id, &NODE, now, now + LEASE)? {
                    return Ok(false);
                }
                let slice = chunk_rows.get(done..end).unwrap_or_default();
                let reports = if dry_run {
                    tx.rehearse(|tx| kind.rows(tx, &sheet, slice))?
                } else {
                    kind.rows(tx, &sheet, slice)?
                };
                let json = reports
                    .iter()
                    .map(serde_json::to_string)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| AppError::internal(format!("storing an import row: {e}")))?;
                let first = i32::try_from(done).unwrap_or(i32::MAX);
                import_jobs::record_rows(tx, org, id, &NODE, first, &json, now)
                    .map_err(AppError::from)
            })
            .await;
        match chunk {
            Ok(true) => done = end,
            Ok(false) => return Ok(false),
            Err(e) if e.is_client_error() => return fail(app, org, id, &e).await,
            Err(e) => return Err(e),
        }
        if done >= rows.len() {
            app.write(&Context::system(), move |tx| {
                Ok(import_jobs::finish(
                    tx,
                    org,
                    id,
                    "succeeded",
                    None,
                    db::now(),
                )?)
            })
            .await?;
            return Ok(true);
        }
    }
}

/// Ends a job as failed, saying why; the rows committed before stay.
async fn fail(
    app: &App,
    org: OrganizationId,
    id: ImportJobId,
    e: &AppError,
) -> Result<bool, AppError> {
    let why = format!("{}: {}", e.code, e.detail);
    tracing::warn!(job = %id.0, reason = %why, "an import job failed");
    app.write(&Context::system(), move |tx| {
        Ok(import_jobs::finish(
            tx,
            org,
            id,
            "failed",
            Some(&why),
            db::now(),
        )?)
    })
    .await?;
    Ok(true)
}
