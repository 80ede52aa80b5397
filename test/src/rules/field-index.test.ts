/**
 * The rules' field index (src/rules/fields.ts `indexFields`, which names the facts a rule may ask
 * about) reads the schema with the one reader (src/procedure/schema-paths.ts): what is beside a
 * `$ref` and items declared in an `allOf` branch (or in an `anyOf` branch, a list or nothing) are
 * fields too. It used to follow a `$ref` to its target only and read `items` off the member's own
 * schema, so `siblings[].fullName` or `child.nickname` was no field and a rule naming it was
 * refused. Each fixture leaf is where ajv applies a schema: a number there is a `type` error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import { indexFields } from '../../../src/rules/fields.js';
import { compileSchema } from '../../../src/validation/compiler.js';

interface Case {
  name: string;
  data: JsonSchema;
  paths: string[];
  leaves: string[];
}

const cases = JSON.parse(
  readFileSync(new URL('fixtures/field-index-branches.json', import.meta.url), 'utf8'),
) as Case[];

/** Answers holding 1 at a field path (one item for each list), and that value's pointer. */
function numberAt(path: string): [unknown, string] {
  let value: unknown = 1;
  let pointer = '';
  for (const part of path.split('.').reverse()) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    value = { [name]: list ? [value] : value };
    pointer = `/${name}${list ? '/0' : ''}${pointer}`;
  }
  return [value, pointer];
}

for (const c of cases)
  test(`field index: ${c.name}`, () => {
    const procedure = { data: c.data, ui: { steps: [] } } as unknown as Procedure;
    assert.deepEqual(indexFields(procedure).paths, c.paths);
    const validate = compileSchema(c.data);
    for (const leaf of c.leaves) {
      const [answers, pointer] = numberAt(leaf);
      assert.equal(validate(answers), false, leaf);
      assert.ok(
        validate.errors!.some((e) => e.keyword === 'type' && e.instancePath === pointer),
        `${leaf}: ${JSON.stringify(validate.errors)}`,
      );
    }
  });
