//! Back-off after failed sign-ins, per account (the email tried) and per client address.
//!
//! A few failures are free; after them each failure blocks the next attempt for a delay that
//! doubles up to a cap, and the count is forgotten once a window passes without a failure.
//! The cap bounds how long an attacker can lock a real user out by guessing wrong on purpose;
//! the per-address count stops one client spraying guesses over many accounts.

use chrono::{Duration, NaiveDateTime};

/// How one kind of key backs off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures allowed before any delay.
    pub free: u32,
    /// The delay after the first failure beyond the free ones; it doubles with each further one.
    pub first_delay_secs: i64,
    /// The longest delay.
    pub max_delay_secs: i64,
    /// A count is forgotten this long after its last failure.
    pub window_secs: i64,
}

/// Per email: five free failures, then 15 s doubling to 15 minutes; forgotten after an hour.
pub const PER_ACCOUNT: Policy = Policy {
    free: 5,
    first_delay_secs: 15,
    max_delay_secs: 15 * 60,
    window_secs: 3600,
};

/// Per client address: twenty free failures (an office behind one address), then 15 s doubling
/// to an hour; forgotten after an hour.
pub const PER_ADDRESS: Policy = Policy {
    free: 20,
    first_delay_secs: 15,
    max_delay_secs: 3600,
    window_secs: 3600,
};

/// The stored state of one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    pub failures: u32,
    pub last_failed_at: Option<NaiveDateTime>,
    pub blocked_until: Option<NaiveDateTime>,
}

impl Attempts {
    /// Seconds the caller must wait before trying again (rounded up), when blocked at `now`.
    pub fn blocked_for(&self, now: NaiveDateTime) -> Option<u64> {
        let until = self.blocked_until.filter(|u| *u > now)?;
        let ms = (until - now).num_milliseconds();
        Some(((ms + 999) / 1000).max(1) as u64)
    }

    /// The state after a failure at `now`.
    pub fn failed(self, now: NaiveDateTime, policy: &Policy) -> Attempts {
        let fresh = self
            .last_failed_at
            .is_none_or(|t| now - t > Duration::seconds(policy.window_secs));
        let failures = if fresh {
            1
        } else {
            self.failures.saturating_add(1)
        };
        let blocked_until = failures.checked_sub(policy.free + 1).map(|beyond| {
            let delay = policy
                .first_delay_secs
                .saturating_mul(1i64 << beyond.min(32))
                .min(policy.max_delay_secs);
            now + Duration::seconds(delay)
        });
        Attempts {
            failures,
            last_failed_at: Some(now),
            blocked_until,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(secs: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + secs, 0)
            .unwrap()
            .naive_utc()
    }

    #[test]
    fn free_failures_then_doubling_delays_up_to_the_cap() {
        let mut a = Attempts::default();
        for i in 0..5 {
            a = a.failed(at(i), &PER_ACCOUNT);
            assert_eq!(a.blocked_for(at(i)), None, "failure {} is free", i + 1);
        }
        let mut delays = Vec::new();
        for i in 0..9 {
            let now = at(10_000 * (i + 1) / 10);
            a = a.failed(now, &PER_ACCOUNT);
            delays.push(a.blocked_for(now).unwrap());
        }
        assert_eq!(delays, [15, 30, 60, 120, 240, 480, 900, 900, 900]);
    }

    #[test]
    fn a_quiet_window_forgets_the_count() {
        let mut a = Attempts::default();
        for i in 0..8 {
            a = a.failed(at(i * 100), &PER_ACCOUNT);
        }
        assert!(a.blocked_for(at(700)).is_some());
        let later = at(700 + 3601);
        assert_eq!(a.blocked_for(later), None);
        let a = a.failed(later, &PER_ACCOUNT);
        assert_eq!((a.failures, a.blocked_for(later)), (1, None));
    }

    #[test]
    fn the_wait_is_rounded_up_and_ends() {
        let a = Attempts {
            failures: 6,
            last_failed_at: Some(at(0)),
            blocked_until: Some(at(15)),
        };
        assert_eq!(a.blocked_for(at(0)), Some(15));
        assert_eq!(a.blocked_for(at(14)), Some(1));
        assert_eq!(a.blocked_for(at(15)), None);
    }
}
