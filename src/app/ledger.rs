//! The general ledger's use cases: the chart, exchange rates, posting, reversal, the lock
//! date and balances.
//!
//! [`post_entry_in`] is the one way anything reaches the journal. Manual entries call it from
//! their own transaction; invoices, payments and bank entries call it inside theirs, so a
//! document and its entry commit together through exactly the same checks.

use crate::app::Tx;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::app::error::{AppError, FieldError, Unique};
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::ledger::{
    self as store, EntryRow, LedgerAccountChanges, LedgerAccountRow, LineRow, Totals,
};
use crate::db::{self, SqlDecimal};
use crate::domain::ids::{
    ClientAccountId, EntrySourceId, ExchangeRateId, JournalEntryId, LedgerAccountId,
    OrganizationId, UserId,
};
use crate::domain::ledger::{
    build_lines, default_chart, mirror, AccountFacts, AccountType, EntryError, LineRequest,
    PostedLine, PostingRules, Side, SystemRole,
};
use crate::domain::money::{Currency, Rounding};

pub fn currency_of(code: &str) -> Result<Currency, AppError> {
    Currency::parse(code)
        .map_err(|_| AppError::internal(format!("stored currency {code} is unknown")))
}

pub fn type_of(row: &LedgerAccountRow) -> Result<AccountType, AppError> {
    row.account_type
        .parse()
        .map_err(|_| AppError::internal("stored ledger account has an unknown type"))
}

pub fn role_of(row: &LedgerAccountRow) -> Option<SystemRole> {
    row.system_role.as_deref().and_then(|r| r.parse().ok())
}

pub struct Org {
    pub id: OrganizationId,
    pub base: Currency,
    pub fiscal_year_start_month: u32,
    pub lock_date: Option<NaiveDate>,
    /// How documents round (an organization setting).
    pub rounding: Rounding,
}

pub fn org(conn: &mut Tx, caller: &Caller) -> Result<Org, AppError> {
    let row = db::organizations::find(conn, caller.org)?;
    Ok(Org {
        id: row.id,
        base: currency_of(&row.base_currency)?,
        fiscal_year_start_month: row.fiscal_year_start_month.clamp(1, 12) as u32,
        lock_date: row.lock_date,
        rounding: if row.rounding_mode == "half_even" {
            Rounding::HalfEven
        } else {
            Rounding::HalfUp
        },
    })
}

