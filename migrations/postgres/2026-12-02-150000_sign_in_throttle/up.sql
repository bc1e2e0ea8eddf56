-- Failed sign-ins per email tried and per client address, so that every node backs off the
-- same guesser (see src/domain/throttle.rs). Not per organization: login is by email alone.
CREATE TABLE sign_in_throttle (
    scope TEXT NOT NULL CHECK (scope IN ('email', 'address')),
    key TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failed_at TIMESTAMP,
    blocked_until TIMESTAMP,
    PRIMARY KEY (scope, key)
);
