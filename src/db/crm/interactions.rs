//! The `interactions` table and who took part (`interaction_contacts`): calls, meetings,
//! emails and visits logged on a client account.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::{start_of, RecordFilter};
use crate::db::schema::{accounts, interaction_contacts, interactions};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, ContactId, InteractionId, OrganizationId, UserId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = interactions, treat_none_as_null = true)]
pub struct InteractionRow {
    pub organization_id: OrganizationId,
    pub id: InteractionId,
    pub account_id: ClientAccountId,
    pub author_id: UserId,
    pub kind: String,
    pub direction: String,
    pub occurred_at: NaiveDateTime,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub sentiment: Option<i32>,
    pub next_step: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(InteractionRow in interactions, id: InteractionId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(interactions::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(interactions::author_id.eq(UserId(p)));
    }
    if let Some(k) = &f.kind {
        q = q.filter(interactions::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(interactions::occurred_at.ge(start_of(d)));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        q = q.filter(interactions::occurred_at.lt(start_of(d)));
    }
    if let Some(d) = f.follow_up_from {
        q = q.filter(interactions::follow_up_on.ge(d));
    }
    if let Some(d) = f.follow_up_to {
        q = q.filter(interactions::follow_up_on.le(d));
    }
    q
});
crate::stored!(InteractionRow in interactions, version: version, updated: updated_at);

pub fn interactions_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<InteractionRow>> {
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq_any(accounts)),
        )
        .order(interactions::id.asc())
        .select(InteractionRow::as_select())
        .load(conn)
}

pub fn interaction_ids_by(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[InteractionId],
) -> QueryResult<Vec<(InteractionId, ClientAccountId)>> {
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::id.eq_any(ids)),
        )
        .select((interactions::id, interactions::account_id))
        .load(conn)
}

pub fn interaction_contacts(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[InteractionId],
) -> QueryResult<Vec<(InteractionId, ContactId)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    interaction_contacts::table
        .filter(
            interaction_contacts::organization_id
                .eq(org)
                .and(interaction_contacts::interaction_id.eq_any(ids)),
        )
        .order((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .select((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .load(conn)
}

pub fn set_interaction_contacts(
    conn: &mut DbConn,
    org: OrganizationId,
    interaction: InteractionId,
    contact_ids: &[ContactId],
) -> QueryResult<()> {
    diesel::delete(
        interaction_contacts::table.filter(
            interaction_contacts::organization_id
                .eq(org)
                .and(interaction_contacts::interaction_id.eq(interaction)),
        ),
    )
    .execute(conn)?;
    let rows: Vec<_> = contact_ids
        .iter()
        .map(|c| {
            (
                interaction_contacts::organization_id.eq(org),
                interaction_contacts::interaction_id.eq(interaction),
                interaction_contacts::contact_id.eq(*c),
            )
        })
        .collect();
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(interaction_contacts::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// The latest interaction of `account` that counts as a check-in: one of `kinds` with at
/// least one contact.
pub fn last_check_in(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    kinds: &[&str],
) -> QueryResult<Option<NaiveDateTime>> {
    let with_contact = interaction_contacts::table
        .filter(interaction_contacts::organization_id.eq(org))
        .select(interaction_contacts::interaction_id);
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq(account))
                .and(
                    interactions::kind
                        .eq_any(kinds.iter().map(|k| k.to_string()).collect::<Vec<_>>()),
                )
                .and(interactions::id.eq_any(with_contact)),
        )
        .select(diesel::dsl::max(interactions::occurred_at))
        .first(conn)
}

/// Interactions with a follow-up on or before `day` that `user` wrote or that are on a live
/// account `user` owns (the user's agenda), oldest follow-up first.
pub fn follow_ups_due(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    day: NaiveDate,
) -> QueryResult<Vec<InteractionRow>> {
    let owned = accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::owner_id.eq(user))
                .and(accounts::archived_at.is_null()),
        )
        .select(accounts::id);
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::follow_up_on.le(day))
                .and(
                    interactions::author_id
                        .eq(user)
                        .or(interactions::account_id.eq_any(owned)),
                ),
        )
        .order((interactions::follow_up_on.asc(), interactions::id.asc()))
        .select(InteractionRow::as_select())
        .load(conn)
}

/// The latest moment each of `accounts` was in touch: its newest interaction other than an
/// internal note.
pub fn latest_contact(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<(ClientAccountId, Option<NaiveDateTime>)>> {
    if accounts.is_empty() {
        return Ok(Vec::new());
    }
    interactions::table
        .filter(
            interactions::organization_id
                .eq(org)
                .and(interactions::account_id.eq_any(accounts))
                .and(interactions::kind.ne("note")),
        )
        .group_by(interactions::account_id)
        .select((
            interactions::account_id,
            diesel::dsl::max(interactions::occurred_at),
        ))
        .load(conn)
}
