DROP TABLE ledger_balance_days;
DROP TABLE journal_lines;
DROP TABLE journal_entries;
DROP TABLE exchange_rates;
DROP TABLE ledger_accounts;
ALTER TABLE organizations DROP COLUMN lock_date;
