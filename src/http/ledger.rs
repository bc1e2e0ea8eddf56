//! `/ledger/*` and `/exchange-rates`: the chart, the journal, balances and the lock date.

use crate::domain::ids::{ClientAccountId, ExchangeRateId, JournalEntryId, LedgerAccountId};
use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::error::ApiError;
use super::json::ApiQuery;
use super::json::{double_option, ApiJson};
use super::pagination::{Page, PageParams, PageRequest};
use super::write::{Idempotency, Reply};
use super::{etag, validate};
use crate::app::error::FieldError;
use crate::app::ledger::{self as use_case, currency_of, DraftLine, Entry, EntryDraft, Source};
use crate::app::reports::amount;
use crate::app::App;
use crate::auth::{Caller, Permission};
use crate::db::ledger::{AccountFilter, EntryFilter, ExchangeRateRow, LedgerAccountRow};
use crate::domain::ledger::{AccountType, Side, SystemRole};
use crate::domain::money::{decimal_string, decimal_string_opt, Currency};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

// ---- chart of accounts ----

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

fn check_code(code: &str, errors: &mut Vec<FieldError>) {
    if code.is_empty()
        || code.len() > 20
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        errors.push(FieldError::new(
            "code",
            "invalid_code",
            "1 to 20 letters, digits, '-' or '.'",
        ));
    }
}

/// Parses an optional `currency` field, recording a problem with it in `errors`.
pub(super) fn parse_currency(code: Option<&str>, errors: &mut Vec<FieldError>) -> Option<Currency> {
    let code = code?;
    match Currency::parse(code) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push(FieldError::new("currency", e.code(), e.to_string()));
            None
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLedgerAccountRequest {
    #[schema(example = "6150")]
    pub code: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Team offsites")]
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    pub parent_id: Option<Uuid>,
    /// ISO 4217; defaults to the organization's base currency.
    #[schema(example = "USD")]
    pub currency: Option<String>,
    pub is_active: Option<bool>,
    #[validate(length(max = 1000))]
    pub description: Option<String>,
}

/// Add an account to the chart.
#[utoipa::path(
    tag = "ledger",
    request_body = CreateLedgerAccountRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = LedgerAccountView))
)]
#[post("/ledger/accounts")]
pub async fn create_ledger_account(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateLedgerAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::WriteBooks)?;
    let req = &body.value;
    let mut errors = validate::collect(req);
    check_code(req.code.trim(), &mut errors);
    let currency = parse_currency(req.currency.as_deref(), &mut errors);
    validate::finish(errors)?;
    let input = use_case::AccountInput {
        code: Some(req.code.trim().to_owned()),
        name: Some(req.name.trim().to_owned()),
        account_type: Some(req.account_type),
        parent_id: Some(req.parent_id.map(LedgerAccountId)),
        currency,
        is_active: req.is_active,
        description: Some(req.description.clone()),
    };
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let row = use_case::create_account_in(conn, &c, input)?;
        Reply::created(
            format!("/api/v1/ledger/accounts/{}", row.id.0),
            &LedgerAccountView::from(row),
        )
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerAccountListParams {
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub account_type: Option<AccountType>,
    pub is_active: Option<bool>,
    pub system_role: Option<SystemRole>,
}

/// The chart of accounts, in code order.
#[utoipa::path(
    tag = "ledger",
    params(PageParams, LedgerAccountListParams),
    responses((status = 200, description = "A page of ledger accounts", body = Page<LedgerAccountView>))
)]
#[get("/ledger/accounts")]
pub async fn list_ledger_accounts(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<LedgerAccountListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::Read)?;
    let filter = AccountFilter {
        account_type: params.account_type.map(|t| t.as_str().to_owned()),
        is_active: params.is_active,
        system_role: params.system_role.map(|r| r.as_str().to_owned()),
    };
    let page = PageRequest::new(&page, "code", &format!("{filter:?}"))?;
    let (after, fetch) = (
        page.after.clone().map(|(v, id)| (v, id.into())),
        page.fetch(),
    );
    let org = caller.org;
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(crate::db::ledger::list_accounts(
                conn, org, &filter, after, fetch,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(
        rows,
        |r| (r.code.clone(), r.id.0),
        LedgerAccountView::from,
    )))
}

