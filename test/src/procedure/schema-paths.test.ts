/**
 * Which members an object schema requires, as the form reads it (`requiredMembers`, over
 * src/procedure/schema-paths.ts `deref` and `alternatives`), must be what ajv enforces: keywords
 * written beside a `$ref` hold too in 2020-12 (the meta-schema allows them) and so does every
 * `allOf` branch; `anyOf`/`oneOf`/`if` branches are not demanded of every answer. `deref` used
 * to drop what was beside a `$ref` and `required` was read off one schema, so those questions
 * were shown as optional while the receiver refused the answers without them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { JsonSchema, Procedure } from '../../../src/procedure/index.js';
import { alternatives, applied, appliedPart } from '../../../src/procedure/schema-paths.js';
import { normalizeAnswers } from '../../../src/validation/normalize.js';
import { ProblemBuilder } from '../../../src/validation/problems.js';
import { isSchemaRequired, requiredMembers } from '../../../src/session/index.js';
import { compileSchema } from '../../../src/validation/compiler.js';

interface Case {
  name: string;
  data: JsonSchema;
  path: string;
  required: string[];
}

const cases = (file: string): Case[] =>
  JSON.parse(readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8')) as Case[];

/** An answer object where every member in `members` is `"x"`, at `path` ('' or 'a' or 'a[]'). */
function answersAt(path: string, members: readonly string[]): Record<string, unknown> {
  const object = Object.fromEntries(members.map((m) => [m, 'x']));
  if (path === '') return object;
  const list = path.endsWith('[]');
  return { [list ? path.slice(0, -2) : path]: list ? [object] : object };
}

/** The members ajv says are missing from `answers` at `pointer`. */
function ajvMissing(
  validate: ReturnType<typeof compileSchema>,
  answers: unknown,
  pointer: string,
): Set<string> {
  validate(answers);
  return new Set(
    (validate.errors ?? [])
      .filter((e) => e.keyword === 'required' && e.instancePath === pointer)
      .map((e) => String((e.params as { missingProperty: string }).missingProperty)),
  );
}

/**
 * ajv's verdict on each member of `candidates`: required when an object holding every other
 * candidate is refused for missing it.
 */
function ajvRequired(data: JsonSchema, path: string, candidates: readonly string[]): string[] {
  const pointer = path === '' ? '' : path.endsWith('[]') ? `/${path.slice(0, -2)}/0` : `/${path}`;
  const validate = compileSchema(data);
  return candidates.filter((m) =>
    ajvMissing(
      validate,
      answersAt(
        path,
        candidates.filter((c) => c !== m),
      ),
      pointer,
    ).has(m),
  );
}

/**
 * The members every answer ajv accepts has, trying every subset of `candidates` at `path`; null
 * when ajv accepts none (an unsatisfiable schema, where "required" means nothing). Stricter than
 * `ajvRequired`, which asks about one answer (every other member given): with a `oneOf`, adding
 * a member can make an answer fail (`{b}` passes both branches of `oneOf: [{required: [b]}, {}]`),
 * so an answer with more members may be refused for missing one that a smaller answer does not
 * need.
 */
function ajvMustHave(
  data: JsonSchema,
  path: string,
  candidates: readonly string[],
): string[] | null {
  const validate = compileSchema(data);
  const subsets = candidates.reduce<string[][]>(
    (all, m) => [...all, ...all.map((s) => [...s, m])],
    [[]],
  );
  const accepted = subsets.filter((s) => validate(answersAt(path, s)));
  if (accepted.length === 0) return null;
  return candidates.filter((m) => accepted.every((s) => s.includes(m)));
}

const sorted = (list: readonly string[]) => [...new Set(list)].sort();

/**
 * The members the validator reports as a plain `required` for an empty object at `path` ('' or
 * 'a' or 'a[]'), as the form shows them: "Nhập …" at the member's question.
 */
function claimedRequired(root: JsonSchema, path: string): string[] {
  const pointer = path === '' ? '' : path.endsWith('[]') ? `/${path.slice(0, -2)}/0` : `/${path}`;
  const value = answersAt(path, []);
  const validate = compileSchema(root);
  validate(value);
  return new ProblemBuilder(new Map(), 'en', root)
    .fromAjv(validate.errors ?? [], value)
    .filter((p) => p.code === 'required' && p.path.startsWith(`${pointer}/`))
    .map((p) => p.path.slice(pointer.length + 1));
}

