-- Reports read a bounded date range, not every row in history.
--
-- `settlements`: the day a document or payment was settled in full, in the base currency, by
-- allocations that still stand (the latest of their dates); no row while any of it is open.
-- The aging as of a day reads only the items not settled by then and their allocations, which
-- stays exact for any past day: an item settled after it is read, and its allocations up to
-- the day counted, as before.
CREATE TABLE settlements (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    item_id UUID NOT NULL,
    settled_on DATE NOT NULL,
    PRIMARY KEY (organization_id, item_id)
);

INSERT INTO settlements (organization_id, item_id, settled_on)
SELECT d.organization_id, d.id, s.last_day
FROM documents d
JOIN (
    SELECT organization_id, item, SUM(base) AS base, MAX(day) AS last_day FROM (
        SELECT organization_id, document_id AS item, document_base_minor AS base, allocation_date AS day
        FROM allocations WHERE voided = FALSE
        UNION ALL
        SELECT organization_id, credit_document_id, source_base_minor, allocation_date
        FROM allocations WHERE voided = FALSE AND credit_document_id IS NOT NULL
    ) parts GROUP BY organization_id, item
) s ON s.organization_id = d.organization_id AND s.item = d.id
WHERE s.base = d.base_total_minor;

INSERT INTO settlements (organization_id, item_id, settled_on)
SELECT p.organization_id, p.id, s.last_day
FROM payments p
JOIN (
    SELECT organization_id, payment_id AS item, SUM(source_base_minor) AS base, MAX(allocation_date) AS last_day
    FROM allocations WHERE voided = FALSE AND payment_id IS NOT NULL
    GROUP BY organization_id, payment_id
) s ON s.organization_id = p.organization_id AND s.item = p.id
WHERE s.base = p.base_amount_minor;

-- The performance and sales reports count what happened in their period.
CREATE INDEX interactions_occurred ON interactions (organization_id, occurred_at);
CREATE INDEX feedback_received ON feedback (organization_id, received_on);
CREATE INDEX opportunities_closed ON opportunities (organization_id, closed_on);
CREATE INDEX opportunities_expected ON opportunities (organization_id, expected_close_on);
CREATE INDEX allocations_date ON allocations (organization_id, allocation_date);
