// The demo's birth-registration page as a citizen on a cheap phone opens it for the first time
// (issue 22 points 1 and 6): slow 3G (2 s round trip, 50 KB/s down, 25 KB/s up) and 4x CPU
// throttling, empty cache, served by the real receiver (compression, caching, the page's
// form artefact). Measured inside the page: first contentful paint (and whether the procedure's
// title and "what to prepare" list were in the DOM at that point), the moment the first question
// is usable (its control is in the form's shadow root and takes focus), and the bytes transferred
// (resource timing `transferSize`: headers + compressed bodies) until then, file by file.
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

/** In the page: polls each frame until the first question's control takes focus. */
function probe() {
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      const form = document.querySelector('dvc-form');
      const field = form?.shadowRoot?.querySelector('[data-path]');
      const control = field?.shadowRoot?.querySelector('input, select, textarea');
      if (control) {
        control.focus();
        if (field.shadowRoot.activeElement === control) {
          const usableMs = performance.now();
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const nav = performance.getEntriesByType('navigation')[0];
          const files = [
            { name: location.pathname, bytes: nav.transferSize, endMs: nav.responseEnd },
            ...performance
              .getEntriesByType('resource')
              .filter((e) => e.responseEnd <= usableMs)
              .map((e) => ({
                name: new URL(e.name).pathname,
                bytes: e.transferSize,
                endMs: e.responseEnd,
              })),
          ];
          resolve({ usableMs, fcpMs: fcp, files, waitedMs: usableMs - started });
          return;
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
