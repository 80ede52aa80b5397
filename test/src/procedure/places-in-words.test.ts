/**
 * Sentences name places in words (`where`), never by pointer: a condition inside a rule's or a
 * named condition's group, a named condition, an option list, and the first use of a duplicate.
 * The problem's own pointer, line and column stay the pointer's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  change(p);
  return JSON.stringify(p, null, 2);
}
const problems = (text: string) =>
  loadProcedure(text).problems.map((p) => [
    p.code,
    p.pointer,
    p.line,
    p.column,
    p.message.vi,
    p.message.en,
  ]);
/** Line and column (1-based) of the first line holding `needle`, at `at`. */
const at = (text: string, needle: string, from = 0): [number, number] => {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  return [line + 1, lines[line]!.search(/\S/) + 1];
};

test("a condition in a named condition's group, and one nested in a rule's, in words", () => {
  const text = variant((p) => {
    p.conditions = { isMother: { all: [{ operator: 'equal', value: 'mother' }] } };
    p.rules[1].conditions = {
      any: [{ condition: 'isMother' }, { all: [{ fact: 'copies', operator: 'greaterThan' }] }],
    };
  });
  const lines = text.split('\n');
  const named = lines.findIndex((l) => l.includes('"operator": "equal"')) - 1;
  const nested = lines.findIndex((l) => l.includes('"fact": "copies"')) - 1;
  assert.deepEqual(problems(text), [
    [
      'schema-required',
      '/rules/1/conditions/any/1/all/0',
      nested + 1,
      lines[nested]!.indexOf('{') + 1,
      'Thiếu mục bắt buộc "value" trong điều kiện thứ 1 trong nhóm all của điều kiện thứ 2 trong nhóm any của quy tắc thứ 2.',
      'The required member "value" is missing in condition 1 of the all group of condition 2 of the any group of rule 2.',
    ],
    [
      'schema-required',
      '/conditions/isMother/all/0',
      named + 1,
      lines[named]!.indexOf('{') + 1,
      'Thiếu mục bắt buộc "fact" trong điều kiện thứ 1 trong nhóm all của điều kiện đặt tên "isMother".',
      'The required member "fact" is missing in condition 1 of the all group of the named condition "isMother".',
    ],
  ]);
});

test('an option of an option list, in words', () => {
  const text = variant((p) => {
    p.optionLists = { rel: { options: [{ value: 'mother', label: { en: 'Mother' } }] } };
  });
  const [line] = at(
    text,
    '"en": "Mother"',
    text.split('\n').findIndex((l) => l.includes('"optionLists"')),
  );
  assert.deepEqual(problems(text), [
    [
      'missing-vi',
      '/optionLists/rel/options/0/label',
      line - 1,
      text.split('\n')[line - 2]!.indexOf('{') + 1,
      'Thiếu nội dung tiếng Việt ("vi") cho "label" của lựa chọn thứ 1 của danh sách lựa chọn "rel"; tiếng Việt là bắt buộc.',
      'The Vietnamese text ("vi") of "label" of option 1 of the option list "rel" is missing; Vietnamese is required.',
    ],
  ]);
});

test('the first use of a duplicate id and an overlapping fee rate, in words', () => {
  const text = variant((p) => {
    p.rules[1].id = 'within-60-days';
    p.fees.items[0].schedule = [
      { from: '2025-01-01', until: '2025-12-31', amount: 8000 },
      { from: '2025-06-01', amount: 9000 },
    ];
  });
  const found = problems(text).map(([code, pointer, , , vi, en]) => [code, pointer, vi, en]);
  assert.deepEqual(found, [
    [
      'fee-schedule-overlap',
      '/fees/items/0/schedule/1',
      'Khoảng thời gian này trùng với mức phí thứ 1 của khoản phí thứ 1; mỗi ngày chỉ được có một mức phí.',
      'This period overlaps rate 1 of fee item 1; only one amount may be in force on any day.',
    ],
    [
      'duplicate-id',
      '/rules/1/id',
      'Mã "within-60-days" bị trùng: quy tắc thứ 1 đã dùng mã này.',
      'The id "within-60-days" is used twice: rule 1 already has it.',
    ],
  ]);
});
