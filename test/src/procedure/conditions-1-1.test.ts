/**
 * Lint of format 1.1 named conditions and check rules (issue 19, points 2 and 3), with positions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';
import { closest } from '../../../src/procedure/suggest.js';
import { checkAnswers } from '../../../src/cli/commands/check.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  p.conditions = {
    isMother: { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] },
    motherWithCopies: {
      all: [{ condition: 'isMother' }, { fact: 'copies', operator: 'greaterThan', value: 0 }],
    },
  };
  change(p);
  return JSON.stringify(p, null, 2);
}
const position = (text: string, needle: string, at = needle) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return [line + 1, lines[line]!.indexOf(at) + 1];
};

test('named conditions used by rules, fees and reductions, and a check rule, lint clean', () => {
  const r = loadProcedure(
    variant((p) => {
      p.rules.push({
        id: 'mother',
        kind: 'require',
        conditions: { all: [{ condition: 'motherWithCopies' }] },
        targets: { fields: ['phone'] },
      });
      p.fees.items[0].when = { any: [{ condition: 'isMother' }] };
      p.fees.reductions = [
        { id: 'r', label: { vi: 'Giảm' }, percent: 50, when: { not: { condition: 'isMother' } } },
      ];
      p.rules.push({
        id: 'born-before-now',
        kind: 'check',
        field: 'child.birthDate',
        conditions: {
          all: [{ fact: 'child.birthDate', operator: 'dateOnOrBefore', value: { fact: 'today' } }],
        },
        message: { vi: 'Ngày sinh không được sau ngày hôm nay' },
      });
    }),
  );
  assert.deepEqual(r.problems, []);
});

test('an unknown named condition is reported where it is referenced, with the closest name', () => {
  const text = variant((p) =>
    p.rules.push({
      id: 'x',
      kind: 'require',
      conditions: { all: [{ condition: 'isMothr' }] },
      targets: { fields: ['phone'] },
    }),
  );
  const r = loadProcedure(text);
  const i = JSON.parse(text).rules.length - 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en, p.message.vi]),
    [
      [
        'unknown-condition',
        `/rules/${i}/conditions/all/0/condition`,
        ...position(text, '"condition": "isMothr"', '"isMothr"'),
        'There is no named condition "isMothr" in "conditions"; did you mean "isMother"?',
        'Không có điều kiện đặt tên "isMothr" trong "conditions"; có phải ý bạn là "isMother"?',
      ],
    ],
  );
});

test('named conditions in a loop are one condition-cycle at the first name', () => {
  const text = variant((p) => {
    p.conditions.isMother = { all: [{ condition: 'motherWithCopies' }] };
  });
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'condition-cycle',
        '/conditions/isMother',
        ...position(text, '"isMother": {'),
        'The named conditions refer to each other in a loop (isMother → motherWithCopies → isMother); a rule using them could never be decided.',
      ],
    ],
  );
});

test('a check rule needs field and message, an existing field outside a list', () => {
  const rule = (extra: Record<string, unknown>) =>
    variant((p) =>
      p.rules.push({
        id: 'c',
        kind: 'check',
        conditions: { all: [{ condition: 'isMother' }] },
        message: { vi: 'Sai' },
        ...extra,
      }),
    );
  const codes = (text: string) =>
    loadProcedure(text).problems.map((p) => [p.code, p.pointer.replace(/^\/rules\/\d+/, '')]);
  assert.deepEqual(codes(rule({})), [['schema-required', '']]);
  assert.deepEqual(codes(rule({ field: 'child.birthdate' })), [['unknown-field', '/field']]);
  assert.deepEqual(codes(rule({ field: 'siblings[].fullName' })), [
    ['check-field-in-list', '/field'],
  ]);
});

test('a member the format refuses is never "suggested" as itself', () => {
  // A named condition where a group belongs, in a format 1.0 file: "condition" is refused in the
  // group, and the leaf definition listing it is not the one that refused it.
  const p = JSON.parse(minimal);
  p.rules[1].conditions = { condition: 'isMother' };
  const r = loadProcedure(JSON.stringify(p, null, 2));
  assert.deepEqual(
    r.problems
      .filter((x) => x.code === 'schema-additional-property')
      .map((x) => [x.pointer, x.message]),
    [
      [
        '/rules/1/conditions/condition',
        {
          vi: 'Mục "condition" không có trong định dạng ở vị trí này.',
          en: '"condition" is not part of the format here.',
        },
      ],
    ],
  );
  // A leaf mixing a fact with a named condition (1.1): its fact members are refused, unsuggested.
  const mixed = variant((q) => (q.rules[1].conditions.any[0].condition = 'isMother'));
  assert.deepEqual(
    loadProcedure(mixed)
      .problems.filter((x) => x.code === 'schema-additional-property')
      .map((x) => x.message.en),
    [
      '"fact" is not part of the format here.',
      '"operator" is not part of the format here.',
      '"value" is not part of the format here.',
    ],
  );
});

test('closest never offers the name itself, but does offer another spelling of it', () => {
  assert.equal(closest('condition', ['condition', 'conditions']), 'conditions');
  assert.equal(closest('condition', ['condition']), '');
  assert.equal(closest('Label', ['label']), 'label');
});

test('closest prefers the same words in another order over a near spelling', () => {
  // Levenshtein alone offers placeOfDeath (4 edits) for dateOfDeath; the author meant deathDate.
  assert.equal(closest('dateOfDeath', ['placeOfDeath', 'deathDate', 'fullName']), 'deathDate');
  assert.equal(closest('issue-date', ['dateIssue', 'issued']), 'dateIssue');
  assert.equal(closest('fullname', ['fullName', 'nameFull']), 'fullName');
});

test('isAnswered/isNotAnswered need no value, and the rule runs without one', async () => {
  const p = JSON.parse(minimal);
  p.rules[1].conditions.any[0] = { fact: 'phone', operator: 'isNotAnswered' };
  const r = loadProcedure(JSON.stringify(p, null, 2));
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  // The require rule holds while the phone is not answered, and no longer once it is.
  const required = async (answers: Record<string, unknown>) =>
    (await checkAnswers(r.procedure, answers, { today: '2026-01-10' })).state.required.documents;
  assert.deepEqual(await required({ relation: 'father' }), ['birth-certificate']);
  assert.deepEqual(await required({ relation: 'father', phone: '0912345678' }), []);
  // Another operator still needs its value, in the plain "required" sentence.
  p.rules[1].conditions.any[0] = { fact: 'phone', operator: 'equal' };
  assert.deepEqual(
    loadProcedure(JSON.stringify(p, null, 2)).problems.map((x) => [x.code, x.pointer, x.message]),
    [
      [
        'schema-required',
        '/rules/1/conditions/any/0',
        {
          vi: 'Thiếu mục bắt buộc "value" trong điều kiện thứ 1 trong nhóm any của quy tắc thứ 2.',
          en: 'The required member "value" is missing in condition 1 of the any group of rule 2.',
        },
      ],
    ],
  );
});

test('a value on isAnswered: true stays valid, another value is a warning that it is ignored', () => {
  const p = JSON.parse(minimal);
  p.rules[1].conditions.any[0] = { fact: 'phone', operator: 'isAnswered', value: true };
  assert.deepEqual(loadProcedure(JSON.stringify(p, null, 2)).problems, []);
  p.rules[1].conditions.any[0] = { fact: 'phone', operator: 'isAnswered', value: false };
  const text = JSON.stringify(p, null, 2);
  const r = loadProcedure(text);
  assert.ok(r.ok, 'a warning: the file still loads');
  assert.deepEqual(
    r.problems.map((x) => [x.code, x.severity, x.pointer, x.line, x.column, x.message]),
    [
      [
        'answered-value-ignored',
        'warning',
        '/rules/1/conditions/any/0/value',
        ...position(text, '"value": false', 'false'),
        {
          vi: 'Phép "isAnswered" không dùng đến "value", nên giá trị false ở đây không có tác dụng: điều kiện chỉ xem trường "phone" đã được trả lời. Hãy bỏ "value"; muốn hỏi điều ngược lại thì dùng "isNotAnswered".',
          en: '"isAnswered" does not use "value", so the value false here has no effect: the condition only asks whether "phone" is answered. Remove "value"; for the opposite, use "isNotAnswered".',
        },
      ],
    ],
  );
});
