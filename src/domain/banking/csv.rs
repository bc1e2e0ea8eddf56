//! Placeholder: the csv reader is being written.

use super::{ParseProblem, Parsed};

pub fn parse(_bytes: &[u8], _mapping: &super::CsvMapping) -> Parsed {
    Err(vec![ParseProblem::new(
        "file",
        "unsupported",
        "not yet read",
    )])
}
