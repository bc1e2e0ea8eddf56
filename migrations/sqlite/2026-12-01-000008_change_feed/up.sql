-- Where the change feed stands: the last sequence number the sealer handed out, how far
-- retention has purged, and an id of this database, so that a cursor from another database (a
-- restore, another installation) is recognised and refused instead of silently misread.
CREATE TABLE change_feed (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    database_id TEXT NOT NULL,
    last_seq BIGINT NOT NULL,
    purged_through BIGINT NOT NULL
);
INSERT INTO change_feed (id, database_id, last_seq, purged_through) VALUES (1, lower(hex(randomblob(16))), 0, 0);
