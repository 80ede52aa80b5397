/**
 * An `x-dvc-birthDate` annotation and the formats it needs may be written in different parts of
 * a member's object (an `allOf` branch, the parent, a `$ref`'d branch): ajv applies each, and so
 * does the validator's cross-field check, which reads them through the one schema reader
 * (src/procedure/schema-paths.ts `applied`). The loader reads them the same way: it used to judge
 * an annotation in an `allOf` branch by that branch alone and refused working procedures with
 * `birth-date-without-personal-id`, `unknown-birth-date-field` or `birth-date-field-not-date`.
 * Each case says what the loader reports, and whether the validator then runs the check (a
 * personal ID of 1991 beside a birth date in 1990 is a `personal-id-birth-year` problem).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure, type JsonSchema } from '../../../src/procedure/index.js';
import { createValidator } from '../../../src/validation/index.js';

interface Case {
  name: string;
  person: JsonSchema;
  defs?: Record<string, JsonSchema>;
  problems: { code: string; pointer: string }[];
  validatorChecks: boolean;
}

const read = (url: URL) => readFileSync(url, 'utf8');
const cases = JSON.parse(
  read(new URL('fixtures/birth-date-split.json', import.meta.url)),
) as Case[];
// A procedure whose only defect is its person schema's annotation: each case replaces it.
const base = JSON.parse(
  read(new URL('fixtures/broken/birth-date-field-not-date.json', import.meta.url)),
) as { data: { $defs: Record<string, JsonSchema> } };

for (const c of cases)
  test(`birth-date annotation: ${c.name}`, async () => {
    const procedure = structuredClone(base);
    Object.assign(procedure.data.$defs, c.defs, { person: c.person });
    const loaded = loadProcedure(JSON.stringify(procedure));
    assert.deepEqual(
      loaded.problems.map(({ code, pointer }) => ({ code, pointer })),
      c.problems,
    );
    if (!loaded.ok) return;
    const v = await createValidator(loaded.procedure);
    const child = {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-12',
      personalId: '001091012345',
    };
    const problems = v.validate({ child, relation: 'father' }).problems;
    assert.deepEqual(
      problems.map(({ code, path }) => ({ code, path })),
      c.validatorChecks ? [{ code: 'personal-id-birth-year', path: '/child/personalId' }] : [],
    );
    assert.deepEqual(
      v.validate({ child: { ...child, birthDate: '1991-05-12' }, relation: 'father' }).problems,
      [],
    );
  });
