//! The posting rules: [`post_entry_in`] is the one way anything reaches the journal, and
//! [`post_reversal`] the one way an entry is undone. Manual entries call them from their own
//! unit of work; invoices, payments and bank entries call them inside theirs, so a document
//! and its entry commit together through exactly the same checks. Each notes the journal
//! entries it creates or links as changes of the unit of work. [`check_entries`] and
//! [`insert_entries`] are the two halves of [`post_entry_for`]; bulk posting calls them for a
//! whole batch, so its entries pass the same rules with one read and one insert per kind.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::entries::entry_view;
use super::{currency_of, org, role_of, Org};
use crate::app::error::{AppError, FieldError, Found, Unique};
use crate::app::unit_of_work::{Change, Tx};
use crate::auth::Caller;
use crate::db::ledger::{self as store, EntryRow, LedgerAccountRow, LineRow};
use crate::db::{self, SqlDecimal};
use crate::domain::ids::{ClientAccountId, EntrySourceId, JournalEntryId, LedgerAccountId, UserId};
use crate::domain::ledger::{
    build_lines, mirror, AccountFacts, EntryError, LineRequest, PostedLine, PostingRules, Side,
    SystemRole,
};
use crate::domain::money::Currency;

/// How the change log names a journal entry.
pub const JOURNAL_ENTRY: &str = "journal_entry";

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Manual,
    Opening,
    Reversal,
    Invoice,
    CreditNote,
    Bill,
    VendorCredit,
    Payment,
    Bank,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Manual => "manual",
            Source::Opening => "opening",
            Source::Reversal => "reversal",
            Source::Invoice => "invoice",
            Source::CreditNote => "credit_note",
            Source::Bill => "bill",
            Source::VendorCredit => "vendor_credit",
            Source::Payment => "payment",
            Source::Bank => "bank",
        }
    }

    /// Documents and payments may post to control accounts; people may not.
    fn posts_to_control(self) -> bool {
        !matches!(self, Source::Manual | Source::Opening)
    }
}

pub struct DraftLine {
    pub ledger_account_id: LedgerAccountId,
    /// Both debit and credit were given (refused, with the line's other problems).
    pub both_sides: bool,
    pub side: Option<Side>,
    pub amount: Option<Decimal>,
    pub exchange_rate: Option<Decimal>,
    pub description: Option<String>,
    pub account_id: Option<ClientAccountId>,
}

pub struct EntryDraft {
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub source: Source,
    pub source_id: Option<EntrySourceId>,
    pub metadata: String,
    pub lines: Vec<DraftLine>,
}

pub struct Entry {
    pub row: EntryRow,
    pub lines: Vec<LineRow>,
}

fn entry_errors(errors: Vec<EntryError>) -> AppError {
    let code = errors
        .first()
        .map(|e| e.code)
        .unwrap_or("validation_failed");
    let detail = match errors.as_slice() {
        [one] => format!("{}: {}", one.field, one.message),
        many => format!("{} problems with this entry; see errors", many.len()),
    };
    AppError::unprocessable(code, detail).with_fields(
        errors
            .into_iter()
            .map(|e| FieldError::new(e.field, e.code, e.message))
            .collect(),
    )
}

pub fn period_locked(date: NaiveDate, lock: NaiveDate, field: &str) -> AppError {
    AppError::field(
        "period_locked",
        field,
        format!("{date} is on or before the lock date {lock}"),
    )
}

/// Checks and posts an entry inside the caller's transaction; returns it as stored.
pub fn post_entry_in(conn: &mut Tx, caller: &Caller, draft: EntryDraft) -> Result<Entry, AppError> {
    let org = org(conn, caller)?;
    post_entry_for(conn, caller, &org, draft)
}

/// [`post_entry_in`] for a caller that has read the organization already.
pub fn post_entry_for(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    draft: EntryDraft,
) -> Result<Entry, AppError> {
    let checked = check_entries(conn, caller, org, vec![Ok(draft)])?;
    let entry = checked
        .into_iter()
        .next()
        .ok_or_else(|| AppError::internal("checking one entry answered nothing"))??;
    insert_entries(conn, org, vec![entry])?
        .pop()
        .ok_or_else(|| AppError::internal("posting one entry stored nothing"))
}

