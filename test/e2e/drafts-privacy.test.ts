// Drafts on a shared device, on the real demo site in Chromium (issue 18): the form asks before
// keeping anything; without a yes nothing is kept; with a yes the draft is encrypted and offered
// back after a reload; "Xoá dữ liệu trên máy này" deletes it; assisted mode keeps nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PAGE = '/thu-tuc/dang-ky-khai-sinh.html';
const CONSENT_HEADING = 'Lưu tạm hồ sơ trên thiết bị này?';
const OFFER_HEADING = 'Bạn có một hồ sơ đang khai dở';

/** What this site keeps in the browser: the drafts' raw records and the databases present. */
const deviceData = (page: Page) =>
  page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name).sort();
    if (!names.includes('dvc-forms-drafts')) return { names, drafts: [] as unknown[] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('dvc-forms-drafts');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const drafts = db.objectStoreNames.contains('drafts')
      ? await new Promise<unknown[]>((resolve) => {
          const r = db.transaction('drafts').objectStore('drafts').getAll();
          r.onsuccess = () =>
            resolve(
              (r.result as Record<string, unknown>[]).map((d) => ({
                answers: d.answers,
                sealed: !!d.sealedAnswers,
                text: JSON.stringify(d),
              })),
            );
        })
      : [];
    db.close();
    return { names, drafts };
  }) as Promise<{ names: string[]; drafts: { answers: unknown; sealed: boolean; text: string }[] }>;

describe('drafts on a shared device, in Chromium', () => {
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

  async function openForm(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.base}${PAGE}`);
    return page;
  }
  const form = (page: Page) => page.locator('dvc-form');
  const heading = (page: Page) => form(page).locator('#page-heading');
  const choose = (page: Page, path: string, label: string) =>
    form(page).locator(`[data-path="${path}"] label.choice`, { hasText: label }).click();

  test('asks first; keeps nothing until yes; then an encrypted draft comes back; the clear action deletes it', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await openForm(context);
    const consent = form(page).getByRole('region', { name: CONSENT_HEADING });
    await consent.waitFor();
    assert.match(
      (await consent.textContent())!,
      /được mã hoá và lưu trên trình duyệt này trong 7 ngày/,
    );
    await heading(page).filter({ hasText: 'Kiểm tra trường hợp của bạn' }).waitFor();
    await choose(page, 'eligibility.alreadyRegistered', 'Chưa đăng ký');
    await page.waitForTimeout(800); // past the autosave delay: still nothing may be written
    assert.deepEqual((await deviceData(page)).drafts, []);

    await consent.getByRole('button', { name: 'Lưu trên thiết bị này' }).click();
    await consent.waitFor({ state: 'detached' });
    await form(page)
      .getByText(/^Hồ sơ đang khai được mã hoá và lưu trên thiết bị này đến /)
      .waitFor();
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((r) => {
        const q = indexedDB.open('dvc-forms-drafts');
        q.onsuccess = () => r(q.result);
      });
      const n = await new Promise<number>((r) => {
        const q = db.transaction('drafts').objectStore('drafts').count();
        q.onsuccess = () => r(q.result);
      });
      db.close();
      return n === 1;
    });
    const kept = await deviceData(page);
    assert.deepEqual(kept.names, ['dvc-forms-drafts', 'dvc-forms-keys']);
    assert.equal(kept.drafts.length, 1);
    assert.deepEqual(kept.drafts[0].answers, {});
    assert.equal(kept.drafts[0].sealed, true);
    // No answer in clear: only the procedure's own schema and labels stay readable.
    assert.doesNotMatch(kept.drafts[0].text, /"alreadyRegistered":false/);

    await page.reload();
    await heading(page).filter({ hasText: OFFER_HEADING }).waitFor();
    await form(page).getByRole('button', { name: 'Tiếp tục hồ sơ đang khai' }).click();
    await heading(page).filter({ hasText: 'Kiểm tra trường hợp của bạn' }).waitFor();
    const restored = form(page).locator(
      '[data-path="eligibility.alreadyRegistered"] input:checked',
    );
    assert.equal(await restored.count(), 1);

    await form(page).getByRole('button', { name: 'Xoá dữ liệu trên máy này' }).click();
    await form(page)
      .getByText(
        'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.',
      )
      .waitFor();
    assert.deepEqual((await deviceData(page)).names, []);

    // The next person at this computer is not offered anything, and is asked again.
    await page.reload();
    await form(page).getByRole('region', { name: CONSENT_HEADING }).waitFor();
    assert.equal(await heading(page).filter({ hasText: OFFER_HEADING }).count(), 0);
    await context.close();
  });

  test('“Không lưu” keeps nothing: after a reload there is nothing to continue', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await openForm(context);
    const consent = form(page).getByRole('region', { name: CONSENT_HEADING });
    await consent.getByRole('button', { name: 'Không lưu' }).click();
    await form(page)
      .getByText(
        'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.',
      )
      .waitFor();
    await choose(page, 'eligibility.alreadyRegistered', 'Chưa đăng ký');
    await choose(page, 'eligibility.bornInVietnam', 'Có');
    await page.waitForTimeout(800);
    await page.reload();
    await form(page).getByRole('region', { name: CONSENT_HEADING }).waitFor();
    assert.equal(await heading(page).filter({ hasText: OFFER_HEADING }).count(), 0);
    assert.deepEqual((await deviceData(page)).drafts, []);
    await context.close();
  });

  test('assisted mode asks nothing and keeps nothing once the page is left', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    // The same demo page as a one-stop desk would embed it: with assisted-by.
    await context.route(`${s.base}${PAGE}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<dvc-form',
        '<dvc-form assisted-by="Bưu điện Hoàn Kiếm — nhân viên 07" drafts="on"',
      );
      await route.fulfill({ response, body: html });
    });
    const page = await openForm(context);
    await heading(page).filter({ hasText: 'Kiểm tra trường hợp của bạn' }).waitFor();
    await form(page)
      .getByText(/Bưu điện Hoàn Kiếm — nhân viên 07/)
      .waitFor();
    assert.equal(await form(page).getByRole('region', { name: CONSENT_HEADING }).count(), 0);
    await choose(page, 'eligibility.alreadyRegistered', 'Chưa đăng ký');
    await page.waitForTimeout(800);
    await page.goto(`${s.base}/`); // the page is left
    assert.deepEqual((await deviceData(page)).drafts, []);
    assert.ok(!(await deviceData(page)).names.includes('dvc-forms-keys'));
    await context.close();
  });
});
