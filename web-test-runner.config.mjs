import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { readFileSync, writeFileSync } from 'node:fs';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
import { axTreePlugin } from './scripts/wtr-ax-tree.mjs';
import { ensureFirefox, freePort, startWebKitDriver } from './scripts/engines.mjs';
import { cjsInterop } from './scripts/wtr-cjs-interop.mjs';
import { typeKeyByKey, webdriverCommands } from './scripts/wtr-webdriver-commands.mjs';

/** Counts every test so scripts/test.mjs can print one "N passed, N failed" line for all suites. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      // Named again at the very end of npm test, where a CI log that keeps only its tail shows them.
      const names = [];
      const walk = (suite, where) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else {
            failed++;
            names.push(`${where} › ${t.name}`);
          }
        }
        for (const s of suite.suites) walk(s, `${where} › ${s.name}`);
      };
      for (const session of sessions) {
        const where = `${session.testFile.replace(process.cwd() + '/', '')} (${engine})`;
        if (session.testResults) walk(session.testResults, where);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          failed++;
          names.push(`${where}: ${session.errors[0]?.message ?? 'failed outside a test'}`);
        }
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped, names }));
    },
  };
}

const files = process.env.WTR_FILES ?? 'test/{components,browser}/**/*.test.ts';

/**
 * The engine these tests run in (docs/compatibility.md): DVC_ENGINE=chromium (default), firefox
 * or webkit. scripts/test.mjs runs one wtr per engine, side by side, each on its own port.
 */
const engine = process.env.DVC_ENGINE ?? 'chromium';

/**
 * Tests that do not run in this engine, each with the reason (test/engine-gaps.json): each test
 * whose title contains a listed one is declared pending there (test/support/engine-gaps.js) and
 * reported as skipped. To close a gap, remove its entry.
 */
const gaps =
  JSON.parse(readFileSync(new URL('./test/engine-gaps.json', import.meta.url), 'utf8'))[engine] ??
  [];
const gapTitles = gaps.flatMap((g) => g.tests);
if (gapTitles.length) {
  console.log(`Not run in ${engine} (test/engine-gaps.json):`);
  for (const g of gaps) console.log(`- ${g.tests.length} test(s): ${g.why}`);
}
/**
 * The test page: test/support/page-end.js keeps a focusable element after every fixture (as a
 * real page has), in an engine with gaps test/support/engine-gaps.js declares them pending, and
 * test/support/clone-safe-errors.js (after mocha) keeps a failure about an element reportable.
 */
const testRunnerHtml = (framework) =>
  `<!DOCTYPE html><html><head></head><body>` +
  `<script type="module" src="/test/support/page-end.js"></script>` +
  (gapTitles.length
    ? `<script>window.__DVC_GAPS__ = ${JSON.stringify(gapTitles).replace(/</g, '\\u003c')};</script>` +
      `<script type="module" src="/test/support/engine-gaps.js"></script>`
    : '') +
  `<script type="module" src="${framework}"></script>` +
  `<script type="module" src="/test/support/clone-safe-errors.js"></script></body></html>`;

/** Plugins the WebKit launcher needs (its commands); filled by browserFor. */
const webdriverPlugins = [];

async function browserFor(name) {
  if (name === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS },
    });
  }
  if (name === 'firefox') {
    // Debian's Firefox ESR over WebDriver BiDi (puppeteer-core's `browser: 'firefox'`).
    return chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: ensureFirefox(),
        headless: true,
        // A closed network: no update, telemetry or safe-browsing calls.
        extraPrefsFirefox: {
          'app.update.enabled': false,
          'browser.safebrowsing.downloads.remote.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          // Headless Firefox's window never has the OS focus, so it would fire no focus, blur or
          // change events; Mozilla's own test harnesses set this.
          'focusmanager.testmode': true,
        },
      },
    });
  }
  if (name === 'webkit') {
    // Debian's WebKitWebDriver driving MiniBrowser under an Xvfb of this run.
    const driver = await startWebKitDriver();
    const launcher = webdriverLauncher({
      hostname: '127.0.0.1',
      port: driver.port,
      capabilities: driver.capabilities,
    });
    // Keys typed one by one, Shift held, the viewport set (scripts/wtr-webdriver-commands.mjs).
    typeKeyByKey(launcher);
    webdriverPlugins.push(webdriverCommands(launcher));
    return launcher;
  }
  throw new Error(`DVC_ENGINE=${name}: expected chromium, firefox or webkit`);
}

/** Made before the config below, which lists the plugins it adds. */
const browser = await browserFor(engine);

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  // The CSP and e2e-style browser tests serve their own pages through this middleware.
  middleware: [
    async (ctx, next) => {
      await next();
      const csp = ctx.URL.searchParams.get('dvc-csp');
      if (csp === 'strict') {
        ctx.set(
          'Content-Security-Policy',
          "script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dvc-forms",
        );
      } else if (csp === 'demo') {
        // The policy of the demo's strict page (demo/server/app.js STRICT_CSP), used by
        // test/browser/security.test.ts with the built bundle.
        ctx.set(
          'Content-Security-Policy',
          "script-src 'self'; object-src 'none'; base-uri 'none'; " +
            "require-trusted-types-for 'script'; trusted-types lit-html dvc-forms",
        );
      }
    },
  ],
  plugins: [
    ...webdriverPlugins,
    // axTree(): Chromium's accessibility tree (test/support/ax-tree.ts).
    axTreePlugin(),
    // The engine is imported from source in browser tests; its CommonJS dependencies need
    // named ESM exports (the rollup bundle handles this with @rollup/plugin-commonjs).
    cjsInterop({
      packages: [
        'json-rules-engine',
        'ajv',
        'ajv-formats',
        'fast-deep-equal',
        'json-schema-traverse',
        'fast-uri',
      ],
    }),
    // tsconfig is needed so esbuild sees experimentalDecorators/useDefineForClassFields.
    esbuildPlugin({ ts: true, json: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
  browsers: [browser],
  // Engines run side by side (scripts/test.mjs): each wtr takes a port free at its start.
  port: await freePort(),
  // A test's own waits (waitUntil, 1-10 s each) say what did not happen; mocha's limit only
  // catches a test that hangs. 30 s, not 10: with three engines side by side on a loaded 2-core
  // CI machine, a test with several waits can pass each of them and still take over 10 s.
  testFramework: { config: { timeout: 30000 } },
  testRunnerHtml,
  reporters: [defaultReporter(), countingReporter(process.env.DVC_COUNT_FILE)],
};
