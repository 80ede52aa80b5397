import { expect } from '@open-wc/testing';
import { WEBKIT } from './engine.js';

/**
 * The rules engine must run where webmasters embed the form: under
 * `script-src 'self'; require-trusted-types-for 'script'`, without 'unsafe-eval'. The page also
 * probes eval, so this test fails if the CSP header were not applied at all.
 */
describe('rules under a strict Content-Security-Policy', () => {
  it('evaluates eligibility, visibility and fees with no CSP violation', async () => {
    const frame = document.createElement('iframe');
    const message = new Promise<Record<string, unknown>>((resolve, reject) => {
      // Fail with a cause rather than mocha's bare timeout when the page's module never runs.
      const timer = setTimeout(
        () =>
          reject(
            new Error('csp-rules/page.ts did not report: a module failed to load or was blocked'),
          ),
        8000,
      );
      const onMessage = (e: MessageEvent) => {
        if (e.source !== frame.contentWindow || e.data?.source !== 'csp-rules') return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(e.data as Record<string, unknown>);
      };
      window.addEventListener('message', onMessage);
    });
    frame.src = new URL('./csp-rules/page.html?dvc-csp=strict', import.meta.url).href;
    document.body.append(frame);
    try {
      const data = await message;
      expect(data.error).to.equal(undefined);
      expect(data.report).to.deep.equal({
        first: { status: 'eligible', hidden: ['spouse'] },
        second: {
          status: 'eligible',
          hidden: [],
          total: 12000,
          evaluated: ['rule:show-spouse', 'reduction:half'],
        },
        beforeProbe: 0,
        stringEvalBlocked: true,
        trustedEvalBlocked: true,
        violations: [
          { directive: 'require-trusted-types-for', blockedURI: 'trusted-types-sink' },
          // WebKit blocks the trusted eval (trustedEvalBlocked above) without firing the
          // securitypolicyviolation event for it; Chromium and Firefox fire it.
          ...(WEBKIT ? [] : [{ directive: 'script-src', blockedURI: 'eval' }]),
        ],
      });
    } finally {
      frame.remove();
    }
  });
});
