//! Shapes of input every use case shares: version preconditions and fields that may be
//! cleared.

use super::error::AppError;

/// The versions a write may apply to: what the client read (`If-Match`), or any.
#[derive(Debug, Clone)]
pub enum IfMatch {
    Any,
    Versions(Vec<i64>),
}

impl IfMatch {
    /// Checks the current version against the precondition.
    pub fn check(&self, current: i64) -> Result<(), AppError> {
        match self {
            IfMatch::Any => Ok(()),
            IfMatch::Versions(v) if v.contains(&current) => Ok(()),
            IfMatch::Versions(_) => Err(AppError::version_mismatch()),
        }
    }
}

/// For PATCH fields that may be set to `null`: absent → `None`, `null` → `Some(None)`.
/// Use with `#[serde(default, deserialize_with = "double_option")]`.
pub fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}
