//! Reconciliation: bank lines on one side, lines of the bank's ledger account (a payment's
//! or an entry's) on the other, in any proportion (1:1, 1:N, N:1), agreeing to the minor
//! unit or with the difference written off to a chosen account in the same unit of work.
//! Categorizing a line posts an entry and reconciles it; paying from a line records a
//! payment, allocates it and reconciles it. Undoing a reconciliation reverses the entries it
//! created (and voids the payment it recorded). A reconciled payment or entry cannot be
//! voided or reversed until its reconciliation is undone ([`reconciled_guard`]).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::billing::allocations::{allocation_entries, AllocationRequest};
use crate::app::billing::payments::{self, PaymentDirection, PaymentInput};
use crate::app::billing::resolve_rate;
use crate::app::error::{AppError, Check, Found};
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::app::unit_of_work::{Change, Outcome};
use crate::app::{App, Context, Tx};
use crate::auth::{Caller, Permission};
use crate::db::banking::reconciliations::{self as store, ItemRow, ReconciliationRow};
use crate::db::banking::statements::{self as lines_store, TransactionRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::billing::payments::find_payment;
use crate::db::billing::tax_rates::TaxRateRow;
use crate::db::ledger::LineRow;
use crate::db::record::Stored;
use crate::db::{self, SqlUuid};
use crate::domain::ids::{
    BankReconciliationId, BankTransactionId, ClientAccountId, JournalEntryId, LedgerAccountId,
    OrganizationId, PaymentId, TaxRateId, UserId,
};
use crate::domain::ledger::{journal_line_id, Side};
use crate::domain::money::{decimal_string, Currency};

use super::transactions::TransactionView;

/// At most this many items on either side of one reconciliation.
const MAX_ITEMS: usize = 500;

/// A line of the bank's ledger account, held by a reconciliation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReconciledLine {
    /// The journal line's id (`JournalLineView.id`).
    pub id: Uuid,
    pub journal_entry_id: Uuid,
    pub line_no: i32,
    pub date: NaiveDate,
    /// Signed from the bank's view: positive is money in (a debit to the bank's account).
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "100.00")]
    pub amount: Decimal,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReconciliationView {
    pub id: Uuid,
    pub bank_account_id: Uuid,
    /// The later of the dates of its two sides: reconciled as of this date.
    pub date: NaiveDate,
    /// `match`, `categorize` or `payment`.
    pub kind: String,
    pub bank_transaction_ids: Vec<Uuid>,
    pub journal_lines: Vec<ReconciledLine>,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "100.00")]
    pub bank_total: Decimal,
    /// The ledger side before any write-off.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "97.50")]
    pub ledger_total: Decimal,
    /// Written off to `difference_account_id` (bank − ledger); 0 when the sides agreed.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "2.50")]
    pub difference: Decimal,
    pub difference_account_id: Option<Uuid>,
    /// The entry this reconciliation posted (a categorization or a write-off).
    pub journal_entry_id: Option<Uuid>,
    /// The payment it recorded from a bank line.
    pub payment_id: Option<Uuid>,
    /// Made by auto-reconcile.
    pub auto: bool,
    pub created_at: DateTime<Utc>,
}

fn view(row: &ReconciliationRow, items: &[ItemRow], currency: Currency) -> ReconciliationView {
    let money = |m: i64| Decimal::new(m, currency.exponent());
    ReconciliationView {
        id: row.id.0,
        bank_account_id: row.bank_account_id.0,
        date: row.reconciled_on,
        kind: row.kind.clone(),
        bank_transaction_ids: items
            .iter()
            .filter(|i| i.item_kind == "bank_transaction")
            .map(|i| i.item_id.0)
            .collect(),
        journal_lines: items
            .iter()
            .filter_map(|i| {
                Some(ReconciledLine {
                    id: i.item_id.0,
                    journal_entry_id: i.entry_id?.0,
                    line_no: i.line_no?,
                    date: i.item_date,
                    amount: money(i.amount_minor),
                })
            })
            .collect(),
        bank_total: money(row.bank_total_minor),
        ledger_total: money(row.ledger_total_minor),
        difference: money(row.difference_minor),
        difference_account_id: row.difference_account_id.map(|a| a.0),
        journal_entry_id: row.entry_id.map(|e| e.0),
        payment_id: row.payment_id.map(|p| p.0),
        auto: row.auto,
        created_at: row.created_at.and_utc(),
    }
}

/// A line of the bank's ledger account, signed from the bank's view.
#[derive(Debug, Clone)]
pub struct LedgerItem {
    pub entry_id: JournalEntryId,
    pub line_no: i32,
    pub date: NaiveDate,
    pub amount_minor: i64,
}

