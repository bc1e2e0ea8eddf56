//! The authenticated caller: who acts (a user, or an API key on behalf of its creator), in
//! which organization, with which role.

use uuid::Uuid;

use super::policy::{self, Permission};
use crate::app::error::AppError;
use crate::domain::identity::Role;
use crate::domain::ids::{ApiKeyId, OrganizationId, UserId};

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

    pub fn can(&self, permission: Permission) -> bool {
        policy::allows(self.role, permission)
    }

    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(AppError::forbidden(permission.as_str()))
        }
    }
}
