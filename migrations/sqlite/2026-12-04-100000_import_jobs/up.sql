-- Imports that scale. An account's name as the import matches it (lower case), kept and
-- indexed, so that placing a row is an index lookup instead of a scan of every account (which
-- made a 14,000-row import quadratic). lower() here is the connection's, Rust's Unicode
-- lowercase (db::Manager), as for the rows written from now on.
ALTER TABLE accounts ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE accounts SET name_key = lower(name);
CREATE INDEX accounts_org_name_key ON accounts (organization_id, name_key);

-- A CSV file over the synchronous threshold is imported as a job: committed in chunks (other
-- writers are not starved), resumed by any node after a restart or a drain (a committed lease,
-- as webhook deliveries), its per-row answers kept in `import_job_rows` in file order.
CREATE TABLE import_jobs (
    organization_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('accounts', 'contacts')),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    dry_run BOOLEAN NOT NULL CHECK (dry_run IN (0, 1)),
    params TEXT NOT NULL,
    file BLOB NOT NULL,
    rows_total INTEGER NOT NULL CHECK (rows_total >= 0),
    rows_done INTEGER NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'api_key')),
    actor_id TEXT NOT NULL,
    request_id TEXT,
    failure TEXT,
    claimed_until TIMESTAMP,
    claimed_by TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    PRIMARY KEY (organization_id, id)
);
CREATE INDEX import_jobs_pending ON import_jobs (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE import_job_rows (
    organization_id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    report TEXT NOT NULL,
    PRIMARY KEY (organization_id, job_id, seq),
    FOREIGN KEY (organization_id, job_id) REFERENCES import_jobs (organization_id, id) ON DELETE CASCADE
);