/// Checks each draft against the books as [`post_entry_for`] does, reading what they name in
/// one query per kind (ledger accounts, client accounts) for all of them. Answers each draft's
/// rows or its refusal, in order; a draft the request itself refused keeps its refusal in its
/// place. An `Err` of the whole is the database's. Nothing is stored: pass the checked entries
/// to [`insert_entries`].
pub fn check_entries(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    drafts: Vec<Result<EntryDraft, AppError>>,
) -> Result<Vec<Result<Entry, AppError>>, AppError> {
    let named: Vec<ClientAccountId> = drafts
        .iter()
        .flatten()
        .filter(|d| !d.source.posts_to_control())
        .flat_map(|d| d.lines.iter().filter_map(|l| l.account_id))
        .collect();
    let known = db::crm::accounts::existing_ids(conn, org.id, &named)?;
    let mut ids: Vec<LedgerAccountId> = drafts
        .iter()
        .flatten()
        .flat_map(|d| d.lines.iter().map(|l| l.ledger_account_id))
        .collect();
    ids.sort_unstable_by_key(|id| id.0);
    ids.dedup();
    let accounts: HashMap<LedgerAccountId, LedgerAccountRow> =
        store::accounts_by_ids(conn, org.id, &ids)?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let mut facts = Facts {
        accounts,
        known,
        rates: HashMap::new(),
        rounding: None,
    };
    let mut checked = Vec::with_capacity(drafts.len());
    for draft in drafts {
        checked.push(match draft {
            Ok(draft) => check_entry(conn, caller, org, &mut facts, draft)?,
            Err(refused) => Err(refused),
        });
    }
    Ok(checked)
}

/// What checking a batch of drafts has read so far.
struct Facts {
    accounts: HashMap<LedgerAccountId, LedgerAccountRow>,
    /// The client accounts lines name that exist.
    known: HashSet<ClientAccountId>,
    /// The organization's rate of a currency on a date, read once per pair.
    rates: HashMap<(Currency, NaiveDate), Option<Decimal>>,
    /// The rounding account, read the first time a conversion needs it.
    rounding: Option<Option<LedgerAccountId>>,
}

/// One draft through the posting rules: `Ok(Err(_))` is the draft's refusal.
fn check_entry(
    conn: &mut Tx,
    caller: &Caller,
    org: &Org,
    facts: &mut Facts,
    draft: EntryDraft,
) -> Result<Result<Entry, AppError>, AppError> {
    if let Some(lock) = org.lock_date {
        if draft.date <= lock {
            return Ok(Err(period_locked(draft.date, lock, "date")));
        }
    }
    if !draft.source.posts_to_control() {
        if let Err(e) = client_accounts_exist(&facts.known, &draft.lines) {
            return Ok(Err(e));
        }
    }
    let mut requests = Vec::with_capacity(draft.lines.len());
    for l in &draft.lines {
        let account = match facts.accounts.get(&l.ledger_account_id) {
            Some(a) => Some(AccountFacts {
                id: a.id,
                currency: currency_of(&a.currency)?,
                is_active: a.is_active,
                system_role: role_of(a),
            }),
            None => None,
        };
        // A foreign-currency line without a rate takes the organization's rate of that date.
        let exchange_rate = match (&account, l.exchange_rate) {
            (_, Some(r)) => Some(r),
            (Some(a), None) if a.currency != org.base => {
                match facts.rates.get(&(a.currency, draft.date)) {
                    Some(rate) => *rate,
                    None => {
                        let rate = store::rate_on(conn, org.id, a.currency.code(), draft.date)?
                            .map(|r| r.0);
                        facts.rates.insert((a.currency, draft.date), rate);
                        rate
                    }
                }
            }
            _ => None,
        };
        requests.push(LineRequest {
            account,
            side: l.side,
            amount: l.amount,
            exchange_rate,
            both_sides: l.both_sides,
        });
    }
    if draft.source == Source::Opening
        && !draft.lines.iter().any(|l| {
            facts.accounts.get(&l.ledger_account_id).and_then(role_of)
                == Some(SystemRole::OpeningBalanceEquity)
        })
    {
        return Ok(Err(AppError::field(
            "opening_balance_account_required",
            "lines",
            "an opening-balance entry posts against the opening_balance_equity account",
        )));
    }
    // Only conversions leave a rounding residual; entries in the base currency skip the lookup.
    let converts = requests
        .iter()
        .any(|r| r.account.as_ref().is_some_and(|a| a.currency != org.base));
    let rounding = match (converts, facts.rounding) {
        (false, _) => None,
        (true, Some(known)) => known,
        (true, None) => {
            let found =
                store::account_by_role(conn, org.id, SystemRole::Rounding.as_str())?.map(|a| a.id);
            facts.rounding = Some(found);
            found
        }
    };
    let rules = PostingRules {
        base: org.base,
        allow_control: draft.source.posts_to_control(),
        allow_inactive: false,
    };
    let posted = match build_lines(&requests, &rules, rounding) {
        Ok(posted) => posted,
        Err(errors) => return Ok(Err(entry_errors(errors))),
    };
    Ok(Ok(entry_rows(caller, &draft, None, posted, |i| {
        draft.lines.get(i)
    })))
}

