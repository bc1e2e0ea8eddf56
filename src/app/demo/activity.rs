//! A quarter of the relationships' life: interactions at each account's rhythm, the
//! follow-ups they left, what clients scored and asked for.

use serde_json::json;
use uuid::Uuid;

use super::clients::{owner_of, CLIENTS};
use super::crm::{ContactIds, Relationships, Touches};
use super::team::{People, DANIEL, ELENA, PRIYA, TOM};
use super::{id_of, DemoError, Seed};
use crate::app::crm::feedback::Feedback;
use crate::app::crm::interactions::Interaction;
use crate::app::crm::requests::Request;
use crate::app::crm::tasks::Task;

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

pub(super) async fn interactions(
    seed: &Seed<'_>,
    team: &People,
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
                body["next_step"] =
                    json!(format!("Follow up with {} on the agreed actions", c.name));
                body["follow_up_on"] = json!(seed.day(days - 7));
            }
            let what = format!("an interaction with {}", c.name);
            let by = seed.acting_as(team.user(c.owner));
            let answer = by.create::<Interaction>(&what, body).await?;
            ids.push(id_of(&what, &answer)?);
            made.interactions += 1;
            days += c.every;
            i += 1;
        }
        touches.insert(c.key, ids);
    }
    // What the team heard about a competitor: an internal note, not a check-in.
    let note = seed
        .acting_as(team.user(PRIYA))
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

pub(super) async fn follow_ups(
    seed: &Seed<'_>,
    people: &People,
    contacts: &ContactIds,
    made: &mut Relationships,
) -> Result<(), DemoError> {
    // account, assignee, title, due (days from today; negative is past), priority, status
    let tasks: [(&str, usize, &str, i64, &str, &str); 6] = [
        (
            "halcyon",
            PRIYA,
            "Send the add-on proposal redlines to Owen Park",
            0,
            "high",
            "open",
        ),
        (
            "meridian",
            PRIYA,
            "Prepare the 12-month ROI review for Carla Mendes",
            4,
            "urgent",
            "open",
        ),
        (
            "bluewater",
            DANIEL,
            "Draft the QBR agenda with crew-planning metrics",
            9,
            "normal",
            "open",
        ),
        (
            "brightside",
            ELENA,
            "Book the overdue check-in with Nora Castillo",
            -3,
            "high",
            "open",
        ),
        (
            "harborview",
            TOM,
            "Confirm the pilot budget and the decision date",
            6,
            "normal",
            "open",
        ),
        (
            "summit",
            TOM,
            "Send the onboarding checklist for the new resort",
            -20,
            "normal",
            "done",
        ),
    ];
    for (key, who, title, due, priority, status) in tasks {
        seed.acting_as(people.user(who))
            .create::<Task>(
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
    let scores: [(&str, usize, &str, i32, &str, i64); 12] = [
        (
            "halcyon",
            1,
            "nps",
            9,
            "The research IT team relies on it daily.",
            30,
        ),
        (
            "halcyon",
            0,
            "csat",
            5,
            "Quick answers during the site rollout.",
            8,
        ),
        (
            "meridian",
            0,
            "nps",
            5,
            "Good product; the price is hard to justify to finance.",
            25,
        ),
        (
            "meridian",
            1,
            "csat",
            3,
            "Support took a week on the routing issue.",
            12,
        ),
        ("bluewater", 0, "csat", 4, "", 20),
        (
            "copperleaf",
            1,
            "nps",
            8,
            "Dashboards save the squads hours.",
            40,
        ),
        ("granite", 1, "csat", 4, "", 15),
        ("granite", 0, "nps", 9, "", 44),
        (
            "brightside",
            0,
            "csat",
            2,
            "The quarterly report came late again.",
            52,
        ),
        ("lumen", 0, "nps", 6, "", 33),
        ("summit", 0, "nps", 10, "", 58),
        (
            "summit",
            1,
            "csat",
            5,
            "The guest dashboard is a hit with managers.",
            22,
        ),
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
        seed.acting_as(people.user(owner_of(key)))
            .create::<Feedback>("a feedback score", body)
            .await?;
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
        seed.acting_as(people.user(owner_of(key)))
            .create::<Request>(
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
