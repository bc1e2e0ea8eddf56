ALTER TABLE journal_lines ADD COLUMN folded BOOLEAN NOT NULL DEFAULT TRUE CHECK (folded IN (0, 1));
UPDATE journal_lines SET folded = FALSE
WHERE rowid >= (SELECT horizon FROM ledger_fold_state WHERE id = 1);
CREATE INDEX journal_lines_unfolded ON journal_lines (organization_id, entry_date, ledger_account_id) WHERE folded = FALSE;
DROP TABLE ledger_fold_state;
