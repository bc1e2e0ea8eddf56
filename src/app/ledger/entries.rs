//! Journal entries: post a manual or opening entry, list and read them, and reverse a manual
//! one. Entries are immutable once posted; the rules they pass are in [`super::posting`].

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::posting::{self, DraftLine, Entry, EntryDraft, Source};
use super::{amount, currency_of, org, period_locked};
use crate::app::batch::{self, BatchResults};
use crate::app::error::{AppError, Check};
use crate::app::page::{parse_sort, Page, PageParams, PageRequest};
use crate::app::unit_of_work::{Outcome, Tx};
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::ledger::{self as store, EntryFilter};
use crate::domain::ids::{ClientAccountId, JournalEntryId, LedgerAccountId};
use crate::domain::ledger::Side;
use crate::domain::money::{decimal_string_opt, Currency};

/// Where journal entries live under the API root.
const COLLECTION: &str = "ledger/journal-entries";

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JournalLineRequest {
    pub ledger_account_id: Uuid,
    /// A positive decimal string in the ledger account's currency; give debit or credit.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "100.00")]
    pub debit: Option<Decimal>,
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "100.00")]
    pub credit: Option<Decimal>,
    /// For a foreign-currency account: base-currency units per unit (default: the
    /// organization's rate of the entry's date).
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Decimal>,
    pub description: Option<String>,
    /// The client account this line concerns, if any.
    pub account_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManualSource {
    Manual,
    Opening,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateJournalEntryRequest {
    pub date: NaiveDate,
    #[schema(example = "Office rent, March")]
    pub description: Option<String>,
    pub reference: Option<String>,
    pub lines: Vec<JournalLineRequest>,
    /// Free-form JSON object kept with the entry.
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
    /// `manual` (default), or `opening` for opening balances against opening_balance_equity.
    pub source: Option<ManualSource>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JournalLineView {
    /// The line's id (derived from the entry and the line number, so it never changes): what
    /// a bank reconciliation names in `journal_line_ids`.
    pub id: Uuid,
    pub line_no: i32,
    pub ledger_account_id: Uuid,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "100.00")]
    pub debit: Option<String>,
    pub credit: Option<String>,
    pub exchange_rate: Option<String>,
    /// The amount in the base currency.
    #[schema(example = "100.00")]
    pub base_amount: String,
    pub description: Option<String>,
    pub account_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JournalEntryView {
    pub id: Uuid,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    /// `manual`, `opening`, `reversal`, or the document kind that posted it.
    pub source: String,
    pub source_id: Option<Uuid>,
    #[schema(value_type = Object)]
    pub metadata: serde_json::Value,
    pub lines: Vec<JournalLineView>,
    pub reverses_entry_id: Option<Uuid>,
    pub reversed_by_entry_id: Option<Uuid>,
    pub reversal_reason: Option<String>,
    pub created_by: Uuid,
    pub posted_at: DateTime<Utc>,
}

/// How an entry answers, amounts formatted; `base` is the organization's base currency.
pub fn entry_view(e: &Entry, base: Currency) -> Result<JournalEntryView, AppError> {
    let mut lines = Vec::with_capacity(e.lines.len());
    for l in &e.lines {
        let c = currency_of(&l.currency)?;
        lines.push(JournalLineView {
            id: crate::domain::ledger::journal_line_id(e.row.id.0, l.line_no),
            line_no: l.line_no,
            ledger_account_id: l.ledger_account_id.0,
            currency: l.currency.clone(),
            debit: (l.debit_minor > 0).then(|| amount(l.debit_minor, c)),
            credit: (l.credit_minor > 0).then(|| amount(l.credit_minor, c)),
            exchange_rate: l.exchange_rate.map(|r| r.0.normalize().to_string()),
            base_amount: amount(l.base_debit_minor.max(l.base_credit_minor), base),
            description: l.description.clone(),
            account_id: l.account_id.map(|a| a.0),
        });
    }
    let r = &e.row;
    Ok(JournalEntryView {
        id: r.id.0,
        date: r.entry_date,
        description: r.description.clone(),
        reference: r.reference.clone(),
        source: r.source.clone(),
        source_id: r.source_id.map(|s| s.0),
        metadata: serde_json::from_str(&r.metadata).unwrap_or_else(|_| serde_json::json!({})),
        lines,
        reverses_entry_id: r.reverses_entry_id.map(|x| x.0),
        reversed_by_entry_id: r.reversed_by_entry_id.map(|x| x.0),
        reversal_reason: r.reversal_reason.clone(),
        created_by: r.created_by.0,
        posted_at: r.posted_at.and_utc(),
    })
}

/// The request as a draft, every broken rule of its shape in `check`.
fn draft_of(req: CreateJournalEntryRequest, check: &mut Check) -> EntryDraft {
    if req.description.as_ref().is_some_and(|d| d.len() > 1000) {
        check.push("description", "length", "at most 1000 characters");
    }
    if req.reference.as_ref().is_some_and(|r| r.len() > 200) {
        check.push("reference", "length", "at most 200 characters");
    }
    if req.lines.len() > 500 {
        check.push("lines", "too_many_lines", "at most 500 lines per entry");
    }
    let metadata =
        serde_json::to_string(&req.metadata.unwrap_or_default()).unwrap_or_else(|_| "{}".into());
    if metadata.len() > 16 * 1024 {
        check.push("metadata", "too_large", "at most 16 KiB of JSON");
    }
    EntryDraft {
        date: req.date,
        description: req.description.unwrap_or_default(),
        reference: req.reference,
        source: match req.source {
            Some(ManualSource::Opening) => Source::Opening,
            _ => Source::Manual,
        },
        source_id: None,
        metadata,
        lines: req
            .lines
            .into_iter()
            .map(|l| DraftLine {
                ledger_account_id: LedgerAccountId(l.ledger_account_id),
                both_sides: l.debit.is_some() && l.credit.is_some(),
                side: match (l.debit, l.credit) {
                    (Some(_), None) => Some(Side::Debit),
                    (None, Some(_)) => Some(Side::Credit),
                    _ => None,
                },
                amount: l.debit.or(l.credit),
                exchange_rate: l.exchange_rate,
                description: l.description,
                account_id: l.account_id.map(ClientAccountId),
            })
            .collect(),
    }
}

/// `POST /ledger/journal-entries`: a balanced manual or opening entry, dated after the lock
/// date.
pub async fn create(
    app: &App,
    cx: &Context,
    req: CreateJournalEntryRequest,
) -> Result<Outcome, AppError> {
    cx.caller()?.require(Permission::WriteBooks)?;
    let mut check = Check::new();
    let draft = draft_of(req, &mut check);
    check.finish()?;
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        let org = org(tx, caller)?;
        let entry = posting::post_entry_for(tx, caller, &org, draft)?;
        let view = entry_view(&entry, org.base)?;
        Outcome::created(COLLECTION, view.id, &view)
    })
    .await
}

