//! Double-entry rules, pure: account types and their normal side, the system roles documents
//! post to, the default chart, and turning requested lines into balanced posted lines.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::money::{round_to_currency, Currency, Money, MoneyError, Rounding};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    Asset,
    Liability,
    Equity,
    Income,
    Expense,
}

impl AccountType {
    pub const ALL: [AccountType; 5] = [
        AccountType::Asset,
        AccountType::Liability,
        AccountType::Equity,
        AccountType::Income,
        AccountType::Expense,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountType::Asset => "asset",
            AccountType::Liability => "liability",
            AccountType::Equity => "equity",
            AccountType::Income => "income",
            AccountType::Expense => "expense",
        }
    }

    /// Assets and expenses grow with debits; the rest with credits.
    pub fn is_debit_normal(self) -> bool {
        matches!(self, AccountType::Asset | AccountType::Expense)
    }

    /// Income and expense accounts close into retained earnings at each fiscal year end.
    pub fn is_profit_and_loss(self) -> bool {
        matches!(self, AccountType::Income | AccountType::Expense)
    }

    /// A balance signed in this type's normal direction.
    pub fn signed(self, debit: i64, credit: i64) -> i64 {
        if self.is_debit_normal() {
            debit - credit
        } else {
            credit - debit
        }
    }
}

impl FromStr for AccountType {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        AccountType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SystemRole {
    AccountsReceivable,
    AccountsPayable,
    SalesTax,
    TaxRecoverable,
    Bank,
    RetainedEarnings,
    OpeningBalanceEquity,
    FxGainLoss,
    Rounding,
}

impl SystemRole {
    pub const ALL: [SystemRole; 9] = [
        SystemRole::AccountsReceivable,
        SystemRole::AccountsPayable,
        SystemRole::SalesTax,
        SystemRole::TaxRecoverable,
        SystemRole::Bank,
        SystemRole::RetainedEarnings,
        SystemRole::OpeningBalanceEquity,
        SystemRole::FxGainLoss,
        SystemRole::Rounding,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SystemRole::AccountsReceivable => "accounts_receivable",
            SystemRole::AccountsPayable => "accounts_payable",
            SystemRole::SalesTax => "sales_tax",
            SystemRole::TaxRecoverable => "tax_recoverable",
            SystemRole::Bank => "bank",
            SystemRole::RetainedEarnings => "retained_earnings",
            SystemRole::OpeningBalanceEquity => "opening_balance_equity",
            SystemRole::FxGainLoss => "fx_gain_loss",
            SystemRole::Rounding => "rounding",
        }
    }

    /// Control accounts take postings only from documents and payments, so the aging always
    /// ties to the books.
    pub fn is_control(self) -> bool {
        matches!(
            self,
            SystemRole::AccountsReceivable | SystemRole::AccountsPayable
        )
    }
}

impl FromStr for SystemRole {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        SystemRole::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(())
    }
}

/// One account of the chart every new organization starts with.
pub struct ChartAccount {
    pub code: &'static str,
    pub name: &'static str,
    pub account_type: AccountType,
    pub system_role: Option<SystemRole>,
    pub parent_code: Option<&'static str>,
}

const fn acct(
    code: &'static str,
    name: &'static str,
    account_type: AccountType,
    system_role: Option<SystemRole>,
    parent_code: Option<&'static str>,
) -> ChartAccount {
    ChartAccount {
        code,
        name,
        account_type,
        system_role,
        parent_code,
    }
}

