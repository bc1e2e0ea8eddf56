//! The authenticated caller, extracted from `Authorization: Bearer <jwt | api key>`.

use std::future::Future;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use uuid::Uuid;

use super::policy::{self, Permission};
use super::secrets;
use crate::app::AppState;
use crate::db::{self, SqlUuid};
use crate::domain::identity::Role;
use crate::domain::ids::{ApiKeyId, OrganizationId, UserId};
use crate::http::error::ApiError;
use diesel::OptionalExtension;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    User(UserId),
    /// A key acts with its own role on behalf of the user who created it.
    ApiKey {
        id: ApiKeyId,
        created_by: UserId,
    },
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub org: OrganizationId,
    pub principal: Principal,
    pub role: Role,
}

impl Caller {
    /// The id that scopes idempotency keys: the user, or the API key itself.
    pub fn principal_id(&self) -> Uuid {
        match self.principal {
            Principal::User(id) => id.0,
            Principal::ApiKey { id, .. } => id.0,
        }
    }

    /// The user on whose behalf this request acts (an API key's creator).
    pub fn user_id(&self) -> UserId {
        match self.principal {
            Principal::User(id) => id,
            Principal::ApiKey { created_by, .. } => created_by,
        }
    }

    pub fn org_sql(&self) -> SqlUuid {
        SqlUuid(self.org.0)
    }

    pub fn can(&self, permission: Permission) -> bool {
        policy::allows(self.role, permission)
    }

    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(ApiError::forbidden(permission.as_str()))
        }
    }
}

fn bearer(req: &HttpRequest) -> Result<String, ApiError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .ok_or_else(|| {
            ApiError::unauthorized(
                "unauthenticated",
                "send Authorization: Bearer <token or API key>",
            )
        })?;
    let value = header.to_str().map_err(|_| {
        ApiError::unauthorized(
            "invalid_token",
            "the Authorization header is not readable text",
        )
    })?;
    let (scheme, token) = value.split_once(' ').ok_or_else(|| {
        ApiError::unauthorized("invalid_token", "expected `Authorization: Bearer <token>`")
    })?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::unauthorized(
            "invalid_token",
            "expected `Authorization: Bearer <token>`",
        ));
    }
    Ok(token.trim().to_owned())
}

fn current_role(row: &crate::db::users::UserRow) -> Result<Role, ApiError> {
    row.role
        .parse::<Role>()
        .map_err(|_| ApiError::internal("stored user has an unknown role"))
}

/// Checks the credential and reads the principal's current standing: a deactivated user's
/// tokens and keys stop working at once, and a role change applies to the next request.
async fn authenticate(state: web::Data<AppState>, token: String) -> Result<Caller, ApiError> {
    if !secrets::is_api_key(&token) {
        let claims = state.jwt.verify(&token).map_err(|e| {
            let detail = match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    "the access token has expired; refresh it"
                }
                _ => "the access token is not valid",
            };
            ApiError::unauthorized("invalid_token", detail)
        })?;
        if claims.typ != "access" {
            return Err(ApiError::unauthorized(
                "invalid_token",
                "not an access token",
            ));
        }
        let (org, user) = (OrganizationId(claims.org), UserId(claims.sub));
        return state
            .read(move |conn| {
                let row = db::users::find(conn, SqlUuid(org.0), SqlUuid(user.0))
                    .optional()?
                    .filter(|u| u.is_active)
                    .ok_or_else(|| {
                        ApiError::unauthorized(
                            "user_inactive",
                            "this user no longer exists or has been deactivated",
                        )
                    })?;
                Ok(Caller {
                    org,
                    principal: Principal::User(user),
                    role: current_role(&row)?,
                })
            })
            .await;
    }
    let hash = secrets::sha256_hex(token.as_bytes());
    state
        .read(move |conn| {
            let row = db::api_keys::find_by_hash(conn, &hash)?
                .filter(|k| k.revoked_at.is_none())
                .ok_or_else(|| {
                    ApiError::unauthorized("invalid_api_key", "the API key is unknown or revoked")
                })?;
            let creator = db::users::find(conn, row.organization_id, row.created_by)?;
            if !creator.is_active {
                return Err(ApiError::unauthorized(
                    "invalid_api_key",
                    "the user this API key acts for has been deactivated",
                ));
            }
            let now = db::now();
            if row
                .last_used_at
                .is_none_or(|t| t < now - chrono::Duration::seconds(60))
            {
                db::write_transaction(conn, |c| db::api_keys::touch(c, &row, now))?;
            }
            let role = row
                .role
                .parse::<Role>()
                .map_err(|_| ApiError::internal("stored API key has an unknown role"))?
                .capped_by(current_role(&creator)?);
            Ok(Caller {
                org: OrganizationId(row.organization_id.0),
                principal: Principal::ApiKey {
                    id: ApiKeyId(row.id.0),
                    created_by: UserId(row.created_by.0),
                },
                role,
            })
        })
        .await
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        if let Some(caller) = req.extensions().get::<Caller>() {
            let caller = caller.clone();
            return Box::pin(async move { Ok(caller) });
        }
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        let req = req.clone();
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let caller = authenticate(state, token?).await?;
            req.extensions_mut().insert(caller.clone());
            Ok(caller)
        })
    }
}
