//! Banking and cash over HTTP: statements, bank lines, reconciliations, bank rules,
//! transfers and the cash reports. One file per noun; each handler extracts, calls one use
//! case of `app::banking` and replies.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod cash;
pub mod reconciliations;
pub mod rules;
pub mod statements;
pub mod transfers;

/// The banking operations, registered inside the `/api/v1` scope.
pub fn routes(cfg: &mut ServiceConfig) {
    statements::routes(cfg);
    reconciliations::routes(cfg);
    cash::routes(cfg);
    rules::routes(cfg);
    transfers::routes(cfg);
}
