-- Notices to citizens (and reminders to staff) as a queue with senders: the SMS modem, an HTTP gateway, or the window.
-- A notice is queued in the transaction that makes it (so a crash cannot lose one), sent once by the server's one
-- sender loop, oldest first, retried with a wait that doubles, and erased (text and QR gone, phone masked) once it has
-- reached its reader or is no longer needed. `dedupe_key` (the kind and what it is about) makes a notice once only.
CREATE TABLE notices (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- the queue's order
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('pickup_ready', 'pickup_overdue', 'follow_up_callback')),
  dedupe_key TEXT NOT NULL UNIQUE,
  -- For the manager: the compartment or the follow-up it is about, never anything personal.
  subject TEXT NOT NULL,
  -- The locker item a pickup notice is about: its collection withdraws or erases the notice.
  item_id TEXT REFERENCES locker_items (id),
  phone TEXT NOT NULL,
  text TEXT,
  qr TEXT CHECK (qr IS NULL OR kind = 'pickup_ready'),
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'at_window', 'relayed', 'withdrawn')),
  sender TEXT NOT NULL CHECK (sender IN ('modem', 'gateway', 'window')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  next_attempt_at TEXT CHECK (next_attempt_at IS NULL OR status = 'pending'),
  created_at TEXT NOT NULL,
  sent_at TEXT,
  delivered_at TEXT CHECK (delivered_at IS NULL OR status = 'delivered'),
  erased_at TEXT,
  -- JSON arrays of the modem's message references (TP-MR) of each part, and of those reported delivered.
  message_refs TEXT,
  refs_delivered TEXT NOT NULL DEFAULT '[]',
  CHECK ((erased_at IS NULL) = (text IS NOT NULL)),
  -- Reaching the reader, or no longer being needed, is what erases a notice; one still to act on is never erased.
  CHECK (status NOT IN ('delivered', 'relayed', 'withdrawn') OR erased_at IS NOT NULL),
  CHECK (status NOT IN ('pending', 'failed', 'at_window') OR erased_at IS NULL)
);
CREATE INDEX notices_pending ON notices (next_attempt_at, seq) WHERE status = 'pending';
CREATE INDEX notices_item ON notices (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX notices_status ON notices (status);

-- The outbox's notices move over: one still holding its code waits at the window (the manager relayed them by hand
-- until now); an erased one was relayed (sent_at) or served no purpose before its item left the locker.
INSERT INTO notices (id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, created_at, sent_at,
                     erased_at)
SELECT id, 'pickup_ready', 'pickup_ready:' || item_id, locker || ' ' || compartment || ' 号格口', item_id, phone, text,
       qr, CASE WHEN erased_at IS NULL THEN 'at_window' WHEN sent_at IS NOT NULL THEN 'relayed' ELSE 'withdrawn' END,
       'window', created_at, sent_at, erased_at
FROM notice_outbox ORDER BY created_at, rowid;
DROP TABLE notice_outbox;
