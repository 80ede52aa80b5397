-- The reference receiver's first schema. Times are ISO 8601 UTC strings; dates are YYYY-MM-DD.

-- One-time challenge nonces (POST /api/challenges), consumed by a successful verification.
CREATE TABLE nonces (
  nonce TEXT PRIMARY KEY,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  consumed_at TEXT
);
CREATE INDEX nonces_expires ON nonces (expires_at);

-- Accepted dossiers: the signed JWS is kept verbatim, it is the legal record.
CREATE TABLE dossiers (
  code TEXT PRIMARY KEY,
  procedure_code TEXT NOT NULL,
  procedure_version TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  expected_result_date TEXT NOT NULL,
  lang TEXT,
  -- RFC 7638 thumbprint of the key that signed the submission.
  signer_kid TEXT,
  jws TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dossiers_received ON dossiers (received_at);

-- Second factors for the status lookup: SHA-256 of each normalised phone number or personal ID
-- found in the answers (never the clear value, so a copy of the table does not leak them).
CREATE TABLE dossier_secrets (
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  secret_sha256 TEXT NOT NULL,
  PRIMARY KEY (dossier_code, secret_sha256)
);

CREATE TABLE dossier_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  status TEXT NOT NULL,
  note TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX dossier_history_code ON dossier_history (dossier_code, id);

-- Idempotency-Key → the answer given, so a retried POST never makes a second dossier.
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  request_sha256 TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Files received through tus (or multipart), with the SHA-256 the server computed itself.
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  via TEXT NOT NULL,
  slot TEXT,
  filename TEXT,
  type TEXT,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  dossier_code TEXT REFERENCES dossiers (code)
);
