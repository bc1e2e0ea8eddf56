//! Accounts and their competitors: the account row (a plain record, see `db::record`),
//! the lists by name or time, and the competitors joined to it.

use crate::domain::ids::{ClientAccountId, CompetitorId, OrganizationId, TeamId, UserId};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::{contains_pattern, lower, lower_opt};
use crate::db::record::{Stored, Versioned};
use crate::db::schema::{account_competitors, accounts, contacts};
use crate::db::DbConn;
use crate::on_backend;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = accounts, treat_none_as_null = true)]
pub struct AccountRow {
    pub organization_id: OrganizationId,
    pub id: ClientAccountId,
    pub name: String,
    pub legal_name: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    pub website_domain: Option<String>,
    pub tier: String,
    pub own_status: String,
    pub status: String,
    pub is_customer: bool,
    pub is_vendor: bool,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub currency: String,
    pub goals: Option<String>,
    pub tags: String,
    pub custom_fields: String,
    pub check_in_every_days: Option<i32>,
    pub last_check_in_at: Option<NaiveDateTime>,
    pub check_in_due_at: NaiveDateTime,
    pub churn_reason: Option<String>,
    pub churned_on: Option<NaiveDate>,
    pub lost_to_competitor_id: Option<CompetitorId>,
    pub merged_into_id: Option<ClientAccountId>,
    pub archived_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The bank accounts (IBANs or numbers) the client pays from, a JSON array.
    pub bank_accounts: String,
    /// `name` as imports match it ([`crate::domain::crm::name_key`]), indexed.
    pub name_key: String,
}

crate::stored!(AccountRow in accounts, id: ClientAccountId, filter: () => |q, _f| { q });
crate::stored!(AccountRow in accounts, version: version, updated: updated_at);

/// Writes `row` back if the stored version is still `expected_version`; `row.version` must
/// already be the next one. False when somebody else changed it first.
pub fn save(conn: &mut DbConn, row: &AccountRow, expected_version: i64) -> QueryResult<bool> {
    Versioned::save(row, conn, expected_version)
}

/// One account of `org` (the documents, payments and CRM records look their account up).
pub fn find(
    conn: &mut DbConn,
    org: OrganizationId,
    id: ClientAccountId,
) -> QueryResult<AccountRow> {
    Stored::find(conn, org, id)
}

/// (id, name) of these accounts.
pub fn names_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ClientAccountId],
) -> QueryResult<Vec<(ClientAccountId, String)>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::id.eq_any(ids)),
        )
        .select((accounts::id, accounts::name))
        .load(conn)
}

/// Which of `ids` are accounts of `org` (archived and merged ones too): what a line tagged
/// with a client account may name.
pub fn existing_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ClientAccountId],
) -> QueryResult<std::collections::HashSet<ClientAccountId>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::id.eq_any(ids)),
        )
        .select(accounts::id)
        .load::<ClientAccountId>(conn)?
        .into_iter()
        .collect())
}

/// An account with its owner and team.
pub type AccountHolders = (ClientAccountId, Option<UserId>, Option<TeamId>);

/// The owner and team of each of `ids` (archived ones too), for reports by owner and team.
pub fn owners_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ClientAccountId],
) -> QueryResult<Vec<AccountHolders>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::id.eq_any(ids)),
        )
        .select((accounts::id, accounts::owner_id, accounts::team_id))
        .load(conn)
}

/// Every live (not archived) account of the organization, for reports.
pub fn all_live(conn: &mut DbConn, org: OrganizationId) -> QueryResult<Vec<AccountRow>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null()),
        )
        .order(accounts::id.asc())
        .select(AccountRow::as_select())
        .load(conn)
}

/// The live (not archived, not merged) client accounts whose `bank_accounts` hold `ident`
/// (normalized as stored: capitals without spaces), for matching a bank line's counterparty.
pub fn find_accounts_by_bank_account(
    conn: &mut DbConn,
    org: OrganizationId,
    ident: &str,
) -> QueryResult<Vec<ClientAccountId>> {
    let ident = crate::domain::banking::account_identifier(ident);
    if ident.is_empty() {
        return Ok(Vec::new());
    }
    // The value as the JSON array holds it, quoted, with LIKE's wildcards escaped.
    let quoted = serde_json::to_string(&ident).unwrap_or_default();
    let escaped: String = quoted
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let candidates: Vec<(ClientAccountId, String)> = accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(accounts::merged_into_id.is_null())
                .and(
                    accounts::bank_accounts
                        .like(format!("%{escaped}%"))
                        .escape('\\'),
                ),
        )
        .order(accounts::id.asc())
        .select((accounts::id, accounts::bank_accounts))
        .load(conn)?;
    // LIKE is case-insensitive on SQLite: keep the exact matches only.
    Ok(candidates
        .into_iter()
        .filter(|(_, json)| {
            serde_json::from_str::<Vec<String>>(json).is_ok_and(|list| list.contains(&ident))
        })
        .map(|(id, _)| id)
        .collect())
}

