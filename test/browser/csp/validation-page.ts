// Runs validation inside a page served with a strict CSP and reports to the parent test
// (test/browser/csp-validation.test.ts): the precompiled module must validate, runtime
// compilation must fail with CspCompileError.
import { createValidator } from '../../../src/validation/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import fixture from '../../src/validation/fixtures/keywords.json';
import * as compiled from './fixtures/compiled-keywords.js';

const violations: { directive: string; blockedURI: string }[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI });
});

async function run(): Promise<Record<string, unknown>> {
  const procedure = fixture.procedure as unknown as Procedure;
  const validator = await createValidator(procedure, { compiled });
  const invalid = validator.validate(
    { fullName: 'A', accept: true, mobile: '+84 95 123 4567', email: 'an@example.com' },
    { lang: 'vi' },
  );
  const valid = validator.validate({ fullName: 'An', accept: true, mobile: '0912 345 678' });
  let runtime: Record<string, unknown>;
  try {
    await createValidator(procedure);
    runtime = { compiled: true };
  } catch (err) {
    const e = err as Error & { code?: string };
    runtime = { name: e.name, code: e.code, message: e.message };
  }
  return {
    invalid: { valid: invalid.valid, problems: invalid.problems, value: invalid.value },
    valid: { valid: valid.valid, value: valid.value },
    runtime,
  };
}

run().then(
  (report) => {
    // Let the violation events (dispatched asynchronously) arrive first.
    setTimeout(
      () => window.parent.postMessage({ source: 'csp-validation', report, violations }, '*'),
      50,
    );
  },
  (err: Error) =>
    window.parent.postMessage(
      { source: 'csp-validation', error: `${err.name}: ${err.message}` },
      '*',
    ),
);
