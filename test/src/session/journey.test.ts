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
import { readFileSync } from 'node:fs';
import type { FieldUi, JsonSchema, Procedure } from '../../../src/procedure/index.js';
import {
  SYNTHETIC_ELIGIBILITY_STEP,
  eligibilityFacts,
  formatAt,
  isSchemaRequired,
  keywordValues,
  orderSteps,
  recordsUntickedAsFalse,
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

interface SplitCase {
  name: string;
  data: JsonSchema;
  path: string;
  keyword: string;
  values: unknown[];
  refused?: unknown;
  accepted?: Record<string, unknown>;
}

/** The answers with `value` at `path` (`a.b`, `a[].b`: one item), and ajv's pointer to it. */
function answerAt(path: string, value: unknown): [Record<string, unknown>, string] {
  const [head, ...rest] = path.split('.');
  const list = head!.endsWith('[]');
  const name = list ? head!.slice(0, -2) : head!;
  if (rest.length === 0) return [{ [name]: value }, `/${name}`];
  const [inner, pointer] = answerAt(rest.join('.'), value);
  return list
    ? [{ [name]: [inner] }, `/${name}/0${pointer}`]
    : [{ [name]: inner }, `/${name}${pointer}`];
}

/**
 * A member declared in more than one `allOf` branch (or beside its `$ref`) is every one of those
 * schemas for ajv: the form reads each of their keywords (a `format` for the review's dates, the
 * limits), as ajv does. It read the first branch that declared the member only.
 */
const splitCases = JSON.parse(
  readFileSync(new URL('fixtures/split-member-keywords.json', import.meta.url), 'utf8'),
) as SplitCase[];
for (const c of splitCases)
  test(`keywords of a member split across branches: ${c.name}`, () => {
    assert.deepEqual(keywordValues(c.data, c.path, c.keyword), c.values);
    if (c.keyword === 'format') assert.equal(formatAt(c.data, c.path), c.values[0]);
    // The fixture says what ajv says.
    const validate = compileSchema(c.data);
    const keywordsAt = (answers: unknown, pointer: string) => {
      validate(answers);
      return (validate.errors ?? [])
        .filter((e) => e.instancePath === pointer)
        .map((e) => e.keyword);
    };
    if (c.refused !== undefined) {
      const [answers, pointer] = answerAt(c.path, c.refused);
      assert.ok(keywordsAt(answers, pointer).includes(c.keyword));
    }
    if (c.accepted) assert.deepEqual(keywordsAt(c.accepted, answerAt(c.path, 0)[1]), []);
  });

/**
 * A plain check box records `false` when left unticked only if ajv accepts `false` there: a
 * consent box that must be ticked (`const: true` beside a `$ref`, an `enum` in an `allOf` branch)
 * stays unanswered, so the person is asked to tick it rather than shown a wrong value. The
 * keyword beside the `$ref` used to be missed and the box recorded `false`, which ajv refused.
 */
test('a check box records false exactly when ajv accepts false', () => {
  const $defs = { yes: { type: 'boolean' }, must: { type: 'boolean', const: true } };
  const cases: [JsonSchema, boolean][] = [
    [{ type: 'boolean' }, true],
    [{ $ref: '#/$defs/yes' }, true],
    [{ $ref: '#/$defs/yes', const: true }, false],
    [{ $ref: '#/$defs/yes', enum: [true] }, false],
    [{ $ref: '#/$defs/must' }, false],
    [{ type: 'boolean', allOf: [{ const: true }] }, false],
    [{ type: 'boolean', allOf: [{ enum: [true, false] }] }, true],
    [{ $ref: '#/$defs/yes', const: false }, true],
  ];
  for (const [consent, records] of cases) {
    const data: JsonSchema = { type: 'object', $defs, properties: { consent } };
    const field = { field: 'consent', widget: 'checkbox', label: text('Đồng ý') } as FieldUi;
    assert.equal(recordsUntickedAsFalse(data, field), records, JSON.stringify(consent));
    assert.equal(compileSchema(data)({ consent: false }), records, JSON.stringify(consent));
  }
});
