// The README's embed page (readme-site.ts: the README's snippet, `compile` command and
// Content-Security-Policy header on a static site of one's own) in each engine (DVC_E2E_ENGINE;
// scripts/test.mjs runs it in Chromium, Firefox ESR and WebKit): the form takes the place of the
// loading line with its first step, under the README's policy with no violation and no error.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import { PROCEDURE, ROOT, readmeSite, type ReadmeSite } from './readme-site.js';

const FIRST_STEP = (
  JSON.parse(readFileSync(PROCEDURE, 'utf8')) as { ui: { steps: { title: { vi: string } }[] } }
).ui.steps[0].title.vi;

describe(`the README's embed page in ${ENGINE}`, () => {
  let receiver: Running;
  let site: ReadmeSite;
  let page: EnginePage;

  before(async () => {
    receiver = await start({ proceduresDir: join(ROOT, 'schemas/procedures/') });
    site = await readmeSite(receiver.base);
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await site?.close();
    await receiver?.close();
  });

  test('the form shows its first step under the README policy, with no violation', async () => {
    await page.goto(`${site.base}/`);
    await page.waitFor('dvc-form >>> #page-heading', { text: FIRST_STEP, timeout: 20_000 });
    assert.deepEqual(await page.errors(), []);
    assert.deepEqual(
      site.requests.filter((r) => r.status === 404 && r.path !== '/favicon.ico'),
      [],
    );
  });
});
