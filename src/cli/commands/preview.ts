/**
 * `dvc-forms preview <procedure.json> [--port <n>] [--host <address>] [--lang vi|en]`: serves the
 * procedure as a citizen will see it, in `<dvc-form>` from the built bundle, and reloads the page
 * whenever the file changes (server-sent events). The lint problems of the current file are shown
 * above the form, with line and column, so an author can edit, save and look.
 *
 * Local only: it listens on 127.0.0.1 by default and has no submission endpoint. "Gửi hồ sơ"
 * shows the payload the form would sign instead of sending it. Stops on Ctrl+C.
 */
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProcedure } from '../../procedure/load.js';
import type { Lang } from '../../procedure/types.js';
import type { Command } from '../main.js';
import { checkPatternSyntax } from '../../procedure/pattern-check.js';
import { checkSchemaCompiles } from '../../procedure/schema-compile-check.js';
import { usageError } from './usage.js';
import { CLI_MESSAGES } from '../messages.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The folder holding dvc-forms.min.js and its chunks, or undefined before a build. */
export function bundleDir(): string | undefined {
  try {
    const file = fileURLToPath(import.meta.resolve('dvc-forms/dvc-forms.min.js'));
    return existsSync(file) ? dirname(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own script: reload on `reload` events, show the payload instead of sending it. */
const CLIENT_JS = `
const events = new EventSource('/events');
events.addEventListener('reload', () => location.reload());
const form = document.querySelector('dvc-form');
form.submitter = async (payload) => {
  const out = document.getElementById('payload');
  out.hidden = false;
  out.querySelector('pre').textContent = JSON.stringify(payload, null, 2);
  return { receipt: 'XEM-TRUOC' };
};
`;

function page(file: string, text: string | undefined, lang: Lang): string {
  const t = CLI_MESSAGES[lang];
  const problems =
    text === undefined
      ? []
      : loadProcedure(text, {
          file: basename(file),
          checkPattern: checkPatternSyntax,
          checkSchema: checkSchemaCompiles,
        }).problems;
  const list = problems
    .map(
      (p) =>
        `<li><code>${escapeHtml(`${basename(file)}:${p.line}:${p.column}`)}</code> <code>${escapeHtml(p.code)}</code>${p.severity === 'warning' ? ' ⚠' : ''} ${escapeHtml(p.message[lang])}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.previewTitle(basename(file)))}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; }
  #problems { border-left: 4px solid #d4351c; padding: 0.5rem 1rem; margin-bottom: 1.5rem; }
  #problems.ok { border-color: #00703c; }
  pre { overflow: auto; background: #f3f2f1; padding: 1rem; }
</style>
<script type="module" src="/dvc-forms.min.js"></script>
<script type="module" src="/preview.js"></script>
</head>
<body>
<section id="problems" class="${problems.length ? 'problems' : 'ok'}" role="${problems.length ? 'alert' : 'status'}">
<p>${escapeHtml(problems.length ? t.previewProblems(problems.length) : t.previewNoProblems)}</p>
${problems.length ? `<ul>\n${list}\n</ul>` : ''}
</section>
<dvc-form procedure="/procedure.json" drafts="off"></dvc-form>
<section id="payload" hidden><p>${escapeHtml(t.previewPayload)}</p><pre></pre></section>
</body>
</html>
`;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the preview server for `file`. `onReload` is told each time the file changed and the
 * pages were asked to reload.
 */
export async function startPreview(
  file: string,
  options: {
    port?: number;
    host?: string;
    lang?: Lang;
    bundle?: string;
    onReload?: () => void;
  } = {},
): Promise<PreviewServer> {
  const path = resolve(file);
  const lang = options.lang ?? 'vi';
  const bundle = options.bundle ?? bundleDir();
  if (!bundle) throw new Error(CLI_MESSAGES[lang].previewNoBundle);
  const clients = new Set<ServerResponse>();
  const read = (): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', 'GET only');
    if (url.pathname === '/')
      return send(200, 'text/html; charset=utf-8', page(path, read(), lang));
    if (url.pathname === '/preview.js') return send(200, 'text/javascript', CLIENT_JS);
    if (url.pathname === '/procedure.json') {
      const text = read();
      return text === undefined
        ? send(404, 'text/plain', 'not found')
        : send(200, 'application/json; charset=utf-8', text);
    }
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    // The bundle and its lazy chunks, from the built dist/ folder only.
    const asset = normalize(join(bundle, decodeURIComponent(url.pathname)));
    if (
      asset.startsWith(bundle + sep) &&
      /\.(m?js|map)$/.test(asset) &&
      existsSync(asset) &&
      (basename(asset) === 'dvc-forms.min.js' || asset.includes(`${sep}chunks${sep}`))
    )
      return send(200, 'text/javascript', readFileSync(asset));
    return send(404, 'text/plain', 'not found');
  });

  // Editors save by rename or by writing in place: watch the folder and match the name.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name !== null && name.toString() !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const c of clients) c.write('event: reload\ndata: {}\n\n');
      options.onReload?.();
    }, 100);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    async close() {
      clearTimeout(timer);
      watcher.close();
      for (const c of clients) c.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

export const preview: Command = async (args, io) => {
  let lang: Lang = 'vi';
  let port = 8090;
  let host = '127.0.0.1';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    if (a === '--lang' && (v === 'vi' || v === 'en')) {
      lang = v;
      i++;
    } else if (a === '--port' && v !== undefined && /^\d+$/.test(v) && Number(v) <= 65535) {
      port = Number(v);
      i++;
    } else if (a === '--host' && v) {
      host = v;
      i++;
    } else if (a === '--lang' || a === '--port' || a === '--host')
      return usageError(io, 'preview', args, { kind: 'badValue', option: a, value: v });
    else if (a.startsWith('-'))
      return usageError(io, 'preview', args, { kind: 'unknownOption', option: a });
    else files.push(a);
  }
  if (files.length === 0)
    return usageError(io, 'preview', args, { kind: 'missing', what: 'procedure' });
  if (files.length > 1)
    return usageError(io, 'preview', args, { kind: 'unexpected', argument: files[1]! });
  const file = files[0]!;
  if (!existsSync(file)) {
    io.err(CLI_MESSAGES[lang].cannotRead(file, CLI_MESSAGES[lang].readErrors['ENOENT']!));
    return 2;
  }
  let server: PreviewServer;
  try {
    server = await startPreview(file, {
      port,
      host,
      lang,
      onReload: () => io.out(CLI_MESSAGES[lang].previewReloaded(file)),
    });
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  io.out(CLI_MESSAGES[lang].previewServing(server.url, file));
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
};