/// The chart a new organization starts with, in its base currency.
pub fn create_default_chart_in(
    conn: &mut Tx,
    org: OrganizationId,
    base: Currency,
) -> Result<(), AppError> {
    let now = db::now();
    let mut ids: HashMap<&str, LedgerAccountId> = HashMap::new();
    let mut rows = Vec::new();
    for a in default_chart() {
        let id = LedgerAccountId::new();
        ids.insert(a.code, id);
        rows.push(LedgerAccountRow {
            organization_id: org,
            id,
            code: a.code.to_owned(),
            name: a.name.to_owned(),
            account_type: a.account_type.as_str().to_owned(),
            parent_id: a.parent_code.and_then(|p| ids.get(p).copied()),
            currency: base.code().to_owned(),
            is_active: true,
            system_role: a.system_role.map(|r| r.as_str().to_owned()),
            description: None,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    store::insert_accounts(conn, &rows)?;
    Ok(())
}

pub fn get_account(
    conn: &mut Tx,
    caller: &Caller,
    id: LedgerAccountId,
) -> Result<LedgerAccountRow, AppError> {
    store::find_account(conn, caller.org, id)
        .map_err(|e| crate::app::not_found(e, "ledger account"))
}

pub struct AccountInput {
    pub code: Option<String>,
    pub name: Option<String>,
    pub account_type: Option<AccountType>,
    pub parent_id: Option<Option<LedgerAccountId>>,
    pub currency: Option<Currency>,
    pub is_active: Option<bool>,
    pub description: Option<Option<String>>,
}

/// Checks code uniqueness and the parent (same type, no cycle), listing every problem.
fn check_account(
    conn: &mut Tx,
    org: OrganizationId,
    id: Option<LedgerAccountId>,
    account_type: AccountType,
    input: &AccountInput,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if let Some(code) = &input.code {
        if store::code_taken(conn, org, code, id)? {
            errors.push(FieldError::new(
                "code",
                "code_taken",
                "another ledger account has this code",
            ));
        }
    }
    if let Some(Some(parent)) = input.parent_id {
        match store::find_account(conn, org, parent) {
            Ok(p) if p.account_type != account_type.as_str() => errors.push(FieldError::new(
                "parent_id",
                "parent_type_mismatch",
                format!(
                    "a {} account cannot sit under a {} account",
                    account_type.as_str(),
                    p.account_type
                ),
            )),
            Ok(_) => {
                if let Some(id) = id {
                    let parents: HashMap<LedgerAccountId, Option<LedgerAccountId>> =
                        store::all_accounts(conn, org)?
                            .into_iter()
                            .map(|a| (a.id, a.parent_id))
                            .collect();
                    if super::would_cycle(&parents, id, parent) {
                        errors.push(FieldError::new(
                            "parent_id",
                            "account_cycle",
                            "an account cannot sit under itself or its own sub-account",
                        ));
                    }
                }
            }
            Err(diesel::result::Error::NotFound) => errors.push(FieldError::new(
                "parent_id",
                "not_found",
                "no such ledger account in your organization",
            )),
            Err(e) => return Err(e.into()),
        }
    }
    crate::app::error::Check::from(errors).finish()
}

pub fn create_account_in(
    conn: &mut Tx,
    caller: &Caller,
    input: AccountInput,
) -> Result<LedgerAccountRow, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = org(conn, caller)?;
    let (Some(code), Some(name), Some(account_type)) =
        (input.code.clone(), input.name.clone(), input.account_type)
    else {
        return Err(AppError::internal(
            "create_account_in needs code, name and type",
        ));
    };
    check_account(conn, org.id, None, account_type, &input)?;
    let now = db::now();
    let row = LedgerAccountRow {
        organization_id: org.id,
        id: LedgerAccountId(uuid::Uuid::now_v7()),
        code,
        name,
        account_type: account_type.as_str().to_owned(),
        parent_id: input.parent_id.flatten(),
        currency: input.currency.unwrap_or(org.base).code().to_owned(),
        is_active: input.is_active.unwrap_or(true),
        system_role: None,
        description: input.description.flatten(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    store::insert_accounts(conn, std::slice::from_ref(&row)).unique("code", || {
        AppError::field("code_taken", "code", "another ledger account has this code")
    })?;
    Ok(row)
}

pub fn update_account_in(
    conn: &mut Tx,
    caller: &Caller,
    id: LedgerAccountId,
    expected: &IfMatch,
    input: AccountInput,
) -> Result<LedgerAccountRow, AppError> {
    caller.require(Permission::WriteBooks)?;
    let current = get_account(conn, caller, id)?;
    expected.check(current.version)?;
    let current_type = type_of(&current)?;
    let changes_type = input.account_type.is_some_and(|t| t != current_type);
    let changes_currency = input.currency.is_some_and(|c| c.code() != current.currency);
    let mut errors = Vec::new();
    if (changes_type || changes_currency)
        && store::has_postings(conn, current.organization_id, current.id)?
    {
        let field = if changes_type { "type" } else { "currency" };
        errors.push(FieldError::new(
            field,
            "account_has_postings",
            "an account with postings cannot change its type or currency",
        ));
    }
    if current.system_role.is_some()
        && (changes_type || changes_currency || input.is_active == Some(false))
    {
        errors.push(FieldError::new(
            if input.is_active == Some(false) {
                "is_active"
            } else {
                "type"
            },
            "system_account",
            "documents post to this account; it keeps its type and currency and stays active",
        ));
    }
    if changes_type {
        let new_type = input.account_type.unwrap_or(current_type);
        // The tree keeps one type: the parent it stays under and its sub-accounts must match.
        if input.parent_id.is_none() {
            if let Some(parent) = current.parent_id {
                let parent = store::find_account(conn, current.organization_id, parent)?;
                if parent.account_type != new_type.as_str() {
                    errors.push(FieldError::new(
                        "type",
                        "parent_type_mismatch",
                        format!("its parent is a {} account", parent.account_type),
                    ));
                }
            }
        }
        if store::has_children(conn, current.organization_id, current.id)? {
            errors.push(FieldError::new(
                "type",
                "parent_type_mismatch",
                format!("its sub-accounts are {} accounts", current.account_type),
            ));
        }
    }
    crate::app::error::Check::from(errors).finish()?;
    check_account(
        conn,
        current.organization_id,
        Some(current.id),
        input.account_type.unwrap_or(current_type),
        &input,
    )?;
    let changes = LedgerAccountChanges {
        code: input.code,
        name: input.name,
        account_type: input.account_type.map(|t| t.as_str().to_owned()),
        parent_id: input.parent_id,
        currency: input.currency.map(|c| c.code().to_owned()),
        is_active: input.is_active,
        description: input.description,
    };
    if !store::update_account(
        conn,
        current.organization_id,
        current.id,
        current.version,
        &changes,
        db::now(),
    )
    .unique("code", || {
        AppError::field("code_taken", "code", "another ledger account has this code")
    })? {
        return Err(AppError::version_mismatch());
    }
    get_account(conn, caller, id)
}

pub fn delete_account_in(
    conn: &mut Tx,
    caller: &Caller,
    id: LedgerAccountId,
) -> Result<(), AppError> {
    caller.require(Permission::WriteBooks)?;
    let current = get_account(conn, caller, id)?;
    if current.system_role.is_some() {
        return Err(AppError::conflict(
            "system_account",
            "documents post to this account; it cannot be deleted",
        ));
    }
    if store::has_postings(conn, current.organization_id, current.id)? {
        return Err(AppError::conflict(
            "account_has_postings",
            "an account with postings cannot be deleted; deactivate it instead",
        ));
    }
    if store::has_children(conn, current.organization_id, current.id)? {
        return Err(AppError::conflict(
            "account_has_children",
            "move or delete this account's sub-accounts first",
        ));
    }
    store::delete_account(conn, current.organization_id, current.id)?;
    Ok(())
}

pub fn create_rate_in(
    conn: &mut Tx,
    caller: &Caller,
    currency: Currency,
    date: NaiveDate,
    rate: Decimal,
) -> Result<store::ExchangeRateRow, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = org(conn, caller)?;
    if currency == org.base {
        return Err(AppError::field(
            "base_currency_rate",
            "currency",
            "the base currency's rate is always 1",
        ));
    }
    let row = store::ExchangeRateRow {
        organization_id: org.id,
        id: ExchangeRateId(uuid::Uuid::now_v7()),
        currency: currency.code().to_owned(),
        rate_date: date,
        rate: SqlDecimal(rate),
        created_at: db::now(),
    };
    store::insert_rate(conn, &row).unique("rate_date", || {
        AppError::conflict(
            "rate_exists",
            format!("a {currency} rate for {date} is already recorded"),
        )
    })?;
    Ok(row)
}

// ---- posting ----

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
    if let Some(lock) = org.lock_date {
        if draft.date <= lock {
            return Err(period_locked(draft.date, lock, "date"));
        }
    }
    let ids: Vec<LedgerAccountId> = draft.lines.iter().map(|l| l.ledger_account_id).collect();
    let accounts: HashMap<LedgerAccountId, LedgerAccountRow> =
        store::accounts_by_ids(conn, org.id, &ids)?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let mut requests = Vec::with_capacity(draft.lines.len());
    for l in &draft.lines {
        let account = match accounts.get(&l.ledger_account_id) {
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
                store::rate_on(conn, org.id, a.currency.code(), draft.date)?.map(|r| r.0)
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
            accounts.get(&l.ledger_account_id).and_then(role_of)
                == Some(SystemRole::OpeningBalanceEquity)
        })
    {
        return Err(AppError::field(
            "opening_balance_account_required",
            "lines",
            "an opening-balance entry posts against the opening_balance_equity account",
        ));
    }
    // Only conversions leave a rounding residual; entries in the base currency skip the lookup.
    let converts = requests
        .iter()
        .any(|r| r.account.as_ref().is_some_and(|a| a.currency != org.base));
    let rounding = if converts {
        store::account_by_role(conn, org.id, SystemRole::Rounding.as_str())?.map(|a| a.id)
    } else {
        None
    };
    let rules = PostingRules {
        base: org.base,
        allow_control: draft.source.posts_to_control(),
        allow_inactive: false,
    };
    let posted = build_lines(&requests, &rules, rounding).map_err(entry_errors)?;
    insert_posted(conn, caller, &draft, None, posted, |i| draft.lines.get(i))
}

fn insert_posted<'a>(
    conn: &mut Tx,
    caller: &Caller,
    draft: &EntryDraft,
    reverses: Option<(JournalEntryId, String)>,
    posted: Vec<PostedLine<LedgerAccountId>>,
    request: impl Fn(usize) -> Option<&'a DraftLine>,
) -> Result<Entry, AppError> {
    let id = JournalEntryId::new();
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
        posted_at: db::now(),
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
                folded: false,
                account_id: req.and_then(|r| r.account_id),
            }
        })
        .collect();
    store::insert_entry(conn, &row, &lines).unique("reverses_entry_id", || {
        AppError::conflict_on(
            "entry_already_reversed",
            "id",
            "this entry has already been reversed",
        )
    })?;
    Ok(Entry { row, lines })
}

