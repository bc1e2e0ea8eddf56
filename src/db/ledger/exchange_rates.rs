//! Exchange rates: one per currency and date, and the rate in force on a date.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::exchange_rates;
use crate::db::DbConn;
use crate::db::SqlDecimal;
use crate::domain::ids::{ExchangeRateId, OrganizationId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = exchange_rates)]
pub struct ExchangeRateRow {
    pub organization_id: OrganizationId,
    pub id: ExchangeRateId,
    pub currency: String,
    pub rate_date: NaiveDate,
    pub rate: SqlDecimal,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A list's filter: one currency, or all. Its rendering binds a cursor to it.
pub struct RateFilter(pub Option<String>);

impl std::fmt::Debug for RateFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.as_deref().unwrap_or(""))
    }
}

crate::stored!(ExchangeRateRow in exchange_rates, id: ExchangeRateId, filter: RateFilter => |q, f| {
    if let Some(c) = &f.0 {
        q = q.filter(exchange_rates::currency.eq(c.clone()));
    }
    q
});

/// Whether a rate of `currency` on `date` is recorded.
pub fn rate_exists(
    conn: &mut DbConn,
    org: OrganizationId,
    currency: &str,
    date: NaiveDate,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        exchange_rates::table.filter(
            exchange_rates::organization_id
                .eq(org)
                .and(exchange_rates::currency.eq(currency))
                .and(exchange_rates::rate_date.eq(date)),
        ),
    ))
    .get_result(conn)
}

/// The organization's rate for `currency` on `date`: the latest recorded on or before it.
pub fn rate_on(
    conn: &mut DbConn,
    org: OrganizationId,
    currency: &str,
    date: NaiveDate,
) -> QueryResult<Option<SqlDecimal>> {
    exchange_rates::table
        .filter(
            exchange_rates::organization_id
                .eq(org)
                .and(exchange_rates::currency.eq(currency))
                .and(exchange_rates::rate_date.le(date)),
        )
        .order(exchange_rates::rate_date.desc())
        .select(exchange_rates::rate)
        .first(conn)
        .optional()
}

/// Like [`rate_on`], with the date of the rate found (reports show which rate they used).
pub fn dated_rate_on(
    conn: &mut DbConn,
    org: OrganizationId,
    currency: &str,
    date: NaiveDate,
) -> QueryResult<Option<(NaiveDate, SqlDecimal)>> {
    exchange_rates::table
        .filter(
            exchange_rates::organization_id
                .eq(org)
                .and(exchange_rates::currency.eq(currency))
                .and(exchange_rates::rate_date.le(date)),
        )
        .order(exchange_rates::rate_date.desc())
        .select((exchange_rates::rate_date, exchange_rates::rate))
        .first(conn)
        .optional()
}