for (const c of cases('required-members.json')) {
  test(`required members: ${c.name}`, () => {
    assert.deepEqual(sorted(requiredMembers(c.data, c.path)), sorted(c.required));
    const candidates = ['fullName', 'phone', 'email', 'kind', 'x'];
    // The fixture says what ajv says.
    assert.deepEqual(sorted(ajvRequired(c.data, c.path, candidates)), sorted(c.required));
    for (const m of candidates)
      assert.equal(
        isSchemaRequired(c.data, c.path ? `${c.path}.${m}` : m),
        c.required.includes(m),
        m,
      );
    // The validator's plain `required` problems for an empty object there: only what ajv requires
    // whatever branch is met. (An `if` that the empty answer meets: its `then` applies to it.)
    if (!JSON.stringify(c.data).includes('"if"'))
      assert.deepEqual(
        claimedRequired(c.data, c.path).filter((m) => !c.required.includes(m)),
        [],
      );
  });
}

// ajv cannot compile these (a loop); the loader refuses them. The engine must still end.
for (const c of cases('required-members-loops.json')) {
  test(`required members, loop guard: ${c.name}`, () => {
    assert.deepEqual(sorted(requiredMembers(c.data, c.path)), sorted(c.required));
  });
}

const MEMBERS = ['a', 'b', 'c'] as const;

/**
 * A schema of `required`, `allOf`, `anyOf`, `oneOf` and a `$ref` (to a later `$defs` entry: no
 * loops) beside.
 */
const nodeArb = (level: number, depth = 0): fc.Arbitrary<JsonSchema> => {
  // Two levels of branches: deeper trees only slow each run's ajv compile.
  const branches =
    depth < 2
      ? fc.array(nodeArb(3, depth + 1), { minLength: 1, maxLength: 2 })
      : fc.constant(undefined);
  return fc
    .record(
      {
        required: fc.subarray([...MEMBERS], { minLength: 1 }),
        allOf: branches,
        anyOf: branches,
        oneOf: branches,
        $ref: fc.integer({ min: Math.min(level + 1, 3), max: 3 }).map((n) => `#/$defs/d${n}`),
      },
      { requiredKeys: [] },
    )
    .map((n) => (level >= 3 ? { ...n, $ref: undefined } : n))
    .map((n) => JSON.parse(JSON.stringify({ type: 'object', ...n })) as JsonSchema);
};

const objectOf = (properties: Record<string, JsonSchema>, rest: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  ...rest,
});

/**
 * The answers' schema, or member `o` of it, or `o` split across an `allOf` branch beside it
 * (each part with its own `required`, `anyOf`…), and the path to ask about.
 */
