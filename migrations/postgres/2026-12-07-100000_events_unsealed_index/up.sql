-- Unsealed events are found through the unique index on `seq` (an `IS NULL` lookup); this
-- partial index went unused, yet every event insert added an entry to it.
DROP INDEX events_unsealed;
