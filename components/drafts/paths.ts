/**
 * Answers as leaves: `{ applicant: { fullName: 'An' } }` ↔ `applicant.fullName → 'An'`. Arrays
 * (repeat groups, checkbox groups, files) are leaves: an item has no stable identity to merge on.
 * Used to save only what this tab changed, so two tabs writing the same draft do not clobber
 * each other's other answers.
 */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Blob);
}

/** Every leaf of `obj` by dot path. Keys containing a dot are not produced by the form. */
export function flatten(obj: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (!isPlainObject(obj)) {
    if (prefix) out.set(prefix, obj);
    return out;
  }
  for (const [k, v] of Object.entries(obj)) {
    if (FORBIDDEN.has(k)) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Answers are JSON data: comparing their JSON is exact enough and cheap at form sizes.
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Paths whose leaf differs between `before` and `after` (added, changed or removed). */
export function changedPaths(before: unknown, after: unknown): string[] {
  const a = flatten(before);
  const b = flatten(after);
  const out: string[] = [];
  for (const [k, v] of b) if (!a.has(k) || !same(a.get(k), v)) out.push(k);
  for (const k of a.keys()) if (!b.has(k)) out.push(k);
  return out;
}

export function getLeaf(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/**
 * Copies `source`'s leaf at each path into a copy of `target` (deleting it where `source` has
 * none), dropping objects left empty.
 */
export function patch(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  paths: Iterable<string>,
): Record<string, unknown> {
  const out = structuredClone(target);
  for (const path of paths) {
    const keys = path.split('.');
    if (keys.some((k) => FORBIDDEN.has(k) || k === '')) continue;
    const value = getLeaf(source, path);
    const chain: Record<string, unknown>[] = [out];
    let cur = out;
    for (const key of keys.slice(0, -1)) {
      const next = cur[key];
      if (!isPlainObject(next)) {
        if (value === undefined) break;
        cur[key] = {};
      }
      cur = cur[key] as Record<string, unknown>;
      chain.push(cur);
    }
    if (chain.length !== keys.length) continue;
    const last = keys[keys.length - 1];
    if (value === undefined) {
      delete cur[last];
      for (let i = chain.length - 1; i > 0; i--) {
        if (Object.keys(chain[i]).length > 0) break;
        delete chain[i - 1][keys[i - 1]];
      }
    } else {
      cur[last] = structuredClone(value);
    }
  }
  return out;
}
