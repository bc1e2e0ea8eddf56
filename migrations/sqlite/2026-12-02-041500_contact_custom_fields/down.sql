ALTER TABLE contacts DROP COLUMN custom_fields;
