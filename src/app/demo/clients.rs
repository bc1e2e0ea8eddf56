//! The demo's client accounts and vendors, and the decision makers of each client.

use serde_json::json;

use super::crm::{ContactIds, Relationships};
use super::team::{People, DANIEL, ELENA, PRIYA, TOM};
use super::{id_of, DemoError, Seed};
use crate::app::crm::accounts::Account;
use crate::app::crm::contacts::Contact;

/// A contact: name, job title, seniority, influence, decision maker.
type ContactSeed = (&'static str, &'static str, &'static str, &'static str, bool);

/// A client account and the rhythm of its relationship.
pub(super) struct Client {
    pub key: &'static str,
    pub name: &'static str,
    legal_name: &'static str,
    industry: &'static str,
    domain: &'static str,
    tier: &'static str,
    pub owner: usize,
    /// `active` or `prospect`.
    status: &'static str,
    goals: &'static str,
    competitors: &'static [&'static str],
    pub contacts: [ContactSeed; 2],
    /// Days since the last touch, and between touches, over the last 90 days.
    pub last: i64,
    pub every: i64,
    /// The manager's reading of each touch, newest first (repeating).
    pub sentiments: &'static [i32],
}

/// Who owns the client `key` (its index in the team).
pub(super) fn owner_of(key: &str) -> usize {
    CLIENTS
        .iter()
        .find(|c| c.key == key)
        .map_or(PRIYA, |c| c.owner)
}

pub(super) const CLIENTS: [Client; 9] = [
    Client {
        key: "halcyon",
        name: "Halcyon Biotech",
        legal_name: "Halcyon Biotech, Inc.",
        industry: "Biotechnology",
        domain: "halcyon-bio.example",
        tier: "key",
        owner: PRIYA,
        status: "active",
        goals: "Analytics live at all three research sites; one retention policy for lab data.",
        competitors: &["Quanta Insights"],
        contacts: [
            (
                "Maya Lindqvist",
                "Chief Scientific Officer",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Owen Park",
                "Director of Research IT",
                "director",
                "champion",
                true,
            ),
        ],
        last: 3,
        every: 11,
        sentiments: &[5, 4, 5, 4, 4],
    },
    Client {
        key: "meridian",
        name: "Meridian Freight",
        legal_name: "Meridian Freight Holdings LLC",
        industry: "Logistics",
        domain: "meridian-freight.example",
        tier: "key",
        owner: PRIYA,
        status: "active",
        goals: "Cut empty miles by 8% with live fleet analytics.",
        competitors: &["Atlas Route Systems"],
        contacts: [
            (
                "Carla Mendes",
                "Chief Operating Officer",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Raj Patel",
                "Head of Fleet Operations",
                "director",
                "technical_buyer",
                true,
            ),
        ],
        last: 2,
        every: 10,
        sentiments: &[2, 2, 3, 3, 4, 4, 4, 4, 4],
    },
    Client {
        key: "bluewater",
        name: "Bluewater Airlines",
        legal_name: "Bluewater Airlines plc",
        industry: "Aviation",
        domain: "bluewater-air.example",
        tier: "key",
        owner: DANIEL,
        status: "active",
        goals: "Crew rosters planned from one dashboard by the summer schedule.",
        competitors: &[],
        contacts: [
            ("Sofia Grant", "VP Operations", "vp", "economic_buyer", true),
            (
                "Liam O'Connor",
                "Crew Planning Manager",
                "manager",
                "user",
                false,
            ),
        ],
        last: 5,
        every: 13,
        sentiments: &[4, 4, 3, 4],
    },
    Client {
        key: "copperleaf",
        name: "Copperleaf Software",
        legal_name: "Copperleaf Software GmbH",
        industry: "Software",
        domain: "copperleaf.example",
        tier: "strategic",
        owner: DANIEL,
        status: "active",
        goals: "Product analytics for every engineering squad.",
        competitors: &[],
        contacts: [
            (
                "Hannah Weiss",
                "Chief Technology Officer",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Marcus Lee",
                "Engineering Manager",
                "manager",
                "champion",
                false,
            ),
        ],
        last: 8,
        every: 20,
        sentiments: &[4, 5, 4],
    },
    Client {
        key: "granite",
        name: "Granite Peak Outdoor",
        legal_name: "Granite Peak Outdoor Co.",
        industry: "Retail",
        domain: "granitepeak.example",
        tier: "strategic",
        owner: ELENA,
        status: "active",
        goals: "Online conversion up two points before the winter season.",
        competitors: &[],
        contacts: [
            ("Jonas Berg", "VP Digital", "vp", "economic_buyer", true),
            (
                "Ava Thompson",
                "E-commerce Lead",
                "manager",
                "champion",
                false,
            ),
        ],
        last: 12,
        every: 22,
        sentiments: &[4, 4, 5],
    },
    Client {
        key: "brightside",
        name: "Brightside Toys",
        legal_name: "Brightside Toys Ltd",
        industry: "Consumer goods",
        domain: "brightside-toys.example",
        tier: "strategic",
        owner: ELENA,
        status: "active",
        goals: "Weekly sell-through reports for the top 200 products.",
        competitors: &[],
        contacts: [
            (
                "Nora Castillo",
                "Chief Financial Officer",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Ben Adler",
                "Merchandising Director",
                "director",
                "neutral",
                false,
            ),
        ],
        last: 40,
        every: 21,
        sentiments: &[3, 2, 3],
    },
    Client {
        key: "lumen",
        name: "Lumen Analytics",
        legal_name: "Lumen Analytics LLP",
        industry: "Professional services",
        domain: "lumen-analytics.example",
        tier: "standard",
        owner: TOM,
        status: "active",
        goals: "Client reporting in days, not weeks.",
        competitors: &["Quanta Insights"],
        contacts: [
            (
                "Grace Kim",
                "Managing Partner",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Tariq Hassan",
                "Operations Manager",
                "manager",
                "user",
                false,
            ),
        ],
        last: 15,
        every: 35,
        sentiments: &[3, 3, 4],
    },
    Client {
        key: "harborview",
        name: "Harborview Credit Union",
        legal_name: "Harborview Federal Credit Union",
        industry: "Financial services",
        domain: "harborview-cu.example",
        tier: "standard",
        owner: TOM,
        status: "prospect",
        goals: "A member analytics pilot before the annual meeting.",
        competitors: &["Atlas Route Systems"],
        contacts: [
            (
                "Elise Moreau",
                "Chief Member Officer",
                "c_level",
                "economic_buyer",
                true,
            ),
            (
                "Sam Rivera",
                "IT Director",
                "director",
                "technical_buyer",
                true,
            ),
        ],
        last: 6,
        every: 30,
        sentiments: &[4, 4, 3],
    },
    Client {
        key: "summit",
        name: "Summit Ridge Resorts",
        legal_name: "Summit Ridge Resorts Inc.",
        industry: "Hospitality",
        domain: "summitridge.example",
        tier: "standard",
        owner: TOM,
        status: "active",
        goals: "Guest satisfaction tracked per resort, every week.",
        competitors: &[],
        contacts: [
            (
                "Priscilla Vaughn",
                "General Manager",
                "vp",
                "economic_buyer",
                true,
            ),
            (
                "Theo Nakamura",
                "Guest Experience Manager",
                "manager",
                "champion",
                false,
            ),
        ],
        last: 20,
        every: 40,
        sentiments: &[5, 4],
    },
];