#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub q: Option<String>,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub status: Option<String>,
    pub tier: Option<String>,
    pub is_customer: Option<bool>,
    pub is_vendor: Option<bool>,
    pub updated_since: Option<NaiveDateTime>,
    /// Accounts whose next check-in was due before this moment.
    pub check_in_due_before: Option<NaiveDateTime>,
    pub check_in_not_due_before: Option<NaiveDateTime>,
    pub include_archived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountSort {
    Name,
    CreatedAt,
    UpdatedAt,
}

/// A page of accounts in keyset order on (sort value, id). `after` is the previous page's
/// last (value, id); for `created_at` the value is unused (ids are time-ordered).
pub fn list(
    conn: &mut DbConn,
    org: OrganizationId,
    f: &AccountFilter,
    sort: AccountSort,
    descending: bool,
    after: Option<(String, ClientAccountId)>,
    limit: i64,
) -> QueryResult<Vec<AccountRow>> {
    let mut q = accounts::table
        .filter(accounts::organization_id.eq(org))
        .select(AccountRow::as_select())
        .into_boxed();
    if !f.include_archived {
        q = q.filter(accounts::archived_at.is_null());
    }
    if let Some(text) = &f.q {
        let pattern = contains_pattern(text);
        let contact_match = contacts::table
            .filter(
                contacts::organization_id.eq(org).and(
                    lower(contacts::name)
                        .like(pattern.clone())
                        .escape('\\')
                        .or(lower_opt(contacts::email)
                            .like(pattern.clone())
                            .escape('\\')),
                ),
            )
            .select(contacts::account_id);
        q = q.filter(
            lower(accounts::name)
                .like(pattern.clone())
                .escape('\\')
                .or(lower_opt(accounts::legal_name)
                    .like(pattern.clone())
                    .escape('\\'))
                .or(lower_opt(accounts::website).like(pattern).escape('\\'))
                .or(accounts::id.eq_any(contact_match)),
        );
    }
    if let Some(v) = f.owner_id {
        q = q.filter(accounts::owner_id.eq(v));
    }
    if let Some(v) = f.team_id {
        q = q.filter(accounts::team_id.eq(v));
    }
    if let Some(v) = &f.status {
        q = q.filter(accounts::status.eq(v.clone()));
    }
    if let Some(v) = &f.tier {
        q = q.filter(accounts::tier.eq(v.clone()));
    }
    if let Some(v) = f.is_customer {
        q = q.filter(accounts::is_customer.eq(v));
    }
    if let Some(v) = f.is_vendor {
        q = q.filter(accounts::is_vendor.eq(v));
    }
    if let Some(v) = f.updated_since {
        q = q.filter(accounts::updated_at.ge(v));
    }
    if let Some(v) = f.check_in_due_before {
        q = q.filter(
            accounts::check_in_due_at
                .lt(v)
                .and(accounts::own_status.ne("churned")),
        );
    }
    if let Some(v) = f.check_in_not_due_before {
        q = q.filter(
            accounts::check_in_due_at
                .ge(v)
                .or(accounts::own_status.eq("churned")),
        );
    }
    q = match (sort, descending) {
        (AccountSort::Name, false) => q.order((accounts::name.asc(), accounts::id.asc())),
        (AccountSort::Name, true) => q.order((accounts::name.desc(), accounts::id.desc())),
        (AccountSort::CreatedAt, false) => q.order(accounts::id.asc()),
        (AccountSort::CreatedAt, true) => q.order(accounts::id.desc()),
        (AccountSort::UpdatedAt, false) => {
            q.order((accounts::updated_at.asc(), accounts::id.asc()))
        }
        (AccountSort::UpdatedAt, true) => {
            q.order((accounts::updated_at.desc(), accounts::id.desc()))
        }
    };
    if let Some((value, id)) = after {
        q = match (sort, descending) {
            (AccountSort::CreatedAt, false) => q.filter(accounts::id.gt(id)),
            (AccountSort::CreatedAt, true) => q.filter(accounts::id.lt(id)),
            (AccountSort::Name, false) => q.filter(
                accounts::name
                    .gt(value.clone())
                    .or(accounts::name.eq(value).and(accounts::id.gt(id))),
            ),
            (AccountSort::Name, true) => q.filter(
                accounts::name
                    .lt(value.clone())
                    .or(accounts::name.eq(value).and(accounts::id.lt(id))),
            ),
            (AccountSort::UpdatedAt, desc) => {
                let at =
                    NaiveDateTime::parse_from_str(&value, crate::db::crm::accounts::CURSOR_TIME)
                        .unwrap_or_default();
                if desc {
                    q.filter(
                        accounts::updated_at
                            .lt(at)
                            .or(accounts::updated_at.eq(at).and(accounts::id.lt(id))),
                    )
                } else {
                    q.filter(
                        accounts::updated_at
                            .gt(at)
                            .or(accounts::updated_at.eq(at).and(accounts::id.gt(id))),
                    )
                }
            }
        };
    }
    q.limit(limit).load(conn)
}

