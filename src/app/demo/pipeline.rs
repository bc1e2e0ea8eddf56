//! The demo's pipeline and what guards it: opportunities (open, won, lost) with their
//! proposals, risks with an action plan, this quarter's targets and the key account's plan.

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

use super::crm::{ContactIds, Opportunities, Relationships, Touches};
use super::team::{People, DANIEL, ELENA, PRIYA, TOM};
use super::{id_of, input_of, step, DemoError, Seed};
use crate::app::crm::account_plans::{AccountPlan, PlanObjective, PlanReview, PlanStakeholder};
use crate::app::crm::opportunities::Opportunity;
use crate::app::crm::proposals::Proposal;
use crate::app::crm::risks::Risk;
use crate::app::crm::targets::Target;
use crate::app::input::IfMatch;
use crate::app::record;

/// An opportunity of the demo.
struct Deal {
    /// How the proposals and the account plan name it.
    key: &'static str,
    account: &'static str,
    owner: usize,
    kind: &'static str,
    name: &'static str,
    amount: &'static str,
    /// The stage it was opened at, and its probability then.
    stage: &'static str,
    probability: i32,
    /// Its expected close, in days from today (negative: past).
    closes_in: i64,
    end: Close,
}

/// The demo's opportunities, each as it was opened and how it ends.
const DEALS: [Deal; 9] = [
    Deal {
        key: "halcyon-renewal",
        account: "halcyon",
        owner: PRIYA,
        kind: "renewal",
        name: "Platform renewal, three research sites",
        amount: "180000.00",
        stage: "negotiation",
        probability: 80,
        closes_in: -40,
        end: Close::Won(40),
    },
    Deal {
        key: "halcyon-addon",
        account: "halcyon",
        owner: PRIYA,
        kind: "upsell",
        name: "Advanced analytics add-on",
        amount: "45000.00",
        stage: "negotiation",
        probability: 60,
        closes_in: 20,
        end: Close::Open,
    },
    Deal {
        key: "meridian-renewal",
        account: "meridian",
        owner: PRIYA,
        kind: "renewal",
        name: "Fleet tracking renewal",
        amount: "96000.00",
        stage: "proposal",
        probability: 40,
        closes_in: 30,
        end: Close::Open,
    },
    Deal {
        key: "bluewater-crew",
        account: "bluewater",
        owner: DANIEL,
        kind: "cross_sell",
        name: "Crew scheduling module",
        amount: "60000.00",
        stage: "qualification",
        probability: 20,
        closes_in: 60,
        end: Close::Open,
    },
    Deal {
        key: "copperleaf-seats",
        account: "copperleaf",
        owner: DANIEL,
        kind: "upsell",
        name: "Fifty more seats",
        amount: "24000.00",
        stage: "negotiation",
        probability: 75,
        closes_in: -15,
        end: Close::Won(15),
    },
    Deal {
        key: "granite-renewal",
        account: "granite",
        owner: ELENA,
        kind: "renewal",
        name: "E-commerce analytics renewal",
        amount: "38000.00",
        stage: "negotiation",
        probability: 70,
        // Slipped: expected three days ago and still open.
        closes_in: -3,
        end: Close::Open,
    },
    Deal {
        key: "lumen-forecasting",
        account: "lumen",
        owner: TOM,
        kind: "upsell",
        name: "Forecasting workbench",
        amount: "12000.00",
        stage: "proposal",
        probability: 40,
        closes_in: -25,
        end: Close::Lost(
            25,
            "Budget frozen until the next fiscal year",
            "Quanta Insights",
        ),
    },
    Deal {
        key: "harborview-pilot",
        account: "harborview",
        owner: TOM,
        kind: "new_business",
        name: "Member analytics pilot",
        amount: "30000.00",
        stage: "qualification",
        probability: 25,
        closes_in: 45,
        end: Close::Open,
    },
    Deal {
        key: "summit-renewal",
        account: "summit",
        owner: TOM,
        kind: "renewal",
        name: "Guest insights renewal",
        amount: "18000.00",
        stage: "proposal",
        probability: 50,
        closes_in: 25,
        end: Close::Open,
    },
];

