/**
 * `fixedAnswers` (what verify uses): the session normalises the answers once, for the rules, and
 * validates that same copy instead of normalising them again. The decision must not move: for
 * every sample procedure, on generated answer sets made dirty the ways people and forgers make
 * them (spaces, invisible characters, a mobile written with +84, blank strings, `__proto__` and
 * `constructor` keys, required objects left out so validation has to add them), the state with
 * and without it is the same, and the rules of one shared factory give what a fresh one gives
 * (the factory remembers what each combination of show rules hides). Also counted: one
 * normalisation per check with it, two without.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { createRules, createRulesFactory } from '../../../src/rules/index.js';
import { ProcedureModel, type SessionState } from '../../../src/session/index.js';
import { normalizeRuns } from '../../../src/validation/normalize.js';
import { answersArb, documentsArb } from './arbitraries.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const RUNS = Number(process.env['DVC_DIFFERENTIAL_RUNS'] ?? 300);

const samples = readdirSync(DIR)
  .filter((f) => f.endsWith('.cases.json'))
  .map((f) => {
    const name = f.replace(/\.cases\.json$/, '');
    const loaded = loadProcedure(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
    assert.ok(loaded.ok, name);
    const file = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
    return {
      name,
      procedure: loaded.procedure as Procedure,
      today: file.today as string,
      cases: file.cases as { answers: Record<string, unknown> }[],
    };
  });

/** Every string made dirty one way or another; some members dropped; hostile keys added. */
function dirty(answers: unknown, seed: number): unknown {
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) & 0x7fffffff) % 8;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string')
      return [
        v,
        ` ${v}  `,
        `${v}\u200b`,
        v.replace(/^0/, '+84 '),
        '   ',
        v.toUpperCase(),
        `${v}\n\nx`,
        v.normalize('NFD'),
      ][next()];
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (next() !== 0) out[k] = walk(x);
      return out;
    }
    return v;
  };
  const out = walk(answers) as Record<string, unknown>;
  if (seed % 5 === 0)
    return JSON.parse(
      `{"__proto__":{"polluted":true},"constructor":{"prototype":1},${JSON.stringify(out).slice(1)}`.replace(
        /,}$/,
        '}',
      ),
    ) as unknown;
  return out;
}

function decision(state: SessionState) {
  return {
    eligibility: state.eligibility,
    visible: state.visible,
    hidden: state.hidden,
    required: state.required,
    documents: state.documents,
    fee: state.fee,
    problems: state.problems,
    normalised: state.normalised,
    valid: state.valid,
    ruleProblems: state.ruleProblems,
  };
}

for (const sample of samples)
  test(`${sample.name}: normalising once decides what normalising twice decides`, async () => {
    const model = await ProcedureModel.create(sample.procedure, {
      compiledRules: true,
    });
    await fc.assert(
      fc.asyncProperty(
        answersArb(model.procedure, sample.cases),
        documentsArb(model.procedure.documents),
        fc.nat(),
        async (clean, documents, seed) => {
          const answers = dirty(clean, seed) as Record<string, unknown>;
          const options = {
            today: sample.today,
            lang: 'en' as const,
            answers,
            documents,
          };
          const twice = await model.createSession(options).check();
          const expected = decision(twice);
          const once = await model.createSession({ ...options, fixedAnswers: true }).check();
          assert.deepEqual(decision(once), expected);
          // The shared factory's remembered outcomes answer as a fresh factory does.
          const fresh = await createRules(model.procedure, {
            today: sample.today,
          }).evaluate(once.normalised);
          const shared = await model.rules
            .createSession({ today: sample.today })
            .evaluate(once.normalised);
          assert.deepEqual(shared, fresh);
          assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
        },
      ),
      { numRuns: RUNS },
    );
  });

test('with fixedAnswers the answers are normalised once per check, without it twice', async () => {
  const sample = samples.find((s) => s.name === 'dang-ky-khai-sinh')!;
  const model = await ProcedureModel.create(sample.procedure, {
    compiledRules: true,
  });
  for (const c of sample.cases) {
    for (const [fixedAnswers, expected] of [
      [true, 1],
      [false, 2],
    ] as const) {
      const session = model.createSession({
        today: sample.today,
        answers: structuredClone(c.answers),
        fixedAnswers,
      });
      const before = normalizeRuns();
      const state = await session.check();
      void state.problems;
      void state.normalised;
      // A required object left out is added for validation: then validation normalises itself.
      const added = model.parents.some((p) => !p.includes('.') && !(p in c.answers));
      assert.equal(normalizeRuns() - before, fixedAnswers && added ? 2 : expected);
    }
  }
});

// The factory remembers what each combination of show-rule outcomes hides, for all its sessions:
// one factory deciding many answer sets in a row must give what a new factory gives each of them.
for (const sample of samples)
  test(`${sample.name}: a rules factory used for many answer sets decides each as a new one`, async () => {
    const shared = createRulesFactory(sample.procedure, {
      compiled: true,
      onProblem: () => {},
    });
    const decide = (factory: typeof shared, answers: Record<string, unknown>) =>
      factory.createSession({ today: sample.today }).evaluate(answers);
    const sets = [
      ...sample.cases.map((c) => c.answers),
      ...fc.sample(answersArb(sample.procedure, sample.cases), {
        numRuns: 200,
        seed: 22,
      }),
    ];
    for (const answers of [...sets, ...sets]) {
      const fresh = createRulesFactory(sample.procedure, {
        compiled: true,
        onProblem: () => {},
      });
      assert.deepEqual(await decide(shared, answers), await decide(fresh, answers));
    }
  });
