// The birth-registration form on the demo page served under the strict Content-Security-Policy,
// in headless Chromium: no violation is reported and the first step renders with the
// precompiled validator the server makes at startup.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { STRICT_CSP_PAGE } from '../../demo/server/app.js';
import { start, type Running } from './helpers.js';

const BUNDLE = fileURLToPath(new URL('../../dist/dvc-forms.min.js', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const SAMPLE = `${SAMPLES}dang-ky-khai-sinh.json`;
// scripts/chromium.mjs has no type declarations: import it by URL and type what is used.
const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
// Skips (with the reason) only when run by hand without a build, the sample or a browser: npm
// test builds dist/ and installs Chromium before the e2e stage, and the sample is tracked.
const skip = !existsSync(BUNDLE)
  ? 'needs dist/dvc-forms.min.js: run npm run build'
  : !existsSync(SAMPLE)
    ? 'needs schemas/procedures/dang-ky-khai-sinh.json'
    : !chromiumPath
      ? 'needs Chromium ($CHROME_PATH or /usr/bin/chromium)'
      : false;

/** What the page-side functions read, typed here: this file is checked without the DOM library. */
interface PageGlobals {
  document: {
    querySelector(
      selector: string,
    ): { shadowRoot: { textContent: string | null } | null; compiled?: unknown } | null;
  };
  violations: string[];
}

// `skip`: only without a build, the sample or Chromium (see above); never under npm test.
describe('strict-CSP demo page in Chromium', { skip }, () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({ proceduresDir: SAMPLES });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('the form renders its first step with no CSP violation', async () => {
    const firstStep = (
      JSON.parse(readFileSync(SAMPLE, 'utf8')) as { ui: { steps: { title: { vi: string } }[] } }
    ).ui.steps[0].title.vi;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // An init script may be a string: the browser injects it itself, outside the page's CSP.
    await page.addInitScript({
      content: `window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    const response = await page.goto(`${s.base}${STRICT_CSP_PAGE}`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /trusted-types lit-html/);
    // Function forms, not strings: Playwright evaluates a string with `new Function` inside the
    // page, which this very CSP forbids (EvalError). A function is sent as a function.
    await page.waitForFunction(
      (text) =>
        (globalThis as unknown as PageGlobals).document
          .querySelector('dvc-form')
          ?.shadowRoot?.textContent?.includes(text) ?? false,
      firstStep,
      { timeout: 15_000 },
    );
    const state = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return {
        compiled: Boolean(g.document.querySelector('dvc-form')?.compiled),
        violations: g.violations,
      };
    });
    assert.deepEqual(state, { compiled: true, violations: [] });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
