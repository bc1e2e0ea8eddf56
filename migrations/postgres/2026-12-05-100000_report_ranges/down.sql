DROP INDEX allocations_date;
DROP INDEX opportunities_expected;
DROP INDEX opportunities_closed;
DROP INDEX feedback_received;
DROP INDEX interactions_occurred;
DROP TABLE settlements;
