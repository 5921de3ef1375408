-- 好差评: one row per rating request, opened when a window finishes a service. `result` stays NULL while the pad waits
-- for the citizen; then it holds the level, or not_rated when nobody answered in time (never a default level).
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  hall_day TEXT NOT NULL,
  ticket_id TEXT NOT NULL UNIQUE, -- one service, one rating (一次一评)
  ticket_number TEXT NOT NULL,
  window INTEGER NOT NULL,
  clerk TEXT,
  window_type TEXT NOT NULL,
  service_item TEXT,
  requested_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  result TEXT CHECK (result IN ('very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied',
                                'very_dissatisfied', 'not_rated')),
  reason_code TEXT,
  reason_text TEXT,
  recorded_at TEXT,
  CHECK ((result IS NULL) = (recorded_at IS NULL)),
  -- Only a bad rating carries a reason, and it always does.
  CHECK ((result IN ('dissatisfied', 'very_dissatisfied')) = (reason_code IS NOT NULL))
);
-- The pad shows one request at a time: the service supersedes the older one, and this index backs it.
CREATE UNIQUE INDEX ratings_one_open_per_window ON ratings (window) WHERE result IS NULL;
CREATE INDEX ratings_by_day_clerk ON ratings (hall_day, clerk);
-- Ratings feed the clerks' evaluation (月度通报, 季考评): once recorded, a rating never changes or goes away.
CREATE TRIGGER ratings_recorded_final BEFORE UPDATE ON ratings WHEN OLD.result IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a recorded rating never changes'); END;
CREATE TRIGGER ratings_no_delete BEFORE DELETE ON ratings BEGIN SELECT RAISE(ABORT, 'ratings are never deleted'); END;

-- A bad rating's follow-up (回访整改), one per rating; its notes are appended, never edited.
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  rating_id TEXT NOT NULL UNIQUE REFERENCES ratings (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'assigned', 'closed')),
  deadline TEXT NOT NULL,
  assignee TEXT,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  resolution TEXT,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL AND resolution IS NOT NULL))
);
CREATE INDEX follow_ups_not_closed ON follow_ups (deadline) WHERE status <> 'closed';
CREATE TABLE follow_up_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  follow_up_id TEXT NOT NULL REFERENCES follow_ups (id),
  at TEXT NOT NULL,
  noted_by TEXT NOT NULL,
  text TEXT NOT NULL,
  called_back INTEGER NOT NULL CHECK (called_back IN (0, 1))
);
CREATE INDEX follow_up_notes_by_follow_up ON follow_up_notes (follow_up_id);
CREATE TRIGGER follow_up_notes_no_update BEFORE UPDATE ON follow_up_notes
BEGIN SELECT RAISE(ABORT, 'follow-up notes are append-only'); END;
CREATE TRIGGER follow_up_notes_no_delete BEFORE DELETE ON follow_up_notes
BEGIN SELECT RAISE(ABORT, 'follow-up notes are append-only'); END;
