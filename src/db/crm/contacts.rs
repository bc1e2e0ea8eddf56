//! The `contacts` table: people at a client account.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::account_records::RecordFilter;
use super::{contains_pattern, lower, lower_opt};
use crate::db::schema::{contacts, feedback, interaction_contacts, requests};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, ContactId, OrganizationId};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = contacts, treat_none_as_null = true)]
pub struct ContactRow {
    pub organization_id: OrganizationId,
    pub id: ContactId,
    pub account_id: ClientAccountId,
    pub name: String,
    pub title: Option<String>,
    pub seniority: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub is_decision_maker: bool,
    pub influence: Option<String>,
    pub status: String,
    /// A JSON object, as text.
    pub custom_fields: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(ContactRow in contacts, id: ContactId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(contacts::account_id.eq(a));
    }
    if let Some(s) = &f.status {
        q = q.filter(contacts::status.eq(s.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(contacts::influence.eq(k.clone()));
    }
    if let Some(text) = &f.q {
        let p = contains_pattern(text);
        q = q.filter(
            lower(contacts::name)
                .like(p.clone())
                .escape('\\')
                .or(lower_opt(contacts::email).like(p).escape('\\')),
        );
    }
    q
});
crate::stored!(ContactRow in contacts, version: version, updated: updated_at);

pub fn contacts_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<ContactRow>> {
    contacts::table
        .filter(
            contacts::organization_id
                .eq(org)
                .and(contacts::account_id.eq_any(accounts)),
        )
        .order(contacts::id.asc())
        .select(ContactRow::as_select())
        .load(conn)
}

/// The account of each of `ids` that exists.
pub fn contact_ids_by(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ContactId],
) -> QueryResult<Vec<(ContactId, ClientAccountId)>> {
    contacts::table
        .filter(
            contacts::organization_id
                .eq(org)
                .and(contacts::id.eq_any(ids)),
        )
        .select((contacts::id, contacts::account_id))
        .load(conn)
}

/// Deletes a contact: interactions forget it, feedback and requests keep their text without it.
pub fn delete(conn: &mut DbConn, org: OrganizationId, id: ContactId) -> QueryResult<()> {
    diesel::delete(
        interaction_contacts::table.filter(
            interaction_contacts::organization_id
                .eq(org)
                .and(interaction_contacts::contact_id.eq(id)),
        ),
    )
    .execute(conn)?;
    diesel::update(
        feedback::table.filter(
            feedback::organization_id
                .eq(org)
                .and(feedback::contact_id.eq(id)),
        ),
    )
    .set(feedback::contact_id.eq(None::<ContactId>))
    .execute(conn)?;
    diesel::update(
        requests::table.filter(
            requests::organization_id
                .eq(org)
                .and(requests::contact_id.eq(id)),
        ),
    )
    .set(requests::contact_id.eq(None::<ContactId>))
    .execute(conn)?;
    diesel::delete(
        contacts::table.filter(contacts::organization_id.eq(org).and(contacts::id.eq(id))),
    )
    .execute(conn)
    .map(drop)
}
