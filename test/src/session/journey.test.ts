/**
 * Which questions an eligibility rule reads (src/session/journey.ts `eligibilityFacts`): a
 * procedure with eligibility rules but no eligibility step gets a first page of exactly those
 * questions (`orderSteps`), so nobody fills in the whole form before learning they cannot apply.
 * A question the rules read but the planner missed would be asked late, and the rule would wait
 * undecided until then; lint's copy-source-later asks the same planner.
 *
 * And which members the schema requires of an object (`requiredMembers`, `isSchemaRequired`):
 * a list whose `items` is a `$ref` (the meta-schema allows local ones) had its item questions
 * shown as optional, because `required` was read off the list's raw `items`, not its target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema, Procedure } from '../../../src/procedure/index.js';
import {
  SYNTHETIC_ELIGIBILITY_STEP,
  eligibilityFacts,
  formatAt,
  isSchemaRequired,
  keywordValues,
  orderSteps,
  requiredMembers,
} from '../../../src/session/index.js';
import { compileSchema } from '../../../src/validation/compiler.js';

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

/** Answers holding a list `household.people` whose `items` is `items` (`$defs` beside it). */
const withItems = (items: JsonSchema, defs: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  required: ['household'],
  $defs: {
    person: {
      type: 'object',
      required: ['fullName', 'residence'],
      properties: { fullName: { type: 'string' }, residence: {}, hometown: {} },
    },
    ...defs,
  },
  properties: {
    household: { type: 'object', properties: { people: { type: 'array', items } } },
  },
});

test("a list's items given as a $ref require the members of the $ref's target", () => {
  const data = withItems({ $ref: '#/$defs/person' });
  assert.deepEqual(requiredMembers(data, 'household.people[]'), ['fullName', 'residence']);
  assert.equal(isSchemaRequired(data, 'household.people[].fullName'), true);
  assert.equal(isSchemaRequired(data, 'household.people[].residence'), true);
  assert.equal(isSchemaRequired(data, 'household.people[].hometown'), false);
  // The answers themselves and an object on the way are read as before.
  assert.deepEqual(requiredMembers(data, ''), ['household']);
  assert.equal(isSchemaRequired(data, 'household'), true);
  assert.deepEqual(requiredMembers(data, 'household'), []);
});

test('a $ref to a $ref is followed to the schema at its end', () => {
  const data = withItems({ $ref: '#/$defs/member' }, { member: { $ref: '#/$defs/person' } });
  assert.deepEqual(requiredMembers(data, 'household.people[]'), ['fullName', 'residence']);
});

test('a $ref loop or a $ref to nothing requires nothing, and the answer comes back', () => {
  const loop = withItems(
    { $ref: '#/$defs/a' },
    { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
  );
  assert.deepEqual(requiredMembers(loop, 'household.people[]'), []);
  assert.equal(isSchemaRequired(loop, 'household.people[].fullName'), false);
  const missing = withItems({ $ref: '#/$defs/nobody' });
  assert.deepEqual(requiredMembers(missing, 'household.people[]'), []);
  assert.deepEqual(requiredMembers(missing, 'household.nothing[]'), []);
});

/**
 * What else the form reads off a schema (a repeat group's item limits, the review's `format`) is
 * read from every part of it ajv applies: the keywords beside a `$ref` and `allOf` branches too.
 */
test('keywords beside a $ref and in allOf branches are read with the target’s', () => {
  const data: JsonSchema = {
    type: 'object',
    $defs: {
      list: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10 },
      text: { type: 'string', maxLength: 50 },
    },
    properties: {
      people: {
        $ref: '#/$defs/list',
        type: 'array',
        maxItems: 3,
        allOf: [{ type: 'array', minItems: 2 }],
      },
      when: { $ref: '#/$defs/text', type: 'string', format: 'date' },
      plain: { type: 'string', format: 'email' },
    },
  };
  assert.deepEqual(keywordValues(data, 'people', 'maxItems'), [10, 3]);
  assert.deepEqual(keywordValues(data, 'people', 'minItems'), [1, 2]);
  assert.equal(formatAt(data, 'when'), 'date');
  assert.equal(formatAt(data, 'plain'), 'email');
  assert.equal(formatAt(data, 'people'), undefined);
  // ajv enforces each of them.
  const validate = compileSchema(data);
  const codes = (answers: unknown) => {
    validate(answers);
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
  };
  assert.deepEqual(codes({ people: ['a', 'b', 'c', 'd'] }), ['/people maxItems']);
  assert.deepEqual(codes({ people: ['a'] }), ['/people minItems']);
  assert.deepEqual(codes({ when: '7/12/2026' }), ['/when format']);
});
