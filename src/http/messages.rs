//! Deserialization errors in words a client understands. serde says what Rust type it
//! wanted (`expected i32`, `UUID parsing failed`, `input is out of range`); a client needs
//! the rule of the API instead: a whole number, an id, a calendar date.

use serde_json::Value;

/// A field error's code and message, rewritten from serde's `message` about `value` (the
/// JSON the client sent at that field, when known).
pub fn explain(code: &'static str, message: &str, value: Option<&Value>) -> (&'static str, String) {
    let got = value.map(describe_value);
    let with_got = |rule: &str| match &got {
        Some(got) => format!("{rule}; got {got}"),
        None => rule.to_owned(),
    };
    if code == "required" {
        return (code, "is required".to_owned());
    }
    if code == "unknown_field" {
        return (code, unknown_field(message));
    }
    if code == "invalid_enum" {
        return (code, one_of(message, got.as_deref()));
    }
    if matches!(value, Some(Value::Null)) && message.starts_with("invalid type: null") {
        return ("invalid_type", "must not be null".to_owned());
    }
    if let Some(text) = value.and_then(Value::as_str) {
        if let Some(explained) = date_or_time(message, text) {
            return explained;
        }
        if message.contains("UUID parsing failed") || is_uuid_complaint(message) {
            return (
                "invalid_id",
                format!(
                    "must be an id (a UUID such as \"0192f3c4-8a1e-7b2c-9d3e-4f5a6b7c8d9e\"); got {}",
                    describe_value(&Value::String(text.to_owned()))
                ),
            );
        }
    }
    // What `str::parse` says when a query parameter is not a number or a boolean.
    const NOT_A_NUMBER: [&str; 4] = [
        "invalid digit found in string",
        "cannot parse integer from empty string",
        "number too large to fit in target type",
        "number too small to fit in target type",
    ];
    if NOT_A_NUMBER.contains(&message) {
        return (code, with_got("must be a whole number"));
    }
    if message == "provided string was not `true` or `false`" {
        return (code, with_got("must be true or false"));
    }
    let expected = message.rsplit("expected ").next().unwrap_or("");
    if message.contains("expected ") {
        let rule = match expected.trim() {
            e if is_integer_type(e) => Some(integer_rule(e)),
            "f32" | "f64" => Some("must be a number".to_owned()),
            "a boolean" => Some("must be true or false".to_owned()),
            "a string" | "a borrowed string" => Some("must be a string".to_owned()),
            e if e.starts_with("a sequence") || e.starts_with("a tuple") => {
                Some("must be an array".to_owned())
            }
            e if e.starts_with("a map") || e.starts_with("struct ") => {
                Some("must be an object".to_owned())
            }
            e if e.starts_with("a UUID") || e.contains("UUID") => Some(
                "must be an id (a UUID such as \"0192f3c4-8a1e-7b2c-9d3e-4f5a6b7c8d9e\")"
                    .to_owned(),
            ),
            _ => None,
        };
        if let Some(rule) = rule {
            return (code, with_got(&rule));
        }
    }
    (code, message.to_owned())
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("\"{shown}{more}\"")
        }
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn is_integer_type(name: &str) -> bool {
    matches!(
        name,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
    )
}

fn integer_rule(name: &str) -> String {
    let range = match name {
        "u8" => Some(("0", "255")),
        "u16" => Some(("0", "65535")),
        "u32" => Some(("0", "4294967295")),
        "i8" => Some(("-128", "127")),
        "i16" => Some(("-32768", "32767")),
        "i32" => Some(("-2147483648", "2147483647")),
        "u64" | "usize" => Some(("0", "18446744073709551615")),
        _ => None,
    };
    match range {
        Some((lo, hi)) => format!("must be a whole number from {lo} to {hi}"),
        None => "must be a whole number".to_owned(),
    }
}

/// chrono's parse errors, for a string that looks like a date or a timestamp.
fn date_or_time(message: &str, text: &str) -> Option<(&'static str, String)> {
    const CHRONO: [&str; 6] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
        "bad or unsupported format string",
    ];
    if !CHRONO.iter().any(|m| message.contains(m)) {
        return None;
    }
    let looks_like_timestamp = text.contains('T') || text.contains('t') || text.contains(':');
    if message.contains("input is out of range") && !looks_like_timestamp {
        return Some((
            "invalid_date",
            format!("\"{text}\" is not a calendar date (that month has no such day)"),
        ));
    }
    if looks_like_timestamp {
        let rule = if message.contains("input is out of range") {
            format!("\"{text}\" is not a real date and time")
        } else {
            format!(
                "must be an RFC 3339 timestamp such as \"2026-12-01T09:30:00Z\"; got \"{text}\""
            )
        };
        return Some(("invalid_datetime", rule));
    }
    Some((
        "invalid_date",
        format!("must be a date as YYYY-MM-DD, such as \"2026-12-01\"; got \"{text}\""),
    ))
}

