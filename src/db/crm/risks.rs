//! The `risks` table (disputes included) and each risk's action plan (`risk_steps`).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::{risk_disputed_invoices, risk_steps, risks};
use crate::db::DbConn;
use crate::domain::ids::{
    ClientAccountId, CompetitorId, DocumentId, OrganizationId, RiskId, UserId,
};
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
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
    /// The credit notes that settled a dispute, a JSON array of ids.
    pub credit_note_ids: String,
}

/// What a dispute contests on one invoice, in the invoice's currency.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = risk_disputed_invoices)]
pub struct DisputedInvoiceRow {
    pub organization_id: OrganizationId,
    pub risk_id: RiskId,
    pub invoice_id: DocumentId,
    pub amount_minor: i64,
    pub currency: String,
}

/// A disputed invoice with the dates of its dispute (opened, resolved), for reading what was
/// disputed on a given day.
#[derive(Debug, Clone, Queryable)]
pub struct DatedDisputeRow {
    pub invoice_id: DocumentId,
    pub amount_minor: i64,
    pub account_id: ClientAccountId,
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
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

/// The invoices each of these disputes names, in order of invoice id per risk.
pub fn disputed_invoices(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[RiskId],
) -> QueryResult<Vec<DisputedInvoiceRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    risk_disputed_invoices::table
        .filter(
            risk_disputed_invoices::organization_id
                .eq(org)
                .and(risk_disputed_invoices::risk_id.eq_any(ids)),
        )
        .order((
            risk_disputed_invoices::risk_id,
            risk_disputed_invoices::invoice_id,
        ))
        .select(DisputedInvoiceRow::as_select())
        .load(conn)
}

/// Replaces what a dispute names.
pub fn set_disputed_invoices(
    conn: &mut DbConn,
    org: OrganizationId,
    risk: RiskId,
    rows: &[DisputedInvoiceRow],
) -> QueryResult<()> {
    diesel::delete(
        risk_disputed_invoices::table.filter(
            risk_disputed_invoices::organization_id
                .eq(org)
                .and(risk_disputed_invoices::risk_id.eq(risk)),
        ),
    )
    .execute(conn)?;
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(risk_disputed_invoices::table)
            .values(rows)
            .execute(c))?;
    }
    Ok(())
}

/// Per invoice of `invoices`, the sum of what its open or mitigating disputes contest.
pub fn live_disputed_amounts(
    conn: &mut DbConn,
    org: OrganizationId,
    invoices: &[DocumentId],
) -> QueryResult<Vec<(DocumentId, i64)>> {
    if invoices.is_empty() {
        return Ok(Vec::new());
    }
    risk_disputed_invoices::table
        .inner_join(
            risks::table.on(risks::organization_id
                .eq(risk_disputed_invoices::organization_id)
                .and(risks::id.eq(risk_disputed_invoices::risk_id))),
        )
        .filter(
            risk_disputed_invoices::organization_id
                .eq(org)
                .and(risk_disputed_invoices::invoice_id.eq_any(invoices))
                .and(risks::kind.eq("dispute"))
                .and(risks::status.eq_any(["open", "mitigating"])),
        )
        .group_by(risk_disputed_invoices::invoice_id)
        .select((
            risk_disputed_invoices::invoice_id,
            diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "CAST(COALESCE(SUM(risk_disputed_invoices.amount_minor), 0) AS BIGINT)",
            ),
        ))
        .load(conn)
}

/// Every invoice a dispute of the organization names, with the dispute's dates, for disputes
/// opened on or before `as_of` (whether still open then is the reader's question); of one
/// account only when `account` is given.
pub fn dated_disputes(
    conn: &mut DbConn,
    org: OrganizationId,
    as_of: NaiveDate,
    account: Option<ClientAccountId>,
) -> QueryResult<Vec<DatedDisputeRow>> {
    let mut q = risk_disputed_invoices::table
        .inner_join(
            risks::table.on(risks::organization_id
                .eq(risk_disputed_invoices::organization_id)
                .and(risks::id.eq(risk_disputed_invoices::risk_id))),
        )
        .filter(
            risk_disputed_invoices::organization_id
                .eq(org)
                .and(risks::kind.eq("dispute"))
                .and(risks::opened_on.le(as_of)),
        )
        .select((
            risk_disputed_invoices::invoice_id,
            risk_disputed_invoices::amount_minor,
            risks::account_id,
            risks::opened_on,
            risks::resolved_on,
        ))
        .into_boxed();
    if let Some(a) = account {
        q = q.filter(risks::account_id.eq(a));
    }
    q.load(conn)
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
