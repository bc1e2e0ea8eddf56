DROP INDEX journal_lines_fresh;
ALTER TABLE journal_lines ADD COLUMN folded BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE journal_lines SET folded = FALSE
WHERE txid >= (SELECT horizon FROM ledger_fold_state WHERE id = 1);
ALTER TABLE journal_lines ALTER COLUMN folded SET DEFAULT FALSE;
ALTER TABLE journal_lines DROP COLUMN txid;
CREATE INDEX journal_lines_unfolded ON journal_lines (organization_id, entry_date, ledger_account_id) WHERE folded = FALSE;
DROP TABLE ledger_fold_state;
