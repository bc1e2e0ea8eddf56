//! Pure domain code: no actix, no diesel. Values that cannot be invalid once parsed.

pub mod audit;
pub mod crm;
pub mod documents;
pub mod health;
pub mod identity;
pub mod ids;
pub mod ledger;
pub mod money;
pub mod webhooks;
