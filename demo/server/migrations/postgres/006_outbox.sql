-- PostgreSQL version of ../006_outbox.sql (same version and name; storage/postgres.js applies it).
-- The transactional outbox (demo/server/outbox/): one row per dossier to forward to the agency's
-- one-stop system, written in the transaction that stores the dossier, so a dossier is never
-- stored without its forwarding nor forwarded without being stored. The row holds no personal
-- data: the worker reads the (encrypted) dossier when it sends. Times are milliseconds since the
-- epoch where the worker compares them, ISO 8601 strings where people read them.
CREATE TABLE outbox (
  dossier_code TEXT PRIMARY KEY REFERENCES dossiers (code) ON DELETE CASCADE,
  -- Sent as Idempotency-Key on every attempt: the target drops repeats.
  idempotency_key TEXT NOT NULL UNIQUE,
  -- pending (to send, now or at next_attempt_at), delivered, dead (dead letter: retried by hand).
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  -- The worker that claimed the row, until lease_until: another one takes it over after that.
  leased_by TEXT,
  lease_until BIGINT,
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Failed status look-ups and clerk log-ins, per client address or dossier code (sha256 of it):
-- counted in the database so that every receiver process sees the same failures.
CREATE TABLE failure_events (
  id BIGSERIAL PRIMARY KEY,
  scope TEXT NOT NULL,
  key_sha256 TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX failure_events_key ON failure_events (scope, key_sha256, at);
CREATE INDEX failure_events_at ON failure_events (at);
