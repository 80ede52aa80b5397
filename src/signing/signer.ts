/**
 * Signing a submission payload. A `Signer` receives the payload bytes (its RFC 8785 canonical
 * JSON, UTF-8) and returns the protected header it chose, the algorithm and the signature over
 * `jwsSigningInput(protectedHeader, bytes)`. That one rule lets very different signers plug in:
 * a WebCrypto key in the browser (below), a remote signing service or HSM (build the header,
 * send the signing input, return the raw signature), or a certificate-based signer that puts an
 * `x5c` chain in its header.
 */
import { toLowS } from './low-s.js';
import { SigningError } from '../errors.js';
import { canonicalizeToBytes } from '../jcs/canonicalize.js';
import {
  base64UrlEncode,
  getCrypto,
  type JsonWebKeyLike,
  type PlatformCryptoKey,
  type PlatformCryptoKeyPair,
} from '../platform.js';
import type { SubmissionPayload } from '../submission/payload.js';
import type { SupplementPayload } from '../supplement/payload.js';
import {
  encodeProtectedHeader,
  isAllowedAlgorithm,
  jwkThumbprint,
  jwsSigningInput,
  publicJwk,
  SIGNATURE_LENGTH,
  SUBMISSION_JWS_TYPE,
  type SubmissionAlgorithm,
} from './jws.js';

export interface SignResult {
  alg: string;
  /** Raw JWS signature bytes (for ECDSA: R||S, not DER). */
  signature: Uint8Array;
  /** The protected header, including `alg` and `typ`; encoded with `encodeProtectedHeader`. */
  protectedHeader: Record<string, unknown>;
}

export interface Signer {
  /** Signs the payload bytes: the signature covers `jwsSigningInput(protectedHeader, bytes)`. */
  sign(bytes: Uint8Array): Promise<SignResult>;
}

/** A signer backed by a WebCrypto key pair, with what a UI may want to show or store. */
export interface WebCryptoSigner extends Signer {
  readonly alg: SubmissionAlgorithm;
  /** The public key as embedded in the header (`jwk`). */
  readonly publicJwk: JsonWebKeyLike;
  /** RFC 7638 thumbprint of the public key; the header's `kid`. */
  readonly kid: string;
}

interface AlgorithmInfo {
  alg: SubmissionAlgorithm;
  params: { name: string; [p: string]: unknown };
}

function algorithmOf(key: PlatformCryptoKey): AlgorithmInfo {
  const { name, namedCurve } = key.algorithm;
  if (name === 'ECDSA' && namedCurve === 'P-256')
    return { alg: 'ES256', params: { name: 'ECDSA', hash: 'SHA-256' } };
  if (name === 'ECDSA' && namedCurve === 'P-384')
    return { alg: 'ES384', params: { name: 'ECDSA', hash: 'SHA-384' } };
  if (name === 'Ed25519') return { alg: 'EdDSA', params: { name: 'Ed25519' } };
  throw new SigningError(
    `Unsupported signing key ${name}${namedCurve ? ` ${namedCurve}` : ''}: use ECDSA P-256 (ES256), ECDSA P-384 (ES384) or Ed25519 (EdDSA).`,
  );
}

/**
 * A signer for a WebCrypto key pair (the private key may be, and should be, non-extractable; the
 * public key is always exportable). The header embeds the public key as `jwk` with its RFC 7638
 * thumbprint as `kid`, so the server can check it against the keys it trusts.
 */
export async function createWebCryptoSigner(
  keyPair: PlatformCryptoKeyPair,
): Promise<WebCryptoSigner> {
  const { alg, params } = algorithmOf(keyPair.privateKey);
  const crypto = getCrypto();
  let jwk: JsonWebKeyLike;
  try {
    jwk = publicJwk(await crypto.subtle.exportKey('jwk', keyPair.publicKey));
  } catch (cause) {
    throw new SigningError('The public key of the signing key pair cannot be exported.', { cause });
  }
  const kid = await jwkThumbprint(jwk);
  const header = { alg, typ: SUBMISSION_JWS_TYPE, jwk, kid };
  return {
    alg,
    publicJwk: jwk,
    kid,
    async sign(bytes) {
      const input = jwsSigningInput(header, bytes);
      let signature: ArrayBuffer;
      try {
        signature = await crypto.subtle.sign(params, keyPair.privateKey, input);
      } catch (cause) {
        throw new SigningError('The browser could not sign the submission with this key.', {
          cause,
        });
      }
      return { alg, signature: new Uint8Array(signature), protectedHeader: { ...header } };
    },
  };
}

