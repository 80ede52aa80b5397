// The README's "Embed it (webmasters)" followed literally, as a webmaster with a plain static site
// does it: the built files copied into a folder of their own (no repository beside them), the
// README's `compile` command run there, the README's page written from its own HTML snippet with
// the `<head>` lines `compile` printed, and served by a few lines of node:http with the README's
// Content-Security-Policy header, its `/api/` passed on to the reference receiver with the page's
// Host (as the README says). The snippet, the command and the header are read from README.md, so
// the tests built on it (readme-embed.test.ts, readme-embed.engines.ts) break when the README
// drifts from the product. Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EMBED = README.slice(
  README.indexOf('## Embed it'),
  README.indexOf('## For procedure authors'),
);
/** The sample the README embeds. */
export const PROCEDURE = join(ROOT, 'schemas/procedures/dang-ky-khai-sinh.json');

/** The fenced blocks of one language in the README's embed section, in order. */
export function readmeBlocks(lang: string): string[] {
  return [...EMBED.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

export interface ReadmeSite {
  /** The static site's origin. */
  base: string;
  /** What the README's `compile` command printed: the artefact's path, then the `<head>` lines. */
  printed: string[];
  /** Each request the site answered, with its status (those passed on to the receiver too). */
  requests: { path: string; status: number }[];
  /** The site's folder (a test may add pages to it). */
  dir: string;
  /** The policy the pages are sent with: the README's header unless a test sets another. */
  policy: string;
  close(): Promise<void>;
}

/** Builds the README's site in a new temporary folder and serves it; `receiver` gets `/api/`. */
export async function readmeSite(receiver: string): Promise<ReadmeSite> {
  const site = mkdtempSync(join(tmpdir(), 'dvc-cms-site-'));
  // "Copy dist/dvc-forms.min.js and the dist/chunks/ folder beside it … into assets/".
  mkdirSync(join(site, 'assets'));
  mkdirSync(join(site, 'procedures'));
  for (const ext of ['', '.br', '.gz'])
    cpSync(join(ROOT, `dist/dvc-forms.min.js${ext}`), join(site, `assets/dvc-forms.min.js${ext}`));
  cpSync(join(ROOT, 'dist/chunks'), join(site, 'assets/chunks'), { recursive: true });
  cpSync(PROCEDURE, join(site, 'procedures/dang-ky-khai-sinh.json'));
  // The README's command, run in the site's folder (the package's bin in place of npx).
  const command = readmeBlocks('sh')[0].split('\n')[0];
  assert.match(command, /^npx dvc-forms compile /);
  const args = command.replace(/^npx dvc-forms /, '').split(/\s+/);
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin/dvc-forms.js'), ...args], {
    cwd: site,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  // The page: the README's snippet with the <head> lines compile printed, hrefs under /assets/.
  const head = printed
    .slice(1)
    .map((line) => line.replace(/(href|src)="/, '$1="/assets/'))
    .join('\n    ');
  const page = readmeBlocks('html')[0].replace(
    /<link rel="modulepreload"[\s\S]*<script type="module"[^\n]*<\/script>/,
    head,
  );
  writeFileSync(join(site, 'index.html'), page);
  // The README's header.
  const csp = readmeBlocks('text')
    .map((b) => /^Content-Security-Policy: (.*)$/m.exec(b)?.[1])
    .find(Boolean);
  assert.ok(csp, 'the README gives the Content-Security-Policy header');
  const receiverUrl = new URL(receiver);
  const requests: ReadmeSite['requests'] = [];
  // Filled in once the server listens; its handler reads the policy a test may have changed.
  const served = { policy: csp } as ReadmeSite;
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://site').pathname;
    if (path.startsWith('/api/')) {
      const forward = request(
        {
          host: receiverUrl.hostname,
          port: receiverUrl.port,
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
    const type =
      { '.html': 'text/html; charset=utf-8', '.png': 'image/png' }[extname(file)] ??
      'text/javascript';
    res.writeHead(200, {
      'content-type': type,
      ...(type.startsWith('text/html') ? { 'content-security-policy': served.policy } : {}),
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(served, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    printed,
    requests,
    dir: site,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(site, { recursive: true, force: true });
    },
  });
}
