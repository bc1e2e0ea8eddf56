//! `/accounts`, `/contacts`, `/interactions`, `/feedback`, `/requests`, `/tasks`,
//! `/opportunities`, `/proposals`, `/risks`, `/competitors`, `/targets`, `/crm/settings` and
//! the CRM reports. Handlers extract, call a use case in `app::crm` and answer.

pub mod account_plans;
pub mod accounts;
pub mod agenda;
pub mod competitors;
pub mod contacts;
pub mod export;
pub mod feedback;
pub mod import;
pub mod interactions;
pub mod merge;
pub mod opportunities;
pub mod owners;
pub mod profitability;
pub mod proposals;
pub mod reports;
pub mod requests;
pub mod risks;
pub mod settings;
pub mod targets;
pub mod tasks;
pub mod timeline;
