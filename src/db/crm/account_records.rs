//! What the tables of records kept about an account share: the filter their lists read
//! (each list reads the fields it has), and moving every record of a duplicate account onto
//! the account it merges into.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{
    account_competitors, account_plans, contacts, feedback, interactions, opportunities, proposals,
    requests, risks, tasks,
};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, CompetitorId, OrganizationId};

/// Filters the lists of account records share; each list reads the ones it has.
#[derive(Debug, Clone, Default)]
pub struct RecordFilter {
    pub account_id: Option<ClientAccountId>,
    pub person_id: Option<Uuid>,
    pub status: Option<String>,
    pub kind: Option<String>,
    pub q: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Interactions: a follow-up on or after this day.
    pub follow_up_from: Option<NaiveDate>,
    /// Interactions: a follow-up on or before this day.
    pub follow_up_to: Option<NaiveDate>,
}

/// Midnight starting `day`, for comparing dates with timestamps.
pub fn start_of(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// Moves every record of `from` onto `to` (the merge of a duplicate account).
pub fn move_account_records(
    conn: &mut DbConn,
    org: OrganizationId,
    from: ClientAccountId,
    to: ClientAccountId,
) -> QueryResult<()> {
    macro_rules! move_rows {
        ($($table:ident),*) => {$(
            diesel::update(
                $table::table.filter(
                    $table::organization_id
                        .eq(org)
                        .and($table::account_id.eq(from)),
                ),
            )
            .set($table::account_id.eq(to))
            .execute(conn)?;
        )*};
    }
    move_rows!(
        contacts,
        interactions,
        feedback,
        requests,
        tasks,
        risks,
        opportunities,
        proposals,
        account_plans
    );
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
