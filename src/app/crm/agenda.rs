//! `GET /me/agenda?date=`: everything of the caller's that is due on or before a day, oldest
//! first, in one read. Each kind of item comes from one [`Source`]; [`SOURCES`] is the list the
//! agenda reads, so a new kind (plan reviews) is one more function in it.
//!
//! Whose items are they? The caller's user: a user's own, or for an API key those of the user
//! who created it (a key acts on that user's behalf everywhere else too).
//! - `task`: open tasks assigned to the caller, due on or before the day.
//! - `check_in`: live accounts the caller owns, not churned, whose next check-in by cadence
//!   falls on or before the day (in the organization's time zone); the resource is the account.
//! - `follow_up`: interactions with `follow_up_on` on or before the day, written by the caller
//!   or on an account the caller owns, unless the account has been in touch since: an
//!   interaction other than an internal note that occurred after the one that set the
//!   follow-up settles it (its own follow-up, if any, takes over).
//! - `risk_step`: action-plan steps owned by the caller, not done, due on or before the day, of
//!   risks still open or mitigating; the resource is the risk.
//! - `plan_review`: active account plans owned by the caller whose `next_review_on` is on or
//!   before the day; the resource is the plan.
//! - `overdue_invoice`: issued invoices with an amount due, on accounts the caller owns, whose
//!   due date is before the day; `due_on` is the due date.
//!
//! Records of archived accounts are left out. Items sort by `due_on`, then kind (in the order
//! above), then title.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::app::error::AppError;
use crate::app::unit_of_work::Tx;
use crate::app::{App, Context};
use crate::auth::Permission;
use crate::db::crm::account_records::start_of;
use crate::db::{self};
use crate::domain::ids::{ClientAccountId, OrganizationId, UserId};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgendaParams {
    /// The day the agenda runs to (inclusive); default today in the organization's time zone.
    pub date: Option<NaiveDate>,
}

/// What an agenda item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    Task,
    CheckIn,
    FollowUp,
    RiskStep,
    PlanReview,
    OverdueInvoice,
}

/// The record an item is about.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgendaResource {
    /// `task`, `account`, `interaction`, `risk`, `account_plan` or `invoice`.
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Uuid,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub due_on: NaiveDate,
    /// Due before the agenda's date.
    pub overdue: bool,
    pub account_id: Uuid,
    pub account_name: String,
    pub resource: AgendaResource,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Agenda {
    pub date: NaiveDate,
    pub items: Vec<AgendaItem>,
}

/// What a source needs to find the caller's items.
pub struct AgendaScope {
    pub org: OrganizationId,
    pub user: UserId,
    /// The agenda's last day (inclusive).
    pub date: NaiveDate,
    /// The organization's time zone (timestamps fall on its days).
    pub zone: chrono_tz::Tz,
}

impl AgendaScope {
    /// The day `at` (UTC) falls on in the organization's time zone.
    fn day_of(&self, at: NaiveDateTime) -> NaiveDate {
        Utc.from_utc_datetime(&at)
            .with_timezone(&self.zone)
            .date_naive()
    }

    /// The first instant (UTC) after the agenda's last day ends in the organization's zone.
    fn end(&self) -> NaiveDateTime {
        let next = start_of(self.date + Duration::days(1));
        self.zone
            .from_local_datetime(&next)
            .earliest()
            .map(|t| t.naive_utc())
            .unwrap_or(next)
    }
}