/// Get a ledger account.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id")),
    responses((status = 200, description = "The account", body = LedgerAccountView))
)]
#[get("/ledger/accounts/{id}")]
pub async fn get_ledger_account(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let row = state
        .legacy_read(caller.clone(), move |conn| {
            use_case::get_account(conn, &caller, id)
        })
        .await?;
    Ok(Reply::ok(&LedgerAccountView::from(row))?.into_response(false))
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

/// Change a ledger account; type and currency only while it has no postings.
#[utoipa::path(
    tag = "ledger",
    params(
        ("id" = Uuid, Path, description = "Ledger account id"),
        ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 if the account changed since")
    ),
    request_body = UpdateLedgerAccountRequest,
    responses((status = 200, description = "The updated account", body = LedgerAccountView))
)]
#[patch("/ledger/accounts/{id}")]
pub async fn update_ledger_account(
    state: web::Data<App>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: ApiJson<UpdateLedgerAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = LedgerAccountId(id.into_inner());
    let expected = etag::if_match(&req, &id.0)?;
    let b = body.value;
    let mut errors = Vec::new();
    if let Some(code) = &b.code {
        check_code(code.trim(), &mut errors);
    }
    if let Some(name) = &b.name {
        if name.trim().is_empty() || name.len() > 200 {
            errors.push(FieldError::new(
                "name",
                "length",
                "must be 1 to 200 characters long",
            ));
        }
    }
    let currency = parse_currency(b.currency.as_deref(), &mut errors);
    validate::finish(errors)?;
    let input = use_case::AccountInput {
        code: b.code.map(|c| c.trim().to_owned()),
        name: b.name.map(|n| n.trim().to_owned()),
        account_type: b.account_type,
        parent_id: b.parent_id.map(|p| p.map(LedgerAccountId)),
        currency,
        is_active: b.is_active,
        description: b.description,
    };
    let row = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::update_account_in(conn, &caller, id, &expected, input)
        })
        .await?;
    Ok(Reply::ok(&LedgerAccountView::from(row))?.into_response(false))
}

/// Delete a ledger account that has never been posted to (otherwise deactivate it).
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/ledger/accounts/{id}")]
pub async fn delete_ledger_account(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    state
        .legacy_write(caller.clone(), move |conn| {
            use_case::delete_account_in(conn, &caller, id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

// ---- balances ----

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BalanceParams {
    /// Cumulative balance up to and including this date (default today).
    pub as_of: Option<NaiveDate>,
    /// With `to`: the movement over this range instead.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceView {
    pub ledger_account_id: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "1500.00")]
    pub debit_total: String,
    #[schema(example = "250.00")]
    pub credit_total: String,
    /// Signed in the account's normal direction (assets and expenses: debits − credits).
    #[schema(example = "1250.00")]
    pub balance: String,
    /// For foreign-currency accounts: the balance in the base currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_balance: Option<String>,
}

fn range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ApiError::field(
            "validation_failed",
            "from",
            "give both from and to",
        ));
    };
    if from > to {
        return Err(ApiError::field(
            "dates_out_of_order",
            "to",
            "must be on or after from",
        ));
    }
    Ok((from, to))
}

