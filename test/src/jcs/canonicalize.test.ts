import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalize, canonicalizeToBytes } from '../../../src/jcs/index.js';
import { DvcError } from '../../../src/errors.js';

// The RFC 8785 vectors are in test/vectors/jcs-rfc8785 (see its SOURCES.md).
const VECTORS = fileURLToPath(new URL('../../vectors/jcs-rfc8785/', import.meta.url));

const names = readdirSync(`${VECTORS}input`).filter((n) => n.endsWith('.json'));

test('the RFC 8785 vector set is present', () => {
  assert.deepEqual(names.sort(), [
    'arrays.json',
    'french.json',
    'structures.json',
    'unicode.json',
    'values.json',
    'weird.json',
  ]);
});

for (const name of names) {
  test(`RFC 8785 vector ${name}: output bytes and outhex`, () => {
    const input = JSON.parse(readFileSync(`${VECTORS}input/${name}`, 'utf8')) as unknown;
    const expected = readFileSync(`${VECTORS}output/${name}`);
    const bytes = canonicalizeToBytes(input);
    assert.deepEqual(Buffer.from(bytes), expected);
    const hex = readFileSync(`${VECTORS}outhex/${name.replace('.json', '.txt')}`, 'utf8')
      .trim()
      .split(/\s+/)
      .join('');
    assert.equal(Buffer.from(bytes).toString('hex'), hex);
  });
}

test('numbers use the ECMAScript serialisation', () => {
  assert.equal(
    canonicalize([0, -0, 1, -1.5, 1e21, 1e-7, 123456789012345680000, 5e-324, 0.1 + 0.2]),
    '[0,0,1,-1.5,1e+21,1e-7,123456789012345680000,5e-324,0.30000000000000004]',
  );
});

test('strings escape only quote, backslash and control characters', () => {
  assert.equal(
    canonicalize('a"b\\c\u0000\u0001\b\t\n\f\r\u001f\u007f/é😂'),
    '"a\\"b\\\\c\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u007f/é😂"',
  );
});

test('members sort by UTF-16 code units, not code points or locale', () => {
  // U+FB33 sorts after U+1F602 by code points but before it by UTF-16 (0xD83D < 0xFB33).
  assert.equal(
    canonicalize({ '\ufb33': 1, '😂': 2, b: 3, B: 4 }),
    '{"B":4,"b":3,"😂":2,"\ufb33":1}',
  );
});

test('shared (non-cyclic) references are fine', () => {
  const shared = { a: 1 };
  assert.equal(canonicalize({ x: shared, y: [shared] }), '{"x":{"a":1},"y":[{"a":1}]}');
});

test('a __proto__ own member is written like any other member', () => {
  assert.equal(canonicalize(JSON.parse('{"__proto__":{"x":1}}')), '{"__proto__":{"x":1}}');
});

function rejects(value: unknown, message: string, options?: { maxDepth?: number }) {
  assert.throws(
    () => canonicalize(value, options),
    (err: unknown) => {
      assert.ok(err instanceof DvcError);
      assert.equal(err.code, 'invalid-argument');
      assert.equal(err.message, message);
      return true;
    },
  );
}

test('rejects values JSON cannot carry, naming where they are', () => {
  rejects({ a: [1, NaN] }, 'Cannot canonicalise JSON at "/a/1": NaN is not a JSON number.');
  rejects(Infinity, 'Cannot canonicalise JSON at the root: Infinity is not a JSON number.');
  rejects({ a: undefined }, 'Cannot canonicalise JSON at "/a": a undefined is not a JSON value.');
  rejects(
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3],
    'Cannot canonicalise JSON at "/1": undefined is not a JSON value.',
  );
  rejects({ f: () => 1 }, 'Cannot canonicalise JSON at "/f": a function is not a JSON value.');
  rejects({ s: Symbol('x') }, 'Cannot canonicalise JSON at "/s": a symbol is not a JSON value.');
  rejects({ n: 1n }, 'Cannot canonicalise JSON at "/n": a bigint is not a JSON value.');
  rejects(
    { 'a/b~': new Date(0) },
    'Cannot canonicalise JSON at "/a~1b~0": only plain objects and arrays can be canonicalised.',
  );
  rejects(
    new Map(),
    'Cannot canonicalise JSON at the root: only plain objects and arrays can be canonicalised.',
  );
});

test('rejects lone surrogates in values and member names', () => {
  rejects(['\ud800'], 'Cannot canonicalise JSON at "/0": the string contains a lone surrogate.');
  rejects(['a\udc00'], 'Cannot canonicalise JSON at "/0": the string contains a lone surrogate.');
  rejects(
    { '\udead': 1 },
    'Cannot canonicalise JSON at "/\udead": the string contains a lone surrogate.',
  );
});

test('rejects cycles', () => {
  const a: Record<string, unknown> = { b: {} };
  (a['b'] as Record<string, unknown>)['a'] = a;
  rejects(a, 'Cannot canonicalise JSON at "/b/a": the value contains a cycle.');
});

test('caps nesting depth (default 64) instead of overflowing the stack', () => {
  const nest = (n: number): unknown => (n === 0 ? 0 : [nest(n - 1)]);
  assert.equal(canonicalize(nest(64)), '['.repeat(64) + '0' + ']'.repeat(64));
  rejects(nest(65), `Cannot canonicalise JSON at "${'/0'.repeat(64)}": nesting is deeper than 64.`);
  rejects(nest(3), 'Cannot canonicalise JSON at "/0/0": nesting is deeper than 2.', {
    maxDepth: 2,
  });
  let deep: unknown = 0;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.throws(() => canonicalize(deep), DvcError);
});
