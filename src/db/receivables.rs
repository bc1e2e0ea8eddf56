//! Transitional: where identity and organization code still look for the numbering counters
//! (they live in [`crate::db::billing::numbering`]).

pub use super::billing::numbering::{insert_sequences, sequences, set_prefix};
