-- One record per MASTER_KEYS / LOOKUP_KEYS key id this database was used with: HMAC-SHA-256
-- under that key of a fixed text (demo/server/key-checks.js). A start with another key under the
-- same id is stopped with the variable named, instead of every dossier read failing later. An
-- HMAC of a known text under a random 32-byte key reveals nothing of the key.
CREATE TABLE key_checks (
  kind TEXT NOT NULL,
  key_id TEXT NOT NULL,
  check_hmac TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, key_id)
);
