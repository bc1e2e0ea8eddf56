-- Receivables and payables: tax rates, bank accounts, documents (invoices, bills, credit notes,
-- vendor credits) with their lines, payments, and allocations between them. Amounts are integer
-- minor units (exact and summable on both backends); every document also keeps its amounts in
-- the base currency, which is what it posted to the control accounts.

ALTER TABLE organizations ADD COLUMN rounding_mode TEXT NOT NULL DEFAULT 'half_up'
    CHECK (rounding_mode IN ('half_up', 'half_even'));

-- Gapless numbers: one counter row per organization and sequence, updated (and so locked) in the
-- transaction that issues the document.
CREATE TABLE document_sequences (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'vendor_credit')),
    prefix TEXT NOT NULL CHECK (length(prefix) <= 20),
    next_number BIGINT NOT NULL CHECK (next_number >= 1),
    PRIMARY KEY (organization_id, kind)
);
INSERT INTO document_sequences (organization_id, kind, prefix, next_number)
    SELECT id, 'invoice', 'INV-', 1 FROM organizations;
INSERT INTO document_sequences (organization_id, kind, prefix, next_number)
    SELECT id, 'credit_note', 'CN-', 1 FROM organizations;
INSERT INTO document_sequences (organization_id, kind, prefix, next_number)
    SELECT id, 'vendor_credit', 'VC-', 1 FROM organizations;

CREATE TABLE tax_rates (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    rate TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('standard', 'zero_rated', 'exempt')),
    recoverable BOOLEAN NOT NULL,
    sales_ledger_account_id TEXT NOT NULL,
    purchase_ledger_account_id TEXT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, name),
    FOREIGN KEY (organization_id, sales_ledger_account_id) REFERENCES ledger_accounts (organization_id, id),
    FOREIGN KEY (organization_id, purchase_ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);

CREATE TABLE bank_accounts (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    iban TEXT,
    number TEXT,
    ledger_account_id TEXT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, ledger_account_id),
    FOREIGN KEY (organization_id, ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);

-- Invoices and credit notes (receivables), bills and vendor credits (payables).
CREATE TABLE documents (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'bill', 'vendor_credit')),
    account_id TEXT NOT NULL,
    number TEXT,
    reference TEXT CHECK (length(reference) <= 200),
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'partially_paid', 'paid', 'void')),
    issue_date DATE NOT NULL,
    due_date DATE,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    exchange_rate TEXT NOT NULL,
    amounts_are TEXT NOT NULL CHECK (amounts_are IN ('exclusive', 'inclusive')),
    subtotal_minor BIGINT NOT NULL,
    tax_total_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
    base_subtotal_minor BIGINT NOT NULL,
    base_total_minor BIGINT NOT NULL CHECK (base_total_minor >= 0),
    -- Allocated so far (payments, credits, refunds), in the document's and the base currency.
    allocated_minor BIGINT NOT NULL DEFAULT 0,
    allocated_base_minor BIGINT NOT NULL DEFAULT 0,
    related_document_id TEXT,
    memo TEXT CHECK (length(memo) <= 5000),
    -- Revenue attribution: the account's owner and team when the document was issued.
    owner_id TEXT,
    team_id TEXT,
    journal_entry_id TEXT,
    void_entry_id TEXT,
    issued_at TIMESTAMP,
    voided_at TIMESTAMP,
    created_by TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, kind, number),
    CHECK (allocated_minor >= 0 AND allocated_minor <= total_minor),
    CHECK (due_date IS NULL OR due_date >= issue_date),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, related_document_id) REFERENCES documents (organization_id, id),
    FOREIGN KEY (organization_id, journal_entry_id) REFERENCES journal_entries (organization_id, id),
    FOREIGN KEY (organization_id, void_entry_id) REFERENCES journal_entries (organization_id, id)
);
-- A supplier's reference is unique per vendor among bills that stand.
CREATE UNIQUE INDEX documents_bill_reference ON documents (organization_id, account_id, reference)
    WHERE kind = 'bill' AND reference IS NOT NULL AND status <> 'void';
