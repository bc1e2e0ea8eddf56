//! Placeholder: the camt reader is being written.

use super::{ParseProblem, Parsed};

pub fn parse(_bytes: &[u8]) -> Parsed {
    Err(vec![ParseProblem::new(
        "file",
        "unsupported",
        "not yet read",
    )])
}
