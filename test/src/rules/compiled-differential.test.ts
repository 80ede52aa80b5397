/**
 * The compiled rules (src/rules/compiled.ts) against the reference, json-rules-engine: for every
 * sample procedure, its cases and generated answer sets (test/src/session/arbitraries.ts) go
 * through a factory evaluating with the engine and one evaluating with the compiled code, fresh
 * and incrementally, and the results — eligibility and its reasons, visibility, required fields
 * and documents, `check` failures, the fee, the problems — must be identical. A second part runs
 * every operator against every kind of fact (fields, derived date facts, fact-to-fact values,
 * named conditions) on arbitrary values, wrong types included, so an operator that drifts from
 * the engine's definition fails here even if no sample uses it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { OPERATORS } from '../../../src/procedure/vocabulary.js';
import { compileConditions } from '../../../src/rules/compiled.js';
import {
  createRulesFactory,
  type RulesFactory,
  type RulesResult,
} from '../../../src/rules/index.js';
import { answersArb } from '../session/arbitraries.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const RUNS = Number(process.env['DVC_DIFFERENTIAL_RUNS'] ?? 300);

interface Sample {
  name: string;
  procedure: Procedure;
  today: string;
  cases: { name: string; today?: string; answers: Record<string, unknown> }[];
}

const samples: Sample[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.cases.json'))
  .map((f) => {
    const name = f.replace(/\.cases\.json$/, '');
    const loaded = loadProcedure(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
    assert.ok(loaded.ok, name);
    const file = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
    return { name, procedure: loaded.procedure, today: file.today, cases: file.cases };
  });

/** The result with run-time problems by code and place (their detail is the JS error's text). */
const comparable = (r: RulesResult) => ({
  ...r,
  problems: r.problems.map((p) => ({ code: p.code, unit: p.unit, pointer: p.pointer })),
});

const pair = (procedure: Procedure): { engine: RulesFactory; compiled: RulesFactory } => ({
  engine: createRulesFactory(procedure, { onProblem: () => {} }),
  compiled: createRulesFactory(procedure, { onProblem: () => {}, compiled: true }),
});

/** Both evaluators on one answer set: fresh, then incrementally after a change. */
async function assertSame(
  f: { engine: RulesFactory; compiled: RulesFactory },
  answers: Record<string, unknown>,
  today: string,
  label: string,
  then?: Record<string, unknown>,
): Promise<void> {
  const a = f.engine.createSession({ today, onProblem: () => {} });
  const b = f.compiled.createSession({ today, onProblem: () => {} });
  assert.deepEqual(
    comparable(await b.evaluate(answers)),
    comparable(await a.evaluate(answers)),
    label,
  );
  if (then) {
    const changed = Object.keys(then);
    const next = { ...answers, ...then };
    assert.deepEqual(
      comparable(await b.evaluate(next, changed)),
      comparable(await a.evaluate(next, changed)),
      `${label} (then ${JSON.stringify(then)})`,
    );
  }
}

