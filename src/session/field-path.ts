/**
 * Field paths and JSON pointers into the applicant's answers: the one place that reads, writes and
 * removes answers, escapes pointers (RFC 6901) and decides whether a question is answered.
 *
 * A field path is written with dots (`child.birthDate`); `[]` marks every item of a list
 * (`siblings[].fullName`) and `[2]` or `.2` one item. A JSON pointer (`/siblings/2/fullName`)
 * names one value. Answers are untrusted: every read goes through own properties only and every
 * write refuses `__proto__`, `prototype` and `constructor`, so no path reaches Object.prototype.
 */
import type { FieldPath } from '../procedure/types.js';

export type { FieldPath };

/** `[]` in a parsed path: every item of the list at that point. */
export const EVERY_ITEM = '[]';

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.prototype.hasOwnProperty.call(value, key)
    ? value[key]
    : undefined;
}

/** Sets an own data property, also for a key such as `__proto__` met in parsed data. */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // Assignment is the fast path (the answers are copied on every change and every verified
  // payload); only `__proto__` must not be assigned, since that would call Object.prototype's
  // setter and switch the prototype. It is Object.prototype's only accessor, so every other key
  // becomes an own data property either way (src/json/parse.ts does the same).
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

// ---- JSON pointers -----------------------------------------------------------------------

/** One reference token of a JSON pointer: `~` → `~0`, `/` → `~1` (RFC 6901 §3). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The inverse of {@link escapeToken}; `~1` is undone before `~0` as RFC 6901 §4 requires. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `['siblings', 0, 'full/name']` → `/siblings/0/full~1name`; `[]` → `` (the whole document). */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(String(t))}`).join('');
}

/** `/siblings/0/full~1name` → `['siblings', '0', 'full/name']`; `` → `[]`. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** A pointer one token deeper. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(String(token))}`;
}

/**
 * `/siblings/0/fullName` → `siblings[].fullName`: the field a pointer falls in, list indexes
 * becoming `[]` (problems are placed at fields, not at one item's index).
 */
export function pointerToFieldPath(pointer: string): FieldPath {
  let path = '';
  for (const token of pointerTokens(pointer)) {
    if (/^(?:0|[1-9]\d*)$/.test(token) && path) path += EVERY_ITEM;
    else path += (path ? '.' : '') + token;
  }
  return path;
}

/** `/child/birthDate` → `child.birthDate`: a pointer as a dotted path, indexes kept as segments. */
export function pointerToDots(pointer: string): string {
  return pointerTokens(pointer).join('.');
}

// ---- field paths -------------------------------------------------------------------------

/**
 * `siblings[].fullName` → `['siblings', '[]', 'fullName']`; `siblings[2].x` and `siblings.2.x`
 * → `['siblings', '2', 'x']`; a pointer is accepted too. Empty segments are dropped.
 */
