//! Payments through a bank account and their allocations to documents.
//!
//! A payment posts its whole amount against the control account on its own date (Dr bank /
//! Cr receivables when received; Dr payables / Cr bank when sent), so an unallocated
//! remainder is a credit there until it is allocated (see [`super::allocations`]). Each use
//! case (record, list, get, allocate, void) opens its own unit of work.

use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::allocations::{
    allocation_entries, allocation_kinds, allocation_targets, apply_allocations, pricing, to_minor,
    unwind, AllocationEntry, AllocationRequest, AllocationView,
};
use super::{check_lock, control_account, money, resolve_rate};
use crate::app::error::{AppError, Check, FieldError, Found};
use crate::app::ledger::{self, currency_of, DraftLine, EntryDraft, Org, Source};
use crate::app::page::{by_creation, CreationSort, Page, PageParams};
use crate::app::unit_of_work::Change;
use crate::app::{App, Context, Outcome, Tx};
use crate::auth::{Caller, Permission};
use crate::db::billing::{
    self,
    bank_accounts::BankAccountRow,
    payments::{PaymentFilter, PaymentRow},
};
use crate::db::record::{Keyset, Stored};
use crate::db::{self, SqlDecimal};
use crate::domain::documents::{to_base_minor, DocumentKind, Ledger};
use crate::domain::ids::{BankAccountId, ClientAccountId, PaymentId, UserId};
use crate::domain::ledger::Side;
use crate::domain::money::{decimal_string, decimal_string_opt, Currency, Rounding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentDirection {
    /// Money in: from a customer (or a vendor's refund).
    Received,
    /// Money out: to a vendor (or a refund to a customer).
    Sent,
}

impl PaymentDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentDirection::Received => "received",
            PaymentDirection::Sent => "sent",
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentView {
    pub id: Uuid,
    pub direction: PaymentDirection,
    /// The control account it settles against: `receivable` or `payable`.
    pub ledger: Ledger,
    pub account_id: Uuid,
    pub account_name: String,
    pub bank_account_id: Uuid,
    #[schema(example = "2026-09-10")]
    pub date: NaiveDate,
    #[schema(example = "100.00")]
    pub amount: String,
    #[schema(example = "USD")]
    pub currency: String,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "1")]
    pub exchange_rate: Decimal,
    #[schema(example = "100.00")]
    pub base_amount: String,
    #[schema(example = "USD")]
    pub base_currency: String,
    #[schema(example = "100.00")]
    pub allocated_amount: String,
    /// Not yet allocated: a credit on the control account until it is.
    #[schema(example = "0.00")]
    pub unallocated_amount: String,
    pub reference: Option<String>,
    pub memo: Option<String>,
    /// `posted` or `void`.
    #[schema(example = "posted")]
    pub status: String,
    pub allocations: Vec<AllocationView>,
    pub journal_entry_id: Uuid,
    pub void_entry_id: Option<Uuid>,
    pub voided_at: Option<chrono::DateTime<Utc>>,
    pub version: i64,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

