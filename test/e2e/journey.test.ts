// The whole journey of a citizen on the demo site, in real Chromium against the reference
// receiver: the birth-registration page from the eligibility questions to the receipt (typing
// with the keyboard, choosing options, uploading real PDF and JPEG bytes with tus), then the
// dossier in SQLite (its signed payload verified against the procedure file, its documents'
// SHA-256 equal to the files' own), then the status page finding it by code and phone number.
//
// Needs the built library (`npx rollup -c --silent`): the demo serves dist/.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Procedure } from '../../src/procedure/types.js';
import type { SubmissionPayload } from '../../src/submission/payload.js';
import { verifySubmission } from '../../src/verify/index.js';
import { start, type Running } from './helpers.js';
import { birthRegistrationSteps, perform, PHONE, POST_DELIVERY, smallPdf } from './journey-data.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

// The receiver's environment settings, as `npm start` reads them (plain JS, no types).
const { loadConfig } = (await import(
  new URL('../../demo/server/config.js', import.meta.url).href
)) as { loadConfig(env: Record<string, string>): { postage?: number } };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-khai-sinh.json`;
const BUNDLE = fileURLToPath(new URL('../../dist/dvc-forms.min.js', import.meta.url));

/** The locator's texts with white space collapsed, as a person reads them. */
async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the birth-registration journey on the demo site', () => {
  let s: Running;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/dvc-forms.min.js is missing: run "npx rollup -c" first');
    s = await start({
      proceduresDir: SAMPLES,
      // What `npm start` configures without any setting: the demo's example postage tariff.
      postage: loadConfig({}).postage,
      // Online payment through the local VNPay simulator, as PAYMENT_SIMULATOR=1 does.
      payments: {
        agency: {
          name: 'UBND phường Thử Nghiệm',
          taxCode: '',
          receiptTemplate: '',
          receiptSeries: '',
        },
        simulator: true,
      },
    });
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    await openPage();
  });
  /** A new browser context (a phone's screen, in Vietnamese) and its page as `page`. */
  async function openPage() {
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(15_000);
    return context;
  }
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const form = () => page.locator('dvc-form');
  const heading = () => form().locator('#page-heading');
  const field = (path: string) => form().locator(`[data-path="${path}"]`);

  /** Clicks the field's text box and types, as a person does on a phone keyboard. */
  async function type(path: string, text: string, control = '#control'): Promise<void> {
    await field(path).locator(control).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  async function choose(path: string, label: string): Promise<void> {
    await field(path).locator('label.choice', { hasText: label }).click();
  }
  async function select(path: string, value: string, control = '#control'): Promise<void> {
    await field(path).locator(control).selectOption(value);
  }
  async function address(path: string, province: string, commune: string, street?: string) {
    await select(path, province, '#province');
    await field(path).locator(`#commune option[value="${commune}"]`).waitFor({ state: 'attached' });
    await select(path, commune, '#commune');
    if (street !== undefined) await type(path, street, '#street');
  }
  /** Presses Continue and waits for the next page, reporting the error summary if it stays. */
  async function continueTo(next: string): Promise<void> {
    const before = (await heading().textContent())?.trim();
    await form().locator('.buttons button.primary').click();
    try {
      await heading().filter({ hasText: next }).waitFor({ timeout: 10_000 });
    } catch (error) {
      const summary = await form()
        .locator('dvc-error-summary li')
        .allTextContents()
        .catch(() => []);
      assert.fail(
        `Continue on "${before}" did not reach "${next}": ${summary.join('; ') || String(error)}`,
      );
    }
  }

  /**
   * The birth-registration page from its start to "Bản sao và lệ phí": eligibility, the mother
   * as requester, the child, the parents, and the birth certificate uploaded (tus) as a PDF and
   * a JPEG. Returns the files' bytes.
   */
  async function fillToCopies(): Promise<{ pdf: Buffer; jpeg: Buffer }> {
    await page.goto(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`);
    await heading().filter({ hasText: 'Kiểm tra trường hợp của bạn' }).waitFor();
    await perform(birthRegistrationSteps(), {
      choose,
      type: (path, text) => type(path, text),
      select: (path, value) => select(path, value),
      address,
      continueTo,
    });

    // Documents: the birth certificate is required once the applicant says they have one.
    await choose('birthProof.kind', 'Giấy chứng sinh do cơ sở y tế cấp');
    const pdf = smallPdf();
    const jpeg = Buffer.from(
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(32, 24);
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#2a6';
        ctx.fillRect(0, 0, 32, 24);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
        return [...new Uint8Array(await blob.arrayBuffer())];
      }),
    );
    const slot = page.locator('dvc-form > dvc-upload[slot="document-birthCertificate"]');
    await continueTo('Giấy tờ cần nộp');
    assert.deepEqual(await texts(form().locator('dvc-error-summary li')), [
      'Vui lòng chọn tệp Giấy chứng sinh',
    ]);
    await slot.locator('#control').setInputFiles([
      { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'giay-chung-sinh-trang-2.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ]);
    await slot.locator('.file[data-status="done"]').nth(1).waitFor();
    assert.deepEqual(await texts(slot.locator('.file .name')), [
      'giay-chung-sinh.pdf',
      'giay-chung-sinh-trang-2.jpg',
    ]);
    await continueTo('Bản sao và lệ phí');
    return { pdf, jpeg };
  }

  test('from the eligibility questions to the receipt, then the status lookup', async () => {
    const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
    const procedure = JSON.parse(procedureText) as Procedure;
    const { pdf, jpeg } = await fillToCopies();

    // How the result is received is asked once, by the delivery choice on the review page.
    assert.equal(await form().getByText('Bạn muốn nhận Giấy khai sinh bằng cách nào?').count(), 0);
    await choose('result.requestCopies', 'Không');
    await continueTo('Kiểm tra lại thông tin');

    const reviewFiles = await texts(form().locator('.review-documents .files li'));
    assert.equal(reviewFiles.length, 2);
    assert.match(reviewFiles[0], /^giay-chung-sinh\.pdf \(\d+ byte\)$/);
    assert.match(reviewFiles[1], /^giay-chung-sinh-trang-2\.jpg \(\d+ byte\)$/);

    await form().locator('#declaration').check();
    // The procedure offers post: the form asks how the result is received (in person here).
    await form()
      .locator('dvc-delivery-choice')
      .getByLabel('Nhận trực tiếp tại Bộ phận Một cửa')
      .check();
    await form().locator('.buttons button.primary').click();

    // The receipt, with the dossier code from the receiver.
    const receipt = form().locator('dvc-receipt');
    try {
      await receipt.waitFor({ timeout: 20_000 });
    } catch {
      const shown = await texts(
        form().locator('#page-heading, dvc-error-summary li, [role="alert"]'),
      );
      const posts = s.logs.filter((l) => l.includes('/api/dossiers'));
      assert.fail(
        `no receipt after Submit; the form shows: ${shown.join(' | ')}; receiver: ${posts.join('')}`,
      );
    }
    const code = (await receipt.locator('[part="code"]').textContent())!.trim();
    assert.match(code, /^KS-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);

    // The dossier in SQLite: its payload verifies against the served procedure file.
    const db = s.app.dvc.db;
    const row = db.prepare('SELECT * FROM dossiers WHERE code = ?').get(code) as
      { jws: string; payload_json: string; status: string; procedure_code: string } | undefined;
    assert.ok(row, `dossier ${code} stored`);
    assert.equal(row.status, 'received');
    assert.equal(row.procedure_code, '1.001193');
    // At rest the JWS and payload are ciphertext; decrypted, the JWS verifies.
    assert.ok(!row.jws.includes(PHONE) && !row.payload_json.includes(PHONE));
    const clear = s.app.dvc.readDossier(code)!;
    const verified = await verifySubmission(clear.jws, { procedure, procedureText });
    assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
    const payload = verified.submission as SubmissionPayload;
    assert.deepEqual(clear.payload, payload);
    assert.deepEqual(payload.delivery, { method: 'in-person' });
    assert.equal(
      (await receipt.locator('[part="delivery"], dd').allTextContents()).some((t) =>
        t.includes('Nhận trực tiếp tại Bộ phận Một cửa'),
      ),
      true,
    );
    assert.equal((payload.answers.requester as Record<string, unknown>).phone, PHONE);

    // Its documents are the files chosen, by the hashes computed here from the same bytes.
    assert.deepEqual(
      payload.documents.map((d) => [d.slot, d.name, d.type, d.size, d.sha256]),
      [
        ['birthCertificate', 'giay-chung-sinh.pdf', 'application/pdf', pdf.length, sha256(pdf)],
        [
          'birthCertificate',
          'giay-chung-sinh-trang-2.jpg',
          'image/jpeg',
          jpeg.length,
          sha256(jpeg),
        ],
      ],
    );
    // …and the files the server stored (tus) hash the same once decrypted; on disk they are
    // ciphertext only the owner can read.
    const uploads = db
      .prepare(
        'SELECT id, slot, filename, sha256, path FROM uploads WHERE dossier_code = ? ORDER BY filename',
      )
      .all(code) as { id: string; slot: string; filename: string; sha256: string; path: string }[];
    assert.deepEqual(
      uploads.map((u) => [
        u.slot,
        u.filename,
        u.sha256,
        sha256(s.app.dvc.readUpload(u.id)!),
        sha256(readFileSync(u.path)) === u.sha256,
        statSync(u.path).mode & 0o777,
      ]),
      [
        [
          'birthCertificate',
          'giay-chung-sinh-trang-2.jpg',
          sha256(jpeg),
          sha256(jpeg),
          false,
          0o600,
        ],
        ['birthCertificate', 'giay-chung-sinh.pdf', sha256(pdf), sha256(pdf), false, 0o600],
      ],
    );

    // The status page finds it with the code and the phone number given in the application.
    await page.goto(`${s.base}/tra-cuu.html`);
    const lookup = page.locator('dvc-status-lookup');
    await lookup.locator('dvc-text-field[name="code"] #control').click();
    await page.keyboard.type(code);
    await lookup.locator('dvc-text-field[name="secret"] #control').click();
    await page.keyboard.type(PHONE);
    await page.keyboard.press('Enter');
    const status = lookup.locator('[part="status"]');
    await status.waitFor();
    assert.equal((await status.textContent())!.trim(), 'Đã tiếp nhận');

    assert.deepEqual(pageErrors, []);
  });

  test('by post: the configured postage is shown, added to the total, signed, verified, to pay', async () => {
    // The tariff as `npm start` configures it: POSTAGE unset is the demo's example, `none` none.
    assert.equal(loadConfig({}).postage, 25000);
    assert.equal(loadConfig({ POSTAGE: 'none' }).postage, undefined);
    assert.equal(loadConfig({ POSTAGE: '32000' }).postage, 32000);
    const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
    const procedure = JSON.parse(procedureText) as Procedure;
    const context = await openPage();
    // The demo page carries the receiver's tariff on its form (demo/server/form-pages.js).
    const served = await (await fetch(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`)).text();
    assert.match(served, /<dvc-form postage="25000"\s/);

    await fillToCopies();
    // Two extra copies of the extract: 2 × 8.000 đ.
    await choose('result.requestCopies', 'Có');
    await type('result.copyCount', '2');
    await continueTo('Kiểm tra lại thông tin');
    await form().locator('#declaration').check();

    const choice = form().locator('dvc-delivery-choice');
    await choice.getByLabel('Nhận tại nhà qua dịch vụ bưu chính công ích').check();
    const money = choice.locator('[part="money"]');
    assert.equal(
      (await money.innerText()).replace(/\s+/g, ' ').trim(),
      'Cước trả kết quả qua bưu chính: 25.000 đồng. Tổng số tiền phải nộp (phí, lệ phí và cước): 41.000 đồng.',
    );
    await choice.locator('#name #control').click();
    await page.keyboard.type('Nguyễn Thị Lan');
    await choice.locator('#phone #control').click();
    await page.keyboard.type('0912 345 678');
    await choice.locator('#address #province').selectOption('01');
    await choice.locator('#address #commune option[value="00004"]').waitFor({ state: 'attached' });
    await choice.locator('#address #commune').selectOption('00004');
    await choice.locator('#address #street').click();
    await page.keyboard.type('Số 12 phố Đội Cấn');
    await page.keyboard.press('Tab');
    await form().locator('.buttons button.primary').click();

    const receipt = form().locator('dvc-receipt');
    await receipt.waitFor({ timeout: 20_000 });
    const code = (await receipt.locator('[part="code"]').textContent())!.trim();
    const shown = async (part: string) =>
      (await receipt.locator(`[part="${part}"]`).innerText()).replace(/\s+/g, ' ').trim();
    assert.match(await shown('delivery'), /Cước bưu chính: 25\.000 đồng$/);
    assert.match(await shown('fee'), /^41\.000 đ/);

    // Signed and stored: the fee the rules computed and the postage, apart.
    const clear = s.app.dvc.readDossier(code)!;
    const payload = clear.payload as unknown as SubmissionPayload;
    assert.equal(payload.fee.total, 16000);
    assert.deepEqual(payload.delivery, POST_DELIVERY);
    // The receiver checked it against its own tariff: with another, the same JWS is refused.
    const ok = await verifySubmission(clear.jws, { procedure, procedureText, postage: 25000 });
    assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.errors));
    const other = await verifySubmission(clear.jws, { procedure, procedureText, postage: 30000 });
    assert.equal(other.ok, false);
    assert.deepEqual(!other.ok && other.errors.map((e) => e.code), ['invalid-delivery']);

    // What is paid: the payment page lists the postage and the total, and the gateway is asked
    // for exactly that (VNPay counts in đồng × 100).
    const payLink = await receipt.locator('[part="pay-link"]').getAttribute('href');
    const payPage = await (await fetch(new URL(payLink!, s.base))).text();
    assert.match(
      payPage,
      /<dt>Phí cấp bản sao trích lục khai sinh<\/dt>\s*<dd>16\.000 đ<\/dd>\s*<dt>Cước trả kết quả qua bưu chính<\/dt>\s*<dd>25\.000 đ<\/dd>\s*<dt>Tổng cộng<\/dt>\s*<dd><strong>41\.000 đ<\/strong> \(Bốn mươi mốt nghìn đồng\)<\/dd>/,
    );
    const [path, query] = new URL(payLink!, s.base).href.split('?');
    const started = await fetch(`${path}/cong?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    assert.equal(started.status, 303);
    assert.equal(
      new URL(started.headers.get('location')!).searchParams.get('vnp_Amount'),
      '4100000',
    );
    assert.deepEqual(
      s.app.dvc.db
        .prepare('SELECT method, amount, status FROM payments WHERE dossier_code = ?')
        .all(code),
      [{ method: 'vnpay', amount: 41000, status: 'pending' }],
    );

    // The clerk's list names the method and its postage.
    const list = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    const mine = (
      (await list.json()) as { dossiers: { dossierCode: string; delivery: unknown }[] }
    ).dossiers.find((d) => d.dossierCode === code);
    assert.deepEqual(mine!.delivery, { method: 'post', postage: 25000 });
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
