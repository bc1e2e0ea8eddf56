//! Small pieces the three readers share: a bounded problem list, text decoding, plain
//! decimals, dates, IBANs. Nothing here panics on any input.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ParseProblem;

/// At most this many problems are reported for one file; reading stops once reached.
pub const MAX_PROBLEMS: usize = 50;

/// A bounded list of problems.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<ParseProblem>);

impl Problems {
    pub fn push(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(ParseProblem::new(field, code, message));
        }
    }

    pub fn full(&self) -> bool {
        self.0.len() >= MAX_PROBLEMS
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One problem as a whole refusal.
pub fn refuse<T>(
    field: impl Into<String>,
    code: &'static str,
    message: impl Into<String>,
) -> Result<T, Vec<ParseProblem>> {
    Err(vec![ParseProblem::new(field, code, message)])
}

/// The bytes as text: UTF-8 when they are (a byte order mark dropped), otherwise read as
/// latin-1 (every byte one character), which is what CP1252/ISO-8859-1 exports mostly are.
pub fn decode_lossless(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// A value echoed in a message: at most 40 characters, an ellipsis when cut.
pub fn echo(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// `digits[.digits]`, nothing else (no sign, no exponent, no spaces, no grouping), read
/// exactly: the scale is the number of decimals written. `None` when not such a number or
/// out of `Decimal`'s range.
pub fn plain_decimal(text: &str) -> Option<Decimal> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Decimal::from_str_exact(text).ok()
}

/// Like [`plain_decimal`] with an optional leading `+` or `-`.
pub fn signed_decimal(text: &str) -> Option<Decimal> {
    if let Some(rest) = text.strip_prefix('-') {
        plain_decimal(rest).map(|d| -d)
    } else if let Some(rest) = text.strip_prefix('+') {
        plain_decimal(rest)
    } else {
        plain_decimal(text)
    }
}

/// `YYYY-MM-DD` exactly.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The date part of an ISO date-time (`2014-12-31T13:15:00+01:00`), as written (no time
/// zone shift), or a plain ISO date.
pub fn iso_date_of_datetime(text: &str) -> Option<NaiveDate> {
    let date = match text.split_once('T') {
        Some((d, rest)) => {
            if rest.is_empty() {
                return None;
            }
            d
        }
        None => text,
    };
    iso_date(date)
}

/// The IBAN written without spaces and in capitals, when it passes the ISO 13616 check
/// (two letters, two check digits, up to 30 letters or digits, mod 97 = 1).
pub fn valid_iban(text: &str) -> Option<String> {
    let iban: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    if !b.first()?.is_ascii_alphabetic() || !b.get(1)?.is_ascii_alphabetic() {
        return None;
    }
    if !b.get(2)?.is_ascii_digit() || !b.get(3)?.is_ascii_digit() {
        return None;
    }
    let mut rem: u32 = 0;
    for &c in b.iter().skip(4).chain(b.iter().take(4)) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    (rem == 1).then_some(iban)
}

/// `Some(trimmed)` unless empty.
pub fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_plain_and_exact() {
        assert_eq!(
            plain_decimal("18.150").map(|d| d.to_string()),
            Some("18.150".into())
        );
        assert_eq!(plain_decimal("2700").map(|d| d.scale()), Some(0));
        for bad in [
            "",
            "1,00",
            "abc",
            "1e5",
            "1.",
            ".5",
            "-1",
            "+1",
            " 1",
            "1.2.3",
            "99999999999999999999999999999999",
        ] {
            assert_eq!(plain_decimal(bad), None, "{bad}");
        }
        assert_eq!(
            signed_decimal("-5.50").map(|d| d.to_string()),
            Some("-5.50".into())
        );
    }

    #[test]
    fn ibans() {
        assert_eq!(
            valid_iban("nl26 vayb 8060 4768 90").as_deref(),
            Some("NL26VAYB8060476890")
        );
        assert_eq!(valid_iban("NL26VAYB8060476891"), None);
        assert_eq!(valid_iban("1452687~7"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            iso_date_of_datetime("2014-12-31T13:15:00+01:00"),
            NaiveDate::from_ymd_opt(2014, 12, 31)
        );
        assert_eq!(iso_date("2014-02-30"), None);
        assert_eq!(iso_date("20141231"), None);
    }

    #[test]
    fn echo_cuts_on_characters() {
        let long = "é".repeat(60);
        assert_eq!(echo(&long).chars().count(), 41);
        assert_eq!(decode_lossless(b"caf\xe9"), "café");
    }
}
