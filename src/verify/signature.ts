/**
 * The signature check of step 4. On Node it runs `crypto.verify` synchronously with the imported
 * key's `KeyObject`: the same OpenSSL verification WebCrypto's `subtle.verify` performs, without
 * what WebCrypto adds around it per call (normalising the algorithm dictionary, a job object, a hop
 * to libuv's thread pool and back, a promise): ~75 instead of ~100 us of CPU per ES256 signature on
 * the bench machine (issue 22 point 4 counts payloads per CPU-second). The check now occupies the
 * event loop for those ~75 us instead of a pool thread; a payload's other checks already run on it.
 * Elsewhere (no `process.getBuiltinModule`: src/platform.ts `nativeServer`) WebCrypto checks it.
 *
 * The key is the one `importPublicKey` imported for the vetted algorithm (its curve pinned), and the
 * signature is the raw r || s (IEEE P1363) of RFC 7518 §3.4, as WebCrypto reads it.
 */
import { getCrypto, nativeServer, type PlatformCryptoKey } from '../platform.js';
import type { SubmissionAlgorithm } from '../signing/jws.js';
import { VERIFY_PARAMS } from './key-cache.js';

const nodeCrypto = nativeServer.crypto();

/** The hash Node's `crypto.verify` takes per algorithm (none for Ed25519). */
const NODE_HASH: Record<SubmissionAlgorithm, string | null> = {
  ES256: 'sha256',
  ES384: 'sha384',
  EdDSA: null,
};

/** Each imported key's `KeyObject`, as long as the key cache holds the key. */
const keyObjects = new WeakMap<PlatformCryptoKey, unknown>();

function keyObjectOf(key: PlatformCryptoKey): unknown {
  let object = keyObjects.get(key);
  if (object === undefined) keyObjects.set(key, (object = nodeCrypto!.KeyObject.from(key)));
  return object;
}

/** Whether `signature` is `key`'s valid `alg` signature of `input`; false when it cannot be checked. */
export async function checkSignature(
  key: PlatformCryptoKey,
  alg: SubmissionAlgorithm,
  signature: Uint8Array,
  input: Uint8Array,
): Promise<boolean> {
  if (nodeCrypto) {
    const options =
      alg === 'EdDSA'
        ? { key: keyObjectOf(key) }
        : { key: keyObjectOf(key), dsaEncoding: 'ieee-p1363' as const };
    return nodeCrypto.verify(NODE_HASH[alg], input, options, signature);
  }
  return getCrypto().subtle.verify(VERIFY_PARAMS[alg], key, signature, input);
}
