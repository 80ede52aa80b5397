// Every broken procedure under fixtures/broken/ has exactly one defect; expected.json lists the
// exact problems (code, pointer, line, column) the loader must report for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';
import { checkPatternSyntax } from '../../../src/procedure/pattern-check.js';

const dir = new URL('./fixtures/broken/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<
  string,
  { code: string; pointer: string; line: number; column: number }[]
>;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json')
  .sort();

test('there are at least 30 broken fixtures and each has an expectation', () => {
  assert.ok(files.length >= 30, `only ${files.length} fixtures`);
  assert.deepEqual(Object.keys(expected).sort(), files);
});

for (const file of files) {
  test(`broken/${file}`, () => {
    // As the CLI loads it: with the linear-time engine's syntax check (unsupported-pattern).
    const result = loadProcedure(readFileSync(new URL(file, dir), 'utf8'), {
      file,
      checkPattern: checkPatternSyntax,
    });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map(({ code, pointer, line, column }) => ({ code, pointer, line, column })),
      expected[file],
    );
    for (const p of result.problems) {
      assert.equal(p.severity, 'error');
      assert.ok(p.message.vi.trim().length > 0 && p.message.en.trim().length > 0);
      assert.doesNotMatch(p.message.en, /must match|schemaPath|instancePath/);
    }
  });
}
