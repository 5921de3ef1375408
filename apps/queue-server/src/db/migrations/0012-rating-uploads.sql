-- 好差评 upload outbox: one row per rating to report to the provincial system, written in the transaction that records
-- the rating (so a crash cannot lose one), sent oldest first (by `id`), kept once accepted. Only the ratings a citizen
-- made are reported: an unanswered request (not_rated) is the hall's own figure.
CREATE TABLE rating_uploads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rating_id TEXT NOT NULL UNIQUE REFERENCES ratings (id), -- each rating once
  queued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at TEXT,
  last_error TEXT,
  accepted_at TEXT,
  CHECK ((attempts = 0) = (last_attempt_at IS NULL)),
  -- An error belongs to a failed attempt; the acceptance clears it.
  CHECK (last_error IS NULL OR (last_attempt_at IS NOT NULL AND accepted_at IS NULL))
);
CREATE INDEX rating_uploads_pending ON rating_uploads (id) WHERE accepted_at IS NULL;
-- Accepted is final: the province has the rating, and nothing may send it again as if it had not.
CREATE TRIGGER rating_uploads_accepted_final BEFORE UPDATE ON rating_uploads WHEN OLD.accepted_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an accepted upload never changes'); END;
CREATE TRIGGER rating_uploads_no_delete BEFORE DELETE ON rating_uploads
BEGIN SELECT RAISE(ABORT, 'rating uploads are never deleted'); END;

-- The halls must report every rating, those recorded before this version too: they wait in recorded order, sent once an
-- endpoint is configured (one the province already has is answered 409, which counts as accepted).
INSERT INTO rating_uploads (rating_id, queued_at)
SELECT id, recorded_at FROM ratings
WHERE result IS NOT NULL AND result <> 'not_rated'
ORDER BY recorded_at, id;
