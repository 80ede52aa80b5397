// The demo's birth-registration page as a citizen on a cheap phone opens it for the first time
// (issue 22 points 1 and 6): slow 3G (2 s round trip, 50 KB/s down, 25 KB/s up) and 4x CPU
// throttling, empty cache, served by the real receiver (compression, caching, the page's
// form artefact). Measured inside the page: first contentful paint (and whether the procedure's
// title and "what to prepare" list were in the DOM at that point), the moment the first question
// is usable (its control is in the form's shadow root and takes focus), and the bytes transferred
// (resource timing `transferSize`: headers + compressed bodies) until then, file by file. Since
// round 5 the first question is usable in the server-rendered first page, before the scripts:
// the probe says which control it was, checks that a choice made there is kept when the element
// takes over, and measures the element's own readiness and the bytes before it beside it.
// Beside it in the same run: the same page with the plain `procedure="…json"` embed (the runtime
// compiler path), and the page's HTML alone with JavaScript off (what plain HTML gives).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../demo/server/app.js';

export const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: 50 * 1024,
  uploadThroughput: 25 * 1024,
};
const PAGE = '/thu-tuc/dang-ky-khai-sinh.html';
const ROOT = new URL('../../', import.meta.url);

/**
 * In the page: polls each frame until the first question's control takes focus, the plain one the
 * server rendered inside `<dvc-form>` (src/first-page) or the element's own, whichever is there
 * first: that is when the person can start. A choice is then made in it (the first option ticked,
 * or a letter typed; the plain one counts only once the page has painted), and polling goes on until the element's own first question takes focus
 * (the element is ready); once settled, the probe checks that the choice made early is the
 * form's answer ("what is typed is kept"). Bytes: every file that ended before each moment.
 */
function probe() {
  const started = performance.now();
  const filesBefore = (t) => {
    const nav = performance.getEntriesByType('navigation')[0];
    return [
      { name: location.pathname, bytes: nav.transferSize, endMs: nav.responseEnd },
      ...performance
        .getEntriesByType('resource')
        .filter((e) => e.responseEnd <= t)
        .map((e) => ({
          name: new URL(e.name).pathname,
          bytes: e.transferSize,
          endMs: e.responseEnd,
        })),
    ];
  };
  return new Promise((resolve) => {
    let usable;
    const tick = async () => {
      const form = document.querySelector('dvc-form');
      const field = form?.shadowRoot?.querySelector('[data-path]');
      const control = field?.shadowRoot?.querySelector('input, select, textarea');
      if (control) {
        control.focus();
        if (field.shadowRoot.activeElement === control) {
          const readyMs = performance.now();
          if (!usable) {
            usable = { ms: readyMs, by: 'element', path: field.dataset.path };
            if (control.type === 'radio' || control.type === 'checkbox') control.click();
          }
          await form.settled();
          const answer = form.session?.answers;
          const value = usable.path.split('.').reduce((o, k) => o?.[k], answer);
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          resolve({
            usableMs: usable.ms,
            usableBy: usable.by,
            files: filesBefore(usable.ms),
            readyMs,
            readyFiles: filesBefore(readyMs),
            fcpMs: fcp,
            kept:
              usable.by === 'element' || (value !== undefined && String(value) === usable.value),
            waitedMs: usable.ms - started,
          });
          return;
        }
      } else if (!usable) {
        const plain = form?.querySelector('.dvc-fp-field[data-path]');
        const input = plain?.querySelector('input, select, textarea');
        // Only once it is on screen: the parser makes it before the stylesheets have arrived,
        // and the page is not painted until they have (a control the person cannot see yet
        // could take focus, which would not be "usable").
        const painted = performance.getEntriesByName('first-contentful-paint').length > 0;
        if (input && painted) {
          input.focus();
          if (document.activeElement === input) {
            usable = { ms: performance.now(), by: 'server', path: plain.dataset.path };
            if (input.type === 'radio' || input.type === 'checkbox') input.click();
            else {
              input.value = 'a';
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }
            usable.value = input.value;
          }
        }
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
}

async function open(browser, url, { javaScript = true, route } = {}) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    javaScriptEnabled: javaScript,
  });
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The title and the list are in the page's own HTML; record whether they were there at FCP.
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'first-contentful-paint')
          window.__fcpContent = {
            title: !!document.querySelector('main h1'),
            prepare: [...document.querySelectorAll('main h2')].some((h) =>
              h.textContent.includes('Chuẩn bị'),
            ),
          };
    }).observe({ type: 'paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  return { context, page, errors };
}

/** One cold load of the page with the fast (served) embed, the plain embed and no JavaScript. */
export async function slowNetwork(browser, { runs = 1 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-slow-'));
  const app = await createServer({ dataDir, logLevel: 'error' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  // The page as the README's plain embed writes it: the bundle and the procedure URL.
  const plainEmbed = readFileSync(new URL(`demo/site${PAGE}`, ROOT), 'utf8');
  try {
    const out = { fast: [], plainEmbed: [], htmlOnly: [] };
    for (let i = 0; i < runs; i++) {
      for (const variant of ['fast', 'plainEmbed']) {
        const route =
          variant === 'plainEmbed'
            ? {
                url: `${base}${PAGE}`,
                // Fulfilled by the browser itself: the 2 s round trip of the HTML is added back
                // below, so both variants pay it.
                handler: (r) =>
                  setTimeout(
                    () =>
                      r.fulfill({
                        status: 200,
                        contentType: 'text/html; charset=utf-8',
                        body: plainEmbed,
                      }),
                    SLOW_3G.latency,
                  ),
              }
            : undefined;
        const { context, page, errors } = await open(browser, `${base}${PAGE}`, { route });
        try {
          const r = await page.evaluate(probe);
          const content = await page.evaluate(() => window.__fcpContent);
          if (errors.length) throw new Error(`${variant}: ${errors.join('; ')}`);
          out[variant].push({
            ...r,
            fcpContent: content,
            bytes: r.files.reduce((a, f) => a + f.bytes, 0),
            readyBytes: r.readyFiles.reduce((a, f) => a + f.bytes, 0),
          });
        } finally {
          await context.close();
        }
      }
      const { context, page } = await open(browser, `${base}${PAGE}`, { javaScript: false });
      try {
        await page.waitForLoadState('load');
        // The paint can come after `load` (the CSS is still on its way): ask again until it is
        // there (from Node: with JavaScript off the page runs no timers).
        let fcpMs;
        for (let n = 0; n < 200 && fcpMs === undefined; n++) {
          fcpMs = await page.evaluate(
            () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          );
          if (fcpMs === undefined) await new Promise((r) => setTimeout(r, 50));
        }
        out.htmlOnly.push({ fcpMs });
      } finally {
        await context.close();
      }
    }
    return out;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
