// The Chromium measurements: time to a usable form, keystroke latencies, heap and DOM size, and
// hashing throughput. Every number is taken inside the page with performance.now() (and event
// timestamps), on the same time line as navigation start; Playwright only drives.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { KEY_FIELD, VALID_KEY_VALUE } from './generate.mjs';
import { median } from './stats.mjs';

/**
 * Benchmark-only flags on top of the project's: exact `performance.memory` numbers, and frames
 * produced as soon as there is work rather than on a 60 Hz vsync tick, so keystroke-to-frame
 * measures the page's work, not where the keystroke fell in a 16.7 ms frame.
 */
const BENCH_ARGS = [
  '--enable-precise-memory-info',
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
  '--js-flags=--expose-gc',
];

export async function launch() {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'Chromium not found: install it (apt-get install chromium) or set CHROME_PATH.',
    );
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...BENCH_ARGS],
  });
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  return { browser, context };
}

async function openPage(context, { throttle = 1 } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|404/.test(m.text())) errors.push(m.text());
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { page, cdp, errors };
}

/**
 * Resolves with what `predicate` (a function of no arguments, run in the page's main world; it
 * may return a promise) returns once that is truthy, checking every `polling` ms or every frame
 * (`'raf'`). Through CDP alone, not Playwright's `waitForFunction`: that injects Playwright's own
 * script (≈ 330 KB of source, ≈ 0.56 MB of JS heap with what it builds) into the page under
 * measurement. The heap row counted it, the plain page's too (1.35 MB instead of 0.78), and it
 * was compiled on the throttled main thread while the usable clock ran (docs/performance.md,
 * issue 22 round 16).
 */
async function waitInPage(cdp, predicate, { polling = 50, timeout = 120_000 } = {}) {
  const next = polling === 'raf' ? 'requestAnimationFrame(check)' : `setTimeout(check, ${polling})`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `new Promise((resolve, reject) => {
      const end = performance.now() + ${timeout};
      const check = () => Promise.resolve()
        .then(${predicate})
        .then((ok) => ok ? resolve(ok)
          : performance.now() > end ? reject(new Error('timed out after ${timeout} ms'))
          : ${next}, reject);
      check();
    })`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails)
    throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

async function waitUsable(page, cdp, errors) {
  try {
    // The probe's timestamp (milliseconds since navigation start, never 0 once set).
    return await waitInPage(cdp, () => window.__benchUsable);
  } catch (e) {
    throw new Error(`${page.url()} never became usable: ${errors.join('; ') || e.message}`);
  }
}

/**
 * Milliseconds from navigation start until the last field takes focus, for each of `urls`: one
 * fresh tab per run, the pages taking turns run by run so a change in machine load hits both.
 */
export async function timeToUsable(context, urls, { runs, throttle }) {
  const times = urls.map(() => []);
  const arrivals = urls.map(() => ({}));
  const upgraded = urls.map(() => undefined);
  // Run 0 is the warm-up (HTTP cache, V8 code cache) and is not counted.
  for (let i = 0; i <= runs; i++)
    for (const [k, url] of urls.entries()) {
      const { page, cdp, errors } = await openPage(context, { throttle });
      await page.goto(url, { waitUntil: 'commit' });
      const t = await waitUsable(page, cdp, errors);
      if (i > 0) {
        times[k].push(t);
        // The form's first page (`light-first-page`, its default): when the last placeholder
        // became its element (the work moved after usable, and when it ends). The one the probe
        // focused waits until it is left.
        if (url.includes('/dvc/')) {
          await waitInPage(
            cdp,
            () => {
              const root = document.querySelector('dvc-form')?.shadowRoot;
              return [...(root?.querySelectorAll('.dvc-fp-field') ?? [])].every((f) =>
                f.contains(root.activeElement),
              );
            },
            { polling: 'raf' },
          );
          (upgraded[k] ??= []).push(await page.evaluate(() => performance.now()));
        }
        // When each resource finished arriving, to see where the time before "usable" goes.
        const entries = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => [
              new URL(e.name).pathname.replace(/-[\w-]{8}\.min\.js$/, '.min.js'),
              e.responseEnd,
            ]),
        );
        for (const [name, end] of entries) (arrivals[k][name] ??= []).push(end);
      }
      await page.close();
    }
  return urls.map((_, k) => ({
    medianMs: median(times[k]),
    runsMs: times[k],
    ...(upgraded[k] && { upgradedMs: median(upgraded[k]) }),
    resourcesDoneMs: Object.fromEntries(
      Object.entries(arrivals[k]).map(([name, ends]) => [name, Math.round(median(ends))]),
    ),
  }));
}

