-- The performance report counts a period's interactions and sums its feedback per holder of the
-- account. With the columns it reads in the index, a busy organization's period is read from
-- the index alone instead of from heap pages scattered over its whole history.
DROP INDEX interactions_occurred;
CREATE INDEX interactions_occurred ON interactions (organization_id, occurred_at, account_id);
DROP INDEX feedback_received;
CREATE INDEX feedback_received ON feedback (organization_id, received_on, account_id, kind, score);
