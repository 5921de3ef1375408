-- 预约 codes are reused once their day is past, so the six digits cannot run out: a code is unique only among the
-- appointments whose hall day is today or later (the booking service checks that as it draws one, inside its write).
-- The code alone no longer keys the table. Two bookings with one code are always on different days (the later was
-- drawn once the earlier's day had gone), so the code with the hall day does. SQLite cannot change a primary key in
-- place, so the table is rebuilt.
CREATE TABLE appointments_new (
  code TEXT NOT NULL,
  hall_day TEXT NOT NULL,
  window_type TEXT NOT NULL,
  service_item TEXT,
  slot_start TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  ticket_id TEXT,
  id_hash TEXT,
  id_last4 TEXT,
  PRIMARY KEY (code, hall_day)
);
INSERT INTO appointments_new (code, hall_day, window_type, service_item, slot_start, created_by, created_at, ticket_id,
                              id_hash, id_last4)
  SELECT code, hall_day, window_type, service_item, slot_start, created_by, created_at, ticket_id, id_hash, id_last4
  FROM appointments;
DROP TABLE appointments;
ALTER TABLE appointments_new RENAME TO appointments;
CREATE INDEX appointments_by_id_hash ON appointments (id_hash, hall_day) WHERE id_hash IS NOT NULL;
