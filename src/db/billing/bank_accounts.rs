//! Bank accounts: the rows (a plain record, see [`crate::db::record`]), and whether payments
//! went through one.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{bank_accounts, payments};
use crate::db::DbConn;
use crate::domain::ids::{BankAccountId, LedgerAccountId, OrganizationId, PaymentId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = bank_accounts, treat_none_as_null = true)]
pub struct BankAccountRow {
    pub organization_id: OrganizationId,
    pub id: BankAccountId,
    pub name: String,
    pub currency: String,
    pub iban: Option<String>,
    pub number: Option<String>,
    pub ledger_account_id: LedgerAccountId,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// `bank` or `credit_card`.
    pub kind: String,
    /// How to read its CSV exports (JSON of [`crate::domain::banking::CsvMapping`]).
    pub csv_mapping: Option<String>,
    /// A balance the user stated, where the files give none.
    pub anchor_date: Option<chrono::NaiveDate>,
    pub anchor_balance: Option<crate::db::SqlDecimal>,
}

crate::stored!(BankAccountRow in bank_accounts, id: BankAccountId, filter: () => |q, _f| { q });
crate::stored!(BankAccountRow in bank_accounts, version: version, updated: updated_at);

pub fn has_payments(
    conn: &mut DbConn,
    org: OrganizationId,
    id: BankAccountId,
) -> QueryResult<bool> {
    Ok(payments::table
        .filter(
            payments::organization_id
                .eq(org)
                .and(payments::bank_account_id.eq(id)),
        )
        .select(payments::id)
        .first::<PaymentId>(conn)
        .optional()?
        .is_some())
}
