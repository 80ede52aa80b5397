// A CMS page with `<base href>` (README "Embed it"): the form's relative receiver URLs resolve
// against the page's base URL, as a link on the page does, in real Chromium against the real
// receiver. The page is http://127.0.0.1:<s>/cms/tin-tuc/bai-viet.html, its base the receiver's
// site http://localhost:<r>/, and action, challenge-endpoint and upload-endpoint are relative
// (`api/dossiers`): anything resolved against the page's own address instead reaches the page's
// server, which has no receiver and answers 404.
// - tus: the upload is created at the base's receiver, which answers with a relative Location
//   (demo/server/uploads.js); tus-js-client resolved it against the endpoint as written, which
//   left it relative (`/api/uploads/<id>`): the signed payload named the document by a URL whose
//   site depends on the page that reads it (and the stored upload's fingerprint was the same on
//   every page, whatever its base).
// - the outbox: an application queued for lack of network kept `api/dossiers` as written, and
//   another page of the site without that base (the outbox sends from any page with a form) sent
//   it to its own directory, got 404 and dropped it for good.
//
// Needs the built library (`npm run build`): the page serves dist/dvc-forms.min.js.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { start, type Running } from './helpers.js';
import { outboxSize, serveLibrary } from './agency-site.js';
import { until } from './poll.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const PROCEDURES = fileURLToPath(new URL('./fixtures/cross-origin/', import.meta.url));

/** The agency's CMS: its pages, the library and the procedure files; no receiver. */
function startSite(): Promise<{ server: Server; origin: string; misses: string[] }> {
  const misses: string[] = [];
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = (head: string, procedure: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang của cơ quan</title>${head}
<script type="module" src="${origin}/dist/dvc-forms.min.js"></script></head>
<body><dvc-form procedure="${origin}/${procedure}.json" action="api/dossiers"
  challenge-endpoint="api/challenges" upload-endpoint="api/uploads/"></dvc-form></body></html>`);
    };
    if (url.pathname === '/cms/tin-tuc/bai-viet.html') {
      const receiver = url.searchParams.get('receiver') ?? '';
      return page(`<base href="${receiver}/">`, url.searchParams.get('procedure') ?? '');
    }
    // The procedure and prefill files in the base's folder, on the page's site.
    if (url.pathname === '/cms/tin-tuc/tep-tuong-doi.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang của cơ quan</title>
<base href="/dvc/thu-tuc/"><script type="module" src="/dist/dvc-forms.min.js"></script></head>
<body><dvc-form procedure="thu-nghiem-cors.json" prefill-src="dien-san.json"></dvc-form></body></html>`);
      return;
    }
    if (url.pathname === '/dvc/thu-tuc/dien-san.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ applicant: { fullName: 'Phạm Văn Đức' } }));
      return;
    }
    if (url.pathname === '/dvc/thu-tuc/thu-nghiem-cors.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(join(PROCEDURES, 'thu-nghiem-cors.json')));
      return;
    }
    // Another page of the site, without a base: the outbox sends from here too.
    if (url.pathname === '/cms/khac/trang.html') return page('', 'thu-nghiem-cors');
    if (/^\/thu-nghiem-cors(-giay-to)?\.json$/.test(url.pathname)) {
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
      });
      res.end(readFileSync(join(PROCEDURES, url.pathname)));
      return;
    }
    if (serveLibrary(url.pathname, res)) return;
    if (url.pathname !== '/favicon.ico') misses.push(`${req.method} ${url.pathname}`);
    res.writeHead(404).end();
  });
  let origin = '';
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
      resolve({ server, origin, misses });
    }),
  );
}

const heading = (text: string) =>
  `document.querySelector('dvc-form')?.shadowRoot?.querySelector('#page-heading')?.textContent.trim() === ${JSON.stringify(text)}`;

