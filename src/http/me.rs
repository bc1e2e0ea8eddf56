use crate::domain::ids::{ApiKeyId, UserId};
use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use super::views::OrganizationView;
use crate::app::App;
use crate::auth::{Caller, Principal};
use crate::db;
use crate::domain::identity::{Role, Title};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    User,
    ApiKey,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    pub principal: PrincipalKind,
    /// The user's id, or the API key's.
    pub id: uuid::Uuid,
    pub name: String,
    pub role: Role,
    /// Users only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
    /// For an API key: the user it acts for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acting_for_user_id: Option<uuid::Uuid>,
    pub organization: OrganizationView,
}

/// Who am I: the user or API key behind the token, and its organization.
#[utoipa::path(tag = "identity", responses((status = 200, description = "The caller", body = MeView)))]
#[get("/me")]
pub async fn me(state: web::Data<App>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let view = state
        .legacy_read(move |conn| {
            let org = db::organizations::find(conn, caller.org)?;
            let view = match caller.principal {
                Principal::User(id) => {
                    let user = db::users::find(conn, caller.org, UserId(id.0))?;
                    if !user.is_active {
                        return Err(crate::app::error::AppError::unauthorized(
                            "user_inactive",
                            "this user has been deactivated",
                        ));
                    }
                    MeView {
                        principal: PrincipalKind::User,
                        id: id.0,
                        name: user.name,
                        role: caller.role,
                        email: Some(user.email),
                        title: user.title.as_deref().and_then(|t| t.parse().ok()),
                        acting_for_user_id: None,
                        organization: org.into(),
                    }
                }
                Principal::ApiKey { id, created_by } => {
                    let key = db::api_keys::find(conn, caller.org, ApiKeyId(id.0))?;
                    MeView {
                        principal: PrincipalKind::ApiKey,
                        id: id.0,
                        name: key.name,
                        role: caller.role,
                        email: None,
                        title: None,
                        acting_for_user_id: Some(created_by.0),
                        organization: org.into(),
                    }
                }
            };
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
