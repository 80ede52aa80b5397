-- Issue 17: uploads belong to the session that created them, count against quotas and expire;
-- challenge nonces are bound to the procedure they were issued for.

-- One row per tus upload from its creation (the `uploads` row only appears when it finishes).
CREATE TABLE upload_owners (
  id TEXT PRIMARY KEY,
  -- SHA-256 of the upload-session cookie: the cookie itself is never stored.
  owner_sha256 TEXT NOT NULL,
  ip TEXT NOT NULL,
  -- Upload-Length declared at creation: what the upload may grow to, counted in the quotas.
  length BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX upload_owners_owner ON upload_owners (owner_sha256);
CREATE INDEX upload_owners_ip ON upload_owners (ip, created_at);
CREATE INDEX upload_owners_expires ON upload_owners (expires_at);
CREATE INDEX uploads_dossier ON uploads (dossier_code);

-- `code@version` of the procedure a challenge was issued for (NULL for nonces issued before).
ALTER TABLE nonces ADD COLUMN procedure TEXT;
