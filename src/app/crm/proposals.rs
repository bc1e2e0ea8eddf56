//! Proposals: what was offered on an opportunity, one after another (`number` 1, 2, ...
//! within the opportunity; `version` guards changes, as on every resource). A plain record
//! (see [`crate::app::record`]) whose writes need write access to the opportunity's account;
//! it stays on its opportunity and keeps its number. Sending one (any status past draft)
//! dates it. Its terms: an amount in a currency (the opportunity's unless it names another),
//! a discount percentage, a term in months and a date it is valid until (not before it was
//! sent).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, ProposalListParams};
use super::money_string;
use crate::app::error::{on_unique, AppError, Check};
use crate::app::input::double_option;
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
use crate::domain::money::Currency;
use crate::domain::proposal::{
    discount_percent_string, parse_discount_percent, NUMBER_MAX, TERM_MONTHS_MAX, TERM_MONTHS_MIN,
};

/// A change to a proposal. Its `version` is not a field here: send the ETag you read as
/// `If-Match`, as for every resource.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ProposalPatch)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    /// A proposal stays on its opportunity: when given, it must be the one it is on.
    pub opportunity_id: Option<Uuid>,
    /// A proposal keeps its number: when given, it must be the one it has.
    #[schema(minimum = 1, maximum = 10000)]
    pub number: Option<i32>,
    #[schema(value_type = Option<ProposalStatus>)]
    pub status: Option<String>,
    /// Defaults to the day its status first moves past draft.
    pub sent_on: Option<NaiveDate>,
    /// Not before `sent_on` (422 `date_order`). `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub valid_until: Option<Option<NaiveDate>>,
    /// A non-negative decimal string with at most the currency's decimals (USD 2, JPY 0).
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+(\.[0-9]+)?$", example = "48000.00")]
    pub amount: Option<Option<String>>,
    /// ISO 4217 code of `amount`. `null` (or leaving it out on create) means the
    /// opportunity's currency; a change re-reads the amount in the new currency's decimals.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = "^[A-Z]{3}$", example = "USD")]
    pub currency: Option<Option<String>>,
    /// A percentage from 0 to 100 with at most 2 decimals, as a string. `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = r"^0*(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)$", example = "12.50")]
    pub discount_percent: Option<Option<String>>,
    /// The term offered, in months (1 to 600). `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 600)]
    pub term_months: Option<Option<i32>>,
    #[schema(max_length = 20000)]
    pub summary: Option<String>,
    /// What the client asked for or answered.
    #[schema(max_length = 20000)]
    pub client_input: Option<String>,
    /// Interactions the proposal was built from.
    pub source_interaction_ids: Option<Vec<Uuid>>,
}

/// A new proposal: the fields of a change, with `number` defaulting to the next one of the
/// opportunity, and `version` still read as the deprecated name of `number` (an answer's
/// `version` is the concurrency token).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalNew {
    pub opportunity_id: Option<Uuid>,
    /// The proposal's number within its opportunity (1, 2, ...); defaults to the next one.
    #[schema(minimum = 1, maximum = 10000)]
    pub number: Option<i32>,
    /// Deprecated: the earlier name of `number`, still read on create. When both are given
    /// they must agree (422 `number_conflict`). In answers `version` is the concurrency token.
    #[schema(minimum = 1, maximum = 10000, deprecated)]
    pub version: Option<i32>,
    #[schema(value_type = Option<ProposalStatus>)]
    pub status: Option<String>,
    /// Defaults to today when the status is past draft.
    pub sent_on: Option<NaiveDate>,
    /// Not before `sent_on` (422 `date_order`).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub valid_until: Option<Option<NaiveDate>>,
    /// A non-negative decimal string with at most the currency's decimals (USD 2, JPY 0).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+(\.[0-9]+)?$", example = "48000.00")]
    pub amount: Option<Option<String>>,
    /// ISO 4217 code of `amount`; defaults to the opportunity's currency.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = "^[A-Z]{3}$", example = "USD")]
    pub currency: Option<Option<String>>,
    /// A percentage from 0 to 100 with at most 2 decimals, as a string.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, pattern = r"^0*(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)$", example = "12.50")]
    pub discount_percent: Option<Option<String>>,
    /// The term offered, in months (1 to 600).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 600)]
    pub term_months: Option<Option<i32>>,
    #[schema(max_length = 20000)]
    pub summary: Option<String>,
    /// What the client asked for or answered.
    #[schema(max_length = 20000)]
    pub client_input: Option<String>,
    /// Interactions the proposal was built from.
    pub source_interaction_ids: Option<Vec<Uuid>>,
}

