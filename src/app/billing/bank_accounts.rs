//! Bank accounts: each has its own asset account in the chart (`system_role: bank`), which
//! payments post to.

use crate::app::Tx;
use crate::domain::ids::{BankAccountId, LedgerAccountId, OrganizationId};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::error::AppError;
use crate::app::input::IfMatch;
use crate::app::ledger::{currency_of, org};
use crate::auth::{Caller, Permission};
use crate::db::ledger::LedgerAccountRow;
use crate::db::receivables::{self as store, BankAccountRow};
use crate::db::{self};
use crate::domain::ledger::{AccountType, SystemRole};
use crate::domain::money::Currency;

#[derive(Debug, Serialize, ToSchema)]
pub struct BankAccountView {
    pub id: Uuid,
    #[schema(example = "Operating account")]
    pub name: String,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "GB33BUKB20201555555555")]
    pub iban: Option<String>,
    #[schema(example = "12345678")]
    pub number: Option<String>,
    /// The asset account in the chart that payments through this bank account post to.
    pub ledger_account_id: Uuid,
    pub is_active: bool,
    pub version: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<BankAccountRow> for BankAccountView {
    fn from(r: BankAccountRow) -> Self {
        BankAccountView {
            id: r.id.0,
            name: r.name,
            currency: r.currency,
            iban: r.iban,
            number: r.number,
            ledger_account_id: r.ledger_account_id.0,
            is_active: r.is_active,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

pub struct BankAccountInput {
    pub name: Option<String>,
    pub currency: Option<Currency>,
    pub iban: Option<Option<String>>,
    pub number: Option<Option<String>>,
    pub ledger_account_id: Option<Uuid>,
    pub is_active: Option<bool>,
}

/// The first free code from 1011 up (next to the chart's 1010 Bank).
fn free_code(conn: &mut Tx, org: OrganizationId) -> Result<String, AppError> {
    let taken: std::collections::HashSet<String> = db::ledger::all_accounts(conn, org)?
        .into_iter()
        .map(|a| a.code)
        .collect();
    (1011..10_000)
        .map(|n| n.to_string())
        .chain((1..10_000).map(|n| format!("1010-{n}")))
        .find(|c| !taken.contains(c))
        .ok_or_else(|| AppError::unprocessable("no_free_code", "no free ledger account code"))
}

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    input: BankAccountInput,
) -> Result<BankAccountView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = org(conn, caller)?;
    let currency = input.currency.unwrap_or(org.base);
    let name = input.name.unwrap_or_default();
    let now = db::now();
    let ledger_account_id = match input.ledger_account_id {
        Some(id) => {
            let a = db::ledger::find_account(conn, org.id, LedgerAccountId(id)).map_err(
                |e| match e {
                    diesel::result::Error::NotFound => AppError::field(
                        "not_found",
                        "ledger_account_id",
                        "no such ledger account in your organization",
                    ),
                    e => e.into(),
                },
            )?;
            if a.system_role.as_deref() != Some(SystemRole::Bank.as_str()) {
                return Err(AppError::field(
                    "not_a_bank_ledger_account",
                    "ledger_account_id",
                    "link a ledger account with system_role bank, or leave it out to create one",
                ));
            }
            if currency_of(&a.currency)? != currency {
                return Err(AppError::field(
                    "currency_mismatch",
                    "currency",
                    format!("the ledger account is in {}", a.currency),
                ));
            }
            a.id
        }
        None => {
            let row = LedgerAccountRow {
                organization_id: org.id,
                id: LedgerAccountId(Uuid::now_v7()),
                code: free_code(conn, org.id)?,
                name: name.chars().take(200).collect(),
                account_type: AccountType::Asset.as_str().to_owned(),
                parent_id: None,
                currency: currency.code().to_owned(),
                is_active: true,
                system_role: Some(SystemRole::Bank.as_str().to_owned()),
                description: Some("Bank account".to_owned()),
                version: 1,
                created_at: now,
                updated_at: now,
            };
            db::ledger::insert_accounts(conn, std::slice::from_ref(&row))?;
            row.id
        }
    };
    let row = BankAccountRow {
        organization_id: org.id,
        id: BankAccountId(Uuid::now_v7()),
        name,
        currency: currency.code().to_owned(),
        iban: input.iban.flatten(),
        number: input.number.flatten(),
        ledger_account_id,
        is_active: input.is_active.unwrap_or(true),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    store::insert_bank_account(conn, &row).map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => AppError::conflict(
            "ledger_account_linked",
            "another bank account uses this ledger account",
        ),
        e => e.into(),
    })?;
    Ok(row.into())
}

pub fn get(conn: &mut Tx, caller: &Caller, id: BankAccountId) -> Result<BankAccountRow, AppError> {
    caller.require(Permission::Read)?;
    store::find_bank_account(conn, caller.org, id)
        .map_err(|e| crate::app::not_found(e, "bank account"))
}

pub fn update_in(
    conn: &mut Tx,
    caller: &Caller,
    id: BankAccountId,
    expected: &IfMatch,
    input: BankAccountInput,
) -> Result<BankAccountView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let mut row = get(conn, caller, id)?;
    expected.check(row.version)?;
    if input.currency.is_some_and(|c| c.code() != row.currency) {
        return Err(AppError::field(
            "immutable",
            "currency",
            "a bank account's currency cannot change",
        ));
    }
    if input
        .ledger_account_id
        .is_some_and(|l| l != row.ledger_account_id.0)
    {
        return Err(AppError::field(
            "immutable",
            "ledger_account_id",
            "a bank account's ledger account cannot change",
        ));
    }
    let version = row.version;
    if let Some(n) = input.name {
        row.name = n;
    }
    if let Some(i) = input.iban {
        row.iban = i;
    }
    if let Some(n) = input.number {
        row.number = n;
    }
    if let Some(a) = input.is_active {
        row.is_active = a;
    }
    row.version += 1;
    row.updated_at = db::now();
    if !store::save_bank_account(conn, &row, version)? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

/// Deletes a bank account nothing was paid through, with its ledger account if that has no
/// postings; otherwise 409 (deactivate it instead).
pub fn delete_in(conn: &mut Tx, caller: &Caller, id: BankAccountId) -> Result<(), AppError> {
    caller.require(Permission::WriteBooks)?;
    let row = get(conn, caller, id)?;
    if store::bank_account_has_payments(conn, row.organization_id, row.id)?
        || db::ledger::has_postings(conn, row.organization_id, row.ledger_account_id)?
    {
        return Err(AppError::conflict(
            "bank_account_in_use",
            "payments or entries use this bank account; set is_active to false instead",
        ));
    }
    store::delete_bank_account(conn, row.organization_id, row.id)?;
    Ok(())
}
