//! Account health: a 0-100 score computed on read from what is known about an account, factor
//! by factor, so that it is deterministic and explainable.
//!
//! Each factor scores 0-100 from its own raw value, or says `no_data` and is left out: the
//! weights of the factors that have data are re-summed, so a missing signal neither helps nor
//! hurts. Weights and grade thresholds come from the organization's settings. New factors
//! (the receivables ones) are new [`FactorKey`]s with a scoring function here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::crm::{FeedbackKind, ObjectiveStatus, Severity, Stage};

/// How far back feedback, sentiment and closed opportunities are looked at.
const LOOKBACK_DAYS: i64 = 365;
/// Half-life of a signal's weight in a trend: a reading this old counts half as much.
const HALF_LIFE_DAYS: f64 = 60.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactorKey {
    /// Days since the last check-in against the account's cadence.
    CheckInRecency,
    /// The client's CSAT and NPS, recent readings weighing more.
    ClientFeedback,
    /// The managers' reading of their interactions (1-5), recent ones weighing more.
    ManagerSentiment,
    /// Open and mitigating risks, by severity.
    OpenRisks,
    /// Opportunities won, open on time, slipping, or lost.
    OpportunityMomentum,
    /// Whether the account still has an active champion.
    ChampionPresence,
    /// Overdue receivables, disputed amounts excluded (from the books).
    OverdueReceivables,
    /// Days sales outstanding (from the books).
    DaysSalesOutstanding,
    /// The active account plan: its objectives on track, and its review kept on time.
    AccountPlan,
}