/// An account's balance (with its sub-accounts) as of a date, or its movement over a range.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id"), BalanceParams),
    responses((status = 200, description = "Balance", body = BalanceView))
)]
#[get("/ledger/accounts/{id}/balance")]
pub async fn ledger_account_balance(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    params: ApiQuery<BalanceParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let (from, to, as_of) = if params.from.is_some() || params.to.is_some() {
        let (f, t) = range(params.from, params.to)?;
        (Some(f), t, None)
    } else {
        let d = params.as_of.unwrap_or_else(today);
        (None, d, Some(d))
    };
    let b = state
        .legacy_snapshot(caller.clone(), move |conn| {
            use_case::balance(conn, &caller, id, from, Some(to))
        })
        .await?;
    let t = use_case::type_of(&b.account)?;
    let foreign = b.currency != b.base;
    Ok(HttpResponse::Ok().json(BalanceView {
        ledger_account_id: b.account.id.0,
        as_of,
        from,
        to: as_of.is_none().then_some(to),
        currency: b.currency.code().to_owned(),
        debit_total: amount(b.totals.debit, b.currency),
        credit_total: amount(b.totals.credit, b.currency),
        balance: amount(t.signed(b.totals.debit, b.totals.credit), b.currency),
        base_currency: foreign.then(|| b.base.code().to_owned()),
        base_balance: foreign
            .then(|| amount(t.signed(b.totals.base_debit, b.totals.base_credit), b.base)),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First day, inclusive (default: the first day of this month).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: today).
    pub to: Option<NaiveDate>,
}

pub fn default_range(params: &RangeParams) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let to = params.to.unwrap_or_else(today);
    let from = params.from.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&to), chrono::Datelike::month(&to), 1)
            .unwrap_or(to)
    });
    range(Some(from), Some(to))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerLineView {
    pub entry_id: Uuid,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    #[schema(example = "100.00")]
    pub debit: String,
    #[schema(example = "0.00")]
    pub credit: String,
    /// Running balance after this line, in the account's normal direction.
    pub balance: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountLedgerView {
    pub ledger_account_id: Uuid,
    pub code: String,
    pub name: String,
    pub currency: String,
    pub opening_balance: String,
    pub debit_total: String,
    pub credit_total: String,
    pub closing_balance: String,
    /// At most 10,000 lines; narrow the range for more.
    pub lines: Vec<LedgerLineView>,
}

impl From<crate::app::reports::AccountLedger> for AccountLedgerView {
    fn from(l: crate::app::reports::AccountLedger) -> Self {
        let c = l.currency;
        AccountLedgerView {
            ledger_account_id: l.account.id.0,
            code: l.account.code,
            name: l.account.name,
            currency: c.code().to_owned(),
            opening_balance: amount(l.opening, c),
            debit_total: amount(l.debit_total, c),
            credit_total: amount(l.credit_total, c),
            closing_balance: amount(l.closing, c),
            lines: l
                .lines
                .into_iter()
                .map(|x| LedgerLineView {
                    entry_id: x.entry_id.0,
                    date: x.date,
                    description: x.description,
                    reference: x.reference,
                    debit: amount(x.debit, c),
                    credit: amount(x.credit, c),
                    balance: amount(x.balance, c),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub ledger: AccountLedgerView,
}

/// An account's lines over a range with the running balance, in the account's currency.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Ledger account id"), RangeParams),
    responses((status = 200, description = "Activity", body = ActivityView))
)]
#[get("/ledger/accounts/{id}/activity")]
pub async fn ledger_account_activity(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
    params: ApiQuery<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let (from, to) = default_range(&params)?;
    let mut ledgers = state
        .legacy_snapshot(caller.clone(), move |conn| {
            crate::app::reports::account_ledgers(conn, &caller, from, to, Some(id), true)
        })
        .await?;
    let ledger = ledgers
        .pop()
        .ok_or_else(|| ApiError::not_found("ledger account"))?;
    Ok(HttpResponse::Ok().json(ActivityView {
        from,
        to,
        ledger: ledger.into(),
    }))
}

// ---- exchange rates ----

#[derive(Debug, Serialize, ToSchema)]
pub struct ExchangeRateView {
    pub id: Uuid,
    #[schema(example = "EUR")]
    pub currency: String,
    pub date: NaiveDate,
    /// Base-currency units per one unit of `currency`.
    #[schema(example = "1.0835")]
    pub rate: String,
    pub created_at: DateTime<Utc>,
}

impl From<ExchangeRateRow> for ExchangeRateView {
    fn from(r: ExchangeRateRow) -> Self {
        ExchangeRateView {
            id: r.id.0,
            currency: r.currency,
            date: r.rate_date,
            rate: r.rate.0.normalize().to_string(),
            created_at: r.created_at.and_utc(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateExchangeRateRequest {
    #[schema(example = "EUR")]
    pub currency: String,
    pub date: NaiveDate,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "1.0835")]
    pub rate: Decimal,
}

/// Record the rate of a currency on a date (base-currency units per unit).
#[utoipa::path(
    tag = "ledger",
    request_body = CreateExchangeRateRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Created", body = ExchangeRateView))
)]
#[post("/exchange-rates")]
pub async fn create_exchange_rate(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateExchangeRateRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::WriteBooks)?;
    let req = &body.value;
    let mut errors = Vec::new();
    let currency = parse_currency(Some(&req.currency), &mut errors);
    if req.rate <= Decimal::ZERO
        || req.rate.scale() > 12
        || req.rate > Decimal::from(1_000_000_000_000i64)
    {
        errors.push(FieldError::new(
            "rate",
            "invalid_exchange_rate",
            "a positive rate with at most 12 decimals",
        ));
    }
    validate::finish(errors)?;
    let (Some(currency), date, rate) = (currency, req.date, req.rate) else {
        return Err(ApiError::internal("validated currency missing"));
    };
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let row = use_case::create_rate_in(conn, &c, currency, date, rate)?;
        Reply::created(
            format!("/api/v1/exchange-rates/{}", row.id.0),
            &ExchangeRateView::from(row),
        )
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExchangeRateListParams {
    pub currency: Option<String>,
}

/// Recorded exchange rates.
#[utoipa::path(
    tag = "ledger",
    params(PageParams, ExchangeRateListParams),
    responses((status = 200, description = "A page of rates", body = Page<ExchangeRateView>))
)]
#[get("/exchange-rates")]
pub async fn list_exchange_rates(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<ExchangeRateListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::Read)?;
    let currency = params.currency.clone();
    let page = PageRequest::new(&page, "created_at", currency.as_deref().unwrap_or(""))?;
    let (after, fetch) = (
        page.after.as_ref().map(|a| ExchangeRateId(a.1)),
        page.fetch(),
    );
    let org = caller.org;
    let rows = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(crate::db::ledger::list_rates(
                conn,
                org,
                currency.as_deref(),
                after,
                fetch,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page.page(
        rows,
        |r| (String::new(), r.id.0),
        ExchangeRateView::from,
    )))
}

