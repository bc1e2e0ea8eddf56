//! What the performance and sales reports add up, summed by the database over the period
//! asked for: each query returns one row per (owner, team) pair of the live accounts (or per
//! opportunity counting in the period), never every record in history.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::opportunities::OpportunityRow;
use crate::db::schema::{accounts, feedback, interactions, opportunities, risks};
use crate::db::DbConn;
use crate::domain::ids::{OrganizationId, TeamId, UserId};

/// Who holds an account: its owner and team today.
pub type Holder = (Option<UserId>, Option<TeamId>);

/// Live accounts per holder: (holder, accounts, at risk).
pub fn accounts_by_holder(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<(Holder, i64, i64)>> {
    let rows: Vec<(Option<UserId>, Option<TeamId>, i64, i64)> = accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null()),
        )
        .group_by((accounts::owner_id, accounts::team_id))
        .select((
            accounts::owner_id,
            accounts::team_id,
            count_star(),
            sql::<BigInt>(
                "CAST(COALESCE(SUM(CASE WHEN accounts.status = 'at_risk' THEN 1 ELSE 0 END), 0) AS BIGINT)",
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(o, t, n, r)| ((o, t), n, r))
        .collect())
}

/// Live accounts created in [from, to) per holder.
pub fn accounts_created_by_holder(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(Holder, i64)>> {
    let rows: Vec<(Option<UserId>, Option<TeamId>, i64)> = accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(accounts::created_at.ge(from))
                .and(accounts::created_at.lt(until)),
        )
        .group_by((accounts::owner_id, accounts::team_id))
        .select((accounts::owner_id, accounts::team_id, count_star()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(o, t, n)| ((o, t), n)).collect())
}

/// Interactions that occurred in [from, until) with live accounts, per holder.
pub fn interactions_by_holder(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(Holder, i64)>> {
    let rows: Vec<(Option<UserId>, Option<TeamId>, i64)> = interactions::table
        .inner_join(
            accounts::table.on(accounts::organization_id
                .eq(interactions::organization_id)
                .and(accounts::id.eq(interactions::account_id))),
        )
        .filter(
            interactions::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(interactions::occurred_at.ge(from))
                .and(interactions::occurred_at.lt(until)),
        )
        .group_by((accounts::owner_id, accounts::team_id))
        .select((accounts::owner_id, accounts::team_id, count_star()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(o, t, n)| ((o, t), n)).collect())
}

/// CSAT and NPS answers received in [from, to] from live accounts, per holder.
#[derive(Debug, Clone)]
pub struct FeedbackSums {
    pub holder: Holder,
    pub csat_answers: i64,
    pub csat_sum: i64,
    pub nps_answers: i64,
    /// NPS scores of 9 or 10.
    pub promoters: i64,
    /// NPS scores of 6 or less.
    pub detractors: i64,
}

pub fn feedback_by_holder(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<FeedbackSums>> {
    type Row = (Option<UserId>, Option<TeamId>, i64, i64, i64, i64, i64);
    let sum = |when: &str, then: &str| {
        sql::<BigInt>(&format!(
            "CAST(COALESCE(SUM(CASE WHEN {when} THEN {then} ELSE 0 END), 0) AS BIGINT)"
        ))
    };
    let rows: Vec<Row> = feedback::table
        .inner_join(
            accounts::table.on(accounts::organization_id
                .eq(feedback::organization_id)
                .and(accounts::id.eq(feedback::account_id))),
        )
        .filter(
            feedback::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(feedback::received_on.ge(from))
                .and(feedback::received_on.le(to)),
        )
        .group_by((accounts::owner_id, accounts::team_id))
        .select((
            accounts::owner_id,
            accounts::team_id,
            sum("feedback.kind = 'csat'", "1"),
            sum("feedback.kind = 'csat'", "feedback.score"),
            sum("feedback.kind = 'nps'", "1"),
            sum("feedback.kind = 'nps' AND feedback.score >= 9", "1"),
            sum("feedback.kind = 'nps' AND feedback.score <= 6", "1"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(o, t, csat_answers, csat_sum, nps_answers, promoters, detractors)| FeedbackSums {
                holder: (o, t),
                csat_answers,
                csat_sum,
                nps_answers,
                promoters,
                detractors,
            },
        )
        .collect())
}

/// Open or mitigating risks of live accounts, per holder.
pub fn open_risks_by_holder(
    conn: &mut DbConn,
    org: OrganizationId,
) -> QueryResult<Vec<(Holder, i64)>> {
    let rows: Vec<(Option<UserId>, Option<TeamId>, i64)> = risks::table
        .inner_join(
            accounts::table.on(accounts::organization_id
                .eq(risks::organization_id)
                .and(accounts::id.eq(risks::account_id))),
        )
        .filter(
            risks::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(risks::status.eq_any(["open", "mitigating"])),
        )
        .group_by((accounts::owner_id, accounts::team_id))
        .select((accounts::owner_id, accounts::team_id, count_star()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(o, t, n)| ((o, t), n)).collect())
}

/// An opportunity of a live account that counts in a period, with the account's holder.
#[derive(Debug, Clone)]
pub struct PeriodOpportunityRow {
    pub opportunity: OpportunityRow,
    pub account_holder: Holder,
}

/// Opportunities of live accounts that count in [from, to]: closed won or lost on a day in
/// it, or still open and expected to close in it. Other stages than won and lost are open.
pub fn opportunities_counting_between(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<PeriodOpportunityRow>> {
    let closed = opportunities::stage
        .eq_any(["won", "lost"])
        .and(opportunities::closed_on.ge(from))
        .and(opportunities::closed_on.le(to));
    let expected = opportunities::stage
        .ne_all(["won", "lost"])
        .and(opportunities::expected_close_on.ge(from))
        .and(opportunities::expected_close_on.le(to));
    let rows: Vec<(OpportunityRow, Option<UserId>, Option<TeamId>)> = opportunities::table
        .inner_join(
            accounts::table.on(accounts::organization_id
                .eq(opportunities::organization_id)
                .and(accounts::id.eq(opportunities::account_id))),
        )
        .filter(
            opportunities::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(closed.or(expected)),
        )
        .order(opportunities::id.asc())
        .select((
            OpportunityRow::as_select(),
            accounts::owner_id,
            accounts::team_id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(opportunity, o, t)| PeriodOpportunityRow {
            opportunity,
            account_holder: (o, t),
        })
        .collect())
}
