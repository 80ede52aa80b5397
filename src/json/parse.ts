/**
 * A strict RFC 8259 JSON parser that remembers where every value came from.
 *
 * Why not `JSON.parse`: authors need the line and column of a mistake, duplicate keys must be
 * reported instead of silently keeping the last one (RFC 8259 §4 leaves them undefined, and a
 * signed payload with two `amount` members would be read differently by different servers), and
 * keys such as `__proto__` must never reach code that copies objects. Objects are built with
 * `Object.defineProperty`, so even an allowed `__proto__` member would be an own data property
 * rather than a prototype switch. Depth and size are bounded so hostile input cannot exhaust the
 * stack or memory. DOM-free and Node-free: used by the loader in browsers and by verify on servers.
 */
import type { Lang } from '../procedure/types.js';
import { EXPECTED, JSON_MESSAGES } from './messages.js';
import { escapeToken as escapePointerToken } from '../session/field-path.js';
import { codePointName, isUnseen } from './unseen.js';

/** 1-based line and column (UTF-16 code units, as editors count) plus the 0-based offset. */
export interface JsonPosition {
  line: number;
  column: number;
  offset: number;
}

/** Where a value sits; `key` is set for object members (the position of the key's quote). */
export interface JsonLocation {
  key?: JsonPosition;
  value: JsonPosition;
}

export const JSON_PROBLEM_CODE = {
  syntax: 'json-syntax',
  duplicateKey: 'duplicate-key',
  forbiddenKey: 'forbidden-key',
  tooDeep: 'too-deep',
  tooLarge: 'too-large',
  notUtf8: 'not-utf8',
} as const;
export type JsonProblemCode = (typeof JSON_PROBLEM_CODE)[keyof typeof JSON_PROBLEM_CODE];

export interface JsonProblem {
  code: JsonProblemCode;
  /**
   * JSON pointer of the offending member; for a syntax error, of the value being read when it
   * was found (the object itself when a key is broken), or of the member before a missing or
   * extra comma.
   */
  pointer: string;
  line: number;
  column: number;
  message: Record<Lang, string>;
}

export interface ParseOptions {
  /** Deepest nesting of arrays/objects accepted (default 128). */
  maxDepth?: number;
  /** Longest text accepted, in UTF-16 code units (default 10,000,000). */
  maxLength?: number;
  /** Record the JSON-pointer → position map (default true; verify may turn it off for speed). */
  positions?: boolean;
  /** Keys rejected anywhere (default `__proto__`, `constructor`, `prototype`). */
  forbiddenKeys?: readonly string[];
}

export type ParseResult =
  | {
      ok: true;
      value: unknown;
      positions: Map<string, JsonLocation>;
      problems: [];
    }
  | {
      ok: false;
      /** The value when the text was well-formed but broke a rule (duplicate/forbidden key). */
      value?: unknown;
      positions: Map<string, JsonLocation>;
      problems: JsonProblem[];
    };

export const DEFAULT_MAX_DEPTH = 128;
export const DEFAULT_MAX_LENGTH = 10_000_000;
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

// JSON pointers are written and read in one place (src/session/field-path.ts).
export { escapeToken as escapePointerToken, pointerTokens } from '../session/field-path.js';

class SyntaxProblem {
  constructor(
    readonly key: string,
    readonly offset: number,
    readonly params: Record<string, string | number> = {},
    readonly code: JsonProblemCode = JSON_PROBLEM_CODE.syntax,
  ) {}
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A character in a message: quoted, or named (`U+200B`) when nobody could see it quoted. */
function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || isUnseen(ch) ? codePointName(code) : `'${ch}'`;
}

function message(key: string, params: Record<string, string | number>): Record<Lang, string> {
  return { vi: JSON_MESSAGES.vi[key](params), en: JSON_MESSAGES.en[key](params) };
}

/**
 * Parses `text` as strict JSON. Never throws: syntax errors, duplicate or forbidden keys and
 * exceeded limits come back as problems with a pointer, line and column.
 */
