// Main-thread cost per keystroke with the draft kept on the device ("Lưu trên thiết bị này"
// pressed), which `npm run bench -- --only keys` never presses: each change is then sealed ahead
// (components/drafts/seal-ahead.ts) on top of the form's own work. Chromium, CPU throttled
// (CDP Emulation.setCPUThrottlingRate, 4x by default), on the bench's generated procedures.
//
//   node bench/drafts-keys.mjs [--before <dir>] [--fields 200,1000] [--runs 5] [--keys 20] [--throttle 4]
//
// `--before <dir>`: a directory holding another build's `dist/` (e.g. `git worktree add` of the
// commit before, built): its page is measured too, the two taking turns run by run so a change
// in machine load hits both. Per run: the renderer main thread's busy time (CDP
// Performance.getMetrics TaskDuration) while `--keys` digits are typed 250 ms apart into the
// first question and for 1.5 s after the last one (the debounced save and the last sealing),
// minus the same span measured idle just before, divided by the keys; and, timed in the page,
// the drafts' own synchronous work per key (DraftController.pending and DraftStore.sealAhead up
// to its first await). Prints medians and the load average; never part of `npm test`, no
// timing is asserted.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { dvcRoutes, generateProcedure } from './lib/generate.mjs';
import { startServer } from './lib/server.mjs';
import { median, round } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const FIELDS = arg('fields', '200,1000').split(',').map(Number);
const RUNS = Number(arg('runs', '5'));
const KEYS = Number(arg('keys', '20'));
const THROTTLE = Number(arg('throttle', '4'));
const BEFORE = arg('before');
const GAP_MS = 250;
/** `--no-consent`: the question left unanswered, as `npm run bench -- --only keys` does. */
const NO_CONSENT = args.includes('--no-consent');
const TAIL_MS = 1500;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A server of one build (its own origin, so its own IndexedDB) for every size. */
async function serve(root) {
  // This checkout's compiler for both: the drafts differ, not the compiled form.
  const engine = await import(`${ROOT}dist/engine.js`);
  const routes = {};
  for (const n of FIELDS) {
    const text = JSON.stringify(generateProcedure(n), null, 2);
    Object.assign(routes, await dvcRoutes(n, text, { dist: `${root}/dist`, engine }));
  }
  return startServer(root, routes);
}

async function busyMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/** One run: the page loaded, consent given, then idle and typing spans measured. */
async function run(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__benchUsable !== undefined, null, { timeout: 120_000 });
  await page.evaluate(() => document.querySelector('dvc-form').settled());
  if (NO_CONSENT) {
    await page.evaluate(() => {
      const form = document.querySelector('dvc-form');
      const input = form.shadowRoot.getElementById('field-f0').shadowRoot.querySelector('input');
      input.focus();
    });
    return measure(page, cdp, errors, url);
  }
  await page
    .locator('dvc-form')
    .getByRole('button', { name: 'Lưu trên thiết bị này' })
    .click({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('dvc-form').draftController?.phase === 'active',
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => {
    const form = document.querySelector('dvc-form');
    const input = form.shadowRoot.getElementById('field-f0').shadowRoot.querySelector('input');
    input.focus();
  });
  // The drafts' own synchronous work, timed in the page: `pending()` (the change: answers
  // cloned, paths compared, labels) and the part of `sealAhead` before its first await (the
  // record built and serialized for encryption). The encryption itself is off the main thread.
  await page.evaluate(async () => {
    const ctl = document.querySelector('dvc-form').draftController;
    const store = await ctl.openStore();
    const spent = (window.__drafts = { pending: 0, seal: 0, calls: 0, seals: 0 });
    const pending = ctl.pending.bind(ctl);
    ctl.pending = (...a) => {
      const t = performance.now();
      const r = pending(...a);
      spent.pending += performance.now() - t;
      spent.calls++;
      return r;
    };
    const sealAhead = store.sealAhead.bind(store);
    store.sealAhead = (...a) => {
      const t = performance.now();
      const r = sealAhead(...a);
      spent.seal += performance.now() - t;
      spent.seals++;
      return r;
    };
  });
  return measure(page, cdp, errors, url);
}

