import { expect } from '@open-wc/testing';

/**
 * A webmaster's page under the README's strict Content-Security-Policy, with a form artefact
 * compiled from one procedure file and a `<dvc-form procedure>` naming another: the form fetches
 * that file and compiling its validator in the browser is refused. The console said only
 * "Cannot build the validator" with a CspCompileError whose advice is for createValidator
 * callers; it now names the artefact's file and what to do.
 */
describe('a form beside an artefact of another procedure file, under a strict CSP', () => {
  it('fails with "validator" and the console names the artefact’s file and the fix', async () => {
    const frame = document.createElement('iframe');
    const message = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('csp-artefact/page.ts did not report: no dvc-error came')),
        15000,
      );
      const onMessage = (e: MessageEvent) => {
        // Known by its tag alone (see csp-validation.test.ts on WebKit's message source).
        if (e.data?.source !== 'csp-artefact') return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(e.data as Record<string, unknown>);
      };
      window.addEventListener('message', onMessage);
    });
    frame.src = new URL('./csp-artefact/page.html?dvc-csp=strict', import.meta.url).href;
    document.body.append(frame);
    try {
      const data = await message;
      expect(data.code).to.equal('validator');
      expect(data.lines).to.deep.equal([
        `warn: dvc-form: procedure="${data.url as string}" is not the file this page's form artefact was compiled from (basic.json), so the form fetched it and compiles its validator in the browser, which a strict Content-Security-Policy (script-src 'self') refuses: the form then fails with "Cannot build the validator". Name the artefact's file in procedure (or leave procedure out), or compile this file into its own artefact (dvc-forms compile <file.json> --out <dir> --form) and load that one.`,
        'error: dvc-form: Cannot build the validator CspCompileError',
      ]);
      // The refusal itself: Trusted Types stops ajv's `new Function(string)`.
      expect(data.violations).to.deep.equal(['require-trusted-types-for']);
    } finally {
      frame.remove();
    }
  });
});