// ---- journal ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JournalLineRequest {
    pub ledger_account_id: Uuid,
    /// A positive decimal string in the ledger account's currency; give debit or credit.
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "100.00")]
    pub debit: Option<Decimal>,
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "100.00")]
    pub credit: Option<Decimal>,
    /// For a foreign-currency account: base-currency units per unit (default: the
    /// organization's rate of the entry's date).
    #[serde(default, with = "decimal_string_opt")]
    #[schema(value_type = Option<String>, example = "1.0835")]
    pub exchange_rate: Option<Decimal>,
    pub description: Option<String>,
    /// The client account this line concerns, if any.
    pub account_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManualSource {
    Manual,
    Opening,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateJournalEntryRequest {
    pub date: NaiveDate,
    #[schema(example = "Office rent, March")]
    pub description: Option<String>,
    pub reference: Option<String>,
    pub lines: Vec<JournalLineRequest>,
    /// Free-form JSON object kept with the entry.
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
    /// `manual` (default), or `opening` for opening balances against opening_balance_equity.
    pub source: Option<ManualSource>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JournalLineView {
    pub line_no: i32,
    pub ledger_account_id: Uuid,
    #[schema(example = "USD")]
    pub currency: String,
    #[schema(example = "100.00")]
    pub debit: Option<String>,
    pub credit: Option<String>,
    pub exchange_rate: Option<String>,
    /// The amount in the base currency.
    #[schema(example = "100.00")]
    pub base_amount: String,
    pub description: Option<String>,
    pub account_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JournalEntryView {
    pub id: Uuid,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    /// `manual`, `opening`, `reversal`, or the document kind that posted it.
    pub source: String,
    pub source_id: Option<Uuid>,
    #[schema(value_type = Object)]
    pub metadata: serde_json::Value,
    pub lines: Vec<JournalLineView>,
    pub reverses_entry_id: Option<Uuid>,
    pub reversed_by_entry_id: Option<Uuid>,
    pub reversal_reason: Option<String>,
    pub created_by: Uuid,
    pub posted_at: DateTime<Utc>,
}

pub fn entry_view(
    e: Entry,
    base: Currency,
) -> Result<JournalEntryView, crate::app::error::AppError> {
    let mut lines = Vec::with_capacity(e.lines.len());
    for l in e.lines {
        let c = currency_of(&l.currency)?;
        lines.push(JournalLineView {
            line_no: l.line_no,
            ledger_account_id: l.ledger_account_id.0,
            currency: l.currency,
            debit: (l.debit_minor > 0).then(|| amount(l.debit_minor, c)),
            credit: (l.credit_minor > 0).then(|| amount(l.credit_minor, c)),
            exchange_rate: l.exchange_rate.map(|r| r.0.normalize().to_string()),
            base_amount: amount(l.base_debit_minor.max(l.base_credit_minor), base),
            description: l.description,
            account_id: l.account_id.map(|a| a.0),
        });
    }
    Ok(JournalEntryView {
        id: e.row.id.0,
        date: e.row.entry_date,
        description: e.row.description,
        reference: e.row.reference,
        source: e.row.source,
        source_id: e.row.source_id.map(|s| s.0),
        metadata: serde_json::from_str(&e.row.metadata).unwrap_or_else(|_| serde_json::json!({})),
        lines,
        reverses_entry_id: e.row.reverses_entry_id.map(|r| r.0),
        reversed_by_entry_id: e.row.reversed_by_entry_id.map(|r| r.0),
        reversal_reason: e.row.reversal_reason,
        created_by: e.row.created_by.0,
        posted_at: e.row.posted_at.and_utc(),
    })
}

/// Post a journal entry: balanced, immutable, dated after the lock date.
#[utoipa::path(
    tag = "ledger",
    request_body = CreateJournalEntryRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    responses((status = 201, description = "Posted", body = JournalEntryView))
)]
#[post("/ledger/journal-entries")]
pub async fn create_journal_entry(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    body: ApiJson<CreateJournalEntryRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::WriteBooks)?;
    let req = &body.value;
    let mut errors = Vec::new();
    if req.description.as_ref().is_some_and(|d| d.len() > 1000) {
        errors.push(FieldError::new(
            "description",
            "length",
            "at most 1000 characters",
        ));
    }
    if req.reference.as_ref().is_some_and(|r| r.len() > 200) {
        errors.push(FieldError::new(
            "reference",
            "length",
            "at most 200 characters",
        ));
    }
    if req.lines.len() > 500 {
        errors.push(FieldError::new(
            "lines",
            "too_many_lines",
            "at most 500 lines per entry",
        ));
    }
    let metadata = serde_json::to_string(&req.metadata.clone().unwrap_or_default())
        .unwrap_or_else(|_| "{}".into());
    if metadata.len() > 16 * 1024 {
        errors.push(FieldError::new(
            "metadata",
            "too_large",
            "at most 16 KiB of JSON",
        ));
    }
    validate::finish(errors)?;
    let draft = EntryDraft {
        date: req.date,
        description: req.description.clone().unwrap_or_default(),
        reference: req.reference.clone(),
        source: match req.source {
            Some(ManualSource::Opening) => Source::Opening,
            _ => Source::Manual,
        },
        source_id: None,
        metadata,
        lines: req
            .lines
            .iter()
            .map(|l| DraftLine {
                ledger_account_id: LedgerAccountId(l.ledger_account_id),
                both_sides: l.debit.is_some() && l.credit.is_some(),
                side: match (l.debit, l.credit) {
                    (Some(_), None) => Some(Side::Debit),
                    (None, Some(_)) => Some(Side::Credit),
                    _ => None,
                },
                amount: l.debit.or(l.credit),
                exchange_rate: l.exchange_rate,
                description: l.description.clone(),
                account_id: l.account_id.map(ClientAccountId),
            })
            .collect(),
    };
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let org = use_case::org(conn, &c)?;
        let entry = use_case::post_entry_for(conn, &c, &org, draft)?;
        let view = entry_view(entry, org.base)?;
        Reply::created(format!("/api/v1/ledger/journal-entries/{}", view.id), &view)
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JournalEntryListParams {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Entries with a line on this ledger account.
    pub ledger_account_id: Option<Uuid>,
    pub source: Option<String>,
    pub reference: Option<String>,
    /// `date` (default) or `-date`.
    pub sort: Option<String>,
}

/// List journal entries by date. Ids are time-ordered, so an entry committed late can sort
/// before a cursor already handed out; filter by `from` to catch up on a date range.
#[utoipa::path(
    tag = "ledger",
    params(PageParams, JournalEntryListParams),
    responses((status = 200, description = "A page of entries", body = Page<JournalEntryView>))
)]
#[get("/ledger/journal-entries")]
pub async fn list_journal_entries(
    state: web::Data<App>,
    caller: Caller,
    page: ApiQuery<PageParams>,
    params: ApiQuery<JournalEntryListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::Read)?;
    let (_, desc) = super::pagination::parse_sort(params.sort.as_deref(), &["date"], "date")?;
    let filter = EntryFilter {
        from: params.from,
        to: params.to,
        source: params.source.clone(),
        reference: params.reference.clone(),
        ledger_account_id: params.ledger_account_id.map(LedgerAccountId),
    };
    let page = PageRequest::new(
        &page,
        params.sort.as_deref().unwrap_or("date"),
        &format!("{filter:?}"),
    )?;
    let after = match &page.after {
        Some((v, id)) => Some((
            v.parse::<NaiveDate>().map_err(|_| {
                ApiError::field(
                    "invalid_cursor",
                    "cursor",
                    "is not a cursor this list handed out",
                )
            })?,
            JournalEntryId(*id),
        )),
        None => None,
    };
    let fetch = page.fetch();
    let (entries, base) = state
        .legacy_read(caller.clone(), move |conn| {
            let rows =
                crate::db::ledger::list_entries(conn, caller.org, &filter, desc, after, fetch)?;
            let base = use_case::org(conn, &caller)?.base;
            Ok((use_case::with_lines(conn, &caller, rows)?, base))
        })
        .await?;
    let mut views = Vec::with_capacity(entries.len());
    for e in entries {
        views.push(entry_view(e, base)?);
    }
    Ok(HttpResponse::Ok().json(page.page(views, |v| (v.date.to_string(), v.id), |v| v)))
}

