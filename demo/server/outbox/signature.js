// The receiver's signature on what it forwards: HMAC-SHA256 with FORWARD_SECRET over
// `<unix seconds>.<raw body>`, sent as
//
//   DVC-Signature: t=1733300000,v1=<64 hex digits>
//
// The target recomputes it over the exact bytes it received, compares in constant time, and
// refuses a `t` more than 5 minutes away from its clock (a captured request cannot be replayed
// later; a repeat within that time carries the same Idempotency-Key and is dropped as a repeat).
// How a target checks it, in any language: docs/scaling.md "Forwarding".
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'dvc-signature';

/**
 * @param {string} secret
 * @param {string} body
 * @param {number} unixSeconds
 */
export function signForward(secret, body, unixSeconds) {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a target does (exported for agencies whose one-stop system runs on Node).
 * @param {string} secret
 * @param {string | undefined} header
 * @param {string} body the raw request body
 * @param {{ nowSeconds?: number, toleranceSeconds?: number }} [options]
 */
export function verifyForward(secret, header, body, options = {}) {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
