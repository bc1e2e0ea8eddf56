//! Tax rates: a fraction, a kind, whether purchase tax is recoverable, and the ledger accounts
//! sales and purchase tax post to.

use crate::app::Tx;
use crate::domain::ids::{LedgerAccountId, OrganizationId, TaxRateId};
use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::role_account;
use crate::app::error::{AppError, FieldError, Unique};
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::ledger::LedgerAccountRow;
use crate::db::receivables::{self as store, TaxRateRow};
use crate::db::{self, SqlDecimal};
use crate::domain::documents::TaxKind;
use crate::domain::ledger::{AccountType, SystemRole};
use crate::domain::money::decimal_string;

#[derive(Debug, Serialize, ToSchema)]
pub struct TaxRateView {
    pub id: Uuid,
    #[schema(example = "VAT 20%")]
    pub name: String,
    /// A fraction: "0.20" is 20%.
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "0.20")]
    pub rate: Decimal,
    pub kind: TaxKind,
    /// Purchase tax at this rate can be reclaimed; otherwise it is part of the expense.
    pub recoverable: bool,
    /// Where tax on sales posts (a liability, by default the `sales_tax` account).
    pub sales_ledger_account_id: Uuid,
    /// Where recoverable tax on purchases posts (by default the `tax_recoverable` account).
    pub purchase_ledger_account_id: Uuid,
    pub is_active: bool,
    pub version: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<TaxRateRow> for TaxRateView {
    fn from(r: TaxRateRow) -> Self {
        TaxRateView {
            id: r.id.0,
            name: r.name,
            rate: r.rate.0.normalize(),
            kind: TaxKind::parse(&r.kind).unwrap_or(TaxKind::Standard),
            recoverable: r.recoverable,
            sales_ledger_account_id: r.sales_ledger_account_id.0,
            purchase_ledger_account_id: r.purchase_ledger_account_id.0,
            is_active: r.is_active,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// The rates every organization starts with; edit or add to them.
pub fn create_defaults_in(conn: &mut Tx, org: OrganizationId) -> Result<(), AppError> {
    let sales = role_account(conn, org, SystemRole::SalesTax)?;
    let purchase = role_account(conn, org, SystemRole::TaxRecoverable)?;
    let now = db::now();
    let rows: Vec<TaxRateRow> = [
        (
            "Standard rate",
            Decimal::new(20, 2),
            TaxKind::Standard,
            true,
        ),
        ("Reduced rate", Decimal::new(5, 2), TaxKind::Standard, true),
        ("Zero rated", Decimal::ZERO, TaxKind::ZeroRated, true),
        ("Exempt", Decimal::ZERO, TaxKind::Exempt, false),
    ]
    .into_iter()
    .map(|(name, rate, kind, recoverable)| TaxRateRow {
        organization_id: org,
        id: TaxRateId(Uuid::now_v7()),
        name: name.to_owned(),
        rate: SqlDecimal(rate),
        kind: kind.as_str().to_owned(),
        recoverable,
        sales_ledger_account_id: sales,
        purchase_ledger_account_id: purchase,
        is_active: true,
        version: 1,
        created_at: now,
        updated_at: now,
    })
    .collect();
    store::insert_tax_rates(conn, &rows)?;
    Ok(())
}

#[derive(Debug, Default)]
pub struct TaxRateInput {
    pub name: Option<String>,
    pub rate: Option<Decimal>,
    pub kind: Option<TaxKind>,
    pub recoverable: Option<bool>,
    pub sales_ledger_account_id: Option<Uuid>,
    pub purchase_ledger_account_id: Option<Uuid>,
    pub is_active: Option<bool>,
}

fn check_tax_account(
    conn: &mut Tx,
    org: OrganizationId,
    id: LedgerAccountId,
    field: &str,
    allowed: &[AccountType],
    errors: &mut Vec<FieldError>,
) -> Result<(), AppError> {
    match db::ledger::find_account(conn, org, id) {
        Ok(LedgerAccountRow {
            account_type,
            system_role,
            ..
        }) => {
            let fits = allowed.iter().any(|t| t.as_str() == account_type);
            let control = matches!(
                system_role.as_deref(),
                Some("accounts_receivable" | "accounts_payable" | "bank")
            );
            if !fits || control {
                errors.push(FieldError::new(
                    field,
                    "ledger_account_type",
                    format!(
                        "tax posts to a {} account that is not a control or bank account",
                        allowed
                            .iter()
                            .map(|t| t.as_str())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                ));
            }
        }
        Err(diesel::result::Error::NotFound) => errors.push(FieldError::new(
            field,
            "not_found",
            "no such ledger account in your organization",
        )),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// Checks the rate against its kind and the accounts, listing every problem.
fn check(conn: &mut Tx, row: &TaxRateRow, name_changed: bool) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let kind = TaxKind::parse(&row.kind).unwrap_or(TaxKind::Standard);
    if kind != TaxKind::Standard && !row.rate.0.is_zero() {
        errors.push(FieldError::new(
            "rate",
            "rate_must_be_zero",
            format!("a {} rate is 0", kind.as_str()),
        ));
    }
    if kind == TaxKind::Standard && row.rate.0.is_zero() {
        errors.push(FieldError::new(
            "rate",
            "rate_must_be_positive",
            "a standard rate is above 0 (use zero_rated or exempt for 0)",
        ));
    }
    if name_changed
        && store::tax_rate_name_taken(conn, row.organization_id, &row.name, Some(row.id))?
    {
        errors.push(FieldError::new(
            "name",
            "name_taken",
            "another tax rate has this name",
        ));
    }
    check_tax_account(
        conn,
        row.organization_id,
        row.sales_ledger_account_id,
        "sales_ledger_account_id",
        &[AccountType::Liability],
        &mut errors,
    )?;
    check_tax_account(
        conn,
        row.organization_id,
        row.purchase_ledger_account_id,
        "purchase_ledger_account_id",
        &[AccountType::Asset, AccountType::Liability],
        &mut errors,
    )?;
    crate::app::error::Check::from(errors).finish()
}

pub fn create_in(
    conn: &mut Tx,
    caller: &Caller,
    input: TaxRateInput,
) -> Result<TaxRateView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let org = caller.org;
    let kind = input.kind.unwrap_or(TaxKind::Standard);
    let now = db::now();
    let row = TaxRateRow {
        organization_id: org,
        id: TaxRateId(Uuid::now_v7()),
        name: input.name.unwrap_or_default(),
        rate: SqlDecimal(input.rate.unwrap_or_default().normalize()),
        kind: kind.as_str().to_owned(),
        recoverable: input.recoverable.unwrap_or(kind != TaxKind::Exempt),
        sales_ledger_account_id: match input.sales_ledger_account_id {
            Some(id) => LedgerAccountId(id),
            None => role_account(conn, org, SystemRole::SalesTax)?,
        },
        purchase_ledger_account_id: match input.purchase_ledger_account_id {
            Some(id) => LedgerAccountId(id),
            None => role_account(conn, org, SystemRole::TaxRecoverable)?,
        },
        is_active: input.is_active.unwrap_or(true),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    check(conn, &row, true)?;
    store::insert_tax_rates(conn, std::slice::from_ref(&row)).unique("name", || {
        AppError::field("name_taken", "name", "another tax rate has this name")
    })?;
    Ok(row.into())
}

pub fn get(conn: &mut Tx, caller: &Caller, id: TaxRateId) -> Result<TaxRateRow, AppError> {
    caller.require(Permission::Read)?;
    store::find_tax_rate(conn, caller.org, id).map_err(|e| crate::app::not_found(e, "tax rate"))
}

/// Changes a rate. A rate already used on documents keeps its figures (documents store
/// their rounded amounts), so only its name, accounts and active flag may change then.
pub fn update_in(
    conn: &mut Tx,
    caller: &Caller,
    id: TaxRateId,
    expected: &IfMatch,
    input: TaxRateInput,
) -> Result<TaxRateView, AppError> {
    caller.require(Permission::WriteBooks)?;
    let mut row = get(conn, caller, id)?;
    expected.check(row.version)?;
    let version = row.version;
    let changes_figures = input
        .rate
        .is_some_and(|r| r.normalize() != row.rate.0.normalize())
        || input.kind.is_some_and(|k| k.as_str() != row.kind)
        || input.recoverable.is_some_and(|r| r != row.recoverable);
    if changes_figures && store::tax_rate_in_use(conn, row.organization_id, row.id)? {
        return Err(AppError::unprocessable(
            "tax_rate_in_use",
            "this rate is on documents: its rate, kind and recoverability stay as they were; create a new rate and deactivate this one",
        ));
    }
    let name_changed = input.name.as_ref().is_some_and(|n| *n != row.name);
    if let Some(n) = input.name {
        row.name = n;
    }
    if let Some(r) = input.rate {
        row.rate = SqlDecimal(r.normalize());
    }
    if let Some(k) = input.kind {
        row.kind = k.as_str().to_owned();
    }
    if let Some(r) = input.recoverable {
        row.recoverable = r;
    }
    if let Some(a) = input.sales_ledger_account_id {
        row.sales_ledger_account_id = LedgerAccountId(a);
    }
    if let Some(a) = input.purchase_ledger_account_id {
        row.purchase_ledger_account_id = LedgerAccountId(a);
    }
    if let Some(a) = input.is_active {
        row.is_active = a;
    }
    check(conn, &row, name_changed)?;
    row.version += 1;
    row.updated_at = db::now();
    if !store::save_tax_rate(conn, &row, version).unique("name", || {
        AppError::field("name_taken", "name", "another tax rate has this name")
    })? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

/// Deletes a rate no document uses (deactivate it otherwise).
pub fn delete_in(conn: &mut Tx, caller: &Caller, id: TaxRateId) -> Result<(), AppError> {
    caller.require(Permission::WriteBooks)?;
    let row = get(conn, caller, id)?;
    if store::tax_rate_in_use(conn, row.organization_id, row.id)? {
        return Err(AppError::conflict(
            "tax_rate_in_use",
            "documents use this rate; set is_active to false instead",
        ));
    }
    store::delete_tax_rate(conn, row.organization_id, row.id)?;
    Ok(())
}
