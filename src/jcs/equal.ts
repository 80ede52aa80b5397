/**
 * `canonicalEqual(a, b)`: whether two JSON values have the same RFC 8785 canonical text, without
 * writing either text. Verify compares the answers it normalised with the payload's, and the fee
 * it computed with the payload's, for every submission; serialising both sides only to compare
 * the strings was most of that cost.
 *
 * It answers exactly `canonicalize(a) === canonicalize(b)`: anything the walk is not sure about —
 * a number that is not finite, an object that is not a plain one, an array hole, a string with a
 * surrogate (lone ones make `canonicalize` throw), nesting deeper than `canonicalize` allows —
 * is decided by `canonicalize` itself, which also throws what it throws. Values that differ
 * before such a part is reached are "not equal" without looking further: callers compare values
 * that canonicalise (a payload that passed the canonical check, and values computed from it).
 */
import { canonicalize, JCS_MAX_DEPTH } from './canonicalize.js';

const UNSURE = 2;
type Outcome = boolean | typeof UNSURE;

const SURROGATE = /[\ud800-\udfff]/;

/** `canonicalize(a) === canonicalize(b)`, computed by walking both values once. */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  const outcome = equal(a, b, 0);
  return outcome === UNSURE ? canonicalize(a) === canonicalize(b) : outcome;
}

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'unsure';

/** The JSON kind of a value, or `unsure` where canonicalize might refuse it. */
function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'string':
      return SURROGATE.test(v) ? 'unsure' : 'string';
    case 'number':
      return Number.isFinite(v) ? 'number' : 'unsure';
    case 'boolean':
      return 'boolean';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return 'array';
      // The same test as canonicalize: the tag (works across realms), and no `toJSON`.
      return Object.prototype.toString.call(v) === '[object Object]' &&
        typeof (v as Record<string, unknown>)['toJSON'] !== 'function'
        ? 'object'
        : 'unsure';
    default:
      return 'unsure';
  }
}

function equal(a: unknown, b: unknown, depth: number): Outcome {
  const kind = kindOf(a);
  const other = kindOf(b);
  if (kind === 'unsure' || other === 'unsure') return UNSURE;
  // Different kinds start their texts differently (`"`, a digit or `-`, `t`/`f`, `n`, `[`, `{`).
  if (kind !== other) return false;
  switch (kind) {
    case 'string':
    case 'boolean':
    case 'null':
      return a === b;
    case 'number':
      // Finite numbers have equal shortest round-trip texts exactly when they are equal (0, -0).
      return a === b;
    default:
      break;
  }
  // Containers: as deep as canonicalize allows, and never the same object twice on one path
  // (a cycle): both are canonicalize's to refuse.
  if (depth + 1 > JCS_MAX_DEPTH || a === b) return UNSURE;
  if (kind === 'array') {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (!(i in x) || !(i in y)) return UNSURE;
      const r = equal(x[i], y[i], depth + 1);
      if (r !== true) return r;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (SURROGATE.test(key)) return UNSURE;
    if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
    const r = equal(x[key], y[key], depth + 1);
    if (r !== true) return r;
  }
  return true;
}
