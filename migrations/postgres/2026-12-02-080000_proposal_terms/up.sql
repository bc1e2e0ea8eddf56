-- Proposals: `version` is the concurrency token, as on every resource (it was `revision`;
-- the proposal's own number stays `number`), and a proposal states its commercial terms.
ALTER TABLE proposals RENAME COLUMN revision TO version;
ALTER TABLE proposals ADD COLUMN valid_until DATE;
ALTER TABLE proposals ADD CONSTRAINT proposals_valid_until_order
    CHECK (valid_until IS NULL OR sent_on IS NULL OR valid_until >= sent_on);
-- in minor units of `currency`, like opportunities
ALTER TABLE proposals ADD COLUMN amount_minor BIGINT CHECK (amount_minor >= 0);
-- the opportunity's currency unless the proposal names another
ALTER TABLE proposals ADD COLUMN currency TEXT;
UPDATE proposals p SET currency = o.currency
    FROM opportunities o
    WHERE o.organization_id = p.organization_id AND o.id = p.opportunity_id;
ALTER TABLE proposals ALTER COLUMN currency SET NOT NULL;
ALTER TABLE proposals ADD CONSTRAINT proposals_currency_check CHECK (length(currency) = 3);
-- hundredths of a percent: 0 to 100.00 %
ALTER TABLE proposals ADD COLUMN discount_basis_points INTEGER
    CHECK (discount_basis_points BETWEEN 0 AND 10000);
ALTER TABLE proposals ADD COLUMN term_months INTEGER CHECK (term_months BETWEEN 1 AND 600);