/// A small-business chart in the usual numbering (1xxx assets ... 7xxx other), parents first.
pub fn default_chart() -> Vec<ChartAccount> {
    use AccountType::*;
    use SystemRole as R;
    vec![
        acct("1000", "Cash on hand", Asset, None, None),
        acct("1010", "Bank", Asset, Some(R::Bank), None),
        acct(
            "1100",
            "Accounts receivable",
            Asset,
            Some(R::AccountsReceivable),
            None,
        ),
        acct("1200", "Inventory", Asset, None, None),
        acct("1300", "Prepaid expenses", Asset, None, None),
        acct(
            "1400",
            "Sales tax recoverable",
            Asset,
            Some(R::TaxRecoverable),
            None,
        ),
        acct("1500", "Fixed assets", Asset, None, None),
        acct("1510", "Equipment", Asset, None, Some("1500")),
        acct(
            "1590",
            "Accumulated depreciation",
            Asset,
            None,
            Some("1500"),
        ),
        acct(
            "2000",
            "Accounts payable",
            Liability,
            Some(R::AccountsPayable),
            None,
        ),
        acct(
            "2100",
            "Sales tax payable",
            Liability,
            Some(R::SalesTax),
            None,
        ),
        acct("2200", "Accrued liabilities", Liability, None, None),
        acct("2300", "Loans payable", Liability, None, None),
        acct("3000", "Owner's equity", Equity, None, None),
        acct(
            "3100",
            "Retained earnings",
            Equity,
            Some(R::RetainedEarnings),
            None,
        ),
        acct(
            "3200",
            "Opening balance equity",
            Equity,
            Some(R::OpeningBalanceEquity),
            None,
        ),
        acct("4000", "Sales revenue", Income, None, None),
        acct("4100", "Service revenue", Income, None, None),
        acct("4900", "Other income", Income, None, None),
        acct("5000", "Cost of sales", Expense, None, None),
        acct("6000", "Salaries and wages", Expense, None, None),
        acct("6100", "Rent", Expense, None, None),
        acct("6200", "Utilities", Expense, None, None),
        acct("6300", "Office supplies", Expense, None, None),
        acct("6400", "Travel", Expense, None, None),
        acct("6500", "Marketing", Expense, None, None),
        acct("6600", "Professional fees", Expense, None, None),
        acct("6700", "Bank fees", Expense, None, None),
        acct("6800", "Depreciation", Expense, None, None),
        acct("6900", "Software and subscriptions", Expense, None, None),
        acct(
            "7000",
            "Foreign exchange gain/loss",
            Expense,
            Some(R::FxGainLoss),
            None,
        ),
        acct("7100", "Rounding", Expense, Some(R::Rounding), None),
    ]
}