/// An item before its account's name is looked up.
pub struct Due {
    pub kind: AgendaKind,
    pub due_on: NaiveDate,
    pub account: ClientAccountId,
    pub resource: (&'static str, Uuid),
    pub title: String,
}

/// One kind of agenda item: the caller's items of that kind due on or before the date.
pub type Source = fn(&mut Tx, &AgendaScope) -> Result<Vec<Due>, AppError>;

/// What the agenda reads.
pub const SOURCES: &[Source] = &[
    tasks_due,
    check_ins_due,
    follow_ups_due,
    risk_steps_due,
    plan_reviews_due,
    overdue_invoices,
];

/// `GET /me/agenda`.
pub async fn agenda(app: &App, cx: &Context, params: AgendaParams) -> Result<Agenda, AppError> {
    app.snapshot(cx, move |tx| agenda_in(tx, params.date)).await
}

pub fn agenda_in(tx: &mut Tx, date: Option<NaiveDate>) -> Result<Agenda, AppError> {
    let caller = tx.caller()?;
    caller.require(Permission::Read)?;
    let zone = crate::app::ledger::org(tx, caller)?.timezone;
    let scope = AgendaScope {
        org: caller.org,
        user: caller.user_id(),
        date: date.unwrap_or_else(|| crate::app::organization::today_in(zone)),
        zone,
    };
    let mut due = Vec::new();
    for source in SOURCES {
        due.extend(source(tx, &scope)?);
    }
    let mut ids: Vec<ClientAccountId> = due.iter().map(|d| d.account).collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<ClientAccountId, String> =
        db::crm::accounts::live_names_of(tx, scope.org, &ids)?
            .into_iter()
            .collect();
    let mut items: Vec<AgendaItem> = due
        .into_iter()
        .filter_map(|d| {
            let name = names.get(&d.account)?.clone();
            Some(AgendaItem {
                kind: d.kind,
                due_on: d.due_on,
                overdue: d.due_on < scope.date,
                account_id: d.account.0,
                account_name: name,
                resource: AgendaResource {
                    kind: d.resource.0.into(),
                    id: d.resource.1,
                },
                title: d.title,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (a.due_on, a.kind, &a.title, a.resource.id).cmp(&(
            b.due_on,
            b.kind,
            &b.title,
            b.resource.id,
        ))
    });
    Ok(Agenda {
        date: scope.date,
        items,
    })
}

fn tasks_due(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    Ok(db::crm::tasks::open_tasks_due(tx, s.org, s.user, s.date)?
        .into_iter()
        .filter_map(|t| {
            Some(Due {
                kind: AgendaKind::Task,
                due_on: t.due_on?,
                account: t.account_id,
                resource: ("task", t.id.0),
                title: t.title,
            })
        })
        .collect())
}

fn check_ins_due(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    Ok(
        db::crm::accounts::check_ins_due(tx, s.org, s.user, s.end())?
            .into_iter()
            .map(|a| Due {
                kind: AgendaKind::CheckIn,
                due_on: s.day_of(a.check_in_due_at),
                account: a.id,
                resource: ("account", a.id.0),
                title: format!("Check in with {}", a.name),
            })
            .collect(),
    )
}

fn follow_ups_due(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    let due = db::crm::interactions::follow_ups_due(tx, s.org, s.user, s.date)?;
    let accounts: Vec<ClientAccountId> = due
        .iter()
        .map(|i| i.account_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let latest: HashMap<ClientAccountId, NaiveDateTime> =
        db::crm::interactions::latest_contact(tx, s.org, &accounts)?
            .into_iter()
            .filter_map(|(a, t)| Some((a, t?)))
            .collect();
    Ok(due
        .into_iter()
        .filter(|i| {
            latest
                .get(&i.account_id)
                .is_none_or(|t| *t <= i.occurred_at)
        })
        .filter_map(|i| {
            let title = match (&i.next_step, &i.subject) {
                (Some(step), _) if !step.trim().is_empty() => step.clone(),
                (_, Some(subject)) if !subject.trim().is_empty() => {
                    format!("Follow up: {subject}")
                }
                _ => format!("Follow up on the {}", i.kind),
            };
            Some(Due {
                kind: AgendaKind::FollowUp,
                due_on: i.follow_up_on?,
                account: i.account_id,
                resource: ("interaction", i.id.0),
                title,
            })
        })
        .collect())
}

fn risk_steps_due(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    Ok(db::crm::risks::open_steps_due(tx, s.org, s.user, s.date)?
        .into_iter()
        .filter_map(|(step, account)| {
            Some(Due {
                kind: AgendaKind::RiskStep,
                due_on: step.due_on?,
                account,
                resource: ("risk", step.risk_id.0),
                title: step.step,
            })
        })
        .collect())
}

fn plan_reviews_due(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    Ok(
        db::crm::account_plans::reviews_due(tx, s.org, s.user, s.date)?
            .into_iter()
            .filter_map(|p| {
                Some(Due {
                    kind: AgendaKind::PlanReview,
                    due_on: p.next_review_on?,
                    account: p.account_id,
                    resource: ("account_plan", p.id.0),
                    title: format!("Review the plan: {}", p.title),
                })
            })
            .collect(),
    )
}

fn overdue_invoices(tx: &mut Tx, s: &AgendaScope) -> Result<Vec<Due>, AppError> {
    Ok(
        db::crm::revenue::overdue_invoices_of_owner(tx, s.org, s.user, s.date)?
            .into_iter()
            .filter(|(d, allocated)| d.total_minor > *allocated)
            .filter_map(|(d, allocated)| {
                let left = super::money_string(d.total_minor - allocated, &d.currency);
                let number = d.number.clone().unwrap_or_else(|| "invoice".into());
                Some(Due {
                    kind: AgendaKind::OverdueInvoice,
                    due_on: d.due_date?,
                    account: d.account_id,
                    resource: ("invoice", d.id.0),
                    title: format!("Collect {number}: {left} {} due", d.currency),
                })
            })
            .collect(),
    )
}
