/**
 * `readCanonical` (step 5's common case, issue 22 point 4) reads a payload with `JSON.parse` and
 * `JSON.stringify` instead of the strict parser and `canonicalize`. It may only ever accept what
 * the strict path accepts, with the same value; everything else must fall to the strict path
 * (undefined), which gives the refusal codes. Checked against the strict path itself on random
 * canonical texts and on near misses: members reordered, duplicated, forbidden, whitespace, other
 * escapes and number forms, lone surrogates, integer-like keys, nesting at and past the bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalize } from '../../../src/jcs/index.js';
import { parseJson } from '../../../src/json/parse.js';
import { readCanonical } from '../../../src/verify/canonical-payload.js';
import { createVerifier } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import {
  headerText,
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  payloadFor,
  setup,
  signRaw,
} from './helpers.js';

const DEPTH = 64;

/** What verify's strict path (parseJson, then the canonical check) accepts, and its value. */
function strict(text: string): { ok: true; value: unknown } | { ok: false } {
  const parsed = parseJson(text, { positions: false, maxDepth: DEPTH });
  if (!parsed.ok) return { ok: false };
  try {
    return canonicalize(parsed.value) === text ? { ok: true, value: parsed.value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** The fast path never accepts what the strict path refuses, nor reads another value. */
function agrees(text: string): unknown {
  const fast = readCanonical(text, DEPTH);
  const slow = strict(text);
  if (fast !== undefined) {
    assert.ok(slow.ok, `the fast path accepted what the strict path refuses: ${text}`);
    assert.deepEqual(fast, slow.value);
  }
  return fast;
}

const values = fc.jsonValue({ maxDepth: 5 });
/** Strings of any UTF-16 code units (lone surrogates, controls, quotes, backslashes). */
const oddStrings = fc.string({ unit: 'binary' });
const oddValues = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddStrings,
    fc.double(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(tie('value')),
    fc.dictionary(oddStrings, tie('value')),
  ),
})).value;

/** Texts near a canonical one: each a single change the fast path must not let through. */
function nearMisses(text: string): string[] {
  const out = [
    ` ${text}`,
    `${text}\n`,
    `\ufeff${text}`,
    text.replace(':', ': '),
    text.replace(',', ' ,'),
    text.replace(/\{"([^"\\]*)":([^,{}[\]]*),/, '{"$1":$2,"$1":$2,'),
    text.replace('{', '{"__proto__":1,'),
    text.replace('{', '{"constructor":1,'),
    text.replace('{', '{"prototype":{},'),
    text.replace(/"([a-z])/, '"\\u00$1'.replace('$1', '6$1')),
    text.replace(/([0-9])/, '$1.0'),
    text.replace(/([1-9])/, '$1e0'),
    text.replace(/:0/, ':-0'),
  ];
  // Two keys swapped: still a serialiser's output when the object was built in that order.
  const m = /\{"([^"\\]*)":([^,{}[\]]*),"([^"\\]*)":([^,{}[\]]*)[,}]/.exec(text);
  if (m)
    out.push(
      text.replace(`"${m[1]}":${m[2]},"${m[3]}":${m[4]}`, `"${m[3]}":${m[4]},"${m[1]}":${m[2]}`),
    );
  return out.filter((t) => t !== text);
}

test('canonical texts of random values: the fast path reads them as the strict path does', () => {
  fc.assert(
    fc.property(values, (v) => {
      const text = canonicalize(v);
      const fast = agrees(text);
      // The common case must take the fast path (or it would be no shortcut at all).
      if (!/"(__proto__|constructor|prototype)"|\\ud/.test(text) && !hasIndexKeys(v))
        assert.notEqual(fast, undefined, text);
      for (const near of nearMisses(text)) agrees(near);
      agrees(JSON.stringify(v));
      agrees(JSON.stringify(v, null, 1));
    }),
    { numRuns: 3000 },
  );
});

test('values with lone surrogates, controls and any keys: never accepted unless the strict path does', () => {
  fc.assert(
    fc.property(oddValues, (v) => {
      let text: string;
      try {
        text = canonicalize(v);
      } catch {
        text = JSON.stringify(v); // a lone surrogate: canonicalize refuses, stringify escapes it
      }
      agrees(text);
      agrees(JSON.stringify(v));
      for (const near of nearMisses(text)) agrees(near);
    }),
    { numRuns: 3000 },
  );
});

function hasIndexKeys(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasIndexKeys);
  if (typeof v !== 'object' || v === null) return false;
  return Object.entries(v).some(([k, x]) => /^(0|[1-9][0-9]*)$/.test(k) || hasIndexKeys(x));
}

test('the near misses that only the fast path could get wrong', () => {
  const cases: [string, unknown][] = [
    // A lone surrogate, escaped: JSON.stringify writes exactly this, canonicalize refuses it.
    ['{"a":"\\ud800"}', undefined],
    ['["x\\udc00"]', undefined],
    // Keys as JSON.stringify orders them (insertion), not as RFC 8785 does.
    ['{"b":1,"a":2}', undefined],
    ['{"a":{"d":1,"c":2}}', undefined],
    // Integer-like keys: the object enumerates them numerically; the strict path decides.
    ['{"10":1,"9":2}', undefined],
    ['{"__proto__":{"x":1}}', undefined],
    ['{"a":1,"a":1}', undefined],
    ['{"a":"constructor"}', undefined], // a value that only reads like a forbidden key
    ['{"a":1e+21,"b":-1.5,"c":"\\u001f\\n\\"\\\\"}', { a: 1e21, b: -1.5, c: '\u001f\n"\\' }],
    ['{"a":[],"b":{},"c":null,"d":true}', { a: [], b: {}, c: null, d: true }],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(agrees(text), expected, text);
  }
  assert.equal(strict('{"10":1,"9":2}').ok, true);
  assert.equal(strict('{"a":"constructor"}').ok, true);
});

test('nesting: accepted at the strict bound, left to the strict path one level past it', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
  assert.deepEqual(agrees(nested(DEPTH)), JSON.parse(nested(DEPTH)));
  assert.equal(agrees(nested(DEPTH + 1)), undefined);
  assert.equal(strict(nested(DEPTH + 1)).ok, false);
  const objects = (n: number) => '{"a":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);
  assert.notEqual(agrees(objects(DEPTH)), undefined);
  assert.equal(agrees(objects(DEPTH + 1)), undefined);
  assert.equal(agrees(nested(100_000)), undefined);
});

test('verify: a signed payload with an escaped lone surrogate is still payload-not-canonical', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const payload = await payloadFor();
  const valid = await verifier.verify(await signPayload(payload, signer), { now: NOW });
  assert.equal(valid.ok, true);
  const text = canonicalize(payload).replace(/,"v":1}$/, ',"v":1,"x":"\\ud800"}');
  assert.notEqual(text, canonicalize(payload));
  const result = await verifier.verify(await signRaw(await headerText(), text), { now: NOW });
  assert.deepEqual(!result.ok && result.errors.map((e) => e.code), ['payload-not-canonical']);
  // Keys in the serialiser's order (insertion), every byte otherwise what JSON.stringify writes.
  const reordered = canonicalize(payload)
    .replace('{"answers":', '{"v":1,"answers":')
    .replace(/,"v":1}$/, '}');
  assert.notEqual(reordered, canonicalize(payload));
  const unsorted = await verifier.verify(await signRaw(await headerText(), reordered), {
    now: NOW,
  });
  assert.deepEqual(!unsorted.ok && unsorted.errors.map((e) => e.code), ['payload-not-canonical']);
});
