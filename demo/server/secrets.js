// The second factor of the status lookup: a phone number or personal ID number that appears in
// the dossier's answers. Only SHA-256 digests of the normalised values are stored.
import { createHash, timingSafeEqual } from 'node:crypto';

const SECRET_FORMATS = new Set(['vn-mobile', 'vn-personal-id']);
/** Answer keys treated as phone numbers or ID numbers even without a `format` in the schema. */
const SECRET_KEY = /(phone|mobile|dienthoai|personalid|idnumber|cccd|dinhdanh)/i;
const MAX_DEPTH = 32;

/**
 * Normalises a phone number or personal ID as typed: spaces, dots, dashes and parentheses go,
 * and an international Vietnamese mobile (+84 / 84 followed by 9 digits) becomes its national
 * 0-form (VIETNAM.md §2.3, the 2018 10-digit numbering). Returns '' when what is left is not
 * 9 to 12 digits (9: old CMND, 10: mobile, 12: personal ID — Law on Identification 2023 Art. 12).
 * @param {unknown} raw
 */
export function normalizeSecret(raw) {
  if (typeof raw !== 'string' || raw.length > 40) return '';
  let s = raw.replace(/[\s.\-()]/g, '');
  if (/^\+84\d{9}$/.test(s)) s = `0${s.slice(3)}`;
  else if (/^84\d{9}$/.test(s)) s = `0${s.slice(2)}`;
  return /^\d{9,12}$/.test(s) ? s : '';
}

/** @param {string} normalized */
export function secretDigest(normalized) {
  return createHash('sha256').update(`dvc-status:${normalized}`).digest('hex');
}

/**
 * Constant-time test of `candidate` (a digest) against each stored digest; every stored digest
 * is compared, so the time does not tell which one (or whether any) matched.
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
 * The digests of every phone number and personal ID in `answers`: values whose schema says
 * `format: vn-mobile` / `vn-personal-id`, plus values under keys that name a phone or ID.
 * @param {any} dataSchema The procedure's `data` schema.
 * @param {unknown} answers
 * @returns {string[]}
 */
export function secretDigestsFromAnswers(dataSchema, answers) {
  /** @type {Set<string>} */
  const out = new Set();
  const defs = dataSchema?.$defs ?? {};

  /** @param {any} schema */
  const resolve = (schema) => {
    for (let i = 0; i < 8 && schema && typeof schema.$ref === 'string'; i++) {
      const m = /^#\/\$defs\/([^/]+)$/.exec(schema.$ref);
      schema = m ? defs[m[1]] : undefined;
    }
    return schema && typeof schema === 'object' ? schema : undefined;
  };

  /**
   * @param {any} schema
   * @param {unknown} value
   * @param {string} key
   * @param {number} depth
   */
  const walk = (schema, value, key, depth) => {
    if (depth > MAX_DEPTH || value === null || value === undefined) return;
    schema = resolve(schema);
    if (typeof value === 'string') {
      const byFormat = schema && SECRET_FORMATS.has(schema.format);
      if (byFormat || SECRET_KEY.test(key)) {
        const n = normalizeSecret(value);
        if (n) out.add(secretDigest(n));
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(schema?.items, item, key, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        walk(schema?.properties?.[k], v, k, depth + 1);
      }
    }
  };
  walk(dataSchema, answers, '', 0);
  return [...out];
}
