//! Bank rules: what categorizes a bank line no payment or entry matched. A plain record (see
//! [`crate::app::record`]) with its own rules: at least one condition, amounts that are
//! absolute bounds in order, and references that exist in the organization (the ledger
//! account active, neither a control account nor the bank's own). [`first_match`] picks the
//! rule a line gets: the first active one, by priority then creation, whose every condition
//! holds.

use chrono::{DateTime, Utc};
use diesel::result::Error as DieselError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::error::{AppError, Check};
use crate::app::input::double_option;
use crate::app::page::{Page, PageParams, PageRequest};
use crate::app::record::Record;
use crate::app::{App, Context, Tx};
use crate::auth::Permission;
use crate::db::banking::rules::{self as store, BankRuleRow};
use crate::db::billing::bank_accounts::BankAccountRow;
use crate::db::billing::tax_rates::TaxRateRow;
use crate::db::record::Stored;
use crate::db::{self, SqlDecimal};
use crate::domain::ids::{
    BankAccountId, BankRuleId, ClientAccountId, LedgerAccountId, OrganizationId, TaxRateId,
};
use crate::domain::ledger::SystemRole;

/// Which way the money goes: `in` (a positive line) or `out` (a negative one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleDirection {
    In,
    Out,
}

impl RuleDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleDirection::In => "in",
            RuleDirection::Out => "out",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "in" => Some(RuleDirection::In),
            "out" => Some(RuleDirection::Out),
            _ => None,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BankRuleView {
    pub id: Uuid,
    #[schema(example = "Bank fees")]
    pub name: String,
    /// Only lines of this bank account; any when null.
    pub bank_account_id: Option<Uuid>,
    /// Case-insensitive text the line's description contains.
    #[schema(example = "monthly fee")]
    pub description_contains: Option<String>,
    /// Case-insensitive text the line's counterparty name contains.
    pub counterparty: Option<String>,
    /// The least absolute amount of the line.
    #[schema(example = "0.01")]
    pub amount_min: Option<String>,
    /// The greatest absolute amount of the line.
    #[schema(example = "50.00")]
    pub amount_max: Option<String>,
    pub direction: Option<RuleDirection>,
    /// Where a matched line is posted.
    pub ledger_account_id: Uuid,
    /// The client account the posting names.
    pub account_id: Option<Uuid>,
    pub tax_rate_id: Option<Uuid>,
    /// Lower is tried first (0 to 10000; default 100).
    #[schema(example = 100)]
    pub priority: i32,
    pub is_active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<BankRuleRow> for BankRuleView {
    fn from(r: BankRuleRow) -> Self {
        BankRuleView {
            id: r.id.0,
            name: r.name,
            bank_account_id: r.bank_account_id.map(|i| i.0),
            description_contains: r.description_contains,
            counterparty: r.counterparty,
            amount_min: r.amount_min.map(|a| a.0.to_string()),
            amount_max: r.amount_max.map(|a| a.0.to_string()),
            direction: r.direction.as_deref().and_then(RuleDirection::parse),
            ledger_account_id: r.ledger_account_id.0,
            account_id: r.account_id.map(|i| i.0),
            tax_rate_id: r.tax_rate_id.map(|i| i.0),
            priority: r.priority,
            is_active: r.is_active,
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// The fields of a bank rule to change (absent = unchanged, `null` clears); a create is
/// [`BankRuleCreate`].
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = BankRulePatch)]
#[serde(deny_unknown_fields)]
pub struct BankRuleRequest {
    #[schema(example = "Bank fees", max_length = 200)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub bank_account_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200, example = "monthly fee")]
    pub description_contains: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub counterparty: Option<Option<String>>,
    /// A decimal string: the least absolute amount.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "0.01")]
    pub amount_min: Option<Option<String>>,
    /// A decimal string: the greatest absolute amount.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, example = "50.00")]
    pub amount_max: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<RuleDirection>)]
    pub direction: Option<Option<RuleDirection>>,
    /// Where a matched line is posted: an active account, not receivables, payables or the
    /// bank's own.
    pub ledger_account_id: Option<Uuid>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub account_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub tax_rate_id: Option<Option<Uuid>>,
    /// Lower is tried first: 0 to 10000 (default 100).
    #[schema(minimum = 0, maximum = 10000, example = 100)]
    pub priority: Option<i64>,
    pub is_active: Option<bool>,
}

crate::create_input!(
    /// A new bank rule: the fields of a change, with those a create must name required. At
    /// least one of `description_contains`, `counterparty`, `amount_min` and `amount_max`.
    BankRuleCreate(BankRuleRequest) required ["name", "ledger_account_id"]
);

