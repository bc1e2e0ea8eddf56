//! `/tax-rates`: the rates documents' lines charge, and where their tax posts.

use actix_web::{delete, get, patch, post};

use crate::app::billing::tax_rates::{
    TaxRate, TaxRateCreate, TaxRateListParams, TaxRateRequest, TaxRateView,
};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(TaxRate {
    create create_tax_rate "/tax-rates" "Create a tax rate." (
        tag = "tax-rates",
        request_body = TaxRateCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = TaxRateView))
    )
    list list_tax_rates "/tax-rates" "The tax rates." (
        tag = "tax-rates",
        params(PageParams, TaxRateListParams),
        responses((status = 200, description = "A page of tax rates", body = Page<TaxRateView>))
    )
    get get_tax_rate "/tax-rates/{id}" "A tax rate." (
        tag = "tax-rates",
        params(("id" = Uuid, Path, description = "Tax rate id")),
        responses((status = 200, description = "The tax rate", body = TaxRateView))
    )
    update update_tax_rate "/tax-rates/{id}" "Change a tax rate (a rate used on documents keeps its rate, kind and recoverability)." (
        tag = "tax-rates",
        request_body = TaxRateRequest,
        params(("id" = Uuid, Path, description = "Tax rate id"), ("If-Match" = Option<String>, Header, description = "The ETag you read; 412 when stale")),
        responses((status = 200, description = "The tax rate", body = TaxRateView))
    )
    delete delete_tax_rate "/tax-rates/{id}" "Delete a tax rate no document uses." (
        tag = "tax-rates",
        params(("id" = Uuid, Path, description = "Tax rate id")),
        responses((status = 204, description = "Deleted"))
    )
});
