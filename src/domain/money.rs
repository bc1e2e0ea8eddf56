//! Exact money for the ledger.
//!
//! Amounts are `rust_decimal::Decimal` values tied to an ISO 4217 [`Currency`],
//! never floats: a ledger has to balance to the last minor unit, and binary
//! floating point cannot represent most decimal fractions. Amounts cross the
//! API as decimal *strings* ([`decimal_string`]) because JSON numbers are read
//! as `f64` by many clients and would silently lose precision. In the database
//! they are stored as integer minor units ([`Money::to_minor`]) so that SQL
//! `SUM` stays exact.
//!
//! This module is pure domain code: no web framework and no database types.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most significant digits (and most decimal places) accepted from input.
///
/// `Decimal` has a 96-bit mantissa, which holds every 28-digit number but only
/// some 29-digit ones; refusing the 29th digit outright gives clients a rule
/// they can state instead of a range that depends on the leading digits.
const MAX_DIGITS: usize = 28;

/// Longest piece of client input echoed back in an error message, so that an
/// oversized value cannot inflate error responses or logs.
const MAX_ECHO_CHARS: usize = 16;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why an amount or currency was refused.
///
/// Each variant has a stable machine-readable [`MoneyError::code`] for API
/// clients and a human message that names the rule that was broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The text is not a plain decimal number such as `1234.50`.
    #[error(
        "invalid decimal: {reason}; expected an optional '-', digits, and optionally '.' \
         followed by digits, such as \"1234.50\""
    )]
    InvalidDecimal {
        /// Which part of the syntax was broken.
        reason: &'static str,
    },

    /// The amount has more decimal places than the currency's minor unit.
    #[error("{currency} allows at most {allowed} decimal places")]
    TooManyDecimals {
        /// The currency whose minor unit was exceeded.
        currency: Currency,
        /// The currency's ISO 4217 exponent.
        allowed: u32,
    },

    /// The code is not an active ISO 4217 currency with a minor unit.
    #[error(
        "unknown currency {code:?}: expected an active ISO 4217 code of three uppercase \
         letters, such as \"USD\""
    )]
    UnknownCurrency {
        /// The refused code (shortened if it was very long).
        code: String,
    },

    /// Two amounts in different currencies were combined.
    #[error("currency mismatch: cannot combine {left} with {right}")]
    CurrencyMismatch {
        /// Currency of the left operand.
        left: Currency,
        /// Currency of the right operand.
        right: Currency,
    },

    /// The value cannot be held exactly.
    #[error(
        "amount out of range: at most 28 significant digits and 28 decimal places are \
         supported, and an amount in minor units must fit a signed 64-bit integer"
    )]
    OutOfRange,
}

impl MoneyError {
    /// Stable API error code; clients branch on this, never on the message.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::InvalidDecimal { .. } => "invalid_decimal",
            MoneyError::TooManyDecimals { .. } => "too_many_decimals",
            MoneyError::UnknownCurrency { .. } => "unknown_currency",
            MoneyError::CurrencyMismatch { .. } => "currency_mismatch",
            MoneyError::OutOfRange => "amount_out_of_range",
        }
    }
}

fn invalid(reason: &'static str) -> MoneyError {
    MoneyError::InvalidDecimal { reason }
}

