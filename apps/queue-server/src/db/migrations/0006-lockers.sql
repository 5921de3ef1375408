-- 自助取件柜. One row per compartment that has ever left `free`; a compartment without a row is free. `data` is the
-- domain's Compartment as JSON; the columns beside it are what queries filter on.
CREATE TABLE locker_compartments (
  locker TEXT NOT NULL,
  number TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('free', 'opening', 'awaiting_close', 'occupied', 'opening_for_pickup',
                                       'awaiting_pickup_close', 'faulty')),
  -- The keyed hash of the pickup code while one is valid; the code itself is never stored.
  code_hash TEXT,
  command_id TEXT UNIQUE,
  deadline TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (locker, number),
  CHECK (code_hash IS NULL OR state = 'occupied')
);
-- A code opens exactly one compartment of its locker.
CREATE UNIQUE INDEX locker_compartments_code ON locker_compartments (locker, code_hash) WHERE code_hash IS NOT NULL;
CREATE INDEX locker_compartments_deadline ON locker_compartments (deadline) WHERE deadline IS NOT NULL;

-- Every item ever deposited, kept after collection for the record. The phone number is here only for the notice.
CREATE TABLE locker_items (
  id TEXT PRIMARY KEY,
  locker TEXT NOT NULL,
  compartment TEXT NOT NULL,
  case_number TEXT NOT NULL,
  description TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  stored_at TEXT,
  collected_at TEXT,
  -- Set when staff start a retrieval: where the item goes once the door has closed on an empty compartment.
  handover TEXT CHECK (handover IN ('window', 'post')),
  -- Who took it out: the applicant with the code, or staff for the window or the post.
  collected_by TEXT CHECK (collected_by IN ('applicant', 'window', 'post')),
  CHECK ((collected_at IS NULL) = (collected_by IS NULL))
);

-- Wrong codes in a row per locker keypad, and until when it is locked; survives a restart so a lockout does too.
CREATE TABLE locker_keypads (
  locker TEXT PRIMARY KEY,
  wrong_in_row INTEGER NOT NULL CHECK (wrong_in_row >= 0),
  locked_until TEXT
);

-- What the default notifier sends: the pickup notice, for the manager to relay until an SMS gateway is plugged in.
CREATE TABLE notice_outbox (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES locker_items (id),
  locker TEXT NOT NULL,
  compartment TEXT NOT NULL,
  phone TEXT NOT NULL,
  text TEXT NOT NULL,
  qr TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- The pickup codes' hashes are keyed like the ID numbers of 0004: six digits are too few to hash plainly.
INSERT INTO installation_secrets (name, secret) VALUES ('pickup_code_hmac', randomblob(32));
