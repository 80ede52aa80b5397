/**
 * `dvc-forms/verify`: server-side verification of signed submission payloads.
 * No DOM: Node 20 and any runtime with WebCrypto.
 */
export * from '../errors.js';
export {
  verifySubmission,
  createVerifier,
  type Verifier,
  type VerifierOptions,
  type VerifyCallOptions,
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_CLOCK_SKEW_SECONDS,
  type VerifyOptions,
  type VerifyResult,
  type AttachmentResolver,
} from './verify.js';
export {
  VERIFY_ERROR,
  VERIFY_MESSAGES,
  verifyMessage,
  type VerifyError,
  type VerifyErrorCode,
} from './messages.js';
export {
  createMemoryNonceStore,
  NONCE_REFUSAL,
  type NonceRefusal,
  type NonceContext,
  type NonceStore,
  type MemoryNonceStore,
  type MemoryNonceStoreOptions,
} from './nonce.js';
// The receiver loads its procedure files as `dvc-forms lint` does: with the linear-time
// engine's pattern check (re2js is in this bundle already, for the validators).
export { checkPatternSyntax, type PatternChecker } from '../procedure/pattern-check.js';
export type {
  SubmissionPayload,
  PayloadDocument,
  PayloadFee,
  PayloadFeeItem,
  PayloadFeeReduction,
} from '../submission/payload.js';
export { sha256Hex } from '../submission/payload.js';
export { canonicalize } from '../jcs/canonicalize.js';
export { jwkThumbprint, ALLOWED_ALGORITHMS, SUBMISSION_JWS_TYPE } from '../signing/jws.js';
export type { JsonWebKeyLike as JWK } from '../platform.js';
// The receiver checks the files it stored with the browser's own rules (src/files).
export {
  STORED_FILE_PROBLEM,
  checkStoredFile,
  cleanFileName,
  maxDocumentEntries,
  sniffType,
  SNIFF_HEAD_BYTES,
  SNIFF_TAIL_BYTES,
  formatList,
  formatSize,
  type StoredFile,
  type StoredFileProblem,
} from '../files/index.js';
export {
  verifySupplement,
  createSupplementVerifier,
  type SupplementVerifier,
  type SupplementVerifyResult,
  type SupplementCallOptions,
} from './supplement.js';
export {
  checkSupplementRequest,
  SUPPLEMENT_LIMITS,
  type SupplementItems,
  type SupplementRequest,
  type SupplementPayload,
} from '../supplement/index.js';
