// The README's embed page (readme-site.ts: the README's snippet, `compile` command and
// Content-Security-Policy header on a static site of one's own) in each engine (DVC_E2E_ENGINE;
// scripts/test.mjs runs it in Chromium, Firefox ESR and WebKit): the form takes the place of the
// loading line with its first step, under the README's policy with no violation and no error;
// and under a CMS's `default-src 'self'` with what the README says such a policy must add, the
// components' styles apply and the preview of an attached photo shows.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import { lastRead } from './poll.js';
import { PROCEDURE, ROOT, readmeSite, type ReadmeSite } from './readme-site.js';

/** A real 2 × 2 PNG (red): a photo the browser can decode for its preview. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What the README says a policy with `default-src` must add. */
const README_DEFAULT_SRC_ADDS = [
  ...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(
    /policy with `default-src`[\s\S]*?needs `([^`]+)`/g,
  ),
].map((m) => m[1]);

const FIRST_STEP = (
  JSON.parse(readFileSync(PROCEDURE, 'utf8')) as { ui: { steps: { title: { vi: string } }[] } }
).ui.steps[0].title.vi;

describe(`the README's embed page in ${ENGINE}`, () => {
  let receiver: Running;
  let site: ReadmeSite;
  let page: EnginePage;

  before(async () => {
    receiver = await start({ proceduresDir: join(ROOT, 'schemas/procedures/') });
    site = await readmeSite(receiver.base);
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await site?.close();
    await receiver?.close();
  });

  test('the form shows its first step under the README policy, with no violation', async () => {
    await page.goto(`${site.base}/`);
    await page.waitFor('dvc-form >>> #page-heading', { text: FIRST_STEP, timeout: 20_000 });
    assert.deepEqual(await page.errors(), []);
    assert.deepEqual(
      site.requests.filter((r) => r.status === 404 && r.path !== '/favicon.ico'),
      [],
    );
  });

  test("under a CMS's default-src 'self' with the README's additions, styles apply and a photo's preview shows", async () => {
    // The document slot of the README's procedure that takes photos, on a page of the site
    // that loads the artefact compile wrote (the README's one script).
    const slot = (
      JSON.parse(readFileSync(PROCEDURE, 'utf8')) as {
        documents: { accept?: string[] }[];
      }
    ).documents.find((d) => d.accept?.includes('image/png') ?? true);
    writeFileSync(join(site.dir, 'photo.png'), png());
    writeFileSync(
      join(site.dir, 'upload.js'),
      `document.querySelector('dvc-upload').spec = ${JSON.stringify(slot)};`,
    );
    writeFileSync(
      join(site.dir, 'upload.html'),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8" />` +
        `<script type="module" src="/${site.printed[0]}"></script>` +
        `<script type="module" src="/upload.js"></script></head>` +
        `<body><dvc-upload></dvc-upload></body></html>`,
    );
    const readme = site.policy;
    assert.deepEqual(README_DEFAULT_SRC_ADDS, ["img-src 'self' blob:"]);
    site.policy = `default-src 'self'; ${readme}; ${README_DEFAULT_SRC_ADDS.join('; ')}`;
    try {
      await page.goto(`${site.base}/upload.html`);
      await page.waitFor('dvc-upload >>> #control', { timeout: 20_000 });
      await page.setFiles('dvc-upload >>> #control', [join(site.dir, 'photo.png')]);
      await page.waitFor('dvc-upload >>> img.thumb', { timeout: 20_000 });
      const shown = async () =>
        page.evaluate(() => {
          const upload = document.querySelector('dvc-upload')!.shadowRoot!;
          const img = upload.querySelector<HTMLImageElement>('img.thumb')!;
          return {
            // The constructed stylesheets apply under style-src 'self' (from default-src).
            legendWeight: getComputedStyle(upload.querySelector('legend')!).fontWeight,
            loaded: img.complete ? img.naturalWidth : -1,
          };
        });
      const state = await lastRead(shown, (s) => s.loaded >= 0, 5_000);
      assert.deepEqual(state, { legendWeight: '700', loaded: 2 });
      assert.deepEqual(await page.errors(), []);
    } finally {
      site.policy = readme;
    }
  });

  /** The README's page as `name`, with the artefact's script tag replaced by `tags(tag)`. */
  function variant(name: string, tags: (artefactTag: string) => string): string {
    const index = readFileSync(join(site.dir, 'index.html'), 'utf8');
    const artefactTag = `<script type="module" src="/${site.printed[0]}"></script>`;
    assert.ok(index.includes(artefactTag));
    writeFileSync(join(site.dir, name), index.replace(artefactTag, tags(artefactTag)));
    return `${site.base}/${name}`;
  }

  test("the bundle loaded twice (a CMS's ?ver= on a second tag): the form's load failure, and the console says so", async () => {
    // A second tag for the bundle under another URL, before the artefact (which imports the
    // plain URL, as every chunk does): the ?ver copy defines the elements, the plain one is the
    // second copy. Under the README's policy it could not create lit's Trusted Types policy, and
    // the form stayed on its loading line for ever with nothing in the page.
    await page.goto(
      variant(
        'twice.html',
        (tag) => `<script type="module" src="/assets/dvc-forms.min.js?ver=6.4"></script>\n${tag}`,
      ),
    );
    await page.waitFor('dvc-form >>> h2', { text: 'Không tải được biểu mẫu', timeout: 20_000 });
    assert.deepEqual(await page.texts('dvc-form >>> h2'), ['Không tải được biểu mẫu']);
    // WebKit's classic WebDriver sees no uncaught error before the page's load (engines.ts);
    // Firefox prefixes the error's name.
    if (ENGINE !== 'webkit')
      assert.ok(
        (await page.errors())
          .map((e) => e.replace(/^Error: /, ''))
          .includes(
            `dvc-forms was loaded twice, now from ${site.base}/assets/dvc-forms.min.js; load it once`,
          ),
        String(await page.errors()),
      );
  });

  test('a classic <script src> (no type="module"): the citizen reads what to do, the console why', async () => {
    // What a CMS's script enqueuer writes (WordPress's wp_enqueue_script). The artefact cannot
    // run as a classic script (its first line is a syntax error there) and nothing of the form can
    // say so: the README's fallback inside <dvc-form> is what the person reads. With the bare
    // loading line it said "loading" for ever.
    const earlier = (await page.errors()).length;
    await page.goto(variant('classic.html', () => `<script src="/${site.printed[0]}"></script>`));
    await page.waitFor('dvc-form > p', { text: 'Đang tải biểu mẫu…' });
    assert.deepEqual(await page.texts('dvc-form > p'), [
      'Đang tải biểu mẫu…',
      'Nếu biểu mẫu không hiện ra sau ít phút, bạn hãy tải lại trang hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa.',
    ]);
    // The console's line, as the README quotes it for a webmaster to search (WebKit's classic
    // WebDriver sees no error before the page's load: engines.ts).
    if (ENGINE !== 'webkit')
      assert.deepEqual(
        (await page.errors()).slice(earlier).map((e) => e.replace(/^SyntaxError: /, '')),
        [
          ENGINE === 'firefox'
            ? 'export declarations may only appear at top level of a module'
            : "Unexpected token 'export'",
        ],
      );
  });
});
