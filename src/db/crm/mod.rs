//! Client-relationship storage: one file per aggregate. Tenant keys are composite
//! (organization_id, id), so every query filters on the organization first.

pub mod access;
pub mod account_plans;
pub mod account_records;
pub mod accounts;
pub mod competitors;
pub mod contacts;
pub mod feedback;
pub mod import;
pub mod import_jobs;
pub mod interactions;
pub mod opportunities;
pub mod owners;
pub mod profitability;
pub mod proposals;
pub mod report_figures;
pub mod requests;
pub mod revenue;
pub mod risks;
pub mod settings;
pub mod targets;
pub mod tasks;

use diesel::sql_types::{Nullable, Text};

#[diesel::declare_sql_function]
extern "SQL" {
    /// `lower(text)`: case-insensitive matching that both backends run (no ILIKE in SQLite).
    fn lower(x: Text) -> Text;
    #[sql_name = "lower"]
    fn lower_opt(x: Nullable<Text>) -> Nullable<Text>;
}

/// `%text%` for LIKE, lower-cased, with LIKE's wildcards in the text taken literally.
pub fn contains_pattern(text: &str) -> String {
    let escaped: String = text
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}
