// The README's "Embed it (webmasters)" followed literally, as a webmaster with a plain static site
// does it: the built files copied into a folder of their own (no repository beside them), the
// README's `compile` command run there, the README's page written from its own HTML snippet with
// the `<head>` lines `compile` printed, and served by a few lines of node:http with the README's
// Content-Security-Policy header, its `/api/` passed on to the reference receiver. The snippet and
// the header are read from README.md, so this test breaks when the README drifts from the product.
// In Chromium through Playwright; needs `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { STRICT_CSP } from '../../demo/server/app.js';
import { start, type Running } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EMBED = README.slice(
  README.indexOf('## Embed it'),
  README.indexOf('## For procedure authors'),
);
const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
const skip = !existsSync(join(ROOT, 'dist/chunks.json'))
  ? 'needs dist/: run npm run build'
  : !chromiumPath
    ? 'needs Chromium ($CHROME_PATH or /usr/bin/chromium)'
    : false;

/** The fenced blocks of one language in the README's embed section, in order. */
function blocks(lang: string): string[] {
  return [...EMBED.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** What the page-side functions read, typed here: this file is checked without the DOM library. */
interface PageGlobals {
  document: {
    querySelector(selector: string): {
      shadowRoot: { textContent: string | null } | null;
      compiled?: unknown;
      challengeEndpoint?: string;
      action?: string;
    } | null;
  };
  violations: string[];
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ status: number }>;
}

describe("the README's embed steps, on a static site of one's own", { skip }, () => {
  const site = mkdtempSync(join(tmpdir(), 'dvc-cms-site-'));
  let receiver: Running;
  let server: Server;
  let base: string;
  let browser: Browser;
  let printed: string[];
  const requests: { path: string; status: number }[] = [];

  before(async () => {
    receiver = await start({ proceduresDir: join(ROOT, 'schemas/procedures/') });
    // "Copy dist/dvc-forms.min.js and the dist/chunks/ folder beside it … into assets/".
    mkdirSync(join(site, 'assets'));
    mkdirSync(join(site, 'procedures'));
    for (const ext of ['', '.br', '.gz'])
      cpSync(
        join(ROOT, `dist/dvc-forms.min.js${ext}`),
        join(site, `assets/dvc-forms.min.js${ext}`),
      );
    cpSync(join(ROOT, 'dist/chunks'), join(site, 'assets/chunks'), { recursive: true });
    cpSync(
      join(ROOT, 'schemas/procedures/dang-ky-khai-sinh.json'),
      join(site, 'procedures/dang-ky-khai-sinh.json'),
    );
    // The README's command, run in the site's folder (the package's bin in place of npx).
    const command = blocks('sh')[0].split('\n')[0];
    assert.match(command, /^npx dvc-forms compile /);
    const args = command.replace(/^npx dvc-forms /, '').split(/\s+/);
    printed = execFileSync(process.execPath, [join(ROOT, 'bin/dvc-forms.js'), ...args], {
      cwd: site,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    // The page: the README's snippet with the <head> lines compile printed, hrefs under /assets/.
    const snippet = blocks('html')[0];
    const head = printed
      .slice(1)
      .map((line) => line.replace(/(href|src)="/, '$1="/assets/'))
      .join('\n    ');
    const page = snippet.replace(
      /<link rel="modulepreload"[\s\S]*<script type="module"[^\n]*<\/script>/,
      head,
    );
    writeFileSync(join(site, 'index.html'), page);
    // The README's header, the one the demo's strict page sends.
    const csp = blocks('text')
      .map((b) => /^Content-Security-Policy: (.*)$/m.exec(b)?.[1])
      .find(Boolean)!;
    const receiverBase = new URL(receiver.base);
    server = createServer((req, res) => {
      const path = new URL(req.url!, 'http://site').pathname;
      if (path.startsWith('/api/')) {
        // The web server passes /api/ on to the receiver with the page's Host, as the README says.
        // The web server passes /api/ on to the receiver, as the README says.
        const forward = request(
          {
            host: receiverBase.hostname,
            port: receiverBase.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (answer) => {
            requests.push({ path, status: answer.statusCode! });
            res.writeHead(answer.statusCode!, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(forward);
        return;
      }
      const file = join(site, normalize(path.endsWith('/') ? `${path}index.html` : path));
      const status = file.startsWith(site) && existsSync(file) ? 200 : 404;
      requests.push({ path, status });
      if (status === 404) return res.writeHead(404).end();
      const type = extname(file) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript';
      res.writeHead(200, {
        'content-type': type,
        ...(type.startsWith('text/html') ? { 'content-security-policy': csp } : {}),
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await receiver?.close();
  });

  test('compile prints the artefact, then the <head> lines the README shows', () => {
    const chunks = JSON.parse(readFileSync(join(ROOT, 'dist/chunks.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const artefact = /^assets\/(1\.001193\.form-[0-9a-f]{8}\.min\.js)$/.exec(printed[0])?.[1];
    assert.ok(artefact, printed[0]);
    assert.deepEqual(printed.slice(1), [
      '<link rel="modulepreload" href="dvc-forms.min.js" />',
      `<link rel="modulepreload" href="${chunks['components/form/engine.ts'].file}" />`,
      `<link rel="modulepreload" href="${chunks['src/data/communes-2025.ts'].file}" />`,
      `<script type="module" src="${artefact}"></script>`,
    ]);
    // The README's example lines are these, with other content hashes.
    const hashless = (s: string) => s.replace(/-[\w-]{8}\.min\.js/g, '-<hash>.min.js');
    const example = blocks('html')[0]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^<(link rel="modulepreload"|script type="module")/.test(l));
    assert.deepEqual(
      example.map(hashless).map((l) => l.replace(/="\/assets\//, '="')),
      printed.slice(1).map(hashless),
    );
  });

  test("the README's header is the demo's strict policy", () => {
    assert.ok(blocks('text').some((b) => b.includes(`Content-Security-Policy: ${STRICT_CSP}`)));
  });

  test('the page shows the form under the policy, fetching nothing that is missing, and the receiver issues its nonce', async () => {
    const firstStep = (
      JSON.parse(readFileSync(join(site, 'procedures/dang-ky-khai-sinh.json'), 'utf8')) as {
        ui: { steps: { title: { vi: string } }[] };
      }
    ).ui.steps[0].title.vi;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({
      content: `window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    await page.goto(`${base}/`);
    // Function forms only: this CSP forbids the `new Function` a string would need.
    await page.waitForFunction(
      (text) =>
        (globalThis as unknown as PageGlobals).document
          .querySelector('dvc-form')
          ?.shadowRoot?.textContent?.includes(text) ?? false,
      firstStep,
      { timeout: 15_000 },
    );
    const state = await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const form = g.document.querySelector('dvc-form')!;
      // The form asks this URL for its nonce just before signing: the receiver must issue one.
      const challenge = await g.fetch(form.challengeEndpoint!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ procedure: { code: '1.001193', version: '1.0.0' } }),
      });
      return {
        compiled: Boolean(form.compiled),
        challenge: challenge.status,
        violations: g.violations,
      };
    });
    assert.deepEqual(state, { compiled: true, challenge: 201, violations: [] });
    assert.deepEqual(errors, []);
    // The procedure file stays on the receiver: the page never asks for it.
    assert.deepEqual(
      requests.filter(
        (r) => (r.status === 404 && r.path !== '/favicon.ico') || r.path.startsWith('/procedures/'),
      ),
      [],
    );
    await page.close();
  });
});
