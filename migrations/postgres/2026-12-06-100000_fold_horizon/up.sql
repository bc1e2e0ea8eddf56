-- Folding without rewriting lines. Each line records the transaction that wrote it (`txid`,
-- PostgreSQL's 64-bit transaction id). The folder sums every line written by a transaction
-- below the oldest one still running when it looks (its snapshot's xmin), so every such
-- transaction has ended and its lines are all visible, and moves `horizon` there in the same
-- transaction. A balance is the day rows plus the lines at or above the horizon, read in one
-- snapshot. Lines are written once: no flag to update, no second set of index entries.
CREATE TABLE ledger_fold_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    horizon BIGINT NOT NULL
);
INSERT INTO ledger_fold_state (id, horizon) VALUES (1, 1);

-- Lines the old folder had not reached yet are folded here; every existing line is then below
-- the horizon (txid 0).
INSERT INTO ledger_balance_days
    (organization_id, ledger_account_id, day, debit_minor, credit_minor, base_debit_minor, base_credit_minor)
SELECT organization_id, ledger_account_id, entry_date,
       SUM(debit_minor), SUM(credit_minor), SUM(base_debit_minor), SUM(base_credit_minor)
FROM journal_lines WHERE folded = FALSE
GROUP BY organization_id, ledger_account_id, entry_date
ON CONFLICT (organization_id, ledger_account_id, day) DO UPDATE SET
    debit_minor = ledger_balance_days.debit_minor + EXCLUDED.debit_minor,
    credit_minor = ledger_balance_days.credit_minor + EXCLUDED.credit_minor,
    base_debit_minor = ledger_balance_days.base_debit_minor + EXCLUDED.base_debit_minor,
    base_credit_minor = ledger_balance_days.base_credit_minor + EXCLUDED.base_credit_minor;

DROP INDEX journal_lines_unfolded;
ALTER TABLE journal_lines DROP COLUMN folded;
ALTER TABLE journal_lines ADD COLUMN txid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE journal_lines ALTER COLUMN txid SET DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX journal_lines_fresh ON journal_lines (txid);
