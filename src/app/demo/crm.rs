//! The demo's relationships, made in the order a team would have made them: accounts and
//! contacts ([`super::clients`]), a quarter of activity ([`super::activity`]), then the
//! pipeline, risks, targets and an account plan ([`super::pipeline`]).

use std::collections::HashMap;

use uuid::Uuid;

use super::team::People;
use super::{activity, clients, pipeline, DemoError, Seed};

/// What the books need from the relationships, and what was made.
pub(super) struct Relationships {
    /// Client and vendor accounts by key.
    pub account: HashMap<&'static str, Uuid>,
    /// Display names by key (for bank lines).
    pub names: HashMap<&'static str, &'static str>,
    pub accounts: usize,
    pub clients: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub tasks: usize,
    pub feedback: usize,
    pub requests: usize,
    pub opportunities: usize,
    pub proposals: usize,
    pub risks: usize,
    pub targets: usize,
}

impl Relationships {
    pub fn of(&self, key: &str) -> Uuid {
        self.account.get(key).copied().unwrap_or_default()
    }
}

/// Each client's contacts, in [`super::clients`]' order.
pub(super) type ContactIds = HashMap<&'static str, Vec<Uuid>>;

/// Each client's interactions, with the ids proposals cite: newest first.
pub(super) type Touches = HashMap<&'static str, Vec<Uuid>>;

/// The opportunities the account plan names, by key.
pub(super) type Opportunities = HashMap<&'static str, Uuid>;

/// Everything of the relationships, in the order a team would have made it.
pub(super) async fn relationships(
    seed: &Seed<'_>,
    people: &People,
) -> Result<Relationships, DemoError> {
    let mut made = Relationships {
        account: HashMap::new(),
        names: HashMap::new(),
        accounts: 0,
        clients: 0,
        contacts: 0,
        interactions: 0,
        tasks: 0,
        feedback: 0,
        requests: 0,
        opportunities: 0,
        proposals: 0,
        risks: 0,
        targets: 0,
    };
    let contacts = clients::accounts(seed, people, &mut made).await?;
    let touches = activity::interactions(seed, people, &contacts, &mut made).await?;
    activity::follow_ups(seed, people, &contacts, &mut made).await?;
    let opportunities = pipeline::pipeline(seed, people, &touches, &mut made).await?;
    pipeline::risks(seed, people, &mut made).await?;
    pipeline::targets(seed, people, &mut made).await?;
    pipeline::plan(seed, people, &contacts, &opportunities, &made).await?;
    Ok(made)
}
