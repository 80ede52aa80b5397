/**
 * Canonical (low-S) ECDSA signatures. For every ECDSA signature (r, s) the pair (r, n − s) is
 * also valid for the same key and message (SEC 1 v2 §4.1.4), so one payload would have two valid
 * JWS strings: a receiver that deduplicates by JWS bytes could be fooled, and a signed record
 * would not be unique. Signers normalise to s ≤ n/2 (as Bitcoin BIP 62 and Ethereum EIP-2 do) and
 * the verifier refuses the other half. Ed25519 has a unique encoding already (RFC 8032 §5.1.7).
 */
import type { SubmissionAlgorithm } from './jws.js';

/** Group orders n of the curves (FIPS 186-5 / SEC 2: P-256, P-384). */
const ORDER: Partial<Record<SubmissionAlgorithm, bigint>> = {
  ES256: BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
  ES384: BigInt(
    '0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
  ),
};

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function toBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Whether `signature` (JWS form: r ‖ s) is in low-S form; always true for EdDSA. */
export function isLowS(alg: SubmissionAlgorithm, signature: Uint8Array): boolean {
  const n = ORDER[alg];
  if (n === undefined) return true;
  const half = signature.length / 2;
  return toBigInt(signature.subarray(half)) <= n >> 1n;
}

/** The low-S twin of an ECDSA signature (itself when already low); EdDSA unchanged. */
export function toLowS(alg: SubmissionAlgorithm, signature: Uint8Array): Uint8Array {
  const n = ORDER[alg];
  if (n === undefined || isLowS(alg, signature)) return signature;
  const half = signature.length / 2;
  const out = new Uint8Array(signature);
  out.set(toBytes(n - toBigInt(signature.subarray(half)), half), half);
  return out;
}