/// How timestamps are written into cursors.
pub const CURSOR_TIME: &str = "%Y-%m-%dT%H:%M:%S%.6f";

pub fn competitor_ids(
    conn: &mut DbConn,
    org: OrganizationId,
    account_ids: &[ClientAccountId],
) -> QueryResult<Vec<(ClientAccountId, CompetitorId)>> {
    if account_ids.is_empty() {
        return Ok(Vec::new());
    }
    account_competitors::table
        .filter(
            account_competitors::organization_id
                .eq(org)
                .and(account_competitors::account_id.eq_any(account_ids)),
        )
        .order((
            account_competitors::account_id,
            account_competitors::competitor_id,
        ))
        .select((
            account_competitors::account_id,
            account_competitors::competitor_id,
        ))
        .load(conn)
}

pub fn set_competitors(
    conn: &mut DbConn,
    org: OrganizationId,
    account: ClientAccountId,
    competitor_ids: &[CompetitorId],
) -> QueryResult<()> {
    diesel::delete(
        account_competitors::table.filter(
            account_competitors::organization_id
                .eq(org)
                .and(account_competitors::account_id.eq(account)),
        ),
    )
    .execute(conn)?;
    let rows: Vec<_> = competitor_ids
        .iter()
        .map(|c| {
            (
                account_competitors::organization_id.eq(org),
                account_competitors::account_id.eq(account),
                account_competitors::competitor_id.eq(*c),
            )
        })
        .collect();
    if !rows.is_empty() {
        on_backend!(conn, |c| diesel::insert_into(account_competitors::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// (id, name) of those of `ids` that are live (not archived).
pub fn live_names_of(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ClientAccountId],
) -> QueryResult<Vec<(ClientAccountId, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::id.eq_any(ids))
                .and(accounts::archived_at.is_null()),
        )
        .select((accounts::id, accounts::name))
        .load(conn)
}

/// The live accounts `user` owns, not churned, whose next check-in is due before `before`.
pub fn check_ins_due(
    conn: &mut DbConn,
    org: OrganizationId,
    user: UserId,
    before: NaiveDateTime,
) -> QueryResult<Vec<AccountRow>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::owner_id.eq(user))
                .and(accounts::archived_at.is_null())
                .and(accounts::own_status.ne("churned"))
                .and(accounts::check_in_due_at.lt(before)),
        )
        .order((accounts::check_in_due_at.asc(), accounts::id.asc()))
        .select(AccountRow::as_select())
        .load(conn)
}

/// Those of `ids` that are live customer accounts (retention).
pub fn live_customers(
    conn: &mut DbConn,
    org: OrganizationId,
    ids: &[ClientAccountId],
) -> QueryResult<Vec<AccountRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::id.eq_any(ids))
                .and(accounts::is_customer.eq(true))
                .and(accounts::archived_at.is_null()),
        )
        .order(accounts::id.asc())
        .select(AccountRow::as_select())
        .load(conn)
}

/// Live accounts churned on a day in [from, to] to a named competitor.
pub fn churned_to_competitors(
    conn: &mut DbConn,
    org: OrganizationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<AccountRow>> {
    accounts::table
        .filter(
            accounts::organization_id
                .eq(org)
                .and(accounts::archived_at.is_null())
                .and(accounts::own_status.eq("churned"))
                .and(accounts::lost_to_competitor_id.is_not_null())
                .and(accounts::churned_on.ge(from))
                .and(accounts::churned_on.le(to)),
        )
        .order(accounts::id.asc())
        .select(AccountRow::as_select())
        .load(conn)
}