/// Vendors: key, name, industry.
const VENDORS: [(&str, &str, &str); 3] = [
    ("stratus", "Stratus Cloud Hosting", "Cloud infrastructure"),
    ("keystone", "Keystone Workspace", "Commercial real estate"),
    ("northstar", "Northstar Legal LLP", "Legal services"),
];

pub(super) async fn accounts(
    seed: &Seed<'_>,
    people: &People,
    made: &mut Relationships,
) -> Result<ContactIds, DemoError> {
    let mut contacts = ContactIds::new();
    for c in &CLIENTS {
        let what = format!("the account {}", c.name);
        let account = seed
            .create::<Account>(
                &what,
                json!({
                    "name": c.name,
                    "legal_name": c.legal_name,
                    "industry": c.industry,
                    "website": format!("https://www.{}", c.domain),
                    "tier": c.tier,
                    "status": c.status,
                    "is_customer": c.status == "active",
                    "owner_id": people.user(c.owner),
                    "team_id": people.team,
                    "goals": c.goals,
                    "competitor_ids": c.competitors,
                    "tags": [c.tier, c.industry.to_lowercase()],
                }),
            )
            .await?;
        let account = id_of(&what, &account)?;
        made.account.insert(c.key, account);
        made.names.insert(c.key, c.name);
        made.accounts += 1;
        made.clients += 1;
        let mut ids = Vec::new();
        for (name, title, seniority, influence, decides) in &c.contacts {
            let what = format!("the contact {name}");
            let email = format!(
                "{}@{}",
                name.to_lowercase()
                    .replace('\'', "")
                    .replacen(' ', ".", 1)
                    .replace(' ', ""),
                c.domain
            );
            let contact = seed
                .create::<Contact>(
                    &what,
                    json!({
                        "account_id": account,
                        "name": name,
                        "title": title,
                        "seniority": seniority,
                        "email": email,
                        "phone": format!("+1 555 01{:02}", made.contacts + 10),
                        "is_decision_maker": decides,
                        "influence": influence,
                    }),
                )
                .await?;
            ids.push(id_of(&what, &contact)?);
            made.contacts += 1;
        }
        contacts.insert(c.key, ids);
    }
    for (key, name, industry) in VENDORS {
        let what = format!("the vendor {name}");
        let vendor = seed
            .create::<Account>(
                &what,
                json!({
                    "name": name,
                    "industry": industry,
                    "tier": "standard",
                    "is_customer": false,
                    "is_vendor": true,
                    "tags": ["vendor"],
                }),
            )
            .await?;
        made.account.insert(key, id_of(&what, &vendor)?);
        made.names.insert(key, name);
        made.accounts += 1;
    }
    Ok(contacts)
}
