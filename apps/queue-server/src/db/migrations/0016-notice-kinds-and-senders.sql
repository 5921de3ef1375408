-- Two new kinds of notice row: a notice of kind `test` (the manager's test SMS from 设置 → 通知发送, sent like any
-- other), and one sent through the 短信猫 on a kiosk's PC (notices.sender kiosk), its sender recorded as `kiosk`.
-- SQLite cannot change a CHECK in place, so the table is rebuilt, its rows, order (seq) and indexes as they were.
CREATE TABLE notices_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('pickup_ready', 'pickup_overdue', 'follow_up_callback', 'test')),
  dedupe_key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  item_id TEXT REFERENCES locker_items (id),
  phone TEXT NOT NULL,
  text TEXT,
  qr TEXT CHECK (qr IS NULL OR kind = 'pickup_ready'),
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'at_window', 'relayed', 'withdrawn')),
  sender TEXT NOT NULL CHECK (sender IN ('modem', 'gateway', 'window', 'kiosk')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  next_attempt_at TEXT CHECK (next_attempt_at IS NULL OR status = 'pending'),
  created_at TEXT NOT NULL,
  sent_at TEXT,
  delivered_at TEXT CHECK (delivered_at IS NULL OR status = 'delivered'),
  erased_at TEXT,
  message_refs TEXT,
  refs_delivered TEXT NOT NULL DEFAULT '[]',
  CHECK ((erased_at IS NULL) = (text IS NOT NULL)),
  CHECK (status NOT IN ('delivered', 'relayed', 'withdrawn') OR erased_at IS NOT NULL),
  CHECK (status NOT IN ('pending', 'failed', 'at_window') OR erased_at IS NULL)
);
INSERT INTO notices_new (seq, id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, attempts,
                         last_error, next_attempt_at, created_at, sent_at, delivered_at, erased_at, message_refs,
                         refs_delivered)
  SELECT seq, id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, attempts, last_error,
         next_attempt_at, created_at, sent_at, delivered_at, erased_at, message_refs, refs_delivered
  FROM notices ORDER BY seq;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_pending ON notices (next_attempt_at, seq) WHERE status = 'pending';
CREATE INDEX notices_item ON notices (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX notices_status ON notices (status);
