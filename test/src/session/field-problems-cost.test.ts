/**
 * Leaving one field of a large page must cost work in proportion to that field, not to the
 * page (issue 22 point 3: letter then Tab → inline error ≤ 10 ms at 1,000 questions). These
 * tests count, they never time: the problems the validator builds for one field, the procedure
 * walks behind normalising, and the object schemas read to decide which questions stand alone.
 * Each would fail if the work went back to covering every question.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { ProcedureModel, isWithinPath, pointerToFieldPath } from '../../../src/session/index.js';
import { validatesAlone } from '../../../src/session/field-validation.js';
import { fieldIndex } from '../../../src/validation/fields.js';
import type { ValidationResult, Validator } from '../../../src/validation/index.js';

const QUESTIONS = 300;

/** One page of `QUESTIONS` questions, every one required: an empty form has 300 problems. */
function largeProcedure(): Procedure {
  const ids = Array.from({ length: QUESTIONS }, (_, i) => `q${i}`);
  const text = JSON.stringify({
    formatVersion: 1,
    code: '9.000002',
    version: '1.0.0',
    title: { vi: 'Thủ tục nhiều câu hỏi' },
    description: { vi: 'Để đếm việc khi rời một ô.' },
    agency: { vi: 'Ủy ban nhân dân xã' },
    legalBasis: [],
    serviceKind: 'toan-trinh',
    processingDays: 0,
    resultDelivery: ['online'],
    data: {
      type: 'object',
      properties: Object.fromEntries(
        ids.map((id, i) => [
          id,
          i % 2 === 0
            ? { type: 'string', minLength: 2, maxLength: 20 }
            : { type: 'integer', minimum: 0, maximum: 9 },
        ]),
      ),
      required: ids,
      additionalProperties: false,
    },
    ui: {
      steps: [
        {
          id: 'all',
          title: { vi: 'Thông tin' },
          fields: ids.map((id, i) => ({
            field: id,
            widget: i % 2 === 0 ? 'text' : 'number',
            label: { vi: `Câu hỏi ${i + 1}` },
          })),
        },
      ],
    },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: [],
    declaration: { text: { vi: 'Tôi cam đoan.' } },
  });
  const loaded = loadProcedure(text);
  assert.ok(loaded.ok, JSON.stringify(loaded.ok ? [] : loaded.problems));
  return loaded.procedure as Procedure;
}

/** A validator that keeps what each call returned. */
function watched(inner: Validator): { validator: Validator; results: ValidationResult[] } {
  const results: ValidationResult[] = [];
  return {
    results,
    validator: {
      procedure: inner.procedure,
      validate(answers, options) {
        const result = inner.validate(answers, options);
        results.push(result);
        return result;
      },
    },
  };
}

test('leaving one of 300 required questions builds that question’s problems only', async () => {
  const base = await ProcedureModel.create(largeProcedure());
  const { validator, results } = watched(base.validator);
  const model = ProcedureModel.fromValidator(validator);
  const session = model.createSession({ today: '2025-07-01' });
  session.set('q4', 'x');
  session.set('q5', 12);
  await session.check();
  results.length = 0;
  assert.deepEqual(
    session.problemsFor('q4').map((p) => [p.code, p.path]),
    [['too-short', '/q4']],
  );
  assert.deepEqual(
    session.problemsFor('q5').map((p) => [p.code, p.path]),
    [['too-large', '/q5']],
  );
  assert.deepEqual(
    session.problemsFor('q7').map((p) => [p.code, p.path]),
    [['required', '/q7']],
  );
  // Each call built its field's problem and none of the 299 "required" beside it.
  assert.deepEqual(
    results.map((r) => r.problems.length),
    [1, 1, 1],
  );
  // The whole validation still reports every question (so the filter is not hiding them).
  assert.equal(session.validation().problems.length, QUESTIONS);
});

test('validate(…, { within }) gives exactly the whole validation’s problems inside that field', async () => {
  const { validator } = await ProcedureModel.create(largeProcedure());
  const answers = { q0: 'a', q1: 'bad', q2: 'fine', q3: 4 };
  const whole = validator.validate(answers).problems;
  for (const path of ['q0', 'q1', 'q2', 'q3', 'q4', 'q299']) {
    const within = validator.validate(answers, { within: path }).problems;
    assert.deepEqual(
      within,
      whole.filter((p) => isWithinPath(pointerToFieldPath(p.path), path)),
      path,
    );
  }
});

test('the field index behind normalising is built once per procedure', () => {
  const procedure = largeProcedure();
  assert.equal(fieldIndex(procedure), fieldIndex(procedure));
  assert.equal(fieldIndex(procedure).size, QUESTIONS);
  // Another procedure object (even an equal one) gets its own.
  assert.notEqual(fieldIndex(largeProcedure()), fieldIndex(procedure));
});

test('deciding which of 300 questions stand alone reads the page’s object schema once', async () => {
  const procedure = largeProcedure();
  let reads = 0;
  const properties = new Proxy(procedure.data.properties as Record<string, unknown>, {
    ownKeys(target) {
      reads++;
      return Reflect.ownKeys(target);
    },
  });
  const data = { ...procedure.data, properties } as Procedure['data'];
  const cache = new Map<object, never>();
  const alone = Object.keys(properties).filter((path) => validatesAlone(data, path, cache));
  assert.equal(alone.length, QUESTIONS);
  // One walk over the members for every question together (was one per question).
  assert.equal(reads, 2, 'Object.keys above, then one pass');
  // And the model uses one cache for all its questions.
  const model = await ProcedureModel.create(procedure);
  assert.equal(model.validatedAlone.size, QUESTIONS);
});

test('a model decides which questions stand alone when first asked, not when it is built', async () => {
  // A form builds its model while its first page waits, and asks only once a field is left.
  const procedure = largeProcedure();
  let reads = 0;
  const model = await ProcedureModel.create(procedure);
  const data = model.procedure.data;
  const properties = new Proxy(data.properties as Record<string, unknown>, {
    ownKeys(target) {
      reads++;
      return Reflect.ownKeys(target);
    },
  });
  // The walk reads the page's object schema through the model's procedure: swap in the counter.
  (data as unknown as { properties: unknown }).properties = properties;
  assert.equal(reads, 0);
  // Leaving one field decides for that question alone (one pass over its object's members).
  const first = Object.keys(data.properties as object)[0]!;
  assert.equal(model.standsAlone(first), true);
  assert.equal(reads, 2, 'Object.keys above, then one pass over the members, on first use');
  const decided = (model as unknown as { aloneByPath: Map<string, boolean> }).aloneByPath;
  assert.deepEqual([...decided.keys()], [first], 'the other questions are not decided yet');
  // The whole set, for tooling: every question, with no second pass over the members.
  assert.equal(model.validatedAlone.size, QUESTIONS);
  assert.equal(reads, 2);
  assert.equal(model.standsAlone('no.such.question'), false);
});

test('a model works out its rules’ dependencies on first use, the same as a rules session', async () => {
  const procedure = largeProcedure();
  const model = await ProcedureModel.create(procedure);
  const deps = model.dependencies;
  assert.deepEqual(deps, model.rules.createSession({ onProblem: () => {} }).dependencies());
  assert.equal(model.dependencies, deps, 'kept');
});
