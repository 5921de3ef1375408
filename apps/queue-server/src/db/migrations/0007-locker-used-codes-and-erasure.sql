-- 自助取件柜, second part.
-- A used pickup code is remembered (its keyed hash only) so the keypad can say "already collected" instead of "wrong
-- code" to an applicant who comes back; the newest use of a hash wins if a code is ever issued again.
CREATE TABLE locker_used_codes (
  locker TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES locker_items (id),
  used_at TEXT NOT NULL,
  PRIMARY KEY (locker, code_hash)
);

-- PIPL: once the item is out of the locker the notice has served its purpose. Its text (name, code) and QR are
-- erased and the phone number masked; the row stays as the record that a notice was sent. SQLite cannot drop NOT
-- NULL in place, so the outbox is rebuilt.
CREATE TABLE notice_outbox_new (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES locker_items (id),
  locker TEXT NOT NULL,
  compartment TEXT NOT NULL,
  phone TEXT NOT NULL,
  text TEXT,
  qr TEXT,
  created_at TEXT NOT NULL,
  erased_at TEXT,
  CHECK ((erased_at IS NULL) = (text IS NOT NULL AND qr IS NOT NULL))
);
INSERT INTO notice_outbox_new (id, item_id, locker, compartment, phone, text, qr, created_at)
  SELECT id, item_id, locker, compartment, phone, text, qr, created_at FROM notice_outbox;
DROP TABLE notice_outbox;
ALTER TABLE notice_outbox_new RENAME TO notice_outbox;
CREATE INDEX notice_outbox_item ON notice_outbox (item_id);

-- Items already collected before this migration: their notices are erased now, like every later one.
UPDATE notice_outbox SET text = NULL, qr = NULL, erased_at = (SELECT collected_at FROM locker_items WHERE id = item_id),
  phone = substr(phone, 1, 3) || '****' || substr(phone, -4)
  WHERE item_id IN (SELECT id FROM locker_items WHERE collected_at IS NOT NULL);
UPDATE locker_items SET phone = substr(phone, 1, 3) || '****' || substr(phone, -4) WHERE collected_at IS NOT NULL;
