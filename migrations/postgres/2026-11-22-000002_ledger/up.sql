-- The general ledger: chart of accounts, exchange rates, immutable journal entries and lines.
-- Amounts that SQL sums are integer minor units (exact on both backends).

ALTER TABLE organizations ADD COLUMN lock_date DATE;

CREATE TABLE ledger_accounts (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
    parent_id UUID,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    system_role TEXT CHECK (system_role IN ('accounts_receivable', 'accounts_payable', 'sales_tax', 'tax_recoverable', 'bank', 'retained_earnings', 'opening_balance_equity', 'fx_gain_loss', 'rounding')),
    description TEXT,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, code),
    CHECK (parent_id IS NULL OR parent_id <> id),
    FOREIGN KEY (organization_id, parent_id) REFERENCES ledger_accounts (organization_id, id)
);
-- One account per organization for each role documents post to (banks may be many).
CREATE UNIQUE INDEX ledger_accounts_system_role ON ledger_accounts (organization_id, system_role)
    WHERE system_role IS NOT NULL AND system_role <> 'bank';

CREATE TABLE exchange_rates (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    rate_date DATE NOT NULL,
    -- base-currency units per one unit of `currency`
    rate NUMERIC(28, 12) NOT NULL CHECK (rate > 0),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, currency, rate_date)
);

CREATE TABLE journal_entries (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    id UUID NOT NULL,
    entry_date DATE NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    reference TEXT,
    source TEXT NOT NULL CHECK (source IN ('manual', 'opening', 'reversal', 'invoice', 'credit_note', 'bill', 'vendor_credit', 'payment', 'bank')),
    source_id UUID,
    metadata TEXT NOT NULL DEFAULT '{}',
    reverses_entry_id UUID,
    reversed_by_entry_id UUID,
    reversal_reason TEXT,
    created_by UUID NOT NULL,
    posted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    -- An entry is reversed at most once, whatever races.
    UNIQUE (organization_id, reverses_entry_id),
    FOREIGN KEY (organization_id, created_by) REFERENCES users (organization_id, id),
    FOREIGN KEY (organization_id, reverses_entry_id) REFERENCES journal_entries (organization_id, id)
);
CREATE INDEX journal_entries_date ON journal_entries (organization_id, entry_date, id);
CREATE INDEX journal_entries_source ON journal_entries (organization_id, source, source_id);
CREATE INDEX journal_entries_reference ON journal_entries (organization_id, reference);

CREATE TABLE journal_lines (
    organization_id UUID NOT NULL,
    entry_id UUID NOT NULL,
    line_no INTEGER NOT NULL CHECK (line_no >= 0),
    ledger_account_id UUID NOT NULL,
    entry_date DATE NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    debit_minor BIGINT NOT NULL CHECK (debit_minor >= 0),
    credit_minor BIGINT NOT NULL CHECK (credit_minor >= 0),
    exchange_rate NUMERIC(28, 12) CHECK (exchange_rate > 0),
    base_debit_minor BIGINT NOT NULL CHECK (base_debit_minor >= 0),
    base_credit_minor BIGINT NOT NULL CHECK (base_credit_minor >= 0),
    description TEXT,
    -- Set once the line's amounts are folded into ledger_balance_days (see below).
    folded BOOLEAN NOT NULL DEFAULT FALSE,
    account_id UUID,
    PRIMARY KEY (organization_id, entry_id, line_no),
    -- Each line is one positive debit or one positive credit.
    CHECK ((debit_minor > 0) <> (credit_minor > 0)),
    CHECK (base_debit_minor = 0 OR base_credit_minor = 0),
    FOREIGN KEY (organization_id, entry_id) REFERENCES journal_entries (organization_id, id),
    FOREIGN KEY (organization_id, ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);
CREATE INDEX journal_lines_account_date ON journal_lines (organization_id, ledger_account_id, entry_date);

-- Balances without scanning history: lines are appended and, in batches off the posting path,
-- folded into one row per account and day. A balance is the sum of the day rows plus the
-- lines not folded yet, read in one snapshot, so it is exact and includes every committed
-- entry while posting never updates a hot row.
CREATE INDEX journal_lines_unfolded ON journal_lines (organization_id, entry_date, ledger_account_id) WHERE folded = FALSE;

CREATE TABLE ledger_balance_days (
    organization_id UUID NOT NULL,
    ledger_account_id UUID NOT NULL,
    day DATE NOT NULL,
    debit_minor BIGINT NOT NULL,
    credit_minor BIGINT NOT NULL,
    base_debit_minor BIGINT NOT NULL,
    base_credit_minor BIGINT NOT NULL,
    PRIMARY KEY (organization_id, ledger_account_id, day),
    FOREIGN KEY (organization_id, ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);
