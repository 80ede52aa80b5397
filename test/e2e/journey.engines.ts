// The citizen's journey on the demo site in one engine (DVC_E2E_ENGINE: firefox, webkit or
// chromium; scripts/test.mjs runs it in Firefox ESR and WebKit, journey.test.ts covers Chromium
// with playwright): the birth-registration page from the eligibility questions to the receipt,
// typing with the keyboard and uploading a real PDF and JPEG with tus, the dossier's signed
// payload verified against the procedure file, and the status page finding it. What the engine
// signed must be exactly what Chromium signs: the same answers, documents and hashes.
//
// Not named *.test.ts: the e2e stage (Chromium) does not run it; needs `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import type { SubmissionPayload } from '../../src/submission/payload.js';
import { verifySubmission } from '../../src/verify/index.js';
import { ENGINE, formOn, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import { birthRegistrationSteps, perform, PHONE, POST_DELIVERY, smallPdf } from './journey-data.js';

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
    s = await start({ proceduresDir: SAMPLES });
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

    await choose('result.requestCopies', 'Không');
    await continueTo('Kiểm tra lại thông tin');
    const reviewFiles = await page.texts(`${FORM} >>> .review-documents .files li`);
    assert.equal(reviewFiles.length, 2);
    assert.match(reviewFiles[0], /^giay-chung-sinh\.pdf \(\d+ byte\)$/);

    await page.click(`${FORM} >>> #declaration`);
    await page.click(`${FORM} >>> dvc-delivery-choice >>> label`, {
      text: 'Nhận trực tiếp tại Bộ phận Một cửa',
    });
    await page.click(`${FORM} >>> .buttons button.primary`);

    const receipt = `${FORM} >>> dvc-receipt`;
    try {
      await page.waitFor(`${receipt} >>> [part="code"]`, { timeout: 20_000 });
    } catch {
      const shown = await page.texts(
        `${FORM} >>> #page-heading, ${FORM} >>> dvc-error-summary >>> li`,
      );
      const posts = s.logs.filter((l) => l.includes('/api/dossiers'));
      assert.fail(
        `no receipt after Submit; the form shows: ${shown.join(' | ')}; ${posts.join('')}`,
      );
    }
    const [code] = await page.texts(`${receipt} >>> [part="code"]`);
    assert.match(code, /^KS-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);

    // The payload this engine signed verifies against the procedure file and holds exactly the
    // answers and files given: nothing an engine difference could have changed.
    const clear = (await s.app.dvc.readDossier(code))!;
    const verified = await verifySubmission(clear.jws, { procedure, procedureText });
    assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
    const payload = verified.submission as SubmissionPayload;
    assert.deepEqual(payload.delivery, { method: 'in-person' });
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
    const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
    const procedure = JSON.parse(procedureText) as Procedure;
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
    assert.match((await page.texts(`${receipt} >>> [part="fee"]`))[0], /^41\.000 đ/);

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

    // The receipt's pay link opens the payment page with the postage and the total.
    await page.click(`${receipt} >>> [part="pay-link"]`);
    await page.waitFor('dd', { text: '41.000 đ' });
    const amounts = await page.texts('dl dd');
    assert.ok(amounts.includes('25.000 đ'), amounts.join(' | '));
    assert.deepEqual(await page.errors(), []);
  });
});
