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

/** The extract-copy fixture with a conditional at the root: married people name their spouse. */
const LINKED: Procedure = (() => {
  const base = JSON.parse(
    readFileSync(new URL('../verify/fixtures/extract-copy.json', import.meta.url), 'utf8'),
  ) as Procedure;
  return {
    ...base,
    data: {
      ...base.data,
      if: { required: ['married'], properties: { married: { const: true } } },
      then: { required: ['spouseName'] },
    },
  };
})();

test('a field tied to others by its object (if/then) is validated with every answer', async () => {
  const model = await ProcedureModel.create(LINKED, { onRuleProblem: () => {} });
  // The root ties its members together, so nothing under it stands alone.
  assert.deepEqual([...model.validatedAlone], []);
  const session = model.createSession({
    today: '2025-07-01',
    answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-12', copies: 2, married: true },
  });
  await session.check();
  // Validated alone ({} for an unanswered spouseName), the `if` could not see `married`.
  assert.deepEqual(
    session.problemsFor('spouseName').map((p) => [p.code, p.path]),
    [['required', '/spouseName']],
  );
});

test('the personal-id check ties the id to the birth date it names, not the other members', async () => {
  const base = await ProcedureModel.create(LINKED, { onRuleProblem: () => {} });
  const data = {
    type: 'object',
    properties: {
      person: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          id: { type: 'string', format: 'vn-personal-id', 'x-dvc-birthDate': 'born' },
          born: { type: 'string', format: 'date' },
        },
      },
    },
  } as Procedure['data'];
  const { validatesAlone } = await import('../../../src/session/field-validation.js');
  assert.equal(validatesAlone(data, 'person.name'), true);
  assert.equal(validatesAlone(data, 'person.id'), false);
  assert.equal(validatesAlone(data, 'person.born'), false);
  assert.equal(validatesAlone(base.procedure.data, 'fullName'), false);
  // The annotation beside the id's $ref, or in an allOf branch of it, links the two just as well:
  // deref puts what is beside a $ref in an allOf branch, where it was not looked for.
  const person = (id: Record<string, unknown>) =>
    ({
      type: 'object',
      $defs: { cccd: { type: 'string', format: 'vn-personal-id' } },
      properties: {
        person: {
          type: 'object',
          properties: { name: { type: 'string' }, id, born: { type: 'string', format: 'date' } },
        },
      },
    }) as Procedure['data'];
  for (const id of [
    { $ref: '#/$defs/cccd', 'x-dvc-birthDate': 'born' },
    { $ref: '#/$defs/cccd', allOf: [{ 'x-dvc-birthDate': 'born' }] },
  ]) {
    assert.equal(validatesAlone(person(id), 'person.id'), false, JSON.stringify(id));
    assert.equal(validatesAlone(person(id), 'person.born'), false, JSON.stringify(id));
    assert.equal(validatesAlone(person(id), 'person.name'), true, JSON.stringify(id));
  }
});
