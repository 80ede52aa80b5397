/**
 * The JWS pieces shared by signers and the verifier: the header conventions, the signing input
 * and RFC 7638 key thumbprints. No jose here, so a signing page does not ship a JOSE library.
 */
import { canonicalize } from '../jcs/canonicalize.js';
import { base64UrlEncode, getCrypto, type JsonWebKeyLike, utf8Encode } from '../platform.js';

/** `typ` of a submission JWS (RFC 7515 §4.1.9; the verifier requires it). */
export const SUBMISSION_JWS_TYPE = 'dvc-submission+jws';

/**
 * The only algorithms a submission may use. Asymmetric only: `none` and the HMAC family would
 * let anyone holding the (public) verification key forge submissions.
 */
export const ALLOWED_ALGORITHMS = ['ES256', 'ES384', 'EdDSA'] as const;
export type SubmissionAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

export function isAllowedAlgorithm(alg: unknown): alg is SubmissionAlgorithm {
  return typeof alg === 'string' && (ALLOWED_ALGORITHMS as readonly string[]).includes(alg);
}

/** Signature length in bytes per algorithm (ECDSA: R||S, RFC 7518 §3.4; Ed25519: RFC 8037). */
export const SIGNATURE_LENGTH: Record<SubmissionAlgorithm, number> = {
  ES256: 64,
  ES384: 96,
  EdDSA: 64,
};

/**
 * The encoded protected header: base64url of its RFC 8785 canonical JSON. Fixing the
 * serialisation lets a signer hand back the header as an object and still have the compact JWS
 * carry exactly the bytes it signed.
 */
export function encodeProtectedHeader(header: Record<string, unknown>): string {
  return base64UrlEncode(utf8Encode(canonicalize(header)));
}

/**
 * The JWS signing input (RFC 7515 §5.1 step 5): ASCII(BASE64URL(JCS(header)) '.' BASE64URL(payload)).
 * A `Signer` signs exactly these bytes.
 */
export function jwsSigningInput(
  header: Record<string, unknown>,
  payloadBytes: Uint8Array,
): Uint8Array {
  return utf8Encode(`${encodeProtectedHeader(header)}.${base64UrlEncode(payloadBytes)}`);
}

/** The public members of a JWK (drops `d`, `key_ops`, `ext`…), by key type. */
export function publicJwk(jwk: JsonWebKeyLike): JsonWebKeyLike {
  switch (jwk.kty) {
    case 'EC':
      return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
    case 'OKP':
      return { kty: 'OKP', crv: jwk.crv, x: jwk.x };
    case 'RSA':
      return { kty: 'RSA', n: jwk.n, e: jwk.e };
    default:
      throw new TypeError(`Unsupported JWK key type "${String(jwk.kty)}".`);
  }
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url): the hash of the required public members in
 * lexicographic order without whitespace — which is what JCS produces for these ASCII members.
 */
export async function jwkThumbprint(jwk: JsonWebKeyLike): Promise<string> {
  const members = publicJwk(jwk);
  for (const [name, value] of Object.entries(members))
    if (typeof value !== 'string' || value === '')
      throw new TypeError(`JWK member "${name}" is missing.`);
  const digest = await getCrypto().subtle.digest('SHA-256', utf8Encode(canonicalize(members)));
  return base64UrlEncode(new Uint8Array(digest));
}
