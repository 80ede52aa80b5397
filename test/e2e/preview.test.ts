// `dvc-forms preview` in Chromium: the page shows the procedure in <dvc-form> from the built
// bundle, and reloads by itself when the file is saved (the new title appears).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../src/cli/commands/preview.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const dir = mkdtempSync(join(tmpdir(), 'dvc-preview-e2e-'));
const file = join(dir, 'thu-nghiem.json');
copyFileSync(new URL('./fixtures/cross-origin/thu-nghiem-cors.json', import.meta.url), file);
let server: PreviewServer;
let browser: Browser;

before(async () => {
  server = await startPreview(file);
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const headingIs = (text: string) =>
  `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === ${JSON.stringify(text)}`;

test('renders the procedure and reloads when the file changes', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(headingIs('Người yêu cầu'), undefined, { timeout: 15_000 });
  assert.equal((await page.locator('#problems').textContent())?.trim(), 'Tệp không có vấn đề nào.');
  const edited = readFileSync(file, 'utf8').replace(
    '"vi": "Người yêu cầu"',
    '"vi": "Thông tin người yêu cầu"',
  );
  writeFileSync(file, edited);
  await page.waitForFunction(headingIs('Thông tin người yêu cầu'), undefined, { timeout: 15_000 });
  await page.close();
});
