// A form on one site sending to a receiver on another (the webmaster's cross-origin set-up),
// in real Chromium against the real receiver:
// - the receiver answers preflights only for the origins in ALLOWED_ORIGINS (demo/server/cors.js),
//   with the headers tus needs, and refuses other origins before doing any work;
// - with the page's origin allowed, the signed submission is stored;
// - with it not allowed, the form says the application was refused for good, in Vietnamese,
//   and never that it will be sent later (nothing goes to the outbox; the answers stay);
// - with the receiver unreachable, the application waits in the outbox (transient).
//
// Needs the built library (`npm run build`): the page serves dist/dvc-forms.min.js.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseAllowedOrigins } from '../../demo/server/cors.js';
import { start, type Running } from './helpers.js';
import { outboxSize, serveLibrary } from './agency-site.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const PROCEDURES = fileURLToPath(new URL('./fixtures/cross-origin/', import.meta.url));
const PROCEDURE_FILE = join(PROCEDURES, 'thu-nghiem-cors.json');
const PROCEDURE_WITH_FILE = join(PROCEDURES, 'thu-nghiem-cors-giay-to.json');

/** The agency's own site: the page, the library and the procedure file, on its own origin. */
function startSite(): Promise<{ server: Server; origin: string }> {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/index.html') {
      const receiver = url.searchParams.get('receiver') ?? '';
      // With documents: the procedure that asks for a file, uploaded (tus) to the receiver.
      const withFile = url.searchParams.has('upload');
      const procedure = withFile ? '/thu-nghiem-cors-giay-to.json' : '/thu-nghiem-cors.json';
      const upload = withFile ? ` upload-endpoint="${receiver}/api/uploads"` : '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang của cơ quan</title>
<script type="module" src="/dist/dvc-forms.min.js"></script></head>
<body><dvc-form procedure="${procedure}" action="${receiver}/api/dossiers"
  challenge-endpoint="${receiver}/api/challenges"${upload}></dvc-form></body></html>`);
      return;
    }
    if (url.pathname === '/thu-nghiem-cors.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(PROCEDURE_FILE));
      return;
    }
    if (url.pathname === '/thu-nghiem-cors-giay-to.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(PROCEDURE_WITH_FILE));
      return;
    }
    if (serveLibrary(url.pathname, res)) return;
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

/** A port on which nothing listens (the receiver is down). */
async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const a = s.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('ALLOWED_ORIGINS', () => {
  test('accepts exact origins and explains what it refuses', () => {
    assert.deepEqual(parseAllowedOrigins(undefined), []);
    assert.deepEqual(
      parseAllowedOrigins('https://dichvucong.example.gov.vn, http://127.0.0.1:8081'),
      ['https://dichvucong.example.gov.vn', 'http://127.0.0.1:8081'],
    );
    assert.throws(() => parseAllowedOrigins('*'), /"\*" is not allowed/);
    assert.throws(
      () => parseAllowedOrigins('https://example.gov.vn/forms'),
      /must be only scheme, host and port, e.g. https:\/\/example.gov.vn/,
    );
    assert.throws(() => parseAllowedOrigins('example.gov.vn'), /is not an origin/);
  });
});

describe('cross-origin receiver', () => {
  let site: { server: Server; origin: string };
  let open: Running;
  let closed: Running;
  let browser: Browser;

  before(async () => {
    site = await startSite();
    open = await start({ proceduresDir: PROCEDURES, allowedOrigins: [site.origin] });
    closed = await start({ proceduresDir: PROCEDURES });
    browser = await chromium.launch({
      executablePath: ensureChromium(),
      // `localhost` is the receiver's site in the cross-site upload test: on IPv4, where it listens.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP localhost 127.0.0.1'],
    });
  });

  after(async () => {
    await browser?.close();
    await open?.close();
    await closed?.close();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  const preflight = (base: string, path: string, method: string, headers = 'content-type') =>
    fetch(`${base}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: site.origin,
        'access-control-request-method': method,
        'access-control-request-headers': headers,
      },
    });

  test('preflights: allowed origin → 204 with methods and headers; others → 403 without CORS', async () => {
    for (const [path, method] of [
      ['/api/challenges', 'POST'],
      ['/api/dossiers', 'POST'],
      ['/api/status', 'GET'],
      ['/api/uploads', 'POST'],
      ['/api/uploads/0123456789abcdef0123456789abcdef', 'PATCH'],
    ] as const) {
      const ok = await preflight(open.base, path, method, 'tus-resumable, upload-offset');
      assert.equal(ok.status, 204, path);
      assert.equal(ok.headers.get('access-control-allow-origin'), site.origin);
      assert.ok(ok.headers.get('access-control-allow-methods')!.split(', ').includes(method));
      const allowedHeaders = ok.headers
        .get('access-control-allow-headers')!
        .toLowerCase()
        .split(', ');
      for (const h of [
        'content-type',
        'idempotency-key',
        'tus-resumable',
        'upload-length',
        'upload-offset',
        'upload-metadata',
        'dvc-upload-token',
      ])
        assert.ok(allowedHeaders.includes(h), `${path}: ${h}`);
      // No cookies are asked for: the upload token does their work (upload-guard.js).
      assert.equal(ok.headers.get('access-control-allow-credentials'), null);
      assert.match(ok.headers.get('vary') ?? '', /Origin/);

      const refused = await preflight(closed.base, path, method);
      assert.equal(refused.status, 403, path);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
    }
    // A method the endpoint does not take, and the clerk API, are not offered to other sites.
    assert.equal((await preflight(open.base, '/api/dossiers', 'DELETE')).status, 403);
    const clerk = await preflight(open.base, '/api/clerk/dossiers', 'GET');
    assert.equal(clerk.headers.get('access-control-allow-origin'), null);
  });

  test('tus answers expose Location and Upload-Offset to the allowed origin only', async () => {
    const create = (base: string) =>
      fetch(`${base}/api/uploads`, {
        method: 'POST',
        headers: {
          origin: site.origin,
          'tus-resumable': '1.0.0',
          'upload-length': '4',
          'upload-metadata': `filename ${Buffer.from('a.pdf').toString('base64')}`,
        },
      });
    const ok = await create(open.base);
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), site.origin);
    const exposed = (ok.headers.get('access-control-expose-headers') ?? '')
      .toLowerCase()
      .split(/\s*,\s*/);
    for (const h of [
      'location',
      'upload-offset',
      'upload-length',
      'tus-resumable',
      'dvc-upload-token',
    ])
      assert.ok(exposed.includes(h), h);
    assert.match(ok.headers.get('dvc-upload-token') ?? '', /^[A-Za-z0-9_-]{24}$/);

    const refused = await create(closed.base);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(
      ((await refused.json()) as { type: string }).type,
      'urn:dvc-forms:problem:origin-not-allowed',
    );
  });

  test('a simple (no-preflight) POST from an origin not allowed is refused before any work', async () => {
    // The router decodes the path: a percent-encoded spelling reaches the same routes, so it is
    // refused the same way (the old check compared the raw URL and let it through).
    for (const path of [
      '/api/dossiers',
      '/api/%64ossiers',
      '/api/%63hallenges',
      '/api/%75ploads/',
    ]) {
      const form = new FormData();
      form.append('payload', 'x.y.z');
      const res = await fetch(`${closed.base}${path}`, {
        method: 'POST',
        headers: { origin: site.origin },
        body: form,
      });
      assert.equal(res.status, 403, path);
    }
    const same = await fetch(`${closed.base}/api/challenges`, {
      method: 'POST',
      headers: { origin: closed.base, 'content-type': 'application/json' },
      // The receiver binds each nonce to the procedure it is asked for.
      body: JSON.stringify({ procedure: { code: '9.000003', version: '1.0.0' } }),
    });
    assert.equal(same.status, 201, 'the receiver’s own pages are never refused');
  });

  // ---- in the browser ----------------------------------------------------------------------

  async function fillAndSend(page: Page, receiver: string): Promise<void> {
    await page.goto(`${site.origin}/index.html?receiver=${encodeURIComponent(receiver)}`);
    const input = page.locator('dvc-form [data-path="applicant.fullName"] input');
    await input.fill('Nguyễn Thị Hoa');
    await input.press('Tab');
    await page.locator('dvc-form .buttons button.primary').first().click();
    await page.waitForFunction(
      `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === 'Kiểm tra lại thông tin'`,
    );
    await page.locator('dvc-form #declaration').check();
    await page.locator('dvc-form .buttons button.primary').first().click();
  }

  const formText = (page: Page) =>
    page.evaluate(`(() => {
      const form = document.querySelector('dvc-form');
      const summary = form.shadowRoot.querySelector('dvc-error-summary');
      return form.shadowRoot.textContent + ' ' + (summary?.shadowRoot?.textContent ?? '');
    })()`) as Promise<string>;

  test('allowed origin: the application is sent and stored', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillAndSend(page, open.base);
    await page.waitForFunction(
      `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === 'Đã gửi hồ sơ'`,
      undefined,
      { timeout: 20_000 },
    );
    const rows = open.app.dvc.db.prepare('SELECT code FROM dossiers').all() as {
      code: string;
    }[];
    assert.equal(rows.length, 1);
    // Stored encrypted: read through the receiver's vault.
    assert.deepEqual((await open.app.dvc.readDossier(rows[0]!.code))!.payload.answers, {
      applicant: { fullName: 'Nguyễn Thị Hoa' },
    });
    await context.close();
  });

  test('origin not allowed: a permanent failure, said so, never queued; answers kept', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillAndSend(page, closed.base);
    const blocked =
      'Máy chủ của cơ quan không chấp nhận hồ sơ gửi từ trang này, nên hồ sơ chưa được gửi và sẽ không tự động gửi lại. Đây là lỗi cài đặt của trang, không phải do bạn. Thông tin bạn đã nhập vẫn được giữ trên máy này. Vui lòng báo cho cơ quan, hoặc nộp hồ sơ trực tiếp.';
    await page.waitForFunction(
      `(() => { const s = document.querySelector('dvc-form').shadowRoot.querySelector('dvc-error-summary');
        return !!s && s.shadowRoot.textContent.includes(${JSON.stringify(blocked.slice(0, 60))}); })()`,
      undefined,
      { timeout: 20_000 },
    );
    const text = await formText(page);
    assert.ok(text.includes(blocked), text);
    assert.ok(!text.includes('sẽ tự động gửi khi có mạng'), text);
    assert.equal(await outboxSize(page), 0);
    assert.deepEqual(closed.app.dvc.db.prepare('SELECT count(*) AS n FROM dossiers').get(), {
      n: 0,
    });
    // Still on the review page with the answer shown: nothing was lost.
    assert.ok(text.includes('Nguyễn Thị Hoa'));
    await context.close();
  });

  test('receiver unreachable: transient, kept in the outbox to send when it is back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillAndSend(page, `http://127.0.0.1:${await closedPort()}`);
    await page.waitForFunction(
      `document.querySelector('dvc-form').shadowRoot.textContent.includes('Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.')`,
      undefined,
      { timeout: 30_000 },
    );
    assert.equal(await outboxSize(page), 1);
    await context.close();
  });

  // ---- a procedure with a document, on another site -------------------------------------------

  /** A small PDF (300 KB), sent in one tus PATCH. */
  const PDF = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    Buffer.alloc(300 * 1024, 0x42),
    Buffer.from('\n%%EOF\n'),
  ]);
  const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');
  const heading = (text: string) =>
    `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === ${JSON.stringify(text)}`;

  const upload = 'dvc-form dvc-upload[slot="document-giay-to"]';

  /** Opens the agency's page sending to `receiver`, answers the first step and chooses PDF. */
  async function chooseFile(
    page: Page,
    receiver: string,
    options: { retryDelays?: number[] } = {},
  ) {
    await page.goto(`${site.origin}/index.html?upload&receiver=${encodeURIComponent(receiver)}`);
    const input = page.locator('dvc-form [data-path="applicant.fullName"] input');
    await input.fill('Trần Văn Bình');
    await input.press('Tab');
    await page.locator('dvc-form .buttons button.primary').first().click();
    await page.waitForFunction(heading('Giấy tờ'));
    if (options.retryDelays)
      await page.evaluate(
        `document.querySelector('${upload}').retryDelays = ${JSON.stringify(options.retryDelays)}`,
      );
    await page
      .locator(`${upload} input#control`)
      .setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: PDF });
  }

  test('another site: the file goes through tus with its token, and the dossier holds it', async () => {
    // The page is on http://127.0.0.1:<p>, the receiver on http://localhost:<q>: two sites, so
    // the receiver's cookies never come back (and tus-js-client sends none).
    const receiver = open.base.replace('127.0.0.1', 'localhost');
    const context = await browser.newContext();
    const page = await context.newPage();
    const tusAnswers: { method: string; status: number }[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${receiver}/api/uploads`))
        tusAnswers.push({ method: r.request().method(), status: r.status() });
    });
    const tusPatches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') tusPatches.push(r.headers()['dvc-upload-token'] ?? '');
    });
    // The first PATCH is cut: tus-js-client asks where to resume (HEAD) and continues, both
    // with the token.
    let cut = false;
    await page.route(`${receiver}/api/uploads/*`, (route) => {
      if (route.request().method() !== 'PATCH' || cut) return route.continue();
      cut = true;
      return route.abort('connectionreset');
    });
    await chooseFile(page, receiver);
    await page.waitForFunction(
      `document.querySelector('${upload}').value.length === 1`,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await page.locator('dvc-form .buttons button.primary').first().click();
    await page.waitForFunction(heading('Kiểm tra lại thông tin'));
    await page.locator('dvc-form #declaration').check();
    await page.locator('dvc-form .buttons button.primary').first().click();
    await page.waitForFunction(heading('Đã gửi hồ sơ'), undefined, { timeout: 30_000 });

    // The upload was created (201), its offset asked after the cut (200) and written (204),
    // every PATCH with the token, a header only a granted preflight lets through (Chromium
    // answers preflights out of the page's view).
    assert.ok(cut, 'the first PATCH was cut');
    assert.deepEqual([...new Set(tusAnswers.map((a) => `${a.method} ${a.status}`))].sort(), [
      'HEAD 200',
      'PATCH 204',
      'POST 201',
    ]);
    assert.ok(tusPatches.length > 0 && tusPatches.every((t) => /^[A-Za-z0-9_-]{24}$/.test(t)));
    assert.deepEqual(await context.cookies(receiver), [], 'no cookie was involved');

    const rows = open.app.dvc.db
      .prepare("SELECT code FROM dossiers WHERE procedure_code = '9.000004'")
      .all() as { code: string }[];
    assert.equal(rows.length, 1);
    const code = rows[0]!.code;
    const payload = (await open.app.dvc.readDossier(code))!.payload as {
      answers: unknown;
      documents: Record<string, unknown>[];
    };
    assert.deepEqual(payload.answers, { applicant: { fullName: 'Trần Văn Bình' } });
    assert.equal(payload.documents.length, 1);
    const { url, ...signed } = payload.documents[0]!;
    assert.deepEqual(signed, {
      slot: 'giay-to',
      name: 'giay-to.pdf',
      type: 'application/pdf',
      size: PDF.length,
      sha256: PDF_SHA256,
    });
    assert.match(String(url), new RegExp(`^${receiver}/api/uploads/[0-9a-f]{32}$`));
    const id = String(url).split('/').pop()!;
    // The receiver hashed the bytes it stored itself, linked them to the dossier, and they are
    // the file's bytes.
    assert.deepEqual(
      open.app.dvc.db.prepare('SELECT sha256, dossier_code FROM uploads WHERE id = ?').get(id),
      { sha256: PDF_SHA256, dossier_code: code },
    );
    assert.ok(Buffer.from((await open.app.dvc.readUpload(id))!).equals(PDF));

    // The upload URL alone, from the allowed site but without the token, opens nothing.
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const r = await fetch(url as string, {
        method,
        headers: {
          origin: site.origin,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        ...(method === 'PATCH' ? { body: PDF } : {}),
      });
      assert.equal(r.status, 403, method);
    }
    await context.close();
  });

  test('another site: a page whose origin is not listed gets no upload at all', async () => {
    const receiver = closed.base.replace('127.0.0.1', 'localhost');
    const context = await browser.newContext();
    const page = await context.newPage();
    await chooseFile(page, receiver, { retryDelays: [] });
    // The upload fails (the browser refuses the preflight) and says so at the file.
    await page.waitForFunction(
      `(document.querySelector('${upload}').shadowRoot?.textContent ?? '').includes('Chưa tải lên được')`,
      undefined,
      { timeout: 30_000 },
    );
    assert.deepEqual(closed.app.dvc.db.prepare('SELECT count(*) AS n FROM upload_owners').get(), {
      n: 0,
    });
    await context.close();
  });
});
