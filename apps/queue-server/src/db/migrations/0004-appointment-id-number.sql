-- Check-in by resident ID card. The number itself is never stored (PIPL): only HMAC-SHA256 under a secret of this
-- installation, and the last four characters for staff to confirm with the applicant.
ALTER TABLE appointments ADD COLUMN id_hash TEXT;
ALTER TABLE appointments ADD COLUMN id_last4 TEXT;
CREATE INDEX appointments_by_id_hash ON appointments (id_hash, hall_day) WHERE id_hash IS NOT NULL;

-- The secret is made here, in the same transaction as the columns that depend on it, so no database at this version
-- lacks it and no start-up path has to create it. randomblob draws from SQLite's ChaCha20 generator seeded by the OS
-- (/dev/urandom). A keyed hash, unlike a plain one, cannot be reversed by hashing every possible ID number (there are
-- only about 10^10) unless the secret leaks too.
CREATE TABLE installation_secrets (
  name TEXT PRIMARY KEY,
  secret BLOB NOT NULL CHECK (length(secret) >= 32)
);
INSERT INTO installation_secrets (name, secret) VALUES ('id_number_hmac', randomblob(32));