const dataArb = fc
  .tuple(nodeArb(-1), nodeArb(-1), nodeArb(0), nodeArb(1), nodeArb(2), nodeArb(3))
  .map(([top, other, ...defs]): [JsonSchema, JsonSchema] => [
    objectOf(
      { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
      { $defs: Object.fromEntries(defs.map((d, i) => [`d${i}`, d])), allOf: [top] },
    ),
    other,
  ])
  .chain(([data, other]) =>
    fc.constantFrom<[JsonSchema, string]>(
      [data, ''],
      [objectOf({ o: data }), 'o'],
      [objectOf({ o: data }, { allOf: [objectOf({ o: other })] }), 'o'],
    ),
  );

test('for generated $ref/allOf/anyOf/oneOf schemas, split or not, "is required" is ajv\'s verdict', () => {
  fc.assert(
    fc.property(dataArb, ([data, path]) => {
      // A nested object's $refs resolve from the root: move its $defs there.
      const root =
        path === ''
          ? data
          : {
              ...data,
              $defs: (data.properties as { o: JsonSchema }).o.$defs,
            };
      const required = ajvMustHave(root, path, MEMBERS);
      // Nothing passes: no member is more required than another.
      if (required === null) return;
      const read = MEMBERS.filter((m) => isSchemaRequired(root, path ? `${path}.${m}` : m));
      // Never "required" where ajv accepts an answer without it (the form would ask for what the
      // receiver does not need). With a oneOf the reader may say "optional" where every passing
      // answer has the member (a oneOf whose branches both pass beside another keyword's
      // `required`): the safe side, ajv's own problem still stops the page. Without one, every
      // keyword is monotone and the reader must be exact.
      for (const m of read) assert.ok(required.includes(m), `${m} is read as required`);
      if (!JSON.stringify(root).includes('"oneOf"'))
        assert.deepEqual(sorted(read), sorted(required));
      // The validator's problems for no answers: a plain `required` at a member (one every branch
      // of an anyOf/oneOf requires included) only where ajv requires it whatever branch is met.
      // Branches that are `$ref`s: the next-but-one test.
      const pointer = path ? `/${path}` : '';
      const value = path ? { [path]: {} } : {};
      const validate = compileSchema(root);
      validate(value);
      const builder = new ProblemBuilder(new Map(), 'en', root);
      const claimed = builder
        .fromAjv(validate.errors ?? [], value)
        .filter((p) => p.code === 'required' && p.path.startsWith(`${pointer}/`))
        .map((p) => p.path.slice(pointer.length + 1));
      for (const m of claimed) assert.ok(required.includes(m), `${m} is not required by ajv`);
    }),
    { numRuns: 200 },
  );
});

/**
 * A member `o` declared in many parts (the object's own `properties`, `allOf` branches, `$ref`s
 * to `$defs`, an `anyOf` beside an always-passing branch) and, inside a declaration, with its own
 * `format`, `allOf`, `$ref` or `anyOf`. `formatAlways` is the model of ajv: the format applies to
 * every value when a declaration reached through `allOf` and `$ref` only carries it.
 */
const MOBILE = { type: 'string', format: 'vn-mobile' };

const memberArb: fc.Arbitrary<JsonSchema> = fc
  .record({ own: fc.boolean(), allOf: fc.boolean(), ref: fc.boolean(), anyOf: fc.boolean() })
  .map(
    ({ own, allOf, ref, anyOf }) =>
      ({
        type: 'string',
        ...(own ? { format: 'vn-mobile' } : {}),
        ...(allOf ? { allOf: [MOBILE] } : {}),
        ...(ref ? { $ref: '#/$defs/mobile' } : {}),
        ...(anyOf ? { anyOf: [MOBILE, { type: 'string' }] } : {}),
      }) as JsonSchema,
  );

/** An object part declaring `o` or not, with branches; `$ref`s only to later `$defs` (no loops). */
const partArb = (level: number, depth = 0): fc.Arbitrary<JsonSchema> =>
  fc
    .record({
      member: fc.option(memberArb, { nil: undefined }),
      allOf: depth < 2 ? fc.array(partArb(level, depth + 1), { maxLength: 2 }) : fc.constant([]),
      anyOf: depth < 2 ? fc.option(partArb(level, 2), { nil: undefined }) : fc.constant(undefined),
      ref: fc.option(fc.integer({ min: Math.min(level + 1, 3), max: 3 }), { nil: undefined }),
    })
    .map(
      ({ member, allOf, anyOf, ref }) =>
        ({
          type: 'object',
          ...(member ? { properties: { o: member } } : {}),
          ...(allOf.length ? { allOf } : {}),
          ...(anyOf ? { anyOf: [anyOf, { type: 'object' }] } : {}),
          ...(ref !== undefined && ref < 3 ? { $ref: `#/$defs/d${ref}` } : {}),
        }) as JsonSchema,
    );

const splitArb = fc.tuple(partArb(-1), partArb(0), partArb(1), partArb(2)).map(([top, ...defs]) => {
  const model = (s: JsonSchema): boolean => {
    const member = (s.properties as { o?: JsonSchema } | undefined)?.o;
    const memberAlways =
      !!member && (member.format !== undefined || !!member.allOf || !!member.$ref);
    const ref = typeof s.$ref === 'string' ? Number(s.$ref.slice(-1)) : undefined;
    return (
      memberAlways ||
      ((s.allOf as JsonSchema[] | undefined) ?? []).some(model) ||
      (ref !== undefined && model(defs[ref]!))
    );
  };
  const data = {
    ...top,
    $defs: { mobile: MOBILE, ...Object.fromEntries(defs.map((d, i) => [`d${i}`, d])) },
  } as JsonSchema;
  return { data, formatAlways: model(top) };
});

test('for generated split members, normalisation and the one reader see a format where ajv applies it', () => {
  fc.assert(
    fc.property(splitArb, ({ data, formatAlways }) => {
      const validate = compileSchema(data);
      // The model is ajv's verdict: a value no format accepts is refused when it always applies.
      assert.equal(validate({ o: 'abc' }), !formatAlways);
      const procedure = { data, ui: { steps: [] } } as unknown as Procedure;
      const typed = '+84 912 345 678';
      assert.deepEqual(normalizeAnswers(procedure, { o: typed }), {
        o: formatAlways ? '0912345678' : typed,
      });
      if (formatAlways) assert.equal(validate({ o: '0912345678' }), true);
      // The one reader, as the cross-field checks and the loader ask it.
      const member = appliedPart(data, data, 'o');
      assert.equal(
        applied(data, member).some((s) => s.format === 'vn-mobile'),
        formatAlways,
      );
    }),
    { numRuns: 300 },
  );
});

/**
 * anyOf/oneOf branches inline, `$ref`'d or through an `allOf`, each requiring some members, and
 * answers giving some: the validator's plain `required` problems name only members ajv requires
 * whatever branch is met (an answer with every other member is refused without it), and a member
 * every branch requires is reported once, as a plain `required`.
 */
const branchArb = fc.record({
  required: fc.subarray([...MEMBERS], { minLength: 1 }),
  how: fc.constantFrom('inline', 'ref', 'allOf', 'ref-allOf'),
});

test("for generated inline and $ref'd branches, a plain required problem is ajv's verdict", () => {
  fc.assert(
    fc.property(
      fc.constantFrom('anyOf', 'oneOf'),
      fc.array(branchArb, { minLength: 1, maxLength: 3 }),
      fc.subarray([...MEMBERS]),
      (keyword, branches, given) => {
        const $defs: Record<string, JsonSchema> = {};
        const schemas = branches.map(({ required, how }, i) => {
          const inner: JsonSchema = { type: 'object', required };
          if (how === 'inline') return inner;
          if (how === 'allOf') return { type: 'object', allOf: [inner] } as JsonSchema;
          $defs[`b${i}`] =
            how === 'ref' ? inner : ({ type: 'object', allOf: [inner] } as JsonSchema);
          return { $ref: `#/$defs/b${i}` } as JsonSchema;
        });
        const root = objectOf(
          { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
          { $defs, [keyword]: schemas },
        );
        const value = Object.fromEntries(given.map((m) => [m, 'x']));
        const validate = compileSchema(root);
        validate(value);
        const claimed = new ProblemBuilder(new Map(), 'en', root)
          .fromAjv(validate.errors ?? [], value)
          .filter((p) => p.code === 'required')
          .map((p) => p.path.slice(1));
        const required = ajvRequired(root, '', MEMBERS);
        for (const m of claimed) assert.ok(required.includes(m), `${m} is not required by ajv`);
        assert.equal(new Set(claimed).size, claimed.length, 'reported once');
        // Every branch requiring a missing member: that member is the problem (inline or not).
        const everyBranch = MEMBERS.filter(
          (m) => !given.includes(m) && branches.every((b) => b.required.includes(m)),
        );
        for (const m of everyBranch) assert.ok(claimed.includes(m), `${m} not reported`);
      },
    ),
    { numRuns: 300 },
  );
});

// `alternatives` is memoised per schema: the form asks it for every question at every render of
// a page. The same frozen list comes back, in the order it was walked (the schema, then each
// branch depth first), for the applied branches and for every branch apart.
test('alternatives: one frozen list per schema, in walking order', () => {
  const schema = {
    allOf: [{ $ref: '#/$defs/a' }, { required: ['b'] }],
    anyOf: [{ type: 'object' }],
  };
  const root = { $defs: { a: { required: ['a'], allOf: [{ minProperties: 1 }] } }, ...schema };
  const first = alternatives(root, schema, true);
  assert.equal(alternatives(root, schema, true), first);
  assert.ok(Object.isFrozen(first));
  assert.deepEqual(first, [schema, root.$defs.a, { minProperties: 1 }, { required: ['b'] }]);
  const every = alternatives(root, schema);
  assert.ok(Object.isFrozen(every));
  assert.deepEqual(every, [...first, { type: 'object' }]);
  assert.equal(alternatives(root, schema), every);
});