impl LedgerItem {
    pub fn of(l: &LineRow) -> LedgerItem {
        LedgerItem {
            entry_id: l.entry_id,
            line_no: l.line_no,
            date: l.entry_date,
            amount_minor: l.debit_minor - l.credit_minor,
        }
    }

    pub fn id(&self) -> Uuid {
        journal_line_id(self.entry_id.0, self.line_no)
    }
}

/// The 409 a void or reversal of something reconciled gets.
pub fn reconciled_guard(
    conn: &mut crate::db::DbConn,
    org: OrganizationId,
    entry: JournalEntryId,
    what: &str,
) -> Result<(), AppError> {
    match store::of_entry(conn, org, entry)? {
        Some(rec) => Err(AppError::conflict(
            "reconciled",
            format!(
                "this {what} is reconciled with a bank line (reconciliation {}); undo it first with DELETE /bank-reconciliations/{}",
                rec.0, rec.0
            ),
        )),
        None => Ok(()),
    }
}

/// The bank lines named, all of one bank account and none reconciled yet.
fn bank_side(
    tx: &mut Tx,
    org: OrganizationId,
    ids: &[Uuid],
    field: &str,
) -> Result<(BankAccountRow, Vec<TransactionRow>), AppError> {
    let typed: Vec<BankTransactionId> = ids.iter().map(|i| BankTransactionId(*i)).collect();
    let rows = lines_store::transactions_by_ids(tx, org, &typed)?;
    let by_id: HashMap<Uuid, &TransactionRow> = rows.iter().map(|r| (r.id.0, r)).collect();
    let mut check = Check::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.iter().enumerate() {
        if !seen.insert(*id) {
            check.push(format!("{field}[{i}]"), "duplicate", "named twice");
        } else if !by_id.contains_key(id) {
            check.push(
                format!("{field}[{i}]"),
                "not_found",
                "no such bank transaction in your organization",
            );
        }
    }
    check.finish()?;
    let Some(first) = rows.first() else {
        return Err(AppError::field(
            "required",
            field,
            "name at least one bank transaction",
        ));
    };
    if let Some((i, _)) = ids.iter().enumerate().find(|(_, id)| {
        by_id
            .get(id)
            .is_some_and(|r| r.bank_account_id != first.bank_account_id)
    }) {
        return Err(AppError::field(
            "other_bank_account",
            &format!("{field}[{i}]"),
            "all bank transactions of a reconciliation belong to one bank account",
        ));
    }
    if let Some((i, r)) = ids.iter().enumerate().find_map(|(i, id)| {
        by_id
            .get(id)
            .filter(|r| r.reconciliation_id.is_some())
            .map(|r| (i, r))
    }) {
        return Err(AppError::conflict_on(
            "already_reconciled",
            &format!("{field}[{i}]"),
            format!(
                "this bank transaction is already reconciled (reconciliation {})",
                r.reconciliation_id
                    .map(|x| x.0.to_string())
                    .unwrap_or_default()
            ),
        ));
    }
    let bank = BankAccountRow::find(tx, org, first.bank_account_id).found("bank account")?;
    let ordered = ids
        .iter()
        .filter_map(|id| by_id.get(id).map(|r| (*r).clone()))
        .collect();
    Ok((bank, ordered))
}

/// What the ledger side names.
#[derive(Default)]
struct LedgerRefs<'a> {
    payment_ids: &'a [Uuid],
    journal_line_ids: &'a [Uuid],
    journal_entry_id: Option<Uuid>,
}

