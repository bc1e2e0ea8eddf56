//! Transfers between the organization's bank accounts: the rows (a plain record, see
//! [`crate::db::record`]), listed in creation order, narrowed to one bank account's.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::bank_transfers;
use crate::domain::ids::{BankAccountId, BankTransferId, JournalEntryId, OrganizationId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = bank_transfers, treat_none_as_null = true)]
pub struct BankTransferRow {
    pub organization_id: OrganizationId,
    pub id: BankTransferId,
    pub from_bank_account_id: BankAccountId,
    pub to_bank_account_id: BankAccountId,
    pub transfer_date: NaiveDate,
    /// Leaves the from account, in its currency.
    pub amount_minor: i64,
    pub currency: String,
    /// Reaches the to account, in its currency.
    pub to_amount_minor: i64,
    pub to_currency: String,
    pub reference: Option<String>,
    pub journal_entry_id: JournalEntryId,
    pub created_by: Option<UserId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A list's filter: the transfers in or out of one bank account.
#[derive(Debug, Clone, Default)]
pub struct TransferFilter {
    pub bank_account_id: Option<BankAccountId>,
}

crate::stored!(BankTransferRow in bank_transfers, id: BankTransferId, filter: TransferFilter => |q, f| {
    if let Some(b) = f.bank_account_id {
        q = q.filter(
            bank_transfers::from_bank_account_id
                .eq(b)
                .or(bank_transfers::to_bank_account_id.eq(b)),
        );
    }
    q
});
