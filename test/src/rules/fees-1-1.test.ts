/**
 * Format 1.1 fees (issue 19, point 7): fixed-amount reductions, schedules in force between dates
 * (the one in force on the submission date applies), and the percentage wording.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatPercent, formatVnd } from '../../../src/payment/index.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { createRules } from '../../../src/rules/index.js';

const minimal = readFileSync(
  new URL('../procedure/fixtures/valid-minimal.json', import.meta.url),
  'utf8',
);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  change(p);
  return JSON.stringify(p, null, 2);
}
const MOTHER = { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] };

const feeOn = async (text: string, today: string, answers: Record<string, unknown>) => {
  const loaded = loadProcedure(text);
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.ok);
  const rules = createRules(loaded.procedure as Procedure, { today, onProblem: () => {} });
  return (await rules.evaluate(answers)).fee;
};

test('a schedule: the amount in force on the submission date applies, else the item amount', async () => {
  const text = variant((p) => {
    p.fees.items[0].schedule = [
      { until: '2025-06-30', amount: 5000 },
      { from: '2025-07-01', until: '2025-12-31', amount: 6000 },
    ];
  });
  const total = async (today: string) => (await feeOn(text, today, { copies: 2 })).total;
  assert.equal(await total('2025-06-30'), 10000);
  assert.equal(await total('2025-07-01'), 12000);
  assert.equal(await total('2025-12-31'), 12000);
  assert.equal(await total('2026-01-01'), 16000);
});

test('a fixed-amount reduction, capped at the subtotal; the most favourable reduction wins', async () => {
  const text = variant((p) => {
    p.fees.reductions = [
      { id: 'fixed', label: { vi: 'Giảm 5.000 đồng' }, amount: 5000, when: MOTHER },
      { id: 'tenth', label: { vi: 'Giảm 10%' }, percent: 10, when: MOTHER },
    ];
  });
  const one = await feeOn(text, '2025-07-01', { relation: 'mother', copies: 1 });
  assert.deepEqual(one.items[0]!.reductions, [
    { id: 'fixed', label: { vi: 'Giảm 5.000 đồng' }, percent: 0, amount: 5000 },
  ]);
  assert.equal(one.total, 3000);
  // 10 copies: 10% of 80,000 is 8,000, more than 5,000.
  const ten = await feeOn(text, '2025-07-01', { relation: 'mother', copies: 10 });
  assert.deepEqual(
    ten.items[0]!.reductions.map((r) => [r.id, r.amount]),
    [['tenth', 8000]],
  );
  assert.equal(ten.total, 72000);
  // Never below zero.
  const capped = variant((p) => {
    p.fees.reductions = [{ id: 'big', label: { vi: 'Giảm' }, amount: 100000, when: MOTHER }];
  });
  assert.equal((await feeOn(capped, '2025-07-01', { relation: 'mother', copies: 1 })).total, 0);
});

test('lint: percent or amount, not both; schedules that overlap or run backwards', () => {
  const both = loadProcedure(
    variant((p) => {
      p.fees.reductions = [{ id: 'r', label: { vi: 'Giảm' }, amount: 1, percent: 5, when: MOTHER }];
    }),
  );
  assert.equal(both.ok, false);
  const overlap = variant((p) => {
    p.fees.items[0].schedule = [
      { from: '2025-01-01', until: '2025-07-01', amount: 5000 },
      { from: '2025-07-01', amount: 6000 },
      { from: '2025-02-30', amount: 1 },
      { from: '2026-02-01', until: '2026-01-01', amount: 1 },
    ];
  });
  const r = loadProcedure(overlap);
  const lines = overlap.split('\n');
  const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.message.en]),
    [
      [
        'fee-schedule-overlap',
        '/fees/items/0/schedule/1',
        line('"from": "2025-07-01"') - 1,
        'This period overlaps rate 1 of fee item 1; only one amount may be in force on any day.',
      ],
      [
        'not-a-date',
        '/fees/items/0/schedule/2/from',
        line('"from": "2025-02-30"'),
        '"2025-02-30" is not a date written YYYY-MM-DD.',
      ],
      [
        'fee-schedule-overlap',
        '/fees/items/0/schedule/3/until',
        line('"until": "2026-01-01"'),
        'The first day 2026-02-01 is after the last day 2026-01-01.',
      ],
    ],
  );
});

test('amounts and percentages are written the Vietnamese way', () => {
  assert.equal(formatVnd(135000), '135.000 đ');
  assert.equal(formatPercent(15), '15');
  assert.equal(formatPercent(33.333), '33,3');
  assert.equal(formatPercent(33.333, 'en'), '33.3');
  assert.equal(formatPercent(12.5), '12,5');
});
