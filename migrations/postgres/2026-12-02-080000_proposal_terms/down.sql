ALTER TABLE proposals DROP COLUMN term_months;
ALTER TABLE proposals DROP COLUMN discount_basis_points;
ALTER TABLE proposals DROP COLUMN currency;
ALTER TABLE proposals DROP COLUMN amount_minor;
ALTER TABLE proposals DROP CONSTRAINT proposals_valid_until_order;
ALTER TABLE proposals DROP COLUMN valid_until;
ALTER TABLE proposals RENAME COLUMN version TO revision;
