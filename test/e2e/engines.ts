// One small page API over the three engines the product is tested in (docs/compatibility.md),
// so an end-to-end test can run per engine:
//
// - chromium: Debian's chromium through puppeteer-core (CDP);
// - firefox: Debian's firefox-esr through puppeteer-core's `browser: 'firefox'` (WebDriver BiDi);
// - webkit: Debian's WebKitWebDriver driving MiniBrowser under a private Xvfb, through
//   webdriverio (classic WebDriver).
//
// playwright-core (the other e2e tests) cannot drive Debian's Firefox or WebKit builds: it needs
// its own patched browsers. Selectors here pierce shadow roots: `a >>> b` finds every `b` in the
// subtree of an `a`, shadow trees included (as playwright's locators do).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser as PBrowser, type ElementHandle, type Page } from 'puppeteer-core';
import { remote } from 'webdriverio';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** The engine of this run: DVC_E2E_ENGINE (scripts/test.mjs sets it), chromium by default. */
export const ENGINE = (process.env.DVC_E2E_ENGINE ?? 'chromium') as EngineName;

interface EngineScripts {
  ensureChromium(): string;
  CHROMIUM_ARGS: string[];
}
interface EngineHelpers {
  ensureFirefox(): string;
  startWebKitDriver(): Promise<{
    port: number;
    capabilities: Record<string, unknown>;
    stop(): void;
  }>;
}
const chromiumScript = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as EngineScripts;
const engineScript = (await import(
  new URL('../../scripts/engines.mjs', import.meta.url).href
)) as EngineHelpers;

export interface FindOptions {
  /** Only elements whose text (white space collapsed) contains this. */
  text?: string;
  /** The n-th match (0-based); the first by default. */
  nth?: number;
}

