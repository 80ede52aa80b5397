/**
 * Format 1.2 `copyFrom` with a `when`: the offer's condition is one more unit of the rules, so
 * the json-rules-engine path, the compiled evaluator (the form artefact's) and the session the
 * form reads decide it alike, from the cases in fixtures/copy-when.json. A 1.1 `copyFrom` (a
 * string) has no condition: the result has no `copyOffers`, exactly as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { createRulesFactory } from '../../../src/rules/index.js';
import { ProcedureModel } from '../../../src/session/index.js';

const fixtures = new URL('./fixtures/', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('copy-when.json', fixtures), 'utf8')) as {
  procedure: string;
  today: string;
  cases: { name: string; answers: Record<string, unknown>; copyOffers: string[] }[];
};
const load = (url: URL): Procedure => {
  const loaded = loadProcedure(readFileSync(url, 'utf8'));
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.ok);
  return loaded.procedure;
};
const procedure = load(new URL(spec.procedure, fixtures));

for (const compiled of [false, true])
  test(`each case's offers, ${compiled ? 'compiled' : 'json-rules-engine'}`, async () => {
    const factory = createRulesFactory(procedure, { compiled, onProblem: () => {} });
    assert.deepEqual(factory.problems, []);
    if (compiled) assert.deepEqual(factory.uncompiled, []);
    for (const c of spec.cases) {
      // A fresh session per case, and one session through all of them (incremental runs).
      const fresh = await factory.createSession({ today: spec.today }).evaluate(c.answers);
      assert.deepEqual(fresh.copyOffers, c.copyOffers, c.name);
    }
    const session = factory.createSession({ today: spec.today });
    for (const c of spec.cases)
      assert.deepEqual((await session.evaluate(c.answers)).copyOffers, c.copyOffers, c.name);
  });

test('the session state the form reads carries the offers', async () => {
  const model = await ProcedureModel.create(procedure, { onRuleProblem: () => {} });
  for (const c of spec.cases) {
    const session = model.createSession({ today: spec.today, answers: c.answers });
    assert.deepEqual((await session.check()).copyOffers, c.copyOffers, c.name);
  }
});

test('the offer condition is a unit of its own: it runs again when the answers it reads change', async () => {
  const session = createRulesFactory(procedure, { onProblem: () => {} }).createSession({
    today: spec.today,
  });
  assert.deepEqual(session.dependencies()['copy:mother.fullName'], ['relation']);
  await session.evaluate({ relation: 'mother' });
  await session.evaluate({ relation: 'mother', copies: 2 }, ['copies']);
  assert.ok(session.lastEvaluation.reused.includes('copy:mother.fullName'));
  await session.evaluate({ relation: 'father', copies: 2 }, ['relation']);
  assert.ok(session.lastEvaluation.evaluated.includes('copy:mother.fullName'));
});

test('a 1.1 copyFrom (a string) has no condition: no copyOffers in the result', async () => {
  const old = load(new URL('../../procedure/fixtures/valid-copy-from.json', fixtures));
  const result = await createRulesFactory(old, { onProblem: () => {} })
    .createSession({ today: spec.today })
    .evaluate(spec.cases[0]!.answers);
  assert.equal('copyOffers' in result, false);
});
