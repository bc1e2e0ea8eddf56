ALTER TABLE journal_lines DROP CONSTRAINT journal_lines_client_account;
DROP INDEX journal_lines_client_account;
ALTER TABLE document_lines DROP COLUMN account_id;
DROP TABLE risk_disputed_invoices;
ALTER TABLE risks DROP COLUMN credit_note_ids;
ALTER TABLE risks DROP COLUMN resolved_on;
ALTER TABLE risks DROP COLUMN opened_on;
