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
import type { JsonSchema } from '../../../src/procedure/index.js';
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

const sorted = (list: readonly string[]) => [...new Set(list)].sort();

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
      assert.deepEqual(
        sorted(MEMBERS.filter((m) => isSchemaRequired(root, path ? `${path}.${m}` : m))),
        sorted(ajvRequired(root, path, MEMBERS)),
      );
    }),
    { numRuns: 200 },
  );
});
