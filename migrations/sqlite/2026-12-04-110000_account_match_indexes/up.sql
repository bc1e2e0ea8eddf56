-- An import matches each row on (organization, website domain) or (organization, name key),
-- oldest first. With `id` in the index the match is one index range already in order; without
-- it SQLite's planner walked every account of the organization in id order to avoid a sort,
-- which made an import's time grow with the square of its rows.
DROP INDEX accounts_org_domain;
CREATE INDEX accounts_org_domain ON accounts (organization_id, website_domain, id);
DROP INDEX accounts_org_name_key;
CREATE INDEX accounts_org_name_key ON accounts (organization_id, name_key, id);
