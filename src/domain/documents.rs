//! Receivables and payables without a database: document kinds and their sides, line and
//! total arithmetic with per-line rounding, allocation amounts in the base currency, and aging
//! buckets.
//!
//! Everything is integer minor units once rounded; rounding happens exactly once per line
//! amount and once per line tax, in the document's currency (and once more per line when the
//! document converts to the base currency), so totals are sums of stored integers and always
//! agree with the journal.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ledger::MAX_LINE_MINOR;
use super::money::{round_to_currency, Currency, Rounding};

/// The four documents; invoices and credit notes are receivables, bills and vendor credits
/// payables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Invoice,
    CreditNote,
    Bill,
    VendorCredit,
}

/// Which control account a document or payment settles against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ledger {
    Receivable,
    Payable,
}

impl Ledger {
    pub fn as_str(self) -> &'static str {
        match self {
            Ledger::Receivable => "receivable",
            Ledger::Payable => "payable",
        }
    }

    pub fn parse(s: &str) -> Option<Ledger> {
        match s {
            "receivable" => Some(Ledger::Receivable),
            "payable" => Some(Ledger::Payable),
            _ => None,
        }
    }
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Invoice,
        DocumentKind::CreditNote,
        DocumentKind::Bill,
        DocumentKind::VendorCredit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "invoice",
            DocumentKind::CreditNote => "credit_note",
            DocumentKind::Bill => "bill",
            DocumentKind::VendorCredit => "vendor_credit",
        }
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Words for messages: "invoice", "credit note"...
    pub fn noun(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "invoice",
            DocumentKind::CreditNote => "credit note",
            DocumentKind::Bill => "bill",
            DocumentKind::VendorCredit => "vendor credit",
        }
    }

    pub fn ledger(self) -> Ledger {
        match self {
            DocumentKind::Invoice | DocumentKind::CreditNote => Ledger::Receivable,
            DocumentKind::Bill | DocumentKind::VendorCredit => Ledger::Payable,
        }
    }

    /// True when the document debits its control account (invoices raise receivables; vendor
    /// credits lower payables, a liability, by debiting it).
    pub fn debits_control(self) -> bool {
        matches!(self, DocumentKind::Invoice | DocumentKind::VendorCredit)
    }

    /// Credit notes and vendor credits settle the document they are issued against.
    pub fn is_credit(self) -> bool {
        matches!(self, DocumentKind::CreditNote | DocumentKind::VendorCredit)
    }

    /// Sales documents post their lines to income and their tax to sales tax; purchase
    /// documents to expenses (or assets) and recoverable tax.
    pub fn is_sale(self) -> bool {
        self.ledger() == Ledger::Receivable
    }

    /// The document a credit is issued against (credit note → invoice, vendor credit → bill).
    pub fn credited_kind(self) -> Option<DocumentKind> {
        match self {
            DocumentKind::CreditNote => Some(DocumentKind::Invoice),
            DocumentKind::VendorCredit => Some(DocumentKind::Bill),
            _ => None,
        }
    }

    /// The verb that posts it: bills are approved, the rest issued.
    pub fn post_verb(self) -> &'static str {
        match self {
            DocumentKind::Bill => "approve",
            _ => "issue",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum AmountsAre {
    /// Unit prices exclude tax; tax is added per line.
    #[default]
    Exclusive,
    /// Unit prices include tax; tax is taken out per line.
    Inclusive,
}

impl AmountsAre {
    pub fn as_str(self) -> &'static str {
        match self {
            AmountsAre::Exclusive => "exclusive",
            AmountsAre::Inclusive => "inclusive",
        }
    }

    pub fn parse(s: &str) -> Option<AmountsAre> {
        match s {
            "exclusive" => Some(AmountsAre::Exclusive),
            "inclusive" => Some(AmountsAre::Inclusive),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaxKind {
    Standard,
    ZeroRated,
    Exempt,
}

impl TaxKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TaxKind::Standard => "standard",
            TaxKind::ZeroRated => "zero_rated",
            TaxKind::Exempt => "exempt",
        }
    }

    pub fn parse(s: &str) -> Option<TaxKind> {
        match s {
            "standard" => Some(TaxKind::Standard),
            "zero_rated" => Some(TaxKind::ZeroRated),
            "exempt" => Some(TaxKind::Exempt),
            _ => None,
        }
    }
}