export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /** How many elements match (see the selector syntax above). */
  count(selector: string, options?: FindOptions): Promise<number>;
  /** The matches' texts, white space collapsed, as a person reads them. */
  texts(selector: string): Promise<string[]>;
  /** Waits until a match exists (and is rendered). */
  waitFor(selector: string, options?: FindOptions & { timeout?: number }): Promise<void>;
  /** A real click (pointer input through the driver) on the match. */
  click(selector: string, options?: FindOptions): Promise<void>;
  /** Clicks the text box, types `text` with the keyboard and presses Tab. */
  type(selector: string, text: string): Promise<void>;
  press(key: 'Tab' | 'Enter'): Promise<void>;
  /** Chooses the option of `value` in a <select>, as a person picking it. */
  select(selector: string, value: string): Promise<void>;
  /** Chooses files (paths on this machine) in a file input. */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** Runs `fn` in the page; its result must be JSON. */
  evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  /**
   * Uncaught errors the page reported, and what its Content Security Policy refused (as
   * `CSP <directive> refused <what>`): a journey under the pages' policy must end with none.
   */
  errors(): Promise<string[]>;
  /** axe-core's WCAG 2.2 AA violations of the page as it is now (`rule: targets`). */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Runs in the page: every element matching the chain, in tree order, shadow trees included.
 * Plain source text, so every driver sends it as it is (no transpiler helpers inside) and no
 * page CSP applies (drivers evaluate outside the page's script policy).
 */
const FIND_ALL = `(function findAll(chain, text) {
  var roots = [document];
  var parts = chain.split('>>>').map(function (p) { return p.trim(); });
  function within(root, selector, out) {
    function visit(node) {
      var all = node.querySelectorAll('*');
      for (var i = 0; i < all.length; i++) {
        if (all[i].matches(selector)) out.push(all[i]);
        if (all[i].shadowRoot) visit(all[i].shadowRoot);
      }
    }
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
  }
  for (var i = 0; i < parts.length; i++) {
    var next = [];
    for (var j = 0; j < roots.length; j++) within(roots[j], parts[i], next);
    roots = next.filter(function (el, k) { return next.indexOf(el) === k; });
  }
  if (text == null) return roots;
  return roots.filter(function (el) {
    return (el.textContent || '').replace(/\\s+/g, ' ').indexOf(text) >= 0;
  });
})`;
/**
 * Runs in the page: records each refusal of its Content Security Policy. Installed before the
 * page's own scripts where the driver can (puppeteer), else right after each load (WebKit).
 */
const CSP_LISTENER = `window.__dvcCsp = window.__dvcCsp || []; if (!window.__dvcCspListening) {
  window.__dvcCspListening = true;
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__dvcCsp.push('CSP ' + e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline'));
  }, true); }`;
const CSP_TAKE = `(function () { ${CSP_LISTENER}; return window.__dvcCsp.splice(0); })()`;
/** axe-core run on the document by the driver (outside the page's script policy). */
export const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
// axe judges the page as the person sees it: only once every stylesheet the page links has
// arrived (polled, at most 5 s). Run on a page whose stylesheet was still on its way (a loaded
// machine, right after a navigation), target-size flagged the demo header's unstyled links.
export const AXE_RUN = `new Promise(function (resolve) {
    var until = Date.now() + 5000;
    (function wait() {
      var links = document.querySelectorAll('link[rel="stylesheet"]');
      for (var i = 0; i < links.length; i++)
        if (!links[i].sheet && Date.now() < until) return setTimeout(wait, 50);
      resolve();
    })();
  })
  .then(function () { return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }); })
  .then(function (r) { return r.violations.map(function (v) {
    return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
  }); })`;
const TEXT_OF = `function (el) { return (el.textContent || '').replace(/\\s+/g, ' ').trim(); }`;
const call = (...args: unknown[]) => args.map((a) => JSON.stringify(a ?? null)).join(', ');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Probes until `probe` gives a value. A time-out says what the page looked like (`state`: its
 * address and each form's status) and the probe's last error, so that a run that fails once in
 * CI tells why (a form left loading, a page gone, a driver that stopped answering).
 */
async function poll<T>(
  what: string,
  timeout: number,
  probe: () => Promise<T | undefined>,
  state?: () => Promise<unknown>,
) {
  const end = Date.now() + timeout;
  let failure: unknown;
  for (;;) {
    const v = await probe().catch((e: unknown) => void (failure = e));
    if (v !== undefined) return v;
    if (Date.now() > end) {
      const seen = state
        ? await state().catch((e: unknown) => `unknown (${String(e)})`)
        : undefined;
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}` +
          (seen === undefined ? '' : `; the page: ${JSON.stringify(seen)}`) +
          (failure === undefined ? '' : `; last probe error: ${String(failure)}`),
      );
    }
    await sleep(100);
  }
}

/**
 * What a time-out reports of the page (run in it): its address, and each form's status, the
 * heading on screen and the error summary's text, if one shows (a Continue that was refused).
 */
const PAGE_STATE = `({ url: location.href, forms: Array.from(document.querySelectorAll('dvc-form'), function (f) {
  var root = f.shadowRoot, text = function (sel) { var el = root && root.querySelector(sel); return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null; };
  var summary = root && root.querySelector('dvc-error-summary');
  return { status: f.status, heading: text('#page-heading'), errors: summary && summary.shadowRoot ? summary.shadowRoot.textContent.replace(/\\s+/g, ' ').trim() : null };
}) })`;

const TIMEOUT = 15_000;
/** A phone's screen. */
const VIEWPORT = { width: 390, height: 844 };

async function puppeteerPage(engine: 'chromium' | 'firefox'): Promise<EnginePage> {
  const browser: PBrowser =
    engine === 'chromium'
      ? await puppeteer.launch({
          executablePath: chromiumScript.ensureChromium(),
          args: chromiumScript.CHROMIUM_ARGS,
          headless: true,
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: engineScript.ensureFirefox(),
          headless: true,
          extraPrefsFirefox: {
            'app.update.enabled': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'network.captive-portal-service.enabled': false,
            'intl.accept_languages': 'vi-VN, vi',
          },
        });
  const page: Page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  await page.evaluateOnNewDocument(CSP_LISTENER);
  /** The refusals the page recorded since the last call (none if it is gone or not ours). */
  const refusals = async () =>
    ((await page.evaluate(CSP_TAKE).catch(() => [])) as string[] | null) ?? [];
  const state = () => page.evaluate(PAGE_STATE);
  const handle = async (selector: string, o: FindOptions = {}) =>
    poll(
      selector,
      TIMEOUT,
      async () => {
        const h = await page.evaluateHandle(
          `${FIND_ALL}(${call(selector, o.text)})[${o.nth ?? 0}] || null`,
        );
        const el = h.asElement() as ElementHandle<Element> | null;
        return el ?? undefined;
      },
      state,
    );
  const self: EnginePage = {
    engine,
    async goto(url) {
      errors.push(...(await refusals()));
      await page.goto(url, { waitUntil: 'load' });
    },
    async count(selector, o = {}) {
      return (await page.evaluate(`${FIND_ALL}(${call(selector, o.text)}).length`)) as number;
    },
    async texts(selector) {
      return (await page.evaluate(`${FIND_ALL}(${call(selector)}).map(${TEXT_OF})`)) as string[];
    },
    async waitFor(selector, o = {}) {
      await poll(
        selector,
        o.timeout ?? TIMEOUT,
        async () => ((await self.count(selector, o)) > (o.nth ?? 0) ? true : undefined),
        state,
      );
    },
    async click(selector, o) {
      await (await handle(selector, o)).click();
    },
    async type(selector, text) {
      await (await handle(selector)).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async select(selector, value) {
      await (await handle(selector)).select(value);
    },
    async setFiles(selector, paths) {
      await ((await handle(selector)) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    async evaluate(fn, ...args) {
      return page.evaluate(fn as (...a: unknown[]) => unknown, ...args) as never;
    },
    async errors() {
      errors.push(...(await refusals()));
      return errors;
    },
    async axe() {
      if ((await page.evaluate('typeof axe')) !== 'object') await page.evaluate(AXE_SOURCE);
      return (await page.evaluate(AXE_RUN)) as string[];
    },
    async close() {
      await browser.close();
    },
  };
  return self;
}

async function webkitPage(): Promise<EnginePage> {
  const driver = await engineScript.startWebKitDriver();
  const browser = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    logLevel: 'error',
    capabilities: driver.capabilities as WebdriverIO.Capabilities,
  });
  await browser.setWindowSize(VIEWPORT.width, VIEWPORT.height).catch(() => undefined);
  const state = () => browser.execute(`return ${PAGE_STATE};`);
  const find = async (selector: string, o: FindOptions = {}) =>
    poll(
      selector,
      TIMEOUT,
      async () => {
        const ref = (await browser.execute(
          `return ${FIND_ALL}(${call(selector, o.text)})[${o.nth ?? 0}] || null;`,
        )) as unknown;
        return ref ? browser.$(ref as never) : undefined;
      },
      state,
    );
  /**
   * A tap as pointer input at the element's centre. WebKitWebDriver's Element Click hit-tests
   * the element itself and reports "click intercepted" when the point lands on its shadow host
   * (every control here is in a shadow root), so the click is sent as a finger would.
   */
  const tap = async (el: ReturnType<typeof browser.$>) => {
    const r = (await browser.execute(
      'arguments[0].scrollIntoView({ block: "center", inline: "center" });' +
        'var r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];',
      el as never,
    )) as [number, number];
    await browser
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .move({ x: Math.round(r[0]), y: Math.round(r[1]), origin: 'viewport' })
      .down()
      .up()
      .perform();
  };

  /**
   * Classic WebDriver has no event for uncaught errors: a listener installed after each load
   * collects them (an error during the load itself is not seen: a gap of this engine's runs).
   */
  const ERRORS = `window.__dvcErrors ??= []; if (!window.__dvcListening) { window.__dvcListening = true;
    addEventListener('error', (e) => window.__dvcErrors.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => window.__dvcErrors.push(String(e.reason))); }`;
  const errors: string[] = [];
  const collect = async () => {
    const now = (await browser.execute(
      `${ERRORS}; return window.__dvcErrors.splice(0).concat(${CSP_TAKE});`,
    )) as string[] | null;
    errors.push(...(now ?? []));
  };
  const page: EnginePage = {
    engine: 'webkit',
    async goto(url) {
      await collect().catch(() => undefined);
      await browser.url(url);
      await collect();
    },
    async count(selector, o = {}) {
      return (await browser.execute(
        `return ${FIND_ALL}(${call(selector, o.text)}).length;`,
      )) as number;
    },
    async texts(selector) {
      return (await browser.execute(
        `return ${FIND_ALL}(${call(selector)}).map(${TEXT_OF});`,
      )) as string[];
    },
    async waitFor(selector, o = {}) {
      await poll(
        selector,
        o.timeout ?? TIMEOUT,
        async () => ((await page.count(selector, o)) > (o.nth ?? 0) ? true : undefined),
        state,
      );
    },
    async click(selector, o) {
      await tap(await find(selector, o));
    },
    async type(selector, text) {
      const el = await find(selector);
      await tap(el);
      // Element Send Keys: the driver types each character into the focused control.
      await el.addValue(text);
      await browser.keys('Tab');
    },
    async press(key) {
      await browser.keys(key);
    },
    async select(selector, value) {
      await (await find(selector)).selectByAttribute('value', value);
    },
    async setFiles(selector, paths) {
      // A file input takes its files as newline-separated paths through Element Send Keys.
      await (await find(selector)).setValue(paths.join('\n'));
    },
    async evaluate(fn, ...args) {
      return (await browser.executeAsync(
        `const done = arguments[arguments.length - 1];
         Promise.resolve((${fn.toString()})(...Array.prototype.slice.call(arguments, 0, -1)))
           .then(done, (e) => done({ __error: String(e) }));`,
        ...args,
      )) as never;
    },
    async errors() {
      await collect().catch(() => undefined);
      return errors;
    },
    async axe() {
      if ((await browser.execute('return typeof axe;')) !== 'object')
        await browser.execute(AXE_SOURCE);
      return (await browser.executeAsync(
        `const done = arguments[arguments.length - 1]; ${AXE_RUN}.then(done, (e) => done([String(e)]));`,
      )) as string[];
    },
    async close() {
      await browser.deleteSession().catch(() => undefined);
      driver.stop();
    },
  };
  return page;
}

/** Opens a page of `engine` (default: this run's ENGINE). */
export async function openEngine(engine: EngineName = ENGINE): Promise<EnginePage> {
  if (engine === 'webkit') return webkitPage();
  if (engine === 'chromium' || engine === 'firefox') return puppeteerPage(engine);
  throw new Error(`DVC_E2E_ENGINE=${String(engine)}: expected chromium, firefox or webkit`);
}

/** The selectors and answers of a `<dvc-form>` on an engine page (`page()`: opened later). */
export function formOn(page: () => EnginePage) {
  const FORM = 'dvc-form';
  const field = (path: string) => `${FORM} >>> [data-path="${path}"]`;
  const type = (path: string, text: string, control = '#control') =>
    page().type(`${field(path)} >>> ${control}`, text);
  const select = (path: string, value: string, control = '#control') =>
    page().select(`${field(path)} >>> ${control}`, value);
  return {
    FORM,
    HEADING: `${FORM} >>> #page-heading`,
    field,
    type,
    select,
    /** Clicks the radio or check box whose label holds `label`. */
    choose: (path: string, label: string) =>
      page().click(`${field(path)} >>> label.choice`, { text: label }),
    /**
     * Presses Continue and waits (10 s at most) for a page whose heading matches `next`; fails
     * with the error summary's lines when another page stays. Resolves with the heading.
     */
    async continueTo(next: RegExp): Promise<string> {
      await page().click(`${FORM} >>> .buttons button.primary`);
      const end = Date.now() + 10_000;
      for (;;) {
        const [heading = ''] = await page().texts(`${FORM} >>> #page-heading`);
        if (next.test(heading)) return heading;
        if (Date.now() > end) {
          const summary = await page().texts(`${FORM} >>> dvc-error-summary >>> li`);
          assert.fail(`did not reach ${next}: ${summary.join('; ') || heading}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** A province, then (once its communes are listed) a commune, then the street if given. */
    async address(path: string, province: string, commune: string, street?: string) {
      await select(path, province, '#province');
      await page().waitFor(`${field(path)} >>> #commune option[value="${commune}"]`);
      await select(path, commune, '#commune');
      if (street !== undefined) await type(path, street, '#street');
    },
  };
}
