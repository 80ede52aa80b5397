import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, type CliIo } from '../../../src/cli/main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

test('no command prints the usage and exits 2', async () => {
  const io = capture();
  assert.equal(await main([], io), 2);
  assert.equal(io.stdout[0], 'Usage: dvc-forms <command> [options]');
});

test('an unknown command is named on stderr and exits 2', async () => {
  const io = capture();
  assert.equal(await main(['frobnicate'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms: unknown command "frobnicate"']);
});

test('version prints the package version', async () => {
  const io = capture();
  assert.equal(await main(['version'], io), 0);
  assert.match(io.stdout[0], /^\d+\.\d+\.\d+/);
});
