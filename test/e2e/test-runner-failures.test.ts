/**
 * The browser test runner names a failing test even when the assertion was about an element.
 * web-test-runner sends each result with structuredClone, which cannot copy an element, so a
 * failed `expect(el).to.equal(null)` used to leave the page unable to report: the run ended
 * 120 s later with "Browser tests did not finish", naming no test, and CI showed only
 * "1 failed". test/support/clone-safe-errors.js describes such values instead. This runs the
 * real runner (Chromium) on a fixture that fails on purpose and reads what npm test reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { findChromium: () => string | undefined };

test(
  'a failed assertion about an element is reported with its name, at once',
  // Skipped only without Chromium: npm test installs it before the e2e stage (ensureChromium),
  // so under npm test it always runs.
  { skip: findChromium() ? false : 'needs Chromium' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-wtr-failure-'));
    const countFile = join(dir, 'count.json');
    try {
      const run = spawnSync('node_modules/.bin/wtr', [], {
        encoding: 'utf8',
        env: {
          ...process.env,
          DVC_ENGINE: 'chromium',
          WTR_FILES: 'test/support/fixtures/element-failure.fixture.ts',
          DVC_COUNT_FILE: countFile,
        },
        timeout: 110_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      assert.equal(run.status, 1, output);
      assert.doesNotMatch(output, /did not finish/);
      assert.match(
        output,
        /AssertionError: expected <h2>.*Tra cứu tình trạng hồ sơ<\/h2> to equal null/,
      );
      assert.deepEqual(JSON.parse(readFileSync(countFile, 'utf8')), {
        passed: 0,
        failed: 1,
        skipped: 0,
        names: [
          'test/support/fixtures/element-failure.fixture.ts (chromium) › a failing assertion about an element › is reported by name',
        ],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