/// The ledger lines named: a payment's or an entry's lines on the bank's ledger account, or
/// lines of that account by id; none reconciled yet.
fn ledger_side(
    tx: &mut Tx,
    org: OrganizationId,
    bank: &BankAccountRow,
    refs: LedgerRefs,
) -> Result<Vec<LedgerItem>, AppError> {
    let mut check = Check::new();
    let mut items: Vec<(String, LedgerItem)> = Vec::new();
    for (i, id) in refs.payment_ids.iter().enumerate() {
        let field = format!("payment_ids[{i}]");
        match find_payment(tx, org, PaymentId(*id)) {
            Ok(p) if p.status != "posted" => {
                check.push(field, "payment_void", "this payment is void")
            }
            Ok(p) if p.bank_account_id != bank.id => check.push(
                field,
                "other_bank_account",
                "this payment went through another bank account",
            ),
            Ok(p) => {
                for l in entry_lines_on(tx, org, p.journal_entry_id, bank.ledger_account_id)? {
                    items.push((field.clone(), l));
                }
            }
            Err(diesel::result::Error::NotFound) => {
                check.push(field, "not_found", "no such payment in your organization")
            }
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(entry) = refs.journal_entry_id {
        let field = "journal_entry_id".to_owned();
        match crate::db::ledger::find_entry(tx, org, JournalEntryId(entry)) {
            Ok(e) => {
                let lines = entry_lines_on(tx, org, e.id, bank.ledger_account_id)?;
                if lines.is_empty() {
                    check.push(
                        field.clone(),
                        "not_on_bank_account",
                        "this entry has no line on the bank account's ledger account",
                    );
                }
                items.extend(lines.into_iter().map(|l| (field.clone(), l)));
            }
            Err(diesel::result::Error::NotFound) => check.push(
                field,
                "not_found",
                "no such journal entry in your organization",
            ),
            Err(e) => return Err(e.into()),
        }
    }
    if !refs.journal_line_ids.is_empty() {
        let on_account: HashMap<Uuid, LedgerItem> =
            store::lines_on(tx, org, bank.ledger_account_id, None)?
                .iter()
                .map(|l| {
                    let item = LedgerItem::of(l);
                    (item.id(), item)
                })
                .collect();
        for (i, id) in refs.journal_line_ids.iter().enumerate() {
            let field = format!("journal_line_ids[{i}]");
            match on_account.get(id) {
                Some(item) => items.push((field, item.clone())),
                None => check.push(
                    field,
                    "not_found",
                    "no such journal line on the bank account's ledger account",
                ),
            }
        }
    }
    check.finish()?;
    let mut seen = HashSet::new();
    for (field, item) in &items {
        if !seen.insert(item.id()) {
            return Err(AppError::field(
                "duplicate",
                field,
                "this journal line is named twice",
            ));
        }
    }
    let ids: Vec<SqlUuid> = items.iter().map(|(_, l)| SqlUuid(l.id())).collect();
    if let Some((held, rec)) = store::held(tx, org, "journal_line", &ids)?.first() {
        let field = items
            .iter()
            .find(|(_, l)| l.id() == held.0)
            .map(|(f, _)| f.clone())
            .unwrap_or_default();
        return Err(AppError::conflict_on(
            "already_reconciled",
            &field,
            format!("already reconciled (reconciliation {})", rec.0),
        ));
    }
    Ok(items.into_iter().map(|(_, l)| l).collect())
}

fn entry_lines_on(
    tx: &mut Tx,
    org: OrganizationId,
    entry: JournalEntryId,
    account: LedgerAccountId,
) -> Result<Vec<LedgerItem>, AppError> {
    Ok(crate::db::ledger::lines_of(tx, org, &[entry])?
        .iter()
        .filter(|l| l.ledger_account_id == account)
        .map(LedgerItem::of)
        .collect())
}

/// One line of an entry this module posts.
fn draft_line(
    account: LedgerAccountId,
    side: Side,
    amount: Decimal,
    rate: Option<Decimal>,
    client: Option<ClientAccountId>,
    description: Option<String>,
) -> DraftLine {
    DraftLine {
        ledger_account_id: account,
        both_sides: false,
        side: Some(side),
        amount: Some(amount),
        exchange_rate: rate,
        description,
        account_id: client,
    }
}

/// How one reconciliation is made.
struct Making {
    kind: &'static str,
    difference_account: Option<LedgerAccountId>,
    /// An entry already posted for this reconciliation (a categorization).
    entry: Option<JournalEntryId>,
    payment: Option<PaymentId>,
    auto: bool,
}

/// Stores a reconciliation of `lines` with `ledger` (writing off any difference) and marks
/// the lines reconciled; records the changes.
#[allow(clippy::too_many_arguments)]
fn make(
    tx: &mut Tx,
    caller: &Caller,
    org: &Org,
    bank: &BankAccountRow,
    lines: Vec<TransactionRow>,
    mut ledger: Vec<LedgerItem>,
    making: Making,
) -> Result<ReconciliationView, AppError> {
    let currency = currency_of(&bank.currency)?;
    let bank_total: i64 = lines.iter().map(|l| l.amount_minor).sum();
    let ledger_total: i64 = ledger.iter().map(|l| l.amount_minor).sum();
    let difference = bank_total - ledger_total;
    let id = BankReconciliationId(Uuid::now_v7());
    let mut entry = making.entry;
    let date = lines
        .iter()
        .map(|l| l.booked_on)
        .chain(ledger.iter().map(|l| l.date))
        .max()
        .ok_or_else(|| AppError::internal("a reconciliation with nothing in it"))?;
    if difference != 0 {
        let Some(account) = making.difference_account else {
            let money = |m: i64| Decimal::new(m, currency.exponent());
            return Err(AppError::unprocessable(
                "amounts_differ",
                format!(
                    "the bank side adds up to {} and the ledger side to {}: a difference of {} {}; name difference_account_id to write it off",
                    money(bank_total),
                    money(ledger_total),
                    money(difference),
                    currency.code()
                ),
            ));
        };
        let bank_side = if difference > 0 {
            Side::Debit
        } else {
            Side::Credit
        };
        let other = if difference > 0 {
            Side::Credit
        } else {
            Side::Debit
        };
        let amount = Decimal::new(difference.abs(), currency.exponent());
        let (rate, base_amount) = in_base(tx, org, currency, amount, date)?;
        let posted = ledger::post_entry_for(
            tx,
            caller,
            org,
            EntryDraft {
                date,
                description: "Bank reconciliation difference written off".into(),
                reference: None,
                source: Source::Bank,
                source_id: Some(id.into()),
                metadata: "{}".into(),
                lines: vec![
                    draft_line(bank.ledger_account_id, bank_side, amount, rate, None, None),
                    draft_line(account, other, base_amount, None, None, None),
                ],
            },
        )
        .map_err(|e| rename_fields(e, "difference_account_id"))?;
        ledger.extend(
            posted
                .lines
                .iter()
                .filter(|l| l.ledger_account_id == bank.ledger_account_id)
                .map(LedgerItem::of),
        );
        entry = Some(posted.row.id);
    }
    let now = db::now();
    let row = ReconciliationRow {
        organization_id: org.id,
        id,
        bank_account_id: bank.id,
        reconciled_on: date,
        kind: making.kind.to_owned(),
        bank_total_minor: bank_total,
        ledger_total_minor: ledger_total,
        difference_minor: difference,
        difference_account_id: making.difference_account.filter(|_| difference != 0),
        entry_id: entry,
        payment_id: making.payment,
        auto: making.auto,
        created_by: Some(UserId(caller.user_id().0)),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let mut items: Vec<ItemRow> = lines
        .iter()
        .map(|l| ItemRow {
            organization_id: org.id,
            reconciliation_id: id,
            item_kind: "bank_transaction".into(),
            item_id: SqlUuid(l.id.0),
            entry_id: None,
            line_no: None,
            amount_minor: l.amount_minor,
            item_date: l.booked_on,
        })
        .collect();
    items.extend(ledger.iter().map(|l| ItemRow {
        organization_id: org.id,
        reconciliation_id: id,
        item_kind: "journal_line".into(),
        item_id: SqlUuid(l.id()),
        entry_id: Some(l.entry_id),
        line_no: Some(l.line_no),
        amount_minor: l.amount_minor,
        item_date: l.date,
    }));
    store::insert(tx, &row, &items).map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => AppError::conflict(
            "already_reconciled",
            "another request reconciled one of these items first",
        ),
        e => e.into(),
    })?;
    let ids: Vec<BankTransactionId> = lines.iter().map(|l| l.id).collect();
    if lines_store::set_reconciliation(tx, org.id, &ids, Some(id), now)? != ids.len() {
        return Err(AppError::conflict(
            "already_reconciled",
            "another request reconciled one of these bank transactions first",
        ));
    }
    for before in lines {
        let after = lines_store::find_transaction(tx, org.id, before.id)?;
        tx.record(
            Change::updated(
                "bank_transaction",
                before.id.0,
                &TransactionView::from(before),
                &TransactionView::from(after),
            )
            .as_event("reconciled"),
        );
    }
    let view = view(&row, &items, currency);
    tx.record(Change::created("bank_reconciliation", id.0, &view));
    Ok(view)
}

/// Auto-reconcile's match of one line with one ledger line.
pub fn match_auto(
    tx: &mut Tx,
    bank: &BankAccountRow,
    line: TransactionRow,
    item: LedgerItem,
) -> Result<ReconciliationView, AppError> {
    let caller = tx.caller()?;
    let org = ledger::org(tx, caller)?;
    make(
        tx,
        caller,
        &org,
        bank,
        vec![line],
        vec![item],
        Making {
            kind: "match",
            difference_account: None,
            entry: None,
            payment: None,
            auto: true,
        },
    )
}

/// The error of posting an entry, its line fields renamed to what the caller named.
fn rename_fields(mut e: AppError, field: &str) -> AppError {
    for f in &mut e.fields {
        if f.field.starts_with("lines") {
            f.field = field.to_owned();
        }
    }
    e
}

/// `amount` in the bank's currency: the rate to give its line and its base-currency value.
fn in_base(
    tx: &mut Tx,
    org: &Org,
    currency: Currency,
    amount: Decimal,
    date: NaiveDate,
) -> Result<(Option<Decimal>, Decimal), AppError> {
    if currency == org.base {
        return Ok((None, amount));
    }
    let rate = resolve_rate(tx, org, currency, None, date)?;
    let base = amount
        .checked_mul(rate)
        .ok_or_else(|| {
            AppError::unprocessable(
                "too_large",
                "the amount in the base currency is too large to post",
            )
        })?
        .round_dp_with_strategy(
            org.base.exponent(),
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        );
    Ok((Some(rate), base))
}

// ---- the use cases ----

/// `POST /bank-reconciliations`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReconciliationRequest {
    /// The bank lines (one or more, of one bank account).
    #[schema(min_items = 1, max_items = 500)]
    pub bank_transaction_ids: Vec<Uuid>,
    /// Payments through that bank account.
    #[serde(default)]
    #[schema(max_items = 500)]
    pub payment_ids: Vec<Uuid>,
    /// Lines of the bank's ledger account (`JournalLineView.id`).
    #[serde(default)]
    #[schema(max_items = 500)]
    pub journal_line_ids: Vec<Uuid>,
    /// Where a difference between the two sides is written off (bank fees, say); without
    /// it the sides must agree exactly.
    pub difference_account_id: Option<Uuid>,
}

