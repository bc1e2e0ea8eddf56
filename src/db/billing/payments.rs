//! Payments: the rows, and the conditional updates that allocate and void them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{payments, settlements};
use crate::db::{DbConn, SqlDecimal};
use crate::domain::ids::{
    BankAccountId, ClientAccountId, JournalEntryId, OrganizationId, PaymentId, UserId,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = payments)]
pub struct PaymentRow {
    pub organization_id: OrganizationId,
    pub id: PaymentId,
    pub direction: String,
    pub ledger: String,
    pub account_id: ClientAccountId,
    pub bank_account_id: BankAccountId,
    pub payment_date: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    pub exchange_rate: SqlDecimal,
    pub base_amount_minor: i64,
    pub allocated_minor: i64,
    pub allocated_base_minor: i64,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub status: String,
    pub journal_entry_id: JournalEntryId,
    pub void_entry_id: Option<JournalEntryId>,
    pub voided_at: Option<NaiveDateTime>,
    pub created_by: UserId,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_payment(conn: &mut DbConn, row: &PaymentRow) -> QueryResult<()> {
    diesel::insert_into(payments::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn find_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
) -> QueryResult<PaymentRow> {
    payments::table
        .find((org, id))
        .select(PaymentRow::as_select())
        .first(conn)
}

pub fn payments_by_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[PaymentId],
) -> QueryResult<Vec<PaymentRow>> {
    payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq_any(ids)),
        )
        .select(PaymentRow::as_select())
        .load(conn)
}

#[derive(Debug, Default, Clone)]
pub struct PaymentFilter {
    pub direction: Option<String>,
    pub status: Option<String>,
    pub account_id: Option<ClientAccountId>,
    pub bank_account_id: Option<BankAccountId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

crate::stored!(PaymentRow in payments, id: PaymentId, filter: PaymentFilter => |q, f| {
    if let Some(d) = &f.direction {
        q = q.filter(payments::direction.eq(d.clone()));
    }
    if let Some(s) = &f.status {
        q = q.filter(payments::status.eq(s.clone()));
    }
    if let Some(a) = f.account_id {
        q = q.filter(payments::account_id.eq(a));
    }
    if let Some(b) = f.bank_account_id {
        q = q.filter(payments::bank_account_id.eq(b));
    }
    if let Some(d) = f.from {
        q = q.filter(payments::payment_date.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(payments::payment_date.le(d));
    }
    q
});

/// Adds to what a payment has allocated, refusing to go above its amount.
pub fn allocate_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    amount_minor: i64,
    base_minor: i64,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted"))
                .and((payments::allocated_minor + amount_minor).le(payments::amount_minor)),
        ),
    )
    .set((
        payments::allocated_minor.eq(payments::allocated_minor + amount_minor),
        payments::allocated_base_minor.eq(payments::allocated_base_minor + base_minor),
        payments::version.eq(payments::version + 1),
        payments::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Adds to the base-currency amount a payment has allocated (see
/// [`add_document_allocated_base`]).
pub fn add_payment_allocated_base(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    base_minor: i64,
) -> QueryResult<()> {
    diesel::update(payments::table.find((org, id)))
        .set(payments::allocated_base_minor.eq(payments::allocated_base_minor + base_minor))
        .execute(conn)
        .map(drop)
}

/// Locks a posted payment's row for the rest of the transaction (false when it is void), so
/// no allocation can be added to it while it is being voided.
pub fn lock_posted_payment(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted")),
        ),
    )
    .set(payments::version.eq(payments::version + 1))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_payment_void(
    conn: &mut DbConn,
    org: OrganizationId,
    id: PaymentId,
    entry: JournalEntryId,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        payments::table.filter(
            payments::organization_id
                .eq(org)
                .and(payments::id.eq(id))
                .and(payments::status.eq("posted")),
        ),
    )
    .set((
        payments::status.eq("void"),
        payments::void_entry_id.eq(entry),
        payments::voided_at.eq(at),
        payments::allocated_minor.eq(0_i64),
        payments::allocated_base_minor.eq(0_i64),
        payments::version.eq(payments::version + 1),
        payments::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// [`standing_payments`] not yet allocated in full by `as_of` (the aging).
pub fn payments_open_on(
    conn: &mut DbConn,
    org: OrganizationId,
    ledger: &str,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<PaymentRow>> {
    standing_payments_as_of(conn, org, ledger, as_of, account, true)
}

/// Posted payments on a ledger dated on or before `as_of`.
pub fn standing_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    ledger: &str,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<PaymentRow>> {
    standing_payments_as_of(conn, org, ledger, as_of, account, false)
}

fn standing_payments_as_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ledger: &str,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
    unsettled_only: bool,
) -> QueryResult<Vec<PaymentRow>> {
    let mut q = payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::ledger.eq(ledger))
                .and(payments::status.eq("posted"))
                .and(payments::payment_date.le(as_of)),
        )
        .select(PaymentRow::as_select())
        .into_boxed();
    if unsettled_only {
        q = q.filter(diesel::dsl::not(diesel::dsl::exists(
            settlements::table.filter(
                settlements::organization_id
                    .eq(payments::organization_id)
                    .and(settlements::item_id.eq(payments::id))
                    .and(settlements::settled_on.le(as_of)),
            ),
        )));
    }
    if let Some(a) = account {
        q = q.filter(payments::account_id.eq(a));
    }
    q.order((payments::payment_date, payments::id)).load(conn)
}
