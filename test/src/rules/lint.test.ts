import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintRules } from '../../../src/rules/index.js';
import type { Procedure, Rule } from '../../../src/procedure/types.js';

const withRules = (rules: unknown[]): Procedure =>
  ({
    data: {
      type: 'object',
      properties: {
        status: { type: 'string' },
        age: { type: 'integer' },
        spouse: { type: 'object', properties: { name: { type: 'string' } } },
      },
    },
    ui: { steps: [] },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: rules as Rule[],
  }) as unknown as Procedure;

const show = (id: string, leaf: unknown, fields: string[], documents: string[] = []) => ({
  id,
  kind: 'show',
  conditions: { all: [leaf] },
  targets: { fields, documents },
});
const require = (id: string, leaf: unknown, fields: string[], documents: string[] = []) => ({
  id,
  kind: 'require',
  conditions: { all: [leaf] },
  targets: { fields, documents },
});
const eq = (fact: string, value: unknown) => ({ fact, operator: 'equal', value });

test('warns when a require rule contradicts every show rule of its target', () => {
  const problems = lintRules(
    withRules([
      show('show-spouse', eq('status', 'married'), ['spouse']),
      require('require-name', eq('status', 'single'), ['spouse.name']),
    ]),
  );
  assert.deepEqual(problems, [
    {
      code: 'rule-require-never-visible',
      severity: 'warning',
      pointer: '/rules/1/targets/fields/0',
      message: {
        vi: 'Quy tắc "require-name" bắt buộc "spouse.name", nhưng điều kiện của nó mâu thuẫn với mọi quy tắc hiển thị "spouse.name", nên trường này không bao giờ được yêu cầu.',
        en: 'Rule "require-name" requires "spouse.name", but its conditions contradict every rule that shows "spouse.name", so it is never required.',
      },
    },
  ]);
});

test('no warning when one show rule can hold together with the require rule', () => {
  assert.deepEqual(
    lintRules(
      withRules([
        show('a', eq('status', 'married'), ['spouse']),
        show('b', eq('status', 'widowed'), ['spouse']),
        require('r', eq('status', 'widowed'), ['spouse.name']),
      ]),
    ),
    [],
  );
});

test('numeric bounds, presence and lists are compared', () => {
  const lint = (showLeaf: unknown, requireLeaf: unknown) =>
    lintRules(withRules([show('s', showLeaf, ['spouse']), require('r', requireLeaf, ['spouse'])]))
      .length;
  const op = (operator: string, value: unknown, fact = 'age') => ({ fact, operator, value });
  assert.equal(lint(op('lessThan', 18), op('greaterThanInclusive', 18)), 1);
  assert.equal(lint(op('lessThan', 18), op('greaterThan', 17)), 0);
  assert.equal(lint(op('isAnswered', true), op('isNotAnswered', true)), 1);
  assert.equal(lint(op('in', ['a', 'b'], 'status'), op('equal', 'c', 'status')), 1);
  assert.equal(lint(op('in', ['a', 'b'], 'status'), op('notIn', ['a'], 'status')), 0);
  // Different facts never contradict.
  assert.equal(lint(op('equal', 1), op('equal', 'x', 'status')), 0);
});

test('documents are checked too', () => {
  assert.equal(
    lintRules(
      withRules([
        show('s', eq('status', 'married'), [], ['certificate']),
        require('r', eq('status', 'single'), [], ['certificate']),
      ]),
    )[0]?.pointer,
    '/rules/1/targets/documents/0',
  );
});

test('the sample procedures have no require rule that is never visible', () => {
  for (const name of [
    'dang-ky-khai-sinh',
    'dang-ky-ket-hon',
    'dang-ky-thuong-tru',
    'cap-giay-phep-lai-xe-quoc-te',
  ]) {
    const p = JSON.parse(
      readFileSync(new URL(`../../../schemas/procedures/${name}.json`, import.meta.url), 'utf8'),
    ) as Procedure;
    assert.deepEqual(lintRules(p), [], name);
  }
});
