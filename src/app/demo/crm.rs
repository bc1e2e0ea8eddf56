//! The demo's people and relationships: the team, the client accounts and vendors, their
//! contacts, a quarter of interactions, follow-ups, feedback and requests, the pipeline with
//! its proposals, risks with an action plan, this quarter's targets and an account plan.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};
use uuid::Uuid;

use super::{id_of, input_of, step, DemoError, Seed};
use crate::app::crm::account_plans::{AccountPlan, PlanObjective, PlanReview, PlanStakeholder};
use crate::app::crm::accounts::Account;
use crate::app::crm::contacts::Contact;
use crate::app::crm::feedback::Feedback;
use crate::app::crm::interactions::Interaction;
use crate::app::crm::opportunities::Opportunity;
use crate::app::crm::proposals::Proposal;
use crate::app::crm::requests::Request;
use crate::app::crm::risks::Risk;
use crate::app::crm::targets::Target;
use crate::app::crm::tasks::Task;
use crate::app::identity::teams::Team;
use crate::app::identity::users;
use crate::app::input::IfMatch;
use crate::app::record;
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
const PRIYA: usize = 0;
const DANIEL: usize = 1;
const ELENA: usize = 2;
const TOM: usize = 3;

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
    fn user(&self, index: usize) -> Uuid {
        self.users.get(index).copied().unwrap_or_default()
    }
}

/// A contact: name, job title, seniority, influence, decision maker.
type ContactSeed = (&'static str, &'static str, &'static str, &'static str, bool);

/// A client account and the rhythm of its relationship.
struct Client {
    key: &'static str,
    name: &'static str,
    legal_name: &'static str,
    industry: &'static str,
    domain: &'static str,
    tier: &'static str,
    owner: usize,
    /// `active` or `prospect`.
    status: &'static str,
    goals: &'static str,
    competitors: &'static [&'static str],
    contacts: [ContactSeed; 2],
    /// Days since the last touch, and between touches, over the last 90 days.
    last: i64,
    every: i64,
    /// The manager's reading of each touch, newest first (repeating).
    sentiments: &'static [i32],
}

const CLIENTS: [Client; 9] = [
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
            ("Maya Lindqvist", "Chief Scientific Officer", "c_level", "economic_buyer", true),
            ("Owen Park", "Director of Research IT", "director", "champion", true),
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
            ("Carla Mendes", "Chief Operating Officer", "c_level", "economic_buyer", true),
            ("Raj Patel", "Head of Fleet Operations", "director", "technical_buyer", true),
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
            ("Liam O'Connor", "Crew Planning Manager", "manager", "user", false),
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
            ("Hannah Weiss", "Chief Technology Officer", "c_level", "economic_buyer", true),
            ("Marcus Lee", "Engineering Manager", "manager", "champion", false),
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
            ("Ava Thompson", "E-commerce Lead", "manager", "champion", false),
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
            ("Nora Castillo", "Chief Financial Officer", "c_level", "economic_buyer", true),
            ("Ben Adler", "Merchandising Director", "director", "neutral", false),
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
            ("Grace Kim", "Managing Partner", "c_level", "economic_buyer", true),
            ("Tariq Hassan", "Operations Manager", "manager", "user", false),
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
            ("Elise Moreau", "Chief Member Officer", "c_level", "economic_buyer", true),
            ("Sam Rivera", "IT Director", "director", "technical_buyer", true),
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
            ("Priscilla Vaughn", "General Manager", "vp", "economic_buyer", true),
            ("Theo Nakamura", "Guest Experience Manager", "manager", "champion", false),
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

/// A client's contacts, in [`Client::contacts`] order.
type ContactIds = HashMap<&'static str, Vec<Uuid>>;

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
    let contacts = accounts(seed, people, &mut made).await?;
    let touches = interactions(seed, &contacts, &mut made).await?;
    follow_ups(seed, people, &contacts, &mut made).await?;
    let opportunities = pipeline(seed, people, &touches, &mut made).await?;
    risks(seed, people, &mut made).await?;
    targets(seed, people, &mut made).await?;
    plan(seed, people, &contacts, &opportunities, &made).await?;
    Ok(made)
}

