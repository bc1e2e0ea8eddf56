//! Tax rates: a fraction, a kind, whether purchase tax is recoverable, and the ledger accounts
//! sales and purchase tax post to. A plain record (see [`crate::app::record`]) with its own
//! rules: the rate fits its kind, the accounts fit tax, names are unique, and a rate already
//! on documents keeps its figures.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::role_account;
use crate::app::error::{on_unique, AppError, Check};
use crate::app::page::CreationSort;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::billing::tax_rates::{self as store, TaxRateRow};
use crate::db::ledger::LedgerAccountRow;
use crate::db::record::Stored;
use crate::db::{self, SqlDecimal};
use crate::domain::documents::TaxKind;
use crate::domain::ids::{LedgerAccountId, OrganizationId, TaxRateId};
use crate::domain::ledger::{AccountType, SystemRole};
use crate::domain::money::{decimal_string, decimal_string_opt};

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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
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

/// The fields of a tax rate to change (absent = unchanged); a create is [`TaxRateCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = TaxRatePatch)]
#[serde(deny_unknown_fields)]
pub struct TaxRateRequest {
    #[schema(example = "VAT 20%")]
    pub name: Option<String>,
    /// A fraction as a decimal string: "0.20" is 20%.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "0.20")]
    pub rate: Option<Decimal>,
    /// `standard` (default), `zero_rated` or `exempt` (both with rate 0).
    pub kind: Option<TaxKind>,
    /// Purchase tax can be reclaimed (default: true except for exempt).
    pub recoverable: Option<bool>,
    /// Default: the chart's `sales_tax` account.
    pub sales_ledger_account_id: Option<Uuid>,
    /// Default: the chart's `tax_recoverable` account.
    pub purchase_ledger_account_id: Option<Uuid>,
    pub is_active: Option<bool>,
}

crate::create_input!(
    /// A new tax rate: the fields of a change, with those a create must name required.
    TaxRateCreate(TaxRateRequest) required ["name", "rate"]
);

/// The sort and activity filter of the list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaxRateListParams {
    pub is_active: Option<bool>,
    /// `created_at` (default) or `-created_at`.
    #[param(inline)]
    pub sort: Option<CreationSort>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(TaxRateListParams);

impl TaxRateRequest {
    /// The request's own shape: what is missing or malformed, before any rule that needs
    /// the books (answered alone, as it always was).
    fn check_shape(&self, creating: bool) -> Result<(), AppError> {
        let mut check = Check::new();
        if creating {
            check.present("name", &self.name);
            check.present("rate", &self.rate);
        }
        check.not_blank("name", self.name.as_deref(), 100);
        if let Some(r) = self.rate {
            if r < Decimal::ZERO || r >= Decimal::TEN {
                check.push(
                    "rate",
                    "out_of_range",
                    "a fraction from 0 up to 10 (\"0.20\" is 20%)",
                );
            } else if r.scale() > 8 {
                check.push("rate", "too_many_decimals", "at most 8 decimal places");
            }
        }
        check.finish()
    }

    fn name(&self) -> Option<String> {
        self.name.as_ref().map(|n| n.trim().to_owned())
    }
}

/// The rates every organization starts with; edit or add to them.
pub fn create_defaults_in(tx: &mut Tx, org: OrganizationId) -> Result<(), AppError> {
    let sales = role_account(tx, org, SystemRole::SalesTax)?;
    let purchase = role_account(tx, org, SystemRole::TaxRecoverable)?;
    let now = db::now();
    let defaults = [
        (
            "Standard rate",
            Decimal::new(20, 2),
            TaxKind::Standard,
            true,
        ),
        ("Reduced rate", Decimal::new(5, 2), TaxKind::Standard, true),
        ("Zero rated", Decimal::ZERO, TaxKind::ZeroRated, true),
        ("Exempt", Decimal::ZERO, TaxKind::Exempt, false),
    ];
    for (name, rate, kind, recoverable) in defaults {
        TaxRateRow {
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
        }
        .insert(tx)?;
    }
    Ok(())
}

/// Tax posts to an account of one of the `allowed` types that is not a control or bank
/// account.
fn check_tax_account(
    tx: &mut Tx,
    org: OrganizationId,
    id: LedgerAccountId,
    field: &str,
    allowed: &[AccountType],
    check: &mut Check,
) -> Result<(), AppError> {
    match db::ledger::find_account(tx, org, id) {
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
                check.push(
                    field,
                    "ledger_account_type",
                    format!(
                        "tax posts to {} account that is not a control or bank account",
                        crate::domain::a(
                            allowed
                                .iter()
                                .map(|t| t.as_str())
                                .collect::<Vec<_>>()
                                .join(" or ")
                        )
                    ),
                );
            }
        }
        Err(diesel::result::Error::NotFound) => check.push(
            field,
            "not_found",
            "no such ledger account in your organization",
        ),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// The rate against its kind, its name and its accounts, every problem into `check`.
