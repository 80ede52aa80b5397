/**
 * Signing and sending one application: challenge → payload → JWS → POST with retries.
 *
 * A `SignedSubmission` remembers the last unfinished attempt. While the answers stay the same,
 * every send — automatic retries and the person pressing "Gửi hồ sơ" again after a failure —
 * carries the same Idempotency-Key, and after an uncertain failure (no answer, 5xx, 409) the
 * very same JWS, so the receiver can recognise a repeat and never stores a second dossier.
 */
import { SigningError, TransportError } from '../../src/errors.js';
import { canonicalize, canonicalizeToBytes } from '../../src/jcs/index.js';
import { signPayload, type Signer } from '../../src/signing/index.js';
import {
  sha256Hex,
  type PayloadDocument,
  type SubmissionPayload,
} from '../../src/submission/index.js';
import type { UiLang } from '../base/i18n.js';
import { CHALLENGE_FAILURE, ChallengeError, fetchChallenge } from './challenge.js';
import { browserSigner } from './key-store.js';
import { submissionMessages } from './messages.js';
import {
  FAILURE_KIND,
  sendSubmission,
  SubmissionTransportError,
  type RetryOptions,
  type SendOptions,
} from './transport.js';

export type SubmissionProgress =
  | { phase: 'signing' }
  | { phase: 'sending'; attempt: number; maxAttempts: number }
  | { phase: 'retrying'; attempt: number; maxAttempts: number; delayMs: number };

export interface SignedSubmissionOptions extends RetryOptions {
  /** Where the JWS is POSTed (`{ "jws": … }`). */
  action: string;
  /** Signs the payload bytes; default: this browser's ES256 key from IndexedDB. */
  signer?: Signer;
  /** POST endpoint of the receiver's one-time challenge (`{ nonce, expiresAt }`). */
  challengeEndpoint?: string;
  /**
   * The payload's documents with their bytes (`form.collectDocumentFiles()`); default: the
   * payload's `documents`. An entry without `url` but with its `file` travels in a multipart
   * body; entries of slots the payload does not list are left out.
   */
  documents?: readonly (PayloadDocument & { file?: Blob })[];
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: SubmissionProgress) => void;
  sleep?: SendOptions['sleep'];
  random?: SendOptions['random'];
  /** Creates the Idempotency-Key; default crypto.randomUUID(). */
  newKey?: () => string;
}

/** What a successful submission gives back: the server's answer and what was signed. */
export interface SignedSubmissionResult {
  /** HTTP status of the answer (201 from the reference receiver). */
  status: number;
  /** The server's JSON answer, e.g. `{ dossierCode, receivedAt, expectedResultDate }`. */
  response: unknown;
  /** True when the server replayed its answer to an earlier send of the same submission. */
  replayed: boolean;
  jws: string;
  payload: SubmissionPayload;
  /** Lower-case hex SHA-256 of the signed bytes (the payload's RFC 8785 form). */
  signedSha256: string;
  idempotencyKey: string;
  attempts: number;
}

interface Signed {
  jws: string;
  payload: SubmissionPayload;
  signedSha256: string;
  /** Epoch ms after which the challenge nonce is no longer accepted. */
  expiresAt?: number;
}

interface Pending {
  fingerprint: string;
  key: string;
  /** Kept only after an uncertain failure, to be sent again byte for byte. */
  signed?: Signed;
}

/** Nonces this close to expiry are not reused: the send itself takes time. */
const NONCE_MARGIN_MS = 60_000;

export class SignedSubmission {
  private pending?: Pending;
  private inFlight?: Promise<SignedSubmissionResult>;

  /** The Idempotency-Key of the unfinished submission, if any. */
  get idempotencyKey(): string | undefined {
    return this.pending?.key;
  }

  /**
   * The signed bytes of the unfinished submission after an uncertain failure (no answer, a
   * lost network): what must be sent again, byte for byte, under the same key.
   */
  get pendingJws(): string | undefined {
    return this.pending?.signed?.jws;
  }

