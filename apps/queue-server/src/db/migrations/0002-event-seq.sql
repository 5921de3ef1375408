-- The hall-wide event sequence must keep rising across restarts, kill -9 included, but most events (queues.updated,
-- empty_post) are not journaled. The server reserves sequence numbers in blocks: it writes the top of the block here
-- before publishing any event numbered inside it, and after a restart carries on above the last reservation.
CREATE TABLE event_seq (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  reserved INTEGER NOT NULL
);
