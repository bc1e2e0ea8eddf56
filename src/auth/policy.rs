//! The one place that decides what a role may do. Handlers ask `Caller::require`; they do not
//! compare roles themselves.

use crate::domain::identity::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read anything in the organization (every role).
    Read,
    /// Create and change users and their roles.
    ManageUsers,
    /// Create and change teams and their membership.
    ManageTeams,
    /// Create API keys for oneself and revoke one's own.
    ManageOwnApiKeys,
    /// See and revoke every API key of the organization.
    ManageAllApiKeys,
    /// Write the ledger, receivables, payables and banking.
    WriteBooks,
    /// Write client-relationship records (further narrowed per account by ownership).
    WriteCrm,
    /// Change organization settings such as the lock date.
    ManageOrganization,
    /// Read the change log and the audit trail (who changed what, from what).
    ReadChangeLog,
    /// See and change webhooks and their deliveries (they carry the change log out).
    ManageWebhooks,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Read => "read",
            Permission::ManageUsers => "users:write",
            Permission::ManageTeams => "teams:write",
            Permission::ManageOwnApiKeys => "api_keys:write",
            Permission::ManageAllApiKeys => "api_keys:admin",
            Permission::WriteBooks => "books:write",
            Permission::WriteCrm => "crm:write",
            Permission::ManageOrganization => "organization:write",
            Permission::ReadChangeLog => "events:read",
            Permission::ManageWebhooks => "webhooks:admin",
        }
    }
}

pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    match role {
        Role::Owner | Role::Admin => true,
        Role::Accountant => matches!(permission, Read | ManageOwnApiKeys | WriteBooks),
        Role::AccountManager => matches!(permission, Read | ManageOwnApiKeys | WriteCrm),
        Role::Viewer => matches!(permission, Read | ManageOwnApiKeys),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_only_read() {
        assert!(allows(Role::Viewer, Permission::Read));
        for p in [
            Permission::ManageUsers,
            Permission::ManageTeams,
            Permission::WriteBooks,
            Permission::WriteCrm,
        ] {
            assert!(!allows(Role::Viewer, p), "{p:?}");
        }
    }

    #[test]
    fn accountants_write_books_and_managers_write_crm() {
        assert!(allows(Role::Accountant, Permission::WriteBooks));
        assert!(!allows(Role::Accountant, Permission::WriteCrm));
        assert!(allows(Role::AccountManager, Permission::WriteCrm));
        assert!(!allows(Role::AccountManager, Permission::WriteBooks));
        assert!(allows(Role::Admin, Permission::ManageUsers));
    }
}
