// The two classic bugs of conditional forms, proven impossible end to end (rules → validator):
// "hidden but still required" and "required but never shown".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRules, validationOptions } from '../../../src/rules/index.js';
import { createValidator } from '../../../src/validation/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

const procedure = {
  data: {
    type: 'object',
    required: ['married', 'spouseName'],
    properties: {
      married: { type: 'boolean' },
      hasChildren: { type: 'boolean' },
      spouseName: { type: 'string', minLength: 1 },
      childrenCount: { type: 'integer', minimum: 1 },
    },
  },
  ui: { steps: [] },
  documents: [],
  fees: { currency: 'VND', items: [] },
  rules: [
    {
      id: 'show-spouse',
      kind: 'show',
      conditions: { all: [{ fact: 'married', operator: 'equal', value: true }] },
      targets: { fields: ['spouseName', 'childrenCount'] },
    },
    {
      id: 'require-children-count',
      kind: 'require',
      conditions: { all: [{ fact: 'hasChildren', operator: 'equal', value: true }] },
      targets: { fields: ['childrenCount'] },
    },
  ],
} as unknown as Procedure;

const check = async (answers: Record<string, unknown>) => {
  const rules = await createRules(procedure, { today: '2025-06-01' }).evaluate(answers);
  const validator = await createValidator(procedure);
  const r = validator.validate(answers, validationOptions(rules));
  return { problems: r.problems.map((p) => [p.code, p.path]), value: r.value };
};

test('hidden but still required cannot happen: a schema-required field hidden by a show rule does not block', async () => {
  const validator = await createValidator(procedure);
  // Without the rules the hidden field would block the applicant:
  assert.deepEqual(
    validator.validate({ married: false }).problems.map((p) => [p.code, p.path]),
    [['required', '/spouseName']],
  );
  assert.deepEqual(await check({ married: false }), { problems: [], value: { married: false } });
});

test('a hidden field is neither validated nor submitted', async () => {
  const r = await check({ married: false, spouseName: '', childrenCount: -3 });
  assert.deepEqual(r, { problems: [], value: { married: false } });
});

test('required but never shown cannot happen: a rule-required field that is hidden is not required', async () => {
  assert.deepEqual((await check({ married: false, hasChildren: true })).problems, []);
  // Once shown, the same rule makes it required.
  assert.deepEqual(
    (await check({ married: true, spouseName: 'Lan', hasChildren: true })).problems,
    [['required', '/childrenCount']],
  );
});

test('a field inside a hidden group is dropped with the group', async () => {
  const family = JSON.parse(
    readFileSync(new URL('./fixtures/family.json', import.meta.url), 'utf8'),
  ) as Procedure;
  const answers = {
    applicant: { fullName: 'An' },
    maritalStatus: 'single',
    // The person schema requires fullName; the group is hidden, so its half-filled answers go.
    spouse: { idNumber: '0' },
  };
  const rules = await createRules(family, { today: '2025-06-01' }).evaluate(answers);
  const r = (await createValidator(family)).validate(answers, validationOptions(rules));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.value, { applicant: { fullName: 'An' }, maritalStatus: 'single' });
});
