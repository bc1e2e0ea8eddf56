//! Who is calling and what they may do: JWTs, API keys, passwords and the permission policy.

pub mod caller;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod secrets;

pub use caller::{Caller, Principal};
pub use policy::Permission;
