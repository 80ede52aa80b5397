// Data-driven: every case in fixtures/*.json runs against the runtime-compiled validator and the
// standalone module `compileProcedureModule` writes (imported from a temp dir, as a page would),
// and must give exactly the expected problems (code, pointer, Vietnamese and English message,
// params) and normalised value.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  compileProcedureModule,
  createValidator,
  type CompiledProcedureModule,
  type ValidateOptions,
  type Validator,
} from '../../../src/validation/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

interface Fixture {
  procedure: Procedure;
  cases: {
    name: string;
    answers: unknown;
    options?: ValidateOptions;
    value: unknown;
    problems: {
      code: string;
      path: string;
      vi: string;
      en: string;
      params: Record<string, unknown>;
    }[];
  }[];
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-compiled-'));

async function compiledValidator(procedure: Procedure): Promise<Validator> {
  const { source, fileName } = await compileProcedureModule(procedure);
  const file = join(dir, fileName);
  writeFileSync(file, source);
  const compiled = (await import(pathToFileURL(file).href)) as CompiledProcedureModule;
  return createValidator(procedure, { compiled });
}

// keywords-beyond-format.json: keywords the procedure format does not allow (the loader refuses them),
// checked anyway because createValidator also takes procedures built in code.
for (const name of ['formats', 'keywords', 'keywords-beyond-format']) {
  const fixture = JSON.parse(
    readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Fixture;
  describe(`fixtures/${name}.json`, async () => {
    const validators: [string, Validator][] = [
      ['runtime', await createValidator(fixture.procedure)],
      ['compiled', await compiledValidator(fixture.procedure)],
    ];
    for (const [kind, validator] of validators) {
      for (const c of fixture.cases) {
        test(`${kind}: ${c.name}`, () => {
          const vi = validator.validate(c.answers, { ...c.options, lang: 'vi' });
          const en = validator.validate(c.answers, { ...c.options, lang: 'en' });
          const def = validator.validate(c.answers, c.options);
          assert.deepEqual(
            vi.problems.map((p) => ({
              code: p.code,
              path: p.path,
              vi: p.message,
              params: p.params,
            })),
            c.problems.map((p) => ({ code: p.code, path: p.path, vi: p.vi, params: p.params })),
          );
          assert.deepEqual(
            en.problems.map((p) => ({ code: p.code, path: p.path, en: p.message })),
            c.problems.map((p) => ({ code: p.code, path: p.path, en: p.en })),
          );
          assert.deepEqual(def.problems, vi.problems, 'Vietnamese is the default');
          assert.equal(vi.valid, c.problems.length === 0);
          assert.deepEqual(vi.value, c.value);
        });
      }
    }
  });
}
