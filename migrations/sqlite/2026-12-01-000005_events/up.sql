-- The change log and the audit trail. Both are written unnumbered in the transaction of the
-- change they record; a sealer numbers committed rows afterwards (events: `seq`, one order for
-- the whole database; audit: `seq` and `hash` per organization), so that the order they are
-- read in is the order they committed in.

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    seq BIGINT UNIQUE,
    type TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system')),
    actor_id TEXT,
    request_id TEXT,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    object TEXT NOT NULL,
    previous TEXT NOT NULL
);
CREATE INDEX events_unsealed ON events (created_at, id) WHERE seq IS NULL;
CREATE INDEX events_org_seq ON events (organization_id, seq);
CREATE INDEX events_resource ON events (organization_id, resource_type, resource_id);
CREATE INDEX events_created ON events (created_at);

CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    seq BIGINT,
    hash TEXT,
    at TIMESTAMP NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system')),
    actor_id TEXT,
    request_id TEXT,
    client_ip TEXT,
    action TEXT NOT NULL,
    resource_type TEXT,
    resource_id TEXT,
    before TEXT,
    after TEXT,
    UNIQUE (organization_id, seq)
);
CREATE INDEX audit_events_unsealed ON audit_events (organization_id, at, id) WHERE seq IS NULL;
CREATE INDEX audit_events_resource ON audit_events (organization_id, resource_type, resource_id);
CREATE INDEX audit_events_at ON audit_events (organization_id, at);

-- The newest sealed audit row of each organization: deleting the newest rows is detected too.
CREATE TABLE audit_heads (
    organization_id TEXT PRIMARY KEY REFERENCES organizations (id),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    sealed_at TIMESTAMP NOT NULL
);
