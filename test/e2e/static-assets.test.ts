// What the demo sends a browser on a slow network (issue 22 point 6): every asset compressed
// (brotli, else gzip; the bundle's files precompressed at build time), content-hashed names cached
// for a year as immutable, everything else revalidated, and never compression on /api/. Raw
// node:http requests, because fetch would negotiate and decompress on its own.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { HASHED_NAME } from '../../demo/server/static-assets.js';
import { fakeVerify, start, type Running } from './helpers.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SITE = fileURLToPath(new URL('../../demo/site/', import.meta.url));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body as the browser sees it after undoing Content-Encoding. */
function decoded(r: Raw): Buffer {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(r.body);
  if (enc === 'gzip') return gunzipSync(r.body);
  assert.equal(enc, undefined);
  return r.body;
}

const vary = (r: Raw) => String(r.headers.vary ?? '').toLowerCase();

/** The lazy chunks the bundle imports, as written in it (`./chunks/x-<hash>.min.js`). */
function chunkImports(): string[] {
  const entry = readFileSync(`${DIST}dvc-forms.min.js`, 'utf8');
  return [
    ...new Set([...entry.matchAll(/["'`]\.\/(chunks\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]!)),
  ];
}

describe('static assets: compression and caching', () => {
  let s: Running;
  before(async () => {
    assert.ok(existsSync(`${DIST}dvc-forms.min.js`), 'run `npm run build` first');
    s = await start({ verifySubmission: fakeVerify });
  });
  after(() => s.close());

  test('the build writes a brotli and a gzip copy of every browser file, and only those', () => {
    const files = [
      'dvc-forms.min.js',
      ...readdirSync(`${DIST}chunks`)
        .filter((n) => n.endsWith('.min.js'))
        .map((n) => `chunks/${n}`),
    ];
    for (const f of files) {
      const bytes = readFileSync(`${DIST}${f}`);
      assert.deepEqual(brotliDecompressSync(readFileSync(`${DIST}${f}.br`)), bytes, f);
      assert.deepEqual(gunzipSync(readFileSync(`${DIST}${f}.gz`)), bytes, f);
    }
    // npm entries and types are not downloaded by pages.
    assert.equal(existsSync(`${DIST}index.js.br`), false);
    assert.equal(existsSync(`${DIST}verify.js.gz`), false);
  });

  test('the bundle loads its chunks by content-hashed names', () => {
    const chunks = chunkImports();
    assert.ok(chunks.length >= 5, `chunks: ${chunks.join(', ')}`);
    for (const c of chunks) {
      assert.match(c, HASHED_NAME, c);
      assert.ok(existsSync(`${DIST}${c}`), c);
    }
  });

  test('the bundle: brotli, else gzip, else plain, revalidated (its name has no hash)', async () => {
    const bytes = readFileSync(`${DIST}dvc-forms.min.js`);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const r = await get(s.base, '/assets/dvc-forms.min.js', { 'accept-encoding': accept });
      assert.equal(r.status, 200, accept);
      assert.equal(r.headers['content-encoding'], encoding, accept);
      assert.equal(r.headers['content-type'], 'application/javascript; charset=utf-8', accept);
      assert.equal(r.headers['cache-control'], 'no-cache', accept);
      assert.match(vary(r), /accept-encoding/, accept);
      assert.deepEqual(decoded(r), bytes, accept);
      if (encoding === 'br') assert.ok(r.body.length < bytes.length / 3, 'brotli -11');
    }
  });

  test('a hashed chunk is immutable for a year, compressed, and answers 304 to its ETag', async () => {
    const chunk = chunkImports()[0]!;
    const r = await get(s.base, `/assets/${chunk}`, { 'accept-encoding': 'br' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(vary(r), /accept-encoding/);
    assert.deepEqual(decoded(r), readFileSync(`${DIST}${chunk}`));
    const etag = String(r.headers.etag);
    const again = await get(s.base, `/assets/${chunk}`, {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('procedure pages: compressed, revalidated, title and what to prepare in the HTML itself', async () => {
    const r = await get(s.base, '/thu-tuc/dang-ky-khai-sinh.html', {
      'accept-encoding': 'gzip, deflate, br',
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(vary(r), /accept-encoding/);
    const html = decoded(r).toString('utf8');
    // Shown at first paint, before any script has run: the heading and the list come before the
    // form element, in the served bytes.
    const form = html.indexOf('<dvc-form');
    assert.ok(form > 0);
    assert.ok(html.indexOf('<h1>Đăng ký khai sinh</h1>') > 0);
    assert.ok(html.indexOf('<h1>Đăng ký khai sinh</h1>') < form);
    const prepare = html.indexOf('<h2>Chuẩn bị trước</h2>');
    assert.ok(prepare > 0 && prepare < form);
    assert.ok(html.indexOf('<li>Giấy chứng sinh (bản chụp hoặc bản điện tử)</li>') < form);
  });

  test('every procedure page names its title and a list of what to prepare before the form', () => {
    for (const name of readdirSync(`${SITE}thu-tuc`)) {
      const html = readFileSync(`${SITE}thu-tuc/${name}`, 'utf8');
      const form = html.indexOf('<dvc-form');
      assert.ok(/<h1>[^<]+<\/h1>/.test(html.slice(0, form)), name);
      const prepare = html.indexOf('<h2>Chuẩn bị trước</h2>');
      assert.ok(prepare > 0 && prepare < form, name);
      assert.match(html.slice(prepare, form), /<ul>\s*<li>/, name);
    }
  });

  test('site files and the procedure JSON: gzip for a gzip-only browser, revalidated', async () => {
    for (const path of ['/site.css', '/index.html', '/procedures/thu-nghiem.json']) {
      const plain = await get(s.base, path);
      assert.equal(plain.status, 200, path);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      const r = await get(s.base, path, { 'accept-encoding': 'gzip' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-encoding'], 'gzip', path);
      assert.equal(r.headers['cache-control'], 'no-cache', path);
      assert.match(vary(r), /accept-encoding/, path);
      assert.deepEqual(decoded(r), plain.body, path);
    }
  });

  test('/api/ answers are never compressed, and compressed request bodies are not inflated', async () => {
    const r = await get(s.base, '/api/procedures', { 'accept-encoding': 'gzip, br' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.ok(JSON.parse(r.body.toString('utf8')).procedures.length > 0);
    const body = gzipSync(JSON.stringify({ procedure: { code: '9.000001', version: '1.0.0' } }));
    const post = await get(
      s.base,
      '/api/challenges',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      'POST',
      body,
    );
    assert.ok(post.status >= 400 && post.status < 500, String(post.status));
  });
});