/// The largest amount a bound may be (the column's range).
fn amount_limit() -> Decimal {
    Decimal::from(1_000_000_000_000_000_000i64)
}

fn amount_of(check: &mut Check, field: &str, value: Option<&str>) -> Option<SqlDecimal> {
    let raw = value?;
    match raw.trim().parse::<Decimal>() {
        Ok(d) if d.is_sign_negative() && !d.is_zero() => {
            check.push(
                field,
                "negative_amount",
                "an absolute amount: must not be negative",
            );
            None
        }
        Ok(d) if d >= amount_limit() => {
            check.push(field, "too_large", "too large");
            None
        }
        Ok(d) => Some(SqlDecimal(d)),
        Err(_) => {
            check.push(
                field,
                "invalid_amount",
                "a decimal string such as \"50.00\"",
            );
            None
        }
    }
}

/// `patch` applied to `row`: each field's own shape into `check`.
fn apply_fields(patch: &BankRuleRequest, row: &mut BankRuleRow, check: &mut Check) {
    if let Some(name) = &patch.name {
        row.name = check.required("name", Some(name), 200);
    }
    if let Some(b) = patch.bank_account_id {
        row.bank_account_id = b.map(BankAccountId);
    }
    if let Some(t) = &patch.description_contains {
        row.description_contains = check.text("description_contains", t.as_deref(), 200);
    }
    if let Some(t) = &patch.counterparty {
        row.counterparty = check.text("counterparty", t.as_deref(), 200);
    }
    if let Some(a) = &patch.amount_min {
        row.amount_min = amount_of(check, "amount_min", a.as_deref());
    }
    if let Some(a) = &patch.amount_max {
        row.amount_max = amount_of(check, "amount_max", a.as_deref());
    }
    if let Some(d) = patch.direction {
        row.direction = d.map(|d| d.as_str().to_owned());
    }
    if let Some(l) = patch.ledger_account_id {
        row.ledger_account_id = LedgerAccountId(l);
    }
    if let Some(a) = patch.account_id {
        row.account_id = a.map(ClientAccountId);
    }
    if let Some(t) = patch.tax_rate_id {
        row.tax_rate_id = t.map(TaxRateId);
    }
    if let Some(p) = patch.priority {
        check.range("priority", Some(p), 0, 10_000);
        row.priority = p.clamp(0, 10_000) as i32;
    }
    if let Some(a) = patch.is_active {
        row.is_active = a;
    }
}

