/**
 * A condition's `value` checked against the answer it is compared with (value-checks.ts): a value
 * of the wrong type or outside the field's choices never matches, so the rule silently never
 * holds. Exact codes, pointers, positions and messages; what json-rules-engine evaluates as meant
 * stays clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
type Any = Record<string, any>;
/** valid-minimal with a boolean `married`, a checkbox group `needs`, and `conditions` in a rule. */
function withConditions(conditions: Any[], change: (p: Any) => void = () => {}): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  p.data.properties.married = { type: 'boolean' };
  p.data.properties.needs = { type: 'array', items: { type: 'string', enum: ['post', 'sms'] } };
  p.data.properties.status = { type: 'string' };
  p.ui.steps[1].fields.push(
    {
      field: 'needs',
      widget: 'checkbox',
      label: { vi: 'Cần' },
      options: [
        { value: 'post', label: { vi: 'Bưu điện' } },
        { value: 'sms', label: { vi: 'Tin nhắn' } },
      ],
    },
    {
      field: 'status',
      widget: 'radio',
      label: { vi: 'Tình trạng' },
      options: [
        { value: 'parents-married', label: { vi: 'Cha mẹ đã kết hôn' } },
        { value: 'father-unknown', label: { vi: 'Chưa xác định cha' } },
      ],
    },
  );
  p.rules.push({
    id: 'tested',
    kind: 'show',
    conditions: { all: conditions },
    targets: { fields: ['phone'] },
  });
  change(p);
  return JSON.stringify(p, null, 2);
}
/** Line and column of the last line holding `needle` (the rules come after the ui), at `value`. */
const at = (text: string, needle: string, value = needle): [number, number] => {
  const lines = text.split('\n');
  const i = lines.findLastIndex((l) => l.includes(needle));
  return [i + 1, lines[i]!.indexOf(value, lines[i]!.indexOf(needle)) + 1];
};
const problems = (text: string) =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]);
const T = '/rules/2/conditions/all';

test('a string "false" against a boolean and "2" against a number are condition-value-type', () => {
  const text = withConditions([
    { fact: 'married', operator: 'equal', value: 'false' },
    { fact: 'copies', operator: 'notEqual', value: '2' },
    {
      fact: 'ageInYears',
      params: { field: 'child.birthDate' },
      operator: 'lessThan',
      value: 'six',
    },
  ]);
  const r = loadProcedure(text);
  assert.deepEqual(problems(text), [
    [
      'condition-value-type',
      `${T}/0/value`,
      ...at(text, '"false"'),
      'The value "false" is a string but "married" is true or false, so "equal" never matches; did you mean false?',
    ],
    [
      'condition-value-type',
      `${T}/1/value`,
      ...at(text, '"2"'),
      'The value "2" is a string but "copies" is a whole number, so "notEqual" never matches; did you mean 2?',
    ],
    [
      'condition-value-type',
      `${T}/2/value`,
      ...at(text, '"six"'),
      'The value "six" is a string but "ageInYears" is a whole number, so "lessThan" never matches.',
    ],
  ]);
  assert.equal(
    r.problems[0]!.message.vi,
    'Giá trị "false" là một chuỗi văn bản nhưng "married" là true hoặc false, nên phép so sánh "equal" không bao giờ khớp; có phải ý bạn là false?',
  );
});