/// How the document's amounts are rounded and converted.
#[derive(Debug, Clone, Copy)]
pub struct Pricing {
    pub currency: Currency,
    pub base: Currency,
    /// Base-currency units per one unit of `currency` (1 for base-currency documents).
    pub exchange_rate: Decimal,
    pub amounts_are: AmountsAre,
    pub rounding: Rounding,
}

/// A line as entered: quantity × unit price, taxed at `tax_rate` (a fraction) if any.
#[derive(Debug, Clone, Copy)]
pub struct LineInput {
    pub quantity: Decimal,
    pub unit_price: Decimal,
    pub tax_rate: Option<Decimal>,
}

/// A line's rounded amounts in minor units: without tax, the tax, and both converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineAmounts {
    pub amount_minor: i64,
    pub tax_minor: i64,
    pub base_amount_minor: i64,
    pub base_tax_minor: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub subtotal_minor: i64,
    pub tax_total_minor: i64,
    pub total_minor: i64,
    pub base_subtotal_minor: i64,
    pub base_total_minor: i64,
}

/// Why a line's arithmetic failed: the amount does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

fn to_minor(amount: Decimal, currency: Currency) -> Result<i64, TooLarge> {
    let mut scaled = amount;
    scaled.rescale(currency.exponent());
    let minor = i64::try_from(scaled.mantissa()).map_err(|_| TooLarge)?;
    if minor.abs() > MAX_LINE_MINOR {
        return Err(TooLarge);
    }
    Ok(minor)
}

fn from_minor(minor: i64, currency: Currency) -> Decimal {
    Decimal::new(minor, currency.exponent())
}

/// Converts an amount in the document's currency to base-currency minor units, rounded.
pub fn to_base_minor(minor: i64, pricing: &Pricing) -> Result<i64, TooLarge> {
    if pricing.currency == pricing.base && pricing.exchange_rate == Decimal::ONE {
        return Ok(minor);
    }
    let amount = from_minor(minor, pricing.currency)
        .checked_mul(pricing.exchange_rate)
        .ok_or(TooLarge)?;
    to_minor(
        round_to_currency(amount, pricing.base, pricing.rounding),
        pricing.base,
    )
}

/// One line: the amount is quantity × unit price rounded to the currency; exclusive tax is
/// the rounded amount × rate, rounded; inclusive tax is taken out of the rounded gross amount
/// as gross × rate ÷ (1 + rate), rounded, and the amount is what remains.
pub fn line_amounts(line: &LineInput, pricing: &Pricing) -> Result<LineAmounts, TooLarge> {
    let round = |d: Decimal| round_to_currency(d, pricing.currency, pricing.rounding);
    let gross = round(line.quantity.checked_mul(line.unit_price).ok_or(TooLarge)?);
    let rate = line.tax_rate.unwrap_or(Decimal::ZERO);
    let (amount, tax) = match pricing.amounts_are {
        AmountsAre::Exclusive => (gross, round(gross.checked_mul(rate).ok_or(TooLarge)?)),
        AmountsAre::Inclusive => {
            let tax = round(
                gross
                    .checked_mul(rate)
                    .and_then(|t| t.checked_div(Decimal::ONE + rate))
                    .ok_or(TooLarge)?,
            );
            (gross - tax, tax)
        }
    };
    let amount_minor = to_minor(amount, pricing.currency)?;
    let tax_minor = to_minor(tax, pricing.currency)?;
    Ok(LineAmounts {
        amount_minor,
        tax_minor,
        base_amount_minor: to_base_minor(amount_minor, pricing)?,
        base_tax_minor: to_base_minor(tax_minor, pricing)?,
    })
}

/// Sums the lines; the base total is the sum of the converted lines, so the posting balances
/// without a rounding line.
pub fn totals(lines: &[LineAmounts]) -> Result<Totals, TooLarge> {
    let mut t = Totals::default();
    let add = |a: i64, b: i64| a.checked_add(b).ok_or(TooLarge);
    for l in lines {
        t.subtotal_minor = add(t.subtotal_minor, l.amount_minor)?;
        t.tax_total_minor = add(t.tax_total_minor, l.tax_minor)?;
        t.base_subtotal_minor = add(t.base_subtotal_minor, l.base_amount_minor)?;
        t.base_total_minor = add(
            t.base_total_minor,
            add(l.base_amount_minor, l.base_tax_minor)?,
        )?;
    }
    t.total_minor = add(t.subtotal_minor, t.tax_total_minor)?;
    Ok(t)
}

