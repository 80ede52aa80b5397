/**
 * The default embed is the fast path (issue 22 point 1): the demo's procedure pages load the
 * procedure's form artefact (`dvc-forms compile --form`, made by the receiver from the file it
 * serves) as their one script, with the bundle preloaded. In Chromium the form becomes usable
 * without fetching the procedure JSON, the loader chunk (meta-schema check), the runtime ajv
 * compiler or json-rules-engine (the artefact's rules are compiled), and on a first visit
 * without the drafts, signing and transport chunks, which load after it; what it transferred is
 * compressed. Before any script has run, the page's own HTML shows the procedure's title, what
 * to prepare and, in the form's place, the form's loading line (issue 22 point 6).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { start, type Running } from './helpers.js';
import { until } from './poll.js';
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
// The form's engine (session, validation runtime, rules: components/form/engine.ts), one lazy
// chunk every form loads before it is ready and every form page preloads (issue 22 round 5).
const FORM_ENGINE = `/assets/${CHUNKS['components/form/engine.ts']!.file}`;
const COMPILER = `/assets/${CHUNKS['src/validation/compiler.ts']!.file}`;
const asset = (id: string) => `/assets/${CHUNKS[id]!.file}`;
/** json-rules-engine's chunk and what it imports besides the bundle and the form's engine. */
const ENGINE = [
  CHUNKS['src/rules/engine-units.ts']!.file,
  ...CHUNKS['src/rules/engine-units.ts']!.imports,
]
  .map((f) => `/assets/${f}`)
  .filter((f) => f !== '/assets/dvc-forms.min.js' && f !== FORM_ENGINE);
