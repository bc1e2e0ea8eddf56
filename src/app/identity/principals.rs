//! Who a credential named, remembered for a moment: most requests are answered without asking
//! the database who is calling, which would otherwise be one more query (and one more trip to
//! the blocking pool) on every request.
//!
//! A change that could end or narrow a caller's access (a user updated or deactivated, an API
//! key revoked, a login ended) forgets everything this node remembers at once, when it commits
//! on this node. Other nodes behind the same load balancer ask the database again within
//! [`PRINCIPAL_TTL`], so a deactivated user or a revoked key loses access everywhere within it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::auth::Caller;

/// How long a node trusts what it read about a credential.
pub const PRINCIPAL_TTL: Duration = Duration::from_millis(500);

/// The most credentials remembered; past it the memory starts over.
const CAPACITY: usize = 10_000;

struct Remembered {
    caller: Caller,
    read_at: Instant,
    generation: u64,
}

/// The node's short memory of credentials. Clones share it.
#[derive(Clone, Default)]
pub struct Principals {
    known: Arc<Mutex<HashMap<String, Remembered>>>,
    /// Bumped by [`Principals::forget_all`]: a read that began before a change is not kept.
    generation: Arc<AtomicU64>,
}

impl std::fmt::Debug for Principals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Principals").finish_non_exhaustive()
    }
}

impl Principals {
    /// The caller `credential` named less than [`PRINCIPAL_TTL`] ago, if remembered.
    pub fn recall(&self, credential: &str) -> Option<Caller> {
        let known = self.known.lock().ok()?;
        let r = known.get(credential)?;
        (r.read_at.elapsed() < PRINCIPAL_TTL
            && r.generation == self.generation.load(Ordering::SeqCst))
        .then(|| r.caller.clone())
    }

    /// The current generation, taken before reading a credential's standing.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Remembers what `credential` named, read from the database at `generation`: a read that
    /// a change overtook is not kept.
    pub fn remember(&self, credential: &str, caller: &Caller, generation: u64, read_at: Instant) {
        if generation != self.generation() {
            return;
        }
        if let Ok(mut known) = self.known.lock() {
            if known.len() >= CAPACITY {
                known.clear();
            }
            known.insert(
                credential.to_owned(),
                Remembered {
                    caller: caller.clone(),
                    read_at,
                    generation,
                },
            );
        }
    }

    /// Forgets every credential: after a change to users, API keys or logins.
    pub fn forget_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut known) = self.known.lock() {
            known.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Principal;
    use crate::domain::identity::Role;
    use crate::domain::ids::{OrganizationId, UserId};

    fn caller() -> Caller {
        Caller {
            org: OrganizationId(uuid::Uuid::nil()),
            principal: Principal::User(UserId(uuid::Uuid::nil())),
            role: Role::Owner,
        }
    }

    #[test]
    fn a_credential_is_remembered_until_its_time_is_up() {
        let p = Principals::default();
        let g = p.generation();
        p.remember("token", &caller(), g, Instant::now());
        assert!(p.recall("token").is_some());
        assert!(p.recall("other").is_none());
        let stale = Instant::now()
            .checked_sub(PRINCIPAL_TTL)
            .unwrap_or_else(Instant::now);
        p.remember("old", &caller(), g, stale);
        assert!(p.recall("old").is_none());
    }

    #[test]
    fn a_change_forgets_everything_and_refuses_reads_it_overtook() {
        let p = Principals::default();
        let before = p.generation();
        p.remember("token", &caller(), before, Instant::now());
        p.forget_all();
        assert!(p.recall("token").is_none());
        // A read that began before the change does not bring the old standing back.
        p.remember("token", &caller(), before, Instant::now());
        assert!(p.recall("token").is_none());
    }
}
