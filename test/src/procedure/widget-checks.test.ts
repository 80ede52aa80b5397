/**
 * Issue 19, point 11: lint refuses a widget that cannot produce the answer's type — a radio or
 * select on a list leaves the citizen with an error they cannot fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}

test('a radio on an array field is an error at its widget, with line and column', () => {
  const text = variant((p) => {
    p.data.properties.relation = {
      type: 'array',
      items: { type: 'string', enum: ['father', 'mother'] },
    };
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"widget": "radio"')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'widget-type-mismatch',
        '/ui/steps/0/fields/2/widget',
        line,
        lines[line - 1]!.indexOf('"radio"') + 1,
        '"relation" is a list (type array) but the "radio" widget chooses one value, so the citizen could never fix the error; use a "checkbox" widget with "options" to choose several.',
      ],
    ],
  );
  assert.equal(
    r.problems[0]!.message.vi,
    'Trường "relation" là một danh sách (kiểu array) nhưng widget "radio" chỉ chọn được một giá trị, nên người dân không thể sửa lỗi; dùng widget "checkbox" có "options" để chọn nhiều.',
  );
});

test('a select on an array reached through $ref is refused; a checkbox with options is accepted', () => {
  const r = loadProcedure(
    variant((p) => {
      p.data.$defs.choices = {
        type: 'array',
        items: { type: 'string', enum: ['father', 'mother'] },
      };
      p.data.properties.relation = { $ref: '#/$defs/choices' };
      p.ui.steps[0].fields[2].widget = 'select';
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer]),
    [['widget-type-mismatch', '/ui/steps/0/fields/2/widget']],
  );
  const ok = loadProcedure(
    variant((p) => {
      p.data.properties.relation = {
        type: 'array',
        items: { type: 'string', enum: ['father', 'mother'] },
      };
      p.ui.steps[0].fields[2].widget = 'checkbox';
    }),
  );
  assert.deepEqual(ok.problems, []);
});

test('a checkbox with options on a single answer is refused', () => {
  const r = loadProcedure(variant((p) => (p.ui.steps[0].fields[2].widget = 'checkbox')));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'widget-type-mismatch',
        '/ui/steps/0/fields/2/widget',
        'The "checkbox" widget needs a list (array) field but "relation" has type string; use a "radio" widget or change the type in "data".',
      ],
    ],
  );
});
