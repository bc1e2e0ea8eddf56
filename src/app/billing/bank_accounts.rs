//! Bank accounts: each has its own account in the chart (`system_role: bank`), which
//! payments post to: an asset for a bank account, a liability for a credit card. A plain
//! record (see [`crate::app::record`]) with its own rules: the IBAN's check digits, a kind,
//! currency and ledger account fixed once created, and no deletion once money went through
//! it. Its CSV mapping and balance anchor are set by their own use cases
//! ([`set_csv_mapping`], [`set_balance_anchor`]).

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::error::{AppError, Check};
use crate::app::input::{double_option, IfMatch};
use crate::app::ledger::{currency_of, org};
use crate::app::page::CreationSort;
use crate::app::record::{self, Record};
use crate::app::unit_of_work::Change;
use crate::app::{App, Context, Tx};
use crate::auth::Permission;
use crate::db::billing::bank_accounts::{self as store, BankAccountRow};
use crate::db::ledger::LedgerAccountRow;
use crate::db::record::Versioned;
use crate::db::{self, SqlDecimal};
use crate::domain::banking::CsvMapping;
use crate::domain::banking::{account_identifier, valid_iban};
use crate::domain::ids::{BankAccountId, LedgerAccountId, OrganizationId};
use crate::domain::ledger::{AccountType, SystemRole};
use crate::domain::money::Currency;

/// A bank account proper (its ledger account an asset) or a credit card (a liability).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BankAccountKind {
    Bank,
    CreditCard,
}

impl BankAccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BankAccountKind::Bank => "bank",
            BankAccountKind::CreditCard => "credit_card",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "bank" => Some(BankAccountKind::Bank),
            "credit_card" => Some(BankAccountKind::CreditCard),
            _ => None,
        }
    }

    /// The type of its ledger account.
    fn account_type(self) -> AccountType {
        match self {
            BankAccountKind::Bank => AccountType::Asset,
            BankAccountKind::CreditCard => AccountType::Liability,
        }
    }
}

/// A balance the user states for a date, where the statements give none.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BalanceAnchor {
    #[schema(example = "2026-09-30")]
    pub date: chrono::NaiveDate,
    /// A decimal string, kept as written.
    #[schema(example = "1250.00")]
    pub balance: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BankAccountView {
    pub id: Uuid,
    #[schema(example = "Operating account")]
    pub name: String,
    /// `bank` or `credit_card`; fixed once created.
    pub kind: BankAccountKind,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "GB33BUKB20201555555555")]
    pub iban: Option<String>,
    #[schema(example = "12345678")]
    pub number: Option<String>,
    /// The account in the chart that payments through this bank account post to (an asset;
    /// a liability for a credit card).
    pub ledger_account_id: Uuid,
    pub is_active: bool,
    /// How its CSV exports are read (`PUT /bank-accounts/{id}/csv-mapping`).
    pub csv_mapping: Option<CsvMapping>,
    /// A balance the user stated (`PUT /bank-accounts/{id}/balance-anchor`).
    pub balance_anchor: Option<BalanceAnchor>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<BankAccountRow> for BankAccountView {
    fn from(r: BankAccountRow) -> Self {
        BankAccountView {
            id: r.id.0,
            name: r.name,
            kind: BankAccountKind::parse(&r.kind).unwrap_or(BankAccountKind::Bank),
            currency: r.currency,
            iban: r.iban,
            number: r.number,
            ledger_account_id: r.ledger_account_id.0,
            is_active: r.is_active,
            csv_mapping: r
                .csv_mapping
                .as_deref()
                .and_then(|m| serde_json::from_str(m).ok()),
            balance_anchor: match (r.anchor_date, r.anchor_balance) {
                (Some(date), Some(balance)) => Some(BalanceAnchor {
                    date,
                    balance: balance.0.to_string(),
                }),
                _ => None,
            },
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
    /// `bank` (the default) or `credit_card`. Fixed once created.
    pub kind: Option<BankAccountKind>,
    /// ISO 4217; defaults to the base currency. Fixed once created.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "GB33BUKB20201555555555")]
    pub iban: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "12345678")]
    pub number: Option<Option<String>>,
    /// Link an existing ledger account with `system_role: bank` instead of creating one (an
    /// asset account for a bank account, a liability for a credit card).
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
            if valid_iban(iban).is_none() {
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
            iban: self
                .iban
                .as_ref()
                .map(|i| i.as_deref().map(account_identifier)),
            number: self
                .number
                .as_ref()
                .map(|n| n.as_ref().map(|n| n.trim().to_owned())),
        })
    }
}

