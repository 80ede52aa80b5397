import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageInYears,
  createRules,
  daysBetween,
  isAnsweredValue,
  parseIsoDate,
  readPath,
  todayInVietnam,
} from '../../../src/rules/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

const d = (s: string) => parseIsoDate(s)!;

test('parseIsoDate accepts real calendar dates only', () => {
  assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
  assert.equal(parseIsoDate('2025-02-29'), undefined);
  assert.equal(parseIsoDate('2025-13-01'), undefined);
  assert.equal(parseIsoDate('2025-6-1'), undefined);
  assert.equal(parseIsoDate('01/06/2025'), undefined);
  assert.equal(parseIsoDate(20250601), undefined);
});

test('ageInYears counts full years; the birthday itself completes the year', () => {
  assert.equal(ageInYears(d('2019-06-01'), d('2025-05-31')), 5);
  assert.equal(ageInYears(d('2019-06-01'), d('2025-06-01')), 6);
  assert.equal(ageInYears(d('2019-12-31'), d('2025-06-01')), 5);
  // Born on 29 February: the birthday comes on 1 March in a common year.
  assert.equal(ageInYears(d('2020-02-29'), d('2021-02-28')), 0);
  assert.equal(ageInYears(d('2020-02-29'), d('2021-03-01')), 1);
  assert.equal(ageInYears(d('2020-02-29'), d('2024-02-29')), 4);
});

test('daysBetween counts calendar days across months, leap days and years', () => {
  assert.equal(daysBetween(d('2025-01-01'), d('2025-03-02')), 60);
  assert.equal(daysBetween(d('2024-02-28'), d('2024-03-01')), 2);
  assert.equal(daysBetween(d('2024-12-31'), d('2025-01-01')), 1);
  assert.equal(daysBetween(d('2025-06-01'), d('2025-05-01')), -31);
});

test('todayInVietnam is the date at UTC+7', () => {
  // 16:59:59 UTC is 23:59:59 in Hà Nội; 17:00 UTC is already the next day there.
  assert.equal(todayInVietnam(Date.UTC(2025, 5, 1, 16, 59, 59)), '2025-06-01');
  assert.equal(todayInVietnam(Date.UTC(2025, 5, 1, 17, 0, 0)), '2025-06-02');
  assert.match(todayInVietnam(), /^\d{4}-\d{2}-\d{2}$/);
});

test('readPath reads nested answers and lists of item properties', () => {
  const answers = {
    child: { birthDate: '2025-01-01' },
    siblings: [{ name: 'An' }, {}, { name: 'Bình' }],
  };
  assert.equal(readPath(answers, 'child.birthDate'), '2025-01-01');
  assert.equal(readPath(answers, 'child.missing.deeper'), undefined);
  assert.deepEqual(readPath(answers, 'siblings[].name'), ['An', 'Bình']);
  assert.equal(readPath(answers, 'constructor'), undefined);
  assert.equal(readPath(answers, 'child.birthDate.length'), undefined);
});

test('isAnsweredValue: false and 0 are answers; blank text, null, empty lists and all-empty objects are not', () => {
  // The one rule of src/session/field-path.ts: the form and the server count the same answers.
  assert.deepEqual([false, 0, 'a', ['x'], { street: 'x' }].map(isAnsweredValue), [
    true,
    true,
    true,
    true,
    true,
  ]);
  assert.deepEqual(
    [undefined, null, '', '   ', [], {}, { province: '', commune: ' ' }].map(isAnsweredValue),
    [false, false, false, false, false, false, false],
  );
});