/// `POST /bank-transactions/{id}/match`: the one-line shorthand.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    #[serde(default)]
    #[schema(max_items = 500)]
    pub payment_ids: Vec<Uuid>,
    #[serde(default)]
    #[schema(max_items = 500)]
    pub journal_line_ids: Vec<Uuid>,
    /// An entry whose lines on the bank's ledger account are the ledger side.
    pub journal_entry_id: Option<Uuid>,
    pub difference_account_id: Option<Uuid>,
}

fn too_many(check: &mut Check, field: &str, n: usize) {
    if n > MAX_ITEMS {
        check.push(field, "too_many_items", format!("at most {MAX_ITEMS}"));
    }
}

fn reconcile_in(
    tx: &mut Tx,
    bank_ids: &[Uuid],
    bank_field: &str,
    refs: LedgerRefs,
    difference_account_id: Option<Uuid>,
) -> Result<ReconciliationView, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteBooks)?;
    let mut check = Check::new();
    too_many(&mut check, bank_field, bank_ids.len());
    too_many(&mut check, "payment_ids", refs.payment_ids.len());
    too_many(&mut check, "journal_line_ids", refs.journal_line_ids.len());
    if refs.payment_ids.is_empty()
        && refs.journal_line_ids.is_empty()
        && refs.journal_entry_id.is_none()
    {
        check.push(
            "payment_ids",
            "required",
            "name the ledger side: payment_ids, journal_line_ids or a journal_entry_id",
        );
    }
    check.finish()?;
    let org = ledger::org(tx, caller)?;
    let (bank, lines) = bank_side(tx, org.id, bank_ids, bank_field)?;
    let items = ledger_side(tx, org.id, &bank, refs)?;
    let difference_account = match difference_account_id {
        Some(id) => Some(write_off_account(tx, org.id, &bank, LedgerAccountId(id))?),
        None => None,
    };
    make(
        tx,
        caller,
        &org,
        &bank,
        lines,
        items,
        Making {
            kind: "match",
            difference_account,
            entry: None,
            payment: None,
            auto: false,
        },
    )
}

