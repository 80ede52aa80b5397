/**
 * `Session.problemsFor(path)` validates one field: a question whose problems depend on its own
 * answer alone is validated with the answers reduced to it, and must give exactly the problems
 * the whole answers' validation gives at that field — for every sample's cases and generated
 * answer sets. Leaving a field must not validate every answer: the validator is watched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  ProcedureModel,
  getAt,
  isWithinPath,
  pointerToFieldPath,
  type Session,
} from '../../../src/session/index.js';
import type { Validator } from '../../../src/validation/index.js';
import { answersArb } from './arbitraries.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const RUNS = Number(process.env['DVC_FIELD_PROBLEM_RUNS'] ?? 200);

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

/** A validator that records the answers each call was given. */
function watched(inner: Validator): { validator: Validator; calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    validator: {
      procedure: inner.procedure,
      validate(answers, options) {
        calls.push(answers);
        return inner.validate(answers, options);
      },
    },
  };
}

function sessionOver(model: ProcedureModel, answers: Record<string, unknown>, today: string) {
  const session = model.createSession({ today, lang: 'vi' });
  for (const path of model.fields.keys()) {
    const value = getAt(answers, path);
    if (value !== undefined) session.set(path, value);
  }
  for (const [key, value] of Object.entries(answers))
    if (!model.fields.has(key) && ![...model.fields.keys()].some((p) => p.startsWith(`${key}.`)))
      session.set(key, value);
  return session;
}

/** Each question's problems from problemsFor, then from the whole validation: they must match. */
async function compare(session: Session, model: ProcedureModel): Promise<void> {
  await session.check();
  // problemsFor first: once the whole answers are validated, their result is reused.
  const alone = new Map([...model.fields.keys()].map((p) => [p, session.problemsFor(p)]));
  const whole = session.validation().problems;
  for (const [path, problems] of alone) {
    const expected = whole.filter((p) => isWithinPath(pointerToFieldPath(p.path), path));
    assert.deepEqual(problems, expected, `problemsFor('${path}')`);
  }
}

for (const sample of samples) {
  test(`${sample.name}: problemsFor validates one field and agrees with the whole validation`, async () => {
    const base = await ProcedureModel.create(sample.procedure, { onRuleProblem: () => {} });
    // Most questions of a sample stand alone; otherwise this test would prove nothing.
    const questions = [...base.fields.values()].filter((f) => f.widget !== 'file');
    assert.ok(
      base.validatedAlone.size >= questions.length / 2,
      `${base.validatedAlone.size} of ${questions.length} questions validate alone`,
    );
    for (const c of sample.cases) await compare(sessionOver(base, c.answers, sample.today), base);
    await fc.assert(
      fc.asyncProperty(answersArb(sample.procedure, sample.cases), async (answers) => {
        await compare(sessionOver(base, answers, sample.today), base);
      }),
      { numRuns: RUNS, seed: 20261204 },
    );
  });

  test(`${sample.name}: leaving one field does not validate the other answers`, async () => {
    const base = await ProcedureModel.create(sample.procedure, { onRuleProblem: () => {} });
    const { validator, calls } = watched(base.validator);
    const model = ProcedureModel.fromValidator(validator, { onRuleProblem: () => {} });
    const answers = sample.cases[0]!.answers;
    const session = sessionOver(model, answers, sample.today);
    await session.check();
    const hidden = session.state!.hidden.fields;
    const shown = [...model.validatedAlone].filter((p) => !hidden.some((h) => isWithinPath(p, h)));
    assert.ok(shown.length > 0);
    for (const path of shown) {
      // Another answer changes (the person typed elsewhere): the whole result cannot be reused.
      session.set('@touched', String(calls.length));
      calls.length = 0;
      session.problemsFor(path);
      assert.equal(calls.length, 1, `one validation for ${path}`);
      const given = calls[0] as Record<string, unknown>;
      // Only the field's own answer (and the objects on the way to it) was validated.
      const top = path.split('.')[0]!;
      assert.deepEqual(
        Object.keys(given),
        getAt(answers, path) === undefined ? Object.keys(given).filter((k) => k === top) : [top],
        path,
      );
      if (getAt(answers, path) !== undefined)
        assert.deepEqual(getAt(given, path), getAt(session.answers, path), path);
    }
  });
}