async fn accounts(
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

/// What a touch of each kind is about: kind, direction, subject, what happened.
const TOUCHES: [(&str, &str, &str, &str); 6] = [
    (
        "meeting",
        "outbound",
        "Quarterly business review",
        "Walked through adoption, open tickets and next quarter's priorities.",
    ),
    (
        "call",
        "outbound",
        "Monthly check-in call",
        "Usage is steady; agreed to look at the reporting backlog together.",
    ),
    (
        "email",
        "inbound",
        "Question about the data export",
        "Asked how to schedule the nightly export; sent the guide and offered a session.",
    ),
    (
        "check_in",
        "outbound",
        "Health check-in",
        "Reviewed the health score and the support queue; no blockers raised.",
    ),
    (
        "visit",
        "outbound",
        "On-site visit",
        "Met the wider team on site and mapped who uses which dashboards.",
    ),
    (
        "call",
        "inbound",
        "Renewal questions",
        "Went through pricing tiers and the renewal timeline.",
    ),
];

/// The interactions of one account, with the ids proposals cite: newest first.
type Touches = HashMap<&'static str, Vec<Uuid>>;

async fn interactions(
    seed: &Seed<'_>,
    contacts: &ContactIds,
    made: &mut Relationships,
) -> Result<Touches, DemoError> {
    let mut touches = Touches::new();
    for (ci, c) in CLIENTS.iter().enumerate() {
        let account = made.of(c.key);
        let people = contacts.get(c.key).cloned().unwrap_or_default();
        let mut ids = Vec::new();
        let mut days = c.last;
        let mut i = 0usize;
        while days <= 88 {
            let Some(&(kind, direction, subject, summary)) = TOUCHES.get((ci + i) % TOUCHES.len())
            else {
                break;
            };
            let with: Vec<Uuid> = match kind {
                "meeting" | "visit" => people.clone(),
                _ => people.get(i % 2).copied().into_iter().collect(),
            };
            let sentiment = c.sentiments.get(i % c.sentiments.len().max(1)).copied();
            let mut body = json!({
                "account_id": account,
                "contact_ids": with,
                "kind": kind,
                "direction": direction,
                "occurred_at": seed.at(days, 9 + (i as u32 % 7)),
                "subject": subject,
                "summary": summary,
                "sentiment": sentiment,
            });
            if i == 0 {
                // The latest touch leaves a next step, due a week later (for some, already
                // past: the follow-ups on the agenda).
                body["next_step"] = json!(format!("Follow up with {} on the agreed actions", c.name));
                body["follow_up_on"] = json!(seed.day(days - 7));
            }
            let what = format!("an interaction with {}", c.name);
            let answer = seed.create::<Interaction>(&what, body).await?;
            ids.push(id_of(&what, &answer)?);
            made.interactions += 1;
            days += c.every;
            i += 1;
        }
        touches.insert(c.key, ids);
    }
    // What the team heard about a competitor: an internal note, not a check-in.
    let note = seed
        .create::<Interaction>(
            "a note on Meridian Freight",
            json!({
                "account_id": made.of("meridian"),
                "kind": "note",
                "direction": "internal",
                "occurred_at": seed.at(19, 17),
                "subject": "Atlas Route Systems pitched the fleet team",
                "summary": "Raj mentioned Atlas offered a free pilot and 15% below our renewal price.",
            }),
        )
        .await?;
    touches
        .entry("meridian")
        .or_default()
        .push(id_of("a note on Meridian Freight", &note)?);
    made.interactions += 1;
    Ok(touches)
}

async fn follow_ups(
    seed: &Seed<'_>,
    people: &People,
    contacts: &ContactIds,
    made: &mut Relationships,
) -> Result<(), DemoError> {
    // account, assignee, title, due (days from today; negative is past), priority, status
    let tasks: [(&str, usize, &str, i64, &str, &str); 6] = [
        ("halcyon", PRIYA, "Send the add-on proposal redlines to Owen Park", 3, "high", "open"),
        ("meridian", PRIYA, "Prepare the 12-month ROI review for Carla Mendes", 4, "urgent", "open"),
        ("bluewater", DANIEL, "Draft the QBR agenda with crew-planning metrics", 9, "normal", "open"),
        ("brightside", ELENA, "Book the overdue check-in with Nora Castillo", -3, "high", "open"),
        ("harborview", TOM, "Confirm the pilot budget and the decision date", 6, "normal", "open"),
        ("summit", TOM, "Send the onboarding checklist for the new resort", -20, "normal", "done"),
    ];
    for (key, who, title, due, priority, status) in tasks {
        seed.create::<Task>(
            &format!("the task {title:?}"),
            json!({
                "account_id": made.of(key),
                "assignee_id": people.user(who),
                "title": title,
                "due_on": seed.day(-due),
                "priority": priority,
                "status": status,
            }),
        )
        .await?;
        made.tasks += 1;
    }
    // account, contact (0 or 1), kind, score, comment, days ago
    let scores: [(&str, usize, &str, i32, &str, i64); 10] = [
        ("halcyon", 1, "nps", 9, "The research IT team relies on it daily.", 30),
        ("halcyon", 0, "csat", 5, "Quick answers during the site rollout.", 8),
        ("meridian", 0, "nps", 5, "Good product; the price is hard to justify to finance.", 25),
        ("meridian", 1, "csat", 3, "Support took a week on the routing issue.", 12),
        ("bluewater", 0, "csat", 4, "", 20),
        ("copperleaf", 1, "nps", 8, "Dashboards save the squads hours.", 40),
        ("granite", 1, "csat", 4, "", 15),
        ("brightside", 0, "csat", 2, "The quarterly report came late again.", 52),
        ("lumen", 0, "nps", 6, "", 33),
        ("summit", 1, "csat", 5, "The guest dashboard is a hit with managers.", 22),
    ];
    for (key, contact, kind, score, comment, days) in scores {
        let mut body = json!({
            "account_id": made.of(key),
            "contact_id": contacts.get(key).and_then(|c| c.get(contact)),
            "kind": kind,
            "score": score,
            "received_on": seed.day(days),
        });
        if !comment.is_empty() {
            body["comment"] = json!(comment);
        }
        seed.create::<Feedback>("a feedback score", body).await?;
        made.feedback += 1;
    }
    let requests = [
        (
            "halcyon",
            "feature_request",
            "Export lab results to the LIMS every night",
            "open",
        ),
        (
            "bluewater",
            "issue",
            "Roster import failed for the next month's schedule",
            "answered",
        ),
    ];
    for (key, kind, summary, status) in requests {
        seed.create::<Request>(
            "a client request",
            json!({
                "account_id": made.of(key),
                "contact_id": contacts.get(key).and_then(|c| c.get(1)),
                "kind": kind,
                "summary": summary,
                "routed_to_team_id": people.team,
                "status": status,
            }),
        )
        .await?;
        made.requests += 1;
    }
    Ok(())
}

/// How an opportunity ends up.
enum Close {
    Open,
    /// Won this many days ago.
    Won(i64),
    /// Lost this many days ago, why, and to whom.
    Lost(i64, &'static str, &'static str),
}

/// The opportunities the account plan names, by key.
type Opportunities = HashMap<&'static str, Uuid>;

async fn pipeline(
    seed: &Seed<'_>,
    people: &People,
    touches: &Touches,
    made: &mut Relationships,
) -> Result<Opportunities, DemoError> {
    // key, account, owner, kind, name, amount, stage, probability, expected close (days
    // from today), how it ends
    let deals: [(&str, &str, usize, &str, &str, &str, &str, i32, i64, Close); 9] = [
        ("halcyon-renewal", "halcyon", PRIYA, "renewal", "Platform renewal, three research sites", "180000.00", "negotiation", 80, -40, Close::Won(40)),
        ("halcyon-addon", "halcyon", PRIYA, "upsell", "Advanced analytics add-on", "45000.00", "negotiation", 60, 20, Close::Open),
        ("meridian-renewal", "meridian", PRIYA, "renewal", "Fleet tracking renewal", "96000.00", "proposal", 40, 30, Close::Open),
        ("bluewater-crew", "bluewater", DANIEL, "cross_sell", "Crew scheduling module", "60000.00", "qualification", 20, 60, Close::Open),
        ("copperleaf-seats", "copperleaf", DANIEL, "upsell", "Fifty more seats", "24000.00", "negotiation", 75, -15, Close::Won(15)),
        ("granite-renewal", "granite", ELENA, "renewal", "E-commerce analytics renewal", "38000.00", "negotiation", 70, 10, Close::Open),
        ("lumen-forecasting", "lumen", TOM, "upsell", "Forecasting workbench", "12000.00", "proposal", 40, -25, Close::Lost(25, "Budget frozen until the next fiscal year", "Quanta Insights")),
        ("harborview-pilot", "harborview", TOM, "new_business", "Member analytics pilot", "30000.00", "qualification", 25, 45, Close::Open),
        ("summit-renewal", "summit", TOM, "renewal", "Guest insights renewal", "18000.00", "proposal", 50, 25, Close::Open),
    ];
    let mut ids = Opportunities::new();
    for (key, account, owner, kind, name, amount, stage, probability, close, end) in deals {
        let what = format!("the opportunity {name:?}");
        let answer = seed
            .create::<Opportunity>(
                &what,
                json!({
                    "account_id": made.of(account),
                    "owner_id": people.user(owner),
                    "kind": kind,
                    "name": name,
                    "amount": amount,
                    "stage": stage,
                    "probability": probability,
                    "expected_close_on": seed.day(-close),
                }),
            )
            .await?;
        let id = id_of(&what, &answer)?;
        // Closing is a change of its own, as it happens (`opportunity.won`, `.lost`).
        let closing = match end {
            Close::Open => None,
            Close::Won(days) => Some(json!({"stage": "won", "closed_on": seed.day(days)})),
            Close::Lost(days, reason, competitor) => Some(json!({
                "stage": "lost",
                "closed_on": seed.day(days),
                "lost_reason": reason,
                "lost_to_competitor_id": competitor,
            })),
        };
        if let Some(patch) = closing {
            let patch = input_of(&what, patch)?;
            record::update::<Opportunity>(seed.app, &seed.cx, id.into(), IfMatch::Any, patch)
                .await
                .map_err(|e| step(format!("closing {what}"), e))?;
        }
        ids.insert(key, id);
        made.opportunities += 1;
    }
    let of = |key: &str| ids.get(key).copied().unwrap_or_default();
    let meridian_touches = touches.get("meridian").cloned().unwrap_or_default();
    let proposals = [
        json!({
            "opportunity_id": of("halcyon-renewal"),
            "status": "accepted",
            "sent_on": seed.day(55),
            "valid_until": seed.day(25),
            "amount": "180000.00",
            "term_months": 12,
            "summary": "Renewal of all three research sites on one date, 12 months.",
            "client_input": "Wanted a single renewal date for every site.",
        }),
        json!({
            "opportunity_id": of("halcyon-addon"),
            "status": "sent",
            "sent_on": seed.day(12),
            "valid_until": seed.day(-18),
            "amount": "45000.00",
            "discount_percent": "5",
            "term_months": 12,
            "summary": "Advanced analytics for the genomics group, co-termed with the platform.",
        }),
        json!({
            "opportunity_id": of("meridian-renewal"),
            "status": "rejected",
            "sent_on": seed.day(24),
            "valid_until": seed.day(-6),
            "amount": "96000.00",
            "term_months": 12,
            "summary": "Like-for-like renewal, 12 months.",
            "client_input": "Atlas Route Systems quoted 15% less.",
        }),
        json!({
            "opportunity_id": of("meridian-renewal"),
            "status": "sent",
            "sent_on": seed.day(5),
            "valid_until": seed.day(-25),
            "amount": "96000.00",
            "discount_percent": "8",
            "term_months": 24,
            "summary": "Two years with the price locked, and a quarterly ROI review.",
            "client_input": "Carla asked for a longer term in exchange for a lower rate.",
            "source_interaction_ids": meridian_touches.first().into_iter().collect::<Vec<_>>(),
        }),
        json!({
            "opportunity_id": of("summit-renewal"),
            "status": "draft",
            "amount": "18000.00",
            "term_months": 12,
            "summary": "Renewal with the new resort added.",
        }),
    ];
    for body in proposals {
        seed.create::<Proposal>("a proposal", body).await?;
        made.proposals += 1;
    }
    Ok(ids)
}

async fn risks(
    seed: &Seed<'_>,
    people: &People,
    made: &mut Relationships,
) -> Result<(), DemoError> {
    seed.create::<Risk>(
        "the risk on Meridian Freight",
        json!({
            "account_id": made.of("meridian"),
            "kind": "competitor_threat",
            "severity": "high",
            "competitor_id": "Atlas Route Systems",
            "description": "Atlas Route Systems is offering a free pilot and a lower price ahead of the renewal; sentiment has dropped since the routing incident.",
            "opened_on": seed.day(18),
            "status": "mitigating",
            "action_plan": [
                {"step": "Executive call with Carla Mendes on the roadmap", "owner_id": people.user(PRIYA), "due_on": seed.day(10), "done": true},
                {"step": "Deliver a 12-month ROI review of fleet tracking", "owner_id": people.user(PRIYA), "due_on": seed.day(-4), "done": false},
                {"step": "Fix the routing issue for good and report the root cause", "owner_id": people.user(DANIEL), "due_on": seed.day(-7), "done": false},
                {"step": "Offer a two-year renewal with the price locked", "owner_id": people.user(PRIYA), "due_on": seed.day(-14), "done": false},
            ],
        }),
    )
    .await?;
    made.risks += 1;
    seed.create::<Risk>(
        "the risk on Brightside Toys",
        json!({
            "account_id": made.of("brightside"),
            "kind": "complaint",
            "severity": "medium",
            "description": "The quarterly sell-through report was late twice in a row.",
            "opened_on": seed.day(52),
            "status": "resolved",
            "resolved_on": seed.day(35),
            "resolution": "Report moved to an automated weekly run; Nora Castillo confirmed it arrives on time.",
            "action_plan": [
                {"step": "Automate the weekly report run", "owner_id": people.user(ELENA), "due_on": seed.day(40), "done": true},
            ],
        }),
    )
    .await?;
    made.risks += 1;
    Ok(())
}

/// The calendar quarter `today` falls in: first and last day.
fn quarter_of(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_month = (today.month0() / 3) * 3 + 1;
    let start = NaiveDate::from_ymd_opt(today.year(), first_month, 1).unwrap_or(today);
    let next = if first_month == 10 {
        NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), first_month + 3, 1)
    };
    let end = next.map(|n| n - Duration::days(1)).unwrap_or(today);
    (start, end)
}

