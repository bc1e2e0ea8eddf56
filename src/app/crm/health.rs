//! An account's health: a score and grade from weighted factors (check-ins, feedback,
//! sentiment, risks, opportunities, champions, receivables), computed on read as of a day
//! from the records that existed by then. The scoring itself is pure (`domain::health`);
//! this loads its inputs for many accounts in a few queries.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::cadence_days;
use super::settings::CrmSettings;
use crate::app::error::AppError;
use crate::app::unit_of_work::Tx;
use crate::db::crm::accounts::AccountRow;
use crate::db::{self};
use crate::domain::crm::{
    ContactStatus, FeedbackKind, Influence, RiskKind, RiskStatus, Severity, Stage, TextEnum,
};
use crate::domain::health::{
    self, ChampionSignal, DisputeSignal, FeedbackSignal, Health, HealthInputs, InvoiceStanding,
    OpportunitySignal, ReceivablesSignal,
};
use crate::domain::ids::{ClientAccountId, DocumentId, InteractionId, OrganizationId, RiskId};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HealthView {
    pub score: Option<u32>,
    pub grade: Option<health::Grade>,
    pub factors: Vec<health::Factor>,
    pub as_of: NaiveDate,
    pub computed_at: DateTime<Utc>,
}

/// Health of each account as of a day (default today), from records that existed by then.
pub fn health_of(
    tx: &mut Tx,
    org: OrganizationId,
    s: &CrmSettings,
    rows: &[AccountRow],
    as_of: Option<NaiveDate>,
) -> Result<HashMap<ClientAccountId, HealthView>, AppError> {
    let ids: Vec<ClientAccountId> = rows.iter().map(|r| r.id).collect();
    let as_of = as_of.unwrap_or_else(|| Utc::now().date_naive());
    let end_of_day = as_of
        .succ_opt()
        .unwrap_or(as_of)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let mut inputs: BTreeMap<ClientAccountId, HealthInputs> = rows
        .iter()
        .map(|r| {
            (
                r.id,
                HealthInputs {
                    as_of,
                    check_in_every_days: cadence_days(s, r),
                    last_check_in_on: None,
                    created_on: r.created_at.date(),
                    feedback: vec![],
                    sentiments: vec![],
                    live_risks: vec![],
                    opportunities: vec![],
                    champions: vec![],
                    receivables: ReceivablesSignal::default(),
                    plan: None,
                },
            )
        })
        .collect();
    let interactions = db::crm::interactions::interactions_of_accounts(tx, org, &ids)?;
    let with_contacts: HashSet<InteractionId> = db::crm::interactions::interaction_contacts(
        tx,
        org,
        &interactions.iter().map(|i| i.id).collect::<Vec<_>>(),
    )?
    .into_iter()
    .map(|(i, _)| i)
    .collect();
    for i in interactions.iter().filter(|i| i.occurred_at < end_of_day) {
        let Some(h) = inputs.get_mut(&i.account_id) else {
            continue;
        };
        let day = i.occurred_at.date();
        if let Some(s) = i.sentiment {
            h.sentiments.push((day, s));
        }
        let counts = crate::domain::crm::InteractionKind::parse(&i.kind)
            .is_some_and(|k| k.is_check_in())
            && with_contacts.contains(&i.id);
        if counts && h.last_check_in_on.is_none_or(|d| d < day) {
            h.last_check_in_on = Some(day);
        }
    }
    for f in db::crm::feedback::feedback_of_accounts(tx, org, &ids)? {
        if let (Some(h), Some(kind)) = (inputs.get_mut(&f.account_id), FeedbackKind::parse(&f.kind))
        {
            h.feedback.push(FeedbackSignal {
                on: f.received_on,
                kind,
                score: f.score,
            });
        }
    }
    // Risks are read as they stand now (their history is not kept), but only those raised by
    // then; a dispute counts on the days it was open (opened_on, until resolved_on).
    let mut live_disputes: Vec<RiskId> = Vec::new();
    let mut dispute_account: HashMap<RiskId, ClientAccountId> = HashMap::new();
    for r in db::crm::risks::risks_of_accounts(tx, org, &ids)? {
        let live = RiskStatus::parse(&r.status).is_some_and(|s| s.is_live());
        if r.kind == RiskKind::Dispute.as_str()
            && crate::domain::crm::open_on(r.opened_on, r.resolved_on, as_of)
        {
            live_disputes.push(r.id);
            dispute_account.insert(r.id, r.account_id);
        }
        if let (true, Some(h), Some(sev)) = (
            live && r.created_at < end_of_day,
            inputs.get_mut(&r.account_id),
            Severity::parse(&r.severity),
        ) {
            h.live_risks.push(sev);
        }
    }
    let mut disputes: HashMap<ClientAccountId, Vec<DisputeSignal>> = HashMap::new();
    for d in db::crm::risks::disputed_invoices(tx, org, &live_disputes)? {
        if let Some(account) = dispute_account.get(&d.risk_id) {
            disputes.entry(*account).or_default().push(DisputeSignal {
                invoice_id: d.invoice_id.0,
                amount_minor: d.amount_minor,
            });
        }
    }
    for o in db::crm::opportunities::opportunities_of_accounts(tx, org, &ids)? {
        if let (true, Some(h), Some(stage)) = (
            o.created_at < end_of_day,
            inputs.get_mut(&o.account_id),
            Stage::parse(&o.stage),
        ) {
            h.opportunities.push(OpportunitySignal {
                stage,
                expected_close_on: o.expected_close_on,
                closed_on: o.closed_on,
            });
        }
    }
    for c in db::crm::contacts::contacts_of_accounts(tx, org, &ids)? {
        if c.influence.as_deref() == Some(Influence::Champion.as_str()) {
            if let Some(h) = inputs.get_mut(&c.account_id) {
                h.champions.push(ChampionSignal {
                    active: c.status == ContactStatus::Active.as_str(),
                });
            }
        }
    }
    for (account, (_, plan)) in super::account_plans::plans_in_force(tx, org, &ids, as_of)? {
        if let Some(h) = inputs.get_mut(&account) {
            h.plan = Some(plan);
        }
    }
    for (account, invoices) in invoice_standings(tx, org, &ids, as_of)? {
        if let Some(h) = inputs.get_mut(&account) {
            let disputes = disputes.remove(&account).unwrap_or_default();
            h.receivables = health::receivables_signal(as_of, &invoices, &disputes);
        }
    }
    let settings = s.health();
    let computed_at = Utc::now();
    Ok(inputs
        .into_iter()
        .map(|(id, i)| {
            let Health {
                score,
                grade,
                factors,
            } = health::assess(&i, &settings);
            (
                id,
                HealthView {
                    score,
                    grade,
                    factors,
                    as_of,
                    computed_at,
                },
            )
        })
        .collect())
}

