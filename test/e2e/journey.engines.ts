// The citizen's journey on the demo site, in each engine (DVC_E2E_ENGINE: chromium, firefox or
// webkit; scripts/test.mjs runs it in all three): the birth-registration page from the
// eligibility questions to the receipt, typing with the keyboard and uploading a real PDF and
// JPEG with tus; the dossier as the receiver stored it (ciphertext at rest, its signed payload
// verified against the procedure file, its files hashing as the ones chosen); the status page
// finding it; and the result by post, its postage signed, verified and asked to pay. What each
// engine signs must be exactly the same answers, documents and hashes.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import type { SubmissionPayload } from '../../src/submission/payload.js';
import { verifySubmission } from '../../src/verify/index.js';
import { ENGINE, formOn, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import { birthRegistrationSteps, perform, PHONE, POST_DELIVERY, smallPdf } from './journey-data.js';

// The receiver's environment settings, as `npm start` reads them (plain JS, no types).
const { loadConfig } = (await import(
  new URL('../../demo/server/config.js', import.meta.url).href
)) as { loadConfig(env: Record<string, string>): { postage?: number } };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-khai-sinh.json`;
const BUNDLE = fileURLToPath(new URL('../../dist/dvc-forms.min.js', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The four demo procedure pages and the heading of their first step. */
const DEMO_PAGES = [
  ['dang-ky-khai-sinh', 'Kiểm tra trường hợp của bạn'],
  ['dang-ky-ket-hon', 'Kiểm tra điều kiện kết hôn'],
  ['dang-ky-tam-tru', 'Kiểm tra điều kiện đăng ký tạm trú'],
  ['cap-giay-phep-lai-xe-quoc-te', 'Kiểm tra điều kiện'],
] as const;

describe(`the citizen's journey in ${ENGINE}`, () => {
  let s: Running;
  let page: EnginePage;
  let files: string;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/dvc-forms.min.js is missing: run "npm run build" first');
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
    files = mkdtempSync(join(tmpdir(), 'dvc-engine-files-'));
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await s?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const { FORM, HEADING, type, choose, select, address } = formOn(() => page);
  async function continueTo(next: string): Promise<void> {
    const before = (await page.texts(HEADING))[0];
    await page.click(`${FORM} >>> .buttons button.primary`);
    try {
      await page.waitFor(HEADING, { text: next, timeout: 10_000 });
    } catch (error) {
      const summary = await page.texts(`${FORM} >>> dvc-error-summary >>> li`);
      assert.fail(
        `Continue on "${before}" did not reach "${next}": ${summary.join('; ') || String(error)}`,
      );
    }
  }

  test('each demo procedure page renders its first step with no error', async () => {
    for (const [name, heading] of DEMO_PAGES) {
      await page.goto(`${s.base}/thu-tuc/${name}.html`);
      await page.waitFor(HEADING, { text: heading });
    }
    assert.deepEqual(await page.errors(), []);
  });

  /**
   * The birth registration from the eligibility questions to the copies page, with a real PDF
   * and a JPEG the engine encodes itself uploaded on the documents page.
   */
  async function fillToCopies(): Promise<{ pdf: Buffer; jpeg: Buffer }> {
    await page.goto(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`);
    await page.waitFor(HEADING, { text: 'Kiểm tra trường hợp của bạn' });
    await perform(birthRegistrationSteps(), {
      choose,
      type: (path, text) => type(path, text),
      select: (path, value) => select(path, value),
      address,
      continueTo,
    });

    await choose('birthProof.kind', 'Giấy chứng sinh do cơ sở y tế cấp');
    const pdf = smallPdf();
    // A JPEG the engine encodes itself, as a phone camera's picture would be.
    const jpeg = Buffer.from(
      await page.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 32;
        canvas.height = 24;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#2a6';
        ctx.fillRect(0, 0, 32, 24);
        const blob = await new Promise<Blob>((resolve) =>
          canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9),
        );
        return [...new Uint8Array(await blob.arrayBuffer())];
      }),
    );
    const pdfPath = join(files, 'giay-chung-sinh.pdf');
    const jpegPath = join(files, 'giay-chung-sinh-trang-2.jpg');
    writeFileSync(pdfPath, pdf);
    writeFileSync(jpegPath, jpeg);
    const slot = 'dvc-form > dvc-upload[slot="document-birthCertificate"]';
    await continueTo('Giấy tờ cần nộp');
    await page.waitFor(`${FORM} >>> dvc-error-summary >>> li`);
    assert.deepEqual(await page.texts(`${FORM} >>> dvc-error-summary >>> li`), [
      'Vui lòng chọn tệp Giấy chứng sinh',
    ]);
    await page.setFiles(`${slot} >>> #control`, [pdfPath, jpegPath]);
    await page.waitFor(`${slot} >>> .file[data-status="done"]`, { nth: 1, timeout: 20_000 });
    assert.deepEqual(await page.texts(`${slot} >>> .file .name`), [
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
    assert.equal(
      await page.count(`${FORM} >>> legend, label, h2, p`, {
        text: 'Bạn muốn nhận Giấy khai sinh bằng cách nào?',
      }),
      0,
    );
    await choose('result.requestCopies', 'Không');
    await continueTo('Kiểm tra lại thông tin');
    const reviewFiles = await page.texts(`${FORM} >>> .review-documents .files li`);
    assert.equal(reviewFiles.length, 2);
    assert.match(reviewFiles[0], /^giay-chung-sinh\.pdf \(\d+ byte\)$/);
    assert.match(reviewFiles[1], /^giay-chung-sinh-trang-2\.jpg \(\d+ byte\)$/);

    await page.click(`${FORM} >>> #declaration`);
    await page.click(`${FORM} >>> dvc-delivery-choice >>> label`, {
      text: 'Nhận trực tiếp tại Bộ phận Một cửa',
    });
    await page.click(`${FORM} >>> .buttons button.primary`);

    const receipt = `${FORM} >>> dvc-receipt`;
    try {
      await page.waitFor(`${receipt} >>> [part="code"]`, { timeout: 20_000 });
    } catch {
      // What the person sees instead: the page, its errors, and the submission's own status or
      // alert (sending, a failed send), so a time-out says where the submission stopped.
      const shown = await page.texts(
        `${FORM} >>> #page-heading, ${FORM} >>> dvc-error-summary >>> li, ${FORM} >>> [role="status"], ${FORM} >>> [role="alert"]`,
      );
      const posts = s.logs.filter((l) => l.includes('/api/dossiers'));
      assert.fail(
        `no receipt after Submit; the form shows: ${shown.join(' | ')}; ${posts.join('')}`,
      );
    }
    const [code] = await page.texts(`${receipt} >>> [part="code"]`);
    assert.match(code, /^KS-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);

    // The dossier as stored: received, ciphertext at rest (no phone number in its columns).
    const row = (await s.app.dvc.storage
      .prepare('SELECT jws, payload_json, status, procedure_code FROM dossiers WHERE code = ?')
      .get(code)) as
      { jws: string; payload_json: string; status: string; procedure_code: string } | undefined;
    assert.ok(row, `dossier ${code} stored`);
    assert.deepEqual([row.status, row.procedure_code], ['received', '1.001193']);
    assert.ok(!row.jws.includes(PHONE) && !row.payload_json.includes(PHONE));
    // The payload this engine signed verifies against the procedure file and holds exactly the
    // answers and files given: nothing an engine difference could have changed.
    const clear = (await s.app.dvc.readDossier(code))!;
    const verified = await verifySubmission(clear.jws, { procedure, procedureText });
    assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
    const payload = verified.submission as SubmissionPayload;
    assert.deepEqual(clear.payload, payload);
    assert.deepEqual(payload.delivery, { method: 'in-person' });
    assert.ok(
      (await page.texts(`${receipt} >>> [part="delivery"], dd`)).some((t) =>
        t.includes('Nhận trực tiếp tại Bộ phận Một cửa'),
      ),
    );
    const answers = payload.answers as Record<string, Record<string, unknown>>;
    assert.equal(answers.requester.phone, PHONE);
    assert.equal(answers.requester.fullName, 'Nguyễn Thị Lan');
    assert.equal(answers.mother.birthDate, '1995-03-15');
    assert.equal(answers.child.fullName, 'Nguyễn Minh An');
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

    // …and the files the receiver stored (tus) hash the same once decrypted; on disk they are
    // ciphertext only the receiver's user can read.
    const uploads = (await s.app.dvc.storage
      .prepare('SELECT id, slot, filename, sha256, path FROM uploads WHERE dossier_code = ?')
      .all(code)) as { id: string; slot: string; filename: string; sha256: string; path: string }[];
    // File names are sealed in the column (personal data), read back decrypted.
    assert.ok(uploads.every((u) => u.filename.startsWith('dvc1.')));
    for (const u of uploads) u.filename = (await s.app.dvc.uploadName(u.id))!;
    uploads.sort((x, y) => x.filename.localeCompare(y.filename));
    assert.deepEqual(
      await Promise.all(
        uploads.map(async (u) => [
          u.slot,
          u.filename,
          u.sha256,
          sha256((await s.app.dvc.readUpload(u.id))!),
          sha256(readFileSync(u.path)) === u.sha256,
          statSync(u.path).mode & 0o777,
        ]),
      ),
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

    // The status page finds it with the code and the phone number.
    await page.goto(`${s.base}/tra-cuu.html`);
    const lookup = 'dvc-status-lookup';
    await page.type(`${lookup} >>> dvc-text-field[name="code"] >>> #control`, code);
    await page.type(`${lookup} >>> dvc-text-field[name="secret"] >>> #control`, PHONE);
    await page.click(`${lookup} >>> button[type="submit"]`);
    await page.waitFor(`${lookup} >>> [part="status"]`);
    assert.deepEqual(await page.texts(`${lookup} >>> [part="status"]`), ['Đã tiếp nhận']);

    assert.deepEqual(await page.errors(), []);
  });

  test('by post: the postage is shown, added to the total, signed, verified and asked to pay', async () => {
    // The tariff as `npm start` configures it: POSTAGE unset is the demo's example, `none` none.
    assert.equal(loadConfig({}).postage, 25000);
    assert.equal(loadConfig({ POSTAGE: 'none' }).postage, undefined);
    assert.equal(loadConfig({ POSTAGE: '32000' }).postage, 32000);
    const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
    const procedure = JSON.parse(procedureText) as Procedure;
    // The demo page carries the receiver's tariff on its form (demo/server/form-pages.js).
    const served = await (await fetch(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`)).text();
    assert.match(served, /<dvc-form postage="25000"\s/);
    await fillToCopies();
    // Two extra copies of the extract: 2 × 8.000 đ.
    await choose('result.requestCopies', 'Có');
    await type('result.copyCount', '2');
    await continueTo('Kiểm tra lại thông tin');
    await page.click(`${FORM} >>> #declaration`);

    const choice = `${FORM} >>> dvc-delivery-choice`;
    await page.click(`${choice} >>> label`, {
      text: 'Nhận tại nhà qua dịch vụ bưu chính công ích',
    });
    await page.waitFor(`${choice} >>> [part="money"]`);
    // Two lines (a <br> between them, which the text read here does not show as a space).
    assert.deepEqual(await page.texts(`${choice} >>> [part="money"]`), [
      'Cước trả kết quả qua bưu chính: 25.000 đồng.Tổng số tiền phải nộp (phí, lệ phí và cước): 41.000 đồng.',
    ]);
    await page.type(`${choice} >>> #name >>> #control`, 'Nguyễn Thị Lan');
    await page.type(`${choice} >>> #phone >>> #control`, '0912 345 678');
    await page.select(`${choice} >>> #address >>> #province`, '01');
    await page.waitFor(`${choice} >>> #address >>> #commune option[value="00004"]`);
    await page.select(`${choice} >>> #address >>> #commune`, '00004');
    await page.type(`${choice} >>> #address >>> #street`, 'Số 12 phố Đội Cấn');
    await page.click(`${FORM} >>> .buttons button.primary`);

    const receipt = `${FORM} >>> dvc-receipt`;
    await page.waitFor(`${receipt} >>> [part="code"]`, { timeout: 20_000 });
    const [code] = await page.texts(`${receipt} >>> [part="code"]`);
    assert.match(
      (await page.texts(`${receipt} >>> [part="delivery"]`))[0],
      /Cước bưu chính: 25\.000 đồng$/,
    );
    assert.match((await page.texts(`${receipt} >>> [part="fee"]`))[0], /^41\.000 đồng/);

    // Signed in this engine exactly as in Chromium: the rules' fee and the postage apart, the
    // recipient as typed (the phone normalised), checked against the receiver's own tariff.
    const clear = (await s.app.dvc.readDossier(code))!;
    const verified = await verifySubmission(clear.jws, {
      procedure,
      procedureText,
      postage: 25000,
    });
    assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
    const payload = verified.submission as SubmissionPayload;
    assert.equal(payload.fee.total, 16000);
    assert.deepEqual(payload.delivery, POST_DELIVERY);
    const other = await verifySubmission(clear.jws, { procedure, procedureText, postage: 30000 });
    assert.deepEqual(!other.ok && other.errors.map((e) => e.code), ['invalid-delivery']);

    // The receipt's pay link opens the payment page with the fee, the postage and the total.
    await page.click(`${receipt} >>> [part="pay-link"]`);
    // The receipt shows 41.000 đ too: wait for the payment page's own heading, not an amount.
    await page.waitFor('h1', { text: 'Nộp phí, lệ phí hồ sơ' });
    await page.waitFor('dd', { text: '41.000 đ' });
    const terms = await page.texts('dl dt');
    const values = await page.texts('dl dd');
    const row = (term: string) => values[terms.indexOf(term)];
    assert.deepEqual(
      ['Phí cấp bản sao trích lục khai sinh', 'Cước trả kết quả qua bưu chính', 'Tổng cộng'].map(
        (t) => [t, row(t)],
      ),
      [
        ['Phí cấp bản sao trích lục khai sinh', '16.000 đ'],
        ['Cước trả kết quả qua bưu chính', '25.000 đ'],
        ['Tổng cộng', '41.000 đ (Bốn mươi mốt nghìn đồng)'],
      ],
    );
    assert.equal(terms.indexOf('Tổng cộng') - terms.indexOf('Cước trả kết quả qua bưu chính'), 1);
    // The gateway is asked for exactly that total (VNPay counts in đồng × 100).
    const payUrl = await page.evaluate(() => location.href);
    const [path, query] = payUrl.split('?');
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
      await s.app.dvc.storage
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
    assert.deepEqual(await page.errors(), []);
  });
});
