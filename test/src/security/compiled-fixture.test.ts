// The strict-CSP browser test (test/browser/security.test.ts) hands <dvc-form> the precompiled
// validator of the birth-registration sample; it must be exactly what `dvc-forms compile` writes
// for the current sample. Regenerate with DVC_UPDATE_FIXTURES=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/types.js';
import { compileProcedureModule } from '../../../src/validation/index.js';

test('the compiled birth-registration validator for the strict-CSP bundle test is up to date', async () => {
  const sample = new URL('../../../schemas/procedures/dang-ky-khai-sinh.json', import.meta.url);
  const file = new URL(
    '../../browser/security/fixtures/compiled-dang-ky-khai-sinh.js',
    import.meta.url,
  );
  const { source } = await compileProcedureModule(
    JSON.parse(readFileSync(sample, 'utf8')) as Procedure,
  );
  if (process.env.DVC_UPDATE_FIXTURES === '1') writeFileSync(file, source);
  assert.equal(readFileSync(file, 'utf8'), source, 'stale: run with DVC_UPDATE_FIXTURES=1');
});
