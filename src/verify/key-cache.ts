/**
 * What the verifier keeps about public keys between payloads. A browser signs every submission
 * with its own device key, and the same key again for a retry, a supplement or the next dossier
 * from that device; a trusted agency key signs many. Importing a JWK into WebCrypto and hashing
 * its RFC 7638 thumbprint cost a WebCrypto round trip each, so both are kept, by the key's public
 * material only (never by `kid` or anything else a token can vary for the same key).
 *
 * Bounded and least recently used first out, so a flood of fresh embedded keys cannot grow them;
 * only successful results are kept (a failed import or an incomplete key is tried again).
 */
import { getCrypto, type JsonWebKeyLike, type PlatformCryptoKey } from '../platform.js';
import { jwkThumbprint, type SubmissionAlgorithm } from '../signing/jws.js';

/** Keys (and thumbprints) each cache holds at most. */
export const KEY_CACHE_SIZE = 256;

/** A small LRU map of promises: a rejected promise is dropped, never served. */
export class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached value for `key`, or `make()`'s (cached unless it rejects). */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes last; the first entry is the next one out.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** WebCrypto's import parameters per JWS algorithm (the curve is pinned by the algorithm). */
const IMPORT_PARAMS: Record<SubmissionAlgorithm, { name: string; namedCurve?: string }> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
  EdDSA: { name: 'Ed25519' },
};

/** WebCrypto's verify parameters per JWS algorithm (RFC 7518 §3.4, RFC 8037 §3.1). */
export const VERIFY_PARAMS: Record<SubmissionAlgorithm, { name: string; hash?: string }> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  ES384: { name: 'ECDSA', hash: 'SHA-384' },
  EdDSA: { name: 'Ed25519' },
};

/** The public key members a cache key is made of: exactly what import and thumbprint read. */
const MATERIAL = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/**
 * The cache key of a JWK's public material, or undefined when a member is not a string. Each
 * member is written with its length, so no two different keys can give the same text.
 */
export function materialKey(jwk: JsonWebKeyLike, alg = ''): string | undefined {
  let key = alg;
  for (const name of MATERIAL) {
    const value = jwk[name];
    if (value === undefined) key += '|-';
    else if (typeof value === 'string') key += `|${value.length}:${value}`;
    else return undefined;
  }
  return key;
}

const importedKeys = new PromiseCache<PlatformCryptoKey>(KEY_CACHE_SIZE);
const thumbprints = new PromiseCache<string>(KEY_CACHE_SIZE);

/** The public key imported for `alg`, from the cache when its material was imported before. */
export function importPublicKey(
  jwk: JsonWebKeyLike,
  alg: SubmissionAlgorithm,
): Promise<PlatformCryptoKey> {
  const make = () => {
    const { kty, crv, x, y } = jwk;
    const material = kty === 'OKP' ? { kty, crv, x } : { kty, crv, x, y };
    return getCrypto().subtle.importKey('jwk', material, IMPORT_PARAMS[alg], false, ['verify']);
  };
  const key = materialKey(jwk, alg);
  return key === undefined ? make() : importedKeys.get(key, make);
}

/** RFC 7638 thumbprint of `jwk`, from the cache when it was computed before; rejects when incomplete. */
export function cachedThumbprint(jwk: JsonWebKeyLike): Promise<string> {
  const key = materialKey(jwk);
  return key === undefined ? jwkThumbprint(jwk) : thumbprints.get(key, () => jwkThumbprint(jwk));
}

/** How many keys and thumbprints are held (tests: the caches stay bounded). */
export function keyCacheSizes(): { keys: number; thumbprints: number } {
  return { keys: importedKeys.size, thumbprints: thumbprints.size };
}

/** Forgets every cached key and thumbprint (tests; a server never needs to). */
export function clearKeyCaches(): void {
  importedKeys.clear();
  thumbprints.clear();
}