async function measure(page, cdp, errors, url) {
  await sleep(1000);
  const span = KEYS * GAP_MS + TAIL_MS;
  const idle0 = await busyMs(cdp);
  await sleep(span);
  const idle = (await busyMs(cdp)) - idle0;
  // Focused right before the keys (the kept bar's rendering may have moved it), its value noted.
  const before = await page.evaluate(() => {
    const form = document.querySelector('dvc-form');
    const input = form.shadowRoot.getElementById('field-f0').shadowRoot.querySelector('input');
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    return input.value.length;
  });
  const typed0 = await busyMs(cdp);
  for (let i = 0; i < KEYS; i++) {
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: '1',
      code: 'Digit1',
      text: '1',
      windowsVirtualKeyCode: 49,
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: '1',
      code: 'Digit1',
      windowsVirtualKeyCode: 49,
    });
    await sleep(GAP_MS);
  }
  await sleep(TAIL_MS);
  const typed = (await busyMs(cdp)) - typed0;
  const drafts = await page.evaluate(() => window.__drafts);
  const after = await page.evaluate(
    () =>
      document
        .querySelector('dvc-form')
        .shadowRoot.getElementById('field-f0')
        .shadowRoot.querySelector('input').value.length,
  );
  // Every key reached the field, or the run measured nothing (and is not counted).
  if (after - before !== KEYS) errors.push(`${after - before} of ${KEYS} keys reached the field`);
  const sealed =
    NO_CONSENT ||
    (await page.evaluate(
      () => document.querySelector('dvc-form').draftController?.phase === 'active',
    ));
  await page.close();
  if (errors.length > 0 || !sealed) throw new Error(`${url}: ${errors.join('; ') || 'drafts off'}`);
  return {
    perKeyMs: (typed - idle) / KEYS,
    draftsPerKeyMs: drafts ? (drafts.pending + drafts.seal) / KEYS : 0,
    pendingPerKeyMs: drafts ? drafts.pending / KEYS : 0,
    sealsPerKey: drafts ? drafts.seals / KEYS : 0,
  };
}

const builds = [...(BEFORE ? [['before', BEFORE]] : []), ['after', ROOT.replace(/\/$/, '')]];
const servers = await Promise.all(builds.map(([, root]) => serve(root)));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const results = [];
const load = [loadavg()[0]];
try {
  for (const n of FIELDS) {
    const perBuild = builds.map(() => []);
    // Run 0 warms the HTTP and code caches and is not counted.
    for (let i = 0; i <= RUNS; i++)
      for (const [k, [name]] of builds.entries()) {
        // A new context per run: an empty IndexedDB, so no "continue?" offer.
        const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
        const r = await run(context, `${servers[k].origin}/dvc/n${n}.html`);
        await context.close();
        if (i > 0) perBuild[k].push(r);
        console.error(
          `drafts-keys: ${n} fields, ${name}, run ${i}: ${round(r.perKeyMs, 2)} ms/key, drafts ${round(r.draftsPerKeyMs, 2)} ms/key (pending ${round(r.pendingPerKeyMs, 2)}), ${round(r.sealsPerKey, 2)} seals/key`,
        );
        load.push(loadavg()[0]);
      }
    for (const [k, [name]] of builds.entries())
      results.push({
        fields: n,
        build: name,
        mainThreadPerKeyMs: round(median(perBuild[k].map((r) => r.perKeyMs)), 2),
        draftsPerKeyMs: round(median(perBuild[k].map((r) => r.draftsPerKeyMs)), 3),
        pendingPerKeyMs: round(median(perBuild[k].map((r) => r.pendingPerKeyMs)), 3),
        sealsPerKey: round(median(perBuild[k].map((r) => r.sealsPerKey)), 2),
        runs: perBuild[k].map((r) => [round(r.perKeyMs, 1), round(r.draftsPerKeyMs, 3)]),
      });
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
console.log(
  JSON.stringify(
    {
      throttle: THROTTLE,
      keys: KEYS,
      gapMs: GAP_MS,
      loadavg1: { min: round(Math.min(...load), 1), max: round(Math.max(...load), 1) },
      chromium: browser.version(),
      results,
    },
    null,
    2,
  ),
);
