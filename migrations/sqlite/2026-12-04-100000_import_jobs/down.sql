DROP TABLE import_job_rows;
DROP TABLE import_jobs;
DROP INDEX accounts_org_name_key;
ALTER TABLE accounts DROP COLUMN name_key;
