import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, type CliIo } from '../../../src/cli/main.js';
import { commands } from '../../../src/cli/registry.js';
import { USAGE } from '../../../src/cli/commands/usage.js';

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

test('<command> --help prints that command usage on stdout and exits 0', async () => {
  for (const args of [
    ['check', '--help'],
    ['verify', 'payload.jws', '-h'],
    ['lint', '--help'],
  ]) {
    const io = capture();
    assert.equal(await main(args, io), 0, args.join(' '));
    assert.deepEqual(io.stderr, []);
    assert.equal(io.stdout[0], USAGE[args[0] as keyof typeof USAGE]);
  }
  const io = capture();
  await main(['check', '--help'], io);
  assert.deepEqual(io.stdout, [
    'Usage: dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]',
    '',
    'validate answers against a procedure',
  ]);
});

test('every command has a usage line', async () => {
  await main(['version'], capture());
  assert.deepEqual(Object.keys(commands).sort(), Object.keys(USAGE).sort());
});
