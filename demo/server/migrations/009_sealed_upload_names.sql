-- The applicant's file names are personal data ("CCCD Nguyễn Văn An 001195012345.pdf"): from
-- now on uploads.filename holds them sealed (AES-256-GCM, `dvc1.` prefix) under the upload's own
-- key (upload_keys), or — a file stored before uploads had keys — under its dossier's data key
-- (upload-files.js). Names stored in clear by older versions are sealed by the purge job, which
-- runs at start-up (sealLegacyNames); the names no key can seal — files stored before
-- encryption that no dossier holds, which expire with UPLOAD_TTL_HOURS — are dropped here.
UPDATE uploads SET filename = NULL
WHERE filename IS NOT NULL
  AND filename NOT LIKE 'dvc1.%'
  AND dossier_code IS NULL
  AND id NOT IN (SELECT upload_id FROM upload_keys);