/// Shortens client input before it is echoed back in an error.
fn echo(input: &str) -> String {
    let mut chars = input.chars();
    let mut out: String = chars.by_ref().take(MAX_ECHO_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------
// Currency
// ---------------------------------------------------------------------------

/// ISO 4217 currencies with a decimal minor unit: `(code, exponent)`, sorted by
/// code so that lookup is a binary search.
///
/// This is List One (current currencies and funds). Left out on purpose are the
/// entries whose minor unit is "N.A." — precious metals (XAU, XAG, XPD, XPT),
/// bond-market units (XBA–XBD), XDR, XSU, XUA, and the testing/no-currency
/// codes XTS and XXX — because an amount in them has no defined number of
/// decimal places and so cannot be stored as integer minor units.
///
/// Kept although being withdrawn, so that balances booked before the
/// changeover stay readable and can be settled: ANG (replaced by XCG),
/// BGN (euro), CUC (unified into CUP) and SLL (redenominated as SLE).
const ISO_4217: &[(&str, u32)] = &[
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("ANG", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BDT", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BOV", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHE", 2),
    ("CHF", 2),
    ("CHW", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("COU", 2),
    ("CRC", 2),
    ("CUC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MXV", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SLL", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TOP", 2),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("USN", 2),
    ("UYI", 0),
    ("UYU", 2),
    ("UYW", 4),
    ("UZS", 2),
    ("VED", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XCG", 2),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWG", 2),
];

// `Currency` stores a `u8` index into the table.
const _: () = assert!(ISO_4217.len() <= 256);

/// Index of `code` in the table, evaluated at compile time for the named
/// constants so that a typo fails the build instead of producing a bad value.
const fn table_index(code: &str) -> u8 {
    let wanted = code.as_bytes();
    let mut i = 0;
    while i < ISO_4217.len() {
        let have = ISO_4217[i].0.as_bytes();
        if have.len() == wanted.len()
            && have[0] == wanted[0]
            && have[1] == wanted[1]
            && have[2] == wanted[2]
        {
            return i as u8;
        }
        i += 1;
    }
    panic!("currency code is not in the ISO 4217 table")
}

/// An ISO 4217 currency, e.g. `USD`.
///
/// A one-byte `Copy` handle into a static table, so it is free to pass around
/// and can only ever hold a code the table knows. Serialized as its code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(u8);

/// US dollar, for call sites and tests that need a default currency.
pub const USD: Currency = Currency::USD;

impl Currency {
    /// US dollar (2 decimal places).
    pub const USD: Currency = Currency(table_index("USD"));
    /// Euro (2 decimal places).
    pub const EUR: Currency = Currency(table_index("EUR"));
    /// Pound sterling (2 decimal places).
    pub const GBP: Currency = Currency(table_index("GBP"));
    /// Japanese yen (0 decimal places).
    pub const JPY: Currency = Currency(table_index("JPY"));

    /// Parses an ISO 4217 code.
    ///
    /// Strict — exactly three ASCII uppercase letters, no trimming or case
    /// folding — so that stored codes are always canonical and comparisons in
    /// SQL need no normalization.
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let well_formed = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        let found = if well_formed {
            ISO_4217.binary_search_by(|(c, _)| (*c).cmp(code)).ok()
        } else {
            None
        };
        match found.and_then(|i| u8::try_from(i).ok()) {
            Some(i) => Ok(Currency(i)),
            None => Err(MoneyError::UnknownCurrency { code: echo(code) }),
        }
    }

    /// The three-letter ISO 4217 code.
    pub fn code(&self) -> &'static str {
        ISO_4217[usize::from(self.0)].0
    }

    /// Number of decimal places of the minor unit (USD 2, JPY 0, BHD 3, CLF 4).
    pub fn exponent(&self) -> u32 {
        ISO_4217[usize::from(self.0)].1
    }

    /// Every supported currency, in code order (e.g. for a currencies endpoint).
    pub fn all() -> impl ExactSizeIterator<Item = Currency> + Clone {
        // The table has at most 256 entries (checked at compile time above).
        (0..ISO_4217.len()).map(|i| Currency(i as u8))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::parse(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CurrencyVisitor;

        impl Visitor<'_> for CurrencyVisitor {
            type Value = Currency;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 4217 currency code such as \"USD\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Currency, E> {
                Currency::parse(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CurrencyVisitor)
    }
}

impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[A-Z]{3}$"))
            .min_length(Some(3))
            .max_length(Some(3))
            .description(Some(
                "ISO 4217 currency code (three uppercase letters). The currency fixes how many \
                 decimal places an amount may have, e.g. USD 2, JPY 0, BHD 3.",
            ))
            .examples(["USD"])
            .into()
    }
}

impl utoipa::ToSchema for Currency {}

// ---------------------------------------------------------------------------
// Decimal parsing
// ---------------------------------------------------------------------------

/// Strictly parses a decimal string from API input.
///
/// Accepts an optional leading `-`, one or more ASCII digits, and optionally
/// `.` followed by one or more digits; the scale is kept as written (`"1.50"`
/// has scale 2). Everything else — whitespace, `+`, exponents, `.5`, `5.`,
/// separators — is refused rather than guessed at, because a money API must
/// never book an amount the client did not literally write.
///
/// Errors: [`MoneyError::InvalidDecimal`] for bad syntax;
/// [`MoneyError::OutOfRange`] for more than 28 significant digits or more than
/// 28 decimal places (which `Decimal` cannot hold exactly).
pub fn parse_decimal(s: &str) -> Result<Decimal, MoneyError> {
    if s.is_empty() {
        return Err(invalid("the value is empty"));
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };

    // Scan once to give the most helpful reason for bad input.
    let mut points = 0usize;
    for c in body.chars() {
        match c {
            '0'..='9' => {}
            '.' => points += 1,
            c if c.is_whitespace() => return Err(invalid("whitespace is not allowed")),
            '+' => return Err(invalid("a '+' sign is not allowed")),
            '-' => return Err(invalid("'-' is only allowed as the first character")),
            'e' | 'E' => return Err(invalid("exponent notation is not allowed")),
            ',' | '_' | '\'' => return Err(invalid("digit group separators are not allowed")),
            _ => return Err(invalid("unexpected character")),
        }
    }
    if points > 1 {
        return Err(invalid("more than one decimal point"));
    }

    let (int_part, frac_part) = match body.split_once('.') {
        Some((int_part, frac_part)) => (int_part, frac_part),
        None => (body, ""),
    };
    if int_part.is_empty() {
        return Err(invalid(
            "at least one digit is required before the decimal point",
        ));
    }
    if points == 1 && frac_part.is_empty() {
        return Err(invalid(
            "at least one digit is required after the decimal point",
        ));
    }

    let scale = frac_part.len();
    if scale > MAX_DIGITS {
        return Err(MoneyError::OutOfRange);
    }
    // Significant digits: everything after the leading zeros, across the point.
    let digits = int_part.bytes().chain(frac_part.bytes());
    let significant = digits.skip_while(|&b| b == b'0');
    let mut mantissa: i128 = 0;
    let mut count = 0usize;
    for b in significant {
        count += 1;
        if count > MAX_DIGITS {
            return Err(MoneyError::OutOfRange);
        }
        // Cannot overflow: at most 28 digits, far below i128::MAX.
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if negative {
        // "-0" becomes plain zero: a negative zero would print as "-0.00".
        mantissa = -mantissa;
    }
    // `scale` <= 28 here, so the conversion cannot fail.
    let scale = u32::try_from(scale).map_err(|_| MoneyError::OutOfRange)?;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| MoneyError::OutOfRange)
}

// ---------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------

/// How to break ties when an amount must be rounded to the currency's minor
/// unit (interest, FX conversion, allocations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Ties go away from zero (2.345 → 2.35, −2.345 → −2.35): the usual
    /// accounting and invoicing convention.
    HalfUp,
    /// Ties go to the even digit (2.345 → 2.34, 2.355 → 2.36), "banker's
    /// rounding": no upward bias when many amounts are rounded and summed.
    HalfEven,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        }
    }
}

