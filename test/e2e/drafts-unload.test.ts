// The audit's case as a person does it, in Chromium through Playwright: with the draft kept on
// the device, a name typed and `page.reload()` with no pause, then a phone number typed and
// `page.goto()` away with no pause; back on the page, "Tiếp tục hồ sơ đang khai" brings both back
// exactly. Before components/drafts/seal-ahead.ts, the last ~1.5 s of typing was lost. The same
// in Firefox and WebKit: drafts-unload.engines.ts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PAGE = '/thu-tuc/dang-ky-khai-sinh.html';
const REQUESTER = 'Người đi đăng ký khai sinh';

describe('answers typed just before a reload or a navigation away, in Chromium', () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({ proceduresDir: SAMPLES });
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const form = (page: Page) => page.locator('dvc-form');
  const heading = (page: Page, text: string) =>
    form(page).locator('#page-heading').filter({ hasText: text }).waitFor();
  const field = (page: Page, path: string) =>
    form(page).locator(`[data-path="${path}"]`).locator('input, select').first();
  async function resume(page: Page): Promise<void> {
    await heading(page, 'Bạn có một hồ sơ đang khai dở');
    await form(page).getByRole('button', { name: 'Tiếp tục hồ sơ đang khai' }).click();
    await heading(page, REQUESTER);
  }

  test('page.reload() and page.goto() right after the last key lose nothing', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.base}${PAGE}`);
    await form(page).getByRole('button', { name: 'Lưu trên thiết bị này' }).click();
    for (const [path, label] of [
      ['eligibility.alreadyRegistered', 'Chưa đăng ký'],
      ['eligibility.bornInVietnam', 'Có'],
      ['eligibility.foreignParent', 'Không'],
      ['eligibility.fatherStatus', 'Chưa xác định được cha của trẻ'],
    ]) {
      await form(page).locator(`[data-path="${path}"] label.choice`, { hasText: label }).click();
    }
    await form(page).locator('.buttons button.primary').click();
    await heading(page, REQUESTER);
    await field(page, 'requester.relationship').selectOption('mother');
    await field(page, 'requester.fullName').click();
    await page.keyboard.type('Lê Thị Mai', { delay: 30 });
    await page.reload();

    await resume(page);
    assert.equal(await field(page, 'requester.relationship').inputValue(), 'mother');
    assert.equal(await field(page, 'requester.fullName').inputValue(), 'Lê Thị Mai');

    await field(page, 'requester.personalId').click();
    await page.keyboard.type('001195012345', { delay: 30 });
    await page.goto(`${s.base}/`);
    // Another address for the same page: a new load, not the old page from the back-forward cache.
    await page.goto(`${s.base}${PAGE}?lai=1`);
    await resume(page);
    assert.equal(await field(page, 'requester.fullName').inputValue(), 'Lê Thị Mai');
    assert.equal(await field(page, 'requester.personalId').inputValue(), '001195012345');
    await context.close();
  });
});
