//! Exchange rates: a plain record (see [`crate::app::record`]), one per currency and date,
//! never for the base currency, and never changed once recorded (record a later one).
//! Entries in a foreign currency take the latest rate on or before their date.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::org;
use crate::app::error::{on_unique, AppError, Check};
use crate::app::record::Record;
use crate::app::unit_of_work::Tx;
use crate::auth::Permission;
use crate::db::ledger::{self as store, ExchangeRateRow, RateFilter};
use crate::db::{self, SqlDecimal};
use crate::domain::ids::ExchangeRateId;
use crate::domain::money::decimal_string;

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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExchangeRateListParams {
    pub currency: Option<String>,
    /// Only rows changed at or after this instant (RFC 3339), for incremental sync.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_query!(ExchangeRateListParams);

pub struct ExchangeRate;

fn rate_exists(currency: &str, date: NaiveDate) -> AppError {
    AppError::conflict(
        "rate_exists",
        format!("a {currency} rate for {date} is already recorded"),
    )
}

impl Record for ExchangeRate {
    const NAME: &'static str = "exchange_rate";
    const COLLECTION: &'static str = "exchange-rates";
    const WRITE: Permission = Permission::WriteBooks;
    const NOUN: &'static str = "exchange rate";

    type Row = ExchangeRateRow;
    type Create = CreateExchangeRateRequest;
    /// Rates are never changed.
    type Patch = ();
    type View = ExchangeRateView;
    type Query = ExchangeRateListParams;

    fn new_row(
        tx: &mut Tx,
        input: &CreateExchangeRateRequest,
        check: &mut Check,
    ) -> Result<ExchangeRateRow, AppError> {
        let currency = check.currency("currency", &input.currency);
        let rate = input.rate;
        if rate <= Decimal::ZERO || rate.scale() > 12 || rate > Decimal::from(1_000_000_000_000i64)
        {
            check.push(
                "rate",
                "invalid_exchange_rate",
                "a positive rate with at most 12 decimals",
            );
        }
        std::mem::take(check).finish()?;
        let currency = currency.ok_or_else(|| AppError::internal("validated currency missing"))?;
        let org = org(tx, tx.caller()?)?;
        if currency == org.base {
            return Err(AppError::field(
                "base_currency_rate",
                "currency",
                "the base currency's rate is always 1",
            ));
        }
        if store::rate_exists(tx, org.id, currency.code(), input.date)? {
            return Err(rate_exists(currency.code(), input.date));
        }
        let now = db::now();
        Ok(ExchangeRateRow {
            organization_id: org.id,
            id: ExchangeRateId::new(),
            currency: currency.code().to_owned(),
            rate_date: input.date,
            rate: SqlDecimal(rate),
            created_at: now,
            updated_at: now,
        })
    }

    fn views(_tx: &mut Tx, rows: Vec<ExchangeRateRow>) -> Result<Vec<ExchangeRateView>, AppError> {
        Ok(rows.into_iter().map(ExchangeRateView::from).collect())
    }

    fn filter(_tx: &mut Tx, query: &ExchangeRateListParams) -> Result<RateFilter, AppError> {
        Ok(RateFilter(query.currency.clone()))
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        // A racing duplicate of the same currency and date.
        on_unique(e, "rate_date", || {
            AppError::conflict(
                "rate_exists",
                "a rate of this currency for this date is already recorded",
            )
        })
    }
}
