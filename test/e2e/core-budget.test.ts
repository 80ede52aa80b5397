// Issue 22 point 1: the core (dist/dvc-forms.min.js and every chunk it imports statically) is
// at most 40 KB gzip -9, measured exactly as `npm run bench` measures it (bench/lib/bundle.mjs).
// A byte count, not a time: the same for a given tree on any machine, so a test guards it. The
// bench reports it but never fails the build, and once a sentence moved into a catalog the core
// imports took the core 52 bytes over without any test noticing (session 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const { measureBundle } = (await import(
  new URL('../../bench/lib/bundle.mjs', import.meta.url).href
)) as {
  measureBundle: (dist: string) => { core: { files: string[]; gzipBytes: number } };
};

/** The target of issue 22 point 1, in bytes: 40 KB. */
const CORE_BUDGET = 40 * 1024;

test('the core bundle stays within 40 KB gzip -9', () => {
  const { core } = measureBundle(fileURLToPath(new URL('../../dist/', import.meta.url)));
  assert.ok(
    core.gzipBytes <= CORE_BUDGET,
    `the core (${core.files.join(', ')}) is ${core.gzipBytes} bytes gzip -9, ` +
      `${core.gzipBytes - CORE_BUDGET} over ${CORE_BUDGET}: move code into a lazy chunk`,
  );
});
