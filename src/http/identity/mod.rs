//! `/auth/*`, `/me`, `/users`, `/teams`, `/api-keys`.

pub mod api_keys;
pub mod sessions;
pub mod teams;
pub mod users;
