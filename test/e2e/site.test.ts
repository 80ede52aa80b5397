// The demo agency site as served by the receiver: pages, headers, the strict-CSP page, and the
// rules a webmaster's pages must follow to work under CSP (no inline script, no inline handlers).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP, STRICT_CSP_PAGE, STRICT_CSP_PAGES } from '../../demo/server/app.js';
import { fakeVerify, start, type Running } from './helpers.js';

const SITE = fileURLToPath(new URL('../../demo/site/', import.meta.url));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}
const pages = htmlFiles(SITE).map((p) => `/${relative(SITE, p)}`);

describe('demo site files', () => {
  test('has the home, status, clerk, report, strict-CSP and seven procedure pages', () => {
    for (const p of [
      '/index.html',
      '/tra-cuu.html',
      '/can-bo.html',
      '/bao-cao-tuan.html',
      '/csp-nghiem-ngat.html',
      '/thu-tuc/dang-ky-khai-sinh.html',
      '/thu-tuc/dang-ky-ket-hon.html',
      '/thu-tuc/dang-ky-thuong-tru.html',
      '/thu-tuc/cap-giay-phep-lai-xe-quoc-te.html',
      '/thu-tuc/dang-ky-tam-tru.html',
      '/thu-tuc/cap-phieu-ly-lich-tu-phap.html',
      '/thu-tuc/dang-ky-ket-hon-nuoc-ngoai.html',
    ]) {
      assert.ok(pages.includes(p), p);
    }
  });

  test('no site script is over 500 lines (a page script is split by subject into modules)', () => {
    for (const name of readdirSync(SITE).filter((n) => n.endsWith('.js'))) {
      const lines = readFileSync(join(SITE, name), 'utf8').split('\n').length;
      assert.ok(lines <= 500, `${name}: ${lines} lines`);
    }
  });

  for (const page of pages) {
    test(`${page}: Vietnamese, viewport, external module scripts only`, () => {
      const html = readFileSync(join(SITE, page), 'utf8');
      assert.match(html, /^<!doctype html>\n<html lang="vi">/);
      assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1" \/>/);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        assert.match(
          tag,
          /^<script type="module" src="\/[a-z0-9./-]+"><\/script>$|^<script type="module" src="\/[a-z0-9./-]+">$/,
          tag,
        );
      }
      assert.doesNotMatch(html, /<script>|\son[a-z]+=|\sstyle=|javascript:/i);
    });
  }

  test('each procedure page embeds dvc-form exactly as a webmaster would', () => {
    for (const page of pages.filter((p) => p.startsWith('/thu-tuc/'))) {
      const name = page.slice('/thu-tuc/'.length, -'.html'.length);
      const html = readFileSync(join(SITE, page), 'utf8');
      assert.ok(
        html.includes('<script type="module" src="/assets/dvc-forms.min.js"></script>'),
        page,
      );
      assert.ok(
        html.includes(`<dvc-form
        procedure="/procedures/${name}.json"
        action="/api/dossiers"
        challenge-endpoint="/api/challenges"
        upload-endpoint="/api/uploads/"
      >
        <p class="form-placeholder">Đang tải biểu mẫu…</p>
      </dvc-form>`),
        page,
      );
    }
    const status = readFileSync(join(SITE, 'tra-cuu.html'), 'utf8');
    // The look-up also offers the supplement form when the clerk asked for one.
    assert.ok(
      status.includes(`<dvc-status-lookup
        endpoint="/api/status"
        supplement-endpoint="/api/supplements"
        upload-endpoint="/api/uploads/"
        challenge-endpoint="/api/challenges"
      ></dvc-status-lookup>`),
    );
  });
});

describe('demo site over HTTP', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify });
  });
  after(() => s.close());

  test('every page is served as HTML with the security headers', async () => {
    for (const page of pages) {
      const r = await fetch(`${s.base}${page}`);
      assert.equal(r.status, 200, page);
      assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8', page);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', page);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', page);
      const csp = r.headers.get('content-security-policy');
      // The strict-CSP form, the clerk page and the report (personal data) carry the strict policy.
      const strict = STRICT_CSP_PAGES.includes(page);
      assert.equal(csp, strict ? STRICT_CSP : null, page);
      await r.arrayBuffer();
    }
    const home = await fetch(`${s.base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<h1>Dịch vụ công trực tuyến<\/h1>/);
  });

  test('the strict page carries exactly the README policy', async () => {
    const r = await fetch(`${s.base}${STRICT_CSP_PAGE}`);
    assert.equal(
      r.headers.get('content-security-policy'),
      "script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html dvc-forms",
    );
    await r.arrayBuffer();
  });

  test('an unknown page gets the 404 page; an unknown API path a problem', async () => {
    const page = await fetch(`${s.base}/khong-co-trang-nay`);
    assert.equal(page.status, 404);
    assert.match(await page.text(), /<h1>Không tìm thấy trang<\/h1>/);
    const api = await fetch(`${s.base}/api/khong-co`);
    assert.equal(api.status, 404);
    assert.equal(api.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(((await api.json()) as { title: string }).title, 'Không tìm thấy');
  });

  test('the site scripts and stylesheet are served with their types', async () => {
    // The clerk page's modules, each imported by another (script-src 'self' allows them all).
    const clerkModules = readdirSync(SITE)
      .filter((n) => /^can-bo(-[a-z-]+)?\.js$/.test(n))
      .map((n) => [`/${n}`, 'application/javascript; charset=utf-8']);
    assert.ok(clerkModules.length >= 5, 'the clerk page is split into modules');
    for (const [path, type] of [
      ['/home.js', 'application/javascript; charset=utf-8'],
      ...clerkModules,
      ['/site.css', 'text/css; charset=utf-8'],
    ]) {
      const r = await fetch(`${s.base}${path}`);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-type'), type, path);
      await r.arrayBuffer();
    }
  });
});