/// Stores checked entries (all entries in one statement, all lines in another, chunked) and
/// notes each as posted; returns them as stored.
pub fn insert_entries(
    conn: &mut Tx,
    org: &Org,
    entries: Vec<Entry>,
) -> Result<Vec<Entry>, AppError> {
    let rows: Vec<EntryRow> = entries.iter().map(|e| e.row.clone()).collect();
    let lines: Vec<LineRow> = entries.iter().flat_map(|e| e.lines.clone()).collect();
    store::insert_entries(conn, &rows, &lines)?;
    for entry in &entries {
        let view = entry_view(entry, org.base)?;
        conn.record(Change::created(JOURNAL_ENTRY, entry.row.id.0, &view).as_event("posted"));
    }
    Ok(entries)
}

/// The client accounts people's lines name are accounts of the organization (documents,
/// payments and bank rules name accounts they have checked already). Read only when a line
/// names one, so untagged postings pay nothing for the dimension.
fn client_accounts_exist(
    known: &HashSet<ClientAccountId>,
    lines: &[DraftLine],
) -> Result<(), AppError> {
    let mut check = crate::app::error::Check::new();
    for (i, l) in lines.iter().enumerate() {
        if l.account_id.is_some_and(|a| !known.contains(&a)) {
            check.push(
                format!("lines[{i}].account_id"),
                "not_found",
                "no such client account in your organization",
            );
        }
    }
    check.finish()
}

/// The rows of a checked entry, as they will be stored.
fn entry_rows<'a>(
    caller: &Caller,
    draft: &EntryDraft,
    reverses: Option<(JournalEntryId, String)>,
    posted: Vec<PostedLine<LedgerAccountId>>,
    request: impl Fn(usize) -> Option<&'a DraftLine>,
) -> Entry {
    let id = JournalEntryId::new();
    let now = db::now();
    let row = EntryRow {
        organization_id: caller.org,
        id,
        entry_date: draft.date,
        description: draft.description.clone(),
        reference: draft.reference.clone(),
        source: draft.source.as_str().to_owned(),
        source_id: draft.source_id,
        metadata: draft.metadata.clone(),
        reverses_entry_id: reverses.as_ref().map(|r| r.0),
        reversed_by_entry_id: None,
        reversal_reason: reverses.map(|r| r.1),
        created_by: UserId(caller.user_id().0),
        posted_at: now,
        updated_at: now,
    };
    let lines: Vec<LineRow> = posted
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            let req = p.request_index.and_then(&request);
            let debit = p.side == Side::Debit;
            LineRow {
                organization_id: row.organization_id,
                entry_id: id,
                line_no: n as i32,
                ledger_account_id: p.ledger_account_id,
                entry_date: draft.date,
                currency: p.currency.code().to_owned(),
                debit_minor: if debit { p.amount_minor } else { 0 },
                credit_minor: if debit { 0 } else { p.amount_minor },
                exchange_rate: p.exchange_rate.map(SqlDecimal),
                base_debit_minor: if debit { p.base_minor } else { 0 },
                base_credit_minor: if debit { 0 } else { p.base_minor },
                description: req
                    .and_then(|r| r.description.clone())
                    .or_else(|| p.request_index.is_none().then(|| "Rounding".to_owned())),
                account_id: req.and_then(|r| r.account_id),
            }
        })
        .collect();
    Entry { row, lines }
}