/// The base-currency value of `amount_minor` of an item with `total_minor` (worth
/// `base_total_minor`), of which `allocated_minor` (worth `allocated_base_minor`) is settled:
/// the allocation that settles the rest takes exactly the base amount left, so a settled item
/// leaves nothing behind on its control account.
pub fn allocation_base_minor(
    amount_minor: i64,
    total_minor: i64,
    base_total_minor: i64,
    allocated_minor: i64,
    allocated_base_minor: i64,
    pricing: &Pricing,
) -> Result<i64, TooLarge> {
    if allocated_minor + amount_minor == total_minor {
        return Ok(base_total_minor - allocated_base_minor);
    }
    to_base_minor(amount_minor, pricing)
}

/// What the document's status is given its allocations.
pub fn settled_status(total_minor: i64, allocated_minor: i64) -> &'static str {
    if allocated_minor == 0 {
        "open"
    } else if allocated_minor >= total_minor {
        "paid"
    } else {
        "partially_paid"
    }
}

/// The aging buckets: current, 1-30, 31-60, 61-90 and over 90 days past due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Buckets {
    pub current: i64,
    pub days_1_30: i64,
    pub days_31_60: i64,
    pub days_61_90: i64,
    pub days_over_90: i64,
}

impl Buckets {
    /// Adds `minor` to the bucket of an item due on `due` as of `as_of`.
    pub fn add(&mut self, due: NaiveDate, as_of: NaiveDate, minor: i64) {
        let late = (as_of - due).num_days();
        let bucket = match late {
            i64::MIN..=0 => &mut self.current,
            1..=30 => &mut self.days_1_30,
            31..=60 => &mut self.days_31_60,
            61..=90 => &mut self.days_61_90,
            _ => &mut self.days_over_90,
        };
        *bucket += minor;
    }

    pub fn merge(&mut self, o: &Buckets) {
        self.current += o.current;
        self.days_1_30 += o.days_1_30;
        self.days_31_60 += o.days_31_60;
        self.days_61_90 += o.days_61_90;
        self.days_over_90 += o.days_over_90;
    }

