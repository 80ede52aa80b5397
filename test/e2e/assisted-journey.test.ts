// Assisted digital on the real demo site (issue 18, point 5), in Chromium against the reference
// receiver: a post-office worker fills in the marriage registration with the couple
// (`assisted-by` on the page, as a one-stop desk would embed it). The form asks both
// confirmations — the applicant's and the helper's "Tôi đã đọc lại toàn bộ nội dung…" — and will
// not send without the helper's; the signed payload records both, the receiver verifies it with
// the procedure file, and the clerk page shows who helped and what each person confirmed (an
// audited read). Nothing is kept on the device. Throughout, the receiver's log holds none of the
// answers: names, personal ID numbers, phone number, street — also not after a status look-up
// that sends the phone number in the query string.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Procedure } from '../../src/procedure/types.js';
import { verifySubmission } from '../../src/verify/index.js';
import {
  APPLICANT_STATEMENT,
  ASSISTANCE_SHOWN,
  ASSISTED_PAGE,
  ASSISTED_PHONE,
  HELPER,
  HELPER_MISSING,
  HELPER_STATEMENT,
  MAN,
  PERSONAL,
  WOMAN,
} from './assisted-data.js';
import { CLERK, start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-ket-hon.json`;
const PAGE = ASSISTED_PAGE;
const PHONE = ASSISTED_PHONE;

describe('an assisted application on the demo site', () => {
  let s: Running;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    s = await start({ proceduresDir: SAMPLES });
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
    });
    // The demo page as a post office embeds it: with the helper named.
    await context.route(`${s.base}${PAGE}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<dvc-form',
        `<dvc-form assisted-by="${HELPER}"`,
      );
      await route.fulfill({ response, body: html });
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const form = () => page.locator('dvc-form');
  const heading = () => form().locator('#page-heading');
  const field = (path: string) => form().locator(`[data-path="${path}"]`);
  async function type(path: string, text: string, control = '#control') {
    await field(path).locator(control).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  const choose = (path: string, label: string) =>
    field(path).locator('label.choice', { hasText: label }).click();
  const select = (path: string, value: string, control = '#control') =>
    field(path).locator(control).selectOption(value);
  async function address(path: string, street: string) {
    await select(path, '01', '#province');
    await field(path).locator('#commune option[value="00004"]').waitFor({ state: 'attached' });
    await select(path, '00004', '#commune');
    await type(path, street, '#street');
  }
  async function continueTo(next: RegExp) {
    await form().locator('.buttons button.primary').click();
    try {
      await heading().filter({ hasText: next }).waitFor({ timeout: 10_000 });
    } catch {
      const summary = await form().locator('dvc-error-summary li').allTextContents();
      assert.fail(`did not reach ${next}: ${summary.join('; ')}`);
    }
  }
  async function person(who: 'woman' | 'man', p: typeof WOMAN) {
    await type(`${who}.fullName`, p.name);
    await select(`${who}.ethnicity`, '01');
    await type(`${who}.personalId`, p.id);
    await address(`${who}.residence`, p.street);
    await type(`${who}.marriageNumber`, '1');
  }

  test('both confirmations are signed, verified and shown to the clerk; no answer in the log', async () => {
    await page.goto(`${s.base}${PAGE}`);
    await heading().filter({ hasText: 'Kiểm tra điều kiện kết hôn' }).waitFor();
    await form().getByText(`Biểu mẫu này được điền với sự hỗ trợ của ${HELPER}`).waitFor();
    // Assisted: no question about keeping a draft on this (shared) device.
    assert.equal(await form().locator('.draft-consent').count(), 0);

    await type('woman.birthDate', '15/03/1995');
    await type('man.birthDate', '20/08/1993');
    await choose('eligibility.foreignElement', 'Không');
    await choose('eligibility.currentlyMarried', 'Không');
    await choose('eligibility.closeRelatives', 'Không');
    await choose('eligibility.voluntary', 'Có');
    await choose('eligibility.lostCapacity', 'Không');
    await continueTo(/Thông tin bên nữ/);
    await person('woman', WOMAN);
    await continueTo(/Thông tin bên nam/);
    await person('man', MAN);
    await continueTo(/Liên hệ và bản sao/);
    await type('contact.phone', '0987 654 321');
    await choose('copies.requested', 'Không');
    await continueTo(/Giấy tờ cần nộp|Kiểm tra lại thông tin/);
    if ((await heading().textContent())!.includes('Giấy tờ')) {
      await continueTo(/Kiểm tra lại thông tin/);
    }

    // The review page: the applicant's box is worded for the helper to read out; without the
    // helper's own confirmation nothing is sent.
    await form().getByLabel(APPLICANT_STATEMENT).check();
    await form().locator('.buttons button.primary').click();
    const summary = form().locator('dvc-error-summary li');
    await summary.first().waitFor();
    assert.deepEqual(await summary.allTextContents().then((t) => t.map((x) => x.trim())), [
      HELPER_MISSING,
    ]);
    const count = s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number };
    assert.equal(count.n, 0);
    await form().getByLabel(HELPER_STATEMENT).check();
    await form().locator('.buttons button.primary').click();
    const receipt = form().locator('dvc-receipt');
    await receipt.waitFor({ timeout: 20_000 });
    const code = (await receipt.locator('[part="code"]').textContent())!.trim();

    // The stored payload verifies against the procedure file and records both confirmations.
    const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
    const clear = s.app.dvc.readDossier(code)!;
    const verified = await verifySubmission(clear.jws, {
      procedure: JSON.parse(procedureText) as Procedure,
      procedureText,
    });
    assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
    const payload = verified.submission as unknown as Record<string, unknown>;
    assert.equal(payload.assistedBy, HELPER);
    assert.deepEqual(payload.assistance, {
      applicantConfirmed: true,
      helperConfirmed: true,
      helperStatement: HELPER_STATEMENT,
    });
    // Assisted mode kept nothing in this browser.
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    assert.ok(!databases.includes('dvc-forms-keys'));

    // The couple looks the dossier up with the phone number (sent in the query string).
    await page.goto(`${s.base}/tra-cuu.html`);
    const lookup = page.locator('dvc-status-lookup');
    await lookup.locator('dvc-text-field[name="code"] #control').fill(code);
    await lookup.locator('dvc-text-field[name="secret"] #control').fill(PHONE);
    await page.keyboard.press('Enter');
    await lookup.locator('[part="status"]').waitFor();

    // The clerk: the list says a helper filled it in; opening it (audited) shows who and what.
    const clerk = await browser.newPage();
    await clerk.goto(`${s.base}/can-bo.html`);
    await clerk.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await clerk.getByLabel('Mật khẩu').fill(CLERK.password);
    await clerk.getByRole('button', { name: 'Đăng nhập' }).click();
    const row = clerk.getByRole('row').filter({ hasText: code });
    await row.getByText('Khai có người hỗ trợ').waitFor();
    await clerk.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const detail = clerk.getByRole('region', { name: `Hồ sơ ${code}` });
    await detail.waitFor();
    // <dvc-dossier> (its shadow root) renders who helped and what each person confirmed.
    const assistance = detail.locator('dvc-dossier section[aria-labelledby="assistance"] p');
    await assistance.first().waitFor();
    assert.deepEqual(await assistance.allTextContents(), ASSISTANCE_SHOWN);
    await detail.getByText('Không có giấy tờ đính kèm.').waitFor();
    assert.equal(await clerk.evaluate(() => document.activeElement?.id), 'clerk-detail-heading');
    const reads = s.app.dvc.db
      .prepare(
        "SELECT actor, outcome FROM audit_log WHERE action = 'dossier.read' AND dossier_code = ?",
      )
      .all(code);
    assert.deepEqual(reads, [{ actor: CLERK.username, outcome: 'success' }]);

    // The receiver's log of the whole journey: requests, uploads, the look-up, the clerk.
    const log = s.logs.join('');
    // The look-up's second factor is in the query string: logged redacted.
    assert.ok(
      log.includes(`/api/status?code=${code}&secret=%5Bredacted%5D`),
      'the look-up is logged',
    );
    for (const value of PERSONAL) {
      assert.ok(!log.includes(value), `the receiver's log holds "${value}"`);
    }
    assert.deepEqual(pageErrors, []);
  });
});