/** Loads a page and waits until it is usable and, for dvc-form, settled (rules run). */
async function loaded(context, url) {
  const opened = await openPage(context);
  await opened.page.goto(url, { waitUntil: 'load' });
  await waitUsable(opened.page, opened.cdp, opened.errors);
  await waitInPage(opened.cdp, async () => {
    const form = document.querySelector('dvc-form');
    if (form) await form.settled();
    return true;
  });
  return opened;
}

// ---- keystrokes ------------------------------------------------------------------------

/** Page-side helpers for the keystroke runs, installed once per page. */
function installKeyHelpers({ field, kind }) {
  const input = () => {
    if (kind === 'plain') return document.getElementById(field);
    const host = document.querySelector('dvc-form').shadowRoot.getElementById(`field-${field}`);
    return host.shadowRoot.querySelector('input');
  };
  const errorShown = () => {
    if (kind === 'plain') {
      const e = document.getElementById(`${field}-error`);
      return !e.hidden && e.textContent !== '';
    }
    const host = document.querySelector('dvc-form').shadowRoot.getElementById(`field-${field}`);
    return host.shadowRoot.querySelector('[part~="error"]') !== null;
  };
  const root = () =>
    kind === 'plain'
      ? document.getElementById(`${field}-error`)
      : document.querySelector('dvc-form').shadowRoot.getElementById(`field-${field}`).shadowRoot;
  window.__bench = {
    input,
    errorShown,
    focusEnd() {
      const el = input();
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    },
    /** Resolves with keydown(timeStamp) → inline error in the DOM (MutationObserver, microtask-exact). */
    armError() {
      return new Promise((resolve) => {
        let down;
        const onKey = (e) => {
          if (down === undefined && e.key !== 'Tab') down = e.timeStamp;
        };
        window.addEventListener('keydown', onKey, true);
        const observer = new MutationObserver(() => {
          if (down === undefined || !errorShown()) return;
          const t = performance.now();
          observer.disconnect();
          window.removeEventListener('keydown', onKey, true);
          resolve(t - down);
        });
        observer.observe(root(), {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        });
      });
    },
    /**
     * Resolves with keydown(timeStamp) → the next requestAnimationFrame callback (`frame`), and
     * keydown → the keystroke's update done (`work`): the input event handled and, on the dvc
     * page, the field's and the form's lit updates complete (their `updateComplete`).
     */
    armFrame() {
      return new Promise((resolve) => {
        let down;
        let work;
        const onKey = (e) => {
          window.removeEventListener('keydown', onKey, true);
          down = e.timeStamp;
          requestAnimationFrame(() => {
            const frame = performance.now() - down;
            const finish = () =>
              work === undefined ? setTimeout(finish) : resolve({ frame, work });
            setTimeout(finish);
          });
        };
        const onInput = () => {
          window.removeEventListener('input', onInput, true);
          queueMicrotask(async () => {
            if (kind !== 'plain') {
              const form = document.querySelector('dvc-form');
              await form.updateComplete;
              await form.shadowRoot.getElementById(`field-${field}`).updateComplete;
            }
            work = performance.now() - down;
          });
        };
        window.addEventListener('keydown', onKey, true);
        window.addEventListener('input', onInput, true);
      });
    },
  };
}

