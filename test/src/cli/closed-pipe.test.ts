/**
 * `dvc-forms lint … | head -1`: when the reader closes the pipe the CLI stops quietly, with no
 * EPIPE stack trace on stderr (issue 19, point 11).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

test('a reader that closes the pipe after one line gets no EPIPE stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-pipe-'));
  try {
    // A procedure with thousands of unknown fields: far more lint output than a pipe buffers.
    const p = JSON.parse(
      readFileSync(join(ROOT, 'test/src/procedure/fixtures/valid-minimal.json'), 'utf8'),
    );
    for (let i = 0; i < 3000; i++)
      p.ui.steps[1].fields.push({ field: `missing${i}`, widget: 'text', label: { vi: 'X' } });
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(p, null, 2));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/cli/main.ts').then(async (m) => { process.exitCode = await m.main(['lint', ${JSON.stringify(file)}]); })`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.notEqual(code, null);
    assert.doesNotMatch(stderr, /EPIPE/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
