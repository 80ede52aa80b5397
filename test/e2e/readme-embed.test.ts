// The README's "Embed it (webmasters)" followed literally on a static site of one's own
// (readme-site.ts builds it from the README's snippet, command and header), in Chromium through
// Playwright: what `compile` prints is what the README shows, the README's header is the demo's
// strict policy, and the page shows the form under it, fetches nothing missing and reaches the
// receiver's nonce endpoint. readme-embed.engines.ts opens the same page in Firefox and WebKit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { STRICT_CSP } from '../../demo/server/app.js';
import { start, type Running } from './helpers.js';
import {
  PROCEDURE,
  ROOT,
  readmeBlocks as blocks,
  readmeSite,
  type ReadmeSite,
} from './readme-site.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
// Skips (with the reason) only when run by hand without a build or a browser: npm test builds
// dist/ and installs Chromium before the e2e stage, so it never skips there.
const skip = !existsSync(join(ROOT, 'dist/chunks.json'))
  ? 'needs dist/: run npm run build'
  : !chromiumPath
    ? 'needs Chromium ($CHROME_PATH or /usr/bin/chromium)'
    : false;

/** What the page-side functions read, typed here: this file is checked without the DOM library. */
interface PageGlobals {
  document: {
    querySelector(selector: string): {
      shadowRoot: { textContent: string | null } | null;
      compiled?: unknown;
      challengeEndpoint?: string;
      action?: string;
    } | null;
  };
  violations: string[];
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ status: number }>;
}

// `skip`: only without a build or Chromium (see above); never under npm test.
describe("the README's embed steps, on a static site of one's own", { skip }, () => {
  let receiver: Running;
  let site: ReadmeSite;
  let base: string;
  let browser: Browser;
  let printed: string[];
  let requests: ReadmeSite['requests'];

  before(async () => {
    receiver = await start({ proceduresDir: join(ROOT, 'schemas/procedures/') });
    site = await readmeSite(receiver.base);
    ({ base, printed, requests } = site);
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await receiver?.close();
  });

  test('compile prints the artefact, then the <head> lines the README shows', () => {
    const chunks = JSON.parse(readFileSync(join(ROOT, 'dist/chunks.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const artefact = /^assets\/(1\.001193\.form-[0-9a-f]{8}\.min\.js)$/.exec(printed[0])?.[1];
    assert.ok(artefact, printed[0]);
    assert.deepEqual(printed.slice(1), [
      '<link rel="modulepreload" href="dvc-forms.min.js" />',
      `<link rel="modulepreload" href="${chunks['components/form/engine.ts'].file}" />`,
      `<link rel="modulepreload" href="${chunks['src/data/communes-2025.ts'].file}" />`,
      `<script type="module" src="${artefact}"></script>`,
    ]);
    // The README's example lines are these, with other content hashes.
    const hashless = (s: string) => s.replace(/-[\w-]{8}\.min\.js/g, '-<hash>.min.js');
    const example = blocks('html')[0]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^<(link rel="modulepreload"|script type="module")/.test(l));
    assert.deepEqual(
      example.map(hashless).map((l) => l.replace(/="\/assets\//, '="')),
      printed.slice(1).map(hashless),
    );
  });

  test("the README's header is the demo's strict policy", () => {
    assert.ok(blocks('text').some((b) => b.includes(`Content-Security-Policy: ${STRICT_CSP}`)));
  });

  test('the page shows the form under the policy, fetching nothing that is missing, and the receiver issues its nonce', async () => {
    const firstStep = (
      JSON.parse(readFileSync(PROCEDURE, 'utf8')) as {
        ui: { steps: { title: { vi: string } }[] };
      }
    ).ui.steps[0].title.vi;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({
      content: `window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    await page.goto(`${base}/`);
    // Function forms only: this CSP forbids the `new Function` a string would need.
    await page.waitForFunction(
      (text) =>
        (globalThis as unknown as PageGlobals).document
          .querySelector('dvc-form')
          ?.shadowRoot?.textContent?.includes(text) ?? false,
      firstStep,
      { timeout: 15_000 },
    );
    const state = await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const form = g.document.querySelector('dvc-form')!;
      // The form asks this URL for its nonce just before signing: the receiver must issue one.
      const challenge = await g.fetch(form.challengeEndpoint!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ procedure: { code: '1.001193', version: '1.0.0' } }),
      });
      return {
        compiled: Boolean(form.compiled),
        challenge: challenge.status,
        violations: g.violations,
      };
    });
    assert.deepEqual(state, { compiled: true, challenge: 201, violations: [] });
    assert.deepEqual(errors, []);
    // The procedure file stays on the receiver: the page never asks for it.
    assert.deepEqual(
      requests.filter(
        (r) => (r.status === 404 && r.path !== '/favicon.ico') || r.path.startsWith('/procedures/'),
      ),
      [],
    );
    await page.close();
  });
});