/// A ledger account a difference or a categorized line may post to: active, not the bank's
/// own.
fn write_off_account(
    tx: &mut Tx,
    org: OrganizationId,
    bank: &BankAccountRow,
    id: LedgerAccountId,
) -> Result<LedgerAccountId, AppError> {
    categorizable(tx, org, bank, id, "difference_account_id")
}

fn categorizable(
    tx: &mut Tx,
    org: OrganizationId,
    bank: &BankAccountRow,
    id: LedgerAccountId,
    field: &str,
) -> Result<LedgerAccountId, AppError> {
    let account = match crate::db::ledger::find_account(tx, org, id) {
        Ok(a) => a,
        Err(diesel::result::Error::NotFound) => {
            return Err(AppError::field(
                "not_found",
                field,
                "no such ledger account in your organization",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    if !account.is_active {
        return Err(AppError::field(
            "ledger_account_inactive",
            field,
            "this ledger account is inactive",
        ));
    }
    if account.id == bank.ledger_account_id {
        return Err(AppError::field(
            "bank_ledger_account",
            field,
            "name another account than the bank's own",
        ));
    }
    Ok(account.id)
}

/// `POST /bank-reconciliations`.
pub async fn create(
    app: &App,
    cx: &Context,
    req: ReconciliationRequest,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let view = reconcile_in(
            tx,
            &req.bank_transaction_ids,
            "bank_transaction_ids",
            LedgerRefs {
                payment_ids: &req.payment_ids,
                journal_line_ids: &req.journal_line_ids,
                journal_entry_id: None,
            },
            req.difference_account_id,
        )?;
        Outcome::created("bank-reconciliations", view.id, &view)
    })
    .await
}

/// `POST /bank-transactions/{id}/match`.
pub async fn match_line(
    app: &App,
    cx: &Context,
    id: BankTransactionId,
    req: MatchRequest,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        lines_store::find_transaction(tx, caller.org, id).found("bank transaction")?;
        let view = reconcile_in(
            tx,
            &[id.0],
            "id",
            LedgerRefs {
                payment_ids: &req.payment_ids,
                journal_line_ids: &req.journal_line_ids,
                journal_entry_id: req.journal_entry_id,
            },
            req.difference_account_id,
        )?;
        Outcome::created("bank-reconciliations", view.id, &view)
    })
    .await
}