  /**
   * Signs and sends. A call while another is running returns that one's promise instead of
   * sending twice.
   */
  submit(
    payload: SubmissionPayload,
    options: SignedSubmissionOptions,
  ): Promise<SignedSubmissionResult> {
    if (!this.inFlight) {
      this.inFlight = this.run(payload, options).finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  /** Forgets the unfinished submission: the next one gets a new Idempotency-Key. */
  reset(): void {
    this.pending = undefined;
  }

  private async run(
    payload: SubmissionPayload,
    options: SignedSubmissionOptions,
  ): Promise<SignedSubmissionResult> {
    const fingerprint = fingerprintOf(payload, options);
    if (this.pending?.fingerprint !== fingerprint) {
      const key = (options.newKey ?? (() => crypto.randomUUID()))();
      this.pending = { fingerprint, key };
    }
    const pending = this.pending;
    let signed = pending.signed;
    if (
      !signed ||
      (signed.expiresAt !== undefined && signed.expiresAt - NONCE_MARGIN_MS < Date.now())
    )
      signed = await sign(payload, options);
    pending.signed = undefined;

    const maxAttempts = options.maxAttempts;
    options.onProgress?.({ phase: 'sending', attempt: 1, maxAttempts: maxAttempts ?? 4 });
    try {
      const slots = new Set(payload.documents.map((d) => d.slot));
      const sent = await sendSubmission(signed.jws, {
        ...options,
        // Only the payload's slots, so the parts line up with the signed `documents`.
        documents: (options.documents ?? payload.documents).filter((d) => slots.has(d.slot)),
        idempotencyKey: pending.key,
        lang: payload.lang,
        onRetry: (info) =>
          options.onProgress?.({
            phase: 'retrying',
            attempt: info.attempt,
            maxAttempts: info.maxAttempts,
            delayMs: info.delayMs,
          }),
      });
      if (this.pending === pending) this.pending = undefined;
      return {
        status: sent.status,
        response: sent.body,
        replayed: sent.replayed,
        jws: signed.jws,
        payload: signed.payload,
        signedSha256: signed.signedSha256,
        idempotencyKey: pending.key,
        attempts: sent.attempts,
      };
    } catch (error) {
      // Uncertain outcome: the server may have stored it. Send the same bytes next time.
      if (isUncertain(error)) pending.signed = signed;
      throw error;
    }
  }
}

function isUncertain(error: unknown): boolean {
  return (
    error instanceof SubmissionTransportError &&
    (error.kind !== FAILURE_KIND.rejected || error.status === 409)
  );
}

/** What identifies "the same application": everything signed except time and nonce. */
function fingerprintOf(payload: SubmissionPayload, options: SignedSubmissionOptions): string {
  const { submittedAt: _at, nonce: _nonce, ...same } = payload;
  return canonicalize({ action: options.action, ...same });
}

type SignOptions = Pick<
  SignedSubmissionOptions,
  'signer' | 'challengeEndpoint' | 'fetch' | 'signal' | 'onProgress'
>;

/**
 * Signs a payload (the session's `toPayload()`): fetches the challenge (when configured) just
 * before signing, so the nonce is as fresh as possible, and signs the payload with that nonce.
 */
export async function signSubmission(
  payload: SubmissionPayload,
  options: SignOptions,
): Promise<Signed> {
  return sign(payload, options);
}

async function sign(unsigned: SubmissionPayload, options: SignOptions): Promise<Signed> {
  options.onProgress?.({ phase: 'signing' });
  const challenge = options.challengeEndpoint
    ? await fetchChallenge(options.challengeEndpoint, {
        fetch: options.fetch,
        signal: options.signal,
        lang: unsigned.lang,
        procedure: { code: unsigned.procedure.code, version: unsigned.procedure.version },
      })
    : undefined;
  const signer = options.signer ?? (await browserSigner());
  const payload = challenge ? { ...unsigned, nonce: challenge.nonce } : unsigned;
  const jws = await signPayload(payload, signer);
  const signedSha256 = await sha256Hex(canonicalizeToBytes(payload));
  const expires = challenge?.expiresAt ? Date.parse(challenge.expiresAt) : NaN;
  return Number.isNaN(expires)
    ? { jws, payload, signedSha256 }
    : { jws, payload, signedSha256, expiresAt: expires };
}

/**
 * The sentence to show the person for a failed submission: the server's RFC 9457 `detail`
 * (or `title`) when it sent one — it is written for citizens and in their language — else a
 * message from the catalog. Undefined for errors this module did not raise.
 */
export function submissionFailureMessage(error: unknown, lang: UiLang): string | undefined {
  const msg = submissionMessages(lang);
  if (error instanceof SubmissionTransportError) {
    const fromServer = error.problem?.detail || error.problem?.title;
    if (error.kind === FAILURE_KIND.network) return msg.networkFailed;
    if (error.kind === FAILURE_KIND.blocked) return msg.blocked;
    if (fromServer) return fromServer;
    return error.kind === FAILURE_KIND.server
      ? msg.serverFailed
      : msg.rejected(error.status ?? 400);
  }
  if (error instanceof ChallengeError) {
    if (error.kind === CHALLENGE_FAILURE.blocked) return msg.blocked;
    if (error.kind === CHALLENGE_FAILURE.rejected)
      return msg.challengeRejected(error.status ?? 400);
    if (error.kind === CHALLENGE_FAILURE.server) return msg.serverFailed;
    return msg.challengeFailed;
  }
  if (error instanceof TransportError) return msg.challengeFailed;
  if (error instanceof SigningError) return msg.signingFailed;
  return undefined;
}
