DROP INDEX feedback_received;
CREATE INDEX feedback_received ON feedback (organization_id, received_on);
DROP INDEX interactions_occurred;
CREATE INDEX interactions_occurred ON interactions (organization_id, occurred_at);
