//! Competitors, opportunities, proposals, risks and targets.

use crate::domain::ids::{
    ClientAccountId, CompetitorId, InteractionId, OpportunityId, OrganizationId, ProposalId,
    RiskId, TargetId, TeamId, UserId,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::records::{page_by_id, RecordFilter};
use crate::db::schema::{
    account_competitors, competitors, contacts, feedback, interactions, opportunities,
    proposal_sources, proposals, requests, risk_steps, risks, targets, tasks,
};
use crate::db::{DbConn, SqlDecimal};
use crate::on_backend;

// ---- competitors ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = competitors, treat_none_as_null = true)]
pub struct CompetitorRow {
    pub organization_id: OrganizationId,
    pub id: CompetitorId,
    pub name: String,
    pub name_key: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Inserts the competitor unless one of that name exists; returns the one stored.
pub fn upsert_competitor(conn: &mut DbConn, row: &CompetitorRow) -> QueryResult<CompetitorRow> {
    on_backend!(conn, |c| diesel::insert_into(competitors::table)
        .values(row)
        .on_conflict((competitors::organization_id, competitors::name_key))
        .do_nothing()
        .execute(c))?;
    competitors::table
        .filter(
            competitors::organization_id
                .eq(row.organization_id)
                .and(competitors::name_key.eq(&row.name_key)),
        )
        .select(CompetitorRow::as_select())
        .first(conn)
}

pub fn save_competitor(
    conn: &mut DbConn,
    row: &CompetitorRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let target = competitors::table.filter(
        competitors::organization_id
            .eq(row.organization_id)
            .and(competitors::id.eq(row.id))
            .and(competitors::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_competitor(
    conn: &mut DbConn,
    org: OrganizationId,
    id: CompetitorId,
) -> QueryResult<CompetitorRow> {
    competitors::table
        .filter(
            competitors::organization_id
                .eq(org)
                .and(competitors::id.eq(id)),
        )
        .select(CompetitorRow::as_select())
        .first(conn)
}

pub fn competitor_by_key(
    conn: &mut DbConn,
    org: OrganizationId,
    key: &str,
) -> QueryResult<Option<CompetitorRow>> {
    competitors::table
        .filter(
            competitors::organization_id
                .eq(org)
                .and(competitors::name_key.eq(key)),
        )
        .select(CompetitorRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_competitors(
    conn: &mut DbConn,
    org: OrganizationId,
    desc: bool,
    after: Option<CompetitorId>,
    limit: i64,
) -> QueryResult<Vec<CompetitorRow>> {
    let q = competitors::table
        .filter(competitors::organization_id.eq(org))
        .select(CompetitorRow::as_select())
        .into_boxed();
    page_by_id!(q, competitors, desc, after, limit).load(conn)
}

// ---- opportunities ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = opportunities, treat_none_as_null = true)]
pub struct OpportunityRow {
    pub organization_id: OrganizationId,
    pub id: OpportunityId,
    pub account_id: ClientAccountId,
    pub owner_id: Option<UserId>,
    pub kind: String,
    pub name: String,
    pub amount_minor: i64,
    pub currency: String,
    pub stage: String,
    pub probability: i32,
    pub expected_close_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub lost_to_competitor_id: Option<CompetitorId>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_opportunity(conn: &mut DbConn, row: &OpportunityRow) -> QueryResult<()> {
    diesel::insert_into(opportunities::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_opportunity(
    conn: &mut DbConn,
    row: &OpportunityRow,
    expected_version: i64,
) -> QueryResult<bool> {
    let target = opportunities::table.filter(
        opportunities::organization_id
            .eq(row.organization_id)
            .and(opportunities::id.eq(row.id))
            .and(opportunities::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_opportunity(
    conn: &mut DbConn,
    org: OrganizationId,
    id: OpportunityId,
) -> QueryResult<OpportunityRow> {
    opportunities::table
        .filter(
            opportunities::organization_id
                .eq(org)
                .and(opportunities::id.eq(id)),
        )
        .select(OpportunityRow::as_select())
        .first(conn)
}

pub fn opportunities_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<OpportunityRow>> {
    opportunities::table
        .filter(
            opportunities::organization_id
                .eq(org)
                .and(opportunities::account_id.eq_any(accounts)),
        )
        .order(opportunities::id.asc())
        .select(OpportunityRow::as_select())
        .load(conn)
}

pub fn all_opportunities(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<OpportunityRow>> {
    opportunities::table
        .filter(opportunities::organization_id.eq(org))
        .order(opportunities::id.asc())
        .select(OpportunityRow::as_select())
        .load(conn)
}

pub fn list_opportunities(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<OpportunityId>,
    limit: i64,
) -> QueryResult<Vec<OpportunityRow>> {
    let mut q = opportunities::table
        .filter(opportunities::organization_id.eq(org))
        .select(OpportunityRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(opportunities::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(opportunities::owner_id.eq(UserId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(opportunities::stage.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(opportunities::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(opportunities::expected_close_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(opportunities::expected_close_on.le(d));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(opportunities::updated_at.ge(t));
    }
    page_by_id!(q, opportunities, desc, after, limit).load(conn)
}

// ---- proposals ----

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
    pub revision: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_proposal(conn: &mut DbConn, row: &ProposalRow) -> QueryResult<()> {
    diesel::insert_into(proposals::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_proposal(
    conn: &mut DbConn,
    row: &ProposalRow,
    expected_revision: i64,
) -> QueryResult<bool> {
    let target = proposals::table.filter(
        proposals::organization_id
            .eq(row.organization_id)
            .and(proposals::id.eq(row.id))
            .and(proposals::revision.eq(expected_revision)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_proposal(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ProposalId,
) -> QueryResult<ProposalRow> {
    proposals::table
        .filter(proposals::organization_id.eq(org).and(proposals::id.eq(id)))
        .select(ProposalRow::as_select())
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

pub fn list_proposals(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<ProposalId>,
    limit: i64,
) -> QueryResult<Vec<ProposalRow>> {
    let mut q = proposals::table
        .filter(proposals::organization_id.eq(org))
        .select(ProposalRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(proposals::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(proposals::opportunity_id.eq(OpportunityId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(proposals::status.eq(s.clone()));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(proposals::updated_at.ge(t));
    }
    page_by_id!(q, proposals, desc, after, limit).load(conn)
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

// ---- risks ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = risks, treat_none_as_null = true)]
pub struct RiskRow {
    pub organization_id: OrganizationId,
    pub id: RiskId,
    pub account_id: ClientAccountId,
    pub kind: String,
    pub severity: String,
    pub description: String,
    pub competitor_id: Option<CompetitorId>,
    pub invoice_ids: String,
    pub disputed_amount_minor: Option<i64>,
    pub disputed_currency: Option<String>,
    pub status: String,
    pub outcome: Option<String>,
    pub resolution: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = risk_steps)]
pub struct RiskStepRow {
    pub organization_id: OrganizationId,
    pub risk_id: RiskId,
    pub step_no: i32,
    pub step: String,
    pub owner_id: Option<UserId>,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

pub fn insert_risk(conn: &mut DbConn, row: &RiskRow) -> QueryResult<()> {
    diesel::insert_into(risks::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_risk(conn: &mut DbConn, row: &RiskRow, expected_version: i64) -> QueryResult<bool> {
    let target = risks::table.filter(
        risks::organization_id
            .eq(row.organization_id)
            .and(risks::id.eq(row.id))
            .and(risks::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_risk(conn: &mut DbConn, org: OrganizationId, id: RiskId) -> QueryResult<RiskRow> {
    risks::table
        .filter(risks::organization_id.eq(org).and(risks::id.eq(id)))
        .select(RiskRow::as_select())
        .first(conn)
}

pub fn risks_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<RiskRow>> {
    risks::table
        .filter(
            risks::organization_id
                .eq(org)
                .and(risks::account_id.eq_any(accounts)),
        )
        .order(risks::id.asc())
        .select(RiskRow::as_select())
        .load(conn)
}

/// Whether `account` has an open or mitigating risk of one of `severities`.
pub fn has_live_risk(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    severities: &[&str],
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        risks::table.filter(
            risks::organization_id
                .eq(org)
                .and(risks::account_id.eq(account))
                .and(risks::status.eq_any(["open", "mitigating"]))
                .and(
                    risks::severity
                        .eq_any(severities.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                ),
        ),
    ))
    .get_result(conn)
}

pub fn list_risks(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<RiskId>,
    limit: i64,
) -> QueryResult<Vec<RiskRow>> {
    let mut q = risks::table
        .filter(risks::organization_id.eq(org))
        .select(RiskRow::as_select())
        .into_boxed();
    if let Some(a) = f.account_id {
        q = q.filter(risks::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(risks::competitor_id.eq(CompetitorId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(risks::status.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(risks::kind.eq(k.clone()));
    }
    if let Some(t) = f.updated_since {
        q = q.filter(risks::updated_at.ge(t));
    }
    page_by_id!(q, risks, desc, after, limit).load(conn)
}

pub fn risk_steps(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[RiskId],
) -> QueryResult<Vec<RiskStepRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    risk_steps::table
        .filter(
            risk_steps::organization_id
                .eq(org)
                .and(risk_steps::risk_id.eq_any(ids)),
        )
        .order((risk_steps::risk_id, risk_steps::step_no))
        .select(RiskStepRow::as_select())
        .load(conn)
}

pub fn set_risk_steps(
    conn: &mut DbConn,
    org: OrganizationId,
    risk: RiskId,
    steps: &[RiskStepRow],
) -> QueryResult<()> {
    diesel::delete(
        risk_steps::table.filter(
            risk_steps::organization_id
                .eq(org)
                .and(risk_steps::risk_id.eq(risk)),
        ),
    )
    .execute(conn)?;
    if !steps.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(risk_steps::table)
            .values(steps)
            .execute(c))?;
    }
    Ok(())
}

// ---- targets ----

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = targets, treat_none_as_null = true)]
pub struct TargetRow {
    pub organization_id: OrganizationId,
    pub id: TargetId,
    pub user_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub metric: String,
    pub amount: SqlDecimal,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_target(conn: &mut DbConn, row: &TargetRow) -> QueryResult<()> {
    diesel::insert_into(targets::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

pub fn save_target(conn: &mut DbConn, row: &TargetRow, expected_version: i64) -> QueryResult<bool> {
    let target = targets::table.filter(
        targets::organization_id
            .eq(row.organization_id)
            .and(targets::id.eq(row.id))
            .and(targets::version.eq(expected_version)),
    );
    Ok(diesel::update(target).set(row).execute(conn)? == 1)
}

pub fn find_target(conn: &mut DbConn, org: OrganizationId, id: TargetId) -> QueryResult<TargetRow> {
    targets::table
        .filter(targets::organization_id.eq(org).and(targets::id.eq(id)))
        .select(TargetRow::as_select())
        .first(conn)
}

pub fn delete_target(conn: &mut DbConn, org: OrganizationId, id: TargetId) -> QueryResult<()> {
    diesel::delete(targets::table.filter(targets::organization_id.eq(org).and(targets::id.eq(id))))
        .execute(conn)
        .map(drop)
}

/// A target of the same holder and metric whose period overlaps [start, end], other than `except`.
pub fn overlapping_target(
    conn: &mut DbConn,
    org: OrganizationId,
    user: Option<UserId>,
    team: Option<TeamId>,
    metric: &str,
    (start, end): (NaiveDate, NaiveDate),
    except: Option<TargetId>,
) -> QueryResult<Option<TargetId>> {
    let mut q = targets::table
        .filter(
            targets::organization_id
                .eq(org)
                .and(targets::metric.eq(metric))
                .and(targets::period_start.le(end))
                .and(targets::period_end.ge(start)),
        )
        .select(targets::id)
        .into_boxed();
    q = match (user, team) {
        (Some(u), _) => q.filter(targets::user_id.eq(u)),
        (None, Some(t)) => q.filter(targets::team_id.eq(t)),
        (None, None) => return Ok(None),
    };
    if let Some(id) = except {
        q = q.filter(targets::id.ne(id));
    }
    q.first(conn).optional()
}

/// Targets whose period overlaps [from, to].
pub fn targets_overlapping(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<TargetRow>> {
    targets::table
        .filter(
            targets::organization_id
                .eq(org)
                .and(targets::period_start.le(to))
                .and(targets::period_end.ge(from)),
        )
        .order(targets::id.asc())
        .select(TargetRow::as_select())
        .load(conn)
}

pub fn list_targets(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &RecordFilter,
    desc: bool,
    after: Option<TargetId>,
    limit: i64,
) -> QueryResult<Vec<TargetRow>> {
    let mut q = targets::table
        .filter(targets::organization_id.eq(org))
        .select(TargetRow::as_select())
        .into_boxed();
    if let Some(p) = f.person_id {
        q = q.filter(
            targets::user_id
                .eq(UserId(p))
                .or(targets::team_id.eq(TeamId(p))),
        );
    }
    if let Some(k) = &f.kind {
        q = q.filter(targets::metric.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(targets::period_end.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(targets::period_start.le(d));
    }
    page_by_id!(q, targets, desc, after, limit).load(conn)
}

// ---- merging accounts ----

/// Moves every record of `from` onto `to` (the merge of a duplicate account).
pub fn move_account_records(
    conn: &mut DbConn,
    org: OrganizationId,
    from: ClientAccountId,
    to: ClientAccountId,
) -> QueryResult<()> {
    diesel::update(
        contacts::table.filter(
            contacts::organization_id
                .eq(org)
                .and(contacts::account_id.eq(from)),
        ),
    )
    .set(contacts::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        interactions::table.filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq(from)),
        ),
    )
    .set(interactions::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        feedback::table.filter(
            feedback::organization_id
                .eq(org)
                .and(feedback::account_id.eq(from)),
        ),
    )
    .set(feedback::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        requests::table.filter(
            requests::organization_id
                .eq(org)
                .and(requests::account_id.eq(from)),
        ),
    )
    .set(requests::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        tasks::table.filter(
            tasks::organization_id
                .eq(org)
                .and(tasks::account_id.eq(from)),
        ),
    )
    .set(tasks::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        risks::table.filter(
            risks::organization_id
                .eq(org)
                .and(risks::account_id.eq(from)),
        ),
    )
    .set(risks::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        opportunities::table.filter(
            opportunities::organization_id
                .eq(org)
                .and(opportunities::account_id.eq(from)),
        ),
    )
    .set(opportunities::account_id.eq(to))
    .execute(conn)?;
    diesel::update(
        proposals::table.filter(
            proposals::organization_id
                .eq(org)
                .and(proposals::account_id.eq(from)),
        ),
    )
    .set(proposals::account_id.eq(to))
    .execute(conn)?;
    // Competitors the duplicate had that the survivor lacks.
    let theirs: Vec<CompetitorId> = account_competitors::table
        .filter(
            account_competitors::organization_id
                .eq(org)
                .and(account_competitors::account_id.eq(from)),
        )
        .select(account_competitors::competitor_id)
        .load(conn)?;
    let ours: Vec<CompetitorId> = account_competitors::table
        .filter(
            account_competitors::organization_id
                .eq(org)
                .and(account_competitors::account_id.eq(to)),
        )
        .select(account_competitors::competitor_id)
        .load(conn)?;
    diesel::delete(
        account_competitors::table.filter(
            account_competitors::organization_id
                .eq(org)
                .and(account_competitors::account_id.eq(from)),
        ),
    )
    .execute(conn)?;
    let mut all = ours;
    for c in theirs {
        if !all.contains(&c) {
            all.push(c);
        }
    }
    super::accounts::set_competitors(conn, org, to, &all)
}