const KEYS = {
  x: { key: 'x', code: 'KeyX', text: 'x', windowsVirtualKeyCode: 88 },
  1: { key: '1', code: 'Digit1', text: '1', windowsVirtualKeyCode: 49 },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
};

/** CDP key events, sent back to back without waiting: the renderer gets them as one burst. */
function keys(cdp, names) {
  const sends = [];
  for (const name of names) {
    const k = KEYS[name];
    sends.push(
      cdp.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...k }),
    );
    sends.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.windowsVirtualKeyCode,
      }),
    );
  }
  return Promise.all(sends);
}

/** Puts a valid value in the key field and leaves it, so it is touched and shows no error. */
async function resetKeyField(page, cdp) {
  await page.evaluate(() => window.__bench.input().focus());
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(VALID_KEY_VALUE);
  await page.keyboard.press('Tab');
  await waitInPage(cdp, async () => {
    const form = document.querySelector('dvc-form');
    if (form) await form.settled();
    return !window.__bench.errorShown();
  });
}

/**
 * Keystroke-to-error and keystroke-to-frame on the key field (a 10-digit code), `runs` each after
 * three warm-up keystrokes. The error path is: the field holds a valid value and was left once;
 * the person types a letter and leaves the field (Tab) — dvc-form (like GOV.UK) shows inline
 * errors when a field is left, not while typing, so the time runs from the letter's keydown to
 * the inline error in the DOM and includes the Tab. The plain page does the same in its script.
 */
export async function keystrokes(context, url, kind, { runs }) {
  const { page, cdp } = await loaded(context, url);
  await page.evaluate(installKeyHelpers, { field: KEY_FIELD, kind });
  const toError = [];
  for (let i = 0; i < runs + 3; i++) {
    await resetKeyField(page, cdp);
    await page.evaluate(() => window.__bench.focusEnd());
    const result = page.evaluate(() => window.__bench.armError());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    await keys(cdp, ['x', 'Tab']);
    const ms = await result;
    if (i >= 3) toError.push(ms);
  }
  await resetKeyField(page, cdp);
  await page.evaluate(() => window.__bench.focusEnd());
  const toFrame = [];
  const toWork = [];
  for (let i = 0; i < runs + 3; i++) {
    const result = page.evaluate(() => window.__bench.armFrame());
    // Frames tick at 60 Hz: keystrokes land at phases spread over one frame, as a person's do.
    const phase = ((i * 7) % 20) * (16.7 / 20);
    await page.evaluate(
      (ms) => new Promise((r) => requestAnimationFrame(() => setTimeout(r, ms))),
      phase,
    );
    await keys(cdp, ['1']);
    const { frame, work } = await result;
    if (i >= 3) {
      toFrame.push(frame);
      toWork.push(work);
    }
  }
  await page.close();
  return {
    toErrorMs: median(toError),
    toFrameMs: median(toFrame),
    toWorkMs: median(toWork),
    toErrorRunsMs: toError,
    toFrameRunsMs: toFrame,
    toWorkRunsMs: toWork,
  };
}

// ---- memory ----------------------------------------------------------------------------

/**
 * JS heap after GC and element count (shadow roots walked) of each of `urls`, loaded `loads`
 * times in turn (a fresh tab each): the median heap of each, and every reading. One load in
 * several reads ≈ 1 MB more on either build, at random (seen 2026-12-07: 4.8, 4.8, 5.8, 4.8 MB in
 * one browser), so one load alone decided the row by chance.
 */
export async function memory(context, urls, { loads = 3 } = {}) {
  const readings = urls.map(() => []);
  for (let i = 0; i < loads; i++)
    for (const [k, url] of urls.entries()) readings[k].push(await memoryOnce(context, url));
  return readings.map((r) => ({
    ...r[0],
    heapUsedBytes: median(r.map((m) => m.heapUsedBytes)),
    heapRunsBytes: r.map((m) => m.heapUsedBytes),
  }));
}

