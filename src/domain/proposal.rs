//! A proposal's terms as the API writes them. A discount is a percentage from 0 to 100 with
//! at most two decimals, kept exactly in hundredths of a percent (basis points); an amount is
//! a plain non-negative decimal string whose scale [`crate::domain::money::Money`] checks
//! against the currency. The patterns are the rules as the spec states them (tested to agree
//! with the parser below).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::money::{parse_decimal, MoneyError};

/// A non-negative decimal string (its decimals are the currency's business).
pub const AMOUNT_REGEX: &str = r"^[0-9]+(\.[0-9]+)?$";

/// 0 to 100 with at most two decimals (leading zeros allowed, as the parser reads them).
pub const DISCOUNT_PERCENT_REGEX: &str = r"^0*(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)$";

/// The highest proposal number (and the deprecated `version` that names it on create).
pub const NUMBER_MAX: i64 = 10_000;

/// How long a proposal's term may be, in months.
pub const TERM_MONTHS_MIN: i64 = 1;
pub const TERM_MONTHS_MAX: i64 = 600;

/// Why a discount percentage was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentError {
    /// Not a plain decimal string.
    Invalid(MoneyError),
    /// Below 0 or above 100.
    Range,
    /// More than two decimals.
    TooManyDecimals,
}

impl PercentError {
    /// The stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            PercentError::Invalid(e) => e.code(),
            PercentError::Range => "range",
            PercentError::TooManyDecimals => "too_many_decimals",
        }
    }

    /// What to tell the client.
    pub fn message(&self) -> String {
        match self {
            PercentError::Invalid(e) => e.to_string(),
            PercentError::Range => "must be between 0 and 100".into(),
            PercentError::TooManyDecimals => "at most 2 decimal places".into(),
        }
    }
}

/// A discount percentage (`"12.5"`) in basis points (`1250`).
pub fn parse_discount_percent(text: &str) -> Result<i32, PercentError> {
    if text.starts_with('-') {
        // `-0` included: a discount is written without a sign.
        return Err(PercentError::Range);
    }
    let value = parse_decimal(text).map_err(PercentError::Invalid)?;
    if value.scale() > 2 {
        return Err(PercentError::TooManyDecimals);
    }
    if value > Decimal::ONE_HUNDRED {
        return Err(PercentError::Range);
    }
    // At most 100 with at most two decimals: a whole number of basis points up to 10,000.
    (value * Decimal::ONE_HUNDRED)
        .to_i32()
        .ok_or(PercentError::Range)
}

/// Basis points as the API writes a percentage: two decimals (`1250` → `"12.50"`).
pub fn discount_percent_string(basis_points: i32) -> String {
    Decimal::new(i64::from(basis_points), 2).to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn percentages_are_read_exactly() {
        assert_eq!(parse_discount_percent("0"), Ok(0));
        assert_eq!(parse_discount_percent("12.5"), Ok(1250));
        assert_eq!(parse_discount_percent("12.05"), Ok(1205));
        assert_eq!(parse_discount_percent("100"), Ok(10_000));
        assert_eq!(parse_discount_percent("100.00"), Ok(10_000));
        assert_eq!(parse_discount_percent("007"), Ok(700));
        assert_eq!(parse_discount_percent("100.01"), Err(PercentError::Range));
        assert_eq!(parse_discount_percent("101"), Err(PercentError::Range));
        assert_eq!(parse_discount_percent("-1"), Err(PercentError::Range));
        assert_eq!(parse_discount_percent("-0"), Err(PercentError::Range));
        assert_eq!(
            parse_discount_percent("1.234"),
            Err(PercentError::TooManyDecimals)
        );
        assert_eq!(
            parse_discount_percent("abc").unwrap_err().code(),
            "invalid_decimal"
        );
        assert_eq!(discount_percent_string(1250), "12.50");
        assert_eq!(discount_percent_string(0), "0.00");
        assert_eq!(discount_percent_string(10_000), "100.00");
    }

    #[test]
    fn the_spec_pattern_states_the_discount_rule() {
        let spec = regex::Regex::new(DISCOUNT_PERCENT_REGEX).unwrap();
        for sample in [
            "0", "00", "000", "0.5", "5", "5.", ".5", "5.5", "5.55", "5.555", "99.99", "100",
            "100.0", "100.00", "100.000", "100.01", "100.5", "101", "0100", "1000", "-0", "-1",
            "+1", "1e2", " 1", "1 ", "1,5", "", "12.50\n", "0012.5", "99.999",
        ] {
            assert_eq!(
                spec.is_match(sample),
                parse_discount_percent(sample).is_ok(),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn the_spec_pattern_states_the_amount_syntax() {
        let spec = regex::Regex::new(AMOUNT_REGEX).unwrap();
        for sample in [
            "0", "10", "10.5", "10.50", "0.0001", "007", "-1", "-0", "+1", ".5", "5.", "1e3",
            "1 000", "1,000.00", "", "10.50\n", "1..2",
        ] {
            let parsed = !sample.starts_with('-') && parse_decimal(sample).is_ok();
            assert_eq!(spec.is_match(sample), parsed, "{sample:?}");
        }
    }
}
