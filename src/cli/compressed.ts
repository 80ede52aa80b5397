/**
 * Brotli and gzip copies of a file a browser downloads, written beside it once at the highest
 * settings, so a web server sends `x.min.js.br` or `x.min.js.gz` with `Content-Encoding` instead
 * of compressing on every request (README "Serve the files compressed and cached": nginx's
 * `brotli_static`/`gzip_static`, the demo receiver's `preCompressed`). Cheap phones on slow
 * networks pay for every byte: brotli -11 is ≈ 15 % smaller than gzip -9 on these files. One
 * place for the build (scripts/precompress.mjs, dist/) and the CLI (`compile`, `first-page`).
 */
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The brotli (-11, text mode) and gzip (-9) forms of `bytes`. */
export function compressedCopies(bytes: Uint8Array): { br: Buffer; gz: Buffer } {
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { br, gz: gzipSync(bytes, { level: 9 }) };
}

/** Writes `path`, and `<path>.br` and `<path>.gz` beside it; returns the sizes written. */
export function writeWithCompressedCopies(
  path: string,
  content: string | Uint8Array,
): { bytes: number; br: number; gz: number } {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const { br, gz } = compressedCopies(bytes);
  writeFileSync(path, bytes);
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  return { bytes: bytes.length, br: br.length, gz: gz.length };
}
