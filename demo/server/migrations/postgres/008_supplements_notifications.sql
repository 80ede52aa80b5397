-- PostgreSQL version of ../008_supplements_notifications.sql (same version and name; storage/postgres.js applies it).
-- Supplements (hồ sơ bổ sung, docs/receiver.md#supplement) and the notification queue
-- (docs/receiver.md#notifications).

-- A clerk's request for specific answers (field paths) and documents (slot ids), and the
-- applicant's signed supplement answering it. At most one request per dossier is open.
CREATE TABLE supplement_requests (
  id TEXT PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  -- {"fields": [...], "documents": [...]}: names from the procedure file, no personal data.
  items_json TEXT NOT NULL,
  -- The clerk's words to the applicant.
  note TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  -- The expected result date when the clock paused; the new one is computed on the answer.
  paused_due TEXT NOT NULL,
  -- 'open' → 'answered'.
  status TEXT NOT NULL,
  answered_at TEXT,
  -- The supplement: its JWS and verified payload, encrypted under the dossier's data key
  -- (vault.js), like the dossier's own.
  jws TEXT,
  payload_json TEXT,
  signer_kid TEXT
);
CREATE INDEX supplement_requests_dossier ON supplement_requests (dossier_code, requested_at);
CREATE UNIQUE INDEX supplement_requests_open ON supplement_requests (dossier_code)
  WHERE status = 'open';

-- Which supplement a file belongs to (NULL: the dossier's own submission).
ALTER TABLE uploads ADD COLUMN supplement_id TEXT;

-- Messages to send (outbox): written in the same transaction as the event, sent and retried by
-- notify/index.js. No recipient and no text here: both are made at sending time from the
-- dossier (the address, decrypted) and the catalog, so the queue holds no personal data.
CREATE TABLE notifications (
  id BIGSERIAL PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  -- 'received' | 'supplement-requested' | 'result'
  event TEXT NOT NULL,
  -- What makes the event unique for its dossier: the status reached, the request id.
  ref TEXT NOT NULL,
  -- 'email' | 'sms'
  channel TEXT NOT NULL,
  -- 'pending' → 'sent' | 'failed' (permanent) | 'skipped' (no address of that kind)
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  -- A sender holds the row until then (several processes share the queue).
  locked_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (dossier_code, event, ref, channel)
);
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
