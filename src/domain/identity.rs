//! Roles, titles and emails: the vocabulary of identity and access.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a principal may do; see `auth::policy` for the permissions each role holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Accountant,
    AccountManager,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Owner,
        Role::Admin,
        Role::Accountant,
        Role::AccountManager,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Accountant => "accountant",
            Role::AccountManager => "account_manager",
            Role::Viewer => "viewer",
        }
    }

    /// Whether a holder of `self` may hand out `other` (to a colleague or an API key): never a
    /// role above one's own, and accountants and account managers only their own or viewer.
    pub fn covers(self, other: Role) -> bool {
        match self {
            Role::Owner => true,
            Role::Admin => other != Role::Owner,
            Role::Accountant | Role::AccountManager => other == self || other == Role::Viewer,
            Role::Viewer => other == Role::Viewer,
        }
    }
}

impl Role {
    /// This role as far as `ceiling` allows: an API key never acts above its creator's
    /// current role.
    pub fn capped_by(self, ceiling: Role) -> Role {
        if ceiling.covers(self) {
            self
        } else if self.covers(ceiling) {
            ceiling
        } else {
            Role::Viewer
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// The job title of an account manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Title {
    KeyAccountManager,
    AccountManager,
    SeniorAccountExecutive,
    AccountExecutive,
    JuniorAccountExecutive,
}

impl Title {
    pub const ALL: [Title; 5] = [
        Title::KeyAccountManager,
        Title::AccountManager,
        Title::SeniorAccountExecutive,
        Title::AccountExecutive,
        Title::JuniorAccountExecutive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Title::KeyAccountManager => "key_account_manager",
            Title::AccountManager => "account_manager",
            Title::SeniorAccountExecutive => "senior_account_executive",
            Title::AccountExecutive => "account_executive",
            Title::JuniorAccountExecutive => "junior_account_executive",
        }
    }
}

impl FromStr for Title {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Title::ALL.into_iter().find(|t| t.as_str() == s).ok_or(())
    }
}

/// A normalised (trimmed, lower-case) email address. Emails are the login name, so two
/// spellings of one address must be one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Option<Email> {
        let s = raw.trim().to_lowercase();
        let (local, domain) = s.split_once('@')?;
        let ok = !local.is_empty()
            && local.len() <= 64
            && s.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && !domain.contains('@');
        ok.then_some(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_never_cover_a_higher_role() {
        assert!(Role::Owner.covers(Role::Owner));
        assert!(!Role::Admin.covers(Role::Owner));
        assert!(Role::Admin.covers(Role::Accountant));
        assert!(!Role::Accountant.covers(Role::AccountManager));
        assert!(Role::AccountManager.covers(Role::Viewer));
        assert!(!Role::Viewer.covers(Role::AccountManager));
        for r in Role::ALL {
            assert!(r.covers(r));
            assert!(r.covers(Role::Viewer));
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
    }

    #[test]
    fn capping_never_raises_a_role() {
        assert_eq!(Role::Admin.capped_by(Role::Viewer), Role::Viewer);
        assert_eq!(Role::Viewer.capped_by(Role::Admin), Role::Viewer);
        assert_eq!(
            Role::Accountant.capped_by(Role::AccountManager),
            Role::Viewer
        );
        assert_eq!(Role::Admin.capped_by(Role::Owner), Role::Admin);
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ada@Example.COM ").map(|e| e.0),
            Some("ada@example.com".into())
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }
}
