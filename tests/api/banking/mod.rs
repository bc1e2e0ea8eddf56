//! Banking and cash: bank accounts' kinds, CSV mappings and balance anchors, CRM accounts'
//! bank accounts, bank rules and transfers.

mod bank_accounts;
mod rules;
mod transfers;