impl ProposalNew {
    /// Its terms, as a change would name them.
    fn terms(&self) -> ProposalInput {
        ProposalInput {
            opportunity_id: None,
            number: None,
            status: None,
            sent_on: None,
            valid_until: self.valid_until,
            amount: self.amount.clone(),
            currency: self.currency.clone(),
            discount_percent: self.discount_percent.clone(),
            term_months: self.term_months,
            summary: None,
            client_input: None,
            source_interaction_ids: None,
        }
    }
}

crate::create_input!(
    /// A new proposal: the fields of a change and its number, with those a create must name
    /// required.
    ProposalCreate(ProposalNew) required ["opportunity_id"]
);

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalView {
    pub id: Uuid,
    pub opportunity_id: Uuid,
    pub account_id: Uuid,
    /// The proposal's number within its opportunity (1, 2, ...).
    pub number: i32,
    #[schema(value_type = ProposalStatus)]
    pub status: String,
    pub sent_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// In `currency`, with its decimals.
    #[schema(example = "48000.00")]
    pub amount: Option<String>,
    pub currency: String,
    /// With two decimals.
    #[schema(example = "12.50")]
    pub discount_percent: Option<String>,
    pub term_months: Option<i32>,
    pub summary: Option<String>,
    pub client_input: Option<String>,
    pub source_interaction_ids: Vec<Uuid>,
    /// The concurrency token (the ETag's version, for If-Match).
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The terms a create or a change names, applied to `row`: amount and currency (the
/// opportunity's, `default_currency`, when cleared), discount, term and validity; then the
/// dates' order.
fn apply_terms(
    input: &ProposalInput,
    row: &mut ProposalRow,
    default_currency: impl FnOnce() -> Option<String>,
    check: &mut Check,
) {
    let currency = match &input.currency {
        Some(Some(c)) => check.currency("currency", c),
        Some(None) => default_currency().and_then(|c| Currency::parse(&c).ok()),
        None => Currency::parse(&row.currency).ok(),
    };
    if let Some(c) = currency {
        if input.currency.is_some() && input.amount.is_none() {
            // A currency change re-reads the stored amount in the new currency's decimals.
            if let Some(minor) = row.amount_minor {
                let text = money_string(minor, &row.currency);
                if let Some(m) = check.money_minor("amount", &text, Some(c)) {
                    row.amount_minor = Some(m);
                }
            }
        }
        row.currency = c.code().into();
    }
    match &input.amount {
        Some(Some(a)) if a.starts_with('-') => {
            check.push("amount", "negative_amount", "must not be negative");
        }
        Some(Some(a)) => {
            if let Some(m) = check.money_minor("amount", a, currency) {
                row.amount_minor = Some(m);
            }
        }
        Some(None) => row.amount_minor = None,
        None => {}
    }
    match &input.discount_percent {
        Some(Some(d)) => match parse_discount_percent(d) {
            Ok(bp) => row.discount_basis_points = Some(bp),
            Err(e) => check.push("discount_percent", e.code(), e.message()),
        },
        Some(None) => row.discount_basis_points = None,
        None => {}
    }
    if let Some(t) = input.term_months {
        check.range(
            "term_months",
            t.map(i64::from),
            TERM_MONTHS_MIN,
            TERM_MONTHS_MAX,
        );
        row.term_months = t;
    }
    if let Some(v) = input.valid_until {
        row.valid_until = v;
    }
    if let (Some(sent), Some(until)) = (row.sent_on, row.valid_until) {
        if until < sent {
            check.push(
                "valid_until",
                "date_order",
                format!("must not be before sent_on ({sent})"),
            );
        }
    }
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
        check.range("number", input.number.map(i64::from), 1, NUMBER_MAX);
        check.range("version", input.version.map(i64::from), 1, NUMBER_MAX);
        let named = match (input.number, input.version) {
            (Some(n), Some(v)) if n != v => {
                check.push(
                    "version",
                    "number_conflict",
                    "is the deprecated name of number; when both are given they must agree",
                );
                None
            }
            (n, v) => n.or(v),
        };
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
        let now = db::now();
        let opportunity_currency = opportunity.as_ref().map(|o| o.currency.clone());
        let mut row = ProposalRow {
            organization_id: org,
            id: ProposalId::new(),
            opportunity_id: opportunity
                .as_ref()
                .map(|o| o.id)
                .unwrap_or(OpportunityId(Uuid::nil())),
            account_id,
            number: named.unwrap_or(1),
            status: status.as_str().into(),
            sent_on: input
                .sent_on
                .or((status != ProposalStatus::Draft).then(|| Utc::now().date_naive())),
            summary,
            client_input,
            version: 1,
            created_at: now,
            updated_at: now,
            valid_until: None,
            amount_minor: None,
            currency: opportunity_currency.clone().unwrap_or_else(|| "USD".into()),
            discount_basis_points: None,
            term_months: None,
        };
        apply_terms(&input.terms(), &mut row, || opportunity_currency, check);
        if named.is_none() && check.is_clean() {
            // The rules broken are answered before anything else is read.
            row.number = db::crm::proposals::highest_number(tx, org, row.opportunity_id)?
                .map_or(1, |n| n + 1);
        }
        Ok(row)
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
        if input.number.is_some_and(|n| n != row.number) {
            check.push(
                "number",
                "immutable_field",
                "a proposal keeps its number: create a new proposal instead",
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
        // The opportunity's currency is read only when a change clears the proposal's own.
        let default_currency = match input.currency {
            Some(None) => existing_opportunity(tx, row.opportunity_id.0)?.map(|o| o.currency),
            _ => None,
        };
        apply_terms(input, row, || default_currency, check);
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
                number: r.number,
                status: r.status,
                sent_on: r.sent_on,
                valid_until: r.valid_until,
                amount: r.amount_minor.map(|m| money_string(m, &r.currency)),
                currency: r.currency,
                discount_percent: r.discount_basis_points.map(discount_percent_string),
                term_months: r.term_months,
                summary: r.summary,
                client_input: r.client_input,
                version: r.version,
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
                "proposal_number_taken",
                "this opportunity already has a proposal with this number",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::proposal::{AMOUNT_REGEX, DISCOUNT_PERCENT_REGEX};

    /// The spec's patterns and bounds are the domain's rules (the attributes take literals).
    #[test]
    fn the_schemas_state_the_domain_rules() {
        for schema in [
            <ProposalInput as utoipa::PartialSchema>::schema(),
            <ProposalNew as utoipa::PartialSchema>::schema(),
        ] {
            let schema = serde_json::to_value(schema).unwrap();
            let field = |name: &str| schema["properties"][name].clone();
            assert_eq!(field("amount")["pattern"], AMOUNT_REGEX);
            assert_eq!(field("discount_percent")["pattern"], DISCOUNT_PERCENT_REGEX);
            assert_eq!(field("term_months")["minimum"], TERM_MONTHS_MIN);
            assert_eq!(field("term_months")["maximum"], TERM_MONTHS_MAX);
            assert_eq!(field("number")["maximum"], NUMBER_MAX);
            assert!(field("version").is_null() || field("version")["deprecated"] == true);
        }
    }
}