pub fn views(
    conn: &mut Tx,
    org: &Org,
    rows: Vec<PaymentRow>,
) -> Result<Vec<PaymentView>, AppError> {
    let ids: Vec<PaymentId> = rows.iter().map(|r| r.id).collect();
    let allocations = billing::allocations::allocations_of_payments(conn, org.id, &ids)?;
    let kinds = allocation_kinds(conn, org.id, &allocations)?;
    let names = super::account_names(conn, org.id, rows.iter().map(|r| r.account_id))?;
    rows.into_iter()
        .map(|r| {
            let currency = currency_of(&r.currency)?;
            Ok(PaymentView {
                id: r.id.0,
                direction: if r.direction == "sent" {
                    PaymentDirection::Sent
                } else {
                    PaymentDirection::Received
                },
                ledger: Ledger::parse(&r.ledger).unwrap_or(Ledger::Receivable),
                account_id: r.account_id.0,
                account_name: names.get(&r.account_id).cloned().unwrap_or_default(),
                bank_account_id: r.bank_account_id.0,
                date: r.payment_date,
                amount: money(r.amount_minor, currency),
                currency: r.currency.clone(),
                exchange_rate: r.exchange_rate.0.normalize(),
                base_amount: money(r.base_amount_minor, org.base),
                base_currency: org.base.code().to_owned(),
                allocated_amount: money(r.allocated_minor, currency),
                unallocated_amount: money(r.amount_minor - r.allocated_minor, currency),
                reference: r.reference,
                memo: r.memo,
                status: r.status,
                allocations: allocations
                    .iter()
                    .filter(|a| a.payment_id == Some(r.id))
                    .map(|a| AllocationView::of(a, &kinds, currency))
                    .collect(),
                journal_entry_id: r.journal_entry_id.0,
                void_entry_id: r.void_entry_id.map(|i| i.0),
                voided_at: r.voided_at.map(|t| t.and_utc()),
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn view(conn: &mut Tx, org: &Org, row: PaymentRow) -> Result<PaymentView, AppError> {
    views(conn, org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::internal("payment view"))
}

pub struct PaymentInput {
    pub direction: PaymentDirection,
    pub account_id: Uuid,
    pub bank_account_id: Uuid,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub currency: Option<Currency>,
    pub exchange_rate: Option<Decimal>,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub allocations: Vec<AllocationEntry>,
}

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    input: PaymentInput,
) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let mut errors = Vec::new();
    let account = match db::crm::accounts::find(conn, org.id, ClientAccountId(input.account_id)) {
        Ok(a) if a.archived_at.is_some() || a.merged_into_id.is_some() => {
            errors.push(FieldError::new(
                "account_id",
                "account_archived",
                "this account is archived",
            ));
            None
        }
        Ok(a) => Some(a),
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "account_id",
                "not_found",
                "no such account in your organization",
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let bank = match BankAccountRow::find(conn, org.id, BankAccountId(input.bank_account_id)) {
        Ok(b) if !b.is_active => {
            errors.push(FieldError::new(
                "bank_account_id",
                "bank_account_inactive",
                "this bank account is inactive",
            ));
            None
        }
        Ok(b) => Some(b),
        Err(diesel::result::Error::NotFound) => {
            errors.push(FieldError::new(
                "bank_account_id",
                "not_found",
                "no such bank account in your organization",
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let bank_currency = match &bank {
        Some(b) => Some(currency_of(&b.currency)?),
        None => None,
    };
    let currency = input.currency.or(bank_currency).unwrap_or(org.base);
    if let Some(bc) = bank_currency {
        if bc != currency {
            errors.push(FieldError::new(
                "currency",
                "currency_mismatch",
                format!("the bank account is in {}", bc.code()),
            ));
        }
    }
    let amount_minor = to_minor(input.amount, currency, "amount", &mut errors);
    if input
        .reference
        .as_ref()
        .is_some_and(|r| r.chars().count() > 200)
    {
        errors.push(FieldError::new(
            "reference",
            "length",
            "at most 200 characters",
        ));
    }
    if input
        .memo
        .as_ref()
        .is_some_and(|r| r.chars().count() > 5000)
    {
        errors.push(FieldError::new("memo", "length", "at most 5000 characters"));
    }
    if input.allocations.len() > 200 {
        errors.push(FieldError::new(
            "allocations",
            "too_many_allocations",
            "at most 200 allocations",
        ));
    }
    let rate = match resolve_rate(conn, &org, currency, input.exchange_rate, input.date) {
        Ok(r) => r,
        Err(e) => {
            errors.extend(e.fields);
            Decimal::ONE
        }
    };
    let targets = allocation_targets(
        conn,
        &org,
        input.direction,
        &input.allocations,
        currency,
        &mut errors,
    )?;
    let ledgers: Vec<Ledger> = targets
        .iter()
        .flatten()
        .filter_map(|(d, _)| DocumentKind::parse(&d.kind).map(DocumentKind::ledger))
        .collect();
    let ledger_kind = match ledgers.first() {
        Some(l) => *l,
        None if input.direction == PaymentDirection::Received => Ledger::Receivable,
        None => Ledger::Payable,
    };
    if ledgers.iter().any(|l| *l != ledger_kind) {
        errors.push(FieldError::new(
            "allocations",
            "allocation_mixed_ledgers",
            "one payment settles receivables or payables, not both",
        ));
    }
    if let Some(a) = &account {
        if ledger_kind == Ledger::Receivable && !a.is_customer {
            errors.push(FieldError::new(
                "account_id",
                "not_a_customer",
                "a receivables payment is with an account that has is_customer true",
            ));
        }
        if ledger_kind == Ledger::Payable && !a.is_vendor {
            errors.push(FieldError::new(
                "account_id",
                "not_a_vendor",
                "a payables payment is with an account that has is_vendor true",
            ));
        }
    }
    let allocated: i64 = targets.iter().flatten().map(|(_, a)| *a).sum();
    if errors.is_empty() && allocated > amount_minor {
        errors.push(FieldError::new(
            "allocations",
            "allocations_exceed_payment",
            format!(
                "the allocations add up to {}, more than the payment's {}",
                money(allocated, currency),
                money(amount_minor, currency)
            ),
        ));
    }
    crate::app::error::Check::from(errors).finish()?;
    check_lock(&org, input.date, "date")?;
    let (Some(account), Some(bank)) = (account, bank) else {
        return Err(AppError::internal(
            "payment checks passed without account and bank",
        ));
    };
    let base_minor = to_base_minor(
        amount_minor,
        &pricing(currency, org.base, rate, Rounding::HalfUp),
    )
    .map_err(|_| AppError::field("too_large", "amount", "too large"))?;
    let control = control_account(conn, org.id, ledger_kind)?;
    let bank_side = if input.direction == PaymentDirection::Received {
        Side::Debit
    } else {
        Side::Credit
    };
    let other = if bank_side == Side::Debit {
        Side::Credit
    } else {
        Side::Debit
    };
    let line = |account_id, side, amount: Decimal, rate: Option<Decimal>| DraftLine {
        ledger_account_id: account_id,
        both_sides: false,
        side: Some(side),
        amount: Some(amount),
        exchange_rate: rate,
        description: None,
        account_id: Some(account.id),
    };
    let entry = ledger::post_entry_for(
        conn,
        caller,
        &org,
        EntryDraft {
            date: input.date,
            description: format!(
                "Payment {} {} {}",
                input.direction.as_str(),
                if input.direction == PaymentDirection::Received {
                    "from"
                } else {
                    "to"
                },
                account.name
            ),
            reference: input.reference.clone(),
            source: Source::Payment,
            source_id: None,
            metadata: "{}".into(),
            lines: vec![
                line(
                    bank.ledger_account_id,
                    bank_side,
                    Decimal::new(amount_minor, currency.exponent()),
                    (currency != org.base).then_some(rate),
                ),
                line(
                    control,
                    other,
                    Decimal::new(base_minor, org.base.exponent()),
                    None,
                ),
            ],
        },
    )?;
    let now = db::now();
    let row = PaymentRow {
        organization_id: org.id,
        id: PaymentId(Uuid::now_v7()),
        direction: input.direction.as_str().to_owned(),
        ledger: ledger_kind.as_str().to_owned(),
        account_id: account.id,
        bank_account_id: bank.id,
        payment_date: input.date,
        amount_minor,
        currency: currency.code().to_owned(),
        exchange_rate: SqlDecimal(rate),
        base_amount_minor: base_minor,
        allocated_minor: 0,
        allocated_base_minor: 0,
        reference: input.reference,
        memo: input.memo,
        status: "posted".to_owned(),
        journal_entry_id: entry.row.id,
        void_entry_id: None,
        voided_at: None,
        created_by: UserId(caller.user_id().0),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    billing::payments::insert_payment(conn, &row)?;
    apply_allocations(conn, caller, &org, row.id, &input.allocations, targets)?;
    let row = billing::payments::find_payment(conn, org.id, row.id)?;
    view(conn, &org, row)
}

pub fn get(conn: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentRow, AppError> {
    caller.require(Permission::Read)?;
    PaymentRow::find(conn, caller.org, id).found("payment")
}

/// Allocates more of a payment's unallocated amount.
pub fn allocate_more_in(
    conn: &mut Tx,
    caller: &Caller,
    id: PaymentId,
    entries: Vec<AllocationEntry>,
) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let payment = get(conn, caller, id)?;
    if payment.status != "posted" {
        return Err(AppError::unprocessable(
            "payment_void",
            "this payment is void",
        ));
    }
    let direction = if payment.direction == "sent" {
        PaymentDirection::Sent
    } else {
        PaymentDirection::Received
    };
    let currency = currency_of(&payment.currency)?;
    let mut errors = Vec::new();
    if entries.is_empty() {
        errors.push(FieldError::new(
            "allocations",
            "required",
            "at least one allocation",
        ));
    }
    let targets = allocation_targets(conn, &org, direction, &entries, currency, &mut errors)?;
    for (i, t) in targets.iter().enumerate() {
        if let Some((d, _)) = t {
            if DocumentKind::parse(&d.kind).map(DocumentKind::ledger)
                != Ledger::parse(&payment.ledger)
            {
                errors.push(FieldError::new(
                    format!("allocations[{i}]"),
                    "allocation_mixed_ledgers",
                    format!("this payment settles {}s", payment.ledger),
                ));
            }
        }
    }
    let allocated: i64 = targets.iter().flatten().map(|(_, a)| *a).sum();
    if errors.is_empty() && allocated > payment.amount_minor - payment.allocated_minor {
        errors.push(FieldError::new(
            "allocations",
            "allocations_exceed_payment",
            format!(
                "the allocations add up to {}, more than the {} left to allocate",
                money(allocated, currency),
                money(payment.amount_minor - payment.allocated_minor, currency)
            ),
        ));
    }
    crate::app::error::Check::from(errors).finish()?;
    apply_allocations(conn, caller, &org, payment.id, &entries, targets)?;
    let row = billing::payments::find_payment(conn, org.id, payment.id)?;
    view(conn, &org, row)
}

/// Voids a payment: its allocations are undone and its entry reversed on its own date.
pub fn void_in(conn: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = ledger::org(conn, caller)?;
    let payment = get(conn, caller, id)?;
    if payment.status != "posted" {
        return Err(AppError::unprocessable(
            "payment_void",
            "this payment is already void",
        ));
    }
    check_lock(&org, payment.payment_date, "date")?;
    crate::app::banking::reconcile::reconciled_guard(
        conn,
        org.id,
        payment.journal_entry_id,
        "payment",
    )?;
    if !billing::payments::lock_posted_payment(conn, org.id, payment.id)? {
        return Err(AppError::conflict(
            "payment_void",
            "this payment was voided by another request",
        ));
    }
    let allocations = billing::allocations::allocations_of_payments(conn, org.id, &[payment.id])?;
    unwind(conn, caller, &org, allocations)?;
    let original = ledger::get_entry(conn, caller, payment.journal_entry_id)?;
    let reversal = ledger::post_reversal(
        conn,
        caller,
        original,
        payment.payment_date,
        "Payment voided".into(),
    )?;
    if !billing::payments::mark_payment_void(conn, org.id, payment.id, reversal.row.id, db::now())?
    {
        return Err(AppError::conflict(
            "payment_void",
            "this payment was voided by another request",
        ));
    }
    let row = billing::payments::find_payment(conn, org.id, payment.id)?;
    view(conn, &org, row)
}

// ---- the use cases ----

/// The fields of a payment, all optional so that a missing one is the use case's 422
/// `required`, listed with every other broken rule; the schema of a create is
/// [`PaymentCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentRequest {
    pub direction: Option<PaymentDirection>,
    pub account_id: Option<Uuid>,
    pub bank_account_id: Option<Uuid>,
    #[schema(example = "2026-09-10")]
    pub date: Option<NaiveDate>,
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = String, example = "100.00")]
    pub amount: Option<Decimal>,
    /// ISO 4217; the bank account's currency (the default).
    #[schema(example = "USD")]
    pub currency: Option<String>,
    /// Base-currency units per unit; default the organization's rate of the date.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Decimal>,
    #[schema(example = "BACS 2026-09-10")]
    pub reference: Option<String>,
    pub memo: Option<String>,
    /// At most 200.
    #[serde(default)]
    #[schema(max_items = 200)]
    pub allocations: Vec<AllocationRequest>,
}

crate::create_input!(
    /// A new payment: the fields it must name required.
    PaymentCreate(PaymentRequest) required ["direction", "account_id", "bank_account_id", "date", "amount"]
);

impl PaymentRequest {
    /// The request's own shape (what is missing or malformed), answered alone.
    fn checked(self) -> Result<PaymentInput, AppError> {
        let mut check = Check::new();
        check.present("direction", &self.direction);
        check.present("account_id", &self.account_id);
        check.present("bank_account_id", &self.bank_account_id);
        check.present("date", &self.date);
        check.present("amount", &self.amount);
        let currency = match self.currency.as_deref() {
            Some(code) => check.currency("currency", code),
            None => None,
        };
        check.max_chars("reference", self.reference.as_deref(), 200);
        check.max_chars("memo", self.memo.as_deref(), 5000);
        let allocations = allocation_entries(self.allocations, &mut check);
        check.finish()?;
        let (Some(direction), Some(account_id), Some(bank_account_id), Some(date), Some(amount)) = (
            self.direction,
            self.account_id,
            self.bank_account_id,
            self.date,
            self.amount,
        ) else {
            return Err(AppError::internal("payment shape checked above"));
        };
        Ok(PaymentInput {
            direction,
            account_id,
            bank_account_id,
            date,
            amount,
            currency,
            exchange_rate: self.exchange_rate,
            reference: self.reference,
            memo: self.memo,
            allocations,
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocateRequest {
    pub allocations: Vec<AllocationRequest>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentListParams {
    pub direction: Option<PaymentDirection>,
    /// `posted` or `void`.
    pub status: Option<String>,
    pub account_id: Option<Uuid>,
    pub bank_account_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
}

crate::list_query!(PaymentListParams);

/// `POST /payments`: records a payment, with its allocations, and posts its entry.
pub async fn create(app: &App, cx: &Context, req: PaymentCreate) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let view = create_in(tx, caller, req.0.checked()?)?;
        tx.record(Change::created("payment", view.id, &view));
        Outcome::created("payments", view.id, &view)
    })
    .await
}

/// `GET /payments`: a page in creation order, the cursor bound to the filters.
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    query: PaymentListParams,
) -> Result<Page<PaymentView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        if query
            .status
            .as_deref()
            .is_some_and(|s| s != "posted" && s != "void")
        {
            return Err(AppError::field(
                "invalid_value",
                "status",
                "one of posted, void",
            ));
        }
        let filter = PaymentFilter {
            direction: query.direction.map(|d| d.as_str().to_owned()),
            status: query.status,
            account_id: query.account_id.map(ClientAccountId),
            bank_account_id: query.bank_account_id.map(BankAccountId),
            from: query.from,
            to: query.to,
        };
        let since = query.updated_since.map(|t| t.naive_utc());
        let (page, descending, after) = by_creation::<PaymentId>(
            &page,
            query.sort.map(CreationSort::as_str),
            &format!("{filter:?} {since:?}"),
        )?;
        let org = ledger::org(tx, caller)?;
        let keyset = Keyset {
            after,
            descending,
            limit: page.fetch(),
            updated_since: since,
        };
        let rows = PaymentRow::list(tx, org.id, &filter, keyset)?;
        let views = views(tx, &org, rows)?;
        Ok(page.page(views, |v| (String::new(), v.id), |v| v))
    })
    .await
}

/// `GET /payments/{id}`: the payment, with its allocations.
pub async fn get_one(app: &App, cx: &Context, id: PaymentId) -> Result<PaymentView, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        let row = get(tx, caller, id)?;
        let org = ledger::org(tx, caller)?;
        view(tx, &org, row)
    })
    .await
}

/// The payment as it is now, for the change log.
pub fn current(tx: &mut Tx, caller: &Caller, id: PaymentId) -> Result<PaymentView, AppError> {
    let row = get(tx, caller, id)?;
    let org = ledger::org(tx, caller)?;
    view(tx, &org, row)
}

/// `POST /payments/{id}/allocations`: allocates more of what the payment has left.
pub async fn allocate(
    app: &App,
    cx: &Context,
    id: PaymentId,
    req: AllocateRequest,
) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = current(tx, caller, id)?;
        let mut check = Check::new();
        let entries = allocation_entries(req.allocations, &mut check);
        check.finish()?;
        let after = allocate_more_in(tx, caller, id, entries)?;
        tx.record(Change::updated("payment", id.into(), &before, &after));
        Outcome::ok(&after)
    })
    .await
}

/// `POST /payments/{id}/void`: undoes its allocations and reverses its entry.
pub async fn void(app: &App, cx: &Context, id: PaymentId) -> Result<Outcome, AppError> {
    app.write_once(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::WriteBooks)?;
        let before = current(tx, caller, id)?;
        let after = void_in(tx, caller, id)?;
        tx.record(Change::updated("payment", id.into(), &before, &after).as_event("voided"));
        Outcome::ok(&after)
    })
    .await
}
