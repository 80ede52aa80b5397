/**
 * Lint of the format 1.1 date facts and operators (issue 19, point 1): parameters, `today`, whole
 * numbers, and `not-a-date` where a date comparison could never be true — with exact positions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function withCondition(condition: Record<string, any>): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  p.data.properties.issueDate = { type: 'string', format: 'date' };
  p.rules.push({
    id: 'dated',
    kind: 'eligibility',
    conditions: { all: [condition] },
    reason: { vi: 'Giấy tờ đã quá hạn.' },
  });
  return JSON.stringify(p, null, 2);
}
const last = (text: string) => JSON.parse(text).rules.length - 1;

test('date facts and operators with fields, today and shifts lint clean', () => {
  for (const condition of [
    {
      fact: 'date',
      params: { of: 'issueDate', addMonths: 6 },
      operator: 'dateOnOrAfter',
      value: { fact: 'today' },
    },
    { fact: 'issueDate', operator: 'dateBefore', value: { fact: 'child.birthDate' } },
    { fact: 'issueDate', operator: 'dateAfter', value: '1975-04-30' },
    {
      fact: 'ageInYears',
      params: { field: 'child.birthDate', at: 'issueDate' },
      operator: 'lessThan',
      value: 14,
    },
    {
      fact: 'monthsBetween',
      params: { from: 'issueDate', to: 'today' },
      operator: 'lessThan',
      value: 6,
    },
    {
      fact: 'today',
      operator: 'dateOnOrBefore',
      value: { fact: 'date', params: { of: 'issueDate', addYears: 1, addDays: -1 } },
    },
  ]) {
    const r = loadProcedure(withCondition(condition));
    assert.deepEqual(r.problems, [], JSON.stringify(condition));
  }
});

test('a date comparison on a non-date, a number fact or a bad literal is not-a-date, at its place', () => {
  const text = withCondition({ fact: 'copies', operator: 'dateBefore', value: '2025-02-30' });
  const r = loadProcedure(text);
  const i = last(text);
  const lines = text.split('\n');
  const at = (needle: string) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return [line + 1, lines[line]!.indexOf(needle.split(': ')[1]!) + 1];
  };
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'not-a-date',
        `/rules/${i}/conditions/all/0/fact`,
        ...at('"fact": "copies"'),
        '"copies" is compared as a date but has no "format": "date"; the date comparison would always be false.',
      ],
      [
        'not-a-date',
        `/rules/${i}/conditions/all/0/value`,
        ...at('"value": "2025-02-30"'),
        '"2025-02-30" is not a date written YYYY-MM-DD.',
      ],
    ],
  );
  const number = loadProcedure(
    withCondition({
      fact: 'ageInYears',
      params: { field: 'child.birthDate' },
      operator: 'dateAfter',
      value: '2025-01-01',
    }),
  );
  assert.deepEqual(
    number.problems.map((p) => [p.code, p.message.vi]),
    [
      [
        'not-a-date',
        'Phép so sánh ngày cần một ngày; "ageInYears" là một con số. Dùng trường ngày, "today" hoặc "date".',
      ],
    ],
  );
});

test('date parameters: unknown fields, non-date fields, shifts that are not whole numbers', () => {
  const r = loadProcedure(
    withCondition({
      fact: 'date',
      params: { of: 'relation', addMonths: 1.5 },
      operator: 'dateAfter',
      value: { fact: 'monthsBetween', params: { from: 'issueDat', to: 'today' } },
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [
      p.code,
      p.pointer.replace(/^\/rules\/\d+\/conditions\/all\/0/, ''),
      p.message.en,
    ]),
    [
      [
        'not-a-date',
        '/params/of',
        '"relation" is compared as a date but has no "format": "date"; the date comparison would always be false.',
      ],
      ['schema-type', '/params/addMonths', '"addMonths" must be a whole number.'],
      [
        'not-a-date',
        '/value/fact',
        'A date comparison needs a date; "monthsBetween" is a number. Use a date field, "today" or "date".',
      ],
      [
        'unknown-field',
        '/value/params/from',
        'The field "issueDat" does not exist in the "data" schema; did you mean "issueDate"?',
      ],
    ],
  );
});

test('format 1.0 files keep loading unchanged, and 1.1 is accepted', () => {
  const p = JSON.parse(minimal);
  assert.equal(p.formatVersion, 1);
  assert.deepEqual(loadProcedure(minimal).problems, []);
  p.formatVersion = 1.1;
  assert.deepEqual(loadProcedure(JSON.stringify(p)).problems, []);
  p.formatVersion = 2;
  assert.deepEqual(
    loadProcedure(JSON.stringify(p)).problems.map((x) => x.code),
    ['schema-enum'],
  );
});

test('1.1 features in a file that declares formatVersion 1: one error at the first, warnings at the others', () => {
  const p = JSON.parse(minimal);
  p.data.properties.issueDate = { type: 'string', format: 'date' };
  // The checked field is asked (else check-field-not-asked).
  p.ui.steps[0].fields.push({ field: 'issueDate', widget: 'date', label: { vi: 'Ngày cấp' } });
  p.rules.push({
    id: 'dated',
    kind: 'check',
    field: 'issueDate',
    conditions: {
      all: [{ fact: 'issueDate', operator: 'dateOnOrBefore', value: { fact: 'today' } }],
    },
    message: { vi: 'Ngày cấp không được sau hôm nay' },
  });
  const text = JSON.stringify(p, null, 2);
  const lines = text.split('\n');
  const at = (needle: string, token: string) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return [line + 1, lines[line]!.indexOf(token) + 1];
  };
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((x) => [x.code, x.severity, x.pointer, x.line, x.column, x.message.en]),
    [
      [
        'format-version',
        'error',
        '/rules/2/kind',
        ...at('"kind": "check"', '"check"'),
        '"kind": "check" is a format 1.1 feature; declare "formatVersion": 1.1 at the top of the file. The file uses format 1.1 features in 2 other places too (marked as warnings); this one declaration covers them all.',
      ],
      [
        'format-version',
        'warning',
        '/rules/2/conditions/all/0/operator',
        ...at('"operator": "dateOnOrBefore"', '"dateOnOrBefore"'),
        'dateOnOrBefore here is a format 1.1 feature, but the file declares "formatVersion": 1. Change that line at the top of the file to "formatVersion": 1.1 (the newest format the file uses; this one change fixes every place marked), or take it out here if the file must stay at format 1.',
      ],
      [
        'format-version',
        'warning',
        '/rules/2/conditions/all/0/value/fact',
        ...at('"fact": "today"', '"today"'),
        '{ "fact": "today" } as a value here is a format 1.1 feature, but the file declares "formatVersion": 1. Change that line at the top of the file to "formatVersion": 1.1 (the newest format the file uses; this one change fixes every place marked), or take it out here if the file must stay at format 1.',
      ],
    ],
  );
  // The Vietnamese sentences are Vietnamese throughout (no English words around the JSON).
  assert.deepEqual(
    r.problems.map((x) => x.message.vi),
    [
      '"kind": "check" thuộc định dạng 1.1; hãy khai báo "formatVersion": 1.1 ở đầu tệp. Tệp còn dùng tính năng của định dạng 1.1 ở 2 chỗ khác (đánh dấu là cảnh báo); khai báo này là đủ cho tất cả.',
      'dateOnOrBefore ở chỗ này là tính năng của định dạng 1.1, nhưng tệp khai báo "formatVersion": 1. Hãy sửa dòng đó ở đầu tệp thành "formatVersion": 1.1 (định dạng mới nhất mà tệp dùng; một lần sửa này là đủ cho mọi chỗ được đánh dấu), hoặc bỏ nó khỏi chỗ này nếu tệp phải giữ định dạng 1.',
      'Giá trị so sánh { "fact": "today" } ở chỗ này là tính năng của định dạng 1.1, nhưng tệp khai báo "formatVersion": 1. Hãy sửa dòng đó ở đầu tệp thành "formatVersion": 1.1 (định dạng mới nhất mà tệp dùng; một lần sửa này là đủ cho mọi chỗ được đánh dấu), hoặc bỏ nó khỏi chỗ này nếu tệp phải giữ định dạng 1.',
    ],
  );
  p.formatVersion = 1.1;
  assert.deepEqual(loadProcedure(JSON.stringify(p, null, 2)).problems, []);
});

test('1.1: ageInYears and daysBetween from a field that is not a date are not-a-date at the param', () => {
  const text = withCondition({
    fact: 'daysBetween',
    params: { from: 'copies', to: 'today' },
    operator: 'lessThan',
    value: 30,
  });
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"from": "copies"')) + 1;
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'not-a-date',
        `/rules/${last(text)}/conditions/all/0/params/from`,
        line,
        lines[line - 1]!.indexOf('"copies"') + 1,
        '"copies" is compared as a date but has no "format": "date"; the date comparison would always be false.',
      ],
    ],
  );
  const age = loadProcedure(
    withCondition({
      fact: 'ageInYears',
      params: { field: 'relation' },
      operator: 'lessThan',
      value: 14,
    }),
  );
  assert.deepEqual(
    age.problems.map((p) => [p.code, p.pointer]),
    [['not-a-date', `/rules/${last(text)}/conditions/all/0/params/field`]],
  );
});

test('1.0: a date parameter on a field that cannot hold text is not-a-date; text stays as before', () => {
  const p = JSON.parse(minimal);
  p.rules[0].conditions.all[0].params.from = 'copies';
  const r = loadProcedure(JSON.stringify(p, null, 2));
  assert.deepEqual(
    r.problems.map((x) => [x.code, x.pointer]),
    [['not-a-date', '/rules/0/conditions/all/0/params/from']],
  );
  p.rules[0].conditions.all[0].params.from = 'phone';
  assert.deepEqual(loadProcedure(JSON.stringify(p, null, 2)).problems, []);
});