/// `POST /bank-transactions/{id}/categorize`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategorizeRequest {
    /// Where the money came from or went (income, expense, …).
    pub ledger_account_id: Option<Uuid>,
    /// The client account the line is about, tagged on the entry's lines.
    pub account_id: Option<Uuid>,
    /// The amount is gross: the tax in it goes to the rate's account.
    pub tax_rate_id: Option<Uuid>,
    #[schema(example = "Bank fee")]
    pub description: Option<String>,
    /// The entry's date; the line's booking date by default.
    pub date: Option<NaiveDate>,
}

crate::create_input!(
    /// Categorize a bank line: the fields it must name required.
    CategorizeCreate(CategorizeRequest) required ["ledger_account_id"]
);

/// What categorizing needs besides the line.
pub struct Category {
    pub ledger_account_id: LedgerAccountId,
    pub account_id: Option<ClientAccountId>,
    pub tax_rate_id: Option<TaxRateId>,
    pub description: Option<String>,
    pub date: Option<NaiveDate>,
}

/// Posts an entry for the line (Dr bank / Cr the category for money in; the other way for
/// money out) and reconciles the two.
pub fn categorize_in(
    tx: &mut Tx,
    line: TransactionRow,
    bank: &BankAccountRow,
    category: Category,
    auto: bool,
) -> Result<ReconciliationView, AppError> {
    let caller = tx.caller()?;
    let org = ledger::org(tx, caller)?;
    let account = categorizable(
        tx,
        org.id,
        bank,
        category.ledger_account_id,
        "ledger_account_id",
    )?;
    if let Some(client) = category.account_id {
        match crate::db::crm::accounts::find(tx, org.id, client) {
            Ok(_) => {}
            Err(diesel::result::Error::NotFound) => {
                return Err(AppError::field(
                    "not_found",
                    "account_id",
                    "no such account in your organization",
                ))
            }
            Err(e) => return Err(e.into()),
        }
    }
    let currency = currency_of(&bank.currency)?;
    let date = category.date.unwrap_or(line.booked_on);
    let gross = Decimal::new(line.amount_minor.abs(), currency.exponent());
    if gross.is_zero() {
        return Err(AppError::unprocessable(
            "zero_amount",
            "a bank line of zero posts nothing; match it instead",
        ));
    }
    let money_in = line.amount_minor > 0;
    let (bank_side, other) = if money_in {
        (Side::Debit, Side::Credit)
    } else {
        (Side::Credit, Side::Debit)
    };
    let (rate, base_gross) = in_base(tx, &org, currency, gross, date)?;
    let description = category
        .description
        .clone()
        .or_else(|| line.description.clone())
        .map(|d| d.chars().take(500).collect::<String>());
    let mut lines = vec![draft_line(
        bank.ledger_account_id,
        bank_side,
        gross,
        rate,
        category.account_id,
        description.clone(),
    )];
    let mut net = base_gross;
    if let Some(tax_id) = category.tax_rate_id {
        let tax_rate = match TaxRateRow::find(tx, org.id, tax_id) {
            Ok(t) => t,
            Err(diesel::result::Error::NotFound) => {
                return Err(AppError::field(
                    "not_found",
                    "tax_rate_id",
                    "no such tax rate in your organization",
                ))
            }
            Err(e) => return Err(e.into()),
        };
        let tax_account = if money_in {
            Some(tax_rate.sales_ledger_account_id)
        } else if tax_rate.recoverable {
            Some(tax_rate.purchase_ledger_account_id)
        } else {
            None
        };
        if let Some(tax_account) = tax_account {
            let r = tax_rate.rate.0;
            let tax = (base_gross * r / (Decimal::ONE + r)).round_dp_with_strategy(
                org.base.exponent(),
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            );
            if !tax.is_zero() {
                net -= tax;
                lines.push(draft_line(
                    tax_account,
                    other,
                    tax,
                    None,
                    category.account_id,
                    Some(tax_rate.name.clone()),
                ));
            }
        }
    }
    lines.insert(
        1,
        draft_line(
            account,
            other,
            net,
            None,
            category.account_id,
            description.clone(),
        ),
    );
    let posted = ledger::post_entry_for(
        tx,
        caller,
        &org,
        EntryDraft {
            date,
            description: description.unwrap_or_else(|| "Bank transaction".into()),
            reference: line.bank_reference.clone(),
            source: Source::Bank,
            source_id: Some(line.id.into()),
            metadata: "{}".into(),
            lines,
        },
    )?;
    let items = posted
        .lines
        .iter()
        .filter(|l| l.ledger_account_id == bank.ledger_account_id)
        .map(LedgerItem::of)
        .collect();
    make(
        tx,
        caller,
        &org,
        bank,
        vec![line],
        items,
        Making {
            kind: "categorize",
            difference_account: None,
            entry: Some(posted.row.id),
            payment: None,
            auto,
        },
    )
}