describe('<base href>: relative receiver URLs resolve against the page’s base URL', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let receiver: Running;
  /** The receiver's base URL as the page's <base href> names it: another site than the page. */
  let base: string;
  let browser: Browser;

  before(async () => {
    site = await startSite();
    receiver = await start({ proceduresDir: PROCEDURES, allowedOrigins: [site.origin] });
    base = receiver.base.replace('127.0.0.1', 'localhost');
    browser = await chromium.launch({
      executablePath: ensureChromium(),
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP localhost 127.0.0.1'],
    });
  });

  after(async () => {
    await browser?.close();
    await receiver?.close();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  async function fillFirstPage(page: Page, procedure: string): Promise<void> {
    await page.goto(
      `${site.origin}/cms/tin-tuc/bai-viet.html?procedure=${procedure}&receiver=${encodeURIComponent(base)}`,
    );
    const input = page.locator('dvc-form [data-path="applicant.fullName"] input');
    await input.fill('Lê Thị Mai');
    await input.press('Tab');
    await page.locator('dvc-form .buttons button.primary').first().click();
  }

  async function send(page: Page): Promise<void> {
    await page.waitForFunction(heading('Kiểm tra lại thông tin'));
    await page.locator('dvc-form #declaration').check();
    await page.locator('dvc-form .buttons button.primary').first().click();
  }

  const dossiers = (code: string) =>
    receiver.app.dvc.db.prepare('SELECT code FROM dossiers WHERE procedure_code = ?').all(code) as {
      code: string;
    }[];

  test('procedure and prefill-src are fetched from the base’s folder', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/cms/tin-tuc/tep-tuong-doi.html`);
    const input = page.locator('dvc-form [data-path="applicant.fullName"] input');
    await input.waitFor({ timeout: 30_000 });
    assert.equal(await input.inputValue(), 'Phạm Văn Đức');
    assert.deepEqual(site.misses, [], 'nothing was asked of the page’s own folder');
    await context.close();
  });

  test('a document is uploaded (tus, relative Location) and the dossier sent to the base’s receiver', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await fillFirstPage(page, 'thu-nghiem-cors-giay-to');
    await page.waitForFunction(heading('Giấy tờ'));
    const upload = 'dvc-form dvc-upload[slot="document-giay-to"]';
    await page.evaluate(`document.querySelector('${upload}').retryDelays = []`);
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(2048, 0x41),
      Buffer.from('\n%%EOF\n'),
    ]);
    await page
      .locator(`${upload} input#control`)
      .setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: pdf });
    const outcome = await page.waitForFunction(
      `(() => { const u = document.querySelector('${upload}');
        if (u.value.length === 1) return 'uploaded';
        return (u.shadowRoot?.textContent ?? '').includes('Chưa tải lên được') ? 'failed' : false; })()`,
      undefined,
      { timeout: 30_000 },
    );
    assert.equal(
      await outcome.jsonValue(),
      'uploaded',
      `the page's server got ${site.misses.join(', ')}`,
    );
    await page.locator('dvc-form .buttons button.primary').first().click();
    await send(page);
    await page.waitForFunction(heading('Đã gửi hồ sơ'), undefined, { timeout: 30_000 });
    const rows = dossiers('9.000004');
    assert.equal(rows.length, 1);
    const payload = (await receiver.app.dvc.readDossier(rows[0]!.code))!.payload as {
      documents: { url: string }[];
    };
    assert.match(payload.documents[0]!.url, new RegExp(`^${base}/api/uploads/[0-9a-f]{32}$`));
    assert.deepEqual(site.misses, [], 'nothing went to the page’s own server');
    await context.close();
  });

  test('a queued application is sent to the base’s receiver from another page of the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // No network for the submission: it waits in the outbox, signed, with its action.
    await page.route(`${base}/api/dossiers`, (route) => route.abort('internetdisconnected'));
    await fillFirstPage(page, 'thu-nghiem-cors');
    await send(page);
    await page.waitForFunction(
      `document.querySelector('dvc-form').shadowRoot.textContent.includes('Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.')`,
      undefined,
      { timeout: 30_000 },
    );
    await page.close();
    assert.equal(dossiers('9.000003').length, 0);

    // The network is back; the citizen opens another page of the site, without that base.
    const other = await context.newPage();
    await other.goto(`${site.origin}/cms/khac/trang.html`);
    // Until the outbox is empty: sent, or refused for good and dropped.
    await until(
      'the outbox to send or drop the application',
      async () => (await outboxSize(other)) === 0,
      30_000,
      250,
    );
    assert.deepEqual(site.misses, [], 'nothing went to the page’s own server');
    assert.equal(dossiers('9.000003').length, 1);
    await context.close();
  });
});
