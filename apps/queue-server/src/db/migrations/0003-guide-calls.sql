-- 呼叫导办: a citizen at a kiosk asks for a guide. `zone` is copied from the kiosk's device config at the time of the
-- call, so the record stays right after the kiosk is moved.
CREATE TABLE guide_calls (
  id TEXT PRIMARY KEY,
  hall_day TEXT NOT NULL,
  kiosk TEXT NOT NULL,
  zone TEXT NOT NULL,
  reason TEXT NOT NULL,
  called_at TEXT NOT NULL,
  answered_at TEXT,
  answered_by TEXT
);
-- Pressing the button again while a call waits returns that call; this is the last line of defence under the
-- service's own check, so staff never get a flood of alerts from one kiosk.
CREATE UNIQUE INDEX guide_calls_one_open_per_kiosk ON guide_calls (hall_day, kiosk) WHERE answered_at IS NULL;