pub fn get_entry(conn: &mut Tx, caller: &Caller, id: JournalEntryId) -> Result<Entry, AppError> {
    let row = store::find_entry(conn, caller.org, id).found("journal entry")?;
    let lines = store::lines_of(conn, caller.org, &[row.id])?;
    Ok(Entry { row, lines })
}

pub fn with_lines(
    conn: &mut Tx,
    caller: &Caller,
    rows: Vec<EntryRow>,
) -> Result<Vec<Entry>, AppError> {
    let ids: Vec<JournalEntryId> = rows.iter().map(|r| r.id).collect();
    let mut by_entry: HashMap<JournalEntryId, Vec<LineRow>> = HashMap::new();
    for l in store::lines_of(conn, caller.org, &ids)? {
        by_entry.entry(l.entry_id).or_default().push(l);
    }
    Ok(rows
        .into_iter()
        .map(|row| Entry {
            lines: by_entry.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// Posts the mirror of `original` on `date` and links both ways; once only. The caller has
/// checked the lock date and whether this entry may be reversed (documents and payments void
/// their entries through here).
pub fn post_reversal(
    conn: &mut Tx,
    caller: &Caller,
    original: Entry,
    date: NaiveDate,
    reason: String,
) -> Result<Entry, AppError> {
    let posted: Vec<PostedLine<LedgerAccountId>> = original
        .lines
        .iter()
        .map(|l| -> Result<PostedLine<LedgerAccountId>, AppError> {
            let debit = l.debit_minor > 0;
            Ok(PostedLine {
                ledger_account_id: l.ledger_account_id,
                currency: currency_of(&l.currency)?,
                side: if debit { Side::Debit } else { Side::Credit },
                amount_minor: l.debit_minor.max(l.credit_minor),
                exchange_rate: l.exchange_rate.map(|r| r.0),
                base_minor: l.base_debit_minor.max(l.base_credit_minor),
                request_index: Some(l.line_no as usize),
            })
        })
        .collect::<Result<_, _>>()?;
    let draft = EntryDraft {
        date,
        description: format!("Reversal of: {}", original.row.description),
        reference: original.row.reference.clone(),
        source: Source::Reversal,
        source_id: Some(original.row.id.into()),
        metadata: "{}".into(),
        lines: Vec::new(),
    };
    let descriptions: BTreeMap<usize, DraftLine> = original
        .lines
        .iter()
        .map(|l| {
            (
                l.line_no as usize,
                DraftLine {
                    ledger_account_id: l.ledger_account_id,
                    both_sides: false,
                    side: None,
                    amount: None,
                    exchange_rate: None,
                    description: l.description.clone(),
                    account_id: l.account_id,
                },
            )
        })
        .collect();
    let reversal = entry_rows(
        caller,
        &draft,
        Some((original.row.id, reason)),
        mirror(&posted),
        |i| descriptions.get(&i),
    );
    store::insert_entries(conn, std::slice::from_ref(&reversal.row), &reversal.lines).unique(
        "reverses_entry_id",
        || {
            AppError::conflict_on(
                "entry_already_reversed",
                "id",
                "this entry has already been reversed",
            )
        },
    )?;
    if !store::mark_reversed(conn, caller.org, original.row.id, reversal.row.id)? {
        return Err(AppError::conflict(
            "entry_already_reversed",
            "this entry has already been reversed",
        ));
    }
    let base = org(conn, caller)?.base;
    let before = entry_view(&original, base)?;
    let mut linked = original;
    linked.row.reversed_by_entry_id = Some(reversal.row.id);
    let after = entry_view(&linked, base)?;
    let created = entry_view(&reversal, base)?;
    conn.record(Change::created(JOURNAL_ENTRY, reversal.row.id.0, &created).as_event("posted"));
    conn.record(
        Change::updated(JOURNAL_ENTRY, linked.row.id.0, &before, &after).as_event("reversed"),
    );
    Ok(reversal)
}