export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const track = options.positions ?? true;
  const forbidden = new Set(options.forbiddenKeys ?? FORBIDDEN_KEYS);
  const positions = new Map<string, JsonLocation>();
  const problems: JsonProblem[] = [];

  // Line starts, filled lazily in order, so positions cost a binary search only when asked for.
  // A byte order mark is no column: editors do not show it, so line 1 starts after it.
  const lineStarts: number[] = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  let scannedTo = 0;
  let lastLine = 0;
  const position = (offset: number): JsonPosition => {
    if (offset > scannedTo) {
      for (let i = scannedTo; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 0x0a) lineStarts.push(i + 1);
      }
      scannedTo = offset;
    }
    // Offsets mostly increase while parsing: walk forward from the last line found, and fall back
    // to a binary search only for the rare look-back (error reporting).
    let lo: number;
    if (offset >= lineStarts[lastLine]) {
      lo = lastLine;
      while (lo + 1 < lineStarts.length && lineStarts[lo + 1] <= offset) lo++;
    } else {
      lo = 0;
      let hi = lastLine;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
    }
    lastLine = lo;
    return { line: lo + 1, column: Math.max(1, offset - lineStarts[lo] + 1), offset };
  };

  if (text.length > maxLength) {
    return {
      ok: false,
      positions,
      problems: [
        {
          code: JSON_PROBLEM_CODE.tooLarge,
          pointer: '',
          line: 1,
          column: 1,
          message: message('tooLarge', { size: text.length, max: maxLength }),
        },
      ],
    };
  }

  let i = 0;
  // RFC 8259 §8.1: parsers MAY ignore a byte order mark; editors on Windows still write one.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const n = text.length;

  const skipWs = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else if (c === 0x2f && (text[i + 1] === '/' || text[i + 1] === '*'))
        throw new SyntaxProblem('comment', i);
      else return;
    }
  };

  const unexpected = (expected: string): SyntaxProblem => {
    if (i >= n) return new SyntaxProblem('unexpectedEnd', i);
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (ch === "'") return new SyntaxProblem('singleQuote', i);
    // `"vi": "Đăng ký, "en": "…"`: the string closed on the next key's quote and the key's first
    // letter is reported. The author must look where the string opened, not at that letter.
    // A quote right after a string (`"x""b"`) is a missing comma, not a lost quote.
    const eol = text.indexOf('\n', i);
    if (i === stringEnd && ch !== '"' && text.slice(i, eol < 0 ? n : eol).includes('"'))
      return new SyntaxProblem('unterminatedString', stringStart);
    return new SyntaxProblem('unexpectedChar', i, { char: describeChar(ch), expected });
  };

  // Where the last string opened and ended: a string that ends right before an unexpected
  // character most likely lost its closing quote and ran on into the next key.
  let stringStart = -1;
  let stringEnd = -1;
  const parseString = (): string => {
    const start = (stringStart = i);
    i++; // opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) throw new SyntaxProblem('unterminatedString', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        stringEnd = ++i;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw new SyntaxProblem('badEscape', i, { escape: `\\u${hex}` });
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else {
          throw new SyntaxProblem('badEscape', i, { escape: `\\${e ?? ''}` });
        }
        chunk = i;
        continue;
      }
      if (c < 0x20) {
        if (c === 0x0a || c === 0x0d) throw new SyntaxProblem('unterminatedString', start);
        // A typed tab is written \t; any other is an invisible character pasted in: named, to delete.
        if (c === 0x09) throw new SyntaxProblem('tabChar', i);
        throw new SyntaxProblem('controlChar', i, { char: describeChar(text[i]) });
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const parseNumber = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-') throw new SyntaxProblem('badNumber', i);
    const end = i + m[0].length;
    const next = text[end];
    // "01", "1.", "1e", "-" or "1.5.2" are not numbers: reject instead of stopping early.
    if (next !== undefined && /[0-9.eE+-]/.test(next)) throw new SyntaxProblem('badNumber', i);
    i = end;
    return Number(m[0]);
  };

  const isWordChar = (c: number): boolean =>
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === 0x24;
  const literal = (word: string): boolean =>
    text.startsWith(word, i) && !isWordChar(text.charCodeAt(i + word.length));
  const parseLiteral = (): boolean | null => {
    if (literal('true')) {
      i += 4;
      return true;
    }
    if (literal('false')) {
      i += 5;
      return false;
    }
    if (literal('null')) {
      i += 4;
      return null;
    }
    if (isWordChar(text.charCodeAt(i)) && !/[0-9]/.test(text[i]))
      throw new SyntaxProblem('badLiteral', i);
    throw unexpected('value');
  };

  // `pointer` is the pointer of the value about to be read; depth counts open containers.
  const parseValue = (pointer: string, depth: number, key?: JsonPosition): unknown => {
    skipWs();
    if (track) positions.set(pointer, key ? { key, value: position(i) } : { value: position(i) });
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= maxDepth)
        throw new SyntaxProblem('tooDeep', i, { max: maxDepth }, JSON_PROBLEM_CODE.tooDeep);
      return c === 0x7b ? parseObject(pointer, depth + 1) : parseArray(pointer, depth + 1);
    }
    if (c === 0x22) return parseString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber();
    return parseLiteral();
  };

  // The path of the value being read: a syntax error belongs to it (the object whose key is broken,
  // not the member before it). Pointers are built from it only when a problem needs one.
  const stack: string[] = [];
  // The last comma read: a trailing comma is reported there, where the author must delete it.
  let comma = -1;
  const stackPointer = (): string =>
    stack.length === 0 ? '' : '/' + stack.map(escapePointerToken).join('/');

  const parseObject = (pointer: string, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    i++; // {
    skipWs();
    if (text.charCodeAt(i) === 0x7d) {
      i++;
      return obj;
    }
    for (;;) {
      skipWs();
      if (text.charCodeAt(i) !== 0x22) {
        if (text[i] === '}') throw new SyntaxProblem('trailingComma', comma, { close: '}' });
        throw unexpected('key');
      }
      const keyOffset = i;
      const k = parseString();
      const memberPointer = track ? `${pointer}/${escapePointerToken(k)}` : '';
      skipWs();
      if (text.charCodeAt(i) !== 0x3a) throw unexpected('colon');
      i++;
      const keyPos = track ? position(keyOffset) : undefined;
      stack.push(k);
      const value = parseValue(memberPointer, depth, keyPos);
      const duplicate = Object.prototype.hasOwnProperty.call(obj, k);
      if (duplicate || forbidden.has(k)) {
        const p = keyPos ?? position(keyOffset);
        problems.push({
          code: duplicate ? JSON_PROBLEM_CODE.duplicateKey : JSON_PROBLEM_CODE.forbiddenKey,
          pointer: track ? memberPointer : stackPointer(),
          line: p.line,
          column: p.column,
          message: message(duplicate ? 'duplicateKey' : 'forbiddenKey', { key: k }),
        });
      } else if (k === '__proto__') {
        // Only reached when the caller allows the key: define it as an own data property, since
        // assignment would call Object.prototype's __proto__ setter and switch the prototype.
        // Every other key is safe to assign: __proto__ is Object.prototype's only accessor.
        Object.defineProperty(obj, k, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else {
        obj[k] = value;
      }
      stack.pop();
      skipWs();
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        comma = i++;
        continue;
      }
      if (c === 0x7d) {
        i++;
        return obj;
      }
      throw unexpected('commaOrBrace');
    }
  };

  const parseArray = (pointer: string, depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++; // [
    skipWs();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipWs();
      if (text[i] === ']') throw new SyntaxProblem('trailingComma', comma, { close: ']' });
      stack.push(String(arr.length));
      arr.push(parseValue(track ? `${pointer}/${arr.length}` : '', depth));
      stack.pop();
      skipWs();
      if (text[i] === ',') {
        comma = i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      throw unexpected('commaOrBracket');
    }
  };

  // A missing or extra comma is about the member before it: the pointer of the innermost value
  // whose start precedes `offset`. Any other syntax error belongs to the value being read.
  const COMMA_EXPECTED = new Set(['commaOrBrace', 'commaOrBracket']);
  const syntaxPointer = (e: SyntaxProblem): string => {
    // A string that ran on into the next key belongs to the member whose value it opened.
    if (e.key === 'unterminatedString' && e.offset < stringEnd)
      for (const [p, loc] of positions) if (loc.value.offset === e.offset) return p;
    const aboutComma = e.key === 'trailingComma' || COMMA_EXPECTED.has(String(e.params.expected));
    if (!track || !aboutComma) return e.key === 'trailingData' ? '' : stackPointer();
    let best = '';
    let bestOffset = -1;
    for (const [p, loc] of positions) {
      const o = (loc.key ?? loc.value).offset;
      if (o <= e.offset && o >= bestOffset) {
        best = p;
        bestOffset = o;
      }
    }
    return best;
  };

  try {
    const value = parseValue('', 0);
    skipWs();
    if (i < n) throw new SyntaxProblem('trailingData', i);
    if (problems.length > 0) return { ok: false, value, positions, problems };
    return { ok: true, value, positions, problems: [] };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) {
      // A stack overflow despite the depth bound (tiny stacks): report, never throw.
      if (e instanceof RangeError) {
        problems.push({
          code: JSON_PROBLEM_CODE.tooDeep,
          pointer: '',
          line: 1,
          column: 1,
          message: message('tooDeep', { max: maxDepth }),
        });
        return { ok: false, positions, problems };
      }
      throw e;
    }
    const params = { ...e.params };
    if (typeof params.expected === 'string') {
      const key = params.expected;
      const p = position(e.offset);
      const pointer = syntaxPointer(e);
      problems.push({
        code: e.code,
        pointer,
        line: p.line,
        column: p.column,
        message: {
          vi: JSON_MESSAGES.vi[e.key]({ ...params, expected: EXPECTED.vi[key] ?? key }),
          en: JSON_MESSAGES.en[e.key]({ ...params, expected: EXPECTED.en[key] ?? key }),
        },
      });
    } else {
      const p = position(e.offset);
      problems.push({
        code: e.code,
        pointer: syntaxPointer(e),
        line: p.line,
        column: p.column,
        message: message(e.key, { ...params, line: p.line, column: p.column }),
      });
    }
    return { ok: false, positions, problems };
  }
}