async fn targets(
    seed: &Seed<'_>,
    people: &People,
    made: &mut Relationships,
) -> Result<(), DemoError> {
    let (start, end) = quarter_of(seed.today);
    let personal = [
        (PRIYA, "120000.00"),
        (DANIEL, "75000.00"),
        (ELENA, "45000.00"),
        (TOM, "20000.00"),
    ];
    let mut bodies: Vec<Value> = personal
        .iter()
        .map(|(who, amount)| {
            json!({"user_id": people.user(*who), "period_start": start, "period_end": end,
                   "metric": "revenue_invoiced", "amount": amount})
        })
        .collect();
    for (metric, amount) in [
        ("revenue_invoiced", "260000.00"),
        ("won_amount", "250000.00"),
        ("new_accounts", "1"),
    ] {
        bodies.push(json!({"team_id": people.team, "period_start": start, "period_end": end,
                           "metric": metric, "amount": amount}));
    }
    for body in bodies {
        seed.create::<Target>("a target", body).await?;
        made.targets += 1;
    }
    Ok(())
}

/// The key account's plan: objectives, stakeholders and its last review.
async fn plan(
    seed: &Seed<'_>,
    people: &People,
    contacts: &ContactIds,
    opportunities: &Opportunities,
    made: &Relationships,
) -> Result<(), DemoError> {
    let (start, _) = quarter_of(seed.today);
    let end = start + Duration::days(364);
    let halcyon = contacts.get("halcyon").cloned().unwrap_or_default();
    let maya = halcyon.first().copied().unwrap_or_default();
    let owen = halcyon.get(1).copied().unwrap_or_default();
    let plan = seed
        .create::<AccountPlan>(
            "the account plan of Halcyon Biotech",
            json!({
                "account_id": made.of("halcyon"),
                "title": "Halcyon Biotech: growth plan",
                "period_start": start,
                "period_end": end,
                "status": "active",
                "owner_id": people.user(PRIYA),
                "summary": "Grow from one research site to three and add advanced analytics.",
                "value_for_client": "One view of lab throughput across sites; faster trial readiness.",
                "value_for_us": "Our largest account, a reference in life sciences.",
                "review_every_days": 30,
            }),
        )
        .await?;
    let plan = id_of("the account plan", &plan)?;
    let sites = seed
        .create_under::<PlanObjective>(
            "an objective",
            plan,
            json!({
                "title": "All three research sites live",
                "kind": "adoption",
                "measure": "research sites live",
                "baseline": "1",
                "target": "3",
                "current": "1",
                "unit": "sites",
                "due_on": seed.day(-60),
                "status": "on_track",
                "co_created_with_contact_ids": [owen],
            }),
        )
        .await?;
    let sites = id_of("an objective", &sites)?;
    seed.create_under::<PlanObjective>(
        "an objective",
        plan,
        json!({
            "title": "Annual contract value to $240k",
            "kind": "revenue",
            "measure": "annual contract value",
            "baseline": "180000",
            "target": "240000",
            "current": "180000",
            "unit": "USD",
            "due_on": end,
            "status": "on_track",
            "opportunity_ids": opportunities.get("halcyon-addon").into_iter().collect::<Vec<_>>(),
        }),
    )
    .await?;
    for (contact, role, stance, strength) in [
        (maya, "decision_maker", "supporter", 4),
        (owen, "champion", "supporter", 5),
    ] {
        seed.create_under::<PlanStakeholder>(
            "a stakeholder",
            plan,
            json!({
                "contact_id": contact,
                "decision_role": role,
                "stance": stance,
                "relationship_strength": strength,
                "relationship_owner_id": people.user(PRIYA),
            }),
        )
        .await?;
    }
    seed.create_under::<PlanReview>(
        "a plan review",
        plan,
        json!({
            "held_on": seed.day(10),
            "attendee_user_ids": [people.user(PRIYA), people.user(DANIEL)],
            "attendee_contact_ids": [owen],
            "summary": "Second site went live; the genomics group wants the add-on.",
            "decisions": "Send the add-on proposal; plan the third site for next month.",
            "objective_updates": [{"objective_id": sites, "current": "2", "status": "on_track"}],
        }),
    )
    .await?;
    Ok(())
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

    #[test]
    fn quarters_run_from_their_first_to_their_last_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(quarter_of(d(2025, 2, 14)), (d(2025, 1, 1), d(2025, 3, 31)));
        assert_eq!(quarter_of(d(2025, 12, 31)), (d(2025, 10, 1), d(2025, 12, 31)));
        assert_eq!(quarter_of(d(2024, 5, 1)), (d(2024, 4, 1), d(2024, 6, 30)));
    }
}