/// Rounds `amount` to at most `currency.exponent()` decimal places.
///
/// The result is within half a minor unit of `amount` and can be passed to
/// [`Money::new`]; rounding is explicit so that no code path loses fractions
/// of a cent silently.
pub fn round_to_currency(amount: Decimal, currency: Currency, mode: Rounding) -> Decimal {
    amount.round_dp_with_strategy(currency.exponent(), mode.strategy())
}

// ---------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------

/// An exact amount in one currency.
///
/// Invariant: the amount has exactly `currency.exponent()` decimal places and
/// is never negative zero. Holding one canonical form makes equality, hashing,
/// [`Display`](fmt::Display) and [`Money::to_minor`] agree with each other.
///
/// Deliberately not `Serialize`: API types carry the amount as a string field
/// (see [`decimal_string`]) next to a separate currency field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// Builds money from a decimal, refusing more decimal places than the
    /// currency has (after dropping trailing zeros, so `10.500` USD is fine).
    ///
    /// Refusing instead of rounding keeps fractions of a minor unit from
    /// disappearing; use [`round_to_currency`] first when rounding is intended.
    pub fn new(amount: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let exponent = currency.exponent();
        let normalized = amount.normalize();
        if normalized.scale() > exponent {
            return Err(MoneyError::TooManyDecimals {
                currency,
                allowed: exponent,
            });
        }
        Self::canonical(normalized, currency)
    }

    /// Parses an API amount string ([`parse_decimal`]) for `currency`.
    pub fn parse(amount: &str, currency: Currency) -> Result<Money, MoneyError> {
        Self::new(parse_decimal(amount)?, currency)
    }

    /// Builds money from integer minor units (cents for USD), the form the
    /// database stores. Always exact: an `i64` fits `Decimal`'s mantissa.
    pub fn from_minor(minor: i64, currency: Currency) -> Money {
        Money {
            amount: Decimal::new(minor, currency.exponent()),
            currency,
        }
    }

    /// The amount in integer minor units (`10.50` USD → `1050`).
    ///
    /// [`MoneyError::OutOfRange`] if it does not fit an `i64` (a `BIGINT`
    /// column), instead of wrapping or saturating.
    pub fn to_minor(&self) -> Result<i64, MoneyError> {
        // The invariant puts the scale at the exponent, so the mantissa is
        // the count of minor units.
        i64::try_from(self.amount.mantissa()).map_err(|_| MoneyError::OutOfRange)
    }

    /// Zero in `currency`, written with the currency's decimal places.
    pub fn zero(currency: Currency) -> Money {
        Money::from_minor(0, currency)
    }

    /// The amount, with exactly `currency.exponent()` decimal places.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// True for amounts above zero (zero is neither positive nor negative).
    pub fn is_positive(&self) -> bool {
        self.amount > Decimal::ZERO
    }

    /// True for amounts below zero.
    pub fn is_negative(&self) -> bool {
        self.amount < Decimal::ZERO
    }

    /// The amount with its sign flipped (zero stays zero); used to turn a
    /// debit into the matching credit. Also available as `-money`.
    #[allow(clippy::should_implement_trait)] // `Neg` is implemented too; this one needs no import.
    pub fn neg(self) -> Money {
        Self::canonical_infallible(-self.amount, self.currency)
    }

    /// The absolute amount.
    pub fn abs(self) -> Money {
        Self::canonical_infallible(self.amount.abs(), self.currency)
    }

    /// Exact sum. [`MoneyError::CurrencyMismatch`] if the currencies differ
    /// (adding USD to EUR is always a bug), [`MoneyError::OutOfRange`] if the
    /// sum cannot be held exactly.
    pub fn checked_add(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let sum = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::OutOfRange)?;
        Self::canonical(sum, self.currency)
    }

    /// Exact difference; errors as for [`Money::checked_add`].
    pub fn checked_sub(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let difference = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::OutOfRange)?;
        Self::canonical(difference, self.currency)
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// Puts an amount that has at most `exponent` decimal places into the
    /// canonical form. Done on the mantissa rather than with
    /// `Decimal::rescale`, which silently settles for a smaller scale when
    /// the mantissa would overflow; here that is an `OutOfRange` error. This
    /// also catches sums that `Decimal` had to round to fit.
    fn canonical(amount: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let exponent = currency.exponent();
        let scale = amount.scale();
        if scale > exponent {
            // Only reachable if `Decimal` arithmetic rounded a result to fit;
            // anything not a whole number of minor units is not exact money.
            let normalized = amount.normalize();
            if normalized.scale() > exponent {
                return Err(MoneyError::OutOfRange);
            }
            return Self::canonical(normalized, currency);
        }
        let factor = 10i128.pow(exponent - scale);
        let mantissa = amount
            .mantissa()
            .checked_mul(factor)
            .ok_or(MoneyError::OutOfRange)?;
        let amount = Decimal::try_from_i128_with_scale(mantissa, exponent)
            .map_err(|_| MoneyError::OutOfRange)?;
        Ok(Money { amount, currency })
    }

    /// For sign changes of an already canonical value: same scale and same
    /// magnitude, so only negative zero needs fixing.
    fn canonical_infallible(mut amount: Decimal, currency: Currency) -> Money {
        if amount.is_zero() {
            amount.set_sign_positive(true);
        }
        Money { amount, currency }
    }
}

impl std::ops::Neg for Money {
    type Output = Money;

    fn neg(self) -> Money {
        Money::neg(self)
    }
}

/// The amount only, with exactly the currency's decimal places and no
/// exponent (`10.50` USD, `100` JPY, `-0.01` USD): the API's amount string.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.amount, f)
    }
}

// ---------------------------------------------------------------------------
// Serde helpers
// ---------------------------------------------------------------------------

const JSON_NUMBER_REFUSED: &str =
    "expected a decimal string such as \"1234.50\", not a JSON number";

/// Writes a decimal as a plain string (never an exponent, never "-0").
fn plain_string(value: &Decimal) -> String {
    let mut value = *value;
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    value.to_string()
}