for (const sample of samples) {
  test(`${sample.name}: every rule unit compiles (none left to json-rules-engine)`, () => {
    // Otherwise verify and the form artefact would silently run the engine for it.
    assert.deepEqual(pair(sample.procedure).compiled.uncompiled, []);
  });

  test(`${sample.name}: the cases give identical results through the engine and the compiled rules`, async () => {
    const f = pair(sample.procedure);
    for (const c of sample.cases)
      await assertSame(f, c.answers, c.today ?? sample.today, `${sample.name}: ${c.name}`);
  });

  test(`${sample.name}: generated answer sets give identical results (fresh and incremental)`, async () => {
    const f = pair(sample.procedure);
    const base = Date.parse(`${sample.today}T00:00:00Z`);
    await fc.assert(
      fc.asyncProperty(
        answersArb(sample.procedure, sample.cases),
        answersArb(sample.procedure, sample.cases),
        // The submission date moves too: age limits and deadlines read it.
        fc.integer({ min: -800, max: 800 }),
        async (answers, other, shift) => {
          const today = new Date(base + shift * 86_400_000).toISOString().slice(0, 10);
          const key = Object.keys(other)[0];
          await assertSame(
            f,
            answers,
            today,
            sample.name,
            key !== undefined ? { [key]: other[key] } : undefined,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
}

// Every operator on every kind of fact, in a small procedure whose answers are arbitrary.
const FAMILY: Procedure = JSON.parse(
  readFileSync(new URL('./fixtures/family.json', import.meta.url), 'utf8'),
);
const FACTS: Record<string, unknown>[] = [
  { fact: 'maritalStatus' },
  { fact: 'copies' },
  { fact: 'applicant.birthDate' },
  { fact: 'siblings[].relation' },
  { fact: 'isPoorHousehold' },
  { fact: 'today' },
  { fact: 'ageInYears', params: { field: 'applicant.birthDate' } },
  { fact: 'ageInYears', params: { field: 'applicant.birthDate', at: 'child.birthDate' } },
  { fact: 'daysBetween', params: { from: 'child.birthDate', to: 'today' } },
  { fact: 'monthsBetween', params: { from: 'applicant.birthDate', to: 'child.birthDate' } },
  { fact: 'yearsBetween', params: { from: 'applicant.birthDate', to: 'today' } },
  { fact: 'date', params: { of: 'child.birthDate', addYears: 1, addMonths: -1, addDays: 3 } },
  { fact: 'count', params: { field: 'siblings' } },
];
const VALUES: unknown[] = [
  'single',
  ['single', 'married'],
  ['brother', 'sister'],
  2,
  '3',
  true,
  null,
  '2000-02-29',
  { fact: 'child.birthDate' },
  { fact: 'today' },
  { fact: 'date', params: { of: 'today', addDays: -30 } },
  { fact: 'copies' },
];
const leaves: Record<string, unknown>[] = [];
for (const operator of OPERATORS)
  for (const fact of FACTS) for (const value of VALUES) leaves.push({ ...fact, operator, value });
const everyOperator: Procedure = {
  ...FAMILY,
  conditions: {
    married: { all: [{ fact: 'maritalStatus', operator: 'equal', value: 'married' }] },
  },
  rules: [
    ...leaves.map((leaf, i) => ({
      id: `leaf${i}`,
      kind: 'eligibility' as const,
      conditions: { all: [leaf] },
    })),
    // Kleene combinations and a named condition.
    ...[0, 1, 2].map((k) => ({
      id: `combo${k}`,
      kind: 'eligibility' as const,
      conditions: {
        any: [
          { not: { all: [leaves[k * 97]!, leaves[k * 31 + 5]!] } },
          { condition: 'married' },
          { all: [] },
          { any: [leaves[k * 53 + 2]!] },
        ],
      },
    })),
  ],
} as unknown as Procedure;

const ANYTHING = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    ' ',
    'single',
    'married',
    '2000-02-29',
    '2024-12-31',
    '2025-13-45',
    '3',
    'abc',
    0,
    2,
    -1,
    2.5,
    true,
    false,
    [],
    ['brother'],
    ['brother', 'sister'],
    {},
  ),
  fc
    .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.anything({ maxDepth: 1 }),
);

test('every operator on every kind of fact gives the engine’s results on arbitrary answers', async () => {
  const f = pair(everyOperator);
  assert.deepEqual(f.compiled.uncompiled, []);
  await fc.assert(
    fc.asyncProperty(
      fc.record(
        {
          maritalStatus: ANYTHING,
          copies: ANYTHING,
          isPoorHousehold: ANYTHING,
          applicant: fc.record({ birthDate: ANYTHING }, { requiredKeys: [] }),
          child: fc.record({ birthDate: ANYTHING }, { requiredKeys: [] }),
          siblings: fc.oneof(
            fc.array(fc.record({ relation: ANYTHING }, { requiredKeys: [] }), { maxLength: 3 }),
            ANYTHING,
          ),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom('2024-02-29', '2025-06-15', '2026-12-31'),
      async (answers, today) => {
        await assertSame(f, answers as Record<string, unknown>, today, 'every operator');
      },
    ),
    // ~3,000 rules through the engine per run: a few runs cover the operator × fact matrix.
    { numRuns: Math.max(10, Math.round(RUNS / 20)) },
  );
});

test('what the compiler cannot reproduce is refused with its pointer, and left to the engine', async () => {
  const withPath = {
    ...FAMILY,
    rules: [
      {
        id: 'firstSibling',
        kind: 'eligibility',
        conditions: {
          all: [
            { fact: 'copies', operator: 'greaterThan', value: 0 },
            { fact: 'siblings', operator: 'equal', value: 'brother', path: '$[0].relation' },
          ],
        },
      },
    ],
  } as unknown as Procedure;
  const f = pair(withPath);
  assert.deepEqual(f.compiled.uncompiled, [
    {
      unit: 'rule:firstSibling',
      pointer: '/rules/0/conditions/all/1/path',
      reason: 'a condition with "path" (JSONPath) is evaluated by json-rules-engine only',
    },
  ]);
  // Still the engine's answer, not a different one.
  const answers = { copies: 1, siblings: [{ relation: 'brother' }] };
  const r = await f.compiled.createSession({ today: '2025-01-01' }).evaluate(answers);
  assert.equal(r.eligibility.status, 'eligible');
  await assertSame(f, answers, '2025-01-01', 'path');
  await assertSame(f, { copies: 1, siblings: [{ relation: 'sister' }] }, '2025-01-01', 'path');

  assert.deepEqual(
    compileConditions({ all: [{ fact: 'x', operator: 'startsWith', value: 'a' }] }, new Set(['x'])),
    {
      ok: false,
      refusal: { pointer: '/all/0/operator', reason: 'the operator "startsWith" is not compiled' },
    },
  );
  assert.deepEqual(
    compileConditions({ any: [{ fact: 'nowhere', operator: 'equal', value: 1 }] }, new Set()),
    {
      ok: false,
      refusal: {
        pointer: '/any/0/fact',
        reason: 'the fact "nowhere" is neither a field of the form nor derived',
      },
    },
  );
});
