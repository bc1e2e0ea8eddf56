//! Risks: what threatens a client account, disputes included, each with an action plan. A
//! plain record (see [`crate::app::record`]) whose writes need write access to its account;
//! it stays on its account. A competitor is named by id or by name (created on the way); a
//! dispute names invoices of the account and an amount in its currency. Every write refreshes
//! the account's at-risk status in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, RiskListParams};
use super::{check_user, money_string, refresh_account, resolve_competitor};
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::risks::{RiskRow, RiskStepRow};
use crate::db::{self};
use crate::domain::crm::{DisputeOutcome, RiskKind, RiskStatus, Severity, TextEnum};
use crate::domain::ids::{ClientAccountId, DocumentId, OrganizationId, RiskId, UserId};

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionStep {
    pub step: String,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = RiskPatch)]
#[serde(deny_unknown_fields)]
pub struct RiskInput {
    pub account_id: Option<Uuid>,
    #[schema(value_type = Option<RiskKind>)]
    pub kind: Option<String>,
    #[schema(value_type = Option<Severity>)]
    pub severity: Option<String>,
    #[schema(max_length = 5000, pattern = r"\S")]
    pub description: Option<String>,
    /// A competitor's id or name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub competitor_id: Option<Option<String>>,
    /// Disputed invoices (disputes): each an invoice of the risk's account. While the dispute
    /// is open or mitigating, the disputed amount of these invoices (all of them without an
    /// amount) does not count as overdue in the account's health.
    pub invoice_ids: Option<Vec<Uuid>>,
    /// A decimal string in the account's currency (disputes).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "1500.00")]
    pub disputed_amount: Option<Option<String>>,
    pub action_plan: Option<Vec<ActionStep>>,
    #[schema(value_type = Option<RiskStatus>)]
    pub status: Option<String>,
    /// Disputes only.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DisputeOutcome>)]
    pub outcome: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub resolution: Option<Option<String>>,
}

