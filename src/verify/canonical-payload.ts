/**
 * Step 5's common case without the strict parser: a payload whose text is exactly the RFC 8785
 * form of what `JSON.parse` reads from it. The strict parser (src/json/parse.ts) and `canonicalize`
 * are JavaScript that reads and writes every character; the engine's own `JSON.parse` and
 * `JSON.stringify` do the same work natively, several times faster.
 *
 * Never less strict than `parseJson` followed by the canonical check: a value is returned only when
 * `JSON.stringify(JSON.parse(text)) === text` and every object's keys are in RFC 8785's order, so
 * the text is exactly what `canonicalize` writes for that value:
 * - the text is the serialiser's own output, so it has no duplicate member (each own key is written
 *   once; a text with one has more members than the object `JSON.parse` kept, so it cannot be
 *   equal), no whitespace, BOM or comment, and numbers written the way `Number` reads them (the
 *   same shortest form RFC 8785 §3.2.2.3 and `canonicalize` use);
 * - `JSON.stringify` escapes strings as `canonicalize` does (`\"`, `\\`, `\b \f \n \r \t`, other
 *   controls as lower-case `\u00xx`, nothing else) except lone surrogates, which it writes as
 *   `\udxxx` and `canonicalize` refuses: a text containing `\ud` takes the strict path;
 * - keys are checked in sorted order (UTF-16 code units) in every object, and containers at most
 *   `maxDepth` deep, the strict parse's bound;
 * - no forbidden key: in canonical text a key is written as itself between quotes, so a text
 *   without `"__proto__"`, `"constructor"` and `"prototype"` has no such key (a string value that
 *   happens to read so only sends the payload down the strict path);
 * - no longer than the strict parser's limit.
 * Anything else gives undefined, and the caller runs the strict parse and the canonical check,
 * which decide every refusal and its code exactly as before.
 */
import { DEFAULT_MAX_LENGTH, FORBIDDEN_KEYS } from '../json/parse.js';

const NEEDLES = [...FORBIDDEN_KEYS.map((k) => `"${k}"`), '\\ud'];

/**
 * The value of `text` when it is exactly canonical JSON, nested at most `maxDepth` deep (the strict
 * parse's bound), without forbidden keys; else undefined.
 */
export function readCanonical(text: string, maxDepth: number): unknown {
  if (text.length > DEFAULT_MAX_LENGTH) return undefined;
  for (const needle of NEEDLES) if (text.includes(needle)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return sortedWithin(value, maxDepth) && JSON.stringify(value) === text ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every object's keys in strictly increasing UTF-16 order, containers at most `depth` deep. */
function sortedWithin(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth === 0) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!sortedWithin(item, depth - 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const key in record) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!sortedWithin(record[key], depth - 1)) return false;
  }
  return true;
}