const factProcedure = (conditions: unknown): Procedure =>
  ({
    data: {
      type: 'object',
      properties: {
        birthDate: { type: 'string' },
        deathDate: { type: 'string' },
        children: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    },
    ui: { steps: [] },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: [{ id: 'r', kind: 'eligibility', conditions: { all: [conditions] } }],
  }) as unknown as Procedure;

const holds = async (condition: unknown, answers: Record<string, unknown>, today = '2025-06-01') =>
  (await createRules(factProcedure(condition), { today, onProblem: () => {} }).evaluate(answers))
    .eligibility.status;

test('the today fact is the injected date', async () => {
  assert.equal(
    await holds({ fact: 'today', operator: 'equal', value: '2025-06-01' }, {}),
    'eligible',
  );
  assert.equal(
    await holds({ fact: 'today', operator: 'equal', value: '2025-06-01' }, {}, '2025-06-02'),
    'ineligible',
  );
});

test('ageInYears reads the date in params.field on today', async () => {
  const c = {
    fact: 'ageInYears',
    params: { field: 'birthDate' },
    operator: 'greaterThanInclusive',
    value: 18,
  };
  assert.equal(await holds(c, { birthDate: '2007-06-01' }), 'eligible');
  assert.equal(await holds(c, { birthDate: '2007-06-02' }), 'ineligible');
  assert.equal(await holds(c, {}), 'unknown');
});

test('daysBetween takes field paths or "today" on either side', async () => {
  const late = {
    fact: 'daysBetween',
    params: { from: 'birthDate', to: 'today' },
    operator: 'greaterThan',
    value: 60,
  };
  assert.equal(await holds(late, { birthDate: '2025-04-01' }), 'eligible');
  assert.equal(await holds(late, { birthDate: '2025-04-02' }), 'ineligible');
  const span = {
    fact: 'daysBetween',
    params: { from: 'birthDate', to: 'deathDate' },
    operator: 'equal',
    value: 10,
  };
  assert.equal(await holds(span, { birthDate: '2025-01-01', deathDate: '2025-01-11' }), 'eligible');
  assert.equal(await holds(span, { birthDate: '2025-01-01' }), 'unknown');
});

test('count is the number of items, 0 when the list is absent', async () => {
  const c = {
    fact: 'count',
    params: { field: 'children' },
    operator: 'greaterThanInclusive',
    value: 2,
  };
  assert.equal(await holds(c, { children: [{ name: 'An' }, { name: 'Bình' }] }), 'eligible');
  assert.equal(await holds(c, { children: [{ name: 'An' }] }), 'ineligible');
  assert.equal(await holds(c, {}), 'ineligible');
  const none = { fact: 'count', params: { field: 'children' }, operator: 'equal', value: 0 };
  assert.equal(await holds(none, {}), 'eligible');
  assert.equal(await holds(none, { children: 'many' }), 'unknown');
});

test('contains asks about a property across the items of a list', async () => {
  const c = { fact: 'children[].name', operator: 'contains', value: 'Bình' };
  assert.equal(await holds(c, { children: [{ name: 'An' }, { name: 'Bình' }] }), 'eligible');
  assert.equal(await holds(c, { children: [{ name: 'An' }] }), 'ineligible');
});

test('without options.today the session uses the current date in Vietnam', async () => {
  const c = { fact: 'today', operator: 'equal', value: todayInVietnam() };
  const session = createRules(factProcedure(c), { onProblem: () => {} });
  assert.equal((await session.evaluate({})).eligibility.status, 'eligible');
});

test('fields come from the schema ($ref, lists, conditional parts) and the ui, in that order', async () => {
  const p = {
    data: {
      type: 'object',
      properties: {
        members: { type: 'array', items: { $ref: '#/$defs/member' } },
        kind: { type: 'string' },
      },
      allOf: [{ if: {}, then: { properties: { extra: { type: 'string' } } } }],
      $defs: { member: { type: 'object', properties: { fullName: { type: 'string' } } } },
    },
    ui: {
      steps: [
        {
          id: 's',
          title: { vi: 's' },
          fields: [
            {
              field: 'members',
              widget: 'group',
              label: { vi: 'm' },
              fields: [{ field: 'photo', widget: 'file', label: { vi: 'p' }, document: 'photo' }],
            },
          ],
        },
      ],
    },
    documents: [{ id: 'photo' }],
    fees: { currency: 'VND', items: [] },
    rules: [
      {
        id: 'r',
        kind: 'show',
        conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'family' }] },
        targets: { fields: ['members'] },
      },
    ],
  } as unknown as Procedure;
  const r = await createRules(p, { today: '2025-06-01' }).evaluate({});
  assert.deepEqual(r.visible.fields, ['kind', 'extra']);
  assert.deepEqual(r.hidden, {
    fields: ['members', 'members[].fullName', 'members[].photo'],
    documents: ['photo'],
  });
});
