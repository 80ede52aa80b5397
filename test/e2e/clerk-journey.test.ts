// A clerk processes a dossier from receipt to result on the real demo site in Chromium, with a
// supplement round trip: received → in processing → request supplement (the clerk page's dialog)
// → the citizen completes it through the status look-up (<dvc-supplement>: the procedure's own
// fields and upload, signed in the browser) → the clerk sees it → result → done. The receiver
// sends its notification mails to a real SMTP server on its own timer; their exact subjects and
// texts are asserted, with no personal data in them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  HEALTH_FACILITY,
  journeyMails,
  notifyOptions,
  pdf,
  PERSONAL_IN_MAILS,
  PHONE,
  receiveBirthDossier,
  SAMPLES,
  SUPPLEMENT_NOTE,
} from './clerk-journey-data.js';
import { CLERK, start, type Running } from './helpers.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

describe(
  'a clerk processes a dossier end to end',
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let s: Running;
    let smtp: TestSmtp;
    let browser: Browser;
    let code = '';

    before(async () => {
      smtp = await startSmtp();
      s = await start({
        proceduresDir: SAMPLES,
        notify: notifyOptions(smtp.url),
      });
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });
    after(async () => {
      await browser?.close();
      await s?.close();
      await smtp?.close();
    });

    async function clerkPage(): Promise<Page> {
      const page = await browser.newPage();
      await page.goto(`${s.base}/can-bo.html`);
      await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
      await page.getByLabel('Mật khẩu').fill(CLERK.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText(`Đang đăng nhập: ${CLERK.displayName} (cán bộ)`).waitFor();
      return page;
    }

    test('receipt, processing, supplement round trip, result, with the mails', async () => {
      code = await receiveBirthDossier(s);
      const { received, asked, result } = journeyMails(code);
      assert.deepEqual(await smtp.waitFor(1), [received]);

      // The clerk takes it up and asks for a supplement: one answer and one document.
      const clerk = await clerkPage();
      const row = clerk.getByRole('row').filter({ hasText: code });
      await row.getByText('Đã tiếp nhận').waitFor();
      // Moves are made from the dossier's own view (<dvc-dossier>).
      await clerk.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
      await clerk.getByRole('button', { name: `Đang xử lý: ${code}` }).click();
      await clerk.getByText(`Đã chuyển hồ sơ ${code} sang “Đang xử lý”.`).waitFor();
      await clerk.getByRole('button', { name: `Cần bổ sung hồ sơ: ${code}` }).click();
      const dialog = clerk.getByRole('dialog', { name: `Yêu cầu bổ sung hồ sơ ${code}` });
      await dialog.getByLabel('Tên cơ sở y tế nơi trẻ sinh ra').check();
      await dialog.getByLabel('Giấy chứng sinh', { exact: true }).check();
      await dialog.getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)').fill(SUPPLEMENT_NOTE);
      await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
      await clerk
        .getByText(`Đã gửi yêu cầu bổ sung hồ sơ ${code}; hồ sơ chuyển sang “Cần bổ sung hồ sơ”.`)
        .waitFor();
      await row.getByText('Cần bổ sung hồ sơ').waitFor();
      assert.deepEqual(await smtp.waitFor(2), [received, asked]);

      // The citizen looks the dossier up with the code and their phone, and gets the form for
      // exactly the requested items.
      const citizen = await browser.newPage();
      const pageErrors: string[] = [];
      citizen.on('pageerror', (e) => pageErrors.push(e.message));
      await citizen.goto(`${s.base}/tra-cuu.html`);
      const lookup = citizen.locator('dvc-status-lookup');
      await lookup.locator('dvc-text-field[name="code"] #control').fill(code);
      await lookup.locator('dvc-text-field[name="secret"] #control').fill(PHONE);
      await lookup.getByRole('button', { name: 'Tra cứu' }).click();
      const form = lookup.locator('dvc-supplement');
      await form.getByRole('heading', { name: 'Bổ sung hồ sơ' }).waitFor();
      assert.equal((await form.locator('.note').textContent())?.trim(), SUPPLEMENT_NOTE);
      // Exactly one question and one document, once the procedure file is loaded.
      await form.locator('dvc-upload').waitFor();
      assert.equal(await form.locator('[data-path]').count(), 1);
      assert.equal(await form.locator('dvc-upload').count(), 1);

      // Sent empty: the error summary names both items and takes focus.
      await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      const summary = form.locator('dvc-error-summary');
      await summary.locator('li').first().waitFor();
      assert.deepEqual(
        (await summary.locator('li').allTextContents()).map((t) => t.trim()),
        ['Vui lòng nhập Tên cơ sở y tế nơi trẻ sinh ra', 'Vui lòng chọn tệp Giấy chứng sinh'],
      );
      // The same words at the field, in its own shadow root.
      assert.equal(
        (
          await form.locator('[data-path="child.healthFacility"] [part~="error"]').textContent()
        )?.trim(),
        'Lỗi: Vui lòng nhập Tên cơ sở y tế nơi trẻ sinh ra',
      );

      await form.locator('[data-path="child.healthFacility"] #control').fill(HEALTH_FACILITY);
      const upload = form.locator('dvc-upload');
      await upload
        .locator('#control')
        .setInputFiles([
          { name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: pdf('ro') },
        ]);
      await upload.locator('.file[data-status="done"]').waitFor();
      await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      await form.getByRole('heading', { name: 'Đã gửi hồ sơ bổ sung' }).waitFor();
      assert.equal((await lookup.locator('[part="status"]').textContent())?.trim(), 'Đang xử lý');
      assert.deepEqual(pageErrors, []);

      // The clerk sees it in the dossier: the answer and the file.
      await clerk.reload();
      await clerk.getByText(`Đang đăng nhập: ${CLERK.displayName} (cán bộ)`).waitFor();
      await row.getByText('Đang xử lý').waitFor();
      await clerk.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
      const view = clerk.locator('.supplements-view');
      await view.getByText('Đã nhận bổ sung').waitFor();
      assert.equal(await view.locator('dd').first().textContent(), HEALTH_FACILITY);
      const file = view.getByRole('link', { name: 'giay-chung-sinh-ro.pdf' });
      const href = await file.getAttribute('href');
      const bytes = await clerk.evaluate(async (url) => (await fetch(url!)).text(), href);
      assert.equal(bytes, pdf('ro').toString());

      // The result, and the dossier is done.
      await clerk.getByRole('button', { name: `Đã có kết quả: ${code}` }).click();
      // A final move is confirmed in a dialog.
      await clerk
        .getByRole('dialog', { name: `Chuyển hồ sơ ${code} sang “Đã có kết quả”?` })
        .getByRole('button', { name: 'Xác nhận: Đã có kết quả' })
        .click();
      await clerk.getByText(`Đã chuyển hồ sơ ${code} sang “Đã có kết quả”.`).waitFor();
      await row.getByText('Đã có kết quả').waitFor();
      assert.deepEqual(await smtp.waitFor(3), [received, asked, result]);
      for (const m of smtp.mails)
        for (const personal of PERSONAL_IN_MAILS)
          assert.ok(!`${m.subject}\n${m.text}`.includes(personal), personal);
    });

    test('no page promises an SMS while no SMS provider is configured', async () => {
      assert.deepEqual(s.app.dvc.notifications.kinds, ['email']);
      for (const path of [
        '/',
        '/tra-cuu.html',
        '/can-bo.html',
        '/thu-tuc/dang-ky-khai-sinh.html',
      ]) {
        const html = await (await fetch(`${s.base}${path}`)).text();
        assert.doesNotMatch(html, /\bSMS\b|tin nhắn/i, path);
      }
    });
  },
);