/// The unreconciled bank line `id` and its bank account.
fn open_line(
    tx: &mut Tx,
    id: BankTransactionId,
) -> Result<(TransactionRow, BankAccountRow), AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::WriteBooks)?;
    lines_store::find_transaction(tx, caller.org, id).found("bank transaction")?;
    let (bank, mut lines) = bank_side(tx, caller.org, &[id.0], "id")?;
    let line = lines
        .pop()
        .ok_or_else(|| AppError::internal("bank side without its line"))?;
    Ok((line, bank))
}

pub async fn categorize(
    app: &App,
    cx: &Context,
    id: BankTransactionId,
    req: CategorizeCreate,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let req = req.0;
        let (line, bank) = open_line(tx, id)?;
        let mut check = Check::new();
        check.present("ledger_account_id", &req.ledger_account_id);
        check.max_chars("description", req.description.as_deref(), 500);
        check.finish()?;
        let category = Category {
            ledger_account_id: LedgerAccountId(req.ledger_account_id.unwrap_or_default()),
            account_id: req.account_id.map(ClientAccountId),
            tax_rate_id: req.tax_rate_id.map(TaxRateId),
            description: req.description,
            date: req.date,
        };
        let view = categorize_in(tx, line, &bank, category, false)?;
        Outcome::created("bank-reconciliations", view.id, &view)
    })
    .await
}

/// `POST /bank-transactions/{id}/payment`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentFromLineRequest {
    /// The customer (money in) or vendor (money out).
    pub account_id: Option<Uuid>,
    /// As in `POST /payments`; what is left stays unallocated credit.
    #[serde(default)]
    #[schema(max_items = 200)]
    pub allocations: Vec<AllocationRequest>,
    /// The payment's date; the line's booking date by default.
    pub date: Option<NaiveDate>,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

crate::create_input!(
    /// Record a payment from a bank line: the fields it must name required.
    PaymentFromLineCreate(PaymentFromLineRequest) required ["account_id"]
);

/// Records the payment a bank line is, allocates it and reconciles the two.
pub fn pay_from_line_in(
    tx: &mut Tx,
    line: TransactionRow,
    bank: &BankAccountRow,
    input: PaymentInputFromLine,
    auto: bool,
) -> Result<ReconciliationView, AppError> {
    let caller = tx.caller()?;
    let org = ledger::org(tx, caller)?;
    let currency = currency_of(&bank.currency)?;
    if line.amount_minor == 0 {
        return Err(AppError::unprocessable(
            "zero_amount",
            "a bank line of zero is no payment; match it instead",
        ));
    }
    let payment = payments::create_in(
        tx,
        caller,
        PaymentInput {
            direction: if line.amount_minor > 0 {
                PaymentDirection::Received
            } else {
                PaymentDirection::Sent
            },
            account_id: input.account_id,
            bank_account_id: bank.id.0,
            date: input.date.unwrap_or(line.booked_on),
            amount: Decimal::new(line.amount_minor.abs(), currency.exponent()),
            currency: Some(currency),
            exchange_rate: None,
            reference: input
                .reference
                .or_else(|| line.end_to_end_id.clone())
                .or_else(|| line.bank_reference.clone())
                .map(|r| r.chars().take(200).collect()),
            memo: input
                .memo
                .or_else(|| line.description.clone())
                .map(|m| m.chars().take(5000).collect()),
            allocations: input.allocations,
        },
    )?;
    tx.record(Change::created("payment", payment.id, &payment));
    let row = find_payment(tx, org.id, PaymentId(payment.id))?;
    let items = entry_lines_on(tx, org.id, row.journal_entry_id, bank.ledger_account_id)?;
    make(
        tx,
        caller,
        &org,
        bank,
        vec![line],
        items,
        Making {
            kind: "payment",
            difference_account: None,
            entry: None,
            payment: Some(row.id),
            auto,
        },
    )
}

