//! Response shapes shared by several resources.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::organizations::OrganizationRow;
use crate::db::users::UserRow;
use crate::domain::identity::{Role, Title};
use crate::domain::ids::{OrganizationId, UserId};

pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    pub id: OrganizationId,
    pub name: String,
    /// ISO 4217 code of the currency the books are kept in.
    #[schema(example = "USD")]
    pub base_currency: String,
    /// The month (1-12) the fiscal year starts in.
    pub fiscal_year_start_month: i16,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<OrganizationRow> for OrganizationView {
    fn from(r: OrganizationRow) -> Self {
        OrganizationView {
            id: OrganizationId(r.id.0),
            name: r.name,
            base_currency: r.base_currency,
            fiscal_year_start_month: r.fiscal_year_start_month,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: UserId,
    pub organization_id: OrganizationId,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Job title; account managers only.
    pub title: Option<Title>,
    pub is_active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UserRow> for UserView {
    fn from(r: UserRow) -> Self {
        UserView {
            id: UserId(r.id.0),
            organization_id: OrganizationId(r.organization_id.0),
            name: r.name,
            email: r.email,
            role: r.role.parse().unwrap_or(Role::Viewer),
            title: r.title.as_deref().and_then(|t| t.parse().ok()),
            is_active: r.is_active,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}