    pub fn total(&self) -> i64 {
        self.current + self.days_1_30 + self.days_31_60 + self.days_61_90 + self.days_over_90
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn usd() -> Currency {
        Currency::parse("USD").unwrap()
    }

    fn pricing(amounts_are: AmountsAre, rounding: Rounding) -> Pricing {
        Pricing {
            currency: usd(),
            base: usd(),
            exchange_rate: Decimal::ONE,
            amounts_are,
            rounding,
        }
    }

    fn line(q: &str, p: &str, rate: Option<&str>) -> LineInput {
        LineInput {
            quantity: d(q),
            unit_price: d(p),
            tax_rate: rate.map(d),
        }
    }

    #[test]
    fn exclusive_tax_rounds_half_up_by_default() {
        let p = pricing(AmountsAre::Exclusive, Rounding::HalfUp);
        let l = line_amounts(&line("1", "0.25", Some("0.10")), &p).unwrap();
        assert_eq!((l.amount_minor, l.tax_minor), (25, 3));
        let l = line_amounts(&line("3", "333.33", None), &p).unwrap();
        assert_eq!((l.amount_minor, l.tax_minor), (99999, 0));
    }

    #[test]
    fn half_even_is_an_organization_choice() {
        let p = pricing(AmountsAre::Exclusive, Rounding::HalfEven);
        // 0.25 × 0.10 = 0.025 → 0.02 (even); 0.35 × 0.10 = 0.035 → 0.04.
        assert_eq!(
            line_amounts(&line("1", "0.25", Some("0.10")), &p)
                .unwrap()
                .tax_minor,
            2
        );
        assert_eq!(
            line_amounts(&line("1", "0.35", Some("0.10")), &p)
                .unwrap()
                .tax_minor,
            4
        );
        // The line amount itself: 1.5 × 0.01 = 0.015 → 0.02 (even).
        assert_eq!(
            line_amounts(&line("1.5", "0.01", None), &p)
                .unwrap()
                .amount_minor,
            2
        );
    }

    #[test]
    fn inclusive_tax_is_taken_out_of_the_gross() {
        let p = pricing(AmountsAre::Inclusive, Rounding::HalfUp);
        // 120.00 gross at 20%: tax 20.00, amount 100.00.
        let l = line_amounts(&line("1", "120.00", Some("0.20")), &p).unwrap();
        assert_eq!((l.amount_minor, l.tax_minor), (10000, 2000));
        // 10.00 gross at 20%: tax 1.666… → 1.67, amount 8.33; they add up to the gross.
        let l = line_amounts(&line("1", "10.00", Some("0.20")), &p).unwrap();
        assert_eq!((l.amount_minor, l.tax_minor), (833, 167));
    }

    #[test]
    fn totals_are_sums_of_rounded_lines() {
        let p = pricing(AmountsAre::Exclusive, Rounding::HalfUp);
        let lines = [
            line_amounts(&line("2", "100.00", Some("0.10")), &p).unwrap(),
            line_amounts(&line("1", "50.00", Some("0")), &p).unwrap(),
        ];
        let t = totals(&lines).unwrap();
        assert_eq!(
            (t.subtotal_minor, t.tax_total_minor, t.total_minor),
            (25000, 2000, 27000)
        );
        assert_eq!(t.base_total_minor, 27000);
    }

    #[test]
    fn foreign_lines_convert_per_line() {
        let p = Pricing {
            currency: Currency::parse("EUR").unwrap(),
            base: usd(),
            exchange_rate: d("1.105"),
            amounts_are: AmountsAre::Exclusive,
            rounding: Rounding::HalfUp,
        };
        let l = line_amounts(&line("1", "10.00", Some("0.20")), &p).unwrap();
        // 10.00 × 1.105 = 11.05; tax 2.00 × 1.105 = 2.21.
        assert_eq!((l.base_amount_minor, l.base_tax_minor), (1105, 221));
        // JPY has no minor unit: 1,000 JPY at 0.0067 = 6.70 USD.
        let p = Pricing {
            currency: Currency::parse("JPY").unwrap(),
            exchange_rate: d("0.0067"),
            ..p
        };
        let l = line_amounts(&line("1", "1000", None), &p).unwrap();
        assert_eq!((l.amount_minor, l.base_amount_minor), (1000, 670));
    }

    #[test]
    fn too_large_is_refused_not_wrapped() {
        let p = pricing(AmountsAre::Exclusive, Rounding::HalfUp);
        assert_eq!(
            line_amounts(&line("1000000000000", "1000000000000", None), &p),
            Err(TooLarge)
        );
    }

    #[test]
    fn the_settling_allocation_takes_the_base_left() {
        let p = Pricing {
            currency: Currency::parse("EUR").unwrap(),
            base: usd(),
            exchange_rate: d("1.333"),
            amounts_are: AmountsAre::Exclusive,
            rounding: Rounding::HalfUp,
        };
        // 100.00 EUR worth 133.30; 33.33 then 66.67.
        let first = allocation_base_minor(3333, 10000, 13330, 0, 0, &p).unwrap();
        assert_eq!(first, 4443);
        let rest = allocation_base_minor(6667, 10000, 13330, 3333, first, &p).unwrap();
        assert_eq!(first + rest, 13330);
    }

    #[test]
    fn aging_buckets_by_days_past_due() {
        let due = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
        let mut b = Buckets::default();
        for (as_of, minor) in [
            ("2026-09-30", 1),
            ("2026-10-01", 10),
            ("2026-10-30", 100),
            ("2026-10-31", 1000),
            ("2026-12-29", 10000),
            ("2026-12-30", 100000),
        ] {
            b.add(due, NaiveDate::from_str(as_of).unwrap(), minor);
        }
        assert_eq!(b.current, 1);
        assert_eq!(b.days_1_30, 110);
        assert_eq!(b.days_31_60, 1000);
        assert_eq!(b.days_61_90, 10000);
        assert_eq!(b.days_over_90, 100000);
        assert_eq!(b.total(), 111111);
    }
}
