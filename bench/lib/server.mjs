// The benchmark's own static server on 127.0.0.1 and a random port: files from the repository
// (dist/, bench/pages/) and generated resources (pages, procedures, compiled validators) from
// memory. Pages are served under the strict CSP the product targets.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; " +
  "base-uri 'none'; require-trusted-types-for 'script'";
/**
 * The same policy for a page that allows WebAssembly compilation, as an agency accepting files
 * above the 64 MB one-shot limit is told to (docs/performance.md, src/files/hash.ts): the only
 * difference is `'wasm-unsafe-eval'`, which still refuses `eval` and `new Function`.
 */
export const CSP_WASM = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

/**
 * Starts the server. `routes` maps a path to `() => string` (generated content); other paths
 * under `/dist/` and `/bench/pages/` are files below `root`; `policies` maps a path to another
 * Content-Security-Policy than `CSP`. Returns `{ origin, close() }`.
 */
export async function startServer(root, routes, policies = {}) {
  const allowed = ['dist', join('bench', 'pages')].map((d) => join(root, d) + sep);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = {
      'content-security-policy': Object.hasOwn(policies, path) ? policies[path] : CSP,
      'x-content-type-options': 'nosniff',
    };
    try {
      let body;
      if (Object.hasOwn(routes, path)) {
        body = routes[path]();
        // Pages are fetched fresh on every navigation; scripts may come from the cache, as they
        // would for a returning visitor (the warm-up run fills it).
        headers['cache-control'] = path.endsWith('.html') ? 'no-store' : 'max-age=600';
      } else {
        const file = normalize(join(root, path));
        if (!allowed.some((d) => file.startsWith(d)))
          throw Object.assign(new Error(), { code: 'ENOENT' });
        body = await readFile(file);
        headers['cache-control'] = 'max-age=600';
      }
      headers['content-type'] = TYPES[extname(path)] ?? 'application/octet-stream';
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
