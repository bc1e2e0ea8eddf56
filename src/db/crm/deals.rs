//! Transitional: the deals moved to one file per noun (`opportunities`, `proposals`,
//! `risks`, `competitors`, `targets`) and merging accounts to `account_records`; these
//! re-exports keep the old paths working for code not yet converted.

use diesel::QueryResult;

use crate::db::record::Stored;
use crate::db::DbConn;
use crate::domain::ids::{CompetitorId, OrganizationId};

pub use super::account_records::move_account_records;
pub use super::competitors::{competitor_by_key, upsert_competitor, CompetitorRow};
pub use super::opportunities::{all_opportunities, opportunities_of_accounts, OpportunityRow};
pub use super::proposals::{proposals_of_accounts, ProposalRow};
pub use super::risks::{has_live_risk, risks_of_accounts, RiskRow, RiskStepRow};
pub use super::targets::{targets_overlapping, TargetRow};

/// Transitional: `Stored::find` of a competitor.
pub fn find_competitor(
    conn: &mut DbConn,
    org: OrganizationId,
    id: CompetitorId,
) -> QueryResult<CompetitorRow> {
    CompetitorRow::find(conn, org, id)
}
