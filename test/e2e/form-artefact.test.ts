/**
 * The default embed is the fast path (issue 22 point 1): the demo's procedure pages load the
 * procedure's form artefact (`dvc-forms compile --form`, made by the receiver from the file it
 * serves) as their one script, with the bundle and the chunks every form needs preloaded. In
 * Chromium the form becomes usable without fetching the procedure JSON, the loader chunk
 * (meta-schema check) or the runtime ajv compiler, and what it transferred is compressed.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { start, type Running } from './helpers.js';
import { IMMUTABLE } from '../../demo/server/static-assets.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium: () => string | undefined };
const chromiumPath = findChromium();

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const CHUNKS = JSON.parse(
  readFileSync(new URL('../../dist/chunks.json', import.meta.url), 'utf8'),
) as Record<string, { file: string; imports: string[] }>;
const LOADER = `/assets/${CHUNKS['src/procedure/index.ts']!.file}`;
const COMPILER = `/assets/${CHUNKS['src/validation/compiler.ts']!.file}`;

describe(
  'the form artefact on the demo pages',
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let s: Running;
    let browser: Browser;
    before(async () => {
      s = await start({ proceduresDir: SAMPLES });
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });
    after(async () => {
      await browser?.close();
      await s?.close();
    });

    test('the page loads the artefact as its one script and preloads the bundle and chunks', async () => {
      const html = await (await fetch(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`)).text();
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map(
        (m) => m[1],
      );
      assert.equal(scripts.length, 1);
      assert.match(scripts[0]!, /^\/forms\/1\.001193\.form-[0-9a-f]{8}\.min\.js$/);
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)" \/>/g)].map(
        (m) => m[1],
      );
      assert.ok(preloads.includes('/assets/dvc-forms.min.js'));
      assert.ok(preloads.includes(`/assets/${CHUNKS['components/drafts/controller.ts']!.file}`));
      const artefact = await fetch(`${s.base}${scripts[0]}`);
      assert.equal(artefact.status, 200);
      assert.equal(artefact.headers.get('cache-control'), IMMUTABLE);
      assert.equal(artefact.headers.get('content-type'), 'application/javascript; charset=utf-8');
      const source = await artefact.text();
      assert.match(source, /^import \{ provideCompiled \} from "\/assets\/dvc-forms\.min\.js";$/m);
      assert.doesNotMatch(source, /new Function|eval\(/);
      const missing = await fetch(`${s.base}/forms/1.001193.form-00000000.min.js`);
      assert.equal(missing.status, 404);
      await missing.arrayBuffer();
    });

    test('in Chromium the form is usable without the procedure JSON, the loader or the compiler', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const requested: string[] = [];
      const transferred: { path: string; bytes: number; encoding: string | undefined }[] = [];
      page.on('requestfinished', async (r) => {
        const path = new URL(r.url()).pathname;
        requested.push(path);
        const sizes = await r.sizes().catch(() => undefined);
        const headers = await (await r.response())?.allHeaders();
        transferred.push({
          path,
          bytes: (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0),
          encoding: headers?.['content-encoding'],
        });
      });
      await page.goto(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`);
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      assert.ok(!requested.includes('/procedures/dang-ky-khai-sinh.json'), requested.join('\n'));
      assert.ok(!requested.includes(LOADER), requested.join('\n'));
      assert.ok(!requested.includes(COMPILER), requested.join('\n'));
      // Every script and the page itself came compressed.
      for (const t of transferred) {
        if (/\.(js|html)$/.test(t.path)) assert.ok(t.encoding === 'br', `${t.path}: ${t.encoding}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  },
);
