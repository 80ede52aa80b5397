/**
 * Which questions an eligibility rule reads (src/session/journey.ts `eligibilityFacts`): a
 * procedure with eligibility rules but no eligibility step gets a first page of exactly those
 * questions (`orderSteps`), so nobody fills in the whole form before learning they cannot apply.
 * A question the rules read but the planner missed would be asked late, and the rule would wait
 * undecided until then; lint's copy-source-later asks the same planner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Procedure } from '../../../src/procedure/index.js';
import {
  SYNTHETIC_ELIGIBILITY_STEP,
  eligibilityFacts,
  orderSteps,
} from '../../../src/session/index.js';

const text = (vi: string) => ({ vi });
const question = (field: string) => ({ field, widget: 'text', label: text(field) });

/** A procedure of one questions step over `fields`, with `conditions` as its one eligibility rule. */
function procedure(
  conditions: unknown,
  named: Record<string, unknown> = {},
  fields = ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
): Procedure {
  return {
    conditions: named,
    ui: {
      steps: [{ id: 'hoi', title: text('Hỏi'), kind: 'questions', fields: fields.map(question) }],
    },
    rules: [
      {
        id: 'du-dieu-kien',
        kind: 'eligibility',
        conditions,
        event: { type: 'ineligible', params: { reason: text('Không đủ điều kiện') } },
      },
    ],
  } as unknown as Procedure;
}

test('a named condition reads its own facts, also through another name, each name once', () => {
  const p = procedure(
    { all: [{ condition: 'adult' }, { fact: 'a', operator: 'equal', value: 'x' }] },
    {
      adult: { all: [{ fact: 'b', operator: 'isAnswered' }, { condition: 'resident' }] },
      resident: { any: [{ fact: 'c', operator: 'equal', value: 'VN' }, { condition: 'adult' }] },
    },
  );
  assert.deepEqual([...eligibilityFacts(p)].sort(), ['a', 'b', 'c']);
});

test("a derived fact reads its parameters' field paths, never 'today' or a number", () => {
  const p = procedure({
    all: [
      {
        fact: 'ageInYears',
        params: { field: 'a', at: 'b' },
        operator: 'greaterThanInclusive',
        value: 18,
      },
      { fact: 'yearsBetween', params: { from: 'c', to: 'today' }, operator: 'lessThan', value: 5 },
      { fact: 'monthsBetween', params: { from: 'today', to: 'd' }, operator: 'lessThan', value: 5 },
      {
        fact: 'date',
        params: { of: 'e', addMonths: 6 },
        operator: 'dateOnOrAfter',
        value: { fact: 'today' },
      },
      { fact: 'count', params: { field: 'f' }, operator: 'greaterThan', value: 0 },
      { fact: 'today', operator: 'dateAfter', value: '2025-07-01' },
    ],
  });
  assert.deepEqual([...eligibilityFacts(p)].sort(), ['a', 'b', 'c', 'd', 'e', 'f']);
});

test('a value that is another fact is read too', () => {
  const p = procedure({
    all: [
      { fact: 'a', operator: 'dateBefore', value: { fact: 'b' } },
      {
        fact: 'c',
        operator: 'dateBefore',
        value: { fact: 'date', params: { of: 'd', addYears: 1 } },
      },
    ],
  });
  assert.deepEqual([...eligibilityFacts(p)].sort(), ['a', 'b', 'c', 'd']);
});

test('the first page asks exactly the questions read, through a name, a derived fact or a value', () => {
  const p = procedure(
    {
      all: [{ condition: 'adult' }, { fact: 'c', operator: 'dateBefore', value: { fact: 'e' } }],
    },
    {
      adult: {
        all: [
          {
            fact: 'yearsBetween',
            params: { from: 'b', to: 'today' },
            operator: 'greaterThan',
            value: 17,
          },
        ],
      },
    },
  );
  const steps = orderSteps(p);
  assert.deepEqual(
    steps.map((s) => [s.id, s.fields.map((f) => f.field)]),
    [
      [SYNTHETIC_ELIGIBILITY_STEP, ['b', 'c', 'e']],
      ['hoi', ['a', 'd', 'f', 'g']],
    ],
  );
});