/// The first free code from 1011 up (next to the chart's 1010 Bank); for a credit card, from
/// 2410 up (among the liabilities).
fn free_code(tx: &mut Tx, org: OrganizationId, kind: BankAccountKind) -> Result<String, AppError> {
    let taken: std::collections::HashSet<String> = db::ledger::all_accounts(tx, org)?
        .into_iter()
        .map(|a| a.code)
        .collect();
    let (first, prefix) = match kind {
        BankAccountKind::Bank => (1011, "1010"),
        BankAccountKind::CreditCard => (2410, "2400"),
    };
    (first..first + 89)
        .map(|n| n.to_string())
        .chain((1..10_000).map(|n| format!("{prefix}-{n}")))
        .find(|c| !taken.contains(c))
        .ok_or_else(|| AppError::unprocessable("no_free_code", "no free ledger account code"))
}

/// The ledger account `id` to link, if it is a bank account in `currency` of the type `kind`
/// needs (an asset for a bank, a liability for a credit card).
fn linkable(
    tx: &mut Tx,
    org: OrganizationId,
    id: LedgerAccountId,
    currency: Currency,
    kind: BankAccountKind,
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
    if a.account_type != kind.account_type().as_str() {
        return Err(AppError::field(
            "ledger_account_type",
            "ledger_account_id",
            format!(
                "a {} links {} account",
                kind.as_str().replace('_', " "),
                crate::domain::a(kind.account_type().as_str())
            ),
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

/// A new account in the chart for the bank account `name`: an asset, or a liability for a
/// credit card.
fn new_ledger_account(
    tx: &mut Tx,
    org: OrganizationId,
    name: &str,
    currency: Currency,
    kind: BankAccountKind,
) -> Result<LedgerAccountId, AppError> {
    let now = db::now();
    let row = LedgerAccountRow {
        organization_id: org,
        id: LedgerAccountId(Uuid::now_v7()),
        code: free_code(tx, org, kind)?,
        name: name.chars().take(200).collect(),
        account_type: kind.account_type().as_str().to_owned(),
        parent_id: None,
        currency: currency.code().to_owned(),
        is_active: true,
        system_role: Some(SystemRole::Bank.as_str().to_owned()),
        description: Some(
            match kind {
                BankAccountKind::Bank => "Bank account",
                BankAccountKind::CreditCard => "Credit card",
            }
            .to_owned(),
        ),
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
        let kind = input.kind.unwrap_or(BankAccountKind::Bank);
        let input = input.checked(true)?;
        let caller = tx.caller()?;
        let org = org(tx, caller)?;
        let currency = input.currency.unwrap_or(org.base);
        let name = input.name.unwrap_or_default();
        let ledger_account_id = match input_ledger_account {
            Some(id) => linkable(tx, org.id, LedgerAccountId(id), currency, kind)?,
            None => new_ledger_account(tx, org.id, &name, currency, kind)?,
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
            kind: kind.as_str().to_owned(),
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
        if patch.kind.is_some_and(|k| k.as_str() != row.kind) {
            return Err(AppError::field(
                "immutable",
                "kind",
                "a bank account's kind cannot change",
            ));
        }
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

/// Longest column name a CSV mapping names.
const MAX_COLUMN: usize = 100;

fn check_column(check: &mut Check, field: &str, name: Option<&str>) {
    if name.is_some_and(|n| n.trim().is_empty() || n.chars().count() > MAX_COLUMN) {
        check.push(field, "length", format!("1 to {MAX_COLUMN} characters"));
    }
}

/// Whether chrono reads `format` both ways: a fixed date written with it reads back the same.
fn date_format_ok(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return false;
    }
    let Some(day) = chrono::NaiveDate::from_ymd_opt(2026, 11, 23) else {
        return false;
    };
    let mut written = String::new();
    if write!(
        written,
        "{}",
        day.format_with_items(StrftimeItems::new(format))
    )
    .is_err()
    {
        return false;
    }
    chrono::NaiveDate::parse_from_str(&written, format).is_ok_and(|d| d == day)
}

/// Every rule a CSV mapping breaks, into `check`.
pub fn check_csv_mapping(m: &CsvMapping, check: &mut Check) {
    if m.date_column.trim().is_empty() {
        check.push("date_column", "required", "must not be empty");
    } else {
        check_column(check, "date_column", Some(&m.date_column));
    }
    if m.date_format.trim().is_empty() {
        check.push("date_format", "required", "must not be empty");
    } else if !date_format_ok(&m.date_format) {
        check.push(
            "date_format",
            "invalid_date_format",
            "a chrono strftime date format with day, month and year, such as %Y-%m-%d or %d.%m.%Y",
        );
    }
    match (&m.amount_column, &m.debit_column, &m.credit_column) {
        (Some(_), None, None) | (None, Some(_), Some(_)) => {}
        _ => check.push(
            "amount_column",
            "amount_columns",
            "give amount_column, or debit_column and credit_column, not both",
        ),
    }
    check_column(check, "amount_column", m.amount_column.as_deref());
    check_column(check, "debit_column", m.debit_column.as_deref());
    check_column(check, "credit_column", m.credit_column.as_deref());
    check_column(check, "reference_column", m.reference_column.as_deref());
    check_column(
        check,
        "counterparty_column",
        m.counterparty_column.as_deref(),
    );
    if m.decimal_separator
        .as_deref()
        .is_some_and(|s| s != "." && s != ",")
    {
        check.push("decimal_separator", "invalid_value", "`.` or `,`");
    }
    if m.delimiter
        .as_deref()
        .is_some_and(|s| !matches!(s, "," | ";" | "|" | "\t" | "\\t" | "tab" | "TAB"))
    {
        check.push(
            "delimiter",
            "invalid_value",
            "`,`, `;`, `|` or a tab (a tab character, `\\t` or `tab`)",
        );
    }
    if m.skip_rows > 100 {
        check.push("skip_rows", "range", "must be between 0 and 100");
    }
    if m.description_columns.len() > 20 {
        check.push(
            "description_columns",
            "too_many",
            "at most 20 description columns",
        );
    }
    for (i, c) in m.description_columns.iter().enumerate() {
        check_column(check, &format!("description_columns[{i}]"), Some(c));
    }
}

/// Changes a bank account's row with `change` (its rules into the check), in the order of the
/// record mechanism: permission, the record, the content's rules, then the version read.
fn change_in(
    tx: &mut Tx,
    id: BankAccountId,
    expected: &IfMatch,
    change: impl FnOnce(&mut BankAccountRow, &mut Check),
) -> Result<BankAccountView, AppError> {
    tx.caller()?.require(BankAccount::WRITE)?;
    let current = record::find::<BankAccount>(tx, id)?;
    let before = BankAccountView::from(current.clone());
    let mut row = current.clone();
    let mut check = Check::new();
    change(&mut row, &mut check);
    check.finish()?;
    expected.check(current.version)?;
    row.touch(db::now());
    if !row.save(tx, current.version)? {
        return Err(AppError::version_mismatch());
    }
    let after = BankAccountView::from(row);
    tx.record(Change::updated(BankAccount::NAME, id.0, &before, &after));
    Ok(after)
}

/// `PUT /bank-accounts/{id}/csv-mapping` (or `DELETE`, with `None`): how its CSV exports
/// are read.
pub async fn set_csv_mapping(
    app: &App,
    cx: &Context,
    id: BankAccountId,
    expected: IfMatch,
    mapping: Option<CsvMapping>,
) -> Result<BankAccountView, AppError> {
    app.write(cx, move |tx| {
        change_in(tx, id, &expected, |row, check| match &mapping {
            Some(m) => {
                check_csv_mapping(m, check);
                row.csv_mapping = serde_json::to_string(m).ok();
            }
            None => row.csv_mapping = None,
        })
    })
    .await
}

/// `PUT /bank-accounts/{id}/balance-anchor` (`null`, or `DELETE`, clears it): a balance the
/// user states for a date.
pub async fn set_balance_anchor(
    app: &App,
    cx: &Context,
    id: BankAccountId,
    expected: IfMatch,
    anchor: Option<BalanceAnchor>,
) -> Result<BankAccountView, AppError> {
    app.write(cx, move |tx| {
        change_in(tx, id, &expected, |row, check| match &anchor {
            Some(a) => {
                let balance = a.balance.trim();
                match balance.parse::<rust_decimal::Decimal>() {
                    Ok(b)
                        if b.abs() < rust_decimal::Decimal::from(1_000_000_000_000_000_000i64) =>
                    {
                        row.anchor_date = Some(a.date);
                        row.anchor_balance = Some(SqlDecimal(b));
                    }
                    Ok(_) => check.push("balance", "too_large", "too large"),
                    Err(_) => check.push(
                        "balance",
                        "invalid_amount",
                        "a decimal string such as \"1250.00\" or \"-18.150\"",
                    ),
                }
            }
            None => {
                row.anchor_date = None;
                row.anchor_balance = None;
            }
        })
    })
    .await
}
