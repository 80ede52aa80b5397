export {
  DraftController,
  DRAFT_CHANNEL,
  DRAFT_PHASE,
  NOTICE_KIND,
  type DraftControllerOptions,
  type DraftHostState,
  type DraftNotice,
  type DraftPhase,
} from './controller.js';
export {
  DraftStore,
  DEFAULT_FILE_CAP_MB,
  DEFAULT_TTL_DAYS,
  draftId,
  type DraftDocument,
  type DraftKey,
  type DraftRecord,
  type FileToKeep,
} from './draft-store.js';
export {
  Outbox,
  OUTBOX_RESULT,
  documentsWithFiles,
  isOfflineFailure,
  type OutboxEntry,
  type OutboxFile,
  type OutboxResult,
  type OutboxSigning,
} from './outbox.js';
export { inProgressFiles, type InProgressFile, type UploadLike } from './uploads.js';
export { carryOver, type CarryOverResult } from './carry-over.js';
export { DRAFT_DB_NAME, DraftQuotaError } from './db.js';
export { draftMessages, type DraftMessages } from './messages.js';
export { draftStyles } from './styles.js';