export function parseFieldPath(path: string): string[] {
  if (path.startsWith('/')) return pointerTokens(path);
  const out: string[] = [];
  for (const piece of path.split('.')) {
    const m = /^([^[]*)((?:\[\d*\])*)$/.exec(piece);
    const name = m ? m[1]! : piece;
    if (name !== '') out.push(name);
    if (m && m[2])
      for (const [, index] of m[2].matchAll(/\[(\d*)\]/g)) out.push(index || EVERY_ITEM);
  }
  return out;
}

/** Entries `pathKey` remembers before it starts again (a procedure has a few hundred paths). */
export const PATH_KEY_MEMO_SIZE = 4096;
const pathKeys = new Map<string, string>();

/**
 * The canonical key of a path: its names joined by dots, item markers and indexes removed
 * (`siblings[2].fullName`, `/siblings/2/fullName` → `siblings.fullName`). Rules decide per field,
 * not per item, so an index never narrows a dependency.
 */
export function pathKey(path: string): string {
  let key = pathKeys.get(path);
  if (key === undefined) {
    key = parseFieldPath(path)
      .filter((s) => s !== EVERY_ITEM && !/^\d+$/.test(s))
      .join('.');
    // Rules and sessions ask for the keys of the same few field paths on every evaluation; the
    // memo is bounded because paths can also come from answers a stranger sent.
    if (pathKeys.size >= PATH_KEY_MEMO_SIZE) pathKeys.clear();
    pathKeys.set(path, key);
  }
  return key;
}

/** How many paths `pathKey` remembers now (tests: the memo stays bounded). */
export function pathKeyMemoSize(): number {
  return pathKeys.size;
}

/** Whether `inner` is `outer` or lies inside it (`child.birthDate` is within `child`). */
export function isWithinPath(inner: string, outer: string): boolean {
  return (
    outer === '' ||
    inner === outer ||
    inner.startsWith(`${outer}.`) ||
    inner.startsWith(`${outer}[`)
  );
}

// ---- reading and writing -----------------------------------------------------------------

/**
 * The answer at `path`, or undefined when any part is absent. Through `[]` the value is the list
 * of that member across the items (`siblings[].fullName` → every sibling's name, absent ones
 * left out), so rules can ask `contains` about repeatable groups.
 */
export function getAt(answers: unknown, path: string): unknown {
  return read(answers, segmentsOf(path), 0);
}

/**
 * `parseFieldPath` remembered for the readers and `removeAt` (the settling rounds and
 * validation ask for the same few paths per check; bounded, as paths can come from a stranger's
 * answers). The arrays stay inside this module, read only.
 */
const parsed = new Map<string, readonly string[]>();
function segmentsOf(path: string): readonly string[] {
  let segs = parsed.get(path);
  if (segs === undefined) {
    segs = parseFieldPath(path);
    if (parsed.size >= PATH_KEY_MEMO_SIZE) parsed.clear();
    parsed.set(path, segs);
  }
  return segs;
}

function read(value: unknown, segs: readonly string[], i: number): unknown {
  if (i === segs.length) return value;
  const seg = segs[i]!;
  if (Array.isArray(value)) {
    if (seg === EVERY_ITEM) return mapItems(value, segs, i + 1);
    if (/^\d+$/.test(seg)) return read(value[Number(seg)], segs, i + 1);
    // A name after a list without `[]` (`siblings.fullName`): every item's member.
    return mapItems(value, segs, i);
  }
  if (seg === EVERY_ITEM) return undefined;
  return read(own(value, seg), segs, i + 1);
}

function mapItems(items: readonly unknown[], segs: readonly string[], i: number): unknown[] {
  return items.map((item) => read(item, segs, i)).filter((v) => v !== undefined);
}

/**
 * A copy of `answers` with `path` set to `value`, or with it removed when the value is not an
 * answer ({@link isAnswered}): an emptied field is unanswered for `required` and for the rules.
 * Only the objects on the way are copied; `answers` is never changed. Paths through `[]` or
 * through a forbidden key leave the answers as they are.
 */
export function setAt(
  answers: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  // A malformed path (`a..b`, a leading or trailing dot) names nothing: refuse it whole.
  if (!path.startsWith('/') && path.split('.').some((p) => p === '')) return answers;
  const segs = parseFieldPath(path);
  if (segs.length === 0 || segs.some((s) => s === EVERY_ITEM || FORBIDDEN.has(s))) return answers;
  if (!isAnswered(value)) return removeAt(answers, path);
  return write(answers, segs, 0, value) as Record<string, unknown>;
}

function write(node: unknown, segs: readonly string[], i: number, value: unknown): unknown {
  const seg = segs[i]!;
  const last = i === segs.length - 1;
  if (Array.isArray(node) && /^\d+$/.test(seg)) {
    const copy = [...node];
    const index = Number(seg);
    copy[index] = last ? value : write(copy[index], segs, i + 1, value);
    for (let k = 0; k < copy.length; k++) if (copy[k] === undefined) copy[k] = {};
    return copy;
  }
  const copy: Record<string, unknown> = {};
  if (isRecord(node)) for (const key of Object.keys(node)) define(copy, key, node[key]);
  define(copy, seg, last ? value : write(own(node, seg), segs, i + 1, value));
  return copy;
}

/**
 * A copy of `answers` without the value at `path`; through `[]` the member goes from every item.
 * Only the objects on the way are copied; returns `answers` itself when nothing was there.
 */
export function removeAt<T>(answers: T, path: string): T {
  const segs = segmentsOf(path);
  if (segs.length === 0) return answers;
  return drop(answers, segs, 0) as T;
}

function drop(node: unknown, segs: readonly string[], i: number): unknown {
  const seg = segs[i]!;
  const last = i === segs.length - 1;
  if (Array.isArray(node)) {
    if (/^\d+$/.test(seg)) {
      const index = Number(seg);
      if (index >= node.length) return node;
      if (last) return node.filter((_, k) => k !== index);
      const inner = drop(node[index], segs, i + 1);
      if (inner === node[index]) return node;
      const copy = [...node];
      copy[index] = inner;
      return copy;
    }
    // `[]`, or a name after a list: the member of every item.
    const from = seg === EVERY_ITEM ? i + 1 : i;
    if (from === segs.length) return node;
    let changed = false;
    const next = node.map((item) => {
      const r = drop(item, segs, from);
      if (r !== item) changed = true;
      return r;
    });
    return changed ? next : node;
  }
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, seg)) return node;
  // Nothing below changed: no copy (the settling rounds remove paths that are mostly absent).
  const inner = last ? undefined : drop(node[seg], segs, i + 1);
  if (!last && inner === node[seg]) return node;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) if (key !== seg || !last) define(copy, key, node[key]);
  if (last) return copy;
  define(copy, seg, inner);
  return copy;
}