async function memoryOnce(context, url) {
  const { page, cdp } = await loaded(context, url);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await page.evaluate(() => {
    let elements = 0;
    let nodes = 0;
    let shadowRoots = 0;
    const walk = (root) => {
      const it = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let n = it.nextNode(); n; n = it.nextNode()) {
        nodes++;
        if (n.nodeType === 1) {
          elements++;
          if (n.shadowRoot) {
            shadowRoots++;
            walk(n.shadowRoot);
          }
        }
      }
    };
    walk(document);
    const form = document.querySelector('dvc-form');
    const fields = form
      ? form.shadowRoot.querySelectorAll('[data-path]').length
      : document.querySelectorAll('.field').length;
    return { elements, nodes, shadowRoots, fields };
  });
  await page.close();
  return { heapUsedBytes: heap.usedSize, ...dom };
}

// ---- hashing ---------------------------------------------------------------------------

/**
 * Hashes an in-memory Blob of `sizeMB` (a 1 MB block repeated: Blob storage, not JS heap) with
 * the upload's SHA-256 `runs` times in one page, sampling the JS heap at every step; `streamed`:
 * the file is above the one-shot limit, so the warm-up takes the streaming path too. Returns the
 * median MB/s, every run's time, the hex digest (checked against Node by the caller) and the
 * largest peak heap growth over the post-GC start.
 */
export async function hashing(context, url, sizeMB, { runs = 1, streamed = false } = {}) {
  const opened = await openPage(context);
  const { page, cdp } = opened;
  await page.goto(url, { waitUntil: 'load' });
  await waitInPage(cdp, () => window.__hash !== undefined, { timeout: 30_000 });
  const result = await page.evaluate(
    async ({ size, runs, streamed }) => {
      const block = new Uint8Array(1024 * 1024);
      for (let i = 0; i < block.length; i++) block[i] = (i * 31 + (i >> 8)) & 0xff;
      const blob = new Blob(Array.from({ length: size }, () => block));
      // Warm-up on 1 MB of the path the file takes, so its hasher is compiled (hash-wasm's module)
      // and the JIT has optimised the loop: a 1 MB file alone would take the one-shot path, and
      // until round 17 that left the streaming hasher's first use inside the timed run.
      await window.__hash.sha256Blob(blob.slice(0, 1024 * 1024), {
        oneShotMaxBytes: streamed ? 0 : undefined,
      });
      const timings = [];
      let hex = '';
      let growth = 0;
      let retained = 0;
      for (let run = 0; run < runs; run++) {
        window.gc();
        window.gc();
        const before = performance.memory.usedJSHeapSize;
        let peak = before;
        const t = performance.now();
        hex = await window.__hash.sha256Blob(blob, {
          onProgress: () => {
            peak = Math.max(peak, performance.memory.usedJSHeapSize);
          },
        });
        timings.push(performance.now() - t);
        // Buffers are garbage once hashed, but V8 frees array buffers lazily: wait, then collect.
        await new Promise((r) => setTimeout(r, 500));
        window.gc();
        window.gc();
        growth = Math.max(growth, peak - before);
        retained = Math.max(retained, performance.memory.usedJSHeapSize - before);
      }
      // For comparison only: the browser's native digest, which needs the whole file in memory.
      const whole = await blob.arrayBuffer();
      const t2 = performance.now();
      await crypto.subtle.digest('SHA-256', whole);
      const nativeMs = performance.now() - t2;
      timings.sort((a, b) => a - b);
      return { hex, ms: timings[timings.length >> 1], timings, growth, retained, nativeMs };
    },
    { size: sizeMB, runs, streamed },
  );
  await page.close();
  if (opened.errors.length) throw new Error(opened.errors.join('; '));
  return {
    sizeMB,
    runs,
    ms: result.ms,
    runsMs: result.timings,
    mbPerSecond: sizeMB / (result.ms / 1000),
    sha256: result.hex,
    peakHeapGrowthBytes: result.growth,
    retainedAfterGcBytes: result.retained,
    nativeDigestMbPerSecond: sizeMB / (result.nativeMs / 1000),
  };
}
