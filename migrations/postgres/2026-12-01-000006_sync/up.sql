-- Sync: every list takes `updated_since=`, so every listed table keeps `updated_at` (backfilled
-- from when the row was made); the organization's timezone says what "today" is; an overdue
-- invoice is announced once (`overdue_notified_at`).

ALTER TABLE api_keys ADD COLUMN updated_at TIMESTAMP;
UPDATE api_keys SET updated_at = COALESCE(revoked_at, created_at);
ALTER TABLE api_keys ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE exchange_rates ADD COLUMN updated_at TIMESTAMP;
UPDATE exchange_rates SET updated_at = created_at;
ALTER TABLE exchange_rates ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE journal_entries ADD COLUMN updated_at TIMESTAMP;
UPDATE journal_entries SET updated_at = posted_at;
ALTER TABLE journal_entries ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE organizations ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';

ALTER TABLE documents ADD COLUMN overdue_notified_at TIMESTAMP;
CREATE INDEX documents_overdue ON documents (organization_id, due_date)
    WHERE status IN ('open', 'partially_paid') AND overdue_notified_at IS NULL;
CREATE INDEX documents_updated ON documents (organization_id, updated_at);
CREATE INDEX payments_updated ON payments (organization_id, updated_at);
CREATE INDEX journal_entries_updated ON journal_entries (organization_id, updated_at);

ALTER TABLE feedback ADD COLUMN updated_at TIMESTAMP;
UPDATE feedback SET updated_at = created_at;
ALTER TABLE feedback ALTER COLUMN updated_at SET NOT NULL;
