-- Folding without rewriting lines. SQLite has one writer at a time, so lines are appended in
-- commit order and their rowid (never reused: lines are never deleted, and VACUUM INTO keeps
-- rowids) orders them. The folder sums lines from `horizon` up and moves it past them in the
-- same transaction; a balance is the day rows plus the lines from the horizon up, read in one
-- transaction. Lines are written once: no flag to update, no second set of index entries.
CREATE TABLE ledger_fold_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    horizon BIGINT NOT NULL
);

-- Lines the old folder had not reached yet are folded here; every existing line is then below
-- the horizon.
INSERT INTO ledger_balance_days
    (organization_id, ledger_account_id, day, debit_minor, credit_minor, base_debit_minor, base_credit_minor)
SELECT organization_id, ledger_account_id, entry_date,
       SUM(debit_minor), SUM(credit_minor), SUM(base_debit_minor), SUM(base_credit_minor)
FROM journal_lines WHERE folded = FALSE
GROUP BY organization_id, ledger_account_id, entry_date
ON CONFLICT (organization_id, ledger_account_id, day) DO UPDATE SET
    debit_minor = ledger_balance_days.debit_minor + excluded.debit_minor,
    credit_minor = ledger_balance_days.credit_minor + excluded.credit_minor,
    base_debit_minor = ledger_balance_days.base_debit_minor + excluded.base_debit_minor,
    base_credit_minor = ledger_balance_days.base_credit_minor + excluded.base_credit_minor;
INSERT INTO ledger_fold_state (id, horizon)
SELECT 1, COALESCE(MAX(rowid), 0) + 1 FROM journal_lines;

DROP INDEX journal_lines_unfolded;
ALTER TABLE journal_lines DROP COLUMN folded;
