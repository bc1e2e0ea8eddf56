//! One error type for SDK calls: the API's problem document when it answered with one.

use std::fmt;

use crate::generated::{types, Error};

#[derive(Debug)]
pub enum AccordError {
    /// The API refused the request; `problem` is its RFC 9457 document (absent only when the
    /// answer was not one, e.g. an undocumented status).
    Api {
        status: u16,
        problem: Option<types::Problem>,
    },
    /// Transport, encoding or decoding trouble.
    Other(String),
}

impl AccordError {
    pub fn status(&self) -> Option<u16> {
        match self {
            AccordError::Api { status, .. } => Some(*status),
            AccordError::Other(_) => None,
        }
    }

    /// The problem's stable code (`validation_failed`, `forbidden`, ...).
    pub fn code(&self) -> Option<&str> {
        self.problem().map(|p| p.code.as_str())
    }

    pub fn problem(&self) -> Option<&types::Problem> {
        match self {
            AccordError::Api { problem, .. } => problem.as_ref(),
            AccordError::Other(_) => None,
        }
    }

    /// The error about one field (e.g. `"email"`, `"lines[1].debit"`), if any.
    pub fn field(&self, name: &str) -> Option<&types::FieldError> {
        self.problem()?.errors.iter().find(|e| e.field == name)
    }
}

impl fmt::Display for AccordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccordError::Api {
                status,
                problem: Some(p),
            } => write!(f, "{status} {}: {}", p.code, p.detail),
            AccordError::Api {
                status,
                problem: None,
            } => write!(f, "HTTP {status}"),
            AccordError::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for AccordError {}

impl From<Error<types::Problem>> for AccordError {
    fn from(err: Error<types::Problem>) -> Self {
        match err {
            Error::ErrorResponse(answer) => AccordError::Api {
                status: answer.status().as_u16(),
                problem: Some(answer.into_inner()),
            },
            Error::UnexpectedResponse(response) => AccordError::Api {
                status: response.status().as_u16(),
                problem: None,
            },
            other => AccordError::Other(other.to_string()),
        }
    }
}
