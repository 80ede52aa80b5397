// The second factor of the status lookup: one of the answers the procedure marks as identifying
// the applicant (`privacy.identifyingFields`, docs/procedure-format.md), never any phone or ID
// number found in the answers (a landlord's, a parent's). Stored as HMAC-SHA-256 under the
// server's look-up key, bound to the dossier code: a copy of the table neither reveals the
// numbers (9 to 12 digits fall to a brute force of a plain hash in seconds) nor links dossiers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeLookupSecret } from './engine.js';

const MAX_VALUES = 20;

/**
 * Normalises a phone number or personal ID as typed, the way the form normalises those answers
 * (the engine's `normalizeLookupSecret`, src/dossier/lookup-secret.ts): full-width digits folded,
 * spaces, dots, dashes and parentheses removed, and an international Vietnamese mobile (+84 /
 * 84 followed by 9 digits) made its national 0-form (VIETNAM.md §2.3). Returns '' when what is
 * left is not 9 to 12 digits (9: old CMND, 10: mobile, 12: personal ID).
 * @type {(raw: unknown) => string}
 */
export const normalizeSecret = normalizeLookupSecret;

/**
 * @param {Buffer} key the look-up key
 * @param {string} code the dossier code (a per-dossier salt)
 * @param {string} normalized
 */
export function secretHmac(key, code, normalized) {
  return createHmac('sha256', key).update(`dvc-status:${code}:${normalized}`).digest('hex');
}

/**
 * Constant-time test of `candidate` against each stored digest; every stored digest is
 * compared, so the time does not tell which one (or whether any) matched.
 * @param {string} candidate
 * @param {string[]} stored
 */
export function matchesAny(candidate, stored) {
  const a = Buffer.from(candidate, 'hex');
  let found = false;
  for (const s of stored) {
    const b = Buffer.from(s, 'hex');
    if (b.length === a.length && timingSafeEqual(a, b)) found = true;
  }
  return found;
}

/**
 * The values at a field path ("applicant.personalId", "guardians[].phone") of the answers.
 * @param {unknown} answers
 * @param {string} path
 * @returns {unknown[]}
 */
export function valuesAt(answers, path) {
  /** @type {unknown[]} */
  let current = [answers];
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]');
    const name = list ? segment.slice(0, -2) : segment;
    /** @type {unknown[]} */
    const next = [];
    for (const v of current) {
      if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
      const child = Object.hasOwn(v, name) ? /** @type {any} */ (v)[name] : undefined;
      if (list) {
        if (Array.isArray(child)) next.push(...child.slice(0, MAX_VALUES));
      } else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

/**
 * The normalised identifying answers of a submission: only the fields the procedure marks.
 * @param {any} procedure
 * @param {unknown} answers
 * @returns {string[]}
 */
export function identifyingValues(procedure, answers) {
  const fields = procedure?.privacy?.identifyingFields;
  if (!Array.isArray(fields)) return [];
  /** @type {Set<string>} */
  const out = new Set();
  for (const f of fields) {
    if (typeof f !== 'string') continue;
    for (const v of valuesAt(answers, f)) {
      const n = normalizeSecret(v);
      if (n) out.add(n);
    }
  }
  return [...out];
}
