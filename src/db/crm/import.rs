//! What a CSV import looks up to place each row: the accounts a row may name by website
//! domain or name, the contacts of an account by email or name, and the users and teams a
//! row may name by email or name. Names and emails match case-insensitively.

use diesel::prelude::*;

use super::accounts::AccountRow;
use super::contacts::ContactRow;
use super::lower;
use crate::db::schema::{accounts, contacts, teams, users};
use crate::db::DbConn;
use crate::domain::ids::{ClientAccountId, OrganizationId, TeamId, UserId};

/// The live accounts whose website is on `domain`, oldest first.
pub fn accounts_on_domain(
    conn: &mut DbConn,
    org: OrganizationId,
    domain: &str,
) -> QueryResult<Vec<AccountRow>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(accounts::website_domain.eq(domain)),
        )
        .order(accounts::id.asc())
        .select(AccountRow::as_select())
        .load(conn)
}

/// The live accounts called `name`, oldest first.
pub fn accounts_named(
    conn: &mut DbConn,
    org: OrganizationId,
    name: &str,
) -> QueryResult<Vec<AccountRow>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(accounts::name_key.eq(crate::domain::crm::name_key(name))),
        )
        .order(accounts::id.asc())
        .select(AccountRow::as_select())
        .load(conn)
}

/// The contacts of `account` with this email, oldest first.
pub fn contacts_with_email(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    email: &str,
) -> QueryResult<Vec<ContactRow>> {
    contacts::table
        .filter(
            contacts::organization_id
                .eq(org)
                .and(contacts::account_id.eq(account))
                .and(contacts::email.eq(email.to_lowercase())),
        )
        .order(contacts::id.asc())
        .select(ContactRow::as_select())
        .load(conn)
}

/// The contacts of `account` called `name`, oldest first.
pub fn contacts_named(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    name: &str,
) -> QueryResult<Vec<ContactRow>> {
    contacts::table
        .filter(
            contacts::organization_id
                .eq(org)
                .and(contacts::account_id.eq(account))
                .and(lower(contacts::name).eq(lower(name))),
        )
        .order(contacts::id.asc())
        .select(ContactRow::as_select())
        .load(conn)
}

/// The user of `org` with this email.
pub fn user_with_email(
    conn: &mut DbConn,
    org: OrganizationId,
    email: &str,
) -> QueryResult<Option<UserId>> {
    users::table
        .filter(
            users::organization_id
                .eq(org)
                .and(lower(users::email).eq(lower(email))),
        )
        .select(users::id)
        .first(conn)
        .optional()
}

/// The teams of `org` called `name`.
pub fn teams_named(conn: &mut DbConn, org: OrganizationId, name: &str) -> QueryResult<Vec<TeamId>> {
    teams::table
        .filter(
            teams::organization_id
                .eq(org)
                .and(lower(teams::name).eq(lower(name))),
        )
        .order(teams::id.asc())
        .select(teams::id)
        .load(conn)
}
