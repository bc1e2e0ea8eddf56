//! Banking: statements, bank lines, reconciliations, rules and transfers. One file per
//! table family; the rules live in `app::banking`.

pub mod reconciliations;
pub mod rules;
pub mod statements;
pub mod transfers;