impl FactorKey {
    pub const ALL: [FactorKey; 9] = [
        FactorKey::CheckInRecency,
        FactorKey::ClientFeedback,
        FactorKey::ManagerSentiment,
        FactorKey::OpenRisks,
        FactorKey::OpportunityMomentum,
        FactorKey::ChampionPresence,
        FactorKey::OverdueReceivables,
        FactorKey::DaysSalesOutstanding,
        FactorKey::AccountPlan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactorKey::CheckInRecency => "check_in_recency",
            FactorKey::ClientFeedback => "client_feedback",
            FactorKey::ManagerSentiment => "manager_sentiment",
            FactorKey::OpenRisks => "open_risks",
            FactorKey::OpportunityMomentum => "opportunity_momentum",
            FactorKey::ChampionPresence => "champion_presence",
            FactorKey::OverdueReceivables => "overdue_receivables",
            FactorKey::DaysSalesOutstanding => "days_sales_outstanding",
            FactorKey::AccountPlan => "account_plan",
        }
    }

    pub fn parse(s: &str) -> Option<FactorKey> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn default_weight(self) -> u32 {
        match self {
            FactorKey::CheckInRecency => 20,
            FactorKey::ClientFeedback => 20,
            FactorKey::ManagerSentiment => 15,
            FactorKey::OpenRisks => 20,
            FactorKey::OpportunityMomentum => 10,
            FactorKey::ChampionPresence => 5,
            FactorKey::OverdueReceivables => 15,
            FactorKey::DaysSalesOutstanding => 10,
            FactorKey::AccountPlan => 10,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Healthy,
    Watch,
    Poor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactorStatus {
    Ok,
    NoData,
}

/// Organization settings for the score.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthSettings {
    pub weights: BTreeMap<FactorKey, u32>,
    /// A score at or above this is `healthy`.
    pub healthy_from: u32,
    /// A score at or above this (and below `healthy_from`) is `watch`; below is `poor`.
    pub watch_from: u32,
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings {
            weights: FactorKey::ALL
                .into_iter()
                .map(|k| (k, k.default_weight()))
                .collect(),
            healthy_from: 70,
            watch_from: 40,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackSignal {
    pub on: NaiveDate,
    pub kind: FeedbackKind,
    pub score: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpportunitySignal {
    pub stage: Stage,
    pub expected_close_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChampionSignal {
    pub active: bool,
}

/// What the books know; both `None` for an account that has never been invoiced (by `as_of`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReceivablesSignal {
    /// Overdue share of open receivables, 0-100, disputed amounts excluded.
    pub overdue_percent: Option<f64>,
    pub days_sales_outstanding: Option<f64>,
}

/// The account plan in force on the as-of day (active, its period covering the day).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanSignal {
    pub objectives: Vec<ObjectiveStatus>,
    pub next_review_on: Option<NaiveDate>,
}

/// Points an overdue plan review takes off the plan's score.
pub const REVIEW_OVERDUE_PENALTY: f64 = 25.0;

impl PlanSignal {
    /// Whether the plan's next review was due before `as_of`.
    pub fn review_overdue(&self, as_of: NaiveDate) -> bool {
        self.next_review_on.is_some_and(|d| d < as_of)
    }

    /// (mean objective score, plan score) as of a day. Each objective scores by its status:
    /// on track or achieved 100, at risk 50, off track 0; dropped ones do not count, and a
    /// plan without a counted objective scores 50 (it says little yet). An overdue review
    /// takes [`REVIEW_OVERDUE_PENALTY`] points off.
    pub fn score(&self, as_of: NaiveDate) -> (f64, f64) {
        let scores: Vec<f64> = self
            .objectives
            .iter()
            .filter_map(|s| match s {
                ObjectiveStatus::OnTrack | ObjectiveStatus::Achieved => Some(100.0),
                ObjectiveStatus::AtRisk => Some(50.0),
                ObjectiveStatus::OffTrack => Some(0.0),
                ObjectiveStatus::Dropped => None,
            })
            .collect();
        let mean = if scores.is_empty() {
            50.0
        } else {
            scores.iter().sum::<f64>() / scores.len() as f64
        };
        let penalty = if self.review_overdue(as_of) {
            REVIEW_OVERDUE_PENALTY
        } else {
            0.0
        };
        (mean, (mean - penalty).max(0.0))
    }
}

/// The window days sales outstanding compares receivables with.
pub const DSO_WINDOW_DAYS: i64 = 365;

/// One issued (not void) invoice of the account, as it stood on the as-of day.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceStanding {
    pub id: Uuid,
    pub issue_date: NaiveDate,
    /// Aged from the issue date when there is none.
    pub due_date: Option<NaiveDate>,
    pub currency: String,
    /// The invoice's total in the base currency, as posted.
    pub base_total_minor: i64,
    /// Still owed on the as-of day (allocations dated by then deducted), in the invoice's
    /// currency and in the base currency at the invoice's rate.
    pub open_minor: i64,
    pub open_base_minor: i64,
}

/// What a dispute open on the as-of day contests on one invoice, in the invoice's currency.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeSignal {
    pub invoice_id: Uuid,
    pub amount_minor: i64,
}

/// The account's receivables factors as of `as_of`, from its issued invoices and live disputes.
///
/// - Open receivables: what is still owed on the invoices (base currency). Unallocated
///   payments and credits are not netted off: until allocated they settle nothing.
/// - Overdue: the open amount of invoices whose due date is before `as_of`, less what
///   disputes open on `as_of` contest: each disputed invoice's amount (in its currency, at
///   most what is open of it) converted at the invoice's own rate. An overdue amount is
///   never excluded twice.
///   `overdue_percent` = (overdue − disputed) ÷ open × 100 (0 when nothing is open).
/// - Days sales outstanding: open receivables ÷ the base totals (tax included, like the
///   receivables) invoiced in the [`DSO_WINDOW_DAYS`] days up to and including `as_of`, ×
///   [`DSO_WINDOW_DAYS`], capped at that window: 0 when nothing is open, and the cap when
///   something is open but nothing was invoiced in the window.
///
/// Without any invoice there is no data.
pub fn receivables_signal(
    as_of: NaiveDate,
    invoices: &[InvoiceStanding],
    disputes: &[DisputeSignal],
) -> ReceivablesSignal {
    let invoices: Vec<&InvoiceStanding> =
        invoices.iter().filter(|i| i.issue_date <= as_of).collect();
    if invoices.is_empty() {
        return ReceivablesSignal::default();
    }
    let open: i64 = invoices.iter().map(|i| i.open_base_minor.max(0)).sum();
    // Per overdue invoice, oldest due first: (invoice, open left in its currency, base left).
    let mut overdue: Vec<(&InvoiceStanding, i64, i64)> = invoices
        .iter()
        .filter(|i| i.due_date.unwrap_or(i.issue_date) < as_of && i.open_base_minor > 0)
        .map(|i| (*i, i.open_minor.max(0), i.open_base_minor))
        .collect();
    overdue.sort_by_key(|(i, _, _)| (i.due_date.unwrap_or(i.issue_date), i.id));
    let overdue_total: i64 = overdue.iter().map(|(_, _, b)| b).sum();
    let mut disputed = 0_i64;
    for d in disputes {
        for (i, doc_left, base_left) in overdue.iter_mut() {
            if i.id != d.invoice_id || *doc_left <= 0 || d.amount_minor <= 0 {
                continue;
            }
            let take = d.amount_minor.min(*doc_left);
            let base = if take == *doc_left {
                *base_left
            } else {
                crate::domain::money::scale(*base_left, take, *doc_left).min(*base_left)
            };
            *doc_left -= take;
            *base_left -= base;
            disputed += base;
        }
    }
    let overdue_percent = if open == 0 {
        0.0
    } else {
        ((overdue_total - disputed).max(0) as f64 / open as f64 * 100.0).min(100.0)
    };
    let window_start = as_of - chrono::Duration::days(DSO_WINDOW_DAYS);
    let sales: i64 = invoices
        .iter()
        .filter(|i| i.issue_date > window_start)
        .map(|i| i.base_total_minor)
        .sum();
    let window = DSO_WINDOW_DAYS as f64;
    let dso = if open == 0 {
        0.0
    } else if sales <= 0 {
        window
    } else {
        (open as f64 / sales as f64 * window).min(window)
    };
    ReceivablesSignal {
        overdue_percent: Some(overdue_percent),
        days_sales_outstanding: Some(dso),
    }
}

/// Everything the score reads, as of one day. Readings after `as_of` are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthInputs {
    pub as_of: NaiveDate,
    pub check_in_every_days: i32,
    pub last_check_in_on: Option<NaiveDate>,
    /// The day the account was created: check-in recency counts from it until the first
    /// check-in, so an account nobody has contacted is never `no_data`.
    pub created_on: NaiveDate,
    pub feedback: Vec<FeedbackSignal>,
    /// (day, sentiment 1-5)
    pub sentiments: Vec<(NaiveDate, i32)>,
    /// Severities of the risks that were open or mitigating.
    pub live_risks: Vec<Severity>,
    pub opportunities: Vec<OpportunitySignal>,
    pub champions: Vec<ChampionSignal>,
    pub receivables: ReceivablesSignal,
    /// The account plan in force, if any.
    pub plan: Option<PlanSignal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Factor {
    pub key: FactorKey,
    /// The measured value the score came from (days, average score, count); null without data.
    pub raw_value: Option<f64>,
    /// 0-100; null without data.
    pub score: Option<u32>,
    /// The configured weight.
    pub weight: u32,
    /// Points this factor adds to the total (weight re-summed over factors with data).
    pub contribution: f64,
    pub status: FactorStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Health {
    /// 0-100; null when no factor has data.
    pub score: Option<u32>,
    pub grade: Option<Grade>,
    pub factors: Vec<Factor>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn clamp_score(x: f64) -> u32 {
    x.round().clamp(0.0, 100.0) as u32
}

/// Weight of a reading `age` days old in a trend.
fn decay(age_days: i64) -> f64 {
    0.5_f64.powf(age_days.max(0) as f64 / HALF_LIFE_DAYS)
}

fn weighted_mean(points: impl Iterator<Item = (i64, f64)>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (age, value) in points {
        let w = decay(age);
        sum += w * value;
        weights += w;
    }
    (weights > 0.0).then(|| sum / weights)
}

fn in_window(as_of: NaiveDate, on: NaiveDate) -> Option<i64> {
    let age = (as_of - on).num_days();
    (0..=LOOKBACK_DAYS).contains(&age).then_some(age)
}

/// Full marks within the cadence, falling linearly to zero at three cadences. Always has data:
/// an account never contacted counts its days from its creation and earns at most half marks
/// (nothing is known of it yet), so the least-known account never looks perfect.
fn check_in_recency(i: &HealthInputs) -> Option<(f64, f64)> {
    let last = i.last_check_in_on.filter(|d| *d <= i.as_of);
    let since = last.unwrap_or(i.created_on);
    let days = (i.as_of - since).num_days().max(0) as f64;
    let cadence = f64::from(i.check_in_every_days.max(1));
    let score = if days <= cadence {
        100.0
    } else {
        100.0 * (1.0 - (days - cadence) / (2.0 * cadence))
    };
    let score = if last.is_some() { score } else { score / 2.0 };
    Some((days, score))
}

/// CSAT 1-5 and NPS 0-10 mapped to 0-100, recent readings weighing more.
fn client_feedback(i: &HealthInputs) -> Option<(f64, f64)> {
    let mean = weighted_mean(i.feedback.iter().filter_map(|f| {
        let age = in_window(i.as_of, f.on)?;
        let value = match f.kind {
            FeedbackKind::Csat => f64::from(f.score - 1) * 25.0,
            FeedbackKind::Nps => f64::from(f.score) * 10.0,
        };
        Some((age, value))
    }))?;
    Some((mean, mean))
}

fn manager_sentiment(i: &HealthInputs) -> Option<(f64, f64)> {
    let mean = weighted_mean(
        i.sentiments
            .iter()
            .filter_map(|(on, s)| Some((in_window(i.as_of, *on)?, f64::from(*s)))),
    )?;
    Some((mean, (mean - 1.0) * 25.0))
}

/// Always has data: no live risk is itself a reading (full marks).
fn open_risks(i: &HealthInputs) -> Option<(f64, f64)> {
    let penalty: f64 = i
        .live_risks
        .iter()
        .map(|s| match s {
            Severity::Low => 5.0,
            Severity::Medium => 15.0,
            Severity::High => 40.0,
            Severity::Critical => 70.0,
        })
        .sum();
    Some((i.live_risks.len() as f64, 100.0 - penalty))
}

/// Won recently 100, open and on time 70, open and slipping 30, lost recently 0.
fn opportunity_momentum(i: &HealthInputs) -> Option<(f64, f64)> {
    let scores: Vec<f64> = i
        .opportunities
        .iter()
        .filter_map(|o| match o.stage {
            Stage::Won | Stage::Lost => {
                in_window(i.as_of, o.closed_on?)?;
                Some(if o.stage == Stage::Won { 100.0 } else { 0.0 })
            }
            _ => Some(match o.expected_close_on {
                Some(d) if d < i.as_of => 30.0,
                _ => 70.0,
            }),
        })
        .collect();
    if scores.is_empty() {
        return None;
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    Some((scores.len() as f64, mean))
}

/// 100 with an active champion; 0 when every champion has left; no data without champions.
fn champion_presence(i: &HealthInputs) -> Option<(f64, f64)> {
    if i.champions.is_empty() {
        return None;
    }
    let active = i.champions.iter().filter(|c| c.active).count();
    Some((active as f64, if active > 0 { 100.0 } else { 0.0 }))
}

fn overdue_receivables(i: &HealthInputs) -> Option<(f64, f64)> {
    let pct = i.receivables.overdue_percent?;
    Some((pct, 100.0 - pct))
}

/// Full marks up to 30 days, zero from 90.
fn days_sales_outstanding(i: &HealthInputs) -> Option<(f64, f64)> {
    let dso = i.receivables.days_sales_outstanding?;
    Some((dso, 100.0 * (1.0 - (dso - 30.0) / 60.0)))
}

/// No data without an account plan in force.
fn account_plan(i: &HealthInputs) -> Option<(f64, f64)> {
    Some(i.plan.as_ref()?.score(i.as_of))
}

/// A factor's (raw value, score), or `None` without data.
type Reading = Option<(f64, f64)>;

/// The score of `inputs` under `settings`.
pub fn assess(inputs: &HealthInputs, settings: &HealthSettings) -> Health {
    let measured: Vec<(FactorKey, u32, Reading)> = FactorKey::ALL
        .into_iter()
        .map(|key| {
            let weight = settings.weights.get(&key).copied().unwrap_or(0);
            let reading = match key {
                FactorKey::CheckInRecency => check_in_recency(inputs),
                FactorKey::ClientFeedback => client_feedback(inputs),
                FactorKey::ManagerSentiment => manager_sentiment(inputs),
                FactorKey::OpenRisks => open_risks(inputs),
                FactorKey::OpportunityMomentum => opportunity_momentum(inputs),
                FactorKey::ChampionPresence => champion_presence(inputs),
                FactorKey::OverdueReceivables => overdue_receivables(inputs),
                FactorKey::DaysSalesOutstanding => days_sales_outstanding(inputs),
                FactorKey::AccountPlan => account_plan(inputs),
            };
            (key, weight, reading)
        })
        .collect();
    let total_weight: u32 = measured
        .iter()
        .filter(|(_, _, r)| r.is_some())
        .map(|(_, w, _)| *w)
        .sum();
    let mut total = 0.0;
    let factors = measured
        .into_iter()
        .map(|(key, weight, reading)| match reading {
            Some((raw, score)) => {
                let score = clamp_score(score);
                let contribution = if total_weight == 0 {
                    0.0
                } else {
                    f64::from(score) * f64::from(weight) / f64::from(total_weight)
                };
                total += contribution;
                Factor {
                    key,
                    raw_value: Some(round2(raw)),
                    score: Some(score),
                    weight,
                    contribution: round2(contribution),
                    status: FactorStatus::Ok,
                }
            }
            None => Factor {
                key,
                raw_value: None,
                score: None,
                weight,
                contribution: 0.0,
                status: FactorStatus::NoData,
            },
        })
        .collect();
    let score = (total_weight > 0).then(|| clamp_score(total));
    let grade = score.map(|s| {
        if s >= settings.healthy_from {
            Grade::Healthy
        } else if s >= settings.watch_from {
            Grade::Watch
        } else {
            Grade::Poor
        }
    });
    Health {
        score,
        grade,
        factors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    fn empty() -> HealthInputs {
        HealthInputs {
            as_of: day("2026-06-30"),
            check_in_every_days: 30,
            last_check_in_on: None,
            created_on: day("2026-01-01"),
            feedback: vec![],
            sentiments: vec![],
            live_risks: vec![],
            opportunities: vec![],
            champions: vec![],
            receivables: ReceivablesSignal::default(),
            plan: None,
        }
    }

    fn factor(h: &Health, key: FactorKey) -> Factor {
        h.factors
            .iter()
            .find(|f| f.key == key)
            .cloned()
            .unwrap_or_else(|| panic!("{key:?} missing"))
    }

    #[test]
    fn factors_without_data_say_so_and_do_not_count() {
        let h = assess(&empty(), &HealthSettings::default());
        // Never contacted since 2026-01-01 (180 days, cadence 30): recency is a reading of 0,
        // and "no live risks" one of 100; nothing else has data.
        assert_eq!(h.score, Some(50));
        assert_eq!(h.grade, Some(Grade::Watch));
        let recency = factor(&h, FactorKey::CheckInRecency);
        assert_eq!(recency.status, FactorStatus::Ok);
        assert_eq!(recency.raw_value, Some(180.0));
        assert_eq!(recency.score, Some(0));
        let feedback = factor(&h, FactorKey::ClientFeedback);
        assert_eq!(feedback.status, FactorStatus::NoData);
        assert_eq!(feedback.contribution, 0.0);
        assert_eq!(
            factor(&h, FactorKey::OverdueReceivables).status,
            FactorStatus::NoData
        );
        assert_eq!(factor(&h, FactorKey::OpenRisks).contribution, 50.0);
    }

    #[test]
    fn contributions_add_up_to_the_score_and_weights_are_resummed() {
        let mut i = empty();
        i.last_check_in_on = Some(day("2026-06-20"));
        i.sentiments = vec![(day("2026-06-20"), 3)];
        let h = assess(&i, &HealthSettings::default());
        // recency 100 (w20), sentiment 50 (w15), risks 100 (w20) → (2000+750+2000)/55
        assert_eq!(h.score, Some(86));
        let sum: f64 = h.factors.iter().map(|f| f.contribution).sum();
        assert!((sum - 86.36).abs() < 0.02, "{sum}");
    }

    #[test]
    fn an_account_never_contacted_counts_from_its_creation_at_half_marks() {
        let mut i = empty();
        i.created_on = day("2026-06-20"); // 10 days, within the cadence: half of 100
        let h = assess(&i, &HealthSettings::default());
        assert_eq!(factor(&h, FactorKey::CheckInRecency).score, Some(50));
        assert_eq!(factor(&h, FactorKey::CheckInRecency).raw_value, Some(10.0));
        assert!(h.score.is_some_and(|s| s < 100));
        i.created_on = day("2026-05-16"); // 45 days: half of 75
        let h = assess(&i, &HealthSettings::default());
        assert_eq!(factor(&h, FactorKey::CheckInRecency).score, Some(38));
        i.created_on = day("2026-07-10"); // created after as_of: counts as 0 days
        let h = assess(&i, &HealthSettings::default());
        assert_eq!(factor(&h, FactorKey::CheckInRecency).raw_value, Some(0.0));
    }

    #[test]
    fn recency_falls_after_the_cadence() {
        let mut i = empty();
        i.last_check_in_on = Some(day("2026-04-01")); // 90 days, cadence 30 → 1 - 60/60 = 0
        assert_eq!(
            factor(
                &assess(&i, &HealthSettings::default()),
                FactorKey::CheckInRecency
            )
            .score,
            Some(0)
        );
        i.last_check_in_on = Some(day("2026-05-16")); // 45 days → 75
        assert_eq!(
            factor(
                &assess(&i, &HealthSettings::default()),
                FactorKey::CheckInRecency
            )
            .score,
            Some(75)
        );
    }

    #[test]
    fn bad_feedback_and_a_high_risk_lower_the_score() {
        let mut i = empty();
        i.feedback = vec![FeedbackSignal {
            on: day("2026-06-10"),
            kind: FeedbackKind::Csat,
            score: 5,
        }];
        i.sentiments = vec![(day("2026-06-10"), 5)];
        let before = assess(&i, &HealthSettings::default()).score.unwrap_or(0);
        i.feedback.push(FeedbackSignal {
            on: day("2026-06-29"),
            kind: FeedbackKind::Csat,
            score: 2,
        });
        i.sentiments.push((day("2026-06-28"), 2));
        i.live_risks.push(Severity::High);
        let after = assess(&i, &HealthSettings::default());
        assert!(
            after.score.unwrap_or(100) < before,
            "{before} -> {:?}",
            after.score
        );
        assert_eq!(factor(&after, FactorKey::OpenRisks).score, Some(60));
    }

    #[test]
    fn readings_after_as_of_are_ignored() {
        let mut i = empty();
        i.feedback = vec![FeedbackSignal {
            on: day("2026-07-05"),
            kind: FeedbackKind::Nps,
            score: 0,
        }];
        assert_eq!(
            factor(
                &assess(&i, &HealthSettings::default()),
                FactorKey::ClientFeedback
            )
            .status,
            FactorStatus::NoData
        );
    }

    #[test]
    fn grades_follow_the_thresholds() {
        let mut i = empty();
        i.live_risks = vec![Severity::Critical];
        let settings = HealthSettings::default();
        let h = assess(&i, &settings);
        // Risks 30 and recency 0 (never contacted in 180 days), equally weighted.
        assert_eq!(h.score, Some(15));
        assert_eq!(h.grade, Some(Grade::Poor));
        let lenient = HealthSettings {
            watch_from: 10,
            ..settings
        };
        assert_eq!(assess(&i, &lenient).grade, Some(Grade::Watch));
    }

    #[test]
    fn momentum_and_champions() {
        let mut i = empty();
        i.opportunities = vec![
            OpportunitySignal {
                stage: Stage::Won,
                expected_close_on: None,
                closed_on: Some(day("2026-06-01")),
            },
            OpportunitySignal {
                stage: Stage::Proposal,
                expected_close_on: Some(day("2026-06-01")),
                closed_on: None,
            },
        ];
        i.champions = vec![ChampionSignal { active: false }];
        let h = assess(&i, &HealthSettings::default());
        assert_eq!(factor(&h, FactorKey::OpportunityMomentum).score, Some(65));
        assert_eq!(factor(&h, FactorKey::ChampionPresence).score, Some(0));
    }

    fn invoice(n: u128, issued: &str, due: &str, total: i64, open: i64) -> InvoiceStanding {
        InvoiceStanding {
            id: Uuid::from_u128(n),
            issue_date: day(issued),
            due_date: Some(day(due)),
            currency: "USD".into(),
            base_total_minor: total,
            open_minor: open,
            open_base_minor: open,
        }
    }

    #[test]
    fn receivables_without_invoices_have_no_data() {
        let s = receivables_signal(day("2026-06-30"), &[], &[]);
        assert_eq!(s, ReceivablesSignal::default());
        // An invoice issued after the as-of day is not known yet.
        let later = [invoice(1, "2026-07-01", "2026-07-31", 100, 100)];
        assert_eq!(
            receivables_signal(day("2026-06-30"), &later, &[]),
            ReceivablesSignal::default()
        );
    }

    #[test]
    fn overdue_share_and_days_sales_outstanding() {
        let as_of = day("2026-06-30");
        let invoices = [
            // 999.99 long overdue, 50.00 not yet due, 200.00 paid.
            invoice(1, "2026-01-01", "2026-01-31", 99_999, 99_999),
            invoice(2, "2026-06-20", "2026-07-20", 5_000, 5_000),
            invoice(3, "2026-03-01", "2026-03-31", 20_000, 0),
        ];
        let s = receivables_signal(as_of, &invoices, &[]);
        let pct = s.overdue_percent.unwrap_or_default();
        assert!((pct - 99_999.0 / 104_999.0 * 100.0).abs() < 1e-9, "{pct}");
        // open 1049.99 of 1249.99 invoiced in the last 365 days.
        let dso = s.days_sales_outstanding.unwrap_or_default();
        assert!((dso - 104_999.0 / 124_999.0 * 365.0).abs() < 1e-9, "{dso}");
        // All paid: both factors read zero, and full marks.
        let paid = [invoice(3, "2026-03-01", "2026-03-31", 20_000, 0)];
        let s = receivables_signal(as_of, &paid, &[]);
        assert_eq!(s.overdue_percent, Some(0.0));
        assert_eq!(s.days_sales_outstanding, Some(0.0));
        // Something open but nothing invoiced in the window: the cap.
        let old = [invoice(4, "2025-01-01", "2025-01-31", 100, 100)];
        assert_eq!(
            receivables_signal(as_of, &old, &[]).days_sales_outstanding,
            Some(365.0)
        );
    }

    #[test]
    fn disputed_amounts_are_not_overdue() {
        let as_of = day("2026-06-30");
        let invoices = [
            invoice(1, "2026-01-01", "2026-01-31", 10_000, 10_000),
            invoice(2, "2026-02-01", "2026-02-28", 10_000, 10_000),
        ];
        let pct = |d: &[DisputeSignal]| {
            receivables_signal(as_of, &invoices, d)
                .overdue_percent
                .unwrap_or(-1.0)
        };
        let on = |id: u128, amount_minor: i64| DisputeSignal {
            invoice_id: Uuid::from_u128(id),
            amount_minor,
        };
        assert_eq!(pct(&[]), 100.0);
        // 40.00 of invoice 2 is disputed.
        assert_eq!(pct(&[on(2, 4_000)]), 80.0);
        // And the whole of invoice 1.
        assert_eq!(pct(&[on(2, 4_000), on(1, 10_000)]), 30.0);
        // A second dispute on invoice 2 covers only what the first left (60.00), not 100.00.
        assert_eq!(pct(&[on(2, 4_000), on(2, 1_000_000), on(1, 10_000)]), 0.0);
        // A dispute of another invoice covers nothing here.
        assert_eq!(pct(&[on(3, 5_000)]), 100.0);
    }

    #[test]
    fn a_foreign_invoice_is_disputed_at_its_own_rate() {
        let mut i = invoice(1, "2026-01-01", "2026-01-31", 20_000, 10_000);
        i.currency = "EUR".into();
        i.open_base_minor = 20_000; // 100.00 EUR open = 200.00 base
        let d = DisputeSignal {
            invoice_id: Uuid::from_u128(1),
            amount_minor: 2_500,
        };
        let s = receivables_signal(day("2026-06-30"), &[i], &[d]);
        assert_eq!(s.overdue_percent, Some(75.0));
    }

    #[test]
    fn zero_weights_everywhere_give_no_score() {
        let settings = HealthSettings {
            weights: BTreeMap::new(),
            ..HealthSettings::default()
        };
        let h = assess(&empty(), &settings);
        assert_eq!(h.score, None);
        assert_eq!(h.grade, None);
    }
    #[test]
    fn the_account_plan_has_no_data_without_a_plan_in_force() {
        let h = assess(&empty(), &HealthSettings::default());
        let f = factor(&h, FactorKey::AccountPlan);
        assert_eq!(f.status, FactorStatus::NoData);
        assert_eq!(f.weight, 10);
    }

    #[test]
    fn the_account_plan_scores_its_objectives_and_ignores_dropped_ones() {
        use ObjectiveStatus::*;
        let mut i = empty();
        i.plan = Some(PlanSignal {
            objectives: vec![OnTrack, Achieved, Dropped],
            next_review_on: Some(day("2026-07-15")),
        });
        let on_track = factor(
            &assess(&i, &HealthSettings::default()),
            FactorKey::AccountPlan,
        );
        assert_eq!(on_track.status, FactorStatus::Ok);
        assert_eq!(on_track.score, Some(100));
        i.plan = Some(PlanSignal {
            objectives: vec![AtRisk, OffTrack, Dropped],
            next_review_on: Some(day("2026-07-15")),
        });
        let slipping = assess(&i, &HealthSettings::default());
        assert_eq!(factor(&slipping, FactorKey::AccountPlan).score, Some(25));
        let before = assess(
            &HealthInputs {
                plan: Some(PlanSignal {
                    objectives: vec![OnTrack, OnTrack],
                    next_review_on: None,
                }),
                ..i.clone()
            },
            &HealthSettings::default(),
        );
        assert!(
            slipping.score < before.score,
            "objectives off track lower the score"
        );
        // No objective counted yet: half marks.
        i.plan = Some(PlanSignal {
            objectives: vec![Dropped],
            next_review_on: None,
        });
        let empty_plan = factor(
            &assess(&i, &HealthSettings::default()),
            FactorKey::AccountPlan,
        );
        assert_eq!(empty_plan.score, Some(50));
    }

    #[test]
    fn an_overdue_plan_review_costs_points() {
        let mut i = empty();
        let plan = |next: &str| PlanSignal {
            objectives: vec![ObjectiveStatus::OnTrack],
            next_review_on: Some(day(next)),
        };
        i.plan = Some(plan("2026-06-30")); // due today: not overdue
        assert!(!plan("2026-06-30").review_overdue(i.as_of));
        let on_time = factor(
            &assess(&i, &HealthSettings::default()),
            FactorKey::AccountPlan,
        );
        assert_eq!(on_time.score, Some(100));
        i.plan = Some(plan("2026-06-29"));
        let late = factor(
            &assess(&i, &HealthSettings::default()),
            FactorKey::AccountPlan,
        );
        assert_eq!(late.score, Some(75));
        assert_eq!(late.raw_value, Some(100.0));
    }
}