test('a value outside the enum or the options is unknown-option, with the closest one', () => {
  const text = withConditions([
    { fact: 'status', operator: 'equal', value: 'parents-maried' },
    { fact: 'relation', operator: 'notIn', value: ['father', 'mothr'] },
    { fact: 'needs', operator: 'contains', value: 'email' },
    { fact: 'needs', operator: 'containsAny', value: ['sms', 'psot'] },
  ]);
  const r = loadProcedure(text);
  assert.deepEqual(problems(text), [
    [
      'unknown-option',
      `${T}/0/value`,
      ...at(text, '"parents-maried"'),
      'The value "parents-maried" is not an option of "status", so the condition never matches; did you mean "parents-married"?',
    ],
    [
      'unknown-option',
      `${T}/1/value/1`,
      ...at(text, '"mothr"'),
      'The value "mothr" is not an option of "relation", so the condition never matches; did you mean "mother"?',
    ],
    [
      'unknown-option',
      `${T}/2/value`,
      ...at(text, '"email"'),
      'The value "email" is not an option of "needs", so the condition never matches.',
    ],
    [
      'unknown-option',
      `${T}/3/value/1`,
      ...at(text, '"psot"'),
      'The value "psot" is not an option of "needs", so the condition never matches; did you mean "post"?',
    ],
  ]);
  assert.equal(
    r.problems[0]!.message.vi,
    'Giá trị "parents-maried" không phải là một lựa chọn của "status", nên điều kiện không bao giờ khớp; có phải ý bạn là "parents-married"?',
  );
});

test('in, notIn and the set operators need a list', () => {
  const text = withConditions([
    { fact: 'relation', operator: 'in', value: 'mother' },
    { fact: 'needs', operator: 'containsAll', value: 'sms' },
  ]);
  const r = loadProcedure(text);
  assert.deepEqual(problems(text), [
    [
      'condition-value-type',
      `${T}/0/value`,
      ...at(text, '"value": "mother"', '"mother"'),
      'The operator "in" needs a list […] of values, not "mother".',
    ],
    [
      'condition-value-type',
      `${T}/1/value`,
      ...at(text, '"value": "sms"', '"sms"'),
      'The operator "containsAll" needs a list […] of values, not "sms".',
    ],
  ]);
  assert.equal(
    r.problems[0]!.message.vi,
    'Phép so sánh "in" cần một danh sách […] các giá trị, không phải "mother".',
  );
});

test('rules, named conditions, fee items and reductions are all checked', () => {
  const bad = { fact: 'married', operator: 'equal', value: 'true' };
  const text = withConditions([{ condition: 'wed' }], (p) => {
    p.formatVersion = 1.1;
    p.conditions = { wed: { all: [bad] } };
    p.fees.items[0].when = { all: [bad] };
    p.fees.reductions[0].when = { any: [bad] };
  });
  assert.deepEqual(
    loadProcedure(text).problems.map((p) => [p.code, p.pointer]),
    [
      // In the order of the file (`conditions` was added last).
      ['condition-value-type', '/fees/items/0/when/all/0/value'],
      ['condition-value-type', '/fees/reductions/0/when/any/0/value'],
      ['condition-value-type', '/conditions/wed/all/0/value'],
    ],
  );
});

test('what json-rules-engine evaluates as meant stays clean', () => {
  const text = withConditions([
    { fact: 'married', operator: 'equal', value: false },
    { fact: 'copies', operator: 'greaterThan', value: '1' },
    { fact: 'copies', operator: 'lessThanInclusive', value: 3 },
    { fact: 'relation', operator: 'in', value: ['father', 'mother'] },
    { fact: 'status', operator: 'notEqual', value: 'father-unknown' },
    { fact: 'needs', operator: 'contains', value: 'sms' },
    { fact: 'needs', operator: 'containsNone', value: ['post'] },
    { fact: 'relation', operator: 'containsAny', value: ['mother'] },
    { fact: 'siblings[].fullName', operator: 'contains', value: 'Nguyễn Văn A' },
    { fact: 'relation', operator: 'equal', value: { fact: 'status' } },
    { fact: 'phone', operator: 'equal', value: '0912345678' },
    { fact: 'child.birthDate', operator: 'lessThan', value: '2020-01-01' },
    { fact: 'needs', operator: 'equal', value: 'sms' },
    { fact: 'married', operator: 'isAnswered', value: true },
    { fact: 'count', params: { field: 'siblings' }, operator: 'greaterThan', value: 0 },
  ]);
  assert.deepEqual(loadProcedure(text).problems, []);
});
