//! Who works in an organization and how they prove it: sessions (sign-up, log-in, refresh,
//! authentication of every request), users, teams and API keys.

pub mod api_keys;
pub mod principals;
pub mod sessions;
pub mod teams;
pub mod users;

pub use sessions::authenticate;
