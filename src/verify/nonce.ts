/**
 * Replay protection. A server keeps the nonces of accepted submissions at least as long as a
 * submission stays fresh (`maxAgeSeconds` plus clock skew): after that, the freshness check
 * rejects a replay on its own, so the store can forget.
 */
import { base64UrlEncode, getCrypto } from '../platform.js';
import { VERIFY_ERROR } from './messages.js';

/** Why a nonce was refused, so the applicant is told the truth rather than "already received". */
export const NONCE_REFUSAL = {
  /** Used before: the submission was already received. */
  replayed: 'replayed',
  /** Issued, but its lifetime is over: a new challenge is needed. */
  expired: 'expired',
  /** Never issued by this server (or forgotten long ago). */
  unknown: 'unknown',
  /** Issued for another procedure than the one the payload names. */
  wrongProcedure: 'wrong-procedure',
} as const;
export type NonceRefusal = (typeof NONCE_REFUSAL)[keyof typeof NONCE_REFUSAL];

/** The verify error reported for each refusal. */
export const NONCE_REFUSAL_ERROR = {
  replayed: VERIFY_ERROR.nonceReplayed,
  expired: VERIFY_ERROR.nonceExpired,
  unknown: VERIFY_ERROR.nonceUnknown,
  'wrong-procedure': VERIFY_ERROR.nonceProcedureMismatch,
} as const satisfies Record<NonceRefusal, string>;

/** What the verifier tells the store about the submission spending the nonce. */
export interface NonceContext {
  procedure: { code: string; version: string };
}

export interface NonceStore {
  /**
   * Marks the nonce used. Resolves true the first time (accept), false otherwise (reject). A
   * challenge store also checks that the nonce was issued for `context.procedure`. Must be atomic
   * across the server's workers — e.g. an UPDATE … WHERE consumed_at IS NULL, or an INSERT on a
   * unique column.
   */
  consume(nonce: string, context?: NonceContext): Promise<boolean>;
  /**
   * Why `consume` refused this nonce, so the applicant is told the truth ("expired, ask again")
   * rather than "already received". Optional: without it every refusal reads `replayed`.
   */
  refusal?(nonce: string, context?: NonceContext): Promise<NonceRefusal>;
}

export interface MemoryNonceStoreOptions {
  /** How long a used nonce is remembered (default 24 h 10 min: the default max age plus skew). */
  ttlSeconds?: number;
  /**
   * When true, only nonces handed out by `issue()` (and not yet expired) are accepted: the
   * challenge mode, where the server gives the form a nonce before it signs.
   */
  requireIssued?: boolean;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

export interface MemoryNonceStore extends NonceStore {
  /** A new 128-bit challenge nonce (base64url), valid for `ttlSeconds`. */
  issue(): string;
  refusal(nonce: string): Promise<NonceRefusal>;
  /** Number of nonces remembered (issued or used, not yet expired). */
  readonly size: number;
}

/** A NonceStore for one process (tests, demos, single-instance servers). */
export function createMemoryNonceStore(options: MemoryNonceStoreOptions = {}): MemoryNonceStore {
  const ttlMs = (options.ttlSeconds ?? 24 * 3600 + 600) * 1000;
  const now = options.now ?? Date.now;
  const used = new Map<string, number>();
  const issued = new Map<string, number>();
  const prune = (t: number): void => {
    // Every entry lives ttlMs from insertion, so Map order is expiry order: stop at the first live one.
    for (const map of [used, issued])
      for (const [nonce, expires] of map) {
        if (expires > t) break;
        map.delete(nonce);
      }
  };
  return {
    issue() {
      const nonce = base64UrlEncode(getCrypto().getRandomValues(new Uint8Array(16)));
      issued.set(nonce, now() + ttlMs);
      return nonce;
    },
    async consume(nonce) {
      const t = now();
      prune(t);
      if (used.has(nonce)) return false;
      if (options.requireIssued) {
        if (!issued.has(nonce)) return false;
        issued.delete(nonce);
      }
      used.set(nonce, t + ttlMs);
      return true;
    },
    async refusal(nonce) {
      // Issued nonces are forgotten when they expire: an expired one reads as unknown.
      return used.has(nonce) ? NONCE_REFUSAL.replayed : NONCE_REFUSAL.unknown;
    },
    get size() {
      return used.size + issued.size;
    },
  };
}
