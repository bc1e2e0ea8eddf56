//! Organizations, users, teams, API keys and refresh tokens.

pub mod api_keys;
pub mod organizations;
pub mod refresh_tokens;
pub mod sign_in_throttle;
pub mod teams;
pub mod users;
