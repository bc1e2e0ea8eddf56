DROP INDEX accounts_org_name_key;
CREATE INDEX accounts_org_name_key ON accounts (organization_id, name_key);
DROP INDEX accounts_org_domain;
CREATE INDEX accounts_org_domain ON accounts (organization_id, website_domain);
