/**
 * An address question's schema must take what the widget gives, `{ province, commune, street }`
 * as strings, in every part ajv applies to it (src/procedure/schema-paths.ts `applied`): a closed
 * `allOf` branch, a `$ref` target, a second declaration of a part. The loader read the object's
 * first declaration only, so a schema refusing every address passed. Each fixture case says
 * which message the loader gives; the test asks ajv whether it refuses the widget's value, and
 * the two must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure, type JsonSchema } from '../../../src/procedure/index.js';
import { compileSchema } from '../../../src/validation/compiler.js';

interface Case {
  name: string;
  home: JsonSchema;
  defs?: Record<string, JsonSchema>;
  problems: ('addressPartUndeclared' | 'addressPartType')[];
}

const read = (file: string) => readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8');
const cases = JSON.parse(read('address-schema-split.json')) as Case[];
const WIDGET_VALUE = { province: '01', commune: '00004', street: '1 Tràng Tiền' };
// The English messages' openings (src/procedure/messages.ts) tell the two problems apart.
const OPENING = {
  addressPartUndeclared: /"additionalProperties": false without declaring/,
  addressPartType: /its schema gives .* another type/,
};

for (const c of cases)
  test(`address schema split: ${c.name}`, () => {
    const p = JSON.parse(read('valid-minimal.json'));
    p.data.$defs = { ...p.data.$defs, ...c.defs };
    p.data.properties.home = c.home;
    p.ui.steps[1].fields.push({ field: 'home', widget: 'address', label: { vi: 'Nơi cư trú' } });
    const problems = loadProcedure(JSON.stringify(p)).problems;
    assert.deepEqual(
      problems.map((x) => [x.code, x.pointer]),
      c.problems.map(() => ['widget-type-mismatch', '/ui/steps/1/fields/2/widget']),
    );
    c.problems.forEach((key, i) => assert.match(problems[i]!.message.en, OPENING[key]));
    const validate = compileSchema({
      type: 'object',
      $defs: c.defs ?? {},
      properties: { home: c.home },
    } as JsonSchema);
    assert.equal(validate({ home: WIDGET_VALUE }), c.problems.length === 0, c.name);
  });
