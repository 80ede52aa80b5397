// Brotli and gzip copies of the browser files in dist/ (the one-file bundle, its lazy chunks and
// the per-procedure forms), written once at build time (src/cli/compressed.ts says why and how);
// the demo receiver serves them with @fastify/static's `preCompressed`. Run with `--import tsx`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The one implementation, shared with `dvc-forms compile` and `first-page` (run under tsx).
import { writeWithCompressedCopies } from '../src/cli/compressed.ts';

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
    out.push({ file: path, ...writeWithCompressedCopies(path, readFileSync(path)) });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length > 0 ? dirs : ['dist']) precompress(dir);
}