crate::create_input!(
    /// A new risk: the fields of a change, with those a create must name required.
    RiskCreate(RiskInput) required ["account_id", "kind", "severity", "description"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct RiskView {
    pub id: Uuid,
    pub account_id: Uuid,
    #[schema(value_type = RiskKind)]
    pub kind: String,
    #[schema(value_type = Severity)]
    pub severity: String,
    pub description: String,
    pub competitor_id: Option<Uuid>,
    pub invoice_ids: Vec<Uuid>,
    pub disputed_amount: Option<String>,
    pub currency: Option<String>,
    pub action_plan: Vec<ActionStep>,
    #[schema(value_type = RiskStatus)]
    pub status: String,
    #[schema(value_type = Option<DisputeOutcome>)]
    pub outcome: Option<String>,
    pub resolution: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a create or a change says about the risk's own fields; `account_currency` is what a
/// disputed amount is in.
fn apply_fields(
    tx: &mut Tx,
    account_currency: &str,
    input: &RiskInput,
    row: &mut RiskRow,
    check: &mut Check,
) -> Result<(), AppError> {
    let org = row.organization_id;
    if let Some(k) = check.enum_value::<RiskKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(s) = check.enum_value::<Severity>("severity", input.severity.as_deref()) {
        row.severity = s.as_str().into();
    }
    if let Some(d) = &input.description {
        row.description = check.required("description", Some(d), 5000);
    }
    if let Some(c) = &input.competitor_id {
        row.competitor_id = match c {
            Some(c) => resolve_competitor(tx, org, "competitor_id", c, check)?,
            None => None,
        };
    }
    if let Some(ids) = &input.invoice_ids {
        check_disputed_invoices(tx, org, row.account_id, ids, check)?;
        let mut unique: Vec<Uuid> = Vec::with_capacity(ids.len());
        for id in ids {
            if !unique.contains(id) {
                unique.push(*id);
            }
        }
        row.invoice_ids = serde_json::to_string(&unique).unwrap_or_else(|_| "[]".into());
    }
    if let Some(a) = &input.disputed_amount {
        match a {
            Some(a) => {
                let currency = crate::domain::money::Currency::parse(account_currency).ok();
                row.disputed_amount_minor = check.money_minor("disputed_amount", a, currency);
                row.disputed_currency = row
                    .disputed_amount_minor
                    .map(|_| account_currency.to_owned());
            }
            None => {
                row.disputed_amount_minor = None;
                row.disputed_currency = None;
            }
        }
    }
    if let Some(s) = check.enum_value::<RiskStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
    }
    if let Some(o) = &input.outcome {
        row.outcome = check
            .enum_value::<DisputeOutcome>("outcome", o.as_deref())
            .map(|o| o.as_str().to_owned());
    }
    if let Some(r) = &input.resolution {
        row.resolution = check.text("resolution", r.as_deref(), 5000);
    }
    if row.kind != "dispute"
        && (row.outcome.is_some() || row.disputed_amount_minor.is_some() || row.invoice_ids != "[]")
    {
        check.push(
            "kind",
            "dispute_fields",
            "outcome, disputed_amount and invoice_ids belong to disputes",
        );
    }
    if let Some(plan) = &input.action_plan {
        for (i, s) in plan.iter().enumerate() {
            check.required(&format!("action_plan[{i}].step"), Some(&s.step), 1000);
            check_user(
                tx,
                org,
                &format!("action_plan[{i}].owner_id"),
                s.owner_id,
                check,
            )?;
        }
    }
    Ok(())
}

/// The stored steps of an action plan (already checked), in order.
fn plan_rows(row: &RiskRow, plan: &[ActionStep]) -> Vec<RiskStepRow> {
    plan.iter()
        .enumerate()
        .map(|(i, s)| RiskStepRow {
            organization_id: row.organization_id,
            risk_id: row.id,
            step_no: i as i32,
            step: s.step.trim().to_owned(),
            owner_id: s.owner_id.map(UserId),
            due_on: s.due_on,
            done: s.done,
        })
        .collect()
}

/// Each invoice a dispute names must be an invoice of the risk's account.
fn check_disputed_invoices(
    tx: &mut Tx,
    org: OrganizationId,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<(), AppError> {
    let wanted: Vec<DocumentId> = ids.iter().map(|i| DocumentId(*i)).collect();
    let found: std::collections::HashMap<DocumentId, (String, ClientAccountId)> =
        db::crm::revenue::kinds_and_accounts(tx, org, &wanted)?
            .into_iter()
            .map(|(id, kind, acc)| (id, (kind, acc)))
            .collect();
    for (i, id) in wanted.iter().enumerate() {
        let field = format!("invoice_ids[{i}]");
        match found.get(id) {
            Some((kind, _)) if kind != "invoice" => {
                check.push(field, "not_an_invoice", "must be an invoice")
            }
            Some((_, acc)) if *acc != account && !account.0.is_nil() => check.push(
                field,
                "account_mismatch",
                "must be an invoice of the risk's account",
            ),
            Some(_) => {}
            None => check.push(field, "not_found", "no such invoice in your organization"),
        }
    }
    Ok(())
}

/// A competitor threat names a competitor the account is up against: it joins the account's
/// competitors.
fn threat_names_competitor(tx: &mut Tx, risk: &RiskRow) -> Result<(), AppError> {
    match risk.competitor_id {
        Some(c) if risk.kind == RiskKind::CompetitorThreat.as_str() => {
            super::accounts::add_competitor(tx, risk.organization_id, risk.account_id, c)
        }
        _ => Ok(()),
    }
}

pub struct Risk;

impl Record for Risk {
    const NAME: &'static str = "risk";
    const COLLECTION: &'static str = "risks";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = RiskRow;
    type Create = RiskCreate;
    type Patch = RiskInput;
    type View = RiskView;
    type Query = RiskListParams;

    fn event(before: &RiskRow, after: &RiskRow) -> Option<&'static str> {
        (after.status == "resolved" && before.status != "resolved").then_some("resolved")
    }

    fn may_create(tx: &mut Tx, input: &RiskCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(tx: &mut Tx, input: &RiskCreate, check: &mut Check) -> Result<RiskRow, AppError> {
        let account = account_records::account_for_new(tx, input.account_id, check)?;
        for (f, missing) in [
            ("kind", input.kind.is_none()),
            ("severity", input.severity.is_none()),
            ("description", input.description.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let now = db::now();
        let mut row = RiskRow {
            organization_id: tx.caller()?.org,
            id: RiskId::new(),
            account_id: account
                .as_ref()
                .map(|a| a.id)
                .unwrap_or(ClientAccountId(Uuid::nil())),
            kind: String::new(),
            severity: String::new(),
            description: String::new(),
            competitor_id: None,
            invoice_ids: "[]".into(),
            disputed_amount_minor: None,
            disputed_currency: None,
            status: RiskStatus::Open.as_str().into(),
            outcome: None,
            resolution: None,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let currency = account
            .as_ref()
            .map(|a| a.currency.clone())
            .unwrap_or_else(|| "USD".into());
        apply_fields(tx, &currency, input, &mut row, check)?;
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &RiskInput,
        row: &mut RiskRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "a risk stays on its account",
            ));
        }
        let currency = match row.disputed_currency.clone() {
            Some(c) => c,
            None => account_records::target_account(tx, row.account_id)?.currency,
        };
        apply_fields(tx, &currency, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &RiskRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn created(tx: &mut Tx, row: &RiskRow, input: &RiskCreate) -> Result<(), AppError> {
        let steps = plan_rows(row, input.action_plan.as_deref().unwrap_or(&[]));
        db::crm::risks::set_risk_steps(tx, row.organization_id, row.id, &steps)?;
        refresh_account(tx, row.organization_id, row.account_id)?;
        threat_names_competitor(tx, row)
    }

    fn updated(
        tx: &mut Tx,
        _before: &RiskRow,
        after: &RiskRow,
        input: &RiskInput,
    ) -> Result<(), AppError> {
        if let Some(plan) = &input.action_plan {
            let steps = plan_rows(after, plan);
            db::crm::risks::set_risk_steps(tx, after.organization_id, after.id, &steps)?;
        }
        refresh_account(tx, after.organization_id, after.account_id)?;
        threat_names_competitor(tx, after)
    }

    fn views(tx: &mut Tx, rows: Vec<RiskRow>) -> Result<Vec<RiskView>, AppError> {
        let org = tx.caller()?.org;
        let ids: Vec<RiskId> = rows.iter().map(|r| r.id).collect();
        let mut steps: HashMap<RiskId, Vec<ActionStep>> = HashMap::new();
        for s in db::crm::risks::risk_steps(tx, org, &ids)? {
            steps.entry(s.risk_id).or_default().push(ActionStep {
                step: s.step,
                owner_id: s.owner_id.map(|o| o.0),
                due_on: s.due_on,
                done: s.done,
            });
        }
        Ok(rows
            .into_iter()
            .map(|r| RiskView {
                id: r.id.0,
                account_id: r.account_id.0,
                kind: r.kind,
                severity: r.severity,
                description: r.description,
                competitor_id: r.competitor_id.map(|c| c.0),
                invoice_ids: serde_json::from_str(&r.invoice_ids).unwrap_or_default(),
                disputed_amount: r
                    .disputed_amount_minor
                    .map(|m| money_string(m, r.disputed_currency.as_deref().unwrap_or("USD"))),
                currency: r.disputed_currency,
                action_plan: steps.remove(&r.id).unwrap_or_default(),
                status: r.status,
                outcome: r.outcome,
                resolution: r.resolution,
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &RiskListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &RiskListParams) -> Option<&str> {
        q.sort()
    }
}
