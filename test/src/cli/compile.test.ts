import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main, type CliIo } from '../../../src/cli/main.js';
import {
  compileProcedureModule,
  createValidator,
  type CompiledProcedureModule,
} from '../../../src/validation/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-compile-'));
const procedure = (
  JSON.parse(
    readFileSync(new URL('../validation/fixtures/keywords.json', import.meta.url), 'utf8'),
  ) as { procedure: Procedure }
).procedure;
const procedureFile = join(dir, 'procedure.json');
writeFileSync(procedureFile, JSON.stringify(procedure));

test('compile writes <code>-<version>-<hash8>.js and prints its path', async () => {
  const io = capture();
  const out = join(dir, 'out');
  assert.equal(await main(['compile', procedureFile, '--out', out], io), 0);
  assert.equal(io.stdout.length, 1);
  assert.match(io.stdout[0], /\/out\/1\.000002-2\.1\.0-[0-9a-f]{8}\.js$/);
  const source = readFileSync(io.stdout[0], 'utf8');
  // No imports, no require left outside bind's local, no eval-like constructs.
  assert.doesNotMatch(source, /^\s*import\s/m);
  assert.doesNotMatch(source, /new Function|eval\(/);
  const compiled = (await import(pathToFileURL(io.stdout[0]).href)) as CompiledProcedureModule;
  assert.deepEqual(compiled.procedure, { code: '1.000002', version: '2.1.0' });
  assert.equal(io.stdout[0].slice(-11, -3), compiled.hash.slice(0, 8));
  assert.deepEqual(compiled.schema, procedure.data);
  const v = await createValidator(procedure, { compiled });
  assert.deepEqual(
    v
      .validate({ fullName: 'An', accept: true, kind: 'to-chuc', org: { taxCode: '0100233489' } })
      .problems.map((p) => [p.path, p.code]),
    [['/org/taxCode', 'format.vn-tax-code']],
  );
});

test('the file name is stable: same schema, same hash', async () => {
  const a = capture();
  const b = capture();
  await main(['compile', procedureFile, '--out', join(dir, 'a')], a);
  await main(['compile', procedureFile, '--out', join(dir, 'b')], b);
  assert.equal(a.stdout[0].split('/').pop(), b.stdout[0].split('/').pop());
});

test('a schema ajv refuses (strict mode) is reported and nothing is written', async () => {
  // The loader accepts it; ajv's strictTypes catches "minimum" on a string field.
  const bad = join(dir, 'bad.json');
  const data = structuredClone(procedure.data) as unknown as {
    properties: Record<string, unknown>;
  };
  data.properties.fullName = { type: 'string', minimum: 2 };
  writeFileSync(bad, JSON.stringify({ ...procedure, data }));
  const io = capture();
  const out = join(dir, 'bad-out');
  assert.equal(await main(['compile', bad, '--out', out], io), 1);
  assert.deepEqual(io.stderr, [
    `dvc-forms: ${bad}: The procedure's data schema cannot be compiled: strict mode: missing type "number" for keyword "minimum" at "#/properties/fullName" (strictTypes)`,
  ]);
  assert.equal(existsSync(out), false);
});

test('a file the loader rejects is reported with line and column, exit 2', async () => {
  const bad = join(dir, 'loop.json');
  const data = structuredClone(procedure.data) as unknown as { $defs: Record<string, unknown> };
  data.$defs.a = { $ref: '#/$defs/a' };
  writeFileSync(bad, JSON.stringify({ ...procedure, data }, null, 1));
  const io = capture();
  assert.equal(await main(['compile', bad, '--out', join(dir, 'loop-out')], io), 2);
  assert.match(
    io.stderr[0],
    new RegExp(`^${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+  /data/\\$defs/a/\\$ref  `),
  );
});

test('usage errors exit 2', async () => {
  const io = capture();
  assert.equal(await main(['compile', procedureFile], io), 2);
  assert.deepEqual(io.stderr, ['Usage: dvc-forms compile <procedure.json> --out <dir>']);
});

test('the compiled module the strict-CSP browser test loads is up to date', async () => {
  // test/browser/csp-validation.test.ts imports it; regenerate with DVC_UPDATE_FIXTURES=1.
  const file = new URL('../../browser/csp/fixtures/compiled-keywords.js', import.meta.url);
  const { source } = await compileProcedureModule(procedure);
  if (process.env.DVC_UPDATE_FIXTURES === '1') writeFileSync(file, source);
  assert.equal(readFileSync(file, 'utf8'), source, 'stale: run with DVC_UPDATE_FIXTURES=1');
});
