//! The `proposals` table and the interactions each was built from (`proposal_sources`).
//! A proposal's `number` counts the proposals of its opportunity (1, 2, ...); `version` guards
//! changes, as on every table. The amount is in minor units of `currency`, the discount in
//! hundredths of a percent.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::{proposal_sources, proposals};
use crate::db::DbConn;
use crate::domain::ids::{
    ClientAccountId, InteractionId, OpportunityId, OrganizationId, ProposalId,
};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = proposals, treat_none_as_null = true)]
pub struct ProposalRow {
    pub organization_id: OrganizationId,
    pub id: ProposalId,
    pub opportunity_id: OpportunityId,
    pub account_id: ClientAccountId,
    pub number: i32,
    pub status: String,
    pub sent_on: Option<NaiveDate>,
    pub summary: Option<String>,
    pub client_input: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub valid_until: Option<NaiveDate>,
    pub amount_minor: Option<i64>,
    pub currency: String,
    pub discount_basis_points: Option<i32>,
    pub term_months: Option<i32>,
}

crate::stored!(ProposalRow in proposals, id: ProposalId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(proposals::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(proposals::opportunity_id.eq(OpportunityId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(proposals::status.eq(s.clone()));
    }
    q
});
crate::stored!(ProposalRow in proposals, version: version, updated: updated_at);

/// The highest number among the opportunity's proposals.
pub fn highest_number(
    conn: &mut DbConn,
    org: OrganizationId,
    opportunity: OpportunityId,
) -> QueryResult<Option<i32>> {
    proposals::table
        .filter(
            proposals::organization_id
                .eq(org)
                .and(proposals::opportunity_id.eq(opportunity)),
        )
        .select(diesel::dsl::max(proposals::number))
        .first(conn)
}

pub fn proposals_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<ProposalRow>> {
    proposals::table
        .filter(
            proposals::organization_id
                .eq(org)
                .and(proposals::account_id.eq_any(accounts)),
        )
        .order(proposals::id.asc())
        .select(ProposalRow::as_select())
        .load(conn)
}

pub fn proposal_sources(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ProposalId],
) -> QueryResult<Vec<(ProposalId, InteractionId)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    proposal_sources::table
        .filter(
            proposal_sources::organization_id
                .eq(org)
                .and(proposal_sources::proposal_id.eq_any(ids)),
        )
        .order((
            proposal_sources::proposal_id,
            proposal_sources::interaction_id,
        ))
        .select((
            proposal_sources::proposal_id,
            proposal_sources::interaction_id,
        ))
        .load(conn)
}

pub fn set_proposal_sources(
    conn: &mut DbConn,
    org: OrganizationId,
    proposal: ProposalId,
    interaction_ids: &[InteractionId],
) -> QueryResult<()> {
    diesel::delete(
        proposal_sources::table.filter(
            proposal_sources::organization_id
                .eq(org)
                .and(proposal_sources::proposal_id.eq(proposal)),
        ),
    )
    .execute(conn)?;
    let rows: Vec<_> = interaction_ids
        .iter()
        .map(|i| {
            (
                proposal_sources::organization_id.eq(org),
                proposal_sources::proposal_id.eq(proposal),
                proposal_sources::interaction_id.eq(*i),
            )
        })
        .collect();
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(proposal_sources::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}
