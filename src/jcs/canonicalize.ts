/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one exact byte string for a JSON value, so a
 * signature over those bytes can be checked by re-serialising the parsed value.
 *
 * - Numbers use the ECMAScript Number-to-String algorithm (RFC 8785 §3.2.2.3), which is exactly
 *   what `String(n)` implements: `1e+30`, `4.5`, `0.002`, `-0` → `0`.
 * - Strings escape only `"`, `\` and U+0000–U+001F, using `\b \t \n \f \r` where they exist and
 *   lower-case `\u00xx` otherwise (§3.2.2.2); everything else is written as is, no Unicode
 *   normalisation.
 * - Object members are sorted by their names as arrays of UTF-16 code units (§3.2.3), which is
 *   JavaScript's default string ordering — not locale order.
 *
 * Stricter than `JSON.stringify`, because silently changing data under a signature is worse than
 * refusing it: we throw a DvcError `invalid-argument` (with a JSON pointer to the value) for
 * non-finite numbers, `undefined` (also as an object member or array hole), functions, symbols,
 * BigInts, objects other than plain objects and arrays (Date, Map, class instances with `toJSON`,
 * typed arrays…), lone surrogates in strings or member names (RFC 8785 §3.2.2.2 requires an
 * error), cycles, and nesting deeper than `maxDepth` (default 64) containers — deep input would
 * otherwise end in a stack overflow. Symbol-keyed and non-enumerable properties are not JSON
 * members and are ignored.
 */
import { DvcError, ERROR_CODE } from '../errors.js';
import { utf8Encode } from '../platform.js';
import { escapeToken } from '../session/field-path.js';

export const JCS_MAX_DEPTH = 64;

export interface CanonicalizeOptions {
  /** Deepest allowed nesting of objects and arrays (the top-level container is depth 1). */
  maxDepth?: number;
}

/** The RFC 8785 canonical JSON text of `value`. Throws DvcError `invalid-argument`. */
export function canonicalize(value: unknown, options: CanonicalizeOptions = {}): string {
  const maxDepth = options.maxDepth ?? JCS_MAX_DEPTH;
  const ancestors = new Set<object>();
  // The tokens from the root to the value being written: the pointer of an error is built from
  // them only when there is one (building it for every member cost more than writing the text).
  const path: (string | number)[] = [];
  let out = '';
  write(value, 0);
  return out;

  function fail(reason: string): never {
    return failAt(path.map((t) => `/${escapePointer(String(t))}`).join(''), reason);
  }

  function write(v: unknown, depth: number): void {
    switch (typeof v) {
      case 'string':
        out += quote(v, fail);
        return;
      case 'number':
        if (!Number.isFinite(v)) fail(`${String(v)} is not a JSON number`);
        out += String(v);
        return;
      case 'boolean':
        out += v ? 'true' : 'false';
        return;
      case 'object':
        break;
      default:
        fail(`a ${typeof v} is not a JSON value`);
    }
    if (v === null) {
      out += 'null';
      return;
    }
    if (depth + 1 > maxDepth) fail(`nesting is deeper than ${maxDepth}`);
    if (ancestors.has(v)) fail('the value contains a cycle');
    ancestors.add(v);
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        path.push(i);
        // `in` catches holes of sparse arrays, which JSON.stringify would turn into null.
        if (!(i in v)) fail('undefined is not a JSON value');
        write(v[i], depth + 1);
        path.pop();
      }
      out += ']';
    } else {
      // The tag test works across realms (iframes, vm contexts), unlike a prototype comparison.
      const record = v as Record<string, unknown>;
      if (
        Object.prototype.toString.call(v) !== '[object Object]' ||
        typeof record['toJSON'] === 'function'
      )
        fail('only plain objects and arrays can be canonicalised');
      const keys = Object.keys(record).sort();
      out += '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        path.push(key);
        if (i > 0) out += ',';
        out += quote(key, fail);
        out += ':';
        write(record[key], depth + 1);
        path.pop();
      }
      out += '}';
    }
    ancestors.delete(v);
  }
}

/** The canonical form as UTF-8 bytes: what gets signed. */
export function canonicalizeToBytes(value: unknown, options?: CanonicalizeOptions): Uint8Array {
  return utf8Encode(canonicalize(value, options));
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/g;
/** Half of a UTF-16 pair standing alone: no character, so no text (RFC 8785 §3.2.2.2). */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Anything `quote` must look at more closely: an escape or a surrogate (paired or lone). */
// eslint-disable-next-line no-control-regex
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string, fail: (reason: string) => never): string {
  // Most strings (names, dates, codes, Vietnamese text) have nothing to escape and no surrogate.
  if (!SPECIAL.test(text)) return `"${text}"`;
  if (LONE_SURROGATE.test(text)) fail('the string contains a lone surrogate');
  const escaped = text.replace(
    NEEDS_ESCAPE,
    (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

const escapePointer = escapeToken;

function failAt(pointer: string, reason: string): never {
  throw new DvcError(
    ERROR_CODE.invalidArgument,
    `Cannot canonicalise JSON at ${pointer === '' ? 'the root' : `"${pointer}"`}: ${reason}.`,
  );
}
