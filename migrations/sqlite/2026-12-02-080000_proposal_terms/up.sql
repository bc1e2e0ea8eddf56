-- Proposals: `version` is the concurrency token, as on every resource (it was `revision`;
-- the proposal's own number stays `number`), and a proposal states its commercial terms.
ALTER TABLE proposals RENAME COLUMN revision TO version;
-- not before sent_on
ALTER TABLE proposals ADD COLUMN valid_until DATE
    CHECK (valid_until IS NULL OR sent_on IS NULL OR valid_until >= sent_on);
-- in minor units of `currency`, like opportunities
ALTER TABLE proposals ADD COLUMN amount_minor BIGINT CHECK (amount_minor >= 0);
-- the opportunity's currency unless the proposal names another
ALTER TABLE proposals ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3);
UPDATE proposals SET currency = (
    SELECT o.currency FROM opportunities o
    WHERE o.organization_id = proposals.organization_id AND o.id = proposals.opportunity_id
);
-- hundredths of a percent: 0 to 100.00 %
ALTER TABLE proposals ADD COLUMN discount_basis_points INTEGER
    CHECK (discount_basis_points BETWEEN 0 AND 10000);
ALTER TABLE proposals ADD COLUMN term_months INTEGER CHECK (term_months BETWEEN 1 AND 600);
