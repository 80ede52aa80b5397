/**
 * The drafts database's name, and its store of revision claims, apart from db.ts: `<dvc-form>` checks for it before ready
 * (components/form/drafts.ts) without carrying the IndexedDB code, which comes with the drafts
 * chunk (issue 22 point 1).
 */
export const DRAFT_DB_NAME = 'dvc-forms-drafts';

/** The revision claims and tombstones: nothing there to resume or send, so the probe skips it. */
export const REVISIONS_STORE = 'revisions';
