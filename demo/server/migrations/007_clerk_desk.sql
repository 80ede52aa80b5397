-- The clerk's desk (demo/server/desk.js, desk-search.js; docs/receiver.md#the-clerks-desk).
-- Search over encrypted dossiers without decrypting them: keyed blind-index hashes
-- (HMAC-SHA-256 under a key derived from a LOOKUP_KEYS key, key_id says which) of the
-- normalised applicant's name words, ID numbers and phone numbers, written at receipt. Equality
-- only: the table reveals neither the values nor, without the key, which dossiers share one.
CREATE TABLE dossier_search (
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  key_id TEXT NOT NULL,
  term_hmac TEXT NOT NULL,
  PRIMARY KEY (dossier_code, key_id, term_hmac)
);
CREATE INDEX dossier_search_term ON dossier_search (term_hmac);

-- Whether a helper filled the dossier in (a filter of the list, not personal data) and when its
-- search terms were written (NULL: a dossier received before this migration, indexed at start-up).
ALTER TABLE dossiers ADD COLUMN assisted INTEGER;
ALTER TABLE dossiers ADD COLUMN indexed_at TEXT;
CREATE INDEX dossiers_due ON dossiers (expected_result_date);

-- The clerks' internal notes on a dossier (never shown to the citizen), who wrote them and when.
CREATE TABLE dossier_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX dossier_notes_dossier ON dossier_notes (dossier_code);
