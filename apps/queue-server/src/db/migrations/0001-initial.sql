-- Tickets of every day. `data` is the full Ticket as JSON; the columns beside it are what queries filter on.
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  hall_day TEXT NOT NULL,
  number TEXT NOT NULL,
  state TEXT NOT NULL,
  window INTEGER,
  status_token TEXT NOT NULL UNIQUE,
  issued_by TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (hall_day, number)
);
CREATE INDEX tickets_by_day_state ON tickets (hall_day, state);
-- The last line of defence against handing one window two tickets at once.
CREATE UNIQUE INDEX tickets_one_in_play_per_window ON tickets (hall_day, window) WHERE state IN ('called', 'serving');

-- The last number issued per ticket prefix and hall day: numbering is never reused within a day.
CREATE TABLE ticket_counters (
  hall_day TEXT NOT NULL,
  prefix TEXT NOT NULL,
  last_sequence INTEGER NOT NULL,
  PRIMARY KEY (hall_day, prefix)
);

-- Live state of each window (WindowState as JSON).
CREATE TABLE windows (
  number INTEGER PRIMARY KEY,
  data TEXT NOT NULL
);

-- Append-only: every ticket and window event, who did it, where and when. Statistics are computed from it.
CREATE TABLE journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  hall_day TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  window INTEGER,
  ticket_id TEXT,
  ticket_number TEXT,
  data TEXT NOT NULL
);
CREATE INDEX journal_by_day_type ON journal (hall_day, type);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

-- Answers already given to idempotent writes, by the client's requestId.
CREATE TABLE requests (
  request_id TEXT PRIMARY KEY,
  route TEXT NOT NULL,
  actor TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  at TEXT NOT NULL
);

-- Staff sessions; only the SHA-256 of the bearer token is kept.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  window INTEGER,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE appointments (
  code TEXT PRIMARY KEY,
  hall_day TEXT NOT NULL,
  window_type TEXT NOT NULL,
  service_item TEXT,
  slot_start TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  ticket_id TEXT
);
