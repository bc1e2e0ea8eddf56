//! Opportunities: deals in the pipeline of a client account. A plain record (see
//! [`crate::app::record`]) whose writes need write access to its account; it stays on its
//! account. Moving the stage moves the probability and the closing date with it (won: 100,
//! lost: 0, closed today unless said), and only a lost deal names why and the competitor it
//! was lost to (by id or by name, created on the way).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::account_records::{self, OpportunityListParams};
use super::{check_user, money_string, resolve_competitor};
use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::record::Record;
use crate::app::Tx;
use crate::auth::Permission;
use crate::db::crm::account_records::RecordFilter;
use crate::db::crm::opportunities::OpportunityRow;
use crate::db::{self};
use crate::domain::crm::{OpportunityKind, Stage, TextEnum};
use crate::domain::ids::{ClientAccountId, OpportunityId};

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OpportunityPatch)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInput {
    pub account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_id: Option<Option<Uuid>>,
    #[schema(value_type = Option<OpportunityKind>)]
    pub kind: Option<String>,
    #[schema(max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    /// A decimal string in `currency`.
    #[schema(example = "120000.00")]
    pub amount: Option<String>,
    pub currency: Option<String>,
    #[schema(value_type = Option<Stage>)]
    pub stage: Option<String>,
    /// 0-100.
    #[schema(minimum = 0, maximum = 100)]
    pub probability: Option<i32>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_close_on: Option<Option<NaiveDate>>,
    /// Defaults to today when the stage becomes won or lost.
    pub closed_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub lost_reason: Option<Option<String>>,
    /// A competitor's id or name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub lost_to_competitor_id: Option<Option<String>>,
}

crate::create_input!(
    /// A new opportunity: the fields of a change, with those a create must name required.
    OpportunityCreate(OpportunityInput) required ["account_id", "kind", "name", "amount"]
);

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

/// What a create or a change says about the opportunity's own fields: the stage moves
/// the probability and the closing date with it; only lost deals say why and to whom.
fn apply_fields(
    tx: &mut Tx,
    input: &OpportunityInput,
    row: &mut OpportunityRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if let Some(o) = input.owner_id {
        row.owner_id = check_user(tx, row.organization_id, "owner_id", o, check)?;
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
            Some(c) => {
                resolve_competitor(tx, row.organization_id, "lost_to_competitor_id", c, check)?
            }
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

pub struct Opportunity;

impl Record for Opportunity {
    const NAME: &'static str = "opportunity";
    const COLLECTION: &'static str = "opportunities";
    const WRITE: Permission = Permission::WriteCrm;

    type Row = OpportunityRow;
    type Create = OpportunityCreate;
    type Patch = OpportunityInput;
    type View = OpportunityView;
    type Query = OpportunityListParams;

    fn event(before: &OpportunityRow, after: &OpportunityRow) -> Option<&'static str> {
        match after.stage.as_str() {
            "won" if before.stage != "won" => Some("won"),
            "lost" if before.stage != "lost" => Some("lost"),
            _ => None,
        }
    }

    fn may_create(tx: &mut Tx, input: &OpportunityCreate) -> Result<(), AppError> {
        account_records::may_create_on(tx, input.account_id)
    }

    fn new_row(
        tx: &mut Tx,
        input: &OpportunityCreate,
        check: &mut Check,
    ) -> Result<OpportunityRow, AppError> {
        let caller = tx.caller()?;
        let account = account_records::account_for_new(tx, input.account_id, check)?;
        for (f, missing) in [
            ("kind", input.kind.is_none()),
            ("name", input.name.is_none()),
            ("amount", input.amount.is_none()),
        ] {
            if missing {
                check.push(f, "required", "is required");
            }
        }
        let now = db::now();
        let mut row = OpportunityRow {
            organization_id: caller.org,
            id: OpportunityId::new(),
            account_id: account
                .as_ref()
                .map(|a| a.id)
                .unwrap_or(ClientAccountId(Uuid::nil())),
            owner_id: account
                .as_ref()
                .and_then(|a| a.owner_id)
                .or(Some(caller.user_id())),
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
        apply_fields(tx, input, &mut row, check)?;
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        input: &OpportunityInput,
        row: &mut OpportunityRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        if input.account_id.is_some_and(|a| a != row.account_id.0) {
            return Err(AppError::field(
                "immutable_field",
                "account_id",
                "an opportunity stays on its account",
            ));
        }
        apply_fields(tx, input, row, check)
    }

    fn may_write(tx: &mut Tx, row: &OpportunityRow) -> Result<(), AppError> {
        account_records::may_write(tx, row.account_id).map(drop)
    }

    fn views(_tx: &mut Tx, rows: Vec<OpportunityRow>) -> Result<Vec<OpportunityView>, AppError> {
        Ok(rows.into_iter().map(OpportunityView::from).collect())
    }

    fn filter(_tx: &mut Tx, q: &OpportunityListParams) -> Result<RecordFilter, AppError> {
        q.filter()
    }

    fn sort(q: &OpportunityListParams) -> Option<&str> {
        q.sort()
    }
}