fn is_uuid_complaint(message: &str) -> bool {
    message.contains("urn:uuid:")
        || (message.starts_with("invalid length: expected length 32")
            || message.starts_with("invalid group"))
}

fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn one_of(message: &str, got: Option<&str>) -> String {
    let names = backticked(message);
    let (given, allowed) = match names.split_first() {
        Some((given, allowed)) if message.starts_with("unknown variant") => {
            (Some(*given), allowed.to_vec())
        }
        _ => (None, names),
    };
    if allowed.is_empty() {
        return message.to_owned();
    }
    let list = allowed.join(", ");
    match (given, got) {
        (Some(g), _) => format!("must be one of {list}; got \"{g}\""),
        (None, Some(got)) => format!("must be one of {list}; got {got}"),
        (None, None) => format!("must be one of {list}"),
    }
}

fn unknown_field(message: &str) -> String {
    let names = backticked(message);
    match names.split_first() {
        Some((_, allowed)) if !allowed.is_empty() => format!(
            "is not a field of this request (fields: {})",
            allowed.join(", ")
        ),
        _ => "is not a field of this request".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn no_rust_type_names_reach_the_client() {
        let (code, m) = explain(
            "invalid_type",
            "invalid type: string \"ten\", expected i32",
            Some(&json!("ten")),
        );
        assert_eq!(code, "invalid_type");
        assert_eq!(
            m,
            "must be a whole number from -2147483648 to 2147483647; got \"ten\""
        );
        let (_, m) = explain(
            "invalid_type",
            "invalid type: floating point `1.5`, expected u8",
            Some(&json!(1.5)),
        );
        assert_eq!(
            m,
            "must be a whole number from 0 to 255; got the number 1.5"
        );
        let (_, m) = explain(
            "invalid_type",
            "invalid value: integer `-1`, expected u32",
            Some(&json!(-1)),
        );
        assert!(m.starts_with("must be a whole number from 0"), "{m}");
        let (_, m) = explain(
            "invalid_type",
            "invalid type: integer `1`, expected a boolean",
            Some(&json!(1)),
        );
        assert_eq!(m, "must be true or false; got the number 1");
    }

    #[test]
    fn query_parameters_are_worded_like_bodies() {
        let (code, m) = explain(
            "invalid_query",
            "invalid digit found in string",
            Some(&json!("ten")),
        );
        assert_eq!(
            (code, m.as_str()),
            ("invalid_query", "must be a whole number; got \"ten\"")
        );
        let (_, m) = explain(
            "invalid_query",
            "provided string was not `true` or `false`",
            Some(&json!("yes please")),
        );
        assert_eq!(m, "must be true or false; got \"yes please\"");
    }

    #[test]
    fn ids_and_dates_are_named_for_what_they_are() {
        let (code, m) = explain(
            "invalid_type",
            "UUID parsing failed: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `z` at 1",
            Some(&json!("zzz")),
        );
        assert_eq!(code, "invalid_id");
        assert!(m.starts_with("must be an id (a UUID"), "{m}");
        assert!(!m.contains("parsing"), "{m}");

        let (code, m) = explain(
            "invalid_type",
            "input is out of range",
            Some(&json!("2026-02-30")),
        );
        assert_eq!(code, "invalid_date");
        assert_eq!(
            m,
            "\"2026-02-30\" is not a calendar date (that month has no such day)"
        );
        let (code, m) = explain(
            "invalid_type",
            "input contains invalid characters",
            Some(&json!("30/02/2026")),
        );
        assert_eq!(code, "invalid_date");
        assert!(m.contains("YYYY-MM-DD"), "{m}");
        let (code, _) = explain(
            "invalid_type",
            "premature end of input",
            Some(&json!("2026-12-01T10")),
        );
        assert_eq!(code, "invalid_datetime");
    }

    #[test]
    fn enums_and_unknown_fields_list_what_is_allowed() {
        let (code, m) = explain(
            "invalid_enum",
            "unknown variant `wizard`, expected one of `champion`, `economic_buyer`",
            Some(&json!("wizard")),
        );
        assert_eq!(code, "invalid_enum");
        assert_eq!(m, "must be one of champion, economic_buyer; got \"wizard\"");
        let (_, m) = explain(
            "unknown_field",
            "unknown field `nmae`, expected `name` or `website`",
            None,
        );
        assert_eq!(m, "is not a field of this request (fields: name, website)");
        let (code, m) = explain("required", "missing field `name`", None);
        assert_eq!((code, m.as_str()), ("required", "is required"));
    }
}