pub struct PaymentInputFromLine {
    pub account_id: Uuid,
    pub allocations: Vec<crate::app::billing::allocations::AllocationEntry>,
    pub date: Option<NaiveDate>,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

pub async fn pay_from_line(
    app: &App,
    cx: &Context,
    id: BankTransactionId,
    req: PaymentFromLineCreate,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let req = req.0;
        let (line, bank) = open_line(tx, id)?;
        let mut check = Check::new();
        check.present("account_id", &req.account_id);
        check.max_chars("reference", req.reference.as_deref(), 200);
        check.max_chars("memo", req.memo.as_deref(), 5000);
        if req.allocations.len() > 200 {
            check.push(
                "allocations",
                "too_many_allocations",
                "at most 200 allocations",
            );
        }
        let allocations = allocation_entries(req.allocations, &mut check);
        check.finish()?;
        let input = PaymentInputFromLine {
            account_id: req.account_id.unwrap_or_default(),
            allocations,
            date: req.date,
            reference: req.reference,
            memo: req.memo,
        };
        let view = pay_from_line_in(tx, line, &bank, input, false)?;
        Outcome::created("bank-reconciliations", view.id, &view)
    })
    .await
}

/// A reconciliation with what it holds.
fn load(
    tx: &mut Tx,
    org: OrganizationId,
    id: BankReconciliationId,
) -> Result<(ReconciliationRow, Vec<ItemRow>, Currency), AppError> {
    let row = store::find(tx, org, id).found("bank reconciliation")?;
    let items = store::items_of(tx, org, &[id])?;
    let bank = BankAccountRow::find(tx, org, row.bank_account_id).found("bank account")?;
    Ok((row, items, currency_of(&bank.currency)?))
}

/// `GET /bank-reconciliations/{id}`.
pub async fn get(
    app: &App,
    cx: &Context,
    id: BankReconciliationId,
) -> Result<ReconciliationView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let (row, items, currency) = load(tx, caller.org, id)?;
        Ok(view(&row, &items, currency))
    })
    .await
}

/// `DELETE /bank-reconciliations/{id}`: the lines are unreconciled; an entry it posted is
/// reversed and a payment it recorded voided, dated on their own date or, when that is
/// locked, the day after the lock date.
pub async fn undo(app: &App, cx: &Context, id: BankReconciliationId) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let org = ledger::org(tx, caller)?;
        let (row, items, currency) = load(tx, org.id, id)?;
        let before = view(&row, &items, currency);
        let lines: Vec<BankTransactionId> = items
            .iter()
            .filter(|i| i.item_kind == "bank_transaction")
            .map(|i| BankTransactionId(i.item_id.0))
            .collect();
        let befores = lines_store::transactions_by_ids(tx, org.id, &lines)?;
        lines_store::set_reconciliation(tx, org.id, &lines, None, db::now())?;
        if !store::delete(tx, org.id, id)? {
            return Err(AppError::not_found("bank reconciliation"));
        }
        let after_lock = |d: NaiveDate| match org.lock_date {
            Some(lock) if d <= lock => lock.succ_opt().unwrap_or(d),
            _ => d,
        };
        if let Some(payment) = row.payment_id {
            let before = payments::current(tx, caller, payment)?;
            let after = payments::void_in(tx, caller, payment)?;
            tx.record(Change::updated("payment", payment.0, &before, &after).as_event("voided"));
        }
        if let Some(entry) = row.entry_id {
            let original = ledger::get_entry(tx, caller, entry)?;
            if original.row.reversed_by_entry_id.is_none() {
                let date = after_lock(original.row.entry_date);
                ledger::post_reversal(
                    tx,
                    caller,
                    original,
                    date,
                    "Bank reconciliation undone".into(),
                )?;
            }
        }
        for b in befores {
            let after = lines_store::find_transaction(tx, org.id, b.id)?;
            tx.record(
                Change::updated(
                    "bank_transaction",
                    b.id.0,
                    &TransactionView::from(b),
                    &TransactionView::from(after),
                )
                .as_event("unreconciled"),
            );
        }
        tx.record(Change::deleted("bank_reconciliation", id.0, &before));
        Ok(Outcome::no_content())
    })
    .await
}