/// Get a journal entry with its lines.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Journal entry id")),
    responses((status = 200, description = "The entry", body = JournalEntryView))
)]
#[get("/ledger/journal-entries/{id}")]
pub async fn get_journal_entry(
    state: web::Data<App>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().into();
    let (entry, base) = state
        .legacy_read(caller.clone(), move |conn| {
            caller.require(Permission::Read)?;
            let base = use_case::org(conn, &caller)?.base;
            Ok((use_case::get_entry(conn, &caller, id)?, base))
        })
        .await?;
    Ok(HttpResponse::Ok().json(entry_view(entry, base)?))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReverseRequest {
    pub date: NaiveDate,
    #[validate(length(min = 1, max = 1000))]
    #[schema(example = "Posted twice")]
    pub reason: String,
}

/// Reverse a manual entry: posts its mirror on `date` and links both. Once only.
#[utoipa::path(
    tag = "ledger",
    params(("id" = Uuid, Path, description = "Journal entry id"), ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
    request_body = ReverseRequest,
    responses((status = 201, description = "The reversal entry", body = JournalEntryView))
)]
#[post("/ledger/journal-entries/{id}/reverse")]
pub async fn reverse_journal_entry(
    state: web::Data<App>,
    caller: Caller,
    idem: Idempotency,
    id: web::Path<Uuid>,
    body: ApiJson<ReverseRequest>,
) -> Result<HttpResponse, ApiError> {
    validate::finish(validate::collect(&body.value))?;
    let id = id.into_inner().into();
    let (date, reason) = (body.value.date, body.value.reason.trim().to_owned());
    let c = caller.clone();
    idem.run(&state, &caller, &body.raw, move |conn| {
        let base = use_case::org(conn, &c)?.base;
        let entry = use_case::reverse_in(conn, &c, id, date, reason)?;
        let view = entry_view(entry, base)?;
        Reply::created(format!("/api/v1/ledger/journal-entries/{}", view.id), &view)
    })
    .await
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LockDate {
    /// Nothing may be dated on or before it; `null` unlocks.
    pub lock_date: Option<NaiveDate>,
}

/// The lock date.
#[utoipa::path(tag = "ledger", responses((status = 200, description = "The lock date", body = LockDate)))]
#[get("/ledger/lock-date")]
pub async fn get_lock_date(
    state: web::Data<App>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let lock_date = state
        .legacy_read(caller.clone(), move |conn| {
            Ok(use_case::org(conn, &caller)?.lock_date)
        })
        .await?;
    Ok(HttpResponse::Ok().json(LockDate { lock_date }))
}

/// Set the lock date (accountants and admins).
#[utoipa::path(tag = "ledger", request_body = LockDate, responses((status = 200, description = "The lock date", body = LockDate)))]
#[put("/ledger/lock-date")]
pub async fn set_lock_date(
    state: web::Data<App>,
    caller: Caller,
    body: ApiJson<LockDate>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::WriteBooks)?;
    let lock = body.value.lock_date;
    let lock_date = state
        .legacy_write(caller.clone(), move |conn| {
            use_case::set_lock_date_in(conn, &caller, lock)
        })
        .await?;
    Ok(HttpResponse::Ok().json(LockDate { lock_date }))
}
