//! Assertions on RFC 9457 problems: the status, the stable `code`, and the fields `errors`
//! names.

use reqwest::StatusCode;

use super::Answer;

/// Asserts `a` is an `application/problem+json` answer with this status and `code`, and that
/// the body repeats the status.
#[track_caller]
pub fn assert_problem(a: &Answer, status: StatusCode, code: &str) {
    assert_eq!(a.status, status, "{}", a.text);
    assert!(
        a.is_problem(),
        "not problem+json: {:?} {}",
        a.header("content-type"),
        a.text
    );
    assert_eq!(a.code(), code, "{}", a.text);
    assert_eq!(a.body["status"], status.as_u16(), "{}", a.text);
}

/// The `code` of the entry of `errors` naming `field`, if any.
pub fn field_code(a: &Answer, field: &str) -> Option<String> {
    a.body["errors"]
        .as_array()?
        .iter()
        .find(|e| e["field"] == field)
        .and_then(|e| e["code"].as_str())
        .map(str::to_owned)
}

/// A 422 with `code`, whose `errors` name `field` with that code.
#[track_caller]
pub fn assert_refused(a: &Answer, code: &str, field: &str) {
    assert_problem(a, StatusCode::UNPROCESSABLE_ENTITY, code);
    assert_eq!(
        field_code(a, field).as_deref(),
        Some(code),
        "errors should name {field}: {}",
        a.text
    );
}

/// A 422 whose `errors` name `field` with `code`; the problem's own `code` is that code or, when
/// the refusal is one of a field's validations, `validation_failed`.
#[track_caller]
pub fn assert_field_refused(a: &Answer, code: &str, field: &str) {
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(a.is_problem(), "{}", a.text);
    assert!(
        a.code() == code || a.code() == "validation_failed",
        "{}",
        a.text
    );
    assert_eq!(
        field_code(a, field).as_deref(),
        Some(code),
        "errors should name {field}: {}",
        a.text
    );
}

/// A problem with this status and `code` whose `errors` name (at least) every one of `fields`.
#[track_caller]
pub fn assert_names_fields(a: &Answer, status: StatusCode, code: &str, fields: &[&str]) {
    assert_problem(a, status, code);
    let named = a.error_fields();
    for f in fields {
        assert!(
            named.iter().any(|n| n == f),
            "{f} missing from {named:?}: {}",
            a.text
        );
    }
}

/// Why `a` is not a 403 `forbidden` naming the missing permission (`errors[{field:
/// "permission", message: <the permission>}]`), or `None` when it is.
pub fn not_forbidden(a: &Answer) -> Option<String> {
    if a.status != StatusCode::FORBIDDEN || !a.is_problem() || a.code() != "forbidden" {
        return Some(format!("{} {}", a.status.as_u16(), a.code()));
    }
    let names_permission = a.body["errors"].as_array().is_some_and(|errors| {
        errors.iter().any(|e| {
            e["field"] == "permission" && e["message"].as_str().is_some_and(|m| !m.is_empty())
        })
    });
    if names_permission {
        None
    } else {
        Some(format!("403 without the permission in errors: {}", a.text))
    }
}