/// The rules of the rule as a whole: a condition, bounds in order, references that exist.
fn check_row(
    tx: &mut Tx,
    org: OrganizationId,
    row: &BankRuleRow,
    check: &mut Check,
) -> Result<(), AppError> {
    if row.description_contains.is_none()
        && row.counterparty.is_none()
        && row.amount_min.is_none()
        && row.amount_max.is_none()
    {
        check.push(
            "description_contains",
            "condition_required",
            "give at least one of description_contains, counterparty, amount_min, amount_max",
        );
    }
    if let (Some(min), Some(max)) = (&row.amount_min, &row.amount_max) {
        if min.0 > max.0 {
            check.push(
                "amount_min",
                "amount_range",
                "must not be more than amount_max",
            );
        }
    }
    let bank = match row.bank_account_id {
        Some(id) => match BankAccountRow::find(tx, org, id) {
            Ok(b) => Some(b),
            Err(DieselError::NotFound) => {
                check.push(
                    "bank_account_id",
                    "not_found",
                    "no such bank account in your organization",
                );
                None
            }
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    match db::ledger::find_account(tx, org, row.ledger_account_id) {
        Ok(a) => {
            let role = a
                .system_role
                .as_deref()
                .and_then(|r| r.parse::<SystemRole>().ok());
            if !a.is_active {
                check.push(
                    "ledger_account_id",
                    "ledger_account_inactive",
                    "this ledger account is deactivated",
                );
            } else if role.is_some_and(SystemRole::is_control) {
                check.push(
                    "ledger_account_id",
                    "control_account",
                    "receivables and payables take postings only from documents and payments",
                );
            } else if bank.as_ref().is_some_and(|b| b.ledger_account_id == a.id)
                || (bank.is_none() && role == Some(SystemRole::Bank))
            {
                check.push(
                    "ledger_account_id",
                    "bank_ledger_account",
                    "a rule posts against another account than the bank's own",
                );
            }
        }
        Err(DieselError::NotFound) => check.push(
            "ledger_account_id",
            "not_found",
            "no such ledger account in your organization",
        ),
        Err(e) => return Err(e.into()),
    }
    if let Some(id) = row.account_id {
        match db::crm::accounts::find(tx, org, id) {
            Ok(_) => {}
            Err(DieselError::NotFound) => check.push(
                "account_id",
                "not_found",
                "no such account in your organization",
            ),
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(id) = row.tax_rate_id {
        match TaxRateRow::find(tx, org, id) {
            Ok(_) => {}
            Err(DieselError::NotFound) => check.push(
                "tax_rate_id",
                "not_found",
                "no such tax rate in your organization",
            ),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

pub struct BankRule;

impl Record for BankRule {
    const NAME: &'static str = "bank_rule";
    const NOUN: &'static str = "bank rule";
    const COLLECTION: &'static str = "bank-rules";
    const WRITE: Permission = Permission::WriteBooks;

    type Row = BankRuleRow;
    type Create = BankRuleCreate;
    type Patch = BankRuleRequest;
    type View = BankRuleView;
    type Query = ();

    fn new_row(
        tx: &mut Tx,
        input: &BankRuleCreate,
        check: &mut Check,
    ) -> Result<BankRuleRow, AppError> {
        let org = tx.caller()?.org;
        let now = db::now();
        let mut row = BankRuleRow {
            organization_id: org,
            id: BankRuleId::new(),
            name: String::new(),
            bank_account_id: None,
            description_contains: None,
            counterparty: None,
            amount_min: None,
            amount_max: None,
            direction: None,
            ledger_account_id: LedgerAccountId(Uuid::nil()),
            account_id: None,
            tax_rate_id: None,
            priority: 100,
            is_active: true,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        if input.name.is_none() {
            check.push("name", "required", "must not be empty");
        }
        if input.ledger_account_id.is_none() {
            check.push("ledger_account_id", "required", "is required");
        }
        apply_fields(input, &mut row, check);
        if input.ledger_account_id.is_some() {
            check_row(tx, org, &row, check)?;
        } else if row.description_contains.is_none()
            && row.counterparty.is_none()
            && row.amount_min.is_none()
            && row.amount_max.is_none()
        {
            check.push(
                "description_contains",
                "condition_required",
                "give at least one of description_contains, counterparty, amount_min, amount_max",
            );
        }
        Ok(row)
    }

    fn apply(
        tx: &mut Tx,
        patch: &BankRuleRequest,
        row: &mut BankRuleRow,
        check: &mut Check,
    ) -> Result<(), AppError> {
        apply_fields(patch, row, check);
        check_row(tx, row.organization_id, row, check)
    }

    fn views(_tx: &mut Tx, rows: Vec<BankRuleRow>) -> Result<Vec<BankRuleView>, AppError> {
        Ok(rows.into_iter().map(BankRuleView::from).collect())
    }

    fn filter(_tx: &mut Tx, _query: &()) -> Result<(), AppError> {
        Ok(())
    }
}

/// `GET /bank-rules`: a page in the order the rules are tried (priority, then creation).
pub async fn list(
    app: &App,
    cx: &Context,
    page: PageParams,
) -> Result<Page<BankRuleView>, AppError> {
    app.read(cx, move |tx| {
        let caller = tx.caller()?;
        caller.require(BankRule::READ)?;
        let page = PageRequest::new(&page, "priority", "")?;
        let after = match &page.after {
            Some((priority, id)) => Some((
                priority.parse::<i32>().map_err(|_| {
                    AppError::field(
                        "invalid_cursor",
                        "cursor",
                        "is not a cursor this list handed out",
                    )
                })?,
                BankRuleId(*id),
            )),
            None => None,
        };
        let rows = store::page_by_priority(tx, caller.org, after, page.fetch())?;
        Ok(page.page(
            rows,
            |r| (r.priority.to_string(), r.id.0),
            BankRuleView::from,
        ))
    })
    .await
}

/// A bank line as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct RuleLine<'a> {
    pub bank_account_id: BankAccountId,
    /// Signed: positive is money in.
    pub amount: Decimal,
    pub description: Option<&'a str>,
    pub counterparty_name: Option<&'a str>,
}

/// Whether `needle` is in `haystack`, case aside; a line without the text does not match.
fn contains(haystack: Option<&str>, needle: &str) -> bool {
    haystack.is_some_and(|h| h.to_lowercase().contains(&needle.to_lowercase()))
}

/// Whether every condition `rule` gives holds for `line`.
pub fn matches(rule: &BankRuleRow, line: &RuleLine) -> bool {
    let size = line.amount.abs();
    rule.bank_account_id
        .is_none_or(|b| b == line.bank_account_id)
        && rule
            .description_contains
            .as_deref()
            .is_none_or(|t| contains(line.description, t))
        && rule
            .counterparty
            .as_deref()
            .is_none_or(|t| contains(line.counterparty_name, t))
        && rule.amount_min.as_ref().is_none_or(|m| size >= m.0)
        && rule.amount_max.as_ref().is_none_or(|m| size <= m.0)
        && match rule.direction.as_deref().and_then(RuleDirection::parse) {
            None => true,
            Some(RuleDirection::In) => line.amount > Decimal::ZERO,
            Some(RuleDirection::Out) => line.amount < Decimal::ZERO,
        }
}

/// The rule `line` gets: of the active rules whose every condition holds, the first by
/// priority, then creation.
pub fn first_match<'a>(rules: &'a [BankRuleRow], line: &RuleLine) -> Option<&'a BankRuleRow> {
    rules
        .iter()
        .filter(|r| r.is_active && matches(r, line))
        .min_by_key(|r| (r.priority, r.created_at, r.id))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::ids::OrganizationId;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn rule(priority: i32, minute: u32) -> BankRuleRow {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(0, minute, 0)
            .unwrap();
        BankRuleRow {
            organization_id: OrganizationId(Uuid::nil()),
            id: BankRuleId::new(),
            name: format!("rule {priority} {minute}"),
            bank_account_id: None,
            description_contains: None,
            counterparty: None,
            amount_min: None,
            amount_max: None,
            direction: None,
            ledger_account_id: LedgerAccountId(Uuid::nil()),
            account_id: None,
            tax_rate_id: None,
            priority,
            is_active: true,
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    fn line(amount: &str, description: Option<&'static str>) -> RuleLine<'static> {
        RuleLine {
            bank_account_id: BankAccountId(Uuid::nil()),
            amount: d(amount),
            description,
            counterparty_name: Some("ACME Utilities GmbH"),
        }
    }

    #[test]
    fn text_matches_case_insensitively_and_needs_the_text() {
        let mut r = rule(100, 0);
        r.description_contains = Some("Monthly FEE".into());
        let rules = [r];
        assert!(first_match(&rules, &line("-5", Some("your monthly fee, May"))).is_some());
        assert!(first_match(&rules, &line("-5", Some("transfer"))).is_none());
        assert!(first_match(&rules, &line("-5", None)).is_none());
        let mut c = rule(100, 0);
        c.counterparty = Some("acme util".into());
        assert!(first_match(&[c], &line("-5", None)).is_some());
    }

    #[test]
    fn amounts_are_absolute_bounds_and_direction_is_the_sign() {
        let mut r = rule(100, 0);
        r.amount_min = Some(SqlDecimal(d("10")));
        r.amount_max = Some(SqlDecimal(d("20.00")));
        let rules = [r.clone()];
        assert!(first_match(&rules, &line("-10", None)).is_some());
        assert!(first_match(&rules, &line("20.00", None)).is_some());
        assert!(first_match(&rules, &line("-20.01", None)).is_none());
        assert!(first_match(&rules, &line("9.99", None)).is_none());
        r.direction = Some("out".into());
        let rules = [r.clone()];
        assert!(first_match(&rules, &line("-15", None)).is_some());
        assert!(first_match(&rules, &line("15", None)).is_none());
        r.direction = Some("in".into());
        let rules = [r];
        assert!(first_match(&rules, &line("15", None)).is_some());
        assert!(first_match(&rules, &line("-15", None)).is_none());
    }

    #[test]
    fn the_first_by_priority_then_creation_wins_and_inactive_rules_never() {
        let mut late_low = rule(50, 9);
        late_low.amount_min = Some(SqlDecimal(d("1")));
        let mut early_low = rule(50, 1);
        early_low.amount_min = Some(SqlDecimal(d("1")));
        let mut first = rule(10, 5);
        first.amount_min = Some(SqlDecimal(d("1")));
        first.is_active = false;
        let rules = [late_low.clone(), first, early_low.clone()];
        let got = first_match(&rules, &line("-3", None)).unwrap();
        assert_eq!(got.id, early_low.id);
        let mut other_bank = rule(1, 0);
        other_bank.amount_min = Some(SqlDecimal(d("1")));
        other_bank.bank_account_id = Some(BankAccountId::new());
        let rules = [other_bank, late_low.clone()];
        assert_eq!(
            first_match(&rules, &line("-3", None)).unwrap().id,
            late_low.id
        );
        assert!(first_match(&[], &line("-3", None)).is_none());
    }
}
