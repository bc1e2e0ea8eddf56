//! The chart of accounts: a plain record (see [`crate::app::record`]) with the ledger's own
//! rules. Codes are unique; an account sits under a parent of its own type, never under
//! itself; an account with postings keeps its type and currency and is never deleted; the
//! system accounts documents post to keep their type and currency and stay active. The list
//! is in code order, so it has its own use case.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{org, type_of};
use crate::app::error::{on_unique, AppError, Check};
use crate::app::input::double_option;
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::record::Record;
use crate::app::unit_of_work::{Change, Tx};
use crate::app::{App, Context};
use crate::auth::{Caller, Permission};
use crate::db::ledger::{self as store, AccountFilter, LedgerAccountRow};
use crate::db::{self};
use crate::domain::ids::{LedgerAccountId, OrganizationId};
use crate::domain::ledger::{default_chart, AccountType, SystemRole};
use crate::domain::money::Currency;

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerAccountView {
    pub id: Uuid,
    #[schema(example = "1000")]
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    pub parent_id: Option<Uuid>,
    #[schema(example = "USD")]
    pub currency: String,
    pub is_active: bool,
    /// Marks the accounts documents post to.
    pub system_role: Option<SystemRole>,
    pub description: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<LedgerAccountRow> for LedgerAccountView {
    fn from(r: LedgerAccountRow) -> Self {
        LedgerAccountView {
            id: r.id.0,
            account_type: r.account_type.parse().unwrap_or(AccountType::Asset),
            system_role: r.system_role.as_deref().and_then(|s| s.parse().ok()),
            code: r.code,
            name: r.name,
            parent_id: r.parent_id.map(|p| p.0),
            currency: r.currency,
            is_active: r.is_active,
            description: r.description,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLedgerAccountRequest {
    #[schema(example = "6150")]
    pub code: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Team offsites", min_length = 1, max_length = 200)]
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    pub parent_id: Option<Uuid>,
    /// ISO 4217; defaults to the organization's base currency.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    pub is_active: Option<bool>,
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLedgerAccountRequest {
    pub code: Option<String>,
    pub name: Option<String>,
    /// Only while the account has no postings.
    #[serde(rename = "type")]
    pub account_type: Option<AccountType>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_id: Option<Option<Uuid>>,
    /// Only while the account has no postings.
    pub currency: Option<String>,
    /// A deactivated account takes no new postings.
    pub is_active: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub description: Option<Option<String>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerAccountListParams {
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub account_type: Option<AccountType>,
    pub is_active: Option<bool>,
    pub system_role: Option<SystemRole>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(LedgerAccountListParams);

pub struct LedgerAccount;

fn check_code(code: &str, check: &mut Check) {
    if code.is_empty()
        || code.len() > 20
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        check.push(
            "code",
            "invalid_code",
            "1 to 20 letters, digits, '-' or '.'",
        );
    }
}

/// Answers what `check` holds so far, before rules that read the database.
fn stop_if_broken(check: &mut Check) -> Result<(), AppError> {
    std::mem::take(check).finish()
}

fn code_taken() -> AppError {
    AppError::field("code_taken", "code", "another ledger account has this code")
}

/// Where an account would sit in the chart: code uniqueness and the parent (same type, no
/// cycle), every problem into `check`.
fn check_place(
    tx: &mut Tx,
    org: OrganizationId,
    id: Option<LedgerAccountId>,
    account_type: AccountType,
    code: Option<&str>,
    parent: Option<LedgerAccountId>,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(code) = code {
        if store::code_taken(tx, org, code, id)? {
            check.push("code", "code_taken", "another ledger account has this code");
        }
    }
    let Some(parent) = parent else {
        return Ok(());
    };
    match store::find_account(tx, org, parent) {
        Ok(p) if p.account_type != account_type.as_str() => check.push(
            "parent_id",
            "parent_type_mismatch",
            format!(
                "{} account cannot sit under {} account",
                crate::domain::a(account_type.as_str()),
                crate::domain::a(p.account_type)
            ),
        ),
        Ok(_) => {
            if let Some(id) = id {
                let parents: HashMap<LedgerAccountId, Option<LedgerAccountId>> =
                    store::all_accounts(tx, org)?
                        .into_iter()
                        .map(|a| (a.id, a.parent_id))
                        .collect();
                if crate::app::would_cycle(&parents, id, parent) {
                    check.push(
                        "parent_id",
                        "account_cycle",
                        "an account cannot sit under itself or its own sub-account",
                    );
                }
            }
        }
        Err(diesel::result::Error::NotFound) => check.push(
            "parent_id",
            "not_found",
            "no such ledger account in your organization",
        ),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// What an account's state forbids a change to do: retype or recurrency an account with
/// postings or sub-accounts, or touch a system account's type, currency or activity.
fn check_change(
    tx: &mut Tx,
    current: &LedgerAccountRow,
    patch: &UpdateLedgerAccountRequest,
    currency: Option<Currency>,
    check: &mut Check,
) -> Result<(), AppError> {
    let current_type = type_of(current)?;
    let changes_type = patch.account_type.is_some_and(|t| t != current_type);
    let changes_currency = currency.is_some_and(|c| c.code() != current.currency);
    if (changes_type || changes_currency)
        && store::has_postings(tx, current.organization_id, current.id)?
    {
        let field = if changes_type { "type" } else { "currency" };
        check.push(
            field,
            "account_has_postings",
            "an account with postings cannot change its type or currency",
        );
    }
    if current.system_role.is_some()
        && (changes_type || changes_currency || patch.is_active == Some(false))
    {
        check.push(
            if patch.is_active == Some(false) {
                "is_active"
            } else {
                "type"
            },
            "system_account",
            "documents post to this account; it keeps its type and currency and stays active",
        );
    }
    if changes_type {
        let new_type = patch.account_type.unwrap_or(current_type);
        // The tree keeps one type: the parent it stays under and its sub-accounts must match.
        if patch.parent_id.is_none() {
            if let Some(parent) = current.parent_id {
                let parent = store::find_account(tx, current.organization_id, parent)?;
                if parent.account_type != new_type.as_str() {
                    check.push(
                        "type",
                        "parent_type_mismatch",
                        format!(
                            "its parent is {} account",
                            crate::domain::a(parent.account_type)
                        ),
                    );
                }
            }
        }
        if store::has_children(tx, current.organization_id, current.id)? {
            check.push(
                "type",
                "parent_type_mismatch",
                format!("its sub-accounts are {} accounts", current.account_type),
            );
        }
    }
    Ok(())
}

impl Record for LedgerAccount {
    const NAME: &'static str = "ledger_account";
    const COLLECTION: &'static str = "ledger/accounts";
    const WRITE: Permission = Permission::WriteBooks;
    const NOUN: &'static str = "ledger account";

    type Row = LedgerAccountRow;
    type Create = CreateLedgerAccountRequest;
    type Patch = UpdateLedgerAccountRequest;
    type View = LedgerAccountView;
    type Query = LedgerAccountListParams;

    fn new_row(
        tx: &mut Tx,
        input: &CreateLedgerAccountRequest,
        check: &mut Check,
    ) -> Result<LedgerAccountRow, AppError> {
        check.validate(input);
        let code = input.code.trim().to_owned();
        check_code(&code, check);
        let currency = input
            .currency
            .as_deref()
            .and_then(|c| check.currency("currency", c));
        stop_if_broken(check)?;
        let org = org(tx, tx.caller()?)?;
        let parent_id = input.parent_id.map(LedgerAccountId);
        check_place(
            tx,
            org.id,
            None,
            input.account_type,
            Some(&code),
            parent_id,
            check,
        )?;
        let now = db::now();
        Ok(LedgerAccountRow {
            organization_id: org.id,
            id: LedgerAccountId::new(),
            code,
            name: input.name.trim().to_owned(),
            account_type: input.account_type.as_str().to_owned(),
            parent_id,
            currency: currency.unwrap_or(org.base).code().to_owned(),
            is_active: input.is_active.unwrap_or(true),
            system_role: None,
            description: input.description.clone(),
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }

    fn apply(
        tx: &mut Tx,
        patch: &UpdateLedgerAccountRequest,
        row: &mut LedgerAccountRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        let code = patch.code.as_deref().map(str::trim);
        if let Some(code) = code {
            check_code(code, check);
        }
        if let Some(name) = &patch.name {
            if name.trim().is_empty() || name.len() > 200 {
                check.push("name", "length", "must be 1 to 200 characters long");
            }
        }
        let currency = patch
            .currency
            .as_deref()
            .and_then(|c| check.currency("currency", c));
        stop_if_broken(check)?;
        check_change(tx, row, patch, currency, check)?;
        stop_if_broken(check)?;
        let account_type = match patch.account_type {
            Some(t) => t,
            None => type_of(row)?,
        };
        let parent = patch.parent_id.flatten().map(LedgerAccountId);
        check_place(
            tx,
            row.organization_id,
            Some(row.id),
            account_type,
            code,
            parent,
            check,
        )?;
        if let Some(code) = code {
            row.code = code.to_owned();
        }
        if let Some(name) = &patch.name {
            row.name = name.trim().to_owned();
        }
        row.account_type = account_type.as_str().to_owned();
        if let Some(p) = patch.parent_id {
            row.parent_id = p.map(LedgerAccountId);
        }
        if let Some(c) = currency {
            row.currency = c.code().to_owned();
        }
        if let Some(active) = patch.is_active {
            row.is_active = active;
        }
        if let Some(d) = &patch.description {
            row.description = d.clone();
        }
        Ok(())
    }

    fn may_delete(tx: &mut Tx, current: &LedgerAccountRow) -> Result<(), AppError> {
        if current.system_role.is_some() {
            return Err(AppError::conflict(
                "system_account",
                "documents post to this account; it cannot be deleted",
            ));
        }
        if store::has_postings(tx, current.organization_id, current.id)? {
            return Err(AppError::conflict(
                "account_has_postings",
                "an account with postings cannot be deleted; deactivate it instead",
            ));
        }
        if store::has_children(tx, current.organization_id, current.id)? {
            return Err(AppError::conflict(
                "account_has_children",
                "move or delete this account's sub-accounts first",
            ));
        }
        Ok(())
    }

    fn views(
        _tx: &mut Tx,
        rows: Vec<LedgerAccountRow>,
    ) -> Result<Vec<LedgerAccountView>, AppError> {
        Ok(rows.into_iter().map(LedgerAccountView::from).collect())
    }

    fn filter(_tx: &mut Tx, query: &LedgerAccountListParams) -> Result<AccountFilter, AppError> {
        Ok(AccountFilter {
            account_type: query.account_type.map(|t| t.as_str().to_owned()),
            is_active: query.is_active,
            system_role: query.system_role.map(|r| r.as_str().to_owned()),
            updated_since: query.updated_since.map(|t| t.naive_utc()),
        })
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        on_unique(e, "code", code_taken)
    }
}

/// `GET /ledger/accounts`: the chart in code order, the cursor bound to the filters.
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
    query: LedgerAccountListParams,
) -> Result<Page<LedgerAccountView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(Permission::Read)?;
        let filter = LedgerAccount::filter(tx, &query)?;
        let page = PageRequest::new(&page, "code", &format!("{filter:?}"))?;
        let after = page.after.clone().map(|(v, id)| (v, LedgerAccountId(id)));
        let rows = store::list_accounts(tx, caller.org, &filter, after, page.fetch())?;
        Ok(page.page(rows, |r| (r.code.clone(), r.id.0), LedgerAccountView::from))
    })
    .await
}

/// Reads an account of the caller's organization, or 404.
pub fn get_account(
    tx: &mut Tx,
    caller: &Caller,
    id: LedgerAccountId,
) -> Result<LedgerAccountRow, AppError> {
    use crate::app::error::Found;
    store::find_account(tx, caller.org, id).found(LedgerAccount::NOUN)
}

/// The chart a new organization starts with, in its base currency.
pub fn create_default_chart_in(
    tx: &mut Tx,
    org: OrganizationId,
    base: Currency,
) -> Result<(), AppError> {
    let now = db::now();
    let mut ids: HashMap<&str, LedgerAccountId> = HashMap::new();
    let mut rows = Vec::new();
    for a in default_chart() {
        let id = LedgerAccountId::new();
        ids.insert(a.code, id);
        rows.push(LedgerAccountRow {
            organization_id: org,
            id,
            code: a.code.to_owned(),
            name: a.name.to_owned(),
            account_type: a.account_type.as_str().to_owned(),
            parent_id: a.parent_code.and_then(|p| ids.get(p).copied()),
            currency: base.code().to_owned(),
            is_active: true,
            system_role: a.system_role.map(|r| r.as_str().to_owned()),
            description: None,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    store::insert_accounts(tx, &rows)?;
    for row in rows {
        let id = row.id.0;
        tx.record(Change::created(
            LedgerAccount::NAME,
            id,
            &LedgerAccountView::from(row),
        ));
    }
    Ok(())
}
