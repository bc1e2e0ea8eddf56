-- Contacts carry custom fields, as accounts do (a JSON object as text).
ALTER TABLE contacts ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '{}';
