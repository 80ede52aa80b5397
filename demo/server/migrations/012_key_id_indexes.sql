-- The start-up key check (demo/server/key-checks.js) asks which key ids the stored data names.
-- Without these indexes each start read every wrapped key, look-up secret and search term: a
-- start that grew with the number of dossiers (about 0.1 to 0.9 s per 100,000 on SQLite). With
-- them it asks for the next id after the last one found, one index search per id in use.
CREATE INDEX dossier_keys_kek ON dossier_keys (kek_id);
CREATE INDEX upload_keys_kek ON upload_keys (kek_id);
CREATE INDEX dossier_lookup_secrets_key ON dossier_lookup_secrets (key_id);
CREATE INDEX dossier_search_key ON dossier_search (key_id);
