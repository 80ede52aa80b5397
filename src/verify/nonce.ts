/**
 * Replay protection. A server keeps the nonces of accepted submissions at least as long as a
 * submission stays fresh (`maxAgeSeconds` plus clock skew): after that, the freshness check
 * rejects a replay on its own, so the store can forget.
 */
import { base64UrlEncode, getCrypto } from '../platform.js';

export interface NonceStore {
  /**
   * Marks the nonce used. Resolves true the first time (accept), false when it was used before
   * (reject). Must be atomic across the server's workers — e.g. an INSERT on a unique column.
   */
  consume(nonce: string): Promise<boolean>;
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
    get size() {
      return used.size + issued.size;
    },
  };
}
