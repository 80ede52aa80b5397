// The official JSON Schema Test Suite (draft 2020-12) against our ajv setup (Ajv2020, allErrors,
// ownProperties, ajv-formats; strict mode off because the suite uses unknown keywords on purpose,
// and without the Vietnamese formats). Cases ajv does not support are listed, with the reason, in
// fixtures/conformance-exclusions.json and docs/validation.md; an excluded case that starts
// passing fails this test, so the list stays exact.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv } from '../../../src/validation/compiler.js';

const root = fileURLToPath(new URL('../../vectors/json-schema-test-suite/', import.meta.url));
const testsDir = join(root, 'tests/draft2020-12');

interface Exclusions {
  files: { file: string; reason: string }[];
  groups: { file: string; group: string; tests?: string[]; reason: string }[];
}
const exclusions = JSON.parse(
  readFileSync(new URL('fixtures/conformance-exclusions.json', import.meta.url), 'utf8'),
) as Exclusions;

interface Group {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

describe('JSON Schema Test Suite draft 2020-12', () => {
  const ajv = createAjv({ formats: 'standard', strict: false });
  // The suite's remote references are served at http://localhost:1234/ by its own harness.
  for (const file of walk(join(root, 'remotes'))) {
    try {
      ajv.addSchema(
        JSON.parse(readFileSync(file, 'utf8')),
        'http://localhost:1234/' + relative(join(root, 'remotes'), file),
      );
    } catch {
      // Remotes written for older drafts have meta-schemas Ajv2020 does not load; no 2020-12 test uses them.
    }
  }
  const usedExclusions = new Set<string>();
  let total = 0;

  for (const file of walk(testsDir).filter((f) => f.endsWith('.json'))) {
    const rel = relative(testsDir, file);
    if (
      exclusions.files.some(
        (x) => rel === x.file || (x.file.endsWith('/') && rel.startsWith(x.file)),
      )
    )
      continue;
    const groups = JSON.parse(readFileSync(file, 'utf8')) as Group[];
    for (const group of groups) {
      const excluded = exclusions.groups.find(
        (x) => x.file === rel && x.group === group.description,
      );
      if (excluded && !excluded.tests) {
        usedExclusions.add(`${rel} ${group.description}`);
        continue;
      }
      test(`${rel}: ${group.description}`, () => {
        const validate = ajv.compile(group.schema as object);
        for (const t of group.tests) {
          total++;
          const skip = excluded?.tests?.includes(t.description);
          let result: boolean | string;
          try {
            result = validate(t.data) === t.valid;
          } catch (err) {
            result = String(err);
          }
          if (skip) {
            usedExclusions.add(`${rel} ${group.description}`);
            assert.notEqual(
              result,
              true,
              `excluded "${t.description}" passes now: remove it from the list`,
            );
          } else {
            assert.equal(result, true, t.description);
          }
        }
      });
    }
  }

  test('every excluded group exists and was needed', () => {
    assert.ok(total > 1000, `only ${total} cases ran`);
    assert.deepEqual(
      exclusions.groups.map((x) => `${x.file} ${x.group}`).filter((k) => !usedExclusions.has(k)),
      [],
    );
  });
});