/// The most entries one bulk request posts.
pub const MAX_BULK_ENTRIES: usize = 1000;

/// `POST /ledger/journal-entries/bulk`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkJournalEntriesRequest {
    /// 1 to 1,000 entries, each as `POST /ledger/journal-entries` takes it.
    #[schema(min_items = 1, max_items = 1000)]
    pub entries: Vec<CreateJournalEntryRequest>,
    /// `true` (the default): all entries are posted or none, and a failure answers 422 naming
    /// every error by its entry's index (`entries[3].lines[0].debit`). `false`: each entry is
    /// posted on its own and the answer is 200 with one result per entry.
    pub atomic: Option<bool>,
}

/// The answer to an atomic bulk posting: every entry, in the order sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkJournalEntries {
    pub data: Vec<JournalEntryView>,
}

/// `POST /ledger/journal-entries/bulk`: up to 1,000 entries in one transaction, all or
/// nothing (`atomic`, the default) or each on its own. One organization read, one read of the
/// accounts all entries name, one insert of every entry and one of every line, and one commit
/// for the batch; one `Idempotency-Key` covers it. No savepoints: every entry is checked before
/// anything is written, so a refused entry never needs undoing (and on PostgreSQL more than 64
/// subtransactions in one transaction slow every other transaction's snapshots).
pub async fn create_bulk(
    app: &App,
    cx: &Context,
    req: BulkJournalEntriesRequest,
) -> Result<Outcome, AppError> {
    cx.caller()?.require(Permission::WriteBooks)?;
    let atomic = req.atomic.unwrap_or(true);
    let mut check = Check::new();
    batch::check_size(&mut check, "entries", req.entries.len(), MAX_BULK_ENTRIES);
    check.finish()?;
    let drafts: Vec<Result<EntryDraft, AppError>> = req
        .entries
        .into_iter()
        .map(|entry| {
            let mut check = Check::new();
            let draft = draft_of(entry, &mut check);
            check.finish().map(|()| draft)
        })
        .collect();
    if atomic {
        // What the request alone shows is answered before a transaction is opened.
        let invalid = indexed_errors(drafts.iter().map(|d| d.as_ref().err()));
        if !invalid.is_empty() {
            return Err(AppError::validation(invalid));
        }
    }
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        let org = org(tx, caller)?;
        let checked = posting::check_entries(tx, caller, &org, drafts)?;
        if atomic {
            let invalid = indexed_errors(checked.iter().map(|c| c.as_ref().err()));
            if !invalid.is_empty() {
                return Err(AppError::validation(invalid));
            }
        }
        // Each entry's answer in its place: its refusal now, its view once the accepted
        // entries are stored together.
        let mut results: Vec<Option<Result<JournalEntryView, AppError>>> =
            Vec::with_capacity(checked.len());
        let (mut at, mut entries) = (Vec::new(), Vec::new());
        for (i, outcome) in checked.into_iter().enumerate() {
            match outcome {
                Ok(entry) => {
                    at.push(i);
                    entries.push(entry);
                    results.push(None);
                }
                Err(e) => results.push(Some(Err(e))),
            }
        }
        for (i, entry) in at
            .into_iter()
            .zip(posting::insert_entries(tx, &org, entries)?)
        {
            results[i] = Some(entry_view(&entry, org.base));
        }
        let results: Vec<Result<JournalEntryView, AppError>> =
            results.into_iter().flatten().collect();
        if atomic {
            let data = results.into_iter().collect::<Result<Vec<_>, _>>()?;
            return Outcome::created_many(&BulkJournalEntries { data });
        }
        Outcome::ok(&BatchResults::of(results))
    })
    .await
}