/// How an opportunity ends up.
#[derive(Clone, Copy)]
enum Close {
    Open,
    /// Won this many days ago.
    Won(i64),
    /// Lost this many days ago, why, and to whom.
    Lost(i64, &'static str, &'static str),
}

pub(super) async fn pipeline(
    seed: &Seed<'_>,
    people: &People,
    touches: &Touches,
    made: &mut Relationships,
) -> Result<Opportunities, DemoError> {
    let mut ids = Opportunities::new();
    for deal in &DEALS {
        let what = format!("the opportunity {:?}", deal.name);
        let by = seed.acting_as(people.user(deal.owner));
        let answer = by
            .create::<Opportunity>(
                &what,
                json!({
                    "account_id": made.of(deal.account),
                    "owner_id": people.user(deal.owner),
                    "kind": deal.kind,
                    "name": deal.name,
                    "amount": deal.amount,
                    "stage": deal.stage,
                    "probability": deal.probability,
                    "expected_close_on": seed.day(-deal.closes_in),
                }),
            )
            .await?;
        let id = id_of(&what, &answer)?;
        // Closing is a change of its own, as it happens (`opportunity.won`, `.lost`).
        let closing = match deal.end {
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
            record::update::<Opportunity>(by.app, &by.cx, id.into(), IfMatch::Any, patch)
                .await
                .map_err(|e| step(format!("closing {what}"), e))?;
        }
        ids.insert(deal.key, id);
        made.opportunities += 1;
    }
    let of = |key: &str| ids.get(key).copied().unwrap_or_default();
    let meridian_touches = touches.get("meridian").cloned().unwrap_or_default();
    // Each by its opportunity's owner.
    let proposals = [
        (
            PRIYA,
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
        ),
        (
            PRIYA,
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
        ),
        (
            PRIYA,
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
        ),
        (
            PRIYA,
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
        ),
        (
            TOM,
            json!({
                "opportunity_id": of("summit-renewal"),
                "status": "draft",
                "amount": "18000.00",
                "term_months": 12,
                "summary": "Renewal with the new resort added.",
            }),
        ),
    ];
    for (owner, body) in proposals {
        seed.acting_as(people.user(owner))
            .create::<Proposal>("a proposal", body)
            .await?;
        made.proposals += 1;
    }
    Ok(ids)
}

pub(super) async fn risks(
    seed: &Seed<'_>,
    people: &People,
    made: &mut Relationships,
) -> Result<(), DemoError> {
    seed.acting_as(people.user(PRIYA)).create::<Risk>(
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
    seed.acting_as(people.user(ELENA)).create::<Risk>(
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

pub(super) async fn targets(
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
        ("revenue_collected", "150000.00"),
    ] {
        bodies.push(
            json!({"team_id": people.team, "period_start": start, "period_end": end,
                           "metric": metric, "amount": amount}),
        );
    }
    for body in bodies {
        seed.create::<Target>("a target", body).await?;
        made.targets += 1;
    }
    Ok(())
}

/// The key account's plan: objectives, stakeholders and its last review.
pub(super) async fn plan(
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
    let priya = seed.acting_as(people.user(PRIYA));
    let plan = priya
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
    let sites = priya
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
    priya.create_under::<PlanObjective>(
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
        priya
            .create_under::<PlanStakeholder>(
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
    priya.create_under::<PlanReview>(
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
    fn quarters_run_from_their_first_to_their_last_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(quarter_of(d(2025, 2, 14)), (d(2025, 1, 1), d(2025, 3, 31)));
        assert_eq!(
            quarter_of(d(2025, 12, 31)),
            (d(2025, 10, 1), d(2025, 12, 31))
        );
        assert_eq!(quarter_of(d(2024, 5, 1)), (d(2024, 4, 1), d(2024, 6, 30)));
    }
}
