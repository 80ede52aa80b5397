/**
 * Field paths (`child.birthDate`, `siblings[].fullName`) and the answers they point into.
 *
 * Answers are untrusted: every read goes through own properties only, so a path such as
 * `constructor` or `__proto__` never reaches Object.prototype.
 */
import type { FieldPath } from '../procedure/types.js';
import { pointerToDots, removeAll } from '../session/field-path.js';

/**
 * The segments of a path with item markers removed: `siblings[].fullName`, `siblings[2].fullName`,
 * `siblings.2.fullName` and the pointer `/siblings/2/fullName` all become `siblings`, `fullName`.
 * Rules decide per field, not per item, so an item index never narrows a dependency.
 */
export function pathSegments(path: string): string[] {
  const text = path.startsWith('/') ? pointerToDots(path) : path;
  const out: string[] = [];
  for (const raw of text.split('.')) {
    const seg = raw.replace(/\[\d*\]/g, '');
    if (seg === '' || /^\d+$/.test(seg)) continue;
    out.push(seg);
  }
  return out;
}

/** The canonical key of a path: its segments joined by dots. */
export function pathKey(path: string): string {
  // Asked for the same few paths on every evaluation (remembered, bounded: paths can also come
  // from answers a stranger sent).
  let key = keys.get(path);
  if (key === undefined) {
    key = pathSegments(path).join('.');
    if (keys.size >= 4096) keys.clear();
    keys.set(path, key);
  }
  return key;
}

const keys = new Map<string, string>();

/** True when one path is the other or lies inside it (segment-wise, in either direction). */
export function pathsOverlap(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  return short === '' || long === short || long.startsWith(short + '.');
}

/** True when `key` is `prefix` or lies inside it (both canonical keys). */
export function isWithin(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(prefix + '.');
}

function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The answer at `path`, or undefined when any part is absent. Inside a list the value is the list
 * of that property across the items (`siblings[].fullName` → every sibling's name), so rules
 * can ask `contains` about repeatable groups.
 */
export function readPath(answers: unknown, path: FieldPath): unknown {
  // The compiled rules and the fee read the same few paths for every evaluation: their segments
  // are parsed once (bounded like `pathKey`; the arrays are never handed out, so never mutated).
  let segs = segments.get(path);
  if (segs === undefined) {
    segs = pathSegments(path);
    if (segments.size >= 4096) segments.clear();
    segments.set(path, segs);
  }
  return readSegments(answers, segs, 0);
}

const segments = new Map<string, readonly string[]>();

function readSegments(value: unknown, segs: readonly string[], i: number): unknown {
  if (i === segs.length) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => readSegments(item, segs, i)).filter((v) => v !== undefined);
    return items;
  }
  return readSegments(own(value, segs[i]!), segs, i + 1);
}

/**
 * A copy of `answers` without the given paths (canonical keys). Only the objects on the way to a
 * removed value are copied; the caller's answers are never mutated.
 */
export function withoutPaths(
  answers: Record<string, unknown>,
  keys: Iterable<string>,
): Record<string, unknown> {
  return removeAll(answers, keys);
}

/**
 * Whether an answer counts as given: the one rule of src/session/field-path.ts, also used by the
 * form and the server. `isAnswered`, `isNotAnswered` and the "undecidable" test all use it.
 */
export { isAnswered as isAnsweredValue } from '../session/field-path.js';