/// The first day of the fiscal year that `date` falls in.
pub fn fiscal_year_start(date: NaiveDate, start_month: u32) -> NaiveDate {
    let month = start_month.clamp(1, 12);
    let year = if date.month() >= month {
        date.year()
    } else {
        date.year() - 1
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Debit,
    Credit,
}

/// What posting needs to know about a ledger account.
#[derive(Debug, Clone)]
pub struct AccountFacts<Id> {
    pub id: Id,
    pub currency: Currency,
    pub is_active: bool,
    pub system_role: Option<SystemRole>,
}

/// A requested line, after its account has been looked up.
#[derive(Debug, Clone)]
pub struct LineRequest<Id> {
    pub account: Option<AccountFacts<Id>>,
    pub side: Option<Side>,
    /// The amount as written; `None` with `side` when it was missing or doubled.
    pub amount: Option<Decimal>,
    /// Base-currency units per unit of the account's currency: given, or the day's rate.
    pub exchange_rate: Option<Decimal>,
    /// Both debit and credit were given.
    pub both_sides: bool,
}

/// The largest amount one line may carry, in minor units (10 trillion in a two-decimal
/// currency): far above any real posting, and low enough that no account's total can leave
/// the 64-bit range the database sums in.
pub const MAX_LINE_MINOR: i64 = 1_000_000_000_000_000;

/// A line ready to store: amounts in minor units of its currency and of the base currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostedLine<Id> {
    pub ledger_account_id: Id,
    pub currency: Currency,
    pub side: Side,
    pub amount_minor: i64,
    pub exchange_rate: Option<Decimal>,
    pub base_minor: i64,
    /// Index of the requested line, `None` for a rounding line added here.
    pub request_index: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

fn err(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> EntryError {
    EntryError {
        field: field.into(),
        code,
        message: message.into(),
    }
}

pub struct PostingRules {
    pub base: Currency,
    /// Manual entries refuse control accounts; documents may post to them.
    pub allow_control: bool,
    /// Reversals may post to accounts deactivated since.
    pub allow_inactive: bool,
}

/// Checks every line and the balance, listing every problem; on success returns the lines to
/// store, plus a rounding line on `rounding_account` when foreign-currency conversion leaves
/// a residual of at most one minor unit per converted line.
pub fn build_lines<Id: Clone>(
    lines: &[LineRequest<Id>],
    rules: &PostingRules,
    rounding_account: Option<Id>,
) -> Result<Vec<PostedLine<Id>>, Vec<EntryError>> {
    let mut errors = Vec::new();
    if lines.len() < 2 {
        errors.push(err(
            "lines",
            "journal_too_few_lines",
            "an entry needs at least two lines",
        ));
    }
    let mut posted = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        let Some(account) = &line.account else {
            errors.push(err(
                at("ledger_account_id"),
                "ledger_account_not_found",
                "no such ledger account in your organization",
            ));
            continue;
        };
        if !account.is_active && !rules.allow_inactive {
            errors.push(err(
                at("ledger_account_id"),
                "ledger_account_inactive",
                "this ledger account is deactivated",
            ));
        }
        if account.system_role.is_some_and(SystemRole::is_control) && !rules.allow_control {
            errors.push(err(
                at("ledger_account_id"),
                "control_account",
                "receivables and payables take postings only from documents and payments",
            ));
        }
        if line.both_sides {
            errors.push(err(
                format!("lines[{i}]"),
                "line_debit_and_credit",
                "give debit or credit, not both",
            ));
            continue;
        }
        let (Some(side), Some(amount)) = (line.side, line.amount) else {
            errors.push(err(
                at("debit"),
                "line_amount_required",
                "give exactly one of debit or credit",
            ));
            continue;
        };
        let field = at(if side == Side::Debit {
            "debit"
        } else {
            "credit"
        });
        if amount <= Decimal::ZERO {
            errors.push(err(
                field,
                "amount_not_positive",
                "must be a positive amount",
            ));
            continue;
        }
        let money = match Money::new(amount, account.currency) {
            Ok(m) => m,
            Err(e) => {
                errors.push(money_error(field, &e));
                continue;
            }
        };
        let amount_minor = match money.to_minor() {
            Ok(m) if m <= MAX_LINE_MINOR => m,
            _ => {
                errors.push(err(
                    field,
                    "amount_out_of_range",
                    "the amount is larger than a line may carry",
                ));
                continue;
            }
        };
        let (rate, base_minor) = if account.currency == rules.base {
            (None, amount_minor)
        } else {
            let Some(rate) = line.exchange_rate else {
                errors.push(err(
                    at("exchange_rate"),
                    "exchange_rate_missing",
                    format!("{} is not the base currency {}: give exchange_rate or record a rate for this date", account.currency, rules.base),
                ));
                continue;
            };
            if rate <= Decimal::ZERO {
                errors.push(err(
                    at("exchange_rate"),
                    "invalid_exchange_rate",
                    "must be positive",
                ));
                continue;
            }
            let base = amount
                .checked_mul(rate)
                .map(|b| round_to_currency(b, rules.base, Rounding::HalfUp));
            match base
                .and_then(|b| Money::new(b, rules.base).ok())
                .and_then(|m| m.to_minor().ok())
            {
                Some(minor) if minor <= MAX_LINE_MINOR => (Some(rate), minor),
                _ => {
                    errors.push(err(
                        field,
                        "amount_out_of_range",
                        "the amount in the base currency is too large",
                    ));
                    continue;
                }
            }
        };
        posted.push(PostedLine {
            ledger_account_id: account.id.clone(),
            currency: account.currency,
            side,
            amount_minor,
            exchange_rate: rate,
            base_minor,
            request_index: Some(i),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let currencies: BTreeSet<&str> = posted.iter().map(|l| l.currency.code()).collect();
    let signed = |l: &PostedLine<Id>, v: i64| {
        if l.side == Side::Debit {
            v as i128
        } else {
            -(v as i128)
        }
    };
    if currencies.len() == 1 {
        let own: i128 = posted.iter().map(|l| signed(l, l.amount_minor)).sum();
        if own != 0 {
            let currency = posted.first().map(|l| l.currency).unwrap_or(rules.base);
            return Err(vec![unbalanced(own, currency, "")]);
        }
    }
    let base: i128 = posted.iter().map(|l| signed(l, l.base_minor)).sum();
    if base != 0 {
        let converted = posted.iter().filter(|l| l.exchange_rate.is_some()).count() as i128;
        // Converting rounds each line to the base currency's minor unit, so an entry balanced
        // in exact terms can be off by a minor unit per converted line; more is an imbalance.
        if converted == 0 || base.abs() > converted {
            return Err(vec![unbalanced(base, rules.base, " in the base currency")]);
        }
        let Some(rounding) = rounding_account else {
            return Err(vec![err(
                "lines",
                "journal_unbalanced",
                "a rounding residual needs the rounding account",
            )]);
        };
        posted.push(PostedLine {
            ledger_account_id: rounding,
            currency: rules.base,
            side: if base > 0 { Side::Credit } else { Side::Debit },
            amount_minor: base.unsigned_abs() as i64,
            exchange_rate: None,
            base_minor: base.unsigned_abs() as i64,
            request_index: None,
        });
    }
    Ok(posted)
}

fn unbalanced(diff_minor: i128, currency: Currency, what: &str) -> EntryError {
    let diff = Money::from_minor(
        diff_minor.clamp(i64::MIN as i128, i64::MAX as i128) as i64,
        currency,
    );
    err(
        "lines",
        "journal_unbalanced",
        format!("debits and credits differ by {diff} {currency}{what}; an entry must balance"),
    )
}

fn money_error(field: String, e: &MoneyError) -> EntryError {
    err(field, e.code(), e.to_string())
}

/// The mirror of posted lines: every debit becomes a credit and back, same amounts and rates.
pub fn mirror<Id: Clone>(lines: &[PostedLine<Id>]) -> Vec<PostedLine<Id>> {
    lines
        .iter()
        .map(|l| PostedLine {
            side: if l.side == Side::Debit {
                Side::Credit
            } else {
                Side::Debit
            },
            ..l.clone()
        })
        .collect()
}

/// A journal line's id: lines are stored by entry and line number, so the id is derived from
/// the two (a name-based UUID in the entry's namespace) and never changes.
pub fn journal_line_id(entry: uuid::Uuid, line_no: i32) -> uuid::Uuid {
    uuid::Uuid::new_v5(&entry, line_no.to_string().as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    fn facts(id: u32, currency: &str) -> Option<AccountFacts<u32>> {
        Some(AccountFacts {
            id,
            currency: Currency::parse(currency).unwrap(),
            is_active: true,
            system_role: None,
        })
    }

    fn line(id: u32, cur: &str, side: Side, amount: &str, rate: Option<&str>) -> LineRequest<u32> {
        LineRequest {
            account: facts(id, cur),
            side: Some(side),
            amount: Some(amount.parse().unwrap()),
            exchange_rate: rate.map(|r| r.parse().unwrap()),
            both_sides: false,
        }
    }

    fn rules() -> PostingRules {
        PostingRules {
            base: usd(),
            allow_control: false,
            allow_inactive: false,
        }
    }

    #[test]
    fn balanced_entry_posts_in_minor_units() {
        let lines = [
            line(1, "USD", Side::Debit, "0.1", None),
            line(1, "USD", Side::Debit, "0.2", None),
            line(2, "USD", Side::Credit, "0.3", None),
        ];
        let posted = build_lines(&lines, &rules(), Some(99)).unwrap();
        assert_eq!(
            posted.iter().map(|l| l.amount_minor).collect::<Vec<_>>(),
            vec![10, 20, 30]
        );
    }

    #[test]
    fn unbalanced_and_bad_lines_are_all_reported() {
        let e = build_lines(
            &[
                line(1, "USD", Side::Debit, "10.00", None),
                line(2, "USD", Side::Credit, "9.99", None),
            ],
            &rules(),
            None,
        )
        .unwrap_err();
        assert_eq!(e[0].code, "journal_unbalanced");
        let e = build_lines(
            &[
                line(1, "USD", Side::Debit, "-5", None),
                line(2, "USD", Side::Credit, "5.001", None),
            ],
            &rules(),
            None,
        )
        .unwrap_err();
        assert_eq!(
            e.iter().map(|e| e.code).collect::<Vec<_>>(),
            vec!["amount_not_positive", "too_many_decimals"]
        );
        assert_eq!(e[1].field, "lines[1].credit");
        let e = build_lines(&[line(1, "USD", Side::Debit, "5", None)], &rules(), None).unwrap_err();
        assert_eq!(e[0].code, "journal_too_few_lines");
    }

    #[test]
    fn control_and_inactive_accounts_are_refused_for_manual_entries() {
        let mut ar = line(1, "USD", Side::Debit, "5", None);
        if let Some(a) = ar.account.as_mut() {
            a.system_role = Some(SystemRole::AccountsReceivable);
            a.is_active = false;
        }
        let e = build_lines(
            &[ar, line(2, "USD", Side::Credit, "5", None)],
            &rules(),
            None,
        )
        .unwrap_err();
        assert_eq!(
            e.iter().map(|e| e.code).collect::<Vec<_>>(),
            vec!["ledger_account_inactive", "control_account"]
        );
    }

    #[test]
    fn foreign_lines_convert_and_small_residuals_go_to_rounding() {
        // 10.00 EUR at 1.08335 = 10.8335 → 10.83; 3 × 3.33 EUR = 9.99 EUR ≈ ...
        let lines = [
            line(1, "EUR", Side::Debit, "10.00", Some("1.08335")),
            line(2, "USD", Side::Credit, "10.83", None),
        ];
        let posted = build_lines(&lines, &rules(), Some(99)).unwrap();
        assert_eq!(posted.len(), 2);
        assert_eq!(posted[0].base_minor, 1083);
        let lines = [
            line(1, "EUR", Side::Debit, "10.00", Some("1.08335")),
            line(2, "USD", Side::Credit, "10.84", None),
        ];
        let posted = build_lines(&lines, &rules(), Some(99)).unwrap();
        assert_eq!(posted.len(), 3);
        assert_eq!(
            (
                posted[2].ledger_account_id,
                posted[2].side,
                posted[2].amount_minor
            ),
            (99, Side::Debit, 1)
        );
        let lines = [
            line(1, "EUR", Side::Debit, "10.00", Some("1.08335")),
            line(2, "USD", Side::Credit, "10.90", None),
        ];
        assert_eq!(
            build_lines(&lines, &rules(), Some(99)).unwrap_err()[0].code,
            "journal_unbalanced"
        );
        let lines = [
            line(1, "EUR", Side::Debit, "10.00", None),
            line(2, "USD", Side::Credit, "10.90", None),
        ];
        assert_eq!(
            build_lines(&lines, &rules(), Some(99)).unwrap_err()[0].code,
            "exchange_rate_missing"
        );
    }

    #[test]
    fn fiscal_years_start_in_the_configured_month() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(fiscal_year_start(d(2026, 3, 15), 1), d(2026, 1, 1));
        assert_eq!(fiscal_year_start(d(2026, 3, 15), 4), d(2025, 4, 1));
        assert_eq!(fiscal_year_start(d(2026, 4, 1), 4), d(2026, 4, 1));
    }

    #[test]
    fn the_default_chart_has_every_type_and_role_once() {
        let chart = default_chart();
        for t in AccountType::ALL {
            assert!(chart.iter().any(|a| a.account_type == t));
        }
        for r in SystemRole::ALL {
            assert_eq!(
                chart.iter().filter(|a| a.system_role == Some(r)).count(),
                1,
                "{r:?}"
            );
        }
        let codes: BTreeSet<_> = chart.iter().map(|a| a.code).collect();
        assert_eq!(codes.len(), chart.len());
    }
}
