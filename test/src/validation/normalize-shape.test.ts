/**
 * `normalizeAnswers` reads each schema object through a shape remembered per procedure (issue 22
 * point 4: a server normalises every payload's answers against the same schema). It must give
 * what the walk that asks the schema reader (src/procedure/schema-paths.ts `applied`) for every
 * answer gives (the reference below), for every sample procedure's generated answers, made
 * dirty, and for schemas whose parts disagree:
 * `$ref` and `allOf` both saying, `items: null`, an empty `format`, a member declared `null`.
 * One procedure normalising different answers one after another must give what a fresh copy of
 * it gives for each: nothing of one answer set stays in the remembered shapes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import { fieldIndex } from '../../../src/validation/fields.js';
import { normalizeFormat, normalizeText } from '../../../src/validation/formats.js';
import { normalizeAnswers } from '../../../src/validation/normalize.js';
import { applied, appliedPart, type Schema } from '../../../src/procedure/schema-paths.js';
import { define } from '../../../src/session/field-path.js';
import { answersArb } from '../session/arbitraries.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function first<T>(list: readonly Schema[], pick: (s: Schema) => T | undefined): T | undefined {
  for (const s of list) {
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The walk without the shapes: the schema reader asked again for every answer. */
function reference(procedure: Procedure, answers: unknown): unknown {
  const root: JsonSchema = procedure.data;
  const widgets = fieldIndex(procedure);
  const walk = (value: unknown, schema: unknown, path: string, depth: number): unknown => {
    if (depth > 64) return value;
    const list = applied(root, schema);
    if (typeof value === 'string') {
      let s = normalizeText(value, widgets.get(path)?.widget === 'textarea');
      const format = first(list, (f) => (typeof f.format === 'string' ? f.format : undefined));
      if (format) s = normalizeFormat(format, s);
      return s;
    }
    if (Array.isArray(value))
      return value.map((item, i) => {
        const prefix = first(list, (f) =>
          Array.isArray(f.prefixItems) ? f.prefixItems : undefined,
        );
        const itemSchema = prefix && i < prefix.length ? prefix[i] : appliedPart(root, schema);
        return walk(item, itemSchema, `${path}[]`, depth + 1);
      });
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const child = list.some(
          (f) => isRecord(f.properties) && Object.prototype.hasOwnProperty.call(f.properties, key),
        )
          ? appliedPart(root, schema, key)
          : undefined;
        const childSchema =
          child ??
          first(list, (f) =>
            isRecord(f.additionalProperties) ? f.additionalProperties : undefined,
          );
        const v = walk(value[key], childSchema, path ? `${path}.${key}` : key, depth + 1);
        if (v !== '' && v !== undefined) define(out, key, v);
      }
      return out;
    }
    return value;
  };
  return walk(answers, root, '', 0);
}

/** Strings with spaces, invisible characters, +84, blanks; a hostile member now and then. */
function dirty(answers: unknown, seed: number): unknown {
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) & 0x7fffffff) % 6;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string')
      return [v, ` ${v}  `, `${v}\u200b`, v.replace(/^0/, '+84 '), '  ', v.normalize('NFD')][
        next()
      ];
    if (Array.isArray(v)) return v.map(walk);
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      if (next() === 0) out['extra'] = ' x ';
      return out;
    }
    return v;
  };
  return walk(answers);
}

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8');
const samples = readdirSync(DIR).flatMap((file) => {
  const name = /^(.*)\.cases\.json$/.exec(file)?.[1];
  if (!name) return [];
  const text = read(`${name}.json`);
  const loaded = loadProcedure(text);
  assert.ok(loaded.ok, name);
  return [{ name, text, procedure: loaded.procedure, cases: JSON.parse(read(file)).cases }];
});

for (const sample of samples)
  test(`${sample.name}: remembered shapes normalise as the walk that asks for every answer`, () => {
    fc.assert(
      fc.property(answersArb(sample.procedure, sample.cases), fc.nat(), (clean, seed) => {
        const answers = dirty(clean, seed);
        const fresh = loadProcedure(sample.text);
        assert.ok(fresh.ok);
        const expected = reference(sample.procedure, answers);
        assert.deepEqual(normalizeAnswers(sample.procedure, answers), expected);
        assert.deepEqual(normalizeAnswers(fresh.procedure, answers), expected);
      }),
      { numRuns: 150 },
    );
  });

test('parts that disagree: the first applied part that says wins', () => {
  const data = {
    type: 'object',
    $defs: {
      phone: { type: 'string', format: 'vn-mobile' },
    },
    properties: {
      a: { format: '', allOf: [{ format: 'vn-mobile' }] },
      b: { $ref: '#/$defs/phone', format: 'email' },
      c: { allOf: [{ items: { $ref: '#/$defs/phone' } }, { items: { format: 'email' } }] },
      d: {
        items: null,
        allOf: [{ prefixItems: [{ format: 'vn-mobile' }], items: { format: 'vn-mobile' } }],
      },
      e: null,
      f: { allOf: [{ properties: { x: { format: 'vn-mobile' } } }, { properties: { x: {} } }] },
    },
    additionalProperties: { format: 'vn-mobile' },
  } as unknown as JsonSchema;
  const procedure = { data, ui: { steps: [] } } as unknown as Procedure;
  const P = '+84 912 345 678';
  const N = '0912345678';
  const answers = {
    a: P,
    b: P,
    c: [P, ' A@B.VN '],
    d: [P, P],
    e: P,
    f: { x: P, y: P },
    g: ` ${P} `,
  };
  const expected = reference(procedure, answers);
  assert.deepEqual(normalizeAnswers(procedure, answers), expected);
  // Twice, and with the members in another order: nothing of the first call stays.
  const reversed = Object.fromEntries(Object.entries(answers).reverse());
  assert.deepEqual(normalizeAnswers(procedure, reversed), reference(procedure, reversed));
  assert.deepEqual(normalizeAnswers(procedure, answers), expected);
  // The member's own format, then allOf's; a $ref's target, then what is beside it (as every
  // schema-paths reader orders them: ajv applies both, and a value both formats accept is each
  // one's canonical form, test/src/validation/split-members.test.ts); `items: null` is no schema
  // (ajv refuses it), so the allOf branch's items apply.
  const want = { a: P, b: N, c: [N, 'A@B.VN'], d: [N, N], e: N, f: { x: N, y: P }, g: N };
  assert.deepEqual(expected, want);
});
