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
  assert.deepEqual(io.stdout.slice(0, 4), [
    'Cách dùng: dvc-forms <lệnh> [tùy-chọn]',
    '',
    'Các lệnh:',
    '  check      kiểm tra một tệp câu trả lời theo một thủ tục',
  ]);
  const en = capture();
  assert.equal(await main(['--help', '--lang', 'en'], en), 0);
  assert.deepEqual(en.stdout.slice(0, 4), [
    'Usage: dvc-forms <command> [options]',
    '',
    'Commands:',
    '  check      validate answers against a procedure',
  ]);
});

test('an unknown command is named on stderr, with the closest command, and exits 2', async () => {
  let io = capture();
  assert.equal(await main(['frobnicate'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms: không có lệnh "frobnicate".']);
  io = capture();
  assert.equal(await main(['lnit', '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms: unknown command "lnit"; did you mean "lint"?']);
  io = capture();
  assert.equal(await main(['chek', 'a.json'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms: không có lệnh "chek"; có phải ý bạn là "check"?']);
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
    assert.equal(io.stdout[0], USAGE.vi[args[0] as keyof typeof USAGE.vi]);
  }
  let io = capture();
  await main(['check', '--help'], io);
  assert.deepEqual(io.stdout, [
    'Cách dùng: dvc-forms check <thủ-tục.json> <câu-trả-lời.json> [--lang vi|en] [--format json]',
    '',
    'kiểm tra một tệp câu trả lời theo một thủ tục',
  ]);
  io = capture();
  await main(['check', '--help', '--lang', 'en'], io);
  assert.deepEqual(io.stdout, [
    'Usage: dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]',
    '',
    'validate answers against a procedure',
  ]);
});

test('every command has a usage line', async () => {
  await main(['version'], capture());
  for (const lang of ['vi', 'en'] as const)
    assert.deepEqual(Object.keys(commands).sort(), Object.keys(USAGE[lang]).sort());
});
