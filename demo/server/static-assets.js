// How the demo serves what a browser downloads (issue 22 point 6; README "Serving the files"):
// compressed, and cached for as long as a name can be trusted.
//
// - dist/ (`/assets/`): the bundle, its lazy chunks and the per-procedure forms are brotli and
//   gzip copies written at build time (scripts/precompress.mjs), sent as they are. A file whose
//   name carries its content hash (`chunks/load-Dp4vs1Du.min.js`) never changes, so a browser
//   keeps it a year without asking again (`immutable`); every other name is revalidated
//   (`no-cache` + ETag → a 304 of a few hundred bytes).
// - everything else a page fetches (the HTML pages, site.css, the procedure JSON, the compiled
//   validator modules) is compressed per response by @fastify/compress and revalidated.
// - never `/api/`: those responses carry personal data and secrets (dossier codes, API keys) next
//   to what a request sent, which is what BREACH-style attacks on compressed TLS exploit; they are
//   small anyway. Request bodies are never decompressed (no zip bombs through the receiver).
import compress from '@fastify/compress';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:zlib';

/** A rollup output name with its content hash: `name-<8+ base64url chars>.min.js(.map)`. */
export const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.min\.js(\.map)?$/;

/** A year: what "immutable" files get (RFC 8246). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cached, but checked with the server (ETag / Last-Modified) before every use. */
export const REVALIDATE = 'no-cache';

/**
 * Cache-Control for a file under dist/ by its path.
 * @param {string} path
 */
export function assetCacheControl(path) {
  return HASHED_NAME.test(path) ? IMMUTABLE : REVALIDATE;
}

/**
 * Options for @fastify/static serving dist/ (`/assets/`): precompressed copies, hashed names
 * immutable, the rest revalidated; `Vary: Accept-Encoding` so a shared cache keeps one copy per
 * encoding.
 */
export const assetStaticOptions = {
  preCompressed: true,
  cacheControl: false,
  /** @param {import('@fastify/static').SetHeadersResponse} res @param {string} path */
  setHeaders(res, path) {
    res.setHeader('cache-control', assetCacheControl(path.replace(/\.(br|gz)$/, '')));
    res.setHeader('vary', 'accept-encoding');
  },
};

/**
 * Options for @fastify/static serving the site's own files (pages, CSS, scripts): revalidated.
 */
export const siteStaticOptions = {
  cacheControl: false,
  /** @param {import('@fastify/static').SetHeadersResponse} res */
  setHeaders(res) {
    res.setHeader('cache-control', REVALIDATE);
  },
};

/**
 * Compresses every response but `/api/` ones (brotli, else gzip, from 1 KB). Register it before
 * any route: the choice is made per route as routes are added.
 * @param {import('fastify').FastifyInstance} app
 */
export async function registerCompression(app) {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path ?? '';
    if (url.startsWith('/api/') || url === '/api') route.compress = false;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Per response: a quick brotli level (the large files are precompressed at -11).
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}

/**
 * The lazy chunks every form page needs before its first field is usable: the form's engine
 * (session, validation, rules: components/form/engine.ts, `ENGINE_CHUNK` of the compiler). The
 * drafts, signing and transport chunks load after it on a first visit (components/form/drafts.ts):
 * preloading them would share the slow link with what the first page needs. A chunk's static
 * imports (all of them, dist/chunks.json lists them transitively) are preloaded with it.
 * @type {string[]}
 */
const FORM_LOAD_CHUNKS = ['components/form/engine.ts'];

/**
 * URLs (under `/assets/`) of the bundle and the chunks every form loads at once, from the
 * build's dist/chunks.json: the page preloads them so they arrive with the form's script instead
 * of one round trip after it (2 s on a slow 3G link). Empty when there is no build. `extra`: more
 * chunks by source module, as a form artefact lists those its procedure needs before the form is
 * ready (`chunks` of `compileProcedureModule`, e.g. the 2025 commune codes).
 * @param {string} distDir
 * @param {string[]} [extra]
 * @returns {string[]}
 */
export function readPreloads(distDir, extra = []) {
  /** @type {Record<string, { file: string, imports: string[] }>} */
  let chunks;
  try {
    chunks = JSON.parse(readFileSync(join(distDir, 'chunks.json'), 'utf8'));
  } catch {
    return [];
  }
  const files = new Set(['dvc-forms.min.js']);
  for (const id of [...FORM_LOAD_CHUNKS, ...extra]) {
    const c = chunks[id];
    if (!c) continue;
    files.add(c.file);
    for (const i of c.imports) files.add(i);
  }
  return [...files].map((f) => `/assets/${f}`);
}
