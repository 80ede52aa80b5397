-- Which dossiers a clerk account may read (docs/receiver.md "Clerk accounts", docs/privacy.md;
-- Decree 13/2023/NĐ-CP: a clerk reads only the dossiers they are responsible for). A clerk sees
-- the dossiers of the procedures granted here, by the receiver's procedure id (the procedure
-- file's name, dossiers.procedure_name), never by the free-text agency name. Administrators see
-- every dossier whatever this table holds.
CREATE TABLE clerk_procedure_grants (
  account_id BIGINT NOT NULL REFERENCES clerk_accounts (id) ON DELETE CASCADE,
  procedure_id TEXT NOT NULL,
  PRIMARY KEY (account_id, procedure_id)
);

-- 1: the account sees every procedure's dossiers, an explicit choice listed by `npm run clerk --
-- list` and counted at start-up. The clerks that existed before this migration saw everything:
-- they keep it (no one locked out by an upgrade) and are flagged, until an administrator grants
-- them their procedures. New accounts start with none.
ALTER TABLE clerk_accounts ADD COLUMN all_procedures INTEGER NOT NULL DEFAULT 0;
UPDATE clerk_accounts SET all_procedures = 1 WHERE role = 'clerk';
