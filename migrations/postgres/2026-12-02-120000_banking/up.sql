-- Banking and cash: statements imported from the bank, their lines, reconciliations of
-- those lines with the books, bank rules, transfers.

-- A credit card's account is a liability; a bank account an asset.
ALTER TABLE bank_accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'bank'
    CHECK (kind IN ('bank', 'credit_card'));
-- How to read this account's CSV exports (JSON, see domain::banking::CsvMapping).
ALTER TABLE bank_accounts ADD COLUMN csv_mapping TEXT;
-- A balance the user states where the files give none (OFX has no opening, CSV no balance).
ALTER TABLE bank_accounts ADD COLUMN anchor_date DATE;
ALTER TABLE bank_accounts ADD COLUMN anchor_balance NUMERIC
    CHECK (anchor_balance IS NULL OR abs(anchor_balance) < 1e18);

-- The bank accounts a client pays from (IBANs or numbers, JSON array), for matching.
ALTER TABLE accounts ADD COLUMN bank_accounts TEXT NOT NULL DEFAULT '[]';

CREATE TABLE bank_statements (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    bank_account_id UUID NOT NULL,
    -- the bank's own id of the statement (camt Stmt/Id), when it gives one
    bank_statement_id TEXT,
    format TEXT NOT NULL CHECK (format IN ('camt053', 'ofx', 'csv')),
    from_date DATE,
    to_date DATE,
    -- amounts exactly as the bank wrote them (NUMERIC without a scale keeps 18.150)
    opening_balance NUMERIC CHECK (abs(opening_balance) < 1e18),
    closing_balance NUMERIC CHECK (abs(closing_balance) < 1e18),
    computed_closing_balance NUMERIC CHECK (abs(computed_closing_balance) < 1e18),
    -- the previous statement's closing balance (or the anchor) this one's opening is checked against
    previous_closing_balance NUMERIC CHECK (abs(previous_closing_balance) < 1e18),
    line_count BIGINT NOT NULL CHECK (line_count >= 0),
    imported BIGINT NOT NULL CHECK (imported >= 0),
    duplicates_skipped BIGINT NOT NULL CHECK (duplicates_skipped >= 0),
    file_sha256 TEXT NOT NULL,
    created_by UUID,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, bank_account_id) REFERENCES bank_accounts (organization_id, id)
);
CREATE INDEX bank_statements_account ON bank_statements (organization_id, bank_account_id, to_date, id);

CREATE TABLE bank_reconciliations (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    bank_account_id UUID NOT NULL,
    -- the later of the dates of its two sides: "reconciled as of X" means dated on or before X
    reconciled_on DATE NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('match', 'categorize', 'payment')),
    bank_total_minor BIGINT NOT NULL,
    ledger_total_minor BIGINT NOT NULL,
    difference_minor BIGINT NOT NULL,
    difference_account_id UUID,
    -- the entry that wrote off a difference, or that categorizing posted
    entry_id UUID,
    -- the payment a bank line was turned into
    payment_id UUID,
    auto BOOLEAN NOT NULL DEFAULT FALSE,
    created_by UUID,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, entry_id) REFERENCES journal_entries (organization_id, id),
    FOREIGN KEY (organization_id, payment_id) REFERENCES payments (organization_id, id)
);
CREATE INDEX bank_reconciliations_account ON bank_reconciliations (organization_id, bank_account_id, reconciled_on);

-- What a reconciliation holds: bank lines on one side, journal lines on the bank's ledger
-- account (a payment's or an entry's) on the other. Each is reconciled at most once. A
-- journal line has no id of its own: `item_id` is derived from its entry and line number.
CREATE TABLE bank_reconciliation_items (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    reconciliation_id UUID NOT NULL,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('bank_transaction', 'journal_line')),
    item_id UUID NOT NULL,
    entry_id UUID,
    line_no INTEGER,
    amount_minor BIGINT NOT NULL,
    item_date DATE NOT NULL,
    PRIMARY KEY (organization_id, item_kind, item_id),
    CHECK ((item_kind = 'journal_line') = (entry_id IS NOT NULL AND line_no IS NOT NULL)),
    FOREIGN KEY (organization_id, reconciliation_id) REFERENCES bank_reconciliations (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, entry_id) REFERENCES journal_entries (organization_id, id)
);
CREATE INDEX bank_reconciliation_items_of ON bank_reconciliation_items (organization_id, reconciliation_id);
CREATE INDEX bank_reconciliation_items_entry ON bank_reconciliation_items (organization_id, entry_id);

CREATE TABLE bank_transactions (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    bank_account_id UUID NOT NULL,
    statement_id UUID NOT NULL,
    booked_on DATE NOT NULL,
    value_on DATE,
    -- signed (positive is money in), exactly as written
    amount NUMERIC NOT NULL CHECK (abs(amount) < 1e18),
    -- rounded half-up to the currency's minor unit, for matching and posting
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    description TEXT,
    structured_reference TEXT,
    counterparty_name TEXT,
    counterparty_account TEXT,
    bank_reference TEXT,
    end_to_end_id TEXT,
    bank_transaction_code TEXT,
    entry_status TEXT,
    details TEXT NOT NULL DEFAULT 'null',
    dedupe_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('unreconciled', 'reconciled')),
    reconciliation_id UUID,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, bank_account_id, dedupe_key),
    FOREIGN KEY (organization_id, bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, statement_id) REFERENCES bank_statements (organization_id, id),
    FOREIGN KEY (organization_id, reconciliation_id) REFERENCES bank_reconciliations (organization_id, id)
);
CREATE INDEX bank_transactions_account ON bank_transactions (organization_id, bank_account_id, booked_on, id);
CREATE INDEX bank_transactions_statement ON bank_transactions (organization_id, statement_id);
CREATE INDEX bank_transactions_reconciliation ON bank_transactions (organization_id, reconciliation_id);

-- Categorize lines that no candidate matched: the first active rule (lowest priority) wins.
CREATE TABLE bank_rules (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    bank_account_id UUID,
    description_contains TEXT,
    counterparty TEXT,
    amount_min NUMERIC CHECK (abs(amount_min) < 1e18),
    amount_max NUMERIC CHECK (abs(amount_max) < 1e18),
    direction TEXT CHECK (direction IN ('in', 'out')),
    ledger_account_id UUID NOT NULL,
    account_id UUID,
    tax_rate_id UUID,
    priority INTEGER NOT NULL DEFAULT 100,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);

-- Money moved between two of the organization's bank accounts: one journal entry.
CREATE TABLE bank_transfers (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    from_bank_account_id UUID NOT NULL,
    to_bank_account_id UUID NOT NULL,
    transfer_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    to_amount_minor BIGINT NOT NULL CHECK (to_amount_minor > 0),
    to_currency TEXT NOT NULL CHECK (length(to_currency) = 3),
    reference TEXT CHECK (length(reference) <= 200),
    journal_entry_id UUID NOT NULL,
    created_by UUID,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK (from_bank_account_id <> to_bank_account_id),
    FOREIGN KEY (organization_id, from_bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, to_bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, journal_entry_id) REFERENCES journal_entries (organization_id, id)
);