CREATE INDEX documents_kind_date ON documents (organization_id, kind, issue_date, id);
CREATE INDEX documents_account ON documents (organization_id, account_id, kind);

CREATE TABLE document_lines (
    organization_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    line_no INTEGER NOT NULL CHECK (line_no >= 0),
    description TEXT NOT NULL DEFAULT '',
    quantity TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    tax_rate_id TEXT,
    ledger_account_id TEXT NOT NULL,
    -- Rounded to the currency's minor unit: amount without tax, and the tax.
    amount_minor BIGINT NOT NULL,
    tax_minor BIGINT NOT NULL,
    base_amount_minor BIGINT NOT NULL,
    base_tax_minor BIGINT NOT NULL,
    PRIMARY KEY (organization_id, document_id, line_no),
    FOREIGN KEY (organization_id, document_id) REFERENCES documents (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, tax_rate_id) REFERENCES tax_rates (organization_id, id),
    FOREIGN KEY (organization_id, ledger_account_id) REFERENCES ledger_accounts (organization_id, id)
);

CREATE TABLE payments (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
    -- Which control account the payment settles against.
    ledger TEXT NOT NULL CHECK (ledger IN ('receivable', 'payable')),
    account_id TEXT NOT NULL,
    bank_account_id TEXT NOT NULL,
    payment_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    exchange_rate TEXT NOT NULL,
    base_amount_minor BIGINT NOT NULL CHECK (base_amount_minor >= 0),
    allocated_minor BIGINT NOT NULL DEFAULT 0,
    allocated_base_minor BIGINT NOT NULL DEFAULT 0,
    reference TEXT CHECK (length(reference) <= 200),
    memo TEXT CHECK (length(memo) <= 5000),
    status TEXT NOT NULL CHECK (status IN ('posted', 'void')),
    journal_entry_id TEXT NOT NULL,
    void_entry_id TEXT,
    voided_at TIMESTAMP,
    created_by TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK (allocated_minor >= 0 AND allocated_minor <= amount_minor),
    FOREIGN KEY (organization_id, account_id) REFERENCES accounts (organization_id, id),
    FOREIGN KEY (organization_id, bank_account_id) REFERENCES bank_accounts (organization_id, id),
    FOREIGN KEY (organization_id, journal_entry_id) REFERENCES journal_entries (organization_id, id),
    FOREIGN KEY (organization_id, void_entry_id) REFERENCES journal_entries (organization_id, id)
);
CREATE INDEX payments_date ON payments (organization_id, payment_date, id);
CREATE INDEX payments_account ON payments (organization_id, account_id);

-- Settles part of a document (the target) with a payment or a credit document (the source).
CREATE TABLE allocations (
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    payment_id TEXT,
    credit_document_id TEXT,
    allocation_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    -- What the allocation relieves in the base currency at the target's and at the source's rate;
    -- a difference is the realised exchange gain or loss, posted by fx_entry_id.
    document_base_minor BIGINT NOT NULL,
    source_base_minor BIGINT NOT NULL,
    fx_entry_id TEXT,
    voided BOOLEAN NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, id),
    CHECK ((payment_id IS NULL) <> (credit_document_id IS NULL)),
    FOREIGN KEY (organization_id, document_id) REFERENCES documents (organization_id, id),
    FOREIGN KEY (organization_id, payment_id) REFERENCES payments (organization_id, id),
    FOREIGN KEY (organization_id, credit_document_id) REFERENCES documents (organization_id, id),
    FOREIGN KEY (organization_id, fx_entry_id) REFERENCES journal_entries (organization_id, id)
);
CREATE INDEX allocations_document ON allocations (organization_id, document_id);
CREATE INDEX allocations_payment ON allocations (organization_id, payment_id);
CREATE INDEX allocations_credit ON allocations (organization_id, credit_document_id);
