-- Tickets taken with the resident ID card (每人每日限取, a window type's perPersonDailyCap): who took each, as the ID
-- number's keyed hash (HMAC under the installation's id_number_hmac secret, like a booking's) and its last four
-- characters for staff to confirm with the citizen. The number itself never reaches the server.
CREATE TABLE card_tickets (
  ticket_id TEXT PRIMARY KEY,
  hall_day TEXT NOT NULL,
  window_type TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  id_last4 TEXT NOT NULL
);
-- The cap's count: one person's tickets of one type on one day.
CREATE INDEX card_tickets_by_person ON card_tickets (id_hash, hall_day, window_type);