fn check_rules(
    tx: &mut Tx,
    row: &TaxRateRow,
    name_changed: bool,
    check: &mut Check,
) -> Result<(), AppError> {
    let kind = TaxKind::parse(&row.kind).unwrap_or(TaxKind::Standard);
    if kind != TaxKind::Standard && !row.rate.0.is_zero() {
        check.push(
            "rate",
            "rate_must_be_zero",
            format!("{} rate is 0", crate::domain::a(kind.as_str())),
        );
    }
    if kind == TaxKind::Standard && row.rate.0.is_zero() {
        check.push(
            "rate",
            "rate_must_be_positive",
            "a standard rate is above 0 (use zero_rated or exempt for 0)",
        );
    }
    if name_changed && store::name_taken(tx, row.organization_id, &row.name, Some(row.id))? {
        check.push("name", "name_taken", "another tax rate has this name");
    }
    check_tax_account(
        tx,
        row.organization_id,
        row.sales_ledger_account_id,
        "sales_ledger_account_id",
        &[AccountType::Liability],
        check,
    )?;
    check_tax_account(
        tx,
        row.organization_id,
        row.purchase_ledger_account_id,
        "purchase_ledger_account_id",
        &[AccountType::Asset, AccountType::Liability],
        check,
    )
}

pub struct TaxRate;

impl Record for TaxRate {
    const NAME: &'static str = "tax_rate";
    const NOUN: &'static str = "tax rate";
    const COLLECTION: &'static str = "tax-rates";
    const WRITE: Permission = Permission::WriteBooks;

    type Row = TaxRateRow;
    type Create = TaxRateCreate;
    type Patch = TaxRateRequest;
    type View = TaxRateView;
    type Query = TaxRateListParams;

    fn new_row(
        tx: &mut Tx,
        input: &TaxRateCreate,
        check: &mut Check,
    ) -> Result<TaxRateRow, AppError> {
        input.check_shape(true)?;
        let org = tx.caller()?.org;
        let kind = input.kind.unwrap_or(TaxKind::Standard);
        let now = db::now();
        let row = TaxRateRow {
            organization_id: org,
            id: TaxRateId(Uuid::now_v7()),
            name: input.name().unwrap_or_default(),
            rate: SqlDecimal(input.rate.unwrap_or_default().normalize()),
            kind: kind.as_str().to_owned(),
            recoverable: input.recoverable.unwrap_or(kind != TaxKind::Exempt),
            sales_ledger_account_id: match input.sales_ledger_account_id {
                Some(id) => LedgerAccountId(id),
                None => role_account(tx, org, SystemRole::SalesTax)?,
            },
            purchase_ledger_account_id: match input.purchase_ledger_account_id {
                Some(id) => LedgerAccountId(id),
                None => role_account(tx, org, SystemRole::TaxRecoverable)?,
            },
            is_active: input.is_active.unwrap_or(true),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        check_rules(tx, &row, true, check)?;
        Ok(row)
    }

    /// A rate already used on documents keeps its figures (documents store their rounded
    /// amounts), so only its name, accounts and active flag may change then.
    fn apply(
        tx: &mut Tx,
        patch: &TaxRateRequest,
        row: &mut TaxRateRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        patch.check_shape(false)?;
        let changes_figures = patch
            .rate
            .is_some_and(|r| r.normalize() != row.rate.0.normalize())
            || patch.kind.is_some_and(|k| k.as_str() != row.kind)
            || patch.recoverable.is_some_and(|r| r != row.recoverable);
        if changes_figures && store::in_use(tx, row.organization_id, row.id)? {
            return Err(AppError::unprocessable(
                "tax_rate_in_use",
                "this rate is on documents: its rate, kind and recoverability stay as they were; create a new rate and deactivate this one",
            ));
        }
        let name = patch.name();
        let name_changed = name.as_ref().is_some_and(|n| *n != row.name);
        if let Some(n) = name {
            row.name = n;
        }
        if let Some(r) = patch.rate {
            row.rate = SqlDecimal(r.normalize());
        }
        if let Some(k) = patch.kind {
            row.kind = k.as_str().to_owned();
        }
        if let Some(r) = patch.recoverable {
            row.recoverable = r;
        }
        if let Some(a) = patch.sales_ledger_account_id {
            row.sales_ledger_account_id = LedgerAccountId(a);
        }
        if let Some(a) = patch.purchase_ledger_account_id {
            row.purchase_ledger_account_id = LedgerAccountId(a);
        }
        if let Some(a) = patch.is_active {
            row.is_active = a;
        }
        check_rules(tx, row, name_changed, check)
    }

    /// A rate on documents stays (deactivate it instead).
    fn may_delete(tx: &mut Tx, current: &TaxRateRow) -> Result<(), AppError> {
        if store::in_use(tx, current.organization_id, current.id)? {
            return Err(AppError::conflict(
                "tax_rate_in_use",
                "documents use this rate; set is_active to false instead",
            ));
        }
        Ok(())
    }

    fn views(_tx: &mut Tx, rows: Vec<TaxRateRow>) -> Result<Vec<TaxRateView>, AppError> {
        Ok(rows.into_iter().map(TaxRateView::from).collect())
    }

    fn filter(_tx: &mut Tx, query: &TaxRateListParams) -> Result<Option<bool>, AppError> {
        Ok(query.is_active)
    }

    fn sort(query: &TaxRateListParams) -> Option<&str> {
        query.sort.map(CreationSort::as_str)
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        on_unique(e, "name", || {
            AppError::field("name_taken", "name", "another tax rate has this name")
        })
    }
}
