// The static Storybook (`npm run build-storybook` → storybook-static/) is what designers open
// without a dev server. It once built without an error while every story was blank: the
// package's `sideEffects` list let the bundler drop the component modules, so no `dvc-*`
// element was ever defined. This test serves the built folder over HTTP and opens every story
// listed in index.json in Chromium: each must render a defined `dvc-*` element whose shadow
// root has content, with no uncaught error.
//
// Needs storybook-static/ (scripts/test.mjs builds it first in its `storybook` stage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const ROOT = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const index = existsSync(join(ROOT, 'index.json'))
  ? (JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as {
      entries: Record<string, Entry>;
    })
  : undefined;
const stories = Object.values(index?.entries ?? {}).filter((e) => e.type === 'story');

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  assert.ok(index, 'storybook-static/index.json is missing: run `npm run build-storybook` first');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(ROOT, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    if (statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // The hashed assets are immutable: each story page reuses them from the cache.
      'cache-control': path.startsWith('/assets/') ? 'max-age=3600, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('index.json lists the stories, and story names keep their Vietnamese diacritics', () => {
  assert.ok(stories.length >= 100, `only ${stories.length} stories`);
  const names = new Map(stories.map((s) => [s.id, s.name]));
  assert.equal(names.get('procedures-sample-procedures--dang-ky-khai-sinh'), 'Đăng ký khai sinh');
  assert.equal(
    names.get('procedures-sample-procedures--cap-giay-phep-lai-xe-quoc-te'),
    'Cấp giấy phép lái xe quốc tế',
  );
});

test('every sample procedure of schemas/procedures/ has its stories, named after it', () => {
  const dir = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
  const titles = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
    .map(
      (f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: { vi: string } }).title.vi,
    );
  const names = stories
    .filter((s) => s.title === 'Procedures/Sample procedures')
    .map((s) => s.name);
  // The start of each journey, and its review page.
  const missing = titles
    .flatMap((t) => [t, `${t}: trang xem lại`])
    .filter((n) => !names.includes(n));
  assert.deepEqual(missing, []);
  // Every story there is named after its procedure (not CSF's "Dang Ky Khai Sinh Review").
  assert.deepEqual(
    names.filter((n) => !titles.some((t) => n === t || n.startsWith(`${t}: `))),
    [],
  );
});

/** What a dvc-* element of the story's canvas shows. */
interface Rendered {
  tag: string;
  shadowText: number;
  shadowElements: number;
}

test('every story of the static build renders its dvc-* element with content', async () => {
  // A few pages at a time: each story loads the preview bundle anew, as a designer's link does.
  const context = await browser.newContext();
  const queue = [...stories];
  const failures: string[] = [];
  const worker = async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (let story = queue.shift(); story; story = queue.shift()) {
      errors.length = 0;
      const label = `${story.title} / ${story.name} (${story.id})`;
      try {
        await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
        const handle = await page.waitForFunction(
          () => {
            const root = document.querySelector('#storybook-root');
            const all = [...(root?.querySelectorAll('*') ?? [])].filter((e) =>
              e.localName.startsWith('dvc-'),
            );
            // Every dvc-* element must be defined; one of them (the story's) must have content.
            if (all.length === 0 || all.some((e) => !customElements.get(e.localName)))
              return undefined;
            const found: Rendered[] = all.map((el) => ({
              tag: el.localName,
              shadowText: el.shadowRoot?.textContent?.trim().length ?? 0,
              shadowElements: el.shadowRoot?.querySelectorAll('*').length ?? 0,
            }));
            return found.find((r) => r.shadowElements > 0 && r.shadowText > 0);
          },
          undefined,
          { timeout: 10_000, polling: 100 },
        );
        await handle.dispose();
        if (errors.length) failures.push(`${label}: ${errors.join('; ')}`);
      } catch (e) {
        const seen = await page
          .evaluate(() => document.querySelector('#storybook-root')?.innerHTML.slice(0, 200))
          .catch(() => '?');
        failures.push(`${label}: ${(e as Error).message.split('\n')[0]} — root: ${seen}`);
      }
    }
    await page.close();
  };
  // A broken build breaks every story: stop after a few instead of waiting out each timeout.
  const giveUp = setInterval(() => {
    if (failures.length >= 6) queue.length = 0;
  }, 200);
  await Promise.all([worker(), worker(), worker()]);
  clearInterval(giveUp);
  await context.close();
  assert.deepEqual(failures, []);
});