/**
 * A new ES256 key pair whose private key cannot be exported (it can still be stored in
 * IndexedDB as a CryptoKey and used to sign later).
 */
export async function generateSigningKey(): Promise<PlatformCryptoKeyPair> {
  return (await getCrypto().subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as PlatformCryptoKeyPair;
}

/**
 * A key pair from a private JWK (e.g. `private.jwk.json` written by `dvc-forms keygen`), for a
 * server-side or assisted-digital signer.
 */
export async function importSigningKeyPair(
  privateJwk: JsonWebKeyLike,
  options: { extractable?: boolean } = {},
): Promise<PlatformCryptoKeyPair> {
  const subtle = getCrypto().subtle;
  const params =
    privateJwk.kty === 'OKP'
      ? { name: 'Ed25519' }
      : { name: 'ECDSA', namedCurve: String(privateJwk.crv) };
  const { d, kty, crv, x, y } = privateJwk;
  if (typeof d !== 'string') throw new SigningError('The JWK has no private key ("d").');
  const priv = kty === 'OKP' ? { kty, crv, x, d } : { kty, crv, x, y, d };
  try {
    return {
      privateKey: await subtle.importKey('jwk', priv, params, options.extractable ?? false, [
        'sign',
      ]),
      publicKey: await subtle.importKey('jwk', publicJwk(privateJwk), params, true, ['verify']),
    };
  } catch (cause) {
    throw new SigningError('The JWK is not a valid ES256, ES384 or EdDSA private key.', {
      cause,
    });
  }
}

/**
 * Signs a payload: the JWS payload is exactly its RFC 8785 canonical JSON (UTF-8). Returns the
 * compact serialisation `header.payload.signature`. When the header embeds a `jwk`, the
 * signature is checked against it before returning, so a signer that deviates from the
 * signing-input rule fails here rather than on the agency's server.
 */
export async function signPayload(
  payload: SubmissionPayload | SupplementPayload,
  signer: Signer,
): Promise<string> {
  const bytes = canonicalizeToBytes(payload);
  const { alg, signature: raw, protectedHeader } = await signer.sign(bytes);
  if (protectedHeader['alg'] !== alg)
    throw new SigningError(
      `The signer's header says alg "${String(protectedHeader['alg'])}" but it signed with "${alg}".`,
    );
  if (!isAllowedAlgorithm(alg))
    throw new SigningError(
      `Algorithm "${alg}" is not allowed for submissions (ES256, ES384, EdDSA).`,
    );
  if (protectedHeader['typ'] !== SUBMISSION_JWS_TYPE)
    throw new SigningError(`The protected header must have typ "${SUBMISSION_JWS_TYPE}".`);
  if (raw.length !== SIGNATURE_LENGTH[alg])
    throw new SigningError(
      `A ${alg} signature is ${SIGNATURE_LENGTH[alg]} bytes, the signer returned ${raw.length} (DER-encoded?).`,
    );
  // WebCrypto returns either of the two valid ECDSA signatures; receivers accept only low-S.
  const signature = toLowS(alg, raw);
  const jwk = protectedHeader['jwk'] as JsonWebKeyLike | undefined;
  if (jwk) await selfCheck(alg, jwk, signature, jwsSigningInput(protectedHeader, bytes));
  return `${encodeProtectedHeader(protectedHeader)}.${base64UrlEncode(bytes)}.${base64UrlEncode(signature)}`;
}

async function selfCheck(
  alg: SubmissionAlgorithm,
  jwk: JsonWebKeyLike,
  signature: Uint8Array,
  input: Uint8Array,
): Promise<void> {
  const subtle = getCrypto().subtle;
  const params =
    alg === 'EdDSA'
      ? { name: 'Ed25519' }
      : { name: 'ECDSA', namedCurve: alg === 'ES256' ? 'P-256' : 'P-384' };
  const verifyParams =
    alg === 'EdDSA'
      ? { name: 'Ed25519' }
      : { name: 'ECDSA', hash: alg === 'ES256' ? 'SHA-256' : 'SHA-384' };
  let ok = false;
  try {
    const key = await subtle.importKey('jwk', publicJwk(jwk), params, false, ['verify']);
    ok = await subtle.verify(verifyParams, key, signature, input);
  } catch (cause) {
    throw new SigningError("The public key in the signer's header is not usable.", { cause });
  }
  if (!ok)
    throw new SigningError(
      'The signature does not verify with the key in the header: the signer must sign jwsSigningInput(protectedHeader, bytes).',
    );
}
