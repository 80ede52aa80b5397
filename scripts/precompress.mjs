// Brotli and gzip copies of the browser files in dist/ (the one-file bundle, its lazy chunks and
// the per-procedure forms), written once at build time at the highest settings, so a server
// sends `x.min.js.br` or `x.min.js.gz` with `Content-Encoding` instead of compressing on every
// request (the demo receiver does this with @fastify/static's `preCompressed`;
// README "Serving the files" shows nginx and Apache doing the same). Cheap phones on slow
// networks pay for every byte: brotli -11 is ≈ 15 % smaller than gzip -9 on these files.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/**
 * The files a browser downloads: the minified bundle, chunks and forms (`*.min.js`). Not the npm
 * entries, types or source maps, which no page loads.
 */
const COMPRESSIBLE = /\.min\.js$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` (recursively,
 * except `types/`), and returns the files compressed with their sizes.
 * @param {string} dir
 * @returns {{ file: string, bytes: number, br: number, gz: number }[]}
 */
export function precompress(dir) {
  /** @type {{ file: string, bytes: number, br: number, gz: number }[]} */
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'types') out.push(...precompress(path));
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const bytes = readFileSync(path);
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    out.push({ file: path, bytes: bytes.length, br: br.length, gz: gz.length });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length > 0 ? dirs : ['dist']) precompress(dir);
}
