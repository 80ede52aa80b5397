/**
 * Every procedure page of the demo site, opened in Chromium as a citizen would: the form loads
 * its procedure and shows its first step with a Continue button, nothing is logged as an error,
 * and axe finds no violation (inside the form's shadow roots too). The pages are read from
 * demo/site/thu-tuc, so a sample given a page is checked without touching this file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium: () => string | undefined };
const chromiumPath = findChromium();
const require = createRequire(import.meta.url);

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const pages = readdirSync(new URL('../../demo/site/thu-tuc/', import.meta.url))
  .filter((f) => f.endsWith('.html'))
  .sort();

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe('procedure pages in Chromium', { skip: chromiumPath ? false : 'needs Chromium' }, () => {
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

  test('the site has a page for every sample procedure the receiver serves', async () => {
    const list = (await (await fetch(`${s.base}/api/procedures`)).json()) as {
      procedures: { name: string; page: string | null }[];
    };
    assert.deepEqual(
      list.procedures.map((p) => p.page),
      list.procedures.map((p) => `/thu-tuc/${p.name}.html`),
    );
  });

  for (const file of pages) {
    test(`/thu-tuc/${file}: the first step renders, no console error, axe clean`, async () => {
      // bypassCSP only to inject axe itself; the pages' own CSP is tested in strict-csp.test.ts.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${s.base}/thu-tuc/${file}`);
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      // Kept on the device only if the person agrees (the form asks, and on a shared computer
      // advises against it): the page must not promise it unconditionally.
      assert.equal(
        await page.locator('main > p', { hasText: 'dừng giữa chừng' }).innerText(),
        'Nếu bạn đồng ý lưu tạm hồ sơ trên máy này, bạn có thể dừng giữa chừng và điền tiếp sau. ' +
          'Sau khi gửi, bạn nhận được mã hồ sơ để tra cứu kết quả.',
      );
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
      )) as { violations: { id: string; nodes: { target: unknown }[] }[] };
      assert.deepEqual(
        result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
        [],
      );
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
