// Fault injection: the whole journey in Chromium against the reference receiver while the
// network and the server misbehave. In every case no typed answer may be lost and the receiver
// may store at most one dossier. The figures go to a JSON summary (docs/reliability.md quotes it).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Receiver } from '../../demo/server/app.js';
import { verifySubmission as sourceVerify } from '../../src/verify/index.js';
import { lastRead } from './poll.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROCEDURES = fileURLToPath(new URL('./fixtures/faults/', import.meta.url));
const PROCEDURE = 'thu-nghiem-loi';
const DIST_VERIFY = `${ROOT}dist/verify.js`;
const SUMMARY_FILE = process.env.DVC_FAULTS_SUMMARY ?? join(tmpdir(), 'dvc-faults-summary.json');

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
const skip = !chromiumPath
  ? 'needs Chromium ($CHROME_PATH or /usr/bin/chromium)'
  : !existsSync(`${ROOT}dist/engine.js`)
    ? 'needs dist/engine.js and dist/verify.js: run npm run build'
    : false;

/** What the applicant types, step by step (field path → text). */
const STEPS: Record<string, string>[] = [
  { 'applicant.fullName': 'Nguyễn Thị Hoa', 'applicant.phone': '0912345678' },
  { 'request.purpose': 'Xin cấp bản sao trích lục', 'request.note': 'Gửi qua bưu điện' },
];
/** The answers the receiver must store (normalised by the form). */
const EXPECTED = {
  applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678' },
  request: { purpose: 'Xin cấp bản sao trích lục', note: 'Gửi qua bưu điện' },
};

/** Faults the receiver injects, switched per test. */
const fault = {
  /** Every /api/ request has its connection dropped (server unreachable). */
  down: false,
  /** The next N POST /api/dossiers answer 500. */
  fail500: 0,
  /** The next N tus PATCH requests have their connection cut after part of the body. */
  cutUploads: 0,
  /** The next N stored dossiers have their 201 answer lost (connection cut after storing). */
  dropResponses: 0,
  /** After dropping an answer, the server becomes unreachable. */
  downAfterDrop: false,
  /** tus PATCH requests get no answer (the upload hangs, as on a stalled mobile network). */
  holdUploads: false,
  /** tus creation requests (POST) seen since the last reset: 1 means an upload was resumed. */
  uploadCreations: 0,
  reset() {
    this.holdUploads = false;
    this.uploadCreations = 0;
    this.down = false;
    this.fail500 = 0;
    this.cutUploads = 0;
    this.dropResponses = 0;
    this.downAfterDrop = false;
  },
};

interface CaseFigures {
  case: string;
  reloads: number;
  answersTyped: number;
  answersLost: number;
  dossiers: number;
  duplicates: number;
}
const figures: CaseFigures[] = [];
/** PATCH requests held open by `holdUploads`, closed after each case. */
const held: { destroy(): void }[] = [];

