-- People and personal data (issue 18): one account per clerk, sessions, API keys, the audit log,
-- look-up secrets as HMAC, per-dossier data keys (envelope encryption) and retention.

-- One account per person. password_hash is scrypt (PHC-like string, see auth.js).
CREATE TABLE clerk_accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
  password_hash TEXT NOT NULL,
  -- Consecutive failed log-ins; reset by a successful one. Reaching the limit sets locked_until.
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);
-- User names are compared without case: SQLite collates the column so, PostgreSQL needs an index.
-- postgres: CREATE UNIQUE INDEX clerk_accounts_username_nocase ON clerk_accounts (lower(username));

-- Log-in sessions: only the SHA-256 of the cookie value is stored, so a copy of the database
-- cannot be replayed as a session.
CREATE TABLE clerk_sessions (
  token_sha256 TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES clerk_accounts (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ip TEXT
);
CREATE INDEX clerk_sessions_account ON clerk_sessions (account_id);

-- API keys for automation, acting as their account. The key is `dvc_<id>_<secret>`; the
-- 256-bit secret is stored as SHA-256 (a fast hash suffices for a random secret of that size).
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES clerk_accounts (id) ON DELETE CASCADE,
  secret_sha256 TEXT NOT NULL,
  label TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

-- Who did what, when, from where, to which dossier. No foreign key: the record of a dossier's
-- deletion outlives the dossier.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  dossier_code TEXT,
  ip TEXT,
  detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_dossier ON audit_log (dossier_code);

-- Status look-up secrets: HMAC-SHA-256 under a server key (key_id names it, for rotation) of the
-- dossier code and one identifying answer the procedure marks (privacy.identifyingFields).
CREATE TABLE dossier_lookup_secrets (
  dossier_code TEXT NOT NULL REFERENCES dossiers (code) ON DELETE CASCADE,
  key_id TEXT NOT NULL,
  secret_hmac TEXT NOT NULL,
  PRIMARY KEY (dossier_code, secret_hmac)
);
-- The old secrets were unsalted SHA-256 of 9 to 12 digits (found in a second by brute force) of
-- any phone or ID in the answers, a landlord's or a parent's included: they are dropped.
DELETE FROM dossier_secrets;

-- Envelope encryption: each dossier's data key, wrapped (AES-256-GCM) by the master key kek_id.
CREATE TABLE dossier_keys (
  dossier_code TEXT PRIMARY KEY REFERENCES dossiers (code) ON DELETE CASCADE,
  kek_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL
);

-- When the purge job deletes the dossier (received_at + the procedure's retention).
ALTER TABLE dossiers ADD COLUMN retain_until TEXT;
CREATE INDEX dossiers_retain_until ON dossiers (retain_until);
-- 1 once the stored file holds ciphertext under its dossier's data key.
ALTER TABLE uploads ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0;
