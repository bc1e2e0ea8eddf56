CREATE INDEX events_unsealed ON events (created_at, id) WHERE seq IS NULL;