// `skip`: only without Chromium or a build; npm test installs Chromium and builds dist/ before
// the e2e stage, so it never skips there.
describe('faults: nothing is lost, nothing is stored twice', { skip }, () => {
  let app: Receiver;
  let base: string;
  let dataDir: string;
  let siteDir: string;
  let browser: Browser;

  before(async () => {
    siteDir = mkdtempSync(join(tmpdir(), 'dvc-faults-site-'));
    dataDir = mkdtempSync(join(tmpdir(), 'dvc-faults-data-'));
    // The library from source, bundled as an agency would serve it.
    await build({
      entryPoints: [`${ROOT}components/index.ts`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      tsconfig: `${ROOT}tsconfig.json`,
      outfile: join(siteDir, 'app.js'),
      logLevel: 'error',
    });
    writeFileSync(
      join(siteDir, 'index.html'),
      `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>Thử nghiệm</title>
    <script type="module" src="/app.js"></script>
  </head>
  <body>
    <!-- These tests are about losing nothing once drafts are kept: the page has asked for consent
         (draft-consent="granted"); the consent prompt itself is tested in test/e2e/drafts-privacy. -->
    <dvc-form
      draft-consent="granted"
      procedure="/procedures/${PROCEDURE}.json"
      action="/api/dossiers"
      challenge-endpoint="/api/challenges"
      upload-endpoint="/api/uploads/"
    ></dvc-form>
  </body>
</html>
`,
    );
    // The same form without an upload endpoint: files travel as multipart parts.
    writeFileSync(
      join(siteDir, 'multipart.html'),
      readFileSync(join(siteDir, 'index.html'), 'utf8').replace(/\n\s*upload-endpoint="[^"]*"/, ''),
    );
    const distHasVerify =
      existsSync(DIST_VERIFY) && typeof (await import(DIST_VERIFY)).verifySubmission === 'function';
    app = await createServer({
      dataDir,
      siteDir,
      proceduresDir: PROCEDURES,
      purgeEveryMinutes: 0,
      logStream: { write: () => undefined },
      ...(distHasVerify ? {} : { verifySubmission: sourceVerify as never }),
    });
    app.addHook('onRequest', async (request, reply) => {
      const url = request.url;
      if (fault.down && url.startsWith('/api/')) {
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      }
      if (fault.fail500 > 0 && request.method === 'POST' && url === '/api/dossiers') {
        fault.fail500 -= 1;
        return reply
          .code(500)
          .type('application/problem+json; charset=utf-8')
          .send({ type: 'urn:dvc-forms:problem:internal-error', title: 'Lỗi', status: 500 });
      }
      if (request.method === 'POST' && url.startsWith('/api/uploads')) fault.uploadCreations += 1;
      if (fault.holdUploads && request.method === 'PATCH' && url.startsWith('/api/uploads/')) {
        reply.hijack();
        held.push(request.raw.socket);
        return reply;
      }
      if (fault.cutUploads > 0 && request.method === 'PATCH' && url.startsWith('/api/uploads/')) {
        fault.cutUploads -= 1;
        // Let part of the chunk arrive, then cut the connection.
        reply.hijack();
        request.raw.once('data', () => request.raw.socket.destroy());
        return reply;
      }
    });
    app.addHook('onSend', async (request, reply, body) => {
      if (
        fault.dropResponses > 0 &&
        request.method === 'POST' &&
        request.url === '/api/dossiers' &&
        reply.statusCode === 201
      ) {
        // The dossier is stored; the phone never hears so.
        fault.dropResponses -= 1;
        if (fault.downAfterDrop) fault.down = true;
        request.raw.socket.destroy();
      }
      return body;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });

  after(async () => {
    for (const socket of held.splice(0)) socket.destroy();
    await browser?.close();
    await app?.close();
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    if (figures.length > 0) {
      const total = {
        cases: figures.length,
        reloads: figures.reduce((n, f) => n + f.reloads, 0),
        answersTyped: figures.reduce((n, f) => n + f.answersTyped, 0),
        answersLost: figures.reduce((n, f) => n + f.answersLost, 0),
        duplicates: figures.reduce((n, f) => n + f.duplicates, 0),
      };
      writeFileSync(SUMMARY_FILE, `${JSON.stringify({ total, cases: figures }, null, 2)}\n`);
      console.log(`fault-injection summary written to ${SUMMARY_FILE}`);
    }
  });

  // ---- helpers (page-side code as strings: this file is type-checked without the DOM) ----

  // payload_json is ciphertext at rest: the rows carry the decrypted payload under that name.
  const dossierRows = (): { code: string; payload_json: string }[] =>
    (
      app.dvc.db
        .prepare('SELECT code FROM dossiers WHERE procedure_code = ? ORDER BY received_at, code')
        .all('9.000002') as { code: string }[]
    ).map(({ code }) => ({
      code,
      // This suite runs on SQLite (app.dvc.db), where the receiver answers at once.
      payload_json: JSON.stringify(
        (app.dvc.readDossier(code) as { payload: unknown } | undefined)?.payload,
      ),
    }));

  async function open(context: BrowserContext, path = 'index.html'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/${path}`);
    await waitForPage(page);
    return page;
  }

  /** Waits until the form shows a page heading (a step, the review, the offer…). */
  async function waitForPage(page: Page): Promise<void> {
    await page.waitForFunction(
      `!!document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')`,
      undefined,
      { timeout: 15_000 },
    );
  }

  const heading = (page: Page) =>
    page.evaluate(
      `document.querySelector('dvc-form').shadowRoot.querySelector('#page-heading').textContent.trim()`,
    ) as Promise<string>;

  async function waitForHeading(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === ${JSON.stringify(text)}`,
      undefined,
      { timeout: 20_000 },
    );
  }

  /** The values the fields on the current page show, by path. */
  // After `settled()`: the first page shows its questions as placeholders first and upgrades
  // them a few at a time (light-first-page), so a read right after the heading appeared could
  // find them mid-upgrade (seen once in CI: `{}` for the two empty questions of a new visit).
  const shownValues = (page: Page) =>
    page.evaluate(`(async () => {
      const form = document.querySelector('dvc-form');
      await form.settled();
      return Object.fromEntries(
        [...form.shadowRoot.querySelectorAll('[data-path]')].map((el) => [el.dataset.path, el.value]));
    })()`) as Promise<Record<string, unknown>>;

  async function type(page: Page, values: Record<string, string>): Promise<void> {
    for (const [path, value] of Object.entries(values)) {
      const input = page.locator(
        `dvc-form [data-path="${path}"] input, dvc-form [data-path="${path}"] textarea`,
      );
      await input.fill(value);
      await input.press('Tab');
    }
  }

  async function press(page: Page, kind: 'primary' | 'secondary'): Promise<void> {
    await page.locator(`dvc-form .buttons button.${kind}`).first().click();
  }

  /** After a reload: the offer must be there; continue, and wait for the restored page. */
  async function resume(page: Page): Promise<void> {
    await waitForHeading(page, 'Bạn có một hồ sơ đang khai dở');
    await page.locator('dvc-form [data-draft="continue"]').click();
    await page.waitForFunction(
      `document.querySelector('dvc-form').shadowRoot.querySelector('#page-heading').textContent.trim() !== 'Bạn có một hồ sơ đang khai dở'`,
    );
  }

  /**
   * Waits for the autosave (debounced 500 ms) to be written: past the delay, then until the
   * save under way is over (on a loaded machine a write can take longer than the delay).
   */
  const settle = async (page: Page) => {
    await page.waitForTimeout(800);
    await page.evaluate(`document.querySelector('dvc-form').draftController?.flush()`);
  };

  /** Counts typed answers that the page does not show back. */
  function lost(shown: Record<string, unknown>, typed: Record<string, string>): number {
    return Object.entries(typed).filter(([p, v]) => shown[p] !== v).length;
  }

  async function fillToReview(
    page: Page,
    reloadEachStep = false,
    onDocuments?: () => Promise<unknown>,
  ): Promise<{ reloads: number; lost: number }> {
    let reloads = 0;
    let lostCount = 0;
    const titles = ['Người yêu cầu', 'Nội dung yêu cầu'];
    for (const [i, values] of STEPS.entries()) {
      await waitForHeading(page, titles[i]);
      await type(page, values);
      if (reloadEachStep) {
        await settle(page);
        await page.reload();
        await resume(page);
        reloads++;
        assert.equal(await heading(page), titles[i], 'the restored page is the step left');
        const shown = await shownValues(page);
        lostCount += lost(shown, values);
        assert.deepEqual(shown, values);
      }
      await press(page, 'primary');
    }
    await waitForHeading(page, 'Giấy tờ');
    await onDocuments?.();
    if (reloadEachStep) {
      await settle(page);
      await page.reload();
      await resume(page);
      reloads++;
      assert.equal(await heading(page), 'Giấy tờ');
    }
    await press(page, 'primary');
    await waitForHeading(page, 'Kiểm tra lại thông tin');
    if (reloadEachStep) {
      await settle(page);
      await page.reload();
      await resume(page);
      reloads++;
      assert.equal(await heading(page), 'Kiểm tra lại thông tin');
    }
    return { reloads, lost: lostCount };
  }

  /** Sends from the review page and waits for the "sent" page. */
  async function submitAndWait(page: Page): Promise<void> {
    await submit(page);
    await submitted(page);
  }

  async function submit(page: Page): Promise<void> {
    await page.locator('dvc-form #declaration').check();
    await press(page, 'primary');
  }

  const submitted = (page: Page) => waitForHeading(page, 'Đã gửi hồ sơ');

  function record(name: string, reloads: number, lostOnScreen: number, before: number): void {
    const rows = dossierRows().slice(before);
    const stored = rows.map((r) => (JSON.parse(r.payload_json) as { answers: unknown }).answers);
    assert.equal(rows.length, 1, `${name}: exactly one dossier`);
    assert.deepEqual(stored[0], EXPECTED, `${name}: the stored answers are the typed ones`);
    figures.push({
      case: name,
      reloads,
      answersTyped: Object.values(STEPS).reduce((n, s) => n + Object.keys(s).length, 0),
      answersLost: lostOnScreen,
      dossiers: rows.length,
      duplicates: Math.max(0, rows.length - 1),
    });
  }

  // ---- cases ----------------------------------------------------------------------------

  test('reload at every step: the offer restores answers and page each time', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    const { reloads, lost: l } = await fillToReview(page, true);
    await submitAndWait(page);
    record('reload at every step', reloads, l, before);
    // The draft is gone after the submission: a new visit starts afresh.
    await page.reload();
    await waitForHeading(page, 'Người yêu cầu');
    assert.deepEqual(await shownValues(page), {
      'applicant.fullName': '',
      'applicant.phone': '',
    });
    await context.close();
  });

  test('500s then success: retried with the same key, one dossier', async () => {
    fault.reset();
    fault.fail500 = 2;
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page);
    await submit(page);
    await submitted(page);
    assert.equal(fault.fail500, 0, 'both 500s were served');
    record('500s then success', 0, 0, before);
    await context.close();
  });

  test('answer lost after the dossier was stored: the retry is replayed, one dossier', async () => {
    fault.reset();
    fault.dropResponses = 1;
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page);
    await submit(page);
    await submitted(page);
    assert.equal(fault.dropResponses, 0, 'the first answer was dropped');
    record('answer lost after storing, retried', 0, 0, before);
    await context.close();
  });

  test('answer lost, then the server unreachable: the outbox resends the same bytes', async () => {
    fault.reset();
    fault.dropResponses = 1;
    fault.downAfterDrop = true;
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page);
    await submit(page);
    await page.waitForFunction(
      `[...document.querySelector('dvc-form').shadowRoot.querySelectorAll('.draft-notice p')].some((p) => p.textContent === 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.')`,
      undefined,
      { timeout: 60_000 },
    );
    // Stored once already, though the phone does not know it.
    const stored = dossierRows().slice(before);
    assert.equal(stored.length, 1);
    await page.close();
    fault.down = false;
    const again = await context.newPage();
    await again.goto(`${base}/index.html`);
    // The receiver replays its first answer: the person gets the very same dossier code.
    await again.waitForFunction(
      `[...(document.querySelector('dvc-form')?.shadowRoot?.querySelectorAll('.draft-notice p') ?? [])].some((p) => p.textContent === ${JSON.stringify(`Hồ sơ đã lưu trước đây đã được gửi. Mã hồ sơ của bạn là ${stored[0].code}.`)})`,
      undefined,
      { timeout: 20_000 },
    );
    record('answer lost, then offline, next visit', 0, 0, before);
    await context.close();
  });

  test('network gone at submit: queued, sent when the connection returns', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page);
    await context.setOffline(true);
    await submit(page);
    await page.waitForFunction(
      `[...document.querySelector('dvc-form').shadowRoot.querySelectorAll('.draft-notice p')].some((p) => p.textContent === 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.')`,
      undefined,
      { timeout: 20_000 },
    );
    assert.equal(dossierRows().length, before);
    await context.setOffline(false);
    await page.waitForFunction(
      `[...document.querySelector('dvc-form').shadowRoot.querySelectorAll('.draft-notice p')].some((p) => p.textContent.startsWith('Hồ sơ đã lưu trước đây đã được gửi.'))`,
      undefined,
      { timeout: 20_000 },
    );
    record('network gone at submit, back online', 0, 0, before);
    await context.close();
  });

  test('server down at submit and the tab closed: sent on the next visit', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page);
    fault.down = true;
    await submit(page);
    await page.waitForFunction(
      `[...document.querySelector('dvc-form').shadowRoot.querySelectorAll('.draft-notice p')].some((p) => p.textContent === 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.')`,
      undefined,
      { timeout: 60_000 },
    );
    await page.close();
    assert.equal(dossierRows().length, before);
    fault.down = false;
    const again = await context.newPage();
    await again.goto(`${base}/index.html`);
    await again.waitForFunction(
      `[...(document.querySelector('dvc-form')?.shadowRoot?.querySelectorAll('.draft-notice p') ?? [])].some((p) => p.textContent.startsWith('Hồ sơ đã lưu trước đây đã được gửi.'))`,
      undefined,
      { timeout: 20_000 },
    );
    record('server down at submit, tab closed, next visit', 0, 0, before);
    await context.close();
  });

  test('two tabs on the same draft: both answers kept, the other tab told', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    const a = await open(context);
    const b = await open(context);
    await type(a, { 'applicant.fullName': STEPS[0]['applicant.fullName'] });
    await settle(a);
    await type(b, { 'applicant.phone': STEPS[0]['applicant.phone'] });
    await settle(b);
    // Tab A took tab B's phone number and said so (the news crosses tabs after B's write).
    const phone = STEPS[0]['applicant.phone'];
    assert.deepEqual(
      await lastRead(
        () => shownValues(a),
        (v) => v['applicant.phone'] === phone,
      ),
      STEPS[0],
    );
    const notice = (await a.evaluate(
      `document.querySelector('dvc-form').shadowRoot.querySelector('.draft-notice[data-kind="other-tab"] p')?.textContent`,
    )) as string;
    assert.equal(
      notice,
      'Hồ sơ này vừa được sửa ở một thẻ (tab) khác của trình duyệt. Thông tin mới nhất đã được cập nhật ở đây: Số điện thoại.',
    );
    await b.close();
    await a.reload();
    await resume(a);
    const shown = await shownValues(a);
    const l = lost(shown, STEPS[0]);
    assert.deepEqual(shown, STEPS[0]);
    await press(a, 'primary');
    await waitForHeading(a, 'Nội dung yêu cầu');
    await type(a, STEPS[1]);
    await press(a, 'primary');
    await waitForHeading(a, 'Giấy tờ');
    await press(a, 'primary');
    await waitForHeading(a, 'Kiểm tra lại thông tin');
    await submitAndWait(a);
    record('two tabs on the same draft', 1, l, before);
    await context.close();
  });

  test('storage quota exceeded: the person is told, the submission still goes once', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    // Every IndexedDB write fails as on a full phone.
    await context.addInitScript({
      content: `IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };`,
    });
    const page = await open(context);
    await type(page, STEPS[0]);
    await page.waitForFunction(
      `document.querySelector('dvc-form').shadowRoot.querySelector('.draft-notice[data-kind="storage"][role="alert"] p')?.textContent === 'Bộ nhớ của trình duyệt đã đầy nên hồ sơ chưa được lưu tạm. Bạn vui lòng không đóng trang này cho đến khi gửi xong hồ sơ.'`,
      undefined,
      { timeout: 10_000 },
    );
    const l = lost(await shownValues(page), STEPS[0]);
    await press(page, 'primary');
    await waitForHeading(page, 'Nội dung yêu cầu');
    await type(page, STEPS[1]);
    await press(page, 'primary');
    await waitForHeading(page, 'Giấy tờ');
    await press(page, 'primary');
    await waitForHeading(page, 'Kiểm tra lại thông tin');
    await submitAndWait(page);
    record('storage quota exceeded', 0, l, before);
    await context.close();
  });

  test('connection cut mid-upload: tus resumes, one file, one dossier', async () => {
    fault.reset();
    fault.cutUploads = 1;
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context);
    await fillToReview(page, false, async () => {
      // A 300 KB PDF: the first PATCH is cut after its first bytes arrive.
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(300 * 1024, 0x20),
        Buffer.from('\n%%EOF\n'),
      ]);
      await page
        .locator('dvc-form dvc-upload[slot="document-giay-to"] input#control')
        .setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.waitForFunction(
        `document.querySelector('dvc-form dvc-upload[slot="document-giay-to"]').value.length === 1`,
        undefined,
        { timeout: 30_000 },
      );
      assert.equal(fault.cutUploads, 0, 'the cut happened');
      return createHash('sha256').update(pdf).digest('hex');
    });
    await submit(page);
    await submitted(page);
    record('connection cut mid-upload', 0, 0, before);
    const [row] = dossierRows().slice(before);
    const docs = (JSON.parse(row.payload_json) as { documents: { sha256: string }[] }).documents;
    assert.equal(docs.length, 1);
    const uploads = app.dvc.db
      .prepare('SELECT sha256 FROM uploads WHERE dossier_code = ?')
      .all(row.code) as { sha256: string }[];
    assert.deepEqual(uploads, [{ sha256: docs[0].sha256 }]);
    await context.close();
  });

  /** A small PDF (300 KB): big enough to be uploaded in flight, small for a multipart body. */
  const samplePdf = (fill: number) =>
    Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(300 * 1024, fill),
      Buffer.from('\n%%EOF\n'),
    ]);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const UPLOAD = 'dvc-form dvc-upload[slot="document-giay-to"]';

  async function choose(page: Page, pdf: Buffer): Promise<void> {
    await page
      .locator(`${UPLOAD} input#control`)
      .setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: pdf });
  }

  const fileReady = (page: Page) =>
    page.waitForFunction(`document.querySelector('${UPLOAD}').value.length === 1`, undefined, {
      timeout: 30_000,
    });

  async function notice(page: Page, test: string, timeout = 20_000): Promise<void> {
    await page.waitForFunction(
      `[...(document.querySelector('dvc-form')?.shadowRoot?.querySelectorAll('.draft-notice p') ?? [])].some((p) => ${test})`,
      undefined,
      { timeout },
    );
  }

  /** The dossier's documents as signed and the files the receiver stored for it. */
  function storedFiles(code: string, payloadJson: string) {
    const docs = (JSON.parse(payloadJson) as { documents: { name: string; sha256: string }[] })
      .documents;
    const files = app.dvc.db
      .prepare('SELECT sha256 FROM uploads WHERE dossier_code = ?')
      .all(code) as { sha256: string }[];
    return { docs: docs.map((d) => [d.name, d.sha256]), files: files.map((f) => f.sha256) };
  }

  test('network gone at submit, no upload endpoint: queued with its files, sent once online', async () => {
    fault.reset();
    const before = dossierRows().length;
    const context = await browser.newContext();
    const page = await open(context, 'multipart.html');
    const pdf = samplePdf(0x41);
    await fillToReview(page, false, async () => {
      await choose(page, pdf);
      await fileReady(page);
    });
    await context.setOffline(true);
    await submit(page);
    await notice(page, `p.textContent === 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.'`);
    assert.equal(dossierRows().length, before);
    await context.setOffline(false);
    await notice(page, `p.textContent.startsWith('Hồ sơ đã lưu trước đây đã được gửi.')`);
    record('network gone at submit, no upload endpoint, files kept', 0, 0, before);
    const [row] = dossierRows().slice(before);
    assert.deepEqual(storedFiles(row.code, row.payload_json), {
      docs: [['giay-to.pdf', sha256(pdf)]],
      files: [sha256(pdf)],
    });
    await context.close();
  });

  /** A new tab on the form whose uploads get no answer (tus PATCHes held open). */
  async function openHoldingUploads() {
    fault.reset();
    fault.holdUploads = true;
    const before = dossierRows().length;
    const context = await browser.newContext();
    return { before, context, page: await open(context) };
  }

  /** The draft written, the tab reloaded mid-upload, the uploads answered again, the draft resumed. */
  async function reloadMidUpload(page: Page): Promise<void> {
    await settle(page);
    await page.reload();
    for (const socket of held.splice(0)) socket.destroy();
    fault.holdUploads = false;
    await resume(page);
    assert.equal(await heading(page), 'Giấy tờ');
  }

  test('reload mid-upload keeps the file: restored, tus resumes, one dossier', async () => {
    const { before, context, page } = await openHoldingUploads();
    const pdf = samplePdf(0x42);
    await fillToReview(page, false, async () => {
      await choose(page, pdf);
      // Hashed, the upload created and its bytes not answered: the tab is closed mid-upload.
      await page.waitForFunction(
        `document.querySelector('${UPLOAD}').shadowRoot.querySelector('li[data-status="uploading"]')`,
        undefined,
        { timeout: 20_000 },
      );
      assert.equal(await page.evaluate(`document.querySelector('${UPLOAD}').value.length`), 0);
      await reloadMidUpload(page);
      // The restored slot shows the file and the upload completes.
      await page.waitForFunction(
        `[...document.querySelector('${UPLOAD}').shadowRoot.querySelectorAll('li[part="file"] .name')].map((p) => p.textContent).join() === 'giay-to.pdf'`,
        undefined,
        { timeout: 20_000 },
      );
      await fileReady(page);
    });
    // One tus upload in all: the one created before the reload was continued.
    assert.equal(fault.uploadCreations, 1, 'the upload resumed rather than started again');
    await submit(page);
    await submitted(page);
    record('reload mid-upload keeps the file', 1, 0, before);
    const [row] = dossierRows().slice(before);
    assert.deepEqual(storedFiles(row.code, row.payload_json), {
      docs: [['giay-to.pdf', sha256(pdf)]],
      files: [sha256(pdf)],
    });
    await context.close();
  });

  /** A 60×80 grey PNG, as a phone's camera roll may hold a portrait. */
  function samplePng(): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const size = Buffer.alloc(4);
      size.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([size, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(60, 0);
    header.writeUInt32BE(80, 4);
    header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
    const rows = Buffer.concat(
      Array.from({ length: 80 }, () => Buffer.alloc(61, 0x80).fill(0, 0, 1)),
    );
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  test('reload mid-upload keeps a portrait under the name chosen: anh.png, sent as anh.jpg', async () => {
    const { before, context, page } = await openHoldingUploads();
    const PORTRAIT = 'dvc-form dvc-upload[slot="document-anh"]';
    const shown = `[...document.querySelector('${PORTRAIT}').shadowRoot.querySelectorAll('li[part="file"] .name')].map((p) => p.textContent).join()`;
    await fillToReview(page, false, async () => {
      await page
        .locator(`${PORTRAIT} input#control`)
        .setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: samplePng() });
      // Re-encoded as anh.jpg, hashed, the upload created and its bytes not answered.
      await page.waitForFunction(
        `document.querySelector('${PORTRAIT}').shadowRoot.querySelector('li[data-status="uploading"]')`,
        undefined,
        { timeout: 20_000 },
      );
      assert.equal(await page.evaluate(shown), 'anh.png');
      await reloadMidUpload(page);
      // Chosen again for the person under the name they chose, not the name it is sent as.
      await page.waitForFunction(`${shown} !== ''`, undefined, { timeout: 20_000 });
      assert.equal(await page.evaluate(shown), 'anh.png');
      await page.waitForFunction(
        `document.querySelector('${PORTRAIT}').value.length === 1`,
        undefined,
        { timeout: 30_000 },
      );
      assert.equal(await page.evaluate(shown), 'anh.png');
    });
    await submit(page);
    await submitted(page);
    record('reload mid-upload keeps a portrait under its chosen name', 1, 0, before);
    const [row] = dossierRows().slice(before);
    const docs = (
      JSON.parse(row.payload_json) as { documents: { slot: string; name: string; type: string }[] }
    ).documents.map((d) => [d.slot, d.name, d.type]);
    assert.deepEqual(docs, [['anh', 'anh.jpg', 'image/jpeg']]);
    await context.close();
  });

  test('the summary adds up', () => {
    const summary = figures.reduce(
      (t, f) => ({ lost: t.lost + f.answersLost, dup: t.dup + f.duplicates }),
      { lost: 0, dup: 0 },
    );
    assert.deepEqual(summary, { lost: 0, dup: 0 });
  });
});
