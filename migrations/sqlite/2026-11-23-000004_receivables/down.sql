DROP TABLE allocations;
DROP TABLE payments;
DROP TABLE document_lines;
DROP TABLE documents;
DROP TABLE bank_accounts;
DROP TABLE tax_rates;
DROP TABLE document_sequences;
ALTER TABLE organizations DROP COLUMN rounding_mode;
