// A clerk processes a dossier from receipt to result on the real demo site in Chromium, with a
// supplement round trip: received → in processing → request supplement (the clerk page's dialog)
// → the citizen completes it through the status look-up (<dvc-supplement>: the procedure's own
// fields and upload, signed in the browser) → the clerk sees it → result → done. The receiver
// sends its notification mails to a real SMTP server on its own timer; their exact subjects and
// texts are asserted, with no personal data in them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import { buildSubmissionPayload, type PayloadDocument } from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { CLERK, challenge, postDossier, start, uploadSession, type Running } from './helpers.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const TEXT = readFileSync(`${SAMPLES}dang-ky-khai-sinh.json`, 'utf8');
const PROCEDURE = JSON.parse(TEXT) as Procedure;
const CASES = JSON.parse(readFileSync(`${SAMPLES}dang-ky-khai-sinh.cases.json`, 'utf8')) as {
  cases: { answers: Record<string, unknown>; expect: { eligibility?: { status: string } } }[];
};
const ANSWERS = structuredClone(
  CASES.cases.find((c) => c.expect.eligibility?.status === 'eligible')!.answers,
) as { requester: Record<string, unknown>; child: Record<string, unknown> };
ANSWERS.requester.email = 'me.cua.be@example.vn';
const PHONE = ANSWERS.requester.phone as string;
const FOOTER = 'Thư này được gửi tự động từ hệ thống, vui lòng không trả lời.';
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);

describe(
  'a clerk processes a dossier end to end',
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let s: Running;
    let smtp: TestSmtp;
    let browser: Browser;
    let code = '';
    const link = 'https://dichvucong.example.gov.vn/tra-cuu.html';

    before(async () => {
      smtp = await startSmtp();
      s = await start({
        proceduresDir: SAMPLES,
        notify: {
          email: { url: smtp.url, from: 'Một cửa UBND phường <mot-cua@example.gov.vn>' },
          publicBaseUrl: 'https://dichvucong.example.gov.vn',
          everySeconds: 1,
        },
      });
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });
    after(async () => {
      await browser?.close();
      await s?.close();
      await smtp?.close();
    });

    const mail = (subject: string, text: string) => ({
      from: 'mot-cua@example.gov.vn',
      to: ['me.cua.be@example.vn'],
      subject,
      text,
    });

    async function receive(): Promise<string> {
      const b = uploadSession(s.base);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(),
      );
      // The child was born a few days ago, whatever the date the test runs.
      const born = new Date(Date.now() - 5 * 86400_000);
      ANSWERS.child.birthDate = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Ho_Chi_Minh',
      }).format(born);
      const rules = createRules(PROCEDURE, { today });
      const first = await rules.evaluate(ANSWERS);
      const checked = (await createValidator(PROCEDURE)).validate(ANSWERS, {
        hidden: first.hidden.fields,
        required: first.required.fields,
      });
      assert.deepEqual(checked.problems, []);
      const final = await rules.evaluate(checked.value);
      const documents: PayloadDocument[] = [];
      for (const slot of final.required.documents) {
        const bytes = pdf(slot);
        documents.push({
          slot,
          name: `${slot}.pdf`,
          type: 'application/pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          url: await b.upload(new Uint8Array(bytes), { slot }),
        });
      }
      const payload = buildSubmissionPayload({
        procedure: PROCEDURE,
        procedureSha256: createHash('sha256').update(TEXT).digest('hex'),
        answers: checked.value,
        rules: final,
        documents,
        lang: 'vi',
        delivery: { method: 'in-person' },
        nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
      });
      const jws = await signPayload(
        payload,
        await createWebCryptoSigner(await generateSigningKey()),
      );
      const r = await postDossier(s.base, jws, 'journey-1', b.cookie);
      const body = (await r.json()) as { dossierCode: string };
      assert.equal(r.status, 201, JSON.stringify(body));
      return body.dossierCode;
    }

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
      code = await receive();
      const received = mail(
        `Hồ sơ ${code}: Đã tiếp nhận`,
        `Hồ sơ ${code} đã được tiếp nhận.\nTrạng thái: Đã tiếp nhận.\n` +
          `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${link}\n\n` +
          FOOTER,
      );
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
      await dialog
        .getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)')
        .fill('Giấy chứng sinh chụp mờ; ghi đúng tên cơ sở y tế như trên giấy.');
      await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
      await clerk
        .getByText(`Đã gửi yêu cầu bổ sung hồ sơ ${code}; hồ sơ chuyển sang “Cần bổ sung hồ sơ”.`)
        .waitFor();
      await row.getByText('Cần bổ sung hồ sơ').waitFor();
      const asked = mail(
        `Hồ sơ ${code}: Cần bổ sung hồ sơ`,
        `Cơ quan giải quyết đề nghị bổ sung hồ sơ ${code}.\nTrạng thái: Cần bổ sung hồ sơ.\n` +
          `Xem nội dung cần bổ sung và nộp bổ sung tại trang tra cứu (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${link}\n` +
          'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.\n\n' +
          FOOTER,
      );
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
      assert.equal(
        (await form.locator('.note').textContent())?.trim(),
        'Giấy chứng sinh chụp mờ; ghi đúng tên cơ sở y tế như trên giấy.',
      );
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

      await form
        .locator('[data-path="child.healthFacility"] #control')
        .fill('Bệnh viện Phụ sản Hà Nội (cơ sở 2)');
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
      assert.equal(
        await view.locator('dd').first().textContent(),
        'Bệnh viện Phụ sản Hà Nội (cơ sở 2)',
      );
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
      const result = mail(
        `Hồ sơ ${code}: Đã có kết quả`,
        `Hồ sơ ${code} đã được giải quyết.\nTrạng thái: Đã có kết quả.\n` +
          `Xem chi tiết tại trang tra cứu: ${link}\n\n` +
          FOOTER,
      );
      assert.deepEqual(await smtp.waitFor(3), [received, asked, result]);
      for (const m of smtp.mails)
        for (const personal of ['Nguyễn Thị Lan', 'Trần Minh An', PHONE, 'chụp mờ', 'Phụ sản'])
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
