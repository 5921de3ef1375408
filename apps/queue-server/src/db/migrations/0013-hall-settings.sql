-- The hall's settings as versions: each change made in the console (or a changed hall file at start) is a new row with
-- the whole hall as it stands after it, so the history lists every change and a rollback is a new version equal to an
-- old one. The rows never hold a password or a key (see `credentials`); `shape` is the stored form's version, so an
-- older row is upgraded on reading.
CREATE TABLE hall_settings (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('file', 'console', 'rollback', 'import')),
  -- JSON: the change lines (section, key, kind, fields) against the version before.
  changes TEXT NOT NULL,
  shape INTEGER NOT NULL CHECK (shape >= 1),
  config TEXT NOT NULL,
  -- The hall file's digest for a version read from it: a start with the same file keeps the console's later changes.
  file_digest TEXT CHECK ((source = 'file') = (file_digest IS NOT NULL)),
  rolled_back_to INTEGER REFERENCES hall_settings (version) CHECK ((source = 'rollback') = (rolled_back_to IS NOT NULL))
);
CREATE TRIGGER hall_settings_no_update BEFORE UPDATE ON hall_settings
BEGIN SELECT RAISE(ABORT, 'a settings version never changes'); END;
CREATE TRIGGER hall_settings_no_delete BEFORE DELETE ON hall_settings
BEGIN SELECT RAISE(ABORT, 'settings versions are never deleted'); END;

-- Passwords and device keys, apart from the settings: a rollback never brings back a password or a revoked key. A hall
-- file may seed them; `file_hash` is what the file said last, so a later start with the same file leaves a password the
-- person changed since, and a file that now says something new wins.
CREATE TABLE credentials (
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'device')),
  id TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- A password the manager set (a new person, a reset): its owner chooses their own at the next login.
  must_change INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1) AND (must_change = 0 OR kind = 'staff')),
  file_hash TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
