/**
 * `canonicalEqual(a, b)` replaces `canonicalize(a) === canonicalize(b)` in verify (the answers
 * and the fee it recomputes against the payload's). It must give the same answer for every pair
 * of JSON values — near-equal ones most of all (a member more, a key reordered, 0 and -0, a
 * string one character apart, `__proto__` as an own member) — and defer to canonicalize, which
 * throws, for anything canonicalize refuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalEqual, canonicalize } from '../../../src/jcs/index.js';

const bySpec = (a: unknown, b: unknown): boolean => canonicalize(a) === canonicalize(b);

/** JSON values as the strict parser gives them, `__proto__` and `constructor` keys included. */
const json = fc.jsonValue({ maxDepth: 4 }).chain((v) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(v) },
    {
      weight: 1,
      arbitrary: fc.constant(
        JSON.parse(`{"__proto__":${JSON.stringify(v)},"constructor":1,"x":"y"}`) as unknown,
      ),
    },
  ),
);

/** A copy of `v` with one small change somewhere (or none), keys in another order. */
function variant(v: unknown, change: number): unknown {
  let budget = change;
  const walk = (x: unknown): unknown => {
    budget--;
    if (budget === 0) {
      if (typeof x === 'string') return `${x} `;
      if (typeof x === 'number') return Object.is(x, 0) ? -0 : x + 1;
      if (typeof x === 'boolean') return !x;
      if (x === null) return 0;
      if (Array.isArray(x)) return [...x, null];
      const copy = JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
      Object.defineProperty(copy, 'added', { value: 1, enumerable: true, writable: true });
      return copy;
    }
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x).reverse())
        Object.defineProperty(out, k, {
          value: walk((x as Record<string, unknown>)[k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return x;
  };
  return walk(v);
}

test('canonicalEqual agrees with comparing canonical texts on random and near-equal values', () => {
  fc.assert(
    fc.property(json, fc.nat({ max: 12 }), (v, change) => {
      const w = variant(v, change);
      assert.equal(canonicalEqual(v, w), bySpec(v, w));
      assert.equal(canonicalEqual(w, v), bySpec(w, v));
      assert.equal(canonicalEqual(v, v), true);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(json, json, (a, b) => assert.equal(canonicalEqual(a, b), bySpec(a, b))),
    { numRuns: 1000 },
  );
});

test('canonicalEqual on the cases that only look alike', () => {
  const proto = JSON.parse('{"__proto__":{"a":1}}') as unknown;
  const cases: [unknown, unknown, boolean][] = [
    [0, -0, true],
    [1e21, 1e21, true],
    [{ a: 1, b: [1, 'x'] }, { b: [1, 'x'], a: 1 }, true],
    [proto, { a: 1 }, false],
    [proto, JSON.parse('{"__proto__":{"a":1}}'), true],
    [[], {}, false],
    [null, {}, false],
    ['1', 1, false],
    ['\u{1F600}', '\u{1F600}', true],
    ['e\u0301', '\u00e9', false],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(
      canonicalEqual(a, b),
      expected,
      `${String(canonicalize(a))} vs ${String(canonicalize(b))}`,
    );
    assert.equal(bySpec(a, b), expected);
  }
});

test('what canonicalize refuses, canonicalEqual refuses the same way', () => {
  const refused: unknown[] = [
    { a: undefined },
    { a: Number.NaN },
    { a: new Date(0) },
    ['\ud800'],
    { ['\udc00']: 1 },
    { a: { toJSON: () => 1 } },
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3],
  ];
  for (const bad of refused) {
    assert.throws(() => canonicalize(bad), { name: 'DvcError' });
    assert.throws(() => canonicalEqual(bad, bad), { name: 'DvcError' });
    assert.throws(() => canonicalEqual([bad], [bad]), { name: 'DvcError' });
  }
  let deep: unknown = 1;
  for (let i = 0; i < 70; i++) deep = [deep];
  assert.throws(() => canonicalEqual(deep, JSON.parse(JSON.stringify(deep))), { name: 'DvcError' });
});
