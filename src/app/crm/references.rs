//! What a CRM request may name besides the account: users, teams and competitors. Each
//! check notes a missing reference in the request's [`Check`] (a 422 naming the field), so
//! every broken reference is answered at once; a competitor may also be named by a new name,
//! which creates it.

use uuid::Uuid;

use crate::app::error::{AppError, Check};
use crate::app::unit_of_work::Tx;
use crate::db::crm::competitors::CompetitorRow;
use crate::db::identity::teams::TeamRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::ids::{CompetitorId, OrganizationId, TeamId, UserId};

/// A competitor named by id (must exist) or by name (matched case-insensitively, else created).
pub fn resolve_competitor(
    tx: &mut Tx,
    org: OrganizationId,
    field: &str,
    reference: &str,
    check: &mut Check,
) -> Result<Option<CompetitorId>, AppError> {
    let reference = reference.trim();
    if let Ok(id) = Uuid::parse_str(reference) {
        return match CompetitorRow::find(tx, org, CompetitorId(id)) {
            Ok(c) => Ok(Some(c.id)),
            Err(diesel::result::Error::NotFound) => {
                check.push(
                    field,
                    "not_found",
                    "no such competitor in your organization",
                );
                Ok(None)
            }
            Err(e) => Err(e.into()),
        };
    }
    if reference.is_empty() || reference.chars().count() > 200 {
        check.push(
            field,
            "invalid_reference",
            "a competitor's id or a name of 1 to 200 characters",
        );
        return Ok(None);
    }
    let now = db::now();
    let row = CompetitorRow {
        organization_id: org,
        id: CompetitorId::new(),
        name: reference.to_owned(),
        name_key: reference.to_lowercase(),
        website: None,
        notes: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok(Some(db::crm::competitors::upsert_competitor(tx, &row)?.id))
}

/// Checks that `user` is a user of the caller's organization.
pub fn check_user(
    tx: &mut Tx,
    org: OrganizationId,
    field: &str,
    user: Option<Uuid>,
    check: &mut Check,
) -> Result<Option<UserId>, AppError> {
    let Some(u) = user else { return Ok(None) };
    if db::identity::users::existing_ids(tx, org, &[UserId(u)])?.is_empty() {
        check.push(field, "not_found", "no such user in your organization");
    }
    Ok(Some(UserId(u)))
}

/// Checks that `team` is a team of the caller's organization.
pub fn check_team(
    tx: &mut Tx,
    org: OrganizationId,
    field: &str,
    team: Option<Uuid>,
    check: &mut Check,
) -> Result<Option<TeamId>, AppError> {
    let Some(t) = team else { return Ok(None) };
    match TeamRow::find(tx, org, TeamId(t)) {
        Ok(_) => {}
        Err(diesel::result::Error::NotFound) => {
            check.push(field, "not_found", "no such team in your organization")
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Some(TeamId(t)))
}
