/**
 * Format 1.1 dates (issue 19, point 1): calendar month arithmetic with the Civil Code's month-end
 * rule, full months/years between dates, age at a date field, and date comparisons between two
 * fields, `today` and shifted dates — as facts and operators of the one rules engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  ageInYears,
  compareDates,
  createRules,
  formatIsoDate,
  monthsBetween,
  parseIsoDate,
  yearsBetween,
  type CivilDate,
} from '../../../src/rules/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

const d = (s: string) => parseIsoDate(s)!;
const iso = formatIsoDate;

test('addMonths keeps the day, or takes the last day of a shorter month (Civil Code Art. 148)', () => {
  assert.equal(iso(addMonths(d('2025-01-31'), 1)), '2025-02-28');
  assert.equal(iso(addMonths(d('2024-01-31'), 1)), '2024-02-29');
  assert.equal(iso(addMonths(d('2025-03-31'), -1)), '2025-02-28');
  assert.equal(iso(addMonths(d('2025-08-31'), 1)), '2025-09-30');
  assert.equal(iso(addMonths(d('2024-02-29'), 12)), '2025-02-28');
  assert.equal(iso(addMonths(d('2024-02-29'), 48)), '2028-02-29');
  assert.equal(iso(addMonths(d('2025-11-15'), 3)), '2026-02-15');
  assert.equal(iso(addMonths(d('2025-01-15'), -13)), '2023-12-15');
  assert.equal(iso(addDays(d('2024-02-28'), 1)), '2024-02-29');
  assert.equal(iso(addDays(d('2025-03-01'), -1)), '2025-02-28');
});

test('monthsBetween and yearsBetween count full calendar periods', () => {
  assert.equal(monthsBetween(d('2025-01-31'), d('2025-02-28')), 1);
  assert.equal(monthsBetween(d('2025-01-31'), d('2025-02-27')), 0);
  assert.equal(monthsBetween(d('2025-01-15'), d('2025-07-14')), 5);
  assert.equal(monthsBetween(d('2025-01-15'), d('2025-07-15')), 6);
  assert.equal(monthsBetween(d('2025-07-15'), d('2025-01-15')), -6);
  assert.equal(yearsBetween(d('2024-02-29'), d('2025-02-28')), 1);
  assert.equal(yearsBetween(d('2020-06-01'), d('2025-05-31')), 4);
  assert.equal(yearsBetween(d('2025-05-31'), d('2020-06-01')), -4);
});

const dateArb = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2100, 11, 31)),
    noInvalidDate: true,
  })
  .map((t): CivilDate => ({
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
  }));
const monthsArb = fc.integer({ min: -600, max: 600 });

test('property: addMonths gives a real date in the right month, never past the original day', () => {
  fc.assert(
    fc.property(dateArb, monthsArb, (from, n) => {
      const to = addMonths(from, n);
      assert.ok(parseIsoDate(iso(to)), iso(to));
      assert.equal(to.year * 12 + to.month - (from.year * 12 + from.month), n);
      assert.ok(to.day <= from.day);
      // Only a month without the day moves it, and then to that month's last day.
      if (to.day < from.day) assert.equal(addDays(to, 1).day, 1);
    }),
    { numRuns: 2000 },
  );
});

test('property: monthsBetween(from, addMonths(from, n)) is n, and it brackets the date', () => {
  fc.assert(
    fc.property(dateArb, monthsArb, (from, n) => {
      assert.equal(monthsBetween(from, addMonths(from, n)), n);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(dateArb, dateArb, (a, b) => {
      const [from, to] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
      const m = monthsBetween(from, to);
      assert.ok(m >= 0);
      assert.ok(compareDates(addMonths(from, m), to) <= 0);
      assert.ok(compareDates(addMonths(from, m + 1), to) > 0);
      assert.equal(monthsBetween(to, from), 0 - m);
      assert.equal(yearsBetween(from, to), Math.floor(m / 12));
    }),
    { numRuns: 2000 },
  );
});

test('property: yearsBetween is the age in full years, except a 29 February birthday on 28 February', () => {
  fc.assert(
    fc.property(dateArb, dateArb, (birth, on) => {
      fc.pre(compareDates(birth, on) <= 0);
      const leapDayEve = birth.month === 2 && birth.day === 29 && on.month === 2 && on.day === 28;
      assert.equal(yearsBetween(birth, on) - ageInYears(birth, on), leapDayEve ? 1 : 0);
    }),
    { numRuns: 2000 },
  );
});

// The facts and operators, through createRules as the session runs them.
const procedure = (conditions: unknown): Procedure =>
  ({
    data: {
      type: 'object',
      properties: {
        birthDate: { type: 'string', format: 'date' },
        marriageDate: { type: 'string', format: 'date' },
        issueDate: { type: 'string', format: 'date' },
        expiryDate: { type: 'string', format: 'date' },
      },
    },
    ui: { steps: [] },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: [{ id: 'r', kind: 'eligibility', conditions: { all: [conditions] } }],
  }) as unknown as Procedure;

const status = async (
  condition: unknown,
  answers: Record<string, unknown>,
  today = '2025-07-31',
) => {
  const problems: unknown[] = [];
  const r = await createRules(procedure(condition), {
    today,
    onProblem: (p) => problems.push(p),
  }).evaluate(answers);
  assert.deepEqual(problems, []);
  return r.eligibility.status;
};

const ISSUED_WITHIN_6_MONTHS = {
  fact: 'date',
  params: { of: 'issueDate', addMonths: 6 },
  operator: 'dateOnOrAfter',
  value: { fact: 'today' },
};

test('"issued at most 6 months ago": the day 6 months on still counts, the next does not', async () => {
  assert.equal(await status(ISSUED_WITHIN_6_MONTHS, { issueDate: '2025-01-31' }), 'eligible');
  assert.equal(
    await status(ISSUED_WITHIN_6_MONTHS, { issueDate: '2025-01-31' }, '2025-08-01'),
    'ineligible',
  );
  // 31 August + 6 months is 28 February (month-end rule).
  assert.equal(
    await status(ISSUED_WITHIN_6_MONTHS, { issueDate: '2025-08-31' }, '2026-02-28'),
    'eligible',
  );
  assert.equal(
    await status(ISSUED_WITHIN_6_MONTHS, { issueDate: '2025-08-31' }, '2026-03-01'),
    'ineligible',
  );
  assert.equal(await status(ISSUED_WITHIN_6_MONTHS, {}), 'unknown');
});

test('"expired at most 12 months ago" from a leap day', async () => {
  const c = {
    fact: 'date',
    params: { of: 'expiryDate', addYears: 1 },
    operator: 'dateOnOrAfter',
    value: { fact: 'today' },
  };
  assert.equal(await status(c, { expiryDate: '2024-02-29' }, '2025-02-28'), 'eligible');
  assert.equal(await status(c, { expiryDate: '2024-02-29' }, '2025-03-01'), 'ineligible');
});

test('two date fields compared; "not in the future"; literal dates', async () => {
  const before = { fact: 'issueDate', operator: 'dateBefore', value: { fact: 'expiryDate' } };
  assert.equal(
    await status(before, { issueDate: '2020-01-01', expiryDate: '2030-01-01' }),
    'eligible',
  );
  assert.equal(
    await status(before, { issueDate: '2030-01-01', expiryDate: '2030-01-01' }),
    'ineligible',
  );
  assert.equal(await status(before, { issueDate: '2020-01-01' }), 'unknown');
  const notFuture = { fact: 'issueDate', operator: 'dateOnOrBefore', value: { fact: 'today' } };
  assert.equal(await status(notFuture, { issueDate: '2025-07-31' }), 'eligible');
  assert.equal(await status(notFuture, { issueDate: '2025-08-01' }), 'ineligible');
  const after = { fact: 'birthDate', operator: 'dateAfter', value: '1975-04-30' };
  assert.equal(await status(after, { birthDate: '1975-05-01' }), 'eligible');
  assert.equal(await status(after, { birthDate: '1975-04-30' }), 'ineligible');
});

test('age at a date field, at today, and full months/years between fields', async () => {
  const ageAtMarriage = {
    fact: 'ageInYears',
    params: { field: 'birthDate', at: 'marriageDate' },
    operator: 'greaterThanInclusive',
    value: 18,
  };
  assert.equal(
    await status(ageAtMarriage, { birthDate: '2007-08-01', marriageDate: '2025-08-01' }),
    'eligible',
  );
  assert.equal(
    await status(ageAtMarriage, { birthDate: '2007-08-01', marriageDate: '2025-07-31' }),
    'ineligible',
  );
  assert.equal(await status(ageAtMarriage, { birthDate: '2007-08-01' }), 'unknown');
  const ageToday = { ...ageAtMarriage, params: { field: 'birthDate', at: 'today' } };
  assert.equal(await status(ageToday, { birthDate: '2007-07-31' }), 'eligible');
  const months = {
    fact: 'monthsBetween',
    params: { from: 'issueDate', to: 'expiryDate' },
    operator: 'greaterThanInclusive',
    value: 6,
  };
  assert.equal(
    await status(months, { issueDate: '2025-01-31', expiryDate: '2025-07-31' }),
    'eligible',
  );
  assert.equal(
    await status(months, { issueDate: '2025-01-31', expiryDate: '2025-07-30' }),
    'ineligible',
  );
  const years = {
    fact: 'yearsBetween',
    params: { from: 'issueDate', to: 'today' },
    operator: 'lessThan',
    value: 10,
  };
  assert.equal(await status(years, { issueDate: '2015-08-01' }), 'eligible');
  assert.equal(await status(years, { issueDate: '2015-07-31' }), 'ineligible');
});

test('bad date parameters are rule problems, not crashes', async () => {
  const problems: { code: string; pointer: string }[] = [];
  const r = await createRules(
    procedure({
      fact: 'date',
      params: { of: 'nowhere', addMonths: 1.5 },
      operator: 'dateAfter',
      value: '2025-01-01',
    }),
    { today: '2025-07-31', onProblem: (p) => problems.push(p) },
  ).evaluate({});
  assert.equal(r.eligibility.status, 'unknown');
  assert.deepEqual(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['rule-bad-params', '/rules/0/conditions/all/0/params/of'],
      ['rule-bad-params', '/rules/0/conditions/all/0/params/addMonths'],
    ],
  );
});
