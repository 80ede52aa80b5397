/** The browser side of submission: the stored signing key, the challenge and the transport. */
export {
  browserSigner,
  deleteSigningKey,
  loadOrCreateSigningKey,
  type BrowserSigningKey,
  type KeyStoreOptions,
} from './key-store.js';
export {
  CHALLENGE_FAILURE,
  ChallengeError,
  fetchChallenge,
  type Challenge,
  type ChallengeFailure,
  type ChallengeOptions,
} from './challenge.js';
export { classifyFetchFailure, REACHABILITY, type Reachability } from './reachability.js';
export {
  backoffDelay,
  DEFAULT_RETRY,
  FAILURE_KIND,
  sendSubmission,
  SubmissionTransportError,
  type FailureKind,
  type ProblemDetails,
  type RetryInfo,
  type RetryOptions,
  type SendOptions,
  type SendResult,
} from './transport.js';
export {
  SignedSubmission,
  signSubmission,
  submissionFailureMessage,
  type SignedSubmissionOptions,
  type SignedSubmissionResult,
  type SubmissionProgress,
} from './submit.js';
