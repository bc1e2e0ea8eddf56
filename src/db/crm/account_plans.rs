//! Account plans (`account_plans`) and what hangs on a plan: its objectives, its stakeholder
//! map and its reviews. Ids of other records a row names (contacts, opportunities, tasks,
//! attendees) are JSON arrays in text columns.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::{
    account_plan_objectives, account_plan_reviews, account_plan_stakeholders, account_plans,
};
use crate::db::DbConn;
use crate::domain::ids::{
    AccountPlanId, ClientAccountId, ContactId, OrganizationId, PlanObjectiveId, PlanReviewId,
    PlanStakeholderId, UserId,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = account_plans, treat_none_as_null = true)]
pub struct PlanRow {
    pub organization_id: OrganizationId,
    pub id: AccountPlanId,
    pub account_id: ClientAccountId,
    pub title: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub status: String,
    pub owner_id: Option<UserId>,
    pub summary: Option<String>,
    pub value_for_client: Option<String>,
    pub value_for_us: Option<String>,
    pub review_every_days: i32,
    pub next_review_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = account_plan_objectives, treat_none_as_null = true)]
pub struct ObjectiveRow {
    pub organization_id: OrganizationId,
    pub id: PlanObjectiveId,
    pub plan_id: AccountPlanId,
    pub title: String,
    pub kind: String,
    pub measure: Option<String>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub current_value: Option<String>,
    pub unit: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub co_created_with_contact_ids: String,
    pub opportunity_ids: String,
    pub task_ids: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = account_plan_stakeholders, treat_none_as_null = true)]
pub struct StakeholderRow {
    pub organization_id: OrganizationId,
    pub id: PlanStakeholderId,
    pub plan_id: AccountPlanId,
    pub contact_id: ContactId,
    pub decision_role: String,
    pub stance: String,
    pub relationship_strength: Option<i32>,
    pub relationship_owner_id: Option<UserId>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = account_plan_reviews)]
pub struct ReviewRow {
    pub organization_id: OrganizationId,
    pub id: PlanReviewId,
    pub plan_id: AccountPlanId,
    pub held_on: NaiveDate,
    pub attendee_user_ids: String,
    pub attendee_contact_ids: String,
    pub summary: Option<String>,
    pub decisions: Option<String>,
    pub objective_updates: String,
    pub next_review_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The filter of a list of what hangs on one plan.
#[derive(Debug, Clone, Copy)]
pub struct OfPlan(pub AccountPlanId);

crate::stored!(PlanRow in account_plans, id: AccountPlanId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(account_plans::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(account_plans::owner_id.eq(UserId(p)));
    }
    if let Some(s) = &f.status {
        q = q.filter(account_plans::status.eq(s.clone()));
    }
    q
});
crate::stored!(PlanRow in account_plans, version: version, updated: updated_at);

crate::stored!(ObjectiveRow in account_plan_objectives, id: PlanObjectiveId, filter: OfPlan => |q, f| {
    q.filter(account_plan_objectives::plan_id.eq(f.0))
});
crate::stored!(ObjectiveRow in account_plan_objectives, version: version, updated: updated_at);

crate::stored!(StakeholderRow in account_plan_stakeholders, id: PlanStakeholderId, filter: OfPlan => |q, f| {
    q.filter(account_plan_stakeholders::plan_id.eq(f.0))
});
crate::stored!(StakeholderRow in account_plan_stakeholders, version: version, updated: updated_at);

crate::stored!(ReviewRow in account_plan_reviews, id: PlanReviewId, filter: OfPlan => |q, f| {
    q.filter(account_plan_reviews::plan_id.eq(f.0))
});

/// Active plans owned by `user` whose next review falls on or before `day` (the user's
/// agenda).
pub fn reviews_due(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    day: NaiveDate,
) -> QueryResult<Vec<PlanRow>> {
    account_plans::table
        .filter(
            account_plans::organization_id
                .eq(org)
                .and(account_plans::owner_id.eq(user))
                .and(account_plans::status.eq("active"))
                .and(account_plans::next_review_on.le(day)),
        )
        .order(account_plans::next_review_on.asc())
        .select(PlanRow::as_select())
        .load(conn)
}

/// The plans of `accounts`, oldest first.
pub fn plans_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<PlanRow>> {
    if accounts.is_empty() {
        return Ok(Vec::new());
    }
    account_plans::table
        .filter(
            account_plans::organization_id
                .eq(org)
                .and(account_plans::account_id.eq_any(accounts)),
        )
        .order(account_plans::id.asc())
        .select(PlanRow::as_select())
        .load(conn)
}

/// The objectives of `plans`, oldest first.
pub fn objectives_of_plans(
    conn: &mut DbConn,
    org: OrganizationId,
    plans: &[AccountPlanId],
) -> QueryResult<Vec<ObjectiveRow>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    account_plan_objectives::table
        .filter(
            account_plan_objectives::organization_id
                .eq(org)
                .and(account_plan_objectives::plan_id.eq_any(plans)),
        )
        .order(account_plan_objectives::id.asc())
        .select(ObjectiveRow::as_select())
        .load(conn)
}

/// The stakeholders of `plans`, oldest first.
pub fn stakeholders_of_plans(
    conn: &mut DbConn,
    org: OrganizationId,
    plans: &[AccountPlanId],
) -> QueryResult<Vec<StakeholderRow>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    account_plan_stakeholders::table
        .filter(
            account_plan_stakeholders::organization_id
                .eq(org)
                .and(account_plan_stakeholders::plan_id.eq_any(plans)),
        )
        .order(account_plan_stakeholders::id.asc())
        .select(StakeholderRow::as_select())
        .load(conn)
}

/// Deletes a plan and everything that hangs on it.
pub fn delete_plan(conn: &mut DbConn, org: OrganizationId, plan: AccountPlanId) -> QueryResult<()> {
    diesel::delete(
        account_plan_reviews::table.filter(
            account_plan_reviews::organization_id
                .eq(org)
                .and(account_plan_reviews::plan_id.eq(plan)),
        ),
    )
    .execute(conn)?;
    diesel::delete(
        account_plan_stakeholders::table.filter(
            account_plan_stakeholders::organization_id
                .eq(org)
                .and(account_plan_stakeholders::plan_id.eq(plan)),
        ),
    )
    .execute(conn)?;
    diesel::delete(
        account_plan_objectives::table.filter(
            account_plan_objectives::organization_id
                .eq(org)
                .and(account_plan_objectives::plan_id.eq(plan)),
        ),
    )
    .execute(conn)?;
    diesel::delete(
        account_plans::table.filter(
            account_plans::organization_id
                .eq(org)
                .and(account_plans::id.eq(plan)),
        ),
    )
    .execute(conn)
    .map(drop)
}
