DROP TABLE audit_heads;
DROP TABLE audit_events;
DROP TABLE events;
