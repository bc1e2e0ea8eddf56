//! Transitional: where sign-up still looks for the default tax rates (they live in
//! [`crate::app::billing::tax_rates`]).

pub mod tax_rates {
    pub use crate::app::billing::tax_rates::create_defaults_in;
}
