//! The `risks` table (disputes included) and each risk's action plan (`risk_steps`).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::{risk_steps, risks};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, CompetitorId, OrganizationId, RiskId, UserId};
use crate::on_backend;

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

crate::stored!(RiskRow in risks, id: RiskId, filter: RecordFilter => |q, f| {
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
    q
});
crate::stored!(RiskRow in risks, version: version, updated: updated_at);

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

/// Action-plan steps owned by `user`, not done, due on or before `day`, of risks still open or
/// mitigating, with the account of their risk (the user's agenda).
pub fn open_steps_due(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    day: NaiveDate,
) -> QueryResult<Vec<(RiskStepRow, ClientAccountId)>> {
    let steps: Vec<RiskStepRow> = risk_steps::table
        .filter(
            risk_steps::organization_id
                .eq(org)
                .and(risk_steps::owner_id.eq(user))
                .and(risk_steps::done.eq(false))
                .and(risk_steps::due_on.le(day)),
        )
        .order((risk_steps::risk_id, risk_steps::step_no))
        .select(RiskStepRow::as_select())
        .load(conn)?;
    if steps.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<RiskId> = steps.iter().map(|s| s.risk_id).collect();
    ids.sort();
    ids.dedup();
    let live: std::collections::HashMap<RiskId, ClientAccountId> = risks::table
        .filter(
            risks::organization_id
                .eq(org)
                .and(risks::id.eq_any(ids))
                .and(risks::status.eq_any(["open", "mitigating"])),
        )
        .select((risks::id, risks::account_id))
        .load::<(RiskId, ClientAccountId)>(conn)?
        .into_iter()
        .collect();
    Ok(steps
        .into_iter()
        .filter_map(|s| live.get(&s.risk_id).map(|a| (*a, s)))
        .map(|(a, s)| (s, a))
        .collect())
}