/// Each account's issued invoices as they stood on `as_of`: allocations (payments and credit
/// notes) dated by then deducted, in the invoice's currency and in the base currency.
fn invoice_standings(
    tx: &mut Tx,
    org: OrganizationId,
    accounts: &[ClientAccountId],
    as_of: NaiveDate,
) -> Result<HashMap<ClientAccountId, Vec<InvoiceStanding>>, AppError> {
    let invoices = db::crm::revenue::standing_invoices_of_accounts(tx, org, accounts, as_of)?;
    if invoices.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<DocumentId> = invoices.iter().map(|d| d.id).collect();
    let mut settled: HashMap<DocumentId, (i64, i64)> = HashMap::new();
    for a in db::crm::revenue::allocations_into(tx, org, &ids, as_of)? {
        let s = settled.entry(a.document_id).or_default();
        s.0 += a.amount_minor;
        s.1 += a.document_base_minor;
    }
    let mut out: HashMap<ClientAccountId, Vec<InvoiceStanding>> = HashMap::new();
    for d in invoices {
        let (paid, paid_base) = settled.get(&d.id).copied().unwrap_or_default();
        out.entry(d.account_id).or_default().push(InvoiceStanding {
            id: d.id.0,
            issue_date: d.issue_date,
            due_date: d.due_date,
            currency: d.currency,
            base_total_minor: d.base_total_minor,
            open_minor: d.total_minor - paid,
            open_base_minor: d.base_total_minor - paid_base,
        });
    }
    Ok(out)
}
