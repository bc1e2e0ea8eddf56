//! `/exchange-rates`: the rates a foreign-currency entry converts at; a plain record served by
//! the generic handlers.

use actix_web::{get, post};

use crate::app::ledger::exchange_rates::{
    CreateExchangeRateRequest, ExchangeRate, ExchangeRateListParams, ExchangeRateView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(ExchangeRate {
    create create_exchange_rate "/exchange-rates" "Record the rate of a currency on a date (base-currency units per unit)." (
        tag = "ledger",
        request_body = CreateExchangeRateRequest,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = ExchangeRateView))
    )
    list list_exchange_rates "/exchange-rates" "Recorded exchange rates." (
        tag = "ledger",
        params(PageParams, ExchangeRateListParams),
        responses((status = 200, description = "A page of rates", body = Page<ExchangeRateView>))
    )
});