/// Every error of every failed entry, named under `entries[i]`.
fn indexed_errors<'a>(
    failures: impl Iterator<Item = Option<&'a AppError>>,
) -> Vec<crate::app::error::FieldError> {
    failures
        .enumerate()
        .filter_map(|(i, e)| e.map(|e| e.fields_under(&format!("entries[{i}]"))))
        .flatten()
        .collect()
}

crate::sort_options!(
    /// The orders of `GET /ledger/journal-entries`.
    EntryListSort { Date = "date", DateDesc = "-date" }
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JournalEntryListParams {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Entries with a line on this ledger account.
    pub ledger_account_id: Option<Uuid>,
    pub source: Option<String>,
    pub reference: Option<String>,
    /// Only entries changed (posted or reversed) at or after this instant (RFC 3339).
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// `date` (default) or `-date`.
    #[param(inline)]
    pub sort: Option<EntryListSort>,
}

/// `GET /ledger/journal-entries`: a page in date order, the cursor bound to the filters.
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    params: JournalEntryListParams,
) -> Result<Page<JournalEntryView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let (_, desc) = parse_sort(params.sort.map(EntryListSort::as_str), &["date"], "date")?;
        let filter = EntryFilter {
            from: params.from,
            to: params.to,
            source: params.source,
            reference: params.reference,
            ledger_account_id: params.ledger_account_id.map(LedgerAccountId),
            updated_since: params.updated_since.map(|t| t.naive_utc()),
        };
        let page = PageRequest::new(
            &page,
            params.sort.map_or("date", EntryListSort::as_str),
            &format!("{filter:?}"),
        )?;
        let after = match &page.after {
            Some((v, id)) => Some((
                v.parse::<NaiveDate>().map_err(|_| {
                    AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "is not a cursor this list handed out",
                    )
                })?,
                JournalEntryId(*id),
            )),
            None => None,
        };
        let rows = store::list_entries(tx, caller.org, &filter, desc, after, page.fetch())?;
        let base = org(tx, caller)?.base;
        let mut views = Vec::with_capacity(rows.len());
        for e in posting::with_lines(tx, caller, rows)? {
            views.push(entry_view(&e, base)?);
        }
        Ok(page.page(views, |v| (v.date.to_string(), v.id), |v| v))
    })
    .await
}

/// `GET /ledger/journal-entries/{id}`: an entry with its lines.
pub async fn get(
    app: &App,
    cx: &Context,
    id: JournalEntryId,
) -> Result<JournalEntryView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let base = org(tx, caller)?.base;
        let entry = posting::get_entry(tx, caller, id)?;
        entry_view(&entry, base)
    })
    .await
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReverseRequest {
    pub date: NaiveDate,
    #[validate(length(min = 1, max = 1000))]
    #[schema(example = "Posted twice", min_length = 1, max_length = 1000)]
    pub reason: String,
}

/// `POST /ledger/journal-entries/{id}/reverse`: posts the mirror of a manual entry and links
/// both; once only.
pub async fn reverse(
    app: &App,
    cx: &Context,
    id: JournalEntryId,
    req: ReverseRequest,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        let entry = reverse_in(tx, id, req)?;
        let base = org(tx, caller)?.base;
        let view = entry_view(&entry, base)?;
        Outcome::created(COLLECTION, view.id, &view)
    })
    .await
}

/// Reverses a manual entry inside an open unit of work: permission, the entry, the request's
/// rules, then the entry's state, the lock date and the date.
pub fn reverse_in(tx: &mut Tx, id: JournalEntryId, req: ReverseRequest) -> Result<Entry, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteBooks)?;
    let original = posting::get_entry(tx, caller, id)?;
    let mut check = Check::new();
    check.validate(&req);
    check.finish()?;
    if original.row.reversed_by_entry_id.is_some() {
        return Err(AppError::conflict(
            "entry_already_reversed",
            "this entry has already been reversed",
        ));
    }
    crate::app::banking::reconcile::reconciled_guard(tx, caller.org, original.row.id, "entry")?;
    if original.row.source != Source::Manual.as_str() {
        return Err(AppError::unprocessable(
            "entry_not_reversible",
            format!(
                "only manual entries are reversed here; this one comes from `{}` (void or credit it through its document)",
                original.row.source
            ),
        ));
    }
    let (date, reason) = (req.date, req.reason.trim().to_owned());
    let org = org(tx, caller)?;
    if let Some(lock) = org.lock_date {
        if date <= lock {
            return Err(period_locked(date, lock, "date"));
        }
    }
    if date < original.row.entry_date {
        return Err(AppError::field(
            "reversal_before_entry",
            "date",
            "a reversal cannot be dated before the entry it reverses",
        ));
    }
    posting::post_reversal(tx, caller, original, date, reason)
}