/** A copy of `answers` without every path in `paths` (see {@link removeAt}). */
export function removeAll<T>(answers: T, paths: Iterable<string>): T {
  let out = answers;
  for (const path of paths) out = removeAt(out, path);
  return out;
}

/**
 * JSON pointers of every answer stored at `path` (one per item through `[]`), in document order.
 * A member counts as present whatever its value, `null` and `""` included: a server uses this
 * to find answers a modified client sent for a hidden field.
 */
export function pointersAt(answers: unknown, path: string): string[] {
  const found: string[] = [];
  const segs = parseFieldPath(path);
  const walk = (node: unknown, i: number, pointer: string): void => {
    const seg = segs[i];
    if (seg === undefined) return;
    if (seg === EVERY_ITEM) {
      if (Array.isArray(node))
        node.forEach((item, k) => walk(item, i + 1, childPointer(pointer, k)));
      return;
    }
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, seg)) return;
    const here = childPointer(pointer, seg);
    if (i === segs.length - 1) found.push(here);
    else walk(node[seg], i + 1, here);
  };
  walk(answers, 0, '');
  return found;
}

// ---- the one "is answered" rule ------------------------------------------------------------

/**
 * Whether a value counts as an answer. The form (removing an emptied field), the rules
 * (`isAnswered`, `isNotAnswered`, "cannot decide yet"), the review page and the server all use
 * this one rule:
 *
 * - `undefined` and `null` are not answers;
 * - a string is an answer when something is left after trimming: whitespace alone is not,
 *   because normalisation trims it to `""` and drops it, so the server would never see it;
 * - a list is an answer when it has an item (an empty row of a repeat group is still a row the
 *   applicant added, and validation speaks about it);
 * - an object is an answer when one of its members is: an address with every part blank is
 *   no address, whatever structure the widget keeps;
 * - every number (0 included) and boolean (`false` included) is an answer.
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).some(isAnswered);
  return true;
}
