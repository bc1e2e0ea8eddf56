//! Per-caller rate limiting, in memory on each node (documented: N nodes allow N times the
//! rate). A token bucket per caller holding one second of requests; callers are told where
//! they stand with the `RateLimit-*` fields of draft-ietf-httpapi-ratelimit-headers.
//! Hand-written rather than actix-governor so the headers follow that draft and the caller is
//! the bearer credential, not the IP address.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimiter {
    rate: f64,
    buckets: Mutex<HashMap<u64, Bucket>>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

pub enum Decision {
    Allowed {
        limit: u32,
        remaining: u32,
        reset_secs: u64,
    },
    Limited {
        limit: u32,
        retry_after_secs: u64,
    },
}

const MAX_TRACKED: usize = 100_000;

impl RateLimiter {
    pub fn new(rate_per_sec: u32) -> Self {
        RateLimiter {
            rate: f64::from(rate_per_sec),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn check(&self, caller: &str) -> Decision {
        let mut h = DefaultHasher::new();
        caller.hash(&mut h);
        let key = h.finish();
        let now = Instant::now();
        let limit = self.rate as u32;
        let mut buckets = match self.buckets.lock() {
            Ok(b) => b,
            Err(poisoned) => poisoned.into_inner(),
        };
        if buckets.len() > MAX_TRACKED {
            // Full buckets carry no state worth keeping.
            let rate = self.rate;
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < rate);
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.rate,
            at: now,
        });
        bucket.tokens = (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * self.rate)
            .min(self.rate);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Decision::Allowed {
                limit,
                remaining: bucket.tokens.floor() as u32,
                reset_secs: ((self.rate - bucket.tokens) / self.rate).ceil() as u64,
            }
        } else {
            Decision::Limited {
                limit,
                retry_after_secs: ((1.0 - bucket.tokens) / self.rate).ceil().max(1.0) as u64,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_a_burst_of_one_second_then_limits() {
        let rl = RateLimiter::new(5);
        let allowed = (0..20)
            .filter(|_| matches!(rl.check("token-a"), Decision::Allowed { .. }))
            .count();
        assert!((5..=6).contains(&allowed), "{allowed}");
        assert!(
            matches!(rl.check("token-b"), Decision::Allowed { .. }),
            "callers are counted apart"
        );
    }
}