const DRAFTS = asset('components/drafts/controller.ts');
// Signing and transport: a chunk the drafts controller imports (rollup names it after submit.ts).
const SIGNING = `/assets/${CHUNKS['components/drafts/controller.ts']!.imports.find((f) => /\/submit-/.test(f))!}`;
// The 3,321 commune codes: a lazy chunk, loaded by the validator of a schema with the 2025
// address formats and preloaded by the page whose artefact needs them (issue 22 round 3).
const COMMUNES = asset('src/data/communes-2025.ts');
// Submit and the payload (components/form/submission.ts): loaded right after ready (issue 22
// round 4), and Submit waits for it when pressed before it has arrived.
const SUBMISSION = asset('components/form/submission.ts');
const PAGE = '/thu-tuc/dang-ky-khai-sinh.html';
// How long the form waits for the browser's answer about the drafts database, read from the
// form's source (importing it would bring the components into this Node test's type check).
const DRAFTS_PROBE_LIMIT_MS = Number(
  /export const DRAFTS_PROBE_LIMIT_MS = (\d+);/.exec(
    readFileSync(new URL('../../components/form/drafts.ts', import.meta.url), 'utf8'),
  )![1],
);
// A sample whose schema has no 2025 commune format (international driving permit).
const NO_ADDRESS_PAGE = '/thu-tuc/cap-giay-phep-lai-xe-quoc-te.html';
/** What these tests read of `<dvc-form>` in the page (the e2e code is not type-checked with the DOM elements). */
interface FormElement {
  settled(): Promise<void>;
  status: string;
  pageId: string;
  shadowRoot: { querySelector(s: string): unknown } | null;
  navigation: { goTo(page: string): Promise<void> };
  draftController?: { ready(): Promise<void> };
}

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe(
  'the form artefact on the demo pages',
  // Skips only without Chromium; npm test installs it before the e2e stage, so never there.
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

    test('the page loads the artefact as its one script and preloads the bundle', async () => {
      const html = await (await fetch(`${s.base}/thu-tuc/dang-ky-khai-sinh.html`)).text();
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map(
        (m) => m[1],
      );
      assert.equal(scripts.length, 1);
      assert.match(scripts[0]!, /^\/forms\/1\.001193\.form-[0-9a-f]{8}\.min\.js$/);
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)" \/>/g)].map(
        (m) => m[1],
      );
      // The bundle, the form's engine and the commune codes this procedure's address questions
      // need before the form is ready; the drafts and signing chunks wait until it is usable.
      assert.deepEqual(preloads, ['/assets/dvc-forms.min.js', FORM_ENGINE, COMMUNES]);
      const other = await (await fetch(`${s.base}${NO_ADDRESS_PAGE}`)).text();
      assert.deepEqual(
        [...other.matchAll(/<link rel="modulepreload" href="([^"]+)" \/>/g)].map((m) => m[1]),
        ['/assets/dvc-forms.min.js', FORM_ENGINE],
      );
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

    test('in Chromium the form is usable without the procedure JSON, the loader, the compiler or json-rules-engine', async () => {
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
        // The context closes after the assertions while late listeners may still be reading a
        // response: that read then fails, and must not fail the file (entries pushed after the
        // assertions are not checked anyway).
        const sizes = await r.sizes().catch(() => undefined);
        const response = await r.response().catch(() => null);
        const headers = await response?.allHeaders().catch(() => undefined);
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
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).settled(),
      );
      // Every rule of the sample is compiled: the engine is never fetched, not even after.
      for (const f of ENGINE) assert.ok(!requested.includes(f), `${f}\n${requested.join('\n')}`);
      // Every script and the page itself came compressed.
      for (const t of transferred) {
        if (/\.(js|html)$/.test(t.path)) assert.ok(t.encoding === 'br', `${t.path}: ${t.encoding}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the core holds neither the commune codes nor the runtime compiler: they are lazy chunks', () => {
      const core = readFileSync(new URL('../../dist/dvc-forms.min.js', import.meta.url), 'utf8');
      const chunk = readFileSync(
        new URL(`../../dist${COMMUNES.slice('/assets'.length)}`, import.meta.url),
        'utf8',
      );
      // The first 40 digits of COMMUNE_CODES_2025: in the chunk, never in the core.
      const head = '0000400008000250007000082000910009700103';
      assert.ok(chunk.includes(head));
      assert.ok(!core.includes(head), 'the commune codes are back in dist/dvc-forms.min.js');
      // The validator that loads them is in the form's engine chunk (round 5).
      const engine = readFileSync(
        new URL(`../../dist${FORM_ENGINE.slice('/assets'.length)}`, import.meta.url),
        'utf8',
      );
      assert.ok(engine.includes(`import("./${COMMUNES.slice('/assets/chunks/'.length)}")`));
      // By module, from the bundle's source map: these are lazy chunks, never in the core.
      const map = JSON.parse(
        readFileSync(new URL('../../dist/dvc-forms.min.js.map', import.meta.url), 'utf8'),
      ) as { sources: string[] };
      const inCore = map.sources.map((src) => src.replace(/^(\.\.\/)+/, ''));
      for (const lazy of [
        'src/data/communes-2025.ts',
        'components/address-field/address-field.ts',
        'components/repeat-group/repeat-group.ts',
        'src/validation/compiler.ts',
        'src/procedure/index.ts',
        // Needed only after the first page is usable (round 4): Submit and the payload, and the
        // upload catalog (the form keeps its two document messages, document-messages.ts).
        'components/form/submission.ts',
        'components/upload/messages.ts',
        // The drafts database code (idb) comes with the drafts chunk; the core knows its name.
        'components/drafts/db.ts',
        'node_modules/idb/build/index.js',
      ])
        assert.ok(!inCore.includes(lazy), `${lazy} is back in dist/dvc-forms.min.js`);
      assert.ok(inCore.includes('components/form/form.ts'), inCore.join('\n'));
    });

    test('the core holds lit, the elements and the form shell; the engine is one lazy chunk beside it', () => {
      const sources = (file: string) =>
        (
          JSON.parse(readFileSync(new URL(`../../dist/${file}.map`, import.meta.url), 'utf8')) as {
            sources: string[];
          }
        ).sources.map((src) => src.replace(/^(\.\.\/)+/, ''));
      const inCore = sources('dvc-forms.min.js');
      const inEngine = sources(FORM_ENGINE.slice('/assets/'.length));
      // What the form needs once it has a procedure (issue 22 round 5): never in the core, all in
      // the one engine chunk, so a form page fetches it with one request beside the bundle.
      for (const moved of [
        'src/session/session.ts',
        'src/session/model.ts',
        'src/validation/index.ts',
        'src/validation/runtime.ts',
        'src/validation/messages.ts',
        'src/validation/problems.ts',
        'src/validation/formats.ts',
        'src/rules/index.ts',
        'src/rules/compiled.ts',
        'src/rules/conditions.ts',
        'src/files/checks.ts',
        'src/jcs/canonicalize.ts',
        'src/submission/payload.ts',
        'node_modules/ajv-formats/dist/formats.js',
        // What the form reads off the data schema: a form has the engine before any question.
        'src/session/schema-reading.ts',
        'src/procedure/schema-paths.ts',
      ]) {
        assert.ok(!inCore.includes(moved), `${moved} is back in dist/dvc-forms.min.js`);
        assert.ok(inEngine.includes(moved), `${moved} is not in the engine chunk`);
      }
      // The core keeps the shell and what the fields render with.
      for (const kept of [
        'components/form/form.ts',
        'components/text-field/text-field.ts',
        'src/session/journey.ts',
      ])
        assert.ok(inCore.includes(kept), `${kept} left the core`);
      // The engine needs nothing but the core: one request, not a chain of shared chunks.
      assert.deepEqual(CHUNKS['components/form/engine.ts']!.imports, ['dvc-forms.min.js']);
      // The core imports no chunk statically: the page's one script is still one file.
      const core = readFileSync(new URL('../../dist/dvc-forms.min.js', import.meta.url), 'utf8');
      assert.doesNotMatch(core, /(^|[;}])\s*import\s*[{*\w"]/);
      // Elements used alone never fetch the engine: the status lookup and the receipt.
      for (const alone of [
        'components/status-lookup/status-lookup.ts',
        'components/receipt/receipt.ts',
      ])
        assert.ok(
          !CHUNKS[alone]!.imports.includes(FORM_ENGINE.slice('/assets/'.length)),
          `${alone} imports the form engine`,
        );
    });

    test('with the engine chunk held back the form stays loading, and is ready once it arrives', async () => {
      const context = await browser.newContext();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held = 0;
      await context.route(`**${FORM_ENGINE}`, async (route) => {
        held++;
        await released;
        await route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${s.base}${PAGE}`);
      // Without the engine no check can answer: the form shows its loading line, never a field.
      const whileHeld = await page.evaluate(async () => {
        await customElements.whenDefined('dvc-form');
        await new Promise((r) => setTimeout(r, 800));
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        return { status: form.status, field: !!form.shadowRoot?.querySelector('[data-path]') };
      });
      // The request reaches this process through the browser's protocol: wait for it.
      await until('the engine chunk to be requested', () => held > 0, 10_000);
      assert.deepEqual(whileHeld, { status: 'loading', field: false });
      release();
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      const status = await page.evaluate(async () => {
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        await form.settled();
        return form.status;
      });
      assert.equal(status, 'ready');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('an engine chunk that cannot load is a dvc-error engine with the error page, and Try again loads it', async () => {
      const context = await browser.newContext();
      let refuse = true;
      await context.route(`**${FORM_ENGINE}`, (route) =>
        refuse ? route.abort() : route.continue(),
      );
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener(
          'dvc-error',
          (e) => {
            (window as unknown as { dvcErrors: unknown[] }).dvcErrors ??= [];
            (window as unknown as { dvcErrors: unknown[] }).dvcErrors.push(
              (e as CustomEvent<{ code: string }>).detail.code,
            );
          },
          true,
        );
      });
      await page.goto(`${s.base}${PAGE}`);
      await page
        .locator('dvc-form')
        .getByRole('heading', { name: 'Không tải được biểu mẫu' })
        .waitFor();
      assert.deepEqual(
        await page.evaluate(() => ({
          status: (document.querySelector('dvc-form') as unknown as FormElement).status,
          codes: (window as unknown as { dvcErrors?: unknown[] }).dvcErrors,
        })),
        { status: 'error', codes: ['engine'] },
      );
      refuse = false;
      await page.locator('dvc-form').getByRole('button', { name: 'Thử lại' }).click();
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      assert.equal(
        await page.evaluate(async () => {
          const form = document.querySelector('dvc-form') as unknown as FormElement;
          await form.settled();
          return form.status;
        }),
        'ready',
      );
      await context.close();
    });

    test('the address field arrives after the first page is usable and works in the form', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${s.base}${PAGE}`);
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      // settled() waits for the lazy elements the procedure uses: the address field is then
      // defined, and an address question renders its province list.
      const defined = await page.evaluate(async () => {
        await (document.querySelector('dvc-form') as unknown as FormElement).settled();
        return {
          address: customElements.get('dvc-address-field') !== undefined,
          group: customElements.get('dvc-repeat-group') !== undefined,
        };
      });
      // The birth registration has address questions and no repeat group.
      assert.deepEqual(defined, { address: true, group: false });
      const rendered = await page.evaluate(async () => {
        const field = document.createElement('dvc-address-field') as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        field.setAttribute('label', 'Địa chỉ');
        document.body.append(field);
        await field.updateComplete;
        return field.shadowRoot !== null && field.shadowRoot.querySelector('select') !== null;
      });
      assert.equal(rendered, true);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('an address procedure waits for the commune codes before ready', async () => {
      const context = await browser.newContext();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held = false;
      await context.route(`**${COMMUNES}`, async (route) => {
        held = true;
        await released;
        await route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${s.base}${PAGE}`);
      // Without the codes the validator cannot answer: the form stays loading, never usable
      // with a check that would throw (or guess) on the first commune typed.
      const statusWhileHeld = await page.evaluate(async () => {
        await customElements.whenDefined('dvc-form');
        await new Promise((r) => setTimeout(r, 800));
        return (document.querySelector('dvc-form') as unknown as FormElement).status;
      });
      await until('the commune codes to be requested', () => !!held, 10_000);
      assert.equal(statusWhileHeld, 'loading');
      release();
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      const status = await page.evaluate(async () => {
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        await form.settled();
        return form.status;
      });
      assert.equal(status, 'ready');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a procedure without the 2025 address formats never fetches the commune codes', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${s.base}${NO_ADDRESS_PAGE}`);
      await page.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).settled(),
      );
      assert.ok(!requested.includes(COMMUNES), requested.join('\n'));
      await context.close();
    });

    test('on a first visit the first field is usable while the drafts, signing and submission chunks are held back', async () => {
      const context = await browser.newContext();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held: string[] = [];
      for (const chunk of [DRAFTS, SIGNING, SUBMISSION])
        await context.route(`**${chunk}`, async (route) => {
          held.push(chunk);
          await released;
          await route.continue();
        });
      const page = await context.newPage();
      await page.goto(`${s.base}${PAGE}`);
      // Usable: the first question (a radio group on this page) takes a choice, with both
      // chunks still waiting (a form that awaited them would never get here).
      const first = page.locator('dvc-form [data-path] input').first();
      await first.focus();
      await first.check();
      assert.equal(await first.isChecked(), true);
      const controllerBefore = await page.evaluate(
        () =>
          (document.querySelector('dvc-form') as unknown as FormElement).draftController !==
          undefined,
      );
      assert.equal(controllerBefore, false);
      release();
      // Then they load, and settled() waits for them: the controller is there afterwards.
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).settled(),
      );
      assert.deepEqual(held.sort(), [DRAFTS, SIGNING, SUBMISSION].sort());
      assert.equal(
        await page.evaluate(
          () =>
            (document.querySelector('dvc-form') as unknown as FormElement).draftController !==
            undefined,
        ),
        true,
      );
      await context.close();
    });

    test('Submit pressed before the submission chunk has arrived waits for it, then checks the answers', async () => {
      const context = await browser.newContext();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let requested = false;
      await context.route(`**${SUBMISSION}`, async (route) => {
        requested = true;
        await released;
        await route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${s.base}${PAGE}`);
      await page.evaluate(() =>
        document.querySelector('dvc-form')!.addEventListener('dvc-error', (e) => {
          (window as unknown as { dvcErrors: unknown[] }).dvcErrors ??= [];
          (window as unknown as { dvcErrors: unknown[] }).dvcErrors.push(
            (e as CustomEvent<{ code: string }>).detail.code,
          );
        }),
      );
      await page.waitForFunction(
        () => (document.querySelector('dvc-form') as unknown as FormElement).status === 'ready',
      );
      // The review page (its own chunk, not held) with its Submit button, the chunk still held.
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).navigation.goTo('review'),
      );
      const submit = page.locator('dvc-form .buttons button.primary');
      await submit.waitFor();
      assert.equal(requested, true);
      await submit.click();
      await page.waitForTimeout(300);
      // Waiting: nothing has moved, nothing has failed.
      const before = await page.evaluate(() => {
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        return {
          page: form.pageId,
          summary: !!form.shadowRoot!.querySelector('dvc-error-summary'),
          errors: (window as unknown as { dvcErrors?: unknown[] }).dvcErrors ?? [],
        };
      });
      assert.deepEqual(before, { page: 'review', summary: false, errors: [] });
      release();
      // Then the click is carried out: the empty birth form cannot be sent, and says why.
      await page.waitForFunction(() => {
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        return form.pageId !== 'review' || !!form.shadowRoot!.querySelector('dvc-error-summary');
      });
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { dvcErrors?: unknown[] }).dvcErrors ?? []),
        [],
      );
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a submission chunk that cannot load is a dvc-error, and Submit says the dossier was not sent', async () => {
      const context = await browser.newContext();
      await context.route(`**${SUBMISSION}`, (route) => route.abort());
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener(
          'dvc-error',
          (e) => {
            (window as unknown as { dvcErrors: unknown[] }).dvcErrors ??= [];
            (window as unknown as { dvcErrors: unknown[] }).dvcErrors.push(
              (e as CustomEvent<{ code: string }>).detail.code,
            );
          },
          true,
        );
      });
      await page.goto(`${s.base}${PAGE}`);
      // The form is usable and settles: a missing submission chunk costs Submit, not the form.
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).settled(),
      );
      assert.equal(
        await page.evaluate(
          () => (document.querySelector('dvc-form') as unknown as FormElement).status,
        ),
        'ready',
      );
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { dvcErrors?: unknown[] }).dvcErrors),
        ['submit'],
      );
      await page.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).navigation.goTo('review'),
      );
      await page.locator('dvc-form .buttons button.primary').click();
      await page.locator('dvc-form dvc-error-summary').waitFor();
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { dvcErrors?: unknown[] }).dvcErrors),
        ['submit', 'submit'],
      );
      await context.close();
    });

    test('with a draft on the device the drafts chunk is in place before the form is ready; with an empty drafts database it is not waited for', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${s.base}${PAGE}`);
      // The first visit's controller creates the database (its draft lookup opens it), empty.
      await page.evaluate(async () => {
        const form = document.querySelector('dvc-form') as unknown as FormElement;
        await form.settled();
        await form.draftController!.ready();
      });
      const names = await page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name),
      );
      assert.ok(names.includes('dvc-forms-drafts'), names.join(', '));
      let release!: () => void;
      let released = new Promise<void>((r) => (release = r));
      let requested = false;
      await context.route(`**${DRAFTS}`, async (route) => {
        requested = true;
        await released;
        await route.continue();
      });
      // How long the browser took to answer the form's drafts probe (`draftsMayWait`, the first
      // open of the drafts database on a page): past DRAFTS_PROBE_LIMIT_MS the form goes on
      // without the drafts by design, which a loaded CI machine can cause now and then.
      // A string, not a function: tsx would add helpers the page does not have.
      await context.addInitScript(`{
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = function (...args) {
          const request = open.apply(this, args);
          if (args[0] === 'dvc-forms-drafts' && !('__probeMs' in window)) {
            const started = performance.now();
            window.__probeMs = -1;
            for (const type of ['success', 'upgradeneeded', 'error', 'blocked'])
              request.addEventListener(type, function () {
                if (window.__probeMs === -1) window.__probeMs = Math.round(performance.now() - started);
              });
          }
          return request;
        };
      }`);
      /**
       * The form's status while the drafts chunk is held (`ready` as soon as it gets there, else
       * what it is 500 ms after it started loading), whether settled() was over by then, and how
       * long the drafts probe took (-1: not answered).
       */
      const whileHeld = async (p: Page) =>
        p.evaluate(async () => {
          const form = document.querySelector('dvc-form') as unknown as FormElement;
          await customElements.whenDefined('dvc-form');
          let settled = false;
          void form.settled().then(() => (settled = true));
          for (let i = 0; i < 50 && form.status !== 'loading'; i++)
            await new Promise((r) => setTimeout(r, 20));
          // A loaded machine may take a while to get there: up to 10 s (a held chunk: all of it).
          for (let i = 0; i < 200 && form.status === 'loading'; i++)
            await new Promise((r) => setTimeout(r, 50));
          if (form.status === 'loading')
            return {
              status: form.status,
              settled,
              probeMs: (window as unknown as { __probeMs?: number }).__probeMs,
            };
          await new Promise((r) => setTimeout(r, 500));
          return {
            status: form.status,
            settled,
            probeMs: (window as unknown as { __probeMs?: number }).__probeMs,
          };
        });
      // Nothing kept: nothing to offer, so the form is ready without the drafts chunk, and
      // settled() still waits for it (the controller is in place when it resolves).
      const second = await context.newPage();
      await second.goto(`${s.base}${PAGE}`);
      const empty = await whileHeld(second);
      assert.deepEqual(
        { status: empty.status, settled: empty.settled },
        { status: 'ready', settled: false },
        `empty database: ${JSON.stringify(empty)}`,
      );
      // The request reaches this process through the browser's protocol: on a loaded machine
      // that can come later than the 500 ms whileHeld waits after ready.
      await until(
        'the drafts chunk to be requested once the form was ready',
        () => !!requested,
        10_000,
      );
      release();
      assert.equal(
        await second.evaluate(async () => {
          const form = document.querySelector('dvc-form') as unknown as FormElement;
          await form.settled();
          return !!form.draftController;
        }),
        true,
      );
      // Keep a draft: an answer, and "yes" to keeping it on this device.
      await second.locator('dvc-form input[type="radio"]').first().check();
      await second.locator('dvc-form [data-consent="yes"]').click();
      await second.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('dvc-forms-drafts');
            open.onsuccess = () => {
              const q = open.result.transaction('drafts').objectStore('drafts').count();
              q.onsuccess = () => {
                open.result.close();
                resolve(q.result > 0);
              };
            };
          }),
        null,
        { polling: 100 },
      );
      await second.close();
      // A resume offer is waiting: the form stays on "loading" until the chunk is here. A probe
      // the browser answered too late (a loaded machine) is the other, designed path (the
      // drafts load after ready, test/components/form/start-up-path.test.ts): open the page
      // again, up to three times, rather than assert that path here.
      let again!: Page;
      let held!: Awaited<ReturnType<typeof whileHeld>>;
      for (let attempt = 1; attempt <= 3; attempt++) {
        requested = false;
        released = new Promise<void>((r) => (release = r));
        again = await context.newPage();
        await again.goto(`${s.base}${PAGE}`);
        held = await whileHeld(again);
        if (held.probeMs !== undefined && held.probeMs >= 0 && held.probeMs < DRAFTS_PROBE_LIMIT_MS)
          break;
        if (attempt === 3) break;
        release();
        await again.close();
      }
      assert.deepEqual(
        { status: held.status, settled: held.settled },
        { status: 'loading', settled: false },
        `a draft kept: ${JSON.stringify(held)}`,
      );
      assert.ok(requested, 'the drafts chunk was requested before the form was ready');
      release();
      await again.evaluate(() =>
        (document.querySelector('dvc-form') as unknown as FormElement).settled(),
      );
      assert.equal(
        await again.evaluate(
          () => (document.querySelector('dvc-form') as unknown as FormElement).status,
        ),
        'ready',
      );
      await context.close();
    });

    test("without script the page shows the title, what to prepare and the form's first page", async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${s.base}${PAGE}`);
      assert.equal(await page.locator('main h1').innerText(), 'Đăng ký khai sinh');
      const prepare = page.locator('main h2', { hasText: 'Chuẩn bị trước' });
      assert.equal(await prepare.isVisible(), true);
      assert.deepEqual(await page.locator('main h2 + ul > li').allInnerTexts(), [
        'Giấy chứng sinh (bản chụp hoặc bản điện tử)',
        'Số định danh cá nhân của cha, mẹ hoặc người đi đăng ký',
      ]);
      // The form's first page, rendered by the receiver (test/e2e/first-page.test.ts), in place of
      // a loading line: its heading and questions, and a notice that the form needs JavaScript.
      const first = page.locator('dvc-form > .dvc-first-page');
      assert.equal(await first.locator('h2').innerText(), 'Kiểm tra trường hợp của bạn');
      assert.match(await first.locator('[role="status"]').innerText(), /bật JavaScript/);
      await context.close();
      // With script, the form's shadow root takes the place: the plain page is gone.
      const live = await browser.newContext();
      const withScript = await live.newPage();
      await withScript.goto(`${s.base}${PAGE}`);
      await withScript.locator('dvc-form').getByRole('button', { name: 'Tiếp tục' }).waitFor();
      assert.equal(await withScript.locator('dvc-form > .dvc-first-page').count(), 0);
      await live.close();
    });
  },
);
