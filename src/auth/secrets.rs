//! Random bearer secrets (API keys, refresh tokens) and how they are stored: only a SHA-256
//! hash. They carry 240 bits of entropy, so a fast hash is enough (unlike passwords).

use rand::distributions::{Alphanumeric, DistString};
use sha2::{Digest, Sha256};

pub const API_KEY_PREFIX: &str = "acc_";
pub const REFRESH_TOKEN_PREFIX: &str = "rt_";

pub fn random_token(prefix: &str) -> String {
    format!(
        "{prefix}{}",
        Alphanumeric.sample_string(&mut rand::thread_rng(), 40)
    )
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// What a listing shows of an API key so its owner can tell keys apart.
pub fn display_prefix(key: &str) -> String {
    key.chars().take(API_KEY_PREFIX.len() + 8).collect()
}

pub fn is_api_key(token: &str) -> bool {
    token.starts_with(API_KEY_PREFIX)
}

/// A secret for signing tokens when none is configured: 64 random bytes, hex.
pub fn generate_signing_secret() -> String {
    let mut bytes = [0u8; 64];
    rand::Rng::fill(&mut rand::thread_rng(), &mut bytes[..]);
    hex::encode(bytes)
}
