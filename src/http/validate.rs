//! Transitional: the handlers not yet moved onto use cases check their input through the one
//! collector, `app::error::Check`.

use validator::Validate;

use crate::app::error::{AppError, Check, FieldError};

pub fn collect(value: &impl Validate) -> Vec<FieldError> {
    let mut check = Check::new();
    check.validate(value);
    check.errors
}

pub fn finish(errors: Vec<FieldError>) -> Result<(), AppError> {
    Check::from(errors).finish()
}
