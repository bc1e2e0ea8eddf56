//! Bank accounts: each has its own asset account in the chart (`system_role: bank`), which
//! payments post to. A plain record (see [`crate::app::record`]) with its own rules: the
//! IBAN's check digits, a currency and ledger account fixed once created, and no deletion
//! once money went through it.

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::ledger::{currency_of, org};
use crate::app::page::CreationSort;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::billing::bank_accounts::{self as store, BankAccountRow};
use crate::db::ledger::LedgerAccountRow;
use crate::db::{self};
use crate::domain::ids::{BankAccountId, LedgerAccountId, OrganizationId};
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
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

/// The fields of a bank account to change (absent = unchanged); a create is
/// [`BankAccountCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = BankAccountPatch)]
#[serde(deny_unknown_fields)]
pub struct BankAccountRequest {
    #[schema(example = "Operating account")]
    pub name: Option<String>,
    /// ISO 4217; defaults to the base currency. Fixed once created.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "GB33BUKB20201555555555")]
    pub iban: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "12345678")]
    pub number: Option<Option<String>>,
    /// Link an existing ledger account with `system_role: bank` instead of creating one.
    pub ledger_account_id: Option<Uuid>,
    pub is_active: Option<bool>,
}

crate::create_input!(
    /// A new bank account: the fields of a change, with those a create must name required.
    BankAccountCreate(BankAccountRequest) required ["name"]
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BankAccountListParams {
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(BankAccountListParams);

/// ISO 13616: 15 to 34 letters and digits, country code, and the mod-97 check.
fn iban_ok(iban: &str) -> bool {
    let s: String = iban
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(15..=34).contains(&s.len())
        || !s.chars().all(|c| c.is_ascii_alphanumeric())
        || !s.chars().take(2).all(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    let (head, tail) = s.split_at(4);
    let mut rem: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// What a request says, checked for its shape and normalized (IBAN without spaces, in
/// capitals; trimmed name and number).
struct Input {
    name: Option<String>,
    currency: Option<Currency>,
    iban: Option<Option<String>>,
    number: Option<Option<String>>,
}

impl BankAccountRequest {
    /// The request's own shape, answered alone before any rule that needs the books.
    fn checked(&self, creating: bool) -> Result<Input, AppError> {
        let mut check = Check::new();
        if creating {
            check.present("name", &self.name);
        }
        check.not_blank("name", self.name.as_deref(), 200);
        let currency = match self.currency.as_deref() {
            Some(code) => check.currency("currency", code),
            None => None,
        };
        if let Some(Some(iban)) = &self.iban {
            if !iban_ok(iban) {
                check.push(
                    "iban",
                    "invalid_iban",
                    "not a valid IBAN (ISO 13616 check digits)",
                );
            }
        }
        if let Some(Some(n)) = &self.number {
            if n.trim().is_empty() || n.chars().count() > 34 {
                check.push("number", "length", "1 to 34 characters");
            }
        }
        check.finish()?;
        Ok(Input {
            name: self.name.as_ref().map(|n| n.trim().to_owned()),
            currency,
            iban: self.iban.as_ref().map(|i| {
                i.as_ref().map(|i| {
                    i.chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_uppercase()
                })
            }),
            number: self
                .number
                .as_ref()
                .map(|n| n.as_ref().map(|n| n.trim().to_owned())),
        })
    }
}

/// The first free code from 1011 up (next to the chart's 1010 Bank).
fn free_code(tx: &mut Tx, org: OrganizationId) -> Result<String, AppError> {
    let taken: std::collections::HashSet<String> = db::ledger::all_accounts(tx, org)?
        .into_iter()
        .map(|a| a.code)
        .collect();
    (1011..10_000)
        .map(|n| n.to_string())
        .chain((1..10_000).map(|n| format!("1010-{n}")))
        .find(|c| !taken.contains(c))
        .ok_or_else(|| AppError::unprocessable("no_free_code", "no free ledger account code"))
}

/// The ledger account `id` to link, if it is a bank account in `currency`.
fn linkable(
    tx: &mut Tx,
    org: OrganizationId,
    id: LedgerAccountId,
    currency: Currency,
) -> Result<LedgerAccountId, AppError> {
    let a = db::ledger::find_account(tx, org, id).map_err(|e| match e {
        DieselError::NotFound => AppError::field(
            "not_found",
            "ledger_account_id",
            "no such ledger account in your organization",
        ),
        e => e.into(),
    })?;
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
    Ok(a.id)
}

/// A new asset account in the chart for the bank account `name`.
fn new_ledger_account(
    tx: &mut Tx,
    org: OrganizationId,
    name: &str,
    currency: Currency,
) -> Result<LedgerAccountId, AppError> {
    let now = db::now();
    let row = LedgerAccountRow {
        organization_id: org,
        id: LedgerAccountId(Uuid::now_v7()),
        code: free_code(tx, org)?,
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
    db::ledger::insert_accounts(tx, std::slice::from_ref(&row))?;
    Ok(row.id)
}

pub struct BankAccount;

impl Record for BankAccount {
    const NAME: &'static str = "bank_account";
    const NOUN: &'static str = "bank account";
    const COLLECTION: &'static str = "bank-accounts";
    const WRITE: Permission = Permission::WriteBooks;

    type Row = BankAccountRow;
    type Create = BankAccountCreate;
    type Patch = BankAccountRequest;
    type View = BankAccountView;
    type Query = BankAccountListParams;

    /// Links the ledger account named, or creates the bank account's own (before the row
    /// that refers to it).
    fn new_row(
        tx: &mut Tx,
        input: &BankAccountCreate,
        _check: &mut Check,
    ) -> Result<BankAccountRow, AppError> {
        let input_ledger_account = input.ledger_account_id;
        let is_active = input.is_active;
        let input = input.checked(true)?;
        let caller = tx.caller()?;
        let org = org(tx, caller)?;
        let currency = input.currency.unwrap_or(org.base);
        let name = input.name.unwrap_or_default();
        let ledger_account_id = match input_ledger_account {
            Some(id) => linkable(tx, org.id, LedgerAccountId(id), currency)?,
            None => new_ledger_account(tx, org.id, &name, currency)?,
        };
        let now = db::now();
        Ok(BankAccountRow {
            organization_id: org.id,
            id: BankAccountId(Uuid::now_v7()),
            name,
            currency: currency.code().to_owned(),
            iban: input.iban.flatten(),
            number: input.number.flatten(),
            ledger_account_id,
            is_active: is_active.unwrap_or(true),
            version: 1,
            created_at: now,
            updated_at: now,
            kind: "bank".to_owned(),
            csv_mapping: None,
            anchor_date: None,
            anchor_balance: None,
        })
    }

    /// The currency and the ledger account are fixed once created.
    fn apply(
        _tx: &mut Tx,
        patch: &BankAccountRequest,
        row: &mut BankAccountRow,
        _check: &mut Check,
    ) -> Result<(), AppError> {
        let input = patch.checked(false)?;
        if input.currency.is_some_and(|c| c.code() != row.currency) {
            return Err(AppError::field(
                "immutable",
                "currency",
                "a bank account's currency cannot change",
            ));
        }
        if patch
            .ledger_account_id
            .is_some_and(|l| l != row.ledger_account_id.0)
        {
            return Err(AppError::field(
                "immutable",
                "ledger_account_id",
                "a bank account's ledger account cannot change",
            ));
        }
        if let Some(n) = input.name {
            row.name = n;
        }
        if let Some(i) = input.iban {
            row.iban = i;
        }
        if let Some(n) = input.number {
            row.number = n;
        }
        if let Some(a) = patch.is_active {
            row.is_active = a;
        }
        Ok(())
    }

    /// Only a bank account nothing was paid through or posted to goes (deactivate it
    /// otherwise).
    fn may_delete(tx: &mut Tx, current: &BankAccountRow) -> Result<(), AppError> {
        if store::has_payments(tx, current.organization_id, current.id)?
            || db::ledger::has_postings(tx, current.organization_id, current.ledger_account_id)?
        {
            return Err(AppError::conflict(
                "bank_account_in_use",
                "payments or entries use this bank account; set is_active to false instead",
            ));
        }
        Ok(())
    }

    fn views(_tx: &mut Tx, rows: Vec<BankAccountRow>) -> Result<Vec<BankAccountView>, AppError> {
        Ok(rows.into_iter().map(BankAccountView::from).collect())
    }

    fn filter(_tx: &mut Tx, _query: &BankAccountListParams) -> Result<(), AppError> {
        Ok(())
    }

    fn sort(query: &BankAccountListParams) -> Option<&str> {
        query.sort.map(CreationSort::as_str)
    }

    /// A ledger account links one bank account.
    fn on_unique(e: DieselError) -> AppError {
        match e {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                AppError::conflict(
                    "ledger_account_linked",
                    "another bank account uses this ledger account",
                )
            }
            e => e.into(),
        }
    }
}
