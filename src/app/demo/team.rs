//! The demo's team: four account managers, one per title but the junior one, who sign in
//! with plus-tagged addresses of the owner's and the demo's password.

use serde_json::json;
use uuid::Uuid;

use super::{id_of, input_of, step, DemoError, Seed};
use crate::app::identity::teams::Team;
use crate::app::identity::users;
use crate::domain::identity::Email;

/// An account manager of the demo team.
struct Person {
    first: &'static str,
    name: &'static str,
    title: &'static str,
}

/// One of each title but the junior one: the team lead first.
const TEAM: [Person; 4] = [
    Person {
        first: "priya",
        name: "Priya Shah",
        title: "key_account_manager",
    },
    Person {
        first: "daniel",
        name: "Daniel Okafor",
        title: "account_manager",
    },
    Person {
        first: "elena",
        name: "Elena Rossi",
        title: "senior_account_executive",
    },
    Person {
        first: "tom",
        name: "Tom Becker",
        title: "account_executive",
    },
];
pub(super) const PRIYA: usize = 0;
pub(super) const DANIEL: usize = 1;
pub(super) const ELENA: usize = 2;
pub(super) const TOM: usize = 3;

/// A team member's address: the owner's, plus-tagged with their first name, so every demo
/// (one per owner email) has its own.
fn member_email(owner: &str, first: &str) -> String {
    match owner.rsplit_once('@') {
        Some((local, domain)) => format!("{local}+{first}@{domain}"),
        None => format!("{first}@{owner}"),
    }
}

/// The team as the sign-in message lists it: name, title in words, email.
pub(super) fn team_emails(owner: &str) -> Vec<(String, String, String)> {
    TEAM.iter()
        .map(|p| {
            (
                p.name.to_owned(),
                p.title.replace('_', " "),
                member_email(owner, p.first),
            )
        })
        .collect()
}

/// Who works in the demo.
pub(super) struct People {
    /// The account managers, in [`TEAM`]'s order.
    pub users: Vec<Uuid>,
    pub team: Uuid,
}

/// The account managers and their team.
pub(super) async fn people(
    seed: &Seed<'_>,
    owner: &Email,
    password: &str,
) -> Result<People, DemoError> {
    let mut ids = Vec::with_capacity(TEAM.len());
    for p in &TEAM {
        let what = format!("the user {}", p.name);
        let request = input_of(
            &what,
            json!({
                "name": p.name,
                "email": member_email(owner.as_str(), p.first),
                "password": password,
                "role": "account_manager",
                "title": p.title,
            }),
        )?;
        let outcome = users::create(seed.app, &seed.cx, request)
            .await
            .map_err(|e| step(format!("creating {what}"), e))?;
        ids.push(id_of(&what, &super::answer_of(&what, &outcome)?)?);
    }
    let lead = *ids.get(PRIYA).unwrap_or(&Uuid::nil());
    let team = seed
        .create::<Team>(
            "the team",
            json!({"name": "Account Management", "lead_id": lead, "member_ids": ids}),
        )
        .await?;
    Ok(People {
        team: id_of("the team", &team)?,
        users: ids,
    })
}

impl People {
    pub fn user(&self, index: usize) -> Uuid {
        self.users.get(index).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_addresses_are_plus_tagged_on_the_owners() {
        let team = team_emails("demo@northwind.example");
        let emails: Vec<&str> = team.iter().map(|(_, _, e)| e.as_str()).collect();
        assert_eq!(
            emails,
            [
                "demo+priya@northwind.example",
                "demo+daniel@northwind.example",
                "demo+elena@northwind.example",
                "demo+tom@northwind.example"
            ]
        );
    }

    #[test]
    fn the_team_has_four_different_titles() {
        let mut titles: Vec<&str> = TEAM.iter().map(|p| p.title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), 4);
    }
}
