//! Proposals: what was offered on an opportunity, version by version (`version` is the
//! proposal's number; `revision` guards changes). A plain record (see
//! [`crate::app::record`]) whose writes need write access to the opportunity's account; it
//! stays on its opportunity and keeps its number. Sending one (any status past draft) dates it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, ProposalListParams};
use crate::app::error::{on_unique, AppError, Check};
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::crm::proposals::ProposalRow;
use crate::db::record::Stored;
use crate::db::{self};
use crate::domain::crm::{ProposalStatus, TextEnum};
use crate::domain::ids::{ClientAccountId, InteractionId, OpportunityId, ProposalId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ProposalPatch)]
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

crate::create_input!(
    /// A new proposal: the fields of a change, with those a create must name required.
    ProposalCreate(ProposalInput) required ["opportunity_id"]
);

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

/// The interactions a proposal was built from must exist and be about its account; each once.
fn check_sources(
    tx: &mut Tx,
    account: ClientAccountId,
    ids: &[Uuid],
    check: &mut Check,
) -> Result<Vec<InteractionId>, AppError> {
    let org = tx.caller()?.org;
    let wanted: Vec<InteractionId> = ids.iter().map(|i| InteractionId(*i)).collect();
    let found: std::collections::HashMap<InteractionId, ClientAccountId> =
        db::crm::interactions::interaction_ids_by(tx, org, &wanted)?
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

/// The opportunity `id`, if it exists in the caller's organization.
fn existing_opportunity(tx: &mut Tx, id: Uuid) -> Result<Option<OpportunityRow>, AppError> {
    let org = tx.caller()?.org;
    match OpportunityRow::find(tx, org, OpportunityId(id)) {
        Ok(o) => Ok(Some(o)),
        Err(diesel::result::Error::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The interactions an input names, each once, in the order named (already checked).
fn named_sources(ids: &[Uuid]) -> Vec<InteractionId> {
    let mut out: Vec<InteractionId> = Vec::with_capacity(ids.len());
    for id in ids.iter().map(|i| InteractionId(*i)) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

pub struct Proposal;

impl Record for Proposal {
    const NAME: &'static str = "proposal";
    const COLLECTION: &'static str = "proposals";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = ProposalRow;
    type Create = ProposalCreate;
    type Patch = ProposalInput;
    type View = ProposalView;
    type Query = ProposalListParams;

    fn may_create(tx: &mut Tx, input: &ProposalCreate) -> Result<(), AppError> {
        let Some(id) = input.opportunity_id else {
            return Ok(());
        };
        match existing_opportunity(tx, id)? {
            Some(o) => account_records::may_write(tx, o.account_id).map(drop),
            None => Ok(()),
        }
    }

    fn new_row(
        tx: &mut Tx,
        input: &ProposalCreate,
        check: &mut Check,
    ) -> Result<ProposalRow, AppError> {
        let org = tx.caller()?.org;
        let opportunity = match input.opportunity_id {
            None => {
                check.push("opportunity_id", "required", "must name the opportunity");
                None
            }
            Some(o) => {
                let found = existing_opportunity(tx, o)?;
                if found.is_none() {
                    check.push(
                        "opportunity_id",
                        "not_found",
                        "no such opportunity in your organization",
                    );
                }
                found
            }
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
        let sources = input.source_interaction_ids.as_deref().unwrap_or(&[]);
        check_sources(tx, account_id, sources, check)?;
        let Some(opportunity) = opportunity.filter(|_| check.is_clean()) else {
            // The rules broken are answered before anything else is read.
            return Ok(ProposalRow {
                organization_id: org,
                id: ProposalId::new(),
                opportunity_id: OpportunityId(Uuid::nil()),
                account_id,
                number: 1,
                status: status.as_str().into(),
                sent_on: None,
                summary,
                client_input,
                revision: 1,
                created_at: db::now(),
                updated_at: db::now(),
            });
        };
        let number = match input.version {
            Some(n) => n,
            None => {
                db::crm::proposals::latest_number(tx, org, opportunity.id)?.map_or(1, |n| n + 1)
            }
        };
        let now = db::now();
        let sent_on = input
            .sent_on
            .or((status != ProposalStatus::Draft).then(|| Utc::now().date_naive()));
        Ok(ProposalRow {
            organization_id: org,
            id: ProposalId::new(),
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
        })
    }

    fn apply(
        tx: &mut Tx,
        input: &ProposalInput,
        row: &mut ProposalRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input
            .opportunity_id
            .is_some_and(|o| o != row.opportunity_id.0)
        {
            check.push(
                "opportunity_id",
                "immutable_field",
                "a proposal stays on its opportunity",
            );
        }
        if input.version.is_some_and(|v| v != row.number) {
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
        if let Some(ids) = &input.source_interaction_ids {
            check_sources(tx, row.account_id, ids, check)?;
        }
        Ok(())
    }

    fn may_write(tx: &mut Tx, row: &ProposalRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn created(tx: &mut Tx, row: &ProposalRow, input: &ProposalCreate) -> Result<(), AppError> {
        let sources = named_sources(input.source_interaction_ids.as_deref().unwrap_or(&[]));
        Ok(db::crm::proposals::set_proposal_sources(
            tx,
            row.organization_id,
            row.id,
            &sources,
        )?)
    }

    fn updated(
        tx: &mut Tx,
        _before: &ProposalRow,
        after: &ProposalRow,
        input: &ProposalInput,
    ) -> Result<(), AppError> {
        match &input.source_interaction_ids {
            Some(ids) => Ok(db::crm::proposals::set_proposal_sources(
                tx,
                after.organization_id,
                after.id,
                &named_sources(ids),
            )?),
            None => Ok(()),
        }
    }

    fn views(tx: &mut Tx, rows: Vec<ProposalRow>) -> Result<Vec<ProposalView>, AppError> {
        let org = tx.caller()?.org;
        let ids: Vec<ProposalId> = rows.iter().map(|r| r.id).collect();
        let mut sources: HashMap<ProposalId, Vec<Uuid>> = HashMap::new();
        for (p, i) in db::crm::proposals::proposal_sources(tx, org, &ids)? {
            sources.entry(p).or_default().push(i.0);
        }
        Ok(rows
            .into_iter()
            .map(|r| ProposalView {
                source_interaction_ids: sources.remove(&r.id).unwrap_or_default(),
                id: r.id.0,
                opportunity_id: r.opportunity_id.0,
                account_id: r.account_id.0,
                version: r.number,
                revision: r.revision,
                status: r.status,
                sent_on: r.sent_on,
                summary: r.summary,
                client_input: r.client_input,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
            .collect())
    }

    fn filter(_tx: &mut Tx, q: &ProposalListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &ProposalListParams) -> Option<&str> {
        q.sort()
    }

    fn on_unique(e: diesel::result::Error) -> AppError {
        on_unique(e, "number", || {
            AppError::conflict(
                "proposal_version_taken",
                "this opportunity already has a proposal with this version",
            )
        })
    }
}
