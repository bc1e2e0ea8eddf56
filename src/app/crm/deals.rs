//! Opportunities, proposals, risks (disputes included), competitors and targets.

use crate::app::Tx;
use crate::domain::ids::{
    ClientAccountId, CompetitorId, DocumentId, InteractionId, OpportunityId, OrganizationId,
    ProposalId, RiskId, TargetId, UserId,
};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{
    access, check_team, check_user, money_string, refresh_account, resolve_competitor, Check,
};
use crate::app::error::AppError;
use crate::app::input::double_option;
use crate::app::input::IfMatch;
use crate::auth::{Caller, Permission};
use crate::db::crm::deals::{
    CompetitorRow, OpportunityRow, ProposalRow, RiskRow, RiskStepRow, TargetRow,
};
use crate::db::{self, SqlDecimal};
use crate::domain::crm::{
    DisputeOutcome, OpportunityKind, ProposalStatus, RiskKind, RiskStatus, Severity, Stage,
    TargetMetric, TextEnum,
};
use crate::domain::money::{decimal_string, Money};

fn account_for_new(
    conn: &mut Tx,
    caller: &Caller,
    account_id: Option<Uuid>,
    check: &mut Check,
) -> Result<Option<crate::db::crm::accounts::AccountRow>, AppError> {
    let Some(a) = account_id else {
        check.push("account_id", "required", "must name the account");
        return Ok(None);
    };
    match db::crm::accounts::find(conn, caller.org, ClientAccountId(a)) {
        Ok(a) => Ok(Some(a)),
        Err(diesel::result::Error::NotFound) => {
            check.push(
                "account_id",
                "not_found",
                "no such account in your organization",
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

// ---- opportunities ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<OpportunityKind>)]
    pub kind: Option<String>,
    pub name: Option<String>,
    /// A decimal string in `currency`.
    #[schema(example = "120000.00")]
    pub amount: Option<String>,
    pub currency: Option<String>,
    #[schema(value_type = Option<Stage>)]
    pub stage: Option<String>,
    /// 0-100.
    pub probability: Option<i32>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_close_on: Option<Option<NaiveDate>>,
    /// Defaults to today when the stage becomes won or lost.
    pub closed_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub lost_reason: Option<Option<String>>,
    /// A competitor's id or name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub lost_to_competitor_id: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpportunityView {
    pub id: Uuid,
    pub account_id: Uuid,
    pub owner_id: Option<Uuid>,
    #[schema(value_type = OpportunityKind)]
    pub kind: String,
    pub name: String,
    #[schema(example = "120000.00")]
    pub amount: String,
    pub currency: String,
    #[schema(value_type = Stage)]
    pub stage: String,
    pub probability: i32,
    pub expected_close_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub lost_to_competitor_id: Option<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<OpportunityRow> for OpportunityView {
    fn from(r: OpportunityRow) -> Self {
        OpportunityView {
            id: r.id.0,
            account_id: r.account_id.0,
            owner_id: r.owner_id.map(|v| v.0),
            kind: r.kind,
            name: r.name,
            amount: money_string(r.amount_minor, &r.currency),
            currency: r.currency,
            stage: r.stage,
            probability: r.probability,
            expected_close_on: r.expected_close_on,
            closed_on: r.closed_on,
            lost_reason: r.lost_reason,
            lost_to_competitor_id: r.lost_to_competitor_id.map(|v| v.0),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

fn apply_opportunity(
    conn: &mut Tx,
    org: OrganizationId,
    input: &OpportunityInput,
    row: &mut OpportunityRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(o) = input.owner_id {
        row.owner_id = check_user(conn, org, "owner_id", o, check)?;
    }
    if let Some(k) = check.enum_value::<OpportunityKind>("kind", input.kind.as_deref()) {
        row.kind = k.as_str().into();
    }
    if let Some(n) = &input.name {
        row.name = check.required("name", Some(n), 200);
    }
    let currency = match &input.currency {
        Some(c) => check.currency("currency", c),
        None => crate::domain::money::Currency::parse(&row.currency).ok(),
    };
    if let Some(c) = currency {
        if input.currency.is_some() && input.amount.is_none() {
            // A currency change re-reads the stored amount in the new currency's units.
            let text = money_string(row.amount_minor, &row.currency);
            if let Some(m) = check.money_minor("amount", &text, Some(c)) {
                row.amount_minor = m;
            }
        }
        row.currency = c.code().into();
    }
    if let Some(a) = &input.amount {
        if let Some(m) = check.money_minor("amount", a, currency) {
            row.amount_minor = m;
        }
    }
    if let Some(s) = check.enum_value::<Stage>("stage", input.stage.as_deref()) {
        row.stage = s.as_str().into();
        match s {
            Stage::Won => row.probability = 100,
            Stage::Lost => row.probability = 0,
            _ => {}
        }
    }
    if let Some(p) = input.probability {
        check.range("probability", Some(i64::from(p)), 0, 100);
        row.probability = p;
    }
    if let Some(d) = input.expected_close_on {
        row.expected_close_on = d;
    }
    let closed = matches!(row.stage.as_str(), "won" | "lost");
    row.closed_on = if closed {
        Some(
            input
                .closed_on
                .or(row.closed_on)
                .unwrap_or_else(|| Utc::now().date_naive()),
        )
    } else {
        None
    };
    if input.closed_on.is_some() && !closed {
        check.push(
            "closed_on",
            "not_closed",
            "only won or lost opportunities have a closing date",
        );
    }
    if let Some(r) = &input.lost_reason {
        row.lost_reason = check.text("lost_reason", r.as_deref(), 2000);
    }
    if let Some(c) = &input.lost_to_competitor_id {
        row.lost_to_competitor_id = match c {
            Some(c) => resolve_competitor(conn, org, "lost_to_competitor_id", c, check)?,
            None => None,
        };
    }
    if row.stage != "lost"
        && (row.lost_reason.is_some() || row.lost_to_competitor_id.is_some())
        && (input.lost_reason.is_some() || input.lost_to_competitor_id.is_some())
    {
        check.push(
            "stage",
            "not_lost",
            "lost_reason and lost_to_competitor_id belong to lost opportunities",
        );
    }
    Ok(())
}

pub fn create_opportunity_in(
    conn: &mut Tx,
    caller: &Caller,
    input: OpportunityInput,
) -> Result<OpportunityView, AppError> {
    let org = caller.org;
    let now = db::now();
    let mut check = Check::default();
    let account = account_for_new(conn, caller, input.account_id, &mut check)?;
    for (f, missing) in [
        ("kind", input.kind.is_none()),
        ("name", input.name.is_none()),
        ("amount", input.amount.is_none()),
    ] {
        if missing {
            check.push(f, "required", "is required");
        }
    }
    let mut row = OpportunityRow {
        organization_id: org,
        id: OpportunityId(Uuid::now_v7()),
        account_id: account
            .as_ref()
            .map(|a| a.id)
            .unwrap_or(ClientAccountId(Uuid::nil())),
        owner_id: account
            .as_ref()
            .and_then(|a| a.owner_id)
            .or(Some(UserId(caller.user_id().0))),
        kind: String::new(),
        name: String::new(),
        amount_minor: 0,
        currency: account
            .as_ref()
            .map(|a| a.currency.clone())
            .unwrap_or_else(|| "USD".into()),
        stage: Stage::Qualification.as_str().into(),
        probability: 10,
        expected_close_on: None,
        closed_on: None,
        lost_reason: None,
        lost_to_competitor_id: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    apply_opportunity(conn, org, &input, &mut row, &mut check)?;
    check.finish()?;
    if let Some(a) = &account {
        access::require_write(conn, caller, a)?;
    }
    db::crm::deals::insert_opportunity(conn, &row)?;
    Ok(row.into())
}

pub fn get_opportunity(
    conn: &mut Tx,
    caller: &Caller,
    id: OpportunityId,
) -> Result<OpportunityRow, AppError> {
    caller.require(Permission::Read)?;
    db::crm::deals::find_opportunity(conn, caller.org, id)
        .map_err(|e| super::not_found(e, "opportunity"))
}

pub fn update_opportunity_in(
    conn: &mut Tx,
    caller: &Caller,
    id: OpportunityId,
    expected: &IfMatch,
    input: OpportunityInput,
) -> Result<OpportunityView, AppError> {
    let current = get_opportunity(conn, caller, id)?;
    access::writable_account(conn, caller, current.account_id)?;
    expected.check(current.version)?;
    if input.account_id.is_some_and(|a| a != current.account_id.0) {
        return Err(AppError::field(
            "immutable_field",
            "account_id",
            "an opportunity stays on its account",
        ));
    }
    let mut row = current.clone();
    let mut check = Check::default();
    apply_opportunity(conn, caller.org, &input, &mut row, &mut check)?;
    check.finish()?;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::deals::save_opportunity(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

// ---- proposals ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    pub opportunity_id: Option<Uuid>,
    /// The proposal's own version number (1, 2, ...); defaults to the next one.
    pub version: Option<i32>,
    #[schema(value_type = Option<ProposalStatus>)]
    pub status: Option<String>,
    pub sent_on: Option<NaiveDate>,
    pub summary: Option<String>,
    /// What the client asked for or answered.
    pub client_input: Option<String>,
    /// Interactions the proposal was built from.
    pub source_interaction_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalView {
    pub id: Uuid,
    pub opportunity_id: Uuid,
    pub account_id: Uuid,
    /// The proposal's version number (not a concurrency token; see `revision`).
    pub version: i32,
    /// Row revision, for If-Match.
    pub revision: i64,
    #[schema(value_type = ProposalStatus)]
    pub status: String,
    pub sent_on: Option<NaiveDate>,
    pub summary: Option<String>,
    pub client_input: Option<String>,
    pub source_interaction_ids: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn proposal_view(conn: &mut Tx, r: ProposalRow) -> Result<ProposalView, AppError> {
    let sources = db::crm::deals::proposal_sources(conn, r.organization_id, &[r.id])?
        .into_iter()
        .map(|(_, i)| i.0)
        .collect();
    Ok(ProposalView {
        id: r.id.0,
        opportunity_id: r.opportunity_id.0,
        account_id: r.account_id.0,
        version: r.number,
        revision: r.revision,
        status: r.status,
        sent_on: r.sent_on,
        summary: r.summary,
        client_input: r.client_input,
        source_interaction_ids: sources,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

fn check_sources(
    conn: &mut Tx,
    org: OrganizationId,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<Vec<InteractionId>, AppError> {
    let wanted: Vec<InteractionId> = ids.iter().map(|i| InteractionId(*i)).collect();
    let found: std::collections::HashMap<InteractionId, ClientAccountId> =
        db::crm::records::interaction_ids_by(conn, org, &wanted)?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        match found.get(id) {
            None => check.push(
                format!("source_interaction_ids[{i}]"),
                "not_found",
                "no such interaction in your organization",
            ),
            Some(a) if *a != account => check.push(
                format!("source_interaction_ids[{i}]"),
                "wrong_account",
                "this interaction is about another account",
            ),
            Some(_) if out.contains(id) => {}
            Some(_) => out.push(*id),
        }
    }
    Ok(out)
}

pub fn create_proposal_in(
    conn: &mut Tx,
    caller: &Caller,
    input: ProposalInput,
) -> Result<ProposalView, AppError> {
    let org = caller.org;
    let mut check = Check::default();
    let opportunity = match input.opportunity_id {
        None => {
            check.push("opportunity_id", "required", "must name the opportunity");
            None
        }
        Some(o) => match db::crm::deals::find_opportunity(conn, org, OpportunityId(o)) {
            Ok(o) => Some(o),
            Err(diesel::result::Error::NotFound) => {
                check.push(
                    "opportunity_id",
                    "not_found",
                    "no such opportunity in your organization",
                );
                None
            }
            Err(e) => return Err(e.into()),
        },
    };
    check.range("version", input.version.map(i64::from), 1, 10_000);
    let status = check
        .enum_value::<ProposalStatus>("status", input.status.as_deref())
        .unwrap_or(ProposalStatus::Draft);
    let summary = check.text("summary", input.summary.as_deref(), 20_000);
    let client_input = check.text("client_input", input.client_input.as_deref(), 20_000);
    let account_id = opportunity
        .as_ref()
        .map(|o| o.account_id)
        .unwrap_or(ClientAccountId(Uuid::nil()));
    let sources = check_sources(
        conn,
        org,
        account_id,
        input.source_interaction_ids.as_deref().unwrap_or(&[]),
        &mut check,
    )?;
    check.finish()?;
    let opportunity = opportunity.ok_or_else(|| AppError::not_found("opportunity"))?;
    access::writable_account(conn, caller, opportunity.account_id)?;
    let number = match input.version {
        Some(n) => n,
        None => db::crm::deals::list_proposals(
            conn,
            org,
            &crate::db::crm::records::RecordFilter {
                person_id: Some(opportunity.id.0),
                ..Default::default()
            },
            true,
            None,
            1,
        )?
        .first()
        .map(|p| p.number + 1)
        .unwrap_or(1),
    };
    let now = db::now();
    let sent_on = input
        .sent_on
        .or((status != ProposalStatus::Draft).then(|| Utc::now().date_naive()));
    let row = ProposalRow {
        organization_id: org,
        id: ProposalId(Uuid::now_v7()),
        opportunity_id: opportunity.id,
        account_id: opportunity.account_id,
        number,
        status: status.as_str().into(),
        sent_on,
        summary,
        client_input,
        revision: 1,
        created_at: now,
        updated_at: now,
    };
    db::crm::deals::insert_proposal(conn, &row).map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => AppError::conflict(
            "proposal_version_taken",
            "this opportunity already has a proposal with this version",
        ),
        e => e.into(),
    })?;
    db::crm::deals::set_proposal_sources(conn, org, row.id, &sources)?;
    proposal_view(conn, row)
}

pub fn get_proposal(
    conn: &mut Tx,
    caller: &Caller,
    id: ProposalId,
) -> Result<ProposalView, AppError> {
    caller.require(Permission::Read)?;
    let row = db::crm::deals::find_proposal(conn, caller.org, id)
        .map_err(|e| super::not_found(e, "proposal"))?;
    proposal_view(conn, row)
}

pub fn proposal_views(
    conn: &mut Tx,
    rows: Vec<ProposalRow>,
) -> Result<Vec<ProposalView>, AppError> {
    rows.into_iter().map(|r| proposal_view(conn, r)).collect()
}

pub fn update_proposal_in(
    conn: &mut Tx,
    caller: &Caller,
    id: ProposalId,
    expected: &crate::app::input::IfMatch,
    input: ProposalInput,
) -> Result<ProposalView, AppError> {
    let org = caller.org;
    let current = db::crm::deals::find_proposal(conn, org, id)
        .map_err(|e| super::not_found(e, "proposal"))?;
    expected.check(current.revision)?;
    access::writable_account(conn, caller, current.account_id)?;
    let mut row = current.clone();
    let mut check = Check::default();
    if input
        .opportunity_id
        .is_some_and(|o| o != current.opportunity_id.0)
    {
        check.push(
            "opportunity_id",
            "immutable_field",
            "a proposal stays on its opportunity",
        );
    }
    if input.version.is_some_and(|v| v != current.number) {
        check.push(
            "version",
            "immutable_field",
            "create a new proposal for a new version",
        );
    }
    if let Some(s) = check.enum_value::<ProposalStatus>("status", input.status.as_deref()) {
        row.status = s.as_str().into();
        if s != ProposalStatus::Draft && row.sent_on.is_none() {
            row.sent_on = Some(Utc::now().date_naive());
        }
    }
    if let Some(d) = input.sent_on {
        row.sent_on = Some(d);
    }
    if input.summary.is_some() {
        row.summary = check.text("summary", input.summary.as_deref(), 20_000);
    }
    if input.client_input.is_some() {
        row.client_input = check.text("client_input", input.client_input.as_deref(), 20_000);
    }
    let sources = match &input.source_interaction_ids {
        Some(ids) => Some(check_sources(conn, org, row.account_id, ids, &mut check)?),
        None => None,
    };
    check.finish()?;
    row.revision += 1;
    row.updated_at = db::now();
    if !db::crm::deals::save_proposal(conn, &row, current.revision)? {
        return Err(AppError::version_mismatch());
    }
    if let Some(s) = sources {
        db::crm::deals::set_proposal_sources(conn, org, row.id, &s)?;
    }
    proposal_view(conn, row)
}

// ---- risks ----

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
#[serde(deny_unknown_fields)]
pub struct RiskInput {
    pub account_id: Option<Uuid>,
    #[schema(value_type = Option<RiskKind>)]
    pub kind: Option<String>,
    #[schema(value_type = Option<Severity>)]
    pub severity: Option<String>,
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
    #[schema(value_type = Option<String>)]
    pub resolution: Option<Option<String>>,
}

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

pub fn risk_views(
    conn: &mut Tx,
    org: OrganizationId,
    rows: Vec<RiskRow>,
) -> Result<Vec<RiskView>, AppError> {
    let ids: Vec<RiskId> = rows.iter().map(|r| r.id).collect();
    let mut steps: std::collections::HashMap<RiskId, Vec<ActionStep>> =
        std::collections::HashMap::new();
    for s in db::crm::deals::risk_steps(conn, org, &ids)? {
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

fn apply_risk(
    conn: &mut Tx,
    org: OrganizationId,
    account_currency: &str,
    input: &RiskInput,
    row: &mut RiskRow,
    check: &mut Check,
) -> Result<Option<Vec<RiskStepRow>>, AppError> {
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
            Some(c) => resolve_competitor(conn, org, "competitor_id", c, check)?,
            None => None,
        };
    }
    if let Some(ids) = &input.invoice_ids {
        check_disputed_invoices(conn, org, row.account_id, ids, check)?;
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
    let steps = match &input.action_plan {
        None => None,
        Some(plan) => {
            let mut out = Vec::new();
            for (i, s) in plan.iter().enumerate() {
                let step = check.required(&format!("action_plan[{i}].step"), Some(&s.step), 1000);
                let owner = check_user(
                    conn,
                    org,
                    &format!("action_plan[{i}].owner_id"),
                    s.owner_id,
                    check,
                )?;
                out.push(RiskStepRow {
                    organization_id: org,
                    risk_id: row.id,
                    step_no: i as i32,
                    step,
                    owner_id: owner,
                    due_on: s.due_on,
                    done: s.done,
                });
            }
            Some(out)
        }
    };
    Ok(steps)
}

/// Each invoice a dispute names must be an invoice of the risk's account.
fn check_disputed_invoices(
    conn: &mut Tx,
    org: OrganizationId,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<(), AppError> {
    let wanted: Vec<DocumentId> = ids.iter().map(|i| DocumentId(*i)).collect();
    let found: std::collections::HashMap<DocumentId, (String, ClientAccountId)> =
        db::crm::revenue::kinds_and_accounts(conn, org, &wanted)?
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

pub fn create_risk_in(
    conn: &mut Tx,
    caller: &Caller,
    input: RiskInput,
) -> Result<RiskView, AppError> {
    let org = caller.org;
    let now = db::now();
    let mut check = Check::default();
    let account = account_for_new(conn, caller, input.account_id, &mut check)?;
    for (f, missing) in [
        ("kind", input.kind.is_none()),
        ("severity", input.severity.is_none()),
        ("description", input.description.is_none()),
    ] {
        if missing {
            check.push(f, "required", "is required");
        }
    }
    let mut row = RiskRow {
        organization_id: org,
        id: RiskId(Uuid::now_v7()),
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
    let steps = apply_risk(conn, org, &currency, &input, &mut row, &mut check)?;
    check.finish()?;
    if let Some(a) = &account {
        access::require_write(conn, caller, a)?;
    }
    db::crm::deals::insert_risk(conn, &row)?;
    db::crm::deals::set_risk_steps(conn, org, row.id, &steps.unwrap_or_default())?;
    refresh_account(conn, org, row.account_id)?;
    risk_views(conn, org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::internal("risk view lost"))
}

pub fn get_risk(conn: &mut Tx, caller: &Caller, id: RiskId) -> Result<RiskRow, AppError> {
    caller.require(Permission::Read)?;
    db::crm::deals::find_risk(conn, caller.org, id).map_err(|e| super::not_found(e, "risk"))
}

pub fn update_risk_in(
    conn: &mut Tx,
    caller: &Caller,
    id: RiskId,
    expected: &IfMatch,
    input: RiskInput,
) -> Result<RiskView, AppError> {
    let org = caller.org;
    let current = get_risk(conn, caller, id)?;
    let account = access::writable_account(conn, caller, current.account_id)?;
    expected.check(current.version)?;
    if input.account_id.is_some_and(|a| a != current.account_id.0) {
        return Err(AppError::field(
            "immutable_field",
            "account_id",
            "a risk stays on its account",
        ));
    }
    let mut row = current.clone();
    let mut check = Check::default();
    let currency = row.disputed_currency.clone().unwrap_or(account.currency);
    let steps = apply_risk(conn, org, &currency, &input, &mut row, &mut check)?;
    check.finish()?;
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::deals::save_risk(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    if let Some(s) = steps {
        db::crm::deals::set_risk_steps(conn, org, row.id, &s)?;
    }
    refresh_account(conn, org, row.account_id)?;
    risk_views(conn, org, vec![row])?
        .pop()
        .ok_or_else(|| AppError::internal("risk view lost"))
}

// ---- competitors ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetitorInput {
    pub name: Option<String>,
    pub website: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompetitorView {
    pub id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CompetitorRow> for CompetitorView {
    fn from(r: CompetitorRow) -> Self {
        CompetitorView {
            id: r.id.0,
            name: r.name,
            website: r.website,
            notes: r.notes,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

pub fn create_competitor_in(
    conn: &mut Tx,
    caller: &Caller,
    input: CompetitorInput,
) -> Result<CompetitorView, AppError> {
    caller.require(Permission::WriteCrm)?;
    let org = caller.org;
    let mut check = Check::default();
    let name = check.required("name", input.name.as_deref(), 200);
    let website = check.url("website", input.website.as_deref());
    let notes = check.text("notes", input.notes.as_deref(), 5000);
    check.finish()?;
    if db::crm::deals::competitor_by_key(conn, org, &name.to_lowercase())?.is_some() {
        return Err(AppError::conflict(
            "competitor_exists",
            "a competitor of this name (in any case) exists",
        ));
    }
    let now = db::now();
    let row = CompetitorRow {
        organization_id: org,
        id: CompetitorId(Uuid::now_v7()),
        name_key: name.to_lowercase(),
        name,
        website,
        notes,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok(db::crm::deals::upsert_competitor(conn, &row)?.into())
}

pub fn update_competitor_in(
    conn: &mut Tx,
    caller: &Caller,
    id: CompetitorId,
    expected: &IfMatch,
    input: CompetitorInput,
) -> Result<CompetitorView, AppError> {
    caller.require(Permission::WriteCrm)?;
    let org = caller.org;
    let current = db::crm::deals::find_competitor(conn, org, id)
        .map_err(|e| super::not_found(e, "competitor"))?;
    expected.check(current.version)?;
    let mut row = current.clone();
    let mut check = Check::default();
    if let Some(n) = &input.name {
        row.name = check.required("name", Some(n), 200);
        row.name_key = row.name.to_lowercase();
    }
    if input.website.is_some() {
        row.website = check.url("website", input.website.as_deref());
    }
    if input.notes.is_some() {
        row.notes = check.text("notes", input.notes.as_deref(), 5000);
    }
    check.finish()?;
    if row.name_key != current.name_key
        && db::crm::deals::competitor_by_key(conn, org, &row.name_key)?.is_some()
    {
        return Err(AppError::conflict(
            "competitor_exists",
            "a competitor of this name (in any case) exists",
        ));
    }
    row.version += 1;
    row.updated_at = db::now();
    if !db::crm::deals::save_competitor(conn, &row, current.version)? {
        return Err(AppError::version_mismatch());
    }
    Ok(row.into())
}

// ---- targets ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    pub user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(value_type = TargetMetric)]
    pub metric: String,
    /// A money string in the base currency for money metrics; a whole number for counts.
    #[schema(example = "500000.00")]
    pub amount: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TargetView {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(value_type = TargetMetric)]
    pub metric: String,
    #[serde(with = "decimal_string")]
    #[schema(value_type = String, example = "500000.00")]
    pub amount: Decimal,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TargetRow> for TargetView {
    fn from(r: TargetRow) -> Self {
        TargetView {
            id: r.id.0,
            user_id: r.user_id.map(|v| v.0),
            team_id: r.team_id.map(|v| v.0),
            period_start: r.period_start,
            period_end: r.period_end,
            metric: r.metric,
            amount: r.amount.0,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// Targets are set by admins, and by team leads for their teams and their members.
pub fn create_target_in(
    conn: &mut Tx,
    caller: &Caller,
    input: TargetInput,
) -> Result<TargetView, AppError> {
    caller.require(Permission::WriteCrm)?;
    let org = caller.org;
    let mut check = Check::default();
    let user = check_user(conn, org, "user_id", input.user_id, &mut check)?;
    let team = check_team(conn, org, "team_id", input.team_id, &mut check)?;
    if user.is_some() == team.is_some() {
        check.push(
            "user_id",
            "one_holder",
            "a target belongs to exactly one of user_id and team_id",
        );
    }
    if input.period_end < input.period_start {
        check.push(
            "period_end",
            "date_order",
            "must not be before period_start",
        );
    }
    let metric = check.enum_value::<TargetMetric>("metric", Some(&input.metric));
    let mut amount = Decimal::ZERO;
    if let Some(m) = metric {
        if m.is_money() {
            let base = crate::app::ledger::org(conn, caller)?.base;
            match Money::parse(&input.amount, base) {
                Ok(v) if !v.is_negative() => amount = v.amount(),
                Ok(_) => check.push("amount", "negative_amount", "must not be negative"),
                Err(e) => check.push("amount", e.code(), e.to_string()),
            }
        } else {
            match input.amount.parse::<u64>() {
                Ok(n) => amount = Decimal::from(n),
                Err(_) => check.push(
                    "amount",
                    "invalid_count",
                    "a whole, non-negative number as a string, such as \"12\"",
                ),
            }
        }
    }
    check.finish()?;
    let reach = access::Reach::of(conn, caller)?;
    if !reach.everything && !team.is_some_and(|t| reach.leads_team(t)) {
        return Err(AppError::forbidden(
            "crm:targets (admins, or the lead of the team)",
        ));
    }
    let metric = metric.map(|m| m.as_str()).unwrap_or_default();
    if db::crm::deals::overlapping_target(
        conn,
        org,
        user,
        team,
        metric,
        (input.period_start, input.period_end),
        None,
    )?
    .is_some()
    {
        return Err(AppError::conflict(
            "target_overlaps",
            "this holder already has a target for this metric in an overlapping period",
        ));
    }
    let now = db::now();
    let row = TargetRow {
        organization_id: org,
        id: TargetId(Uuid::now_v7()),
        user_id: user,
        team_id: team,
        period_start: input.period_start,
        period_end: input.period_end,
        metric: metric.into(),
        amount: SqlDecimal(amount),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    db::crm::deals::insert_target(conn, &row)?;
    Ok(row.into())
}

pub fn get_target(conn: &mut Tx, caller: &Caller, id: TargetId) -> Result<TargetRow, AppError> {
    caller.require(Permission::Read)?;
    db::crm::deals::find_target(conn, caller.org, id).map_err(|e| super::not_found(e, "target"))
}

pub fn delete_target_in(conn: &mut Tx, caller: &Caller, id: TargetId) -> Result<(), AppError> {
    let current = get_target(conn, caller, id)?;
    caller.require(Permission::WriteCrm)?;
    let reach = access::Reach::of(conn, caller)?;
    if !reach.everything && !current.team_id.is_some_and(|t| reach.leads_team(t)) {
        return Err(AppError::forbidden(
            "crm:targets (admins, or the lead of the team)",
        ));
    }
    db::crm::deals::delete_target(conn, current.organization_id, current.id)?;
    Ok(())
}
