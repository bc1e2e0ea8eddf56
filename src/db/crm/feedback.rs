//! The `feedback` table: CSAT and NPS scores a client account gave (append-only).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::account_records::RecordFilter;
use crate::db::schema::feedback;
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, ContactId, FeedbackId, OrganizationId, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = feedback)]
pub struct FeedbackRow {
    pub organization_id: OrganizationId,
    pub id: FeedbackId,
    pub account_id: ClientAccountId,
    pub contact_id: Option<ContactId>,
    pub kind: String,
    pub score: i32,
    pub comment: Option<String>,
    pub received_on: NaiveDate,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::stored!(FeedbackRow in feedback, id: FeedbackId, filter: RecordFilter => |q, f| {
    if let Some(a) = f.account_id {
        q = q.filter(feedback::account_id.eq(a));
    }
    if let Some(p) = f.person_id {
        q = q.filter(feedback::contact_id.eq(ContactId(p)));
    }
    if let Some(k) = &f.kind {
        q = q.filter(feedback::kind.eq(k.clone()));
    }
    if let Some(d) = f.from {
        q = q.filter(feedback::received_on.ge(d));
    }
    if let Some(d) = f.to {
        q = q.filter(feedback::received_on.le(d));
    }
    q
});

pub fn feedback_of_accounts(
    conn: &mut DbConn,
    org: OrganizationId,
    accounts: &[ClientAccountId],
) -> QueryResult<Vec<FeedbackRow>> {
    feedback::table
        .filter(
            feedback::organization_id
                .eq(org)
                .and(feedback::account_id.eq_any(accounts)),
        )
        .order(feedback::id.asc())
        .select(FeedbackRow::as_select())
        .load(conn)
}
