// src/procedure/generated/meta-validator.js is committed; it must match what
// scripts/gen-meta-validator.mjs produces from the current meta-schema, and stay CSP-safe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, allowedProperties } from '../../../src/procedure/generated/meta-validator.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

test('the generated meta-validator is up to date (run node scripts/gen-meta-validator.mjs)', async () => {
  const { generate } = (await import(new URL('scripts/gen-meta-validator.mjs', root).href)) as {
    generate: () => Promise<{ js: string; dts: string }>;
  };
  const { js, dts } = await generate();
  assert.ok(js === read('src/procedure/generated/meta-validator.js'), 'meta-validator.js is stale');
  assert.ok(
    dts === read('src/procedure/generated/meta-validator.d.ts'),
    'meta-validator.d.ts is stale',
  );
});

test('the generated module is plain ESM without require() or eval-like code', () => {
  const js = read('src/procedure/generated/meta-validator.js');
  assert.doesNotMatch(js, /\brequire\(/);
  assert.doesNotMatch(js, /\beval\(|new Function\b|\bimport\(/);
});

test('it imports under tsx and validates', () => {
  assert.equal(typeof validate, 'function');
  assert.equal(validate({}), false);
  assert.ok(validate.errors?.some((e) => e.keyword === 'required'));
  const minimal = JSON.parse(read('test/src/procedure/fixtures/valid-minimal.json'));
  assert.equal(validate(minimal), true);
  assert.deepEqual(allowedProperties['#/$defs/Declaration'], ['text', 'label']);
});
