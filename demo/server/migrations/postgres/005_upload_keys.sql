-- PostgreSQL version of ../005_upload_keys.sql (same version and name; storage/postgres.js applies it).
-- Uploads encrypted from their first byte (demo/server/storage/encrypted-store.js, upload-files.js).
-- Each upload's own AES-256 key, wrapped by a master key (kek_id, a MASTER_KEYS id) while no
-- dossier holds the file, then — from the dossier's acceptance transaction on — by the dossier's
-- data key (dossier_code set, kek_id NULL): deleting the dossier's key makes its files unreadable.
-- Such files have uploads.encrypted = 2 (0 = stored before encryption, 1 = sealed with AES-GCM
-- under the dossier's key when it was accepted).
CREATE TABLE upload_keys (
  upload_id TEXT PRIMARY KEY,
  kek_id TEXT,
  dossier_code TEXT REFERENCES dossiers (code),
  wrapped_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX upload_keys_dossier ON upload_keys (dossier_code);
