-- Webhooks: endpoints that receive the change log as signed deliveries (Standard Webhooks).
-- The secret is kept in clear because every delivery is signed with it; the previous secret
-- keeps signing beside the new one until previous_secret_expires_at (a rotation's grace).

CREATE TABLE webhooks (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    -- JSON array of event types or patterns (`invoice.*`, `*`).
    events TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'disabled')),
    disabled_reason TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    -- The first failed attempt since the last success; null while deliveries succeed.
    failing_since TIMESTAMP,
    PRIMARY KEY (organization_id, id)
);

-- One row per event sent to one webhook. No foreign key to events: events expire, the
-- delivery log keeps the payload it sent.
CREATE TABLE webhook_deliveries (
    organization_id UUID NOT NULL,
    id UUID NOT NULL,
    webhook_id UUID NOT NULL,
    event_id UUID NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    -- JSON array of {at, response_status, latency_ms, error}.
    attempts TEXT NOT NULL DEFAULT '[]',
    attempt_count INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at TIMESTAMP,
    -- A node's lease on the delivery while it sends (committed, never a held row lock).
    claimed_until TIMESTAMP,
    claimed_by TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, webhook_id, event_id),
    FOREIGN KEY (organization_id, webhook_id) REFERENCES webhooks (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_of_webhook ON webhook_deliveries (organization_id, webhook_id, id);