pub fn get_entry(conn: &mut Tx, caller: &Caller, id: JournalEntryId) -> Result<Entry, AppError> {
    let row = store::find_entry(conn, caller.org, id)
        .map_err(|e| crate::app::not_found(e, "journal entry"))?;
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

/// Posts the mirror of a manual entry and links both ways; once only.
pub fn reverse_in(
    conn: &mut Tx,
    caller: &Caller,
    id: JournalEntryId,
    date: NaiveDate,
    reason: String,
) -> Result<Entry, AppError> {
    caller.require(Permission::WriteBooks)?;
    let original = get_entry(conn, caller, id)?;
    if original.row.reversed_by_entry_id.is_some() {
        return Err(AppError::conflict(
            "entry_already_reversed",
            "this entry has already been reversed",
        ));
    }
    if original.row.source != Source::Manual.as_str() {
        return Err(AppError::unprocessable(
            "entry_not_reversible",
            format!(
                "only manual entries are reversed here; this one comes from `{}` (void or credit it through its document)",
                original.row.source
            ),
        ));
    }
    let org = org(conn, caller)?;
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
    post_reversal(conn, caller, original, date, reason)
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
    let reversal = insert_posted(
        conn,
        caller,
        &draft,
        Some((original.row.id, reason)),
        mirror(&posted),
        |i| descriptions.get(&i),
    )?;
    if !store::mark_reversed(conn, caller.org, original.row.id, reversal.row.id)? {
        return Err(AppError::conflict(
            "entry_already_reversed",
            "this entry has already been reversed",
        ));
    }
    Ok(reversal)
}

pub fn set_lock_date_in(
    conn: &mut Tx,
    caller: &Caller,
    lock_date: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, AppError> {
    caller.require(Permission::WriteBooks)?;
    db::organizations::set_lock_date(conn, caller.org, lock_date, db::now())?;
    Ok(lock_date)
}

// ---- balances ----

/// An account with the ids of its descendants (itself first), from the whole chart.
pub fn subtree(chart: &[LedgerAccountRow], root: LedgerAccountId) -> Vec<LedgerAccountId> {
    let mut out = vec![root];
    let mut i = 0;
    while let Some(&at) = out.get(i) {
        out.extend(
            chart
                .iter()
                .filter(|a| a.parent_id == Some(at))
                .map(|a| a.id),
        );
        i += 1;
        if i > chart.len() {
            break;
        }
    }
    out
}

pub struct Balance {
    pub account: LedgerAccountRow,
    pub currency: Currency,
    pub base: Currency,
    /// Own-currency totals (lines in other currencies among sub-accounts excluded).
    pub totals: Totals,
}

/// Totals of an account and its sub-accounts over [from, to] (`from` open for as-of).
pub fn balance(
    conn: &mut Tx,
    caller: &Caller,
    id: LedgerAccountId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Balance, AppError> {
    let account = get_account(conn, caller, id)?;
    let org = org(conn, caller)?;
    let chart = store::all_accounts(conn, org.id)?;
    let ids = subtree(&chart, account.id);
    let currency_of_id: HashMap<LedgerAccountId, &str> =
        chart.iter().map(|a| (a.id, a.currency.as_str())).collect();
    let mut totals = Totals::default();
    for (acct, t) in store::totals_by_account(conn, org.id, from, to, Some(&ids))? {
        if currency_of_id.get(&acct).copied() == Some(account.currency.as_str()) {
            totals.debit += t.debit;
            totals.credit += t.credit;
        }
        totals.base_debit += t.base_debit;
        totals.base_credit += t.base_credit;
    }
    Ok(Balance {
        currency: currency_of(&account.currency)?,
        base: org.base,
        account,
        totals,
    })
}