struct DecimalStringVisitor;

impl Visitor<'_> for DecimalStringVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"1234.50\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Decimal, E> {
        Err(E::custom(JSON_NUMBER_REFUSED))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Decimal, E> {
        Err(E::custom(JSON_NUMBER_REFUSED))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Decimal, E> {
        Err(E::custom(JSON_NUMBER_REFUSED))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Decimal, E> {
        Err(E::custom(JSON_NUMBER_REFUSED))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Decimal, E> {
        Err(E::custom(JSON_NUMBER_REFUSED))
    }
}

/// Serde adapter for `Decimal` fields carried as JSON strings.
///
/// ```ignore
/// #[serde(with = "crate::domain::money::decimal_string")]
/// amount: Decimal,
/// ```
///
/// Deserializing accepts only a string, checked by [`parse_decimal`]; a JSON
/// number is refused because the client may already have rounded it through
/// a binary float.
pub mod decimal_string {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    /// Writes the decimal as a string, keeping its scale (`"10.50"`).
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::plain_string(value))
    }

    /// Reads a decimal from a JSON string only.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(super::DecimalStringVisitor)
    }
}

/// Serde adapter for `Option<Decimal>` fields: `null` ⇄ `None`, otherwise as
/// [`decimal_string`].
///
/// Add `default` so that a missing field also reads as `None`:
///
/// ```ignore
/// #[serde(default, with = "crate::domain::money::decimal_string_opt")]
/// limit: Option<Decimal>,
/// ```
pub mod decimal_string_opt {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    /// Writes `None` as `null` and `Some` as a decimal string.
    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&super::plain_string(value)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null` as `None` and a decimal string as `Some`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or a decimal string such as \"1234.50\"")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::decimal_string::deserialize(d).map(Some)
            }
        }

        deserializer.deserialize_option(OptionVisitor)
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

/// `value × num / den` rounded half away from zero, exact in between (0 when `den` is 0):
/// a part of a minor-unit amount, such as the base-currency share of part of a document.
pub fn scale(value: i64, num: i64, den: i64) -> i64 {
    if den == 0 {
        return 0;
    }
    let p = i128::from(value) * i128::from(num);
    let d = i128::from(den);
    let q = (2 * p + p.signum() * d.abs()) / (2 * d);
    i64::try_from(q).unwrap_or(if q > 0 { i64::MAX } else { i64::MIN })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;
    use std::str::FromStr;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        parse_decimal(s).unwrap()
    }

    fn money(amount: &str, code: &str) -> Money {
        Money::parse(amount, cur(code)).unwrap()
    }

    // ----- Currency -----

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        for pair in ISO_4217.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} !< {}", pair[0].0, pair[1].0);
        }
        for (code, exponent) in ISO_4217 {
            assert_eq!(code.len(), 3);
            assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            assert!(*exponent <= 4, "{code}");
        }
        assert_eq!(Currency::all().len(), ISO_4217.len());
        let all: HashSet<Currency> = Currency::all().collect();
        assert_eq!(all.len(), ISO_4217.len());
    }

    #[test]
    fn known_exponents() {
        let expected = [
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("CHF", 2),
            ("CAD", 2),
            ("AUD", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("ISK", 0),
            ("VND", 0),
            ("XOF", 0),
            ("XAF", 0),
            ("CLP", 0),
            ("BHD", 3),
            ("KWD", 3),
            ("JOD", 3),
            ("OMR", 3),
            ("TND", 3),
            ("LYD", 3),
            ("IQD", 3),
            ("CLF", 4),
            ("UYW", 4),
        ];
        for (code, exponent) in expected {
            let c = cur(code);
            assert_eq!(c.code(), code);
            assert_eq!(c.exponent(), exponent, "{code}");
        }
    }

    #[test]
    fn constants_match_table() {
        assert_eq!(Currency::USD, cur("USD"));
        assert_eq!(USD, cur("USD"));
        assert_eq!(Currency::EUR, cur("EUR"));
        assert_eq!(Currency::GBP, cur("GBP"));
        assert_eq!(Currency::JPY, cur("JPY"));
        assert_eq!(Currency::JPY.exponent(), 0);
    }

    #[test]
    fn currency_parse_refuses_malformed_and_unknown() {
        for bad in [
            "", "usd", "Usd", "US", "USDD", " USD", "USD ", "U5D", "XXX", "XAU", "XTS", "HRK",
            "ZWL", "ABC", "ÜSD",
        ] {
            let err = Currency::parse(bad).unwrap_err();
            assert_eq!(err.code(), "unknown_currency", "{bad:?}");
            assert!(matches!(err, MoneyError::UnknownCurrency { .. }));
        }
    }

    #[test]
    fn unknown_currency_message_is_clear_and_bounded() {
        let err = Currency::parse("usd").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown currency \"usd\": expected an active ISO 4217 code of three uppercase \
             letters, such as \"USD\""
        );
        let long = "A".repeat(10_000);
        let err = Currency::parse(&long).unwrap_err();
        assert!(err.to_string().len() < 200);
    }

    #[test]
    fn currency_display_fromstr_debug() {
        let c = Currency::from_str("KWD").unwrap();
        assert_eq!(c.to_string(), "KWD");
        assert_eq!(format!("{c:?}"), "Currency(KWD)");
        assert!("kwd".parse::<Currency>().is_err());
    }

    #[test]
    fn currency_serde_as_code_string() {
        assert_eq!(serde_json::to_string(&Currency::EUR).unwrap(), "\"EUR\"");
        let c: Currency = serde_json::from_str("\"BHD\"").unwrap();
        assert_eq!(c, cur("BHD"));
        let err = serde_json::from_str::<Currency>("\"ABC\"").unwrap_err();
        assert!(
            err.to_string().contains("unknown currency \"ABC\""),
            "{err}"
        );
        let err = serde_json::from_str::<Currency>("840").unwrap_err();
        assert!(err.to_string().contains("ISO 4217 currency code"), "{err}");
    }

    #[test]
    fn currency_schema() {
        use utoipa::openapi::schema::Schema;
        use utoipa::openapi::RefOr;
        use utoipa::{PartialSchema, ToSchema};
        assert_eq!(<Currency as ToSchema>::name(), "Currency");
        let RefOr::T(Schema::Object(object)) = <Currency as PartialSchema>::schema() else {
            panic!("expected an inline object schema");
        };
        assert_eq!(object.pattern.as_deref(), Some("^[A-Z]{3}$"));
        assert_eq!(object.examples, vec![serde_json::json!("USD")]);
        assert!(object.description.is_some());
        let json = serde_json::to_value(&object).unwrap();
        assert_eq!(json["type"], "string");
    }

    // ----- parse_decimal -----

    #[test]
    fn parse_decimal_accepts_plain_forms_and_keeps_scale() {
        let cases = [
            ("0", 0),
            ("-0", 0),
            ("1", 0),
            ("1.50", 2),
            ("0.30", 2),
            ("-0.01", 2),
            ("007.5", 1),
            ("1234.5000", 4),
        ];
        for (s, scale) in cases {
            let d = dec(s);
            assert_eq!(d.scale(), scale, "{s}");
        }
        assert_eq!(dec("1.50").to_string(), "1.50");
        assert_eq!(dec("0.30").to_string(), "0.30");
        assert_eq!(dec("-0.01").to_string(), "-0.01");
        assert_eq!(dec("007.5").to_string(), "7.5");
        assert_eq!(dec("-0.00").to_string(), "0.00");
        assert!(!dec("-0").is_sign_negative());
    }

    #[test]
    fn parse_decimal_refuses_bad_syntax() {
        for bad in [
            "", " 1", "1 ", "\t1", "+1", "1e5", "1E5", "1.5e-3", "1.", ".5", "-", "-.5", "--1",
            "1-", "1.2.3", "1,000", "1_000", "abc", "0x10", "NaN", "inf", "١", "1..2", "- 1",
        ] {
            let err = parse_decimal(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_decimal", "{bad:?}");
        }
    }

    #[test]
    fn parse_decimal_reasons_name_the_rule() {
        let reason = |s: &str| match parse_decimal(s) {
            Err(MoneyError::InvalidDecimal { reason }) => reason,
            other => panic!("{s:?}: {other:?}"),
        };
        assert_eq!(reason(""), "the value is empty");
        assert_eq!(reason(" 1"), "whitespace is not allowed");
        assert_eq!(reason("+1"), "a '+' sign is not allowed");
        assert_eq!(reason("1e5"), "exponent notation is not allowed");
        assert_eq!(
            reason(".5"),
            "at least one digit is required before the decimal point"
        );
        assert_eq!(
            reason("1."),
            "at least one digit is required after the decimal point"
        );
        let message = parse_decimal("1e5").unwrap_err().to_string();
        assert!(
            message.contains("exponent notation is not allowed"),
            "{message}"
        );
        assert!(message.contains("\"1234.50\""), "{message}");
    }

    #[test]
    fn parse_decimal_28_vs_29_significant_digits() {
        let d28 = "1234567890123456789012345678";
        assert_eq!(dec(d28).to_string(), d28);
        assert_eq!(
            dec("-9999999999999999999999999999").to_string(),
            "-9999999999999999999999999999"
        );
        assert_eq!(
            dec("1.234567890123456789012345678").to_string(),
            "1.234567890123456789012345678"
        );
        // Leading zeros are not significant.
        assert_eq!(dec("0001234567890123456789012345678").to_string(), d28);

        for too_many in [
            "12345678901234567890123456789",
            "1.2345678901234567890123456789",
            "79228162514264337593543950335",
            "99999999999999999999999999999999999",
        ] {
            assert_eq!(
                parse_decimal(too_many),
                Err(MoneyError::OutOfRange),
                "{too_many}"
            );
        }
    }

    #[test]
    fn parse_decimal_scale_limit() {
        let smallest = "0.0000000000000000000000000001"; // scale 28
        assert_eq!(dec(smallest).scale(), 28);
        assert_eq!(dec(smallest).to_string(), smallest);
        let too_small = "0.00000000000000000000000000001"; // scale 29
        assert_eq!(parse_decimal(too_small), Err(MoneyError::OutOfRange));
        assert_eq!(
            parse_decimal("1.00000000000000000000000000000"),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(MoneyError::OutOfRange.code(), "amount_out_of_range");
    }

    // ----- Money construction -----

    #[test]
    fn money_parse_checks_decimal_places_after_normalizing() {
        assert_eq!(money("10.50", "USD").to_string(), "10.50");
        assert_eq!(money("10.500", "USD").to_string(), "10.50");
        assert_eq!(money("10.5", "USD").to_string(), "10.50");
        assert_eq!(money("10", "USD").to_string(), "10.00");
        assert_eq!(money("100", "JPY").to_string(), "100");
        assert_eq!(money("100.000", "JPY").to_string(), "100");
        assert_eq!(money("1.234", "BHD").to_string(), "1.234");
        assert_eq!(money("0.30", "USD").to_string(), "0.30");
        assert_eq!(money("-0.01", "USD").to_string(), "-0.01");
        assert_eq!(money("-0.00", "USD").to_string(), "0.00");

        let err = Money::parse("10.505", Currency::USD).unwrap_err();
        assert_eq!(
            err,
            MoneyError::TooManyDecimals {
                currency: Currency::USD,
                allowed: 2
            }
        );
        assert_eq!(err.code(), "too_many_decimals");
        assert_eq!(err.to_string(), "USD allows at most 2 decimal places");

        let err = Money::parse("1.5", Currency::JPY).unwrap_err();
        assert!(matches!(
            err,
            MoneyError::TooManyDecimals { allowed: 0, .. }
        ));
        assert_eq!(err.to_string(), "JPY allows at most 0 decimal places");

        assert_eq!(
            Money::parse("1e5", Currency::USD).unwrap_err().code(),
            "invalid_decimal"
        );
    }

    #[test]
    fn money_new_same_rule() {
        let m = Money::new(Decimal::new(10500, 3), Currency::USD).unwrap();
        assert_eq!(m.amount().scale(), 2);
        assert_eq!(m.to_string(), "10.50");
        assert!(matches!(
            Money::new(Decimal::new(10505, 3), Currency::USD),
            Err(MoneyError::TooManyDecimals { allowed: 2, .. })
        ));
        // The largest Decimal has no room for two more decimal places.
        assert_eq!(
            Money::new(Decimal::MAX, Currency::USD),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(
            Money::new(Decimal::MAX, Currency::JPY).unwrap().amount(),
            Decimal::MAX
        );
        // Negative zero is canonicalized.
        let negative_zero = -Decimal::new(0, 2);
        assert_eq!(
            Money::new(negative_zero, Currency::USD)
                .unwrap()
                .to_string(),
            "0.00"
        );
    }

    #[test]
    fn equal_values_are_equal_money() {
        assert_eq!(money("10.5", "USD"), money("10.50", "USD"));
        assert_eq!(money("10.5", "USD"), money("10.500", "USD"));
        assert_ne!(money("10.50", "USD"), money("10.50", "EUR"));
    }

    // ----- minor units -----

    #[test]
    fn minor_units_round_trip() {
        assert_eq!(money("10.50", "USD").to_minor().unwrap(), 1050);
        assert_eq!(money("-0.01", "USD").to_minor().unwrap(), -1);
        assert_eq!(money("100", "JPY").to_minor().unwrap(), 100);
        assert_eq!(money("1.5", "BHD").to_minor().unwrap(), 1500);
        assert_eq!(Money::from_minor(1050, Currency::USD).to_string(), "10.50");
        assert_eq!(Money::from_minor(-5, Currency::USD).to_string(), "-0.05");
        assert_eq!(Money::from_minor(7, cur("KWD")).to_string(), "0.007");
    }

    #[test]
    fn four_decimal_currency_extreme_round_trips() {
        for code in ["CLF", "UYW"] {
            let m = money("12345678901234.5678", code);
            let minor = m.to_minor().unwrap();
            assert_eq!(minor, 123_456_789_012_345_678);
            let back = Money::from_minor(minor, cur(code));
            assert_eq!(back, m);
            assert_eq!(back.to_string(), "12345678901234.5678");
        }
    }

    #[test]
    fn i64_extremes_in_minor_units() {
        let max = Money::from_minor(i64::MAX, Currency::USD);
        assert_eq!(max.to_string(), "92233720368547758.07");
        assert_eq!(max.to_minor().unwrap(), i64::MAX);
        assert_eq!(money("92233720368547758.07", "USD"), max);

        let min = Money::from_minor(i64::MIN, Currency::USD);
        assert_eq!(min.to_string(), "-92233720368547758.08");
        assert_eq!(min.to_minor().unwrap(), i64::MIN);

        let max_clf = Money::from_minor(i64::MAX, cur("CLF"));
        assert_eq!(max_clf.to_string(), "922337203685477.5807");
        assert_eq!(max_clf.to_minor().unwrap(), i64::MAX);

        assert_eq!(
            money("92233720368547758.08", "USD").to_minor(),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(
            money("-92233720368547758.09", "USD").to_minor(),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(
            money("1234567890123456789012345678", "JPY").to_minor(),
            Err(MoneyError::OutOfRange)
        );
    }

    // ----- predicates and arithmetic -----

    #[test]
    fn zero_and_signs() {
        let zero = Money::zero(Currency::USD);
        assert_eq!(zero.to_string(), "0.00");
        assert!(zero.is_zero() && !zero.is_positive() && !zero.is_negative());
        assert_eq!(Money::zero(Currency::JPY).to_string(), "0");
        let p = money("0.01", "USD");
        assert!(p.is_positive() && !p.is_negative() && !p.is_zero());
        let n = money("-0.01", "USD");
        assert!(n.is_negative() && !n.is_positive());
        assert_eq!(p.currency(), Currency::USD);
        assert_eq!(p.amount(), Decimal::new(1, 2));
    }

    #[test]
    fn neg_and_abs() {
        let m = money("10.50", "USD");
        assert_eq!(m.neg().to_string(), "-10.50");
        assert_eq!((-m).to_string(), "-10.50");
        assert_eq!(m.neg().neg(), m);
        assert_eq!(m.neg().abs(), m);
        assert_eq!(m.abs(), m);
        let zero = Money::zero(Currency::USD);
        assert_eq!(zero.neg().to_string(), "0.00");
        assert!(!zero.neg().amount().is_sign_negative());
        let min = Money::from_minor(i64::MIN, Currency::USD);
        assert_eq!(min.neg().to_string(), "92233720368547758.08");
        assert_eq!(min.neg().to_minor(), Err(MoneyError::OutOfRange));
    }

    #[test]
    fn checked_add_and_sub() {
        let a = money("10.50", "USD");
        let b = money("0.75", "USD");
        assert_eq!(a.checked_add(b).unwrap().to_string(), "11.25");
        assert_eq!(a.checked_sub(b).unwrap().to_string(), "9.75");
        assert_eq!(b.checked_sub(a).unwrap().to_string(), "-9.75");
        let diff = a.checked_sub(a).unwrap();
        assert_eq!(diff.to_string(), "0.00");
        assert!(!diff.amount().is_sign_negative());
        assert_eq!(
            money("0.1", "USD")
                .checked_add(money("0.2", "USD"))
                .unwrap(),
            money("0.30", "USD")
        );
    }

    #[test]
    fn checked_add_refuses_mixed_currencies() {
        let err = money("1", "USD")
            .checked_add(money("1", "EUR"))
            .unwrap_err();
        assert_eq!(
            err,
            MoneyError::CurrencyMismatch {
                left: Currency::USD,
                right: Currency::EUR
            }
        );
        assert_eq!(err.code(), "currency_mismatch");
        assert_eq!(
            err.to_string(),
            "currency mismatch: cannot combine USD with EUR"
        );
        assert!(matches!(
            money("1", "EUR").checked_sub(money("1", "USD")),
            Err(MoneyError::CurrencyMismatch { .. })
        ));
    }

    #[test]
    fn checked_add_overflow_is_out_of_range() {
        let max = Money::new(Decimal::MAX, Currency::JPY).unwrap();
        let one = money("1", "JPY");
        assert_eq!(max.checked_add(one), Err(MoneyError::OutOfRange));
        assert_eq!(max.neg().checked_sub(one), Err(MoneyError::OutOfRange));
        // Near the top with decimals: Decimal would have to round, which is refused.
        let big = Money::new(
            Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_334, 2),
            Currency::USD,
        )
        .unwrap();
        assert_eq!(big.to_string(), "792281625142643375935439503.34");
        assert_eq!(
            big.checked_add(money("0.01", "USD")).unwrap().to_string(),
            "792281625142643375935439503.35"
        );
        assert_eq!(
            big.checked_add(money("1.00", "USD")),
            Err(MoneyError::OutOfRange)
        );
    }

    // ----- rounding -----

    #[test]
    fn rounding_modes() {
        let usd = Currency::USD;
        let r = |s: &str, mode| round_to_currency(dec(s), usd, mode).to_string();
        assert_eq!(r("2.345", Rounding::HalfUp), "2.35");
        assert_eq!(r("2.345", Rounding::HalfEven), "2.34");
        assert_eq!(r("2.355", Rounding::HalfEven), "2.36");
        assert_eq!(r("-2.345", Rounding::HalfUp), "-2.35");
        assert_eq!(r("-2.345", Rounding::HalfEven), "-2.34");
        assert_eq!(r("2.3449", Rounding::HalfUp), "2.34");
        assert_eq!(r("2.5", Rounding::HalfUp), "2.5");
        assert_eq!(
            round_to_currency(dec("2.5"), Currency::JPY, Rounding::HalfUp).to_string(),
            "3"
        );
        assert_eq!(
            round_to_currency(dec("2.5"), Currency::JPY, Rounding::HalfEven).to_string(),
            "2"
        );
        assert_eq!(
            round_to_currency(dec("1.23456"), cur("BHD"), Rounding::HalfUp).to_string(),
            "1.235"
        );
        let rounded = round_to_currency(dec("10.005"), usd, Rounding::HalfUp);
        assert_eq!(Money::new(rounded, usd).unwrap().to_string(), "10.01");
    }

    // ----- serde helpers -----

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        #[serde(with = "super::decimal_string")]
        amount: Decimal,
        #[serde(default, with = "super::decimal_string_opt")]
        limit: Option<Decimal>,
    }

    #[test]
    fn decimal_string_round_trip() {
        let body = Body {
            amount: dec("1234.50"),
            limit: Some(dec("-0.01")),
        };
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(json, r#"{"amount":"1234.50","limit":"-0.01"}"#);
        assert_eq!(serde_json::from_str::<Body>(&json).unwrap(), body);

        let body = Body {
            amount: dec("0.30"),
            limit: None,
        };
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(json, r#"{"amount":"0.30","limit":null}"#);
        assert_eq!(serde_json::from_str::<Body>(&json).unwrap(), body);
        assert_eq!(
            serde_json::from_str::<Body>(r#"{"amount":"0.30"}"#).unwrap(),
            body
        );
    }

    #[test]
    fn decimal_string_writes_no_exponent_and_no_negative_zero() {
        let tiny = Body {
            amount: Decimal::new(1, 28),
            limit: Some(-Decimal::new(0, 2)),
        };
        let json = serde_json::to_string(&tiny).unwrap();
        assert_eq!(
            json,
            r#"{"amount":"0.0000000000000000000000000001","limit":"0.00"}"#
        );
    }

    #[test]
    fn decimal_string_refuses_json_numbers() {
        for json in [
            r#"{"amount":1234.5}"#,
            r#"{"amount":12}"#,
            r#"{"amount":-12}"#,
            r#"{"amount":"1.00","limit":5}"#,
        ] {
            let err = serde_json::from_str::<Body>(json).unwrap_err().to_string();
            assert!(
                err.contains(r#"expected a decimal string such as "1234.50", not a JSON number"#),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn decimal_string_applies_parse_rules() {
        for (json, needle) in [
            (r#"{"amount":"1e5"}"#, "exponent notation"),
            (r#"{"amount":" 1"}"#, "whitespace"),
            (r#"{"amount":"+1"}"#, "'+'"),
            (r#"{"amount":""}"#, "empty"),
            (
                r#"{"amount":"12345678901234567890123456789"}"#,
                "out of range",
            ),
            (r#"{"amount":true}"#, "a decimal string"),
            (r#"{"amount":null}"#, "a decimal string"),
            (r#"{"amount":"1","limit":"1."}"#, "after the decimal point"),
        ] {
            let err = serde_json::from_str::<Body>(json).unwrap_err().to_string();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }

    // ----- error codes -----

    #[test]
    fn error_codes_are_stable() {
        assert_eq!(invalid("x").code(), "invalid_decimal");
        assert_eq!(
            MoneyError::TooManyDecimals {
                currency: Currency::USD,
                allowed: 2
            }
            .code(),
            "too_many_decimals"
        );
        assert_eq!(
            MoneyError::UnknownCurrency { code: "X".into() }.code(),
            "unknown_currency"
        );
        assert_eq!(
            MoneyError::CurrencyMismatch {
                left: Currency::USD,
                right: Currency::EUR
            }
            .code(),
            "currency_mismatch"
        );
        assert_eq!(MoneyError::OutOfRange.code(), "amount_out_of_range");
    }

    // ----- properties -----

    fn any_currency() -> impl Strategy<Value = Currency> {
        prop::sample::select(Currency::all().collect::<Vec<_>>())
    }

    /// Two different currencies (built directly: rejecting equal pairs would
    /// abort long runs with "too many rejects").
    fn two_currencies() -> impl Strategy<Value = (Currency, Currency)> {
        let all: Vec<Currency> = Currency::all().collect();
        let n = all.len();
        (0..n, 1..n).prop_map(move |(i, offset)| (all[i], all[(i + offset) % n]))
    }

    /// Any `Decimal`: 96-bit mantissa, scale 0..=28.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        let limit = (1i128 << 96) - 1;
        (-limit..=limit, 0u32..=28)
            .prop_map(|(mantissa, scale)| Decimal::from_i128_with_scale(mantissa, scale))
    }

    proptest! {
        #[test]
        fn prop_parse_display_round_trip(minor in any::<i64>(), currency in any_currency()) {
            let m = Money::from_minor(minor, currency);
            let text = m.to_string();
            prop_assert!(!text.contains('e') && !text.contains('E'));
            let decimals = text.split_once('.').map_or(0, |(_, frac)| frac.len());
            prop_assert_eq!(decimals, currency.exponent() as usize);
            prop_assert_eq!(Money::parse(&text, currency).unwrap(), m);
        }

        #[test]
        fn prop_minor_round_trip(mantissa in any::<i64>(), currency in any_currency(), shift in 0u32..=4) {
            let scale = shift.min(currency.exponent());
            let m = Money::new(Decimal::new(mantissa, scale), currency).unwrap();
            match m.to_minor() {
                Ok(minor) => prop_assert_eq!(Money::from_minor(minor, currency), m),
                Err(err) => {
                    prop_assert_eq!(err, MoneyError::OutOfRange);
                    let minor = i128::from(mantissa) * 10i128.pow(currency.exponent() - scale);
                    prop_assert!(i64::try_from(minor).is_err());
                }
            }
        }

        #[test]
        fn prop_add_commutative_and_associative(
            a in any::<i64>(), b in any::<i64>(), c in any::<i64>(), currency in any_currency()
        ) {
            let (a, b, c) = (
                Money::from_minor(a, currency),
                Money::from_minor(b, currency),
                Money::from_minor(c, currency),
            );
            prop_assert_eq!(a.checked_add(b).unwrap(), b.checked_add(a).unwrap());
            let left = a.checked_add(b).unwrap().checked_add(c).unwrap();
            let right = a.checked_add(b.checked_add(c).unwrap()).unwrap();
            prop_assert_eq!(left, right);
        }

        #[test]
        fn prop_add_then_sub_is_identity(a in any_decimal(), b in any_decimal(), currency in any_currency()) {
            let exponent = currency.exponent();
            let (Ok(a), Ok(b)) = (
                Money::new(round_to_currency(a, currency, Rounding::HalfEven), currency),
                Money::new(round_to_currency(b, currency, Rounding::HalfEven), currency),
            ) else {
                // Too large to carry the currency's decimal places.
                return Ok(());
            };
            prop_assert_eq!(a.amount().scale(), exponent);
            if let Ok(sum) = a.checked_add(b) {
                prop_assert_eq!(sum.checked_sub(b).unwrap(), a);
                prop_assert_eq!(sum.checked_sub(a).unwrap(), b);
            }
            if let Ok(difference) = a.checked_sub(b) {
                prop_assert_eq!(difference.checked_add(b).unwrap(), a);
            }
        }

        #[test]
        fn prop_add_mismatch(a in any::<i64>(), (x, y) in two_currencies()) {
            let err = Money::from_minor(a, x).checked_add(Money::from_minor(a, y)).unwrap_err();
            prop_assert_eq!(err, MoneyError::CurrencyMismatch { left: x, right: y });
        }

        #[test]
        fn prop_rounding_is_within_half_a_minor_unit(amount in any_decimal(), currency in any_currency()) {
            let exponent = currency.exponent();
            let half_unit = Decimal::new(5, exponent + 1);
            for mode in [Rounding::HalfUp, Rounding::HalfEven] {
                let rounded = round_to_currency(amount, currency, mode);
                prop_assert!(rounded.scale() <= exponent);
                let distance = (rounded - amount).abs();
                prop_assert!(distance <= half_unit, "{} -> {} ({:?})", amount, rounded, mode);
                // Rounding an already-rounded amount changes nothing.
                prop_assert_eq!(round_to_currency(rounded, currency, mode), rounded);
            }
        }

        #[test]
        fn prop_parse_decimal_round_trips_display(amount in any_decimal()) {
            let text = amount.to_string();
            let significant = text
                .trim_start_matches('-')
                .replace('.', "")
                .trim_start_matches('0')
                .len();
            match parse_decimal(&text) {
                Ok(parsed) => {
                    prop_assert_eq!(parsed, amount);
                    prop_assert_eq!(parsed.scale(), amount.scale());
                }
                Err(err) => {
                    prop_assert_eq!(err, MoneyError::OutOfRange);
                    prop_assert!(significant > 28);
                }
            }
        }
    }
}
